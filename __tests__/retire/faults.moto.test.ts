/**
 * A fault at every write of cleanup and rollback, then a re-run: the same end state as an
 * uninterrupted run, and a further run writes nothing. IAM faults come from the IAM fault proxy
 * (denied, 500, lost response: the call took effect but the answer was lost), in front of the
 * evidence proxy that supplies what moto does not record (`RoleLastUsed`); GitHub faults from
 * the test server's own (`failNext`). Each case starts from the same state, restored by the test
 * through the administrator's clients and the server's model. (`killed`, the process killed at a
 * write, is left to the dist-based fault suite: these runs are in-process.) Cleanup and rollback
 * run with the action's Octokit minus the pauses (no spacing between writes, back-off in
 * milliseconds: test-support/unspaced-octokit.ts), so the retries are the same, only quicker.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  GetRoleCommand,
  ListAccessKeysCommand,
  ListRolesCommand,
  UntagRoleCommand,
  UpdateAccessKeyCommand,
  TagRoleCommand,
  GetUserCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  AddUserToGroupCommand
} from '@aws-sdk/client-iam'
import { TAGS } from '../../src/aws/plan/names.js'
import {
  mergePullRequest,
  recordWorkflowRun
} from '../../test-support/github-server/actions/retire.js'
import type { Fault, RepositoryState } from '../../test-support/github-server/index.js'
import type { IamFault } from '../../test-support/iam-fault-proxy.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'

const T = '2026-11-02T10:00:00.000Z'
const at = (hours: number): string => new Date(Date.parse(T) + hours * 3_600_000).toISOString()
const IAM_WRITES = new Set([
  'TagRole',
  'UntagRole',
  'UpdateAccessKey',
  'DeleteAccessKey',
  'DeleteUser',
  'DetachUserPolicy',
  'DeleteUserPolicy',
  'RemoveUserFromGroup'
])
const SECRET = 'DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}'
const ENV_SECRET =
  'DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}'

let h: RetireHarness
let repo: RepositoryState
let roleName: string

beforeAll(async () => {
  h = await startRetireHarness({
    repository: 'octo-org/faults-repo',
    iamFaults: true,
    unspacedGitHub: true
  })
  repo = h.sandbox.github.repository('octo-org/faults-repo')
  await h.migrate()
  const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
  roleName = Roles?.[0]?.RoleName ?? ''
  mergePullRequest(repo, 1, T)
  const nightly = repo.readFile('.github/workflows/nightly.yml') ?? ''
  repo.git.commitFiles(
    'main',
    {
      '.github/workflows/nightly.yml': nightly.replace(
        / {6}- name: Write a credentials file[\s\S]*?credentials\n/,
        ''
      )
    },
    'nightly: no keys',
    { name: 'Owner', email: 'owner@example.com', date: at(0.5) }
  )
  h.evidence.roleUsed(roleName, at(2))
  for (const f of ['ci.yml', 'deploy.yml', 'nightly.yml']) {
    recordWorkflowRun(repo, {
      path: `.github/workflows/${f}`,
      conclusion: 'success',
      createdAt: at(2)
    })
  }
}, 180_000)

afterAll(async () => {
  await h?.stop()
  process.exitCode = 0
})

const keyUser = () => h.sandbox.keyOwner.userName
const keyId = () => h.sandbox.keyOwner.accessKeyId

function secret(name: string) {
  return { name, createdAt: T, updatedAt: T, encryptedValue: '', keyId: repo.publicKey.keyId }
}

/** The state before the deactivation: key active, no record, the pair's secrets present. */
async function beforeDeactivation(): Promise<void> {
  await h.iam.send(
    new UpdateAccessKeyCommand({ UserName: keyUser(), AccessKeyId: keyId(), Status: 'Active' })
  )
  await h.iam.send(new UntagRoleCommand({ RoleName: roleName, TagKeys: [TAGS.deactivatedAt] }))
  for (const n of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) repo.secrets.set(n, secret(n))
  repo.environments.get('production')?.secrets.set('AWS_ACCESS_KEY_ID', secret('AWS_ACCESS_KEY_ID'))
}

/**
 * The state after the deactivation (for rollback): key inactive, the record on the role, and no
 * revert pull request yet (an earlier case's is closed and its branch deleted).
 */
