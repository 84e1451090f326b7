/**
 * Issue 11 item 2: configure-aws-credentials chaining onto a role given by an expression
 * (`role-to-assume: ${{ secrets.DEPLOY_ROLE }}`), whose value the action cannot read. With AWS
 * facts (migrate, and plan with keys) the roles of the account that trust the key's IAM user are
 * the candidates: exactly one → it is planned as a chained role (GitHub statement added, keys
 * removed, role-to-assume kept, the PR body names it); none or several → the step keeps its keys
 * and the follow-up names the candidates. Against moto_server through the real SDK clients; moto
 * does not evaluate trust policies, so which roles "trust the user" is decided by the action's
 * own reading of their documents (unit-tested in chain-resolution.test.ts), and the planned trust
 * policy is checked by the trust evaluator (`plan.trustChecks`).
 */
import { describe, expect, it } from '@jest/globals'
import {
  CreateRoleCommand,
  GetRoleCommand,
  UpdateAssumeRolePolicyCommand
} from '@aws-sdk/client-iam'
import { ACCOUNT, arn, seedChaining } from '../../__fixtures__/aws/seed.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { parsePolicyDocument } from '../../src/aws/plan/policy-document.js'
import { TRUST_STATEMENT_SID } from '../../src/aws/plan/trust-policy.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { Actionlint } from '../../test-support/actionlint.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { planMigration, workflowFiles } from './support/compose-harness.js'

const { api } = useMoto()
const linter = new Actionlint()

const WORKFLOW = `name: deploy
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          role-to-assume: \${{ secrets.DEPLOY_ROLE }}
          aws-region: eu-west-1
      - run: aws s3 ls
`

const files = workflowFiles({ '.github/workflows/deploy.yml': WORKFLOW })
const plan = (accessKeyId: string) =>
  planMigration(api, files, [{ secretName: 'AWS_ACCESS_KEY_ID', accessKeyId }])

const trustingUser = (userName: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...extra }]
  }).replace('"Effect"', `"Principal":{"AWS":"${arn(`user/${userName}`)}"},"Effect"`)

describe('role-to-assume from a secret, with the keys', () => {
  it('one role of the account trusts the IAM user: it gets the GitHub statement, the keys go', async () => {
    const user = await seedChaining(api)
    const { aws, migration } = await plan(user.accessKeyId)
    const pair = aws.pairs[0]!
    expect(pair.error).toBeNull()
    expect([...pair.resolvedChains]).toEqual([['${{ secrets.DEPLOY_ROLE }}', user.roleArn]])
    expect(pair.roles.map((r) => [r.kind, r.roleArn])).toEqual([['chained-role', user.roleArn]])
    expect(pair.roles[0]?.writes.map((w) => w.op)).toEqual(['UpdateAssumeRolePolicy'])

    const file = migration.rewrite.files[0]!
    expect(file.changed).toBe(true)
    expect(file.after).not.toContain('aws-access-key-id')
    expect(file.after).not.toContain('aws-secret-access-key')
    expect(file.after).toContain('role-to-assume: ${{ secrets.DEPLOY_ROLE }}')
    expect(file.after).toContain('id-token: write')
    expect(file.after).toContain('contents: read')
    expect(await linter.lint(file.after, file.path)).toEqual([])
    const finding = migration.rewrite.findings.find((f) => f.kind === 'configure-aws-credentials')
    expect(finding?.migration).toBe('automatic')
    expect(finding?.code).toBe('cac-chain-resolved')
    expect(finding?.reason).toContain(user.roleArn)

    // The planned trust policy admits the job and refuses the adversarial claims.
    const check = migration.trustChecks.find((c) => c.roleArn === user.roleArn)
    expect(check?.passed).toBe(true)
    expect(check?.jobs.map((j) => j.job)).toEqual(['deploy'])

    const body = renderPullRequestBody(migration.pullRequest!.body)
    expect(body).toContain('`${{ secrets.DEPLOY_ROLE }}`')
    expect(body).toContain(`the only role of the account that trusts IAM user \`${user.userName}\``)

    await applyAwsPlan(api, aws)
    const trust = parsePolicyDocument(
      (await api.iam.send(new GetRoleCommand({ RoleName: 'assumer-deploy-target' }))).Role
        ?.AssumeRolePolicyDocument ?? '',
      'trust'
    )
    expect(trust.Statement.map((s) => s.Sid)).toEqual(['TrustAssumer', TRUST_STATEMENT_SID])
  })

  it('the account root with a condition naming the user counts as trusting it', async () => {
    const userName = 'rooted'
    const user = await seedChaining(api, userName)
    // A second role, trusting the account root on a condition naming the user.
    const rootRole = await api.iam.send(
      new CreateRoleCommand({
        RoleName: 'root-trust-with-condition',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
              Condition: { ArnEquals: { 'aws:PrincipalArn': user.userArn } }
            }
          ]
        })
      })
    )
    const { aws, migration } = await plan(user.accessKeyId)
    // Two candidates now (the seeded role and the root one): the keys stay.
    expect(aws.pairs[0]?.roles).toEqual([])
    expect(migration.rewrite.files[0]?.changed).toBe(false)
    const followUp = aws.pairs[0]?.followUps.find((u) => u.includes('role-to-assume'))
    expect(followUp).toContain(`2 roles trust IAM user ${userName}`)
    expect(followUp).toContain(user.roleArn)
    expect(followUp).toContain(rootRole.Role?.Arn ?? '?')
  })

  it('a root principal without a condition on the user is not a candidate', async () => {
    const userName = 'lonely'
    const user = await seedChaining(api, userName)
    // A second role trusting the account root alone: it names no one in particular.
    await api.iam.send(
      new CreateRoleCommand({
        RoleName: 'root-trust-only',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }]
        })
      })
    )
    const { aws } = await plan(user.accessKeyId)
    // The seeded role trusts the user directly: it is the one candidate, the root one is not.
    expect([...aws.pairs[0]!.resolvedChains.values()]).toEqual([user.roleArn])
  })

  it('no role trusts the user: the keys stay and the follow-up says so', async () => {
    const userName = 'nobody-trusts'
    const user = await seedChaining(api, userName)
    // Another user's role, and the user's own role made to trust someone else.
    await seedChaining(api, 'unrelated')
    await api.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: `${userName}-deploy-target`,
        PolicyDocument: trustingUser('someone')
      })
    )
    const { aws, migration } = await plan(user.accessKeyId)
    expect(aws.pairs[0]?.roles).toEqual([])
    expect(aws.pairs[0]?.resolvedChains.size).toBe(0)
    expect(migration.rewrite.files[0]?.changed).toBe(false)
    const followUp = aws.pairs[0]?.followUps.find((u) => u.includes('role-to-assume'))
    expect(followUp).toContain(`no role of the account trusts IAM user ${userName}`)
    const finding = migration.rewrite.findings.find((f) => f.kind === 'configure-aws-credentials')
    expect(finding?.migration).toBe('manual')
    expect(finding?.code).toBe('cac-chain-unknown')
  })
})
