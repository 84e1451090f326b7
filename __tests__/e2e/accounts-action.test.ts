/**
 * Issue 14's end state through the committed bundle, run as the runner runs it (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY): a repository whose `staging` and `production`
 * environments hold different keys under the same secret names, the production key in a second
 * AWS account reached through the `accounts` input, migrates in one pull request. Against moto
 * (accounts kept apart by the credentials' account; `sts:AssumeRole` acts in the role's account)
 * and the project's GitHub API server. Moto checks no trust policy: the run's own trust check
 * (on the policies read back from each account) is what passes, and the test reads the policies.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GetRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import {
  BASE_ACCOUNT,
  OTHER_ACCOUNT,
  OTHER_ADMIN_ROLE,
  seedKeyUser,
  seedOtherAccount
} from '../../__fixtures__/accounts/seed.js'
import { runAction } from '../../test-support/runner.js'
import { migrateInputs, startSandbox, type Sandbox } from '../../test-support/sandbox.js'

const entry = path.resolve('dist/index.js')
const FIXTURE = fileURLToPath(new URL('../../__fixtures__/accounts/two-accounts', import.meta.url))
const REPOSITORY = 'octo-org/two-accounts'

let sandbox: Sandbox
let base: IAMClient
let other: IAMClient
let keys = ''

beforeAll(async () => {
  sandbox = await startSandbox({ example: FIXTURE, repository: REPOSITORY })
  base = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    }
  })
  other = await seedOtherAccount({
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    region: sandbox.env.AWS_REGION,
    accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
  })
  keys = [
    `staging/AWS_ACCESS_KEY_ID=${await seedKeyUser(base, 'deployer-staging')}`,
    `production/AWS_ACCESS_KEY_ID=${await seedKeyUser(other, 'deployer-prod')}`,
    `AUDIT_AWS_ACCESS_KEY_ID=${await seedKeyUser(base, 'auditor')}`
  ].join('\n')
}, 120_000)

afterAll(async () => {
  base?.destroy()
  other?.destroy()
  await sandbox?.stop()
})

const roles = async (iam: IAMClient): Promise<string[]> =>
  ((await iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))).Roles ?? [])
    .map((r) => r.Arn ?? '')
    .sort()

describe('dist/index.js with the accounts input', () => {
  it('migrates a file using keys of two accounts in one pull request, a role in each account', async () => {
    const run = await runAction(entry, {
      inputs: migrateInputs(sandbox, { keys, accounts: `${OTHER_ACCOUNT}=${OTHER_ADMIN_ROLE}` }),
      env: { ...sandbox.env, GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '1' }
    })
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.outputs['pull-request-operation']).toBe('created')

    const arns = JSON.parse(run.outputs['role-arns'] ?? '{}') as Record<string, string>
    const inBase = await roles(base)
    const inOther = await roles(other)
    expect(inOther).toEqual([arns['production/AWS_ACCESS_KEY_ID']])
    expect(inBase).toEqual(
      [arns['staging/AWS_ACCESS_KEY_ID'], arns['AUDIT_AWS_ACCESS_KEY_ID']].sort()
    )
    expect(inOther[0]).toContain(`:${OTHER_ACCOUNT}:role/`)
    expect(inBase.every((a) => a.includes(`:${BASE_ACCOUNT}:role/`))).toBe(true)

    const name = inOther[0]?.split('/').pop() ?? ''
    const trust = decodeURIComponent(
      (await other.send(new GetRoleCommand({ RoleName: name }))).Role?.AssumeRolePolicyDocument ??
        ''
    )
    expect(trust).toContain(`repo:${REPOSITORY}:environment:production`)
    expect(trust).not.toContain(':environment:staging')

    // The summary names the provider of each account; the plan output lists both accounts.
    expect(run.summary).toContain(`arn:aws:iam::${BASE_ACCOUNT}:oidc-provider/`)
    expect(run.summary).toContain(`arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/`)
    const plan = JSON.parse(run.outputs.plan ?? '{}') as {
      accounts?: { accountId: string; provider: { change: string } }[]
    }
    expect(plan.accounts?.map((a) => [a.accountId, a.provider.change])).toEqual([
      [BASE_ACCOUNT, 'create'],
      [OTHER_ACCOUNT, 'create']
    ])
    const pulls = sandbox.github.repository(REPOSITORY).pulls
    expect(pulls).toHaveLength(1)
  })
})
