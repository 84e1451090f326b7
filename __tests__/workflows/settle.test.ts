/**
 * What the scan marks automatic across files (docker logins to ECR, reusable workflows and their
 * callers, partial pairs, declared secrets nobody reads) and that it is exactly what the rewrite
 * migrates: small repositories written here, each read by hand.
 */
import { describe, expect, it } from '@jest/globals'
import type { Finding, WorkflowFile } from '../../src/workflows/findings.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const W = '.github/workflows/'

function scan(files: Record<string, string>): Finding[] {
  return [...scanWorkflows(toFiles(files)).findings]
}

function toFiles(files: Record<string, string>): WorkflowFile[] {
  return Object.entries(files).map(([name, text]) => ({ path: W + name, text }))
}

/** `[file, line, kind, migration]` per finding (file without the workflows folder). */
function rows(findings: readonly Finding[]): [string, number, string, string][] {
  return findings.map((f) => [f.file.replace(W, ''), f.line, f.kind, f.migration])
}

function dockerLogin(registry: string, username: string, password: string): string {
  return `on: push
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ${registry}
          username: ${username}
          password: ${password}
      - run: docker push ${registry}/app
`
}

describe('docker/login-action with keys', () => {
  const keys = ['${{ secrets.ECR_AWS_ACCESS_KEY_ID }}', '${{ secrets.ECR_AWS_SECRET_ACCESS_KEY }}']

  it.each([
    ['a private ECR host', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'automatic'],
    ['public ECR', 'public.ecr.aws', 'automatic'],
    [
      'an account from a secret',
      '${{ secrets.ACCOUNT }}.dkr.ecr.us-east-1.amazonaws.com',
      'automatic'
    ],
    [
      'a China ECR host (aws-cn partition)',
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      'manual'
    ],
    ['a registry from an expression', '${{ env.REGISTRY }}', 'manual'],
    ['another registry', 'ghcr.io', 'manual']
  ])('logging in to %s is %s', (_what, registry, migration) => {
    const [f] = scan({ 'push.yml': dockerLogin(registry, keys[0]!, keys[1]!) })
    expect([f!.kind, f!.migration]).toEqual(['action-input', migration])
    if (migration === 'automatic') expect(f!.reason).toMatch(/ECR.*rewritten/)
  })

  it('stays manual when username and password are not exactly the two key secrets', () => {
    const host = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    const mixed = scan({
      'push.yml': dockerLogin(
        host,
        `AWS-\${{ secrets.ECR_AWS_ACCESS_KEY_ID }}-\${{ secrets.X }}`,
        keys[1]!
      )
    })
    expect(mixed.length).toBeGreaterThan(0)
    expect(mixed.every((f) => f.migration === 'manual')).toBe(true)
    // The password through the job env: the rewrite only drops plain secret inputs.
    const viaEnv = dockerLogin(host, keys[0]!, '${{ env.ECR_PASSWORD }}').replace(
      '    steps:',
      '    env:\n      ECR_PASSWORD: ${{ secrets.ECR_AWS_SECRET_ACCESS_KEY }}\n    steps:'
    )
    const found = scan({ 'push.yml': viaEnv })
    expect(found.filter((f) => f.kind === 'action-input').map((f) => f.migration)).toEqual([
      'manual'
    ])
  })

  it('is rewritten by plan --diff exactly when automatic', () => {
    for (const registry of ['public.ecr.aws', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn']) {
      const files = toFiles({ 'push.yml': dockerLogin(registry, keys[0]!, keys[1]!) })
      const found = scanWorkflows(files).findings
      const result = rewriteWorkflows(files, found)
      expect(result.files[0]!.changed).toBe(found[0]!.migration === 'automatic')
    }
  })
})

const CALLEE = `on:
  workflow_call:
    secrets:
      access_key_id:
        required: true
      secret_access_key:
        required: true
      optional_token:
        required: false
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.access_key_id }}
          aws-secret-access-key: \${{ secrets.secret_access_key }}
          aws-region: eu-west-1
`

function caller(secrets: string): string {
  return `on: push
jobs:
  deploy:
    uses: ./.github/workflows/callee.yml
    secrets:${secrets}
`
}

const PASS = `
      access_key_id: \${{ secrets.PROD_AWS_ACCESS_KEY_ID }}
      secret_access_key: \${{ secrets.PROD_AWS_SECRET_ACCESS_KEY }}`

describe('reusable workflows of the repository', () => {
  it('migrates the called workflow and its callers together', () => {
    const found = scan({
      'callee.yml': CALLEE,
      'main.yml': caller(PASS),
      'inherit.yml': caller(' inherit')
    })
    expect(rows(found)).toEqual([
      ['callee.yml', 4, 'reusable-workflow-secret', 'automatic'],
      ['callee.yml', 16, 'configure-aws-credentials', 'automatic'],
      ['inherit.yml', 5, 'reusable-workflow-inherit', 'automatic'],
      ['main.yml', 6, 'reusable-workflow-caller', 'automatic']
    ])
    expect(found.find((f) => f.kind === 'reusable-workflow-caller')!.reason).toContain(
      './.github/workflows/callee.yml'
    )
  })

  it('keeps callers manual when the called workflow is not in the scan or keeps a use by hand', () => {
    expect(rows(scan({ 'main.yml': caller(PASS) }))).toEqual([
      ['main.yml', 6, 'reusable-workflow-caller', 'manual']
    ])
    const byHand = CALLEE + '      - run: echo "${{ secrets.access_key_id }}" > key.txt\n'
    expect(rows(scan({ 'callee.yml': byHand, 'main.yml': caller(PASS) }))).toEqual([
      ['callee.yml', 4, 'reusable-workflow-secret', 'manual'],
      ['callee.yml', 16, 'configure-aws-credentials', 'automatic'],
      ['callee.yml', 19, 'key-export', 'manual'],
      ['main.yml', 6, 'reusable-workflow-caller', 'manual']
    ])
  })

  it('keeps a caller manual when it also passes the keys under a name the callee keeps', () => {
    const extra = PASS + '\n      optional_token: ${{ secrets.PROD_AWS_ACCESS_KEY_ID }}'
    const found = scan({ 'callee.yml': CALLEE, 'main.yml': caller(extra) })
    expect(found.find((f) => f.kind === 'reusable-workflow-caller')!.migration).toBe('manual')
  })

  it('makes the uses manual when callers pass different keys under one declared name', () => {
    const other = PASS.replace(/PROD_/g, 'DEV_')
    const found = scan({
      'callee.yml': CALLEE,
      'prod.yml': caller(PASS),
      'dev.yml': caller(other)
    })
    const cac = found.find((f) => f.kind === 'configure-aws-credentials')!
    expect(cac.migration).toBe('manual')
    expect(cac.reason).toContain('DEV_AWS_ACCESS_KEY_ID, PROD_AWS_ACCESS_KEY_ID')
    expect(found.filter((f) => f.migration === 'automatic')).toEqual([])
  })

  it('reports a declared key secret only when it is required or read', () => {
    const unused = CALLEE.replace(/\$\{\{ secrets\.(\w+) \}\}/g, '${{ vars.$1 }}')
    expect(rows(scan({ 'callee.yml': unused }))).toEqual([
      ['callee.yml', 4, 'reusable-workflow-secret', 'manual'],
      ['callee.yml', 16, 'configure-aws-credentials', 'manual']
    ])
    const optional = unused.replace(/required: true/g, 'required: false')
    expect(scan({ 'callee.yml': optional }).map((f) => f.kind)).toEqual([
      'configure-aws-credentials'
    ])
    // Still reported when the file may read it another way.
    const passedOn =
      optional + '  nested:\n    uses: ./.github/workflows/x.yml\n    secrets: inherit\n'
    expect(scan({ 'callee.yml': passedOn }).map((f) => f.kind)).toContain(
      'reusable-workflow-secret'
    )
  })

  it('leaves a rewritten called workflow with no declared-secret finding', () => {
    const files = toFiles({ 'callee.yml': CALLEE, 'main.yml': caller(PASS) })
    const result = rewriteWorkflows(files, scanWorkflows(files).findings)
    const after = result.files.map((f) => ({ path: f.path, text: f.after }))
    expect(result.files.every((f) => f.changed)).toBe(true)
    expect(scanWorkflows(after).findings).toEqual([])
  })
})

describe('partial pairs', () => {
  it('completes a lone side from the full pair of the same file, else of the scan', () => {
    const deploy = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - if: \${{ secrets.DEPLOY_AWS_ACCESS_KEY_ID != '' }}
        run: echo has keys
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.DEPLOY_AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.DEPLOY_AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
`
    const other = `on: push
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: test -n "\${{ secrets.DEPLOY_AWS_SECRET_ACCESS_KEY }}"
`
    const found = scan({ 'deploy.yml': deploy, 'other.yml': other })
    const full = {
      accessKeyId: 'DEPLOY_AWS_ACCESS_KEY_ID',
      secretAccessKey: 'DEPLOY_AWS_SECRET_ACCESS_KEY',
      sessionToken: null
    }
    expect(found.map((f) => [f.file.replace(W, ''), f.secrets.length, f.pair])).toEqual([
      ['deploy.yml', 1, full],
      ['deploy.yml', 2, full],
      ['other.yml', 1, full]
    ])
  })

  it('leaves a side alone when two full pairs could complete it', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: test -n "\${{ secrets.AWS_ACCESS_KEY_ID }}"
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.PROD_AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.DEV_AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
`
    const [lone] = scan({ 'a.yml': text })
    expect(lone!.pair).toEqual({
      accessKeyId: 'AWS_ACCESS_KEY_ID',
      secretAccessKey: null,
      sessionToken: null
    })
  })
})

describe('the plan the rewrite settles', () => {
  it('turns automatic findings of a file the rewrite leaves as it was into manual ones', () => {
    // Keys in the job env while a step assumes another identity: the rewrite cannot keep which
    // credentials later steps use, so it leaves the file; the plan says so.
    const text = `on: push
jobs:
  mixed:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
    steps:
      - run: aws s3 ls
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/other
          aws-region: eu-west-1
      - run: aws s3 ls
`
    const files = toFiles({ 'mixed.yml': text })
    const found = scanWorkflows(files).findings
    expect(found.map((f) => f.migration)).toEqual(['automatic'])
    const result = rewriteWorkflows(files, found)
    expect(result.files[0]!.changed).toBe(false)
    expect(result.findings.map((f) => [f.line, f.kind, f.migration])).toEqual([
      [6, 'env', 'manual']
    ])
    expect(result.findings[0]!.reason).toMatch(/could not be rewritten .*another identity/)
    expect(result.findings[0]!.code).toBe('rewrite-left')
    expect({ ...result.findings[0]!, migration: 'automatic', code: 'env', reason: '' }).toEqual({
      ...found[0]!,
      reason: ''
    })
  })
})
