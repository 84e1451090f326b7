/**
 * Issue 11 item 2: configure-aws-credentials chaining onto a role with the keys. The keys go
 * only when the chained role is known to trust GitHub after the migration: a literal role ARN
 * (the migration adds the GitHub statement to it). A role from a secret, a variable or a step
 * output is not known: the scan, the plan and `--diff` all leave the step on its keys, with the
 * same follow-up. Whole-file case: `__fixtures__/rewrite/chain-expression`.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/plan.js'
import { planWorkflows } from '../../src/workflows/plan.js'
import { Actionlint } from '../../test-support/actionlint.js'

const linter = new Actionlint()

const workflow = (role: string): string => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          role-to-assume: ${role}
          aws-region: eu-west-1
      - run: aws s3 ls
`

describe('role chaining with the keys', () => {
  it.each([
    { role: 'arn:aws:iam::123456789012:role/deployer', migration: 'automatic' },
    { role: '${{ secrets.DEPLOY_ROLE_ARN }}', migration: 'manual' },
    { role: '${{ vars.DEPLOY_ROLE }}', migration: 'manual' },
    { role: '${{ steps.roles.outputs.deploy }}', migration: 'manual' },
    { role: 'deployer', migration: 'manual' }
  ])('role-to-assume $role: $migration', ({ role, migration }) => {
    const files = [{ path: '.github/workflows/deploy.yml', text: workflow(role) }]
    const { result, rewrite } = planWorkflows(files, {})
    const f = result.findings.find((x) => x.kind === 'configure-aws-credentials')!
    expect(f.migration).toBe(migration)
    const file = rewrite.files[0]!
    if (migration === 'automatic') {
      expect(file.changed).toBe(true)
      expect(file.after).not.toContain('aws-access-key-id')
      expect(rewrite.roles.map((r) => [r.arn, r.chained])).toEqual([[role, true]])
    } else {
      expect(file.changed).toBe(false)
      expect(f.reason).toContain(`only to assume the role in role-to-assume (${role})`)
      expect(f.reason).toContain('so the keys stay')
      // The follow-up is the finding's reason: plan and --diff say the same.
      expect(file.followUps.map((u) => u.reason)).toEqual([f.reason])
    }
  })
})

describe('a role-to-assume expression resolved by the migration (chainedRoles)', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/deploy-target'
  const files = [
    { path: '.github/workflows/deploy.yml', text: workflow('${{ secrets.DEPLOY_ROLE_ARN }}') }
  ]

  it('drops the keys, keeps the expression, grants id-token: write; the finding says which role', async () => {
    const { result, rewrite } = planWorkflows(files, {
      chainedRoles: new Map([['${{ secrets.DEPLOY_ROLE_ARN }}', ROLE]])
    })
    const f = result.findings.find((x) => x.kind === 'configure-aws-credentials')!
    expect([f.migration, f.code]).toEqual(['automatic', 'cac-chain-resolved'])
    expect(f.reason).toContain(`${ROLE} is the only role of the account that trusts their IAM user`)
    const file = rewrite.files[0]!
    expect(file.after).not.toContain('aws-access-key-id')
    expect(file.after).toContain('role-to-assume: ${{ secrets.DEPLOY_ROLE_ARN }}')
    expect(file.after).toContain('id-token: write')
    expect(rewrite.roles.map((r) => [r.arn, r.chained])).toEqual([[ROLE, true]])
    expect(await linter.lint(file.after, file.path)).toEqual([])
  })

  it('another expression is not resolved by it', () => {
    const { result, rewrite } = planWorkflows(files, {
      chainedRoles: new Map([['${{ secrets.OTHER_ROLE }}', ROLE]])
    })
    expect(result.findings.find((x) => x.kind === 'configure-aws-credentials')?.code).toBe(
      'cac-chain-unknown'
    )
    expect(rewrite.files[0]?.changed).toBe(false)
  })

  it('refuses a value that is not a role ARN', () => {
    expect(() =>
      planWorkflows(files, { chainedRoles: new Map([['${{ secrets.DEPLOY_ROLE_ARN }}', 'x']]) })
    ).toThrow(/role for \$\{\{ secrets.DEPLOY_ROLE_ARN \}\}/)
  })
})

describe('plan --diff', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rewrite-chain-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('shows no diff for a chain onto a role from a secret, and the follow-up', async () => {
    cpSync('__fixtures__/rewrite/chain-expression/input', tmp, { recursive: true })
    let out = ''
    const code = await runCli(['plan', tmp, '--diff'], {
      stdout: (t) => (out += t),
      stderr: () => undefined
    })
    expect(code).toBe(EXIT.ok)
    expect(out).not.toContain('+++ b/')
    expect(out).toContain(
      '.github/workflows/terraform.yml:12: configure-aws-credentials uses the static keys TF_AWS_ACCESS_KEY_ID and TF_AWS_SECRET_ACCESS_KEY only to assume the role in role-to-assume (${{ secrets.TF_PLAN_ROLE_ARN }})'
    )
  })
})
