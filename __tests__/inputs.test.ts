import { afterEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { ACTION_INPUTS } from '../src/action-inputs.js'
import { getSettings as readSettings, InputError, list, parseKeys } from '../src/inputs.js'
import { captureOutput } from '../test-support/runner.js'

/** In-process, with the masks captured as the runner would (not printed to the test log). */
let commands: readonly { command: string; message: string }[] = []
function getSettings(): ReturnType<typeof readSettings> {
  const captured = captureOutput(readSettings)
  commands = captured.commands
  return captured.value
}

const set: string[] = []
function input(name: string, value: string): void {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
  process.env[key] = value
  set.push(key)
}
afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key]
})

describe('getSettings', () => {
  it('reads the documented defaults when inputs are empty', () => {
    const s = getSettings()
    expect(s.mode).toBe('plan')
    expect(s.failOnFindings).toBe(false)
    expect(s.keys).toEqual([])
    expect(s.awsRegion).toBe('us-east-1')
    expect(s.rolePath).toBe('/github-actions/')
    expect(s.maxSessionDuration).toBe(3600)
    expect(s.permissionsBoundary).toBeNull()
    expect(s.repository).toBeNull()
    expect(s.branch).toBe('aws-keys-to-oidc')
  })

  it('reads each input as the runner gives it: set to its action.yml default, or empty', () => {
    const empty = getSettings()
    const declared = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { default?: unknown }>
    }
    for (const [name, { default: value }] of Object.entries(declared.inputs)) {
      // The runner evaluates `${{ ... }}` defaults; outside it such an input is empty.
      if (!String(value).includes('${{')) input(name, String(value))
    }
    expect(getSettings()).toEqual(empty)
    expect(Object.keys(ACTION_INPUTS)).toEqual(Object.keys(declared.inputs))
  })

  it('is the one module that reads inputs', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)]
      )
    const readers = sources('src').filter(
      (file) =>
        file !== path.join('src', 'inputs.ts') && /\bget\w*Input\(/.test(readFileSync(file, 'utf8'))
    )
    expect(readers).toEqual([])
  })

  it('reads every input', () => {
    input('mode', 'migrate')
    input('working-directory', '__tests__')
    input('sarif-file', 'out/results.sarif')
    input('fail-on-findings', 'true')
    input('keys', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nPROD_KEY_ID = AKIAI44QH8DHBEXAMPLE\n')
    input('aws-region', 'eu-central-1')
    input('role-name', 'gh-{repo}-{user}')
    input('role-path', '/ci/')
    input('oidc-issuer', 'https://ghes.example.com/_services/token/')
    input('max-session-duration', '7200')
    input('permissions-boundary', 'arn:aws:iam::123456789012:policy/Boundary')
    input('repository', 'octo-org/legacy-repo')
    input('pr-labels', 'security, aws\nci')
    input('draft', 'true')
    const s = getSettings()
    expect(s).toMatchObject({
      mode: 'migrate',
      workingDirectory: '__tests__',
      sarifFile: 'out/results.sarif',
      failOnFindings: true,
      awsRegion: 'eu-central-1',
      roleName: 'gh-{repo}-{user}',
      rolePath: '/ci/',
      oidcIssuer: 'https://ghes.example.com/_services/token',
      maxSessionDuration: 7200,
      permissionsBoundary: 'arn:aws:iam::123456789012:policy/Boundary',
      repository: { owner: 'octo-org', repo: 'legacy-repo' },
      prLabels: ['security', 'aws', 'ci'],
      draft: true
    })
    expect(s.keys).toEqual([
      { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
      { secretName: 'PROD_KEY_ID', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' }
    ])
    expect(commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).toEqual([
      'AKIAIOSFODNN7EXAMPLE',
      'AKIAI44QH8DHBEXAMPLE'
    ])
  })

  it.each([
    ['mode', 'apply', /Input 'mode': 'apply' is not supported; use one of: plan, migrate/],
    ['fail-on-findings', 'yes', /Input 'fail-on-findings': 'yes' is not a boolean/],
    ['aws-region', 'Europe', /Input 'aws-region': 'Europe' is not an AWS region/],
    ['role-name', 'gh-{repository}', /Input 'role-name'.*only the placeholders/],
    ['role-name', '!!!', /Input 'role-name': '!!!' gives no role name/],
    ['role-name', 'shared-role', /Input 'role-name'.*same role name for every repository/],
    ['role-path', 'github', /Input 'role-path'.*start and end with '\/'/],
    ['oidc-issuer', 'http://example.com', /Input 'oidc-issuer'.*https URL/],
    ['max-session-duration', '60', /Input 'max-session-duration'.*3600 to 43200/],
    ['permissions-boundary', 'Boundary', /Input 'permissions-boundary'.*managed policy ARN/],
    ['repository', 'just-a-name', /Input 'repository': 'just-a-name' is not OWNER\/REPO/],
    ['branch', 'bad..branch', /Input 'branch'.*not a valid git branch name/]
  ])('rejects %s=%s with a message naming the input', (name, value, message) => {
    input(name, value)
    expect(() => getSettings()).toThrow(InputError)
    expect(() => getSettings()).toThrow(message)
  })
})

describe('parseKeys', () => {
  it('masks every value before validating it, and never puts a value in an error', () => {
    const masked: string[] = []
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    let error: unknown
    try {
      parseKeys(`AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=${secret}`, (v) =>
        masked.push(v)
      )
    } catch (e) {
      error = e
    }
    expect(masked).toEqual(['AKIAIOSFODNN7EXAMPLE', secret])
    expect(String(error)).toMatch(/line 2 \(AWS_SECRET_ACCESS_KEY\).*not an access key id/)
    expect(String(error)).not.toContain(secret)
  })

  it('skips blank and comment lines and rejects duplicates and malformed lines', () => {
    const noop = (): void => undefined
    expect(parseKeys('\n# migrate this one\nA=AKIAIOSFODNN7EXAMPLE\n', noop)).toHaveLength(1)
    expect(() => parseKeys('A=AKIAIOSFODNN7EXAMPLE\nA=AKIAI44QH8DHBEXAMPLE', noop)).toThrow(
      /line 2: A is given twice/
    )
    expect(() => parseKeys('AKIAIOSFODNN7EXAMPLE', noop)).toThrow(
      /line 1 is not SECRET_NAME=ACCESS_KEY_ID/
    )
    expect(() => parseKeys('1BAD=AKIAIOSFODNN7EXAMPLE', noop)).toThrow(
      /'1BAD' is not a secret name/
    )
  })
})

describe('parseKeys: environments and IAM users (issue 14)', () => {
  const noop = (): void => undefined

  it('reads ENV/SECRET lines beside the unscoped one, and user: values unmasked', () => {
    const masked: string[] = []
    const keys = parseKeys(
      [
        'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        'staging/AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE',
        'production/AWS_ACCESS_KEY_ID=user:deployer-prod'
      ].join('\n'),
      (v) => masked.push(v)
    )
    expect(keys).toEqual([
      { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
      { secretName: 'staging/AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAI44QH8DHBEXAMPLE' },
      { secretName: 'production/AWS_ACCESS_KEY_ID', accessKeyId: '', userName: 'deployer-prod' }
    ])
    expect(masked).toEqual(['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'])
  })

  it('reads user:ACCOUNT_ID:NAME as a user of that account (the accounts input)', () => {
    expect(parseKeys('production/A=user:222233334444:deployer@prod', noop)).toEqual([
      {
        secretName: 'production/A',
        accessKeyId: '',
        userName: 'deployer@prod',
        accountId: '222233334444'
      }
    ])
  })

  it.each([
    [
      'A=AKIAIOSFODNN7EXAMPLE\na=AKIAI44QH8DHBEXAMPLE',
      /line 2: a is given twice \(also on line 1\)/
    ],
    ['prod/A=AKIAIOSFODNN7EXAMPLE\nPROD/A=AKIAI44QH8DHBEXAMPLE', /line 2: PROD\/A is given twice/],
    ['/A=AKIAIOSFODNN7EXAMPLE', /line 1: '\/A' names no environment/],
    ['prod/1A=AKIAIOSFODNN7EXAMPLE', /line 1: '1A' is not a secret name/],
    ['A=user:', /line 1 \(A\): '' is not an IAM user name/],
    ['A=user:bad name', /line 1 \(A\): 'bad name' is not an IAM user name/],
    ['A=user:222233334444:', /line 1 \(A\): '' is not an IAM user name .*user:ACCOUNT_ID:NAME/],
    ['A=user:2222:bob', /line 1 \(A\): '2222:bob' is not an IAM user name/],
    ['prod/A=', /line 1 \(prod\/A\): the value is not an access key id .* nor user:IAM_USER_NAME/]
  ])('%s is refused: %s', (raw, message) => {
    expect(() => parseKeys(raw, noop)).toThrow(message)
  })
})

describe('list', () => {
  it('splits on commas and newlines and drops empty entries', () => {
    expect(list(' a, b\n\nc ,')).toEqual(['a', 'b', 'c'])
    expect(list('')).toEqual([])
  })
})
