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