async function afterDeactivation(): Promise<void> {
  for (const p of repo.pulls.filter((p) => p.head === 'aws-keys-to-oidc-revert')) p.state = 'closed'
  if (repo.git.readRef('refs/heads/aws-keys-to-oidc-revert')) {
    repo.git.deleteRef('refs/heads/aws-keys-to-oidc-revert')
  }
  await h.iam.send(
    new UpdateAccessKeyCommand({ UserName: keyUser(), AccessKeyId: keyId(), Status: 'Inactive' })
  )
  await h.iam.send(
    new TagRoleCommand({ RoleName: roleName, Tags: [{ Key: TAGS.deactivatedAt, Value: at(5) }] })
  )
}

async function endState() {
  const { AccessKeyMetadata } = await h.iam
    .send(new ListAccessKeysCommand({ UserName: keyUser() }))
    .catch(() => ({ AccessKeyMetadata: undefined }))
  const role = await h.iam.send(new GetRoleCommand({ RoleName: roleName }))
  const revert = repo.pulls.find((p) => p.head === 'aws-keys-to-oidc-revert' && p.state === 'open')
  return {
    key: AccessKeyMetadata?.find((k) => k.AccessKeyId === keyId())?.Status ?? 'deleted',
    deactivatedAt: role.Role?.Tags?.find((t) => t.Key === TAGS.deactivatedAt)?.Value ?? null,
    secrets: [...repo.secrets.keys()].sort(),
    environmentSecrets: [...(repo.environments.get('production')?.secrets.keys() ?? [])].sort(),
    revertFiles: revert
      ? ['.github/workflows/ci.yml', '.github/workflows/deploy.yml'].map((f) =>
          repo.readFile(f, 'aws-keys-to-oidc-revert')
        )
      : null
  }
}

/** Writes made during `fn`, IAM (by Action) and GitHub. */
async function writesOf(fn: () => Promise<unknown>): Promise<string[]> {
  const iam = h.iamFaults?.calls.length ?? 0
  const github = h.sandbox.github.requests.length
  await fn()
  return [
    ...(h.iamFaults?.calls.slice(iam) ?? []).map((c) => c.action).filter((a) => IAM_WRITES.has(a)),
    ...h.sandbox.github.requests
      .slice(github)
      .filter((r) => r.write)
      .map((r) => r.route)
  ]
}

type Armed = { readonly iam: IamFault } | { readonly github: Fault }
let mark = { iam: 0, github: 0 }
const arm = (f: Armed): void => {
  mark = { iam: h.iamFaults?.calls.length ?? 0, github: h.sandbox.github.requests.length }
  if ('iam' in f) h.iamFaults?.fail(f.iam)
  else h.sandbox.github.failNext(f.github)
}
/** Whether the armed fault was met (a case whose fault never fires proves nothing). */
const fired = (f: Armed): boolean =>
  'iam' in f
    ? (h.iamFaults?.calls.slice(mark.iam) ?? []).some(
        (c) => c.action === f.iam.action && c.fault === f.iam.kind
      )
    : h.sandbox.github.requests
        .slice(mark.github)
        .some((r) => r.route === f.github.route && r.fault === f.github.kind)
