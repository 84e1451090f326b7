/**
 * Issue 14 item 3: one repository whose `staging` and `production` environments hold different
 * keys under the same secret names, the production key in a second AWS account, and an audit
 * job on a third pair of the base account: one workflow file uses keys of two accounts.
 *
 * In-process runs of `mode: plan` and `mode: migrate` (inputs read by `getSettings()`) against
 * the GitHub API server and moto_server. Moto separates accounts by the credentials' account:
 * `sts:AssumeRole` into a role of account B yields credentials that act in B, which is how the
 * action reaches the further account of its `accounts` input. Moto checks no trust policy, so the
 * trust policies read back from each account are evaluated by the trust check
 * (`plan.trustChecks`, checked again on the written policies by the run itself).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  IAMClient,
  ListRolesCommand
} from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { fileURLToPath } from 'node:url'
import { assumeRoleClients } from '../../src/aws/accounts.js'
import { countCalls, isWriteOperation } from '../../src/aws/clients.js'
import { sessionName } from '../../src/settings/accounts.js'
import type { MigrationPlan } from '../../src/migration/compose.js'
import type { MigrationResult } from '../../src/migration/result.js'
import { Actionlint } from '../../test-support/actionlint.js'
import type { CapturedOutput } from '../../test-support/runner.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'
import {
  BASE_ACCOUNT,
  OTHER_ACCOUNT,
  OTHER_ADMIN_ROLE,
  seedKeyUser,
  seedOtherAccount
} from '../../__fixtures__/accounts/seed.js'

const FIXTURE = fileURLToPath(new URL('../../__fixtures__/accounts/two-accounts', import.meta.url))
const REPOSITORY = 'octo-org/two-accounts'
const BASE = BASE_ACCOUNT
const OTHER = OTHER_ACCOUNT
const ADMIN_ROLE = OTHER_ADMIN_ROLE
const WORKFLOW = '.github/workflows/deploy.yml'

let h: RetireHarness
let other: IAMClient
const keys = { staging: '', production: '', audit: '' }
const linter = new Actionlint()

type Run = CapturedOutput<{ plan: MigrationPlan; result: MigrationResult | null }>

const keyLines = (): string =>
  [
    `staging/AWS_ACCESS_KEY_ID=${keys.staging}`,
    `production/AWS_ACCESS_KEY_ID=${keys.production}`,
    `AUDIT_AWS_ACCESS_KEY_ID=${keys.audit}`
  ].join('\n')

const output = (run: Run, name: string): string | undefined =>
  run.commands.find((c) => c.command === 'set-output' && c.properties.name === name)?.message

const iamWrites = (from: number): string[] =>
  h.evidence.actions.slice(from).filter((a) => isWriteOperation(a) && a !== 'AssumeRole')

async function names(iam: IAMClient): Promise<string[]> {
  return ((await iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))).Roles ?? [])
    .map((r) => r.RoleName ?? '')
    .sort()
}

async function trustOf(iam: IAMClient, roleName: string): Promise<string> {
  const role = await iam.send(new GetRoleCommand({ RoleName: roleName }))
  return decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')
}

beforeAll(async () => {
  h = await startRetireHarness({
    example: FIXTURE,
    repository: REPOSITORY,
    iamFaults: true,
    unspacedGitHub: true
  })
  keys.staging = await seedKeyUser(h.iam, 'deployer-staging')
  keys.audit = await seedKeyUser(h.iam, 'auditor')
  other = await seedOtherAccount({
    endpoint: h.sandbox.moto.endpoint,
    region: h.sandbox.env.AWS_REGION,
    accessKeyId: h.sandbox.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: h.sandbox.env.AWS_SECRET_ACCESS_KEY
  })
  keys.production = await seedKeyUser(other, 'deployer-prod')
  // Each environment holds its own key pair under the repository's names; only the audit pair is
  // a repository secret.
  const repo = h.sandbox.github.repository(REPOSITORY)
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
    const secret = repo.secrets.get(name)
    if (!secret) throw new Error(`the sandbox seeded no secret ${name}`)
    for (const env of ['staging', 'production'])
      repo.environments.get(env)?.secrets.set(name, secret)
    repo.secrets.delete(name)
  }
}, 120_000)

afterAll(async () => {
  other?.destroy()
  await h?.stop()
})

describe('a workflow file that uses keys of two AWS accounts', () => {
  it('without the account in `accounts`, its pair fails naming the account and the input; nothing is written', async () => {
    const before = h.evidence.actions.length
    const run = (await h.plan({ keys: keyLines() })) as Run
    const { plan } = run.value
    const production = plan.aws.pairs.find((p) => p.secretName === 'production/AWS_ACCESS_KEY_ID')
    expect(production?.error).toContain(`belongs to AWS account ${OTHER}`)
    expect(production?.error).toContain(`${OTHER}=ROLE_ARN to the accounts input`)
    // The other pairs are planned; the file waits for its last pair.
    expect(plan.aws.pairs.filter((p) => p.error === null).map((p) => p.secretName)).toEqual([
      'staging/AWS_ACCESS_KEY_ID',
      'AUDIT_AWS_ACCESS_KEY_ID'
    ])
    expect(plan.rewrite.files.filter((f) => f.changed)).toEqual([])
    expect(plan.pullRequest).toBeNull()
    expect(iamWrites(before)).toEqual([])
  })

  it("never gives an environment's jobs the repository line when the environment holds its own key", async () => {
    const run = (await h.plan({
      keys: `AWS_ACCESS_KEY_ID=${keys.staging}\nAUDIT_AWS_ACCESS_KEY_ID=${keys.audit}`
    })) as Run
    const { plan } = run.value
    expect(
      plan.secretSources?.sources
        .filter((s) => s.secret === 'AWS_ACCESS_KEY_ID')
        .map((s) => [s.job, s.definition])
    ).toEqual([
      ['staging', { scope: 'environment', environment: 'staging' }],
      ['production', { scope: 'environment', environment: 'production' }]
    ])
    // Neither environment's job is put in the role of the line's user.
    const line = plan.aws.pairs.find((p) => p.secretName === 'AWS_ACCESS_KEY_ID')
    expect(line?.roles).toEqual([])
    expect(line?.error).toMatch(/no workflow job uses the key/)
    expect(plan.pairErrors.join('\n')).toContain(
      'environment staging, environment production define their own AWS_ACCESS_KEY_ID'
    )
    expect(plan.rewrite.files.filter((f) => f.changed)).toEqual([])
  })

  it('assumes the role of the further account with a session naming the action and the run, once', async () => {
    const counter = countCalls(h.api)
    const masked: string[] = []
    const accounts = assumeRoleClients(h.api, new Map([[OTHER, ADMIN_ROLE]]), {
      sessionName: sessionName('4242', '3'),
      mask: (value) => masked.push(value)
    })
    const [a, b] = await Promise.all([accounts.clientsFor(OTHER), accounts.clientsFor(OTHER)])
    expect(a).toBe(b)
    const identity = await a.sts.send(new GetCallerIdentityCommand({}))
    counter.detach()
    expect(identity.Account).toBe(OTHER)
    expect(identity.Arn).toBe(
      `arn:aws:sts::${OTHER}:assumed-role/migration-admin/aws-keys-to-oidc-4242-3`
    )
    expect(counter.calls.get('AssumeRole')).toBe(1)
    // The session's key id, secret key and token are masked before anything could print them.
    expect(masked).toHaveLength(3)
    expect(masked.every((v) => v.length >= 16)).toBe(true)
    await expect(accounts.clientsFor('333344445555')).rejects.toThrow(/not in the accounts input/)
  })

  it('a role that cannot be assumed fails the pairs of its account only, naming the role and the input', async () => {
    h.iamFaults?.fail({ action: 'AssumeRole', kind: 'denied' })
    const run = (await h.plan({ keys: keyLines(), accounts: `${OTHER}=${ADMIN_ROLE}` })) as Run
    h.iamFaults?.heal()
    const { plan } = run.value
    expect(plan.aws.pairs.map((p) => [p.secretName, p.error === null])).toEqual([
      ['staging/AWS_ACCESS_KEY_ID', true],
      ['production/AWS_ACCESS_KEY_ID', false],
      ['AUDIT_AWS_ACCESS_KEY_ID', true]
    ])
    const error = plan.aws.pairs[1]?.error ?? ''
    expect(error).toContain(`belongs to AWS account ${OTHER}`)
    expect(error).toContain(`could not assume ${ADMIN_ROLE} (accounts input)`)
    expect(error).toMatch(/AccessDenied|not authorized/)
    expect(plan.pullRequest).toBeNull()
  })

  it('a key whose account cannot be looked up fails alone, not as a key of an unlisted account', async () => {
    // The lookups go in the order of the lines: the production key's is the second.
    h.iamFaults?.fail({ action: 'GetAccessKeyInfo', kind: 'denied', nth: 2 })
    const run = (await h.plan({ keys: keyLines(), accounts: `${OTHER}=${ADMIN_ROLE}` })) as Run
    h.iamFaults?.heal()
    const { plan } = run.value
    const error = plan.aws.pairs[1]?.error ?? ''
    expect(error).toContain(
      'could not look up the key in secret production/AWS_ACCESS_KEY_ID (sts:GetAccessKeyInfo)'
    )
    expect(error).not.toContain('to the accounts input')
    expect(plan.aws.pairs.map((p) => p.error === null)).toEqual([true, false, true])
  })

  it('with `accounts`, plans each pair in its key account and names each user with its account in key-owners', async () => {
    h.iamFaults?.resetCalls()
    const run = (await h.plan({ keys: keyLines(), accounts: `${OTHER}=${ADMIN_ROLE}` })) as Run
    // Each key's account is looked up once, to route it; its owner lookup does not ask again.
    const lookups = h.iamFaults?.calls.filter((c) => c.action === 'GetAccessKeyInfo') ?? []
    expect(lookups).toHaveLength(3)
    const { plan } = run.value
    expect(plan.aws.pairs.map((p) => [p.secretName, p.accountId, p.error])).toEqual([
      ['staging/AWS_ACCESS_KEY_ID', BASE, null],
      ['production/AWS_ACCESS_KEY_ID', OTHER, null],
      ['AUDIT_AWS_ACCESS_KEY_ID', BASE, null]
    ])
    expect(plan.aws.accounts.map((a) => [a.accountId, a.provider.change])).toEqual([
      [BASE, 'create'],
      [OTHER, 'create']
    ])
    expect(output(run, 'key-owners')).toBe(
      [
        `staging/AWS_ACCESS_KEY_ID=user:${BASE}:deployer-staging`,
        `production/AWS_ACCESS_KEY_ID=user:${OTHER}:deployer-prod`,
        `AUDIT_AWS_ACCESS_KEY_ID=user:${BASE}:auditor`
      ].join('\n')
    )
  })

  it('a write refused in the further account: no pull request, the error names its role there', async () => {
    // Apply goes account by account: the base account's two roles, then account B's.
    h.iamFaults?.fail({ action: 'CreateRole', kind: 'denied', nth: 3 })
    const run = (await h.migrate({ keys: keyLines(), accounts: `${OTHER}=${ADMIN_ROLE}` })) as Run
    h.iamFaults?.heal()
    const errors = (run.value.result?.errors ?? []).join('\n')
    expect(errors).toContain(`role arn:aws:iam::${OTHER}:role/github-actions/`)
    expect(errors).toContain('pull request: not opened because the AWS side is incomplete')
    expect(h.sandbox.github.repository(REPOSITORY).pulls).toHaveLength(0)
    expect(await names(h.iam)).toHaveLength(2)
    expect(await names(other)).toEqual([])
  })

  it('migrates from the key-owners lines in one pull request: one role per (account, user), each admitting only its jobs', async () => {
    const owners = [
      `staging/AWS_ACCESS_KEY_ID=user:${BASE}:deployer-staging`,
      `production/AWS_ACCESS_KEY_ID=user:${OTHER}:deployer-prod`,
      `AUDIT_AWS_ACCESS_KEY_ID=user:auditor`
    ].join('\n')
    const run = (await h.migrate({ keys: owners, accounts: `${OTHER}=${ADMIN_ROLE}` })) as Run
    const { plan, result } = run.value
    expect(result?.errors).toEqual([])
    expect(plan.trustChecks.map((c) => [c.roleArn.split(':')[4], c.passed])).toEqual([
      [BASE, true],
      [OTHER, true],
      [BASE, true]
    ])

    // One provider in each account.
    for (const [iam, account] of [
      [h.iam, BASE],
      [other, OTHER]
    ] as const) {
      const provider = await iam.send(
        new GetOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`
        })
      )
      expect(provider.ClientIDList).toEqual(['sts.amazonaws.com'])
    }
    // The production user's role lives in account B only; the base account has the other two.
    const baseRoles = await names(h.iam)
    const otherRoles = await names(other)
    expect(otherRoles).toHaveLength(1)
    expect(otherRoles[0]).toContain('deployer-prod')
    expect(baseRoles).toHaveLength(2)
    expect(baseRoles.join(' ')).not.toContain('deployer-prod')

    const prodTrust = await trustOf(other, otherRoles[0] ?? '')
    expect(prodTrust).toContain(`repo:${REPOSITORY}:environment:production`)
    expect(prodTrust).not.toContain('environment:staging')
    expect(prodTrust).toContain(`arn:aws:iam::${OTHER}:oidc-provider/`)
    const stagingRole = baseRoles.find((n) => n.includes('deployer-staging')) ?? ''
    const stagingTrust = await trustOf(h.iam, stagingRole)
    expect(stagingTrust).toContain(`repo:${REPOSITORY}:environment:staging`)
    expect(stagingTrust).not.toContain('environment:production')
    const auditTrust = await trustOf(h.iam, baseRoles.find((n) => n.includes('auditor')) ?? '')
    expect(auditTrust).toContain(`repo:${REPOSITORY}:ref:refs/heads/main`)
    expect(auditTrust).not.toContain(':environment:')

    // One pull request, the file rewritten once, with the role of each account in its job.
    const repo = h.sandbox.github.repository(REPOSITORY)
    expect(repo.pulls).toHaveLength(1)
    expect(plan.pullRequest?.files.map((f) => f.path)).toEqual([WORKFLOW])
    const text = repo.readFile(WORKFLOW, repo.pulls[0]?.head) ?? ''
    expect(text).not.toContain('secrets.AWS_ACCESS_KEY_ID')
    expect(text).not.toContain('secrets.AUDIT_AWS_ACCESS_KEY_ID')
    expect(text).toContain(`arn:aws:iam::${OTHER}:role/github-actions/${otherRoles[0] ?? ''}`)
    expect(text).toContain(`arn:aws:iam::${BASE}:role/github-actions/${stagingRole}`)
    expect(await linter.lint(text, WORKFLOW)).toEqual([])
  })

  it('a re-run converges: no IAM write in either account, the pull request unchanged', async () => {
    const before = h.evidence.actions.length
    const run = (await h.migrate({
      keys: keyLines(),
      accounts: `${OTHER}=${ADMIN_ROLE}`
    })) as Run
    expect(run.value.result?.errors).toEqual([])
    expect(iamWrites(before)).toEqual([])
    expect(run.value.result?.pullRequest?.operation).toBe('unchanged')
    expect(h.sandbox.github.repository(REPOSITORY).pulls).toHaveLength(1)
  })
})
