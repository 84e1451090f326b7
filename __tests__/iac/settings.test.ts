/**
 * The `iac` and `iac-path` inputs: read through `getSettings` with their action.yml defaults,
 * and refused, naming the input and what is allowed, when they are not one of the formats or
 * not a relative directory of the repository.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { getSettings, InputError } from '../../src/inputs.js'
import { iacDirectory, iacSettings } from '../../src/settings/iac.js'
import { captureOutput } from '../../test-support/runner.js'

const set: string[] = []
function input(name: string, value: string): void {
  const key = `INPUT_${name.toUpperCase()}`
  process.env[key] = value
  set.push(key)
}
afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key]
})

const read = (): ReturnType<typeof getSettings> => captureOutput(getSettings).value

describe('iac inputs', () => {
  it('default to none: IAM by API', () => {
    expect(read().iac).toBeNull()
  })

  it('read a format and the default directory', () => {
    input('iac', 'terraform')
    expect(read().iac).toEqual({ format: 'terraform', directory: 'infra/aws-keys-to-oidc/' })
    input('iac', ' cloudformation ')
    input('iac-path', 'ops/iam')
    expect(read().iac).toEqual({ format: 'cloudformation', directory: 'ops/iam/' })
  })

  it('refuse another format, naming the input and the allowed values', () => {
    input('iac', 'pulumi')
    expect(read).toThrow(InputError)
    expect(read).toThrow(
      "Input 'iac': 'pulumi' is not supported; use one of: none, terraform, cloudformation"
    )
  })

  it.each([
    ['/etc/iam', 'is absolute'],
    ['C:/iam', 'is absolute'],
    ['infra/../../etc', "has an empty, '.' or '..' part"],
    ['..', "has an empty, '.' or '..' part"],
    ['infra//iam', "has an empty, '.' or '..' part"],
    ['./infra', "has an empty, '.' or '..' part"],
    ['infra\\iam', 'contains a backslash'],
    ['.git/hooks', 'is inside .git'],
    ['/', 'is empty'],
    ['in\u0001fra', 'contains a control character']
  ])('refuse iac-path %j (%s)', (path, problem) => {
    expect(() => iacSettings('terraform', path)).toThrow(
      new InputError(
        'iac-path',
        `'${path}' ${problem}; give a directory of the repository relative to its root, with / between parts and no '..', e.g. infra/aws-keys-to-oidc/`
      )
    )
  })

  it('normalise the directory to end in one /', () => {
    expect(iacDirectory('infra/aws-keys-to-oidc')).toBe('infra/aws-keys-to-oidc/')
    expect(iacDirectory(' infra/x/// ')).toBe('infra/x/')
    expect(iacSettings('none', '/ignored')).toBeNull()
  })
})
