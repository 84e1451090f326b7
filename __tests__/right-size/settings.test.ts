/** The `permissions` input: read through src/inputs.ts, validated in src/settings/permissions.ts. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { getSettings, InputError } from '../../src/inputs.js'
import { permissionsMode } from '../../src/settings/permissions.js'
import { captureOutput } from '../../test-support/runner.js'

afterEach(() => {
  delete process.env.INPUT_PERMISSIONS
})

describe('permissions', () => {
  it('defaults to copy (the action.yml default)', () => {
    expect(captureOutput(getSettings).value.permissions).toBe('copy')
  })

  it('reads last-accessed, with the white space of a YAML block', () => {
    process.env.INPUT_PERMISSIONS = ' last-accessed\n'
    expect(captureOutput(getSettings).value.permissions).toBe('last-accessed')
  })

  it.each(['Last-Accessed', 'least-privilege', 'copy,last-accessed'])(
    'refuses %s, naming the input and what is allowed',
    (value) => {
      expect(() => permissionsMode(value)).toThrow(InputError)
      expect(() => permissionsMode(value)).toThrow(
        new RegExp(`permissions.*'${value}' is not supported; use copy .* or last-accessed`)
      )
    }
  )
})
