/**
 * Issue 11 item 3: configure-aws-credentials v6 reads its boolean inputs as YAML 1.2 booleans
 * only. The inputs of rewritten steps written the YAML 1.1 way are converted; other inputs and
 * values stay; an input v6 does not declare is a follow-up. The whole-file case with actionlint
 * is `__fixtures__/rewrite/cac-booleans`.
 */
import { describe, expect, it } from '@jest/globals'
import { CAC_V6_INPUTS, v6Boolean } from '../../src/workflows/rewrite/cac-inputs.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const ROLE = 'arn:aws:iam::123456789012:role/publisher'

describe('v6Boolean', () => {
  it.each([
    ['yes', 'true'],
    ['Yes', 'true'],
    ['ON', 'true'],
    ['y', 'true'],
    ['True', 'true'],
    ['TRUE', 'true'],
    ['no', 'false'],
    ['Off', 'false'],
    ['N', 'false'],
    ['False', 'false'],
    ['true', null],
    ['false', null],
    ['1', null],
    ['${{ inputs.mask }}', null],
    ['maybe', null]
  ])('%s -> %s', (written, want) => {
    expect(v6Boolean(written)).toBe(want)
  })
})

function step(uses: string, inputs: string): string {
  return `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ${uses}
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
${inputs}      - run: aws s3 ls
`
}

function rewriteOne(text: string) {
  const files = [{ path: '.github/workflows/deploy.yml', text }]
  return rewriteWorkflows(files, scanWorkflows(files).findings, {
    roleArns: { AWS_ACCESS_KEY_ID: ROLE }
  }).files[0]!
}

describe('the inputs of a rewritten configure-aws-credentials step', () => {
  it.each([
    {
      name: 'plain yes/no',
      uses: 'aws-actions/configure-aws-credentials@v1',
      inputs: '          mask-aws-account-id: no\n          role-skip-session-tagging: yes\n',
      want: '          mask-aws-account-id: false\n          role-skip-session-tagging: true\n',
      converted: [
        { input: 'mask-aws-account-id', from: 'no', to: 'false' },
        { input: 'role-skip-session-tagging', from: 'yes', to: 'true' }
      ]
    },
    {
      name: 'quoted, with a comment',
      uses: 'aws-actions/configure-aws-credentials@v4',
      inputs: `          role-chaining: "On" # chain\n          disable-retry: 'False'\n`,
      want: `          role-chaining: true # chain\n          disable-retry: false\n`,
      converted: [
        { input: 'role-chaining', from: 'On', to: 'true' },
        { input: 'disable-retry', from: 'False', to: 'false' }
      ]
    },
    {
      name: 'already v6 booleans and non-boolean inputs stay',
      uses: 'aws-actions/configure-aws-credentials@v3',
      inputs: `          output-credentials: true\n          role-duration-seconds: 900\n          role-session-name: yes\n`,
      want: `          output-credentials: true\n          role-duration-seconds: 900\n          role-session-name: yes\n`,
      converted: []
    },
    {
      name: 'an expression stays',
      uses: 'aws-actions/configure-aws-credentials@v2',
      inputs: '          mask-aws-account-id: ${{ inputs.mask }}\n',
      want: '          mask-aws-account-id: ${{ inputs.mask }}\n',
      converted: []
    }
  ])('$name', ({ uses, inputs, want, converted }) => {
    const file = rewriteOne(step(uses, inputs))
    expect(file.changed).toBe(true)
    expect(file.after).toContain(`configure-aws-credentials@v6\n`)
    expect(file.after).toContain(`aws-region: eu-west-1\n${want}`)
    const edit = file.edits.find((e) => e.kind === 'cac-inputs')
    expect(edit?.kind === 'cac-inputs' ? edit.converted : []).toEqual(converted)
    const pin = file.edits.find((e) => e.kind === 'action-pin')
    expect(pin).toMatchObject({ kind: 'action-pin', job: 'deploy', step: 0, from: uses })
  })

  it('names an input v6 does not declare in a follow-up, and keeps it', () => {
    const file = rewriteOne(
      step('aws-actions/configure-aws-credentials@v1', '          role-session-tag: x\n')
    )
    expect(file.after).toContain('role-session-tag: x\n')
    const up = file.followUps.find((u) => u.reason.includes('role-session-tag'))
    expect(up).toMatchObject({ line: 11, kind: null })
    expect(up?.reason).toContain('configure-aws-credentials v6 has no input role-session-tag')
  })

  it('knows every input of v1 (none was renamed or dropped by v6)', () => {
    // The inputs of v1's action.yml (aws-actions/configure-aws-credentials).
    const v1 = [
      'audience',
      'aws-access-key-id',
      'aws-secret-access-key',
      'aws-session-token',
      'aws-region',
      'mask-aws-account-id',
      'role-to-assume',
      'web-identity-token-file',
      'role-duration-seconds',
      'role-session-name',
      'role-external-id',
      'role-skip-session-tagging',
      'http-proxy'
    ]
    expect(v1.filter((i) => !CAC_V6_INPUTS.has(i))).toEqual([])
  })
})