const heal = (): void => {
  h.iamFaults?.heal()
  h.sandbox.github.heal()
}
const name = (f: Armed): string =>
  'iam' in f
    ? `${f.iam.action} ${f.iam.kind}`
    : `${f.github.route} ${f.github.kind}${f.github.skip ? ` (#${f.github.skip + 1})` : ''}`

const iamCases = (action: string): Armed[] =>
  (['denied', 'server-error', 'lost-response'] as const).map((kind) => ({ iam: { action, kind } }))
const githubCases = (route: string, skip = 0): Armed[] =>
  (['server-error', 'lost-response', 'forbidden'] as const).map((kind) => ({
    github: { route, kind, skip }
  }))

describe('cleanup: a fault at every write, then a re-run', () => {
  let uninterrupted: Awaited<ReturnType<typeof endState>>
  beforeAll(async () => {
    await beforeDeactivation()
    await h.cleanup(at(5))
    uninterrupted = await endState()
    expect(uninterrupted).toMatchObject({
      key: 'Inactive',
      deactivatedAt: at(5),
      environmentSecrets: []
    })
  }, 60_000)

  const cases: Armed[] = [
    ...iamCases('TagRole'),
    ...iamCases('UpdateAccessKey'),
    ...githubCases(SECRET),
    ...githubCases(SECRET, 1),
    ...githubCases(ENV_SECRET)
  ]
  it.each(cases.map((c) => [name(c), c] as const))(
    '%s',
    async (_name, fault) => {
      await beforeDeactivation()
      arm(fault)
      await h.cleanup(at(5))
      expect(fired(fault)).toBe(true)
      heal()
      await h.cleanup(at(5))
      expect(await endState()).toEqual(uninterrupted)
      expect(await writesOf(() => h.cleanup(at(5)))).toEqual([])
    },
    60_000
  )
})

describe('rollback: a fault at every write, then a re-run', () => {
  const cases: Armed[] = [
    { github: { route: 'POST /repos/{owner}/{repo}/git/commits', kind: 'server-error', times: 4 } },
    { github: { route: 'POST /repos/{owner}/{repo}/pulls', kind: 'lost-response' } },
    ...iamCases('UpdateAccessKey'),
    ...iamCases('UntagRole')
  ]
  it.each(cases.map((c) => [name(c), c] as const))(
    '%s',
    async (_name, fault) => {
      await afterDeactivation()
      arm(fault)
      await h.rollback()
      expect(fired(fault)).toBe(true)
      heal()
      await h.rollback()
      const state = await endState()
      expect(state.key).toBe('Active')
      expect(state.deactivatedAt).toBeNull()
      expect(state.revertFiles?.every((t) => t !== null && !t.includes('role-to-assume'))).toBe(
        true
      )
      expect(await writesOf(() => h.rollback())).toEqual([])
      expect(
        repo.pulls.filter((p) => p.head === 'aws-keys-to-oidc-revert' && p.state === 'open')
      ).toHaveLength(1)
    },
    60_000
  )
})

describe('delete-key and delete-user: a fault, then a re-run', () => {
  const inputs = { 'delete-keys': 'true', 'delete-user': 'true' }
  const now = at(10 + 7 * 24)

  it('DeleteAccessKey denied, then lost-response, then a re-run', async () => {
    await beforeDeactivation()
    await h.cleanup(at(5), { 'delete-keys': 'true' })
    arm({ iam: { action: 'DeleteAccessKey', kind: 'denied' } })
    await h.cleanup(now, { 'delete-keys': 'true' })
    expect((await endState()).key).toBe('Inactive')
    // Deleted, but the answer is lost: the SDK's retry meets NoSuchEntity, which is done.
    arm({ iam: { action: 'DeleteAccessKey', kind: 'lost-response' } })
    await h.cleanup(now, { 'delete-keys': 'true' })
    heal()
    expect((await endState()).key).toBe('deleted')
    expect(await writesOf(() => h.cleanup(now, { 'delete-keys': 'true' }))).toEqual([])
  }, 60_000)

  /** The user again as it was (its key is gone for good): policies and a group, nothing else. */
  async function recreateUser(): Promise<void> {
    await h.iam.send(new GetUserCommand({ UserName: keyUser() })).catch(async () => {
      await h.iam.send(new CreateUserCommand({ UserName: keyUser() }))
    })
    await h.iam.send(
      new PutUserPolicyCommand({
        UserName: keyUser(),
        PolicyName: 'inline-read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
        })
      })
    )
    await h.iam.send(
      new AttachUserPolicyCommand({
        UserName: keyUser(),
        PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'
      })
    )
    await h.iam.send(new CreateGroupCommand({ GroupName: 'retire-group' })).catch(() => undefined)
    await h.iam.send(new AddUserToGroupCommand({ UserName: keyUser(), GroupName: 'retire-group' }))
  }

  it.each([
    ['DetachUserPolicy denied', { iam: { action: 'DetachUserPolicy', kind: 'denied' } }],
    [
      'DeleteUserPolicy server-error',
      { iam: { action: 'DeleteUserPolicy', kind: 'server-error' } }
    ],
    [
      'RemoveUserFromGroup lost-response',
      { iam: { action: 'RemoveUserFromGroup', kind: 'lost-response' } }
    ],
    ['DeleteUser denied', { iam: { action: 'DeleteUser', kind: 'denied' } }],
    ['DeleteUser lost-response', { iam: { action: 'DeleteUser', kind: 'lost-response' } }]
  ] as const)(
    '%s',
    async (_name, fault) => {
      await recreateUser()
      arm(fault)
      await h.cleanup(now, inputs)
      expect(fired(fault)).toBe(true)
      heal()
      await h.cleanup(now, inputs)
      await expect(h.iam.send(new GetUserCommand({ UserName: keyUser() }))).rejects.toThrow()
      expect(await writesOf(() => h.cleanup(now, inputs))).toEqual([])
    },
    60_000
  )

  it('the GitHub server saw only documented requests', () => {
    expect(h.sandbox.github.violations).toEqual([])
  })
})
