/**
 * `mode: rollback` end to end, in-process, against moto and the project's GitHub API server
 * (the sandbox): with the migration pull request open it is closed; after the merge and a
 * cleanup that deactivated the key and deleted the secrets, rollback re-activates the key (only
 * because this action recorded the deactivation on the role), opens a revert pull request whose
 * files are those before the merge, and names the secrets to set again; a re-run writes
 * nothing. Moto records no `RoleLastUsed`: the IAM evidence proxy supplies it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  GetRoleCommand,
  ListAccessKeysCommand,
  ListRolesCommand,
  UpdateAccessKeyCommand,
  CreateUserCommand,
  CreateAccessKeyCommand
} from '@aws-sdk/client-iam'
import { TAGS } from '../../src/aws/plan/names.js'
import {
  mergePullRequest,
  recordWorkflowRun
} from '../../test-support/github-server/actions/retire.js'
import type { RepositoryState } from '../../test-support/github-server/index.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'
import { renderRollbackSummary } from '../../src/report/retire/rollback.js'

const T = '2026-11-02T10:00:00.000Z'
const at = (hours: number): string => new Date(Date.parse(T) + hours * 3_600_000).toISOString()
const KEY_WRITES = new Set(['UpdateAccessKey', 'UntagRole', 'TagRole', 'DeleteAccessKey'])

let h: RetireHarness
let repo: RepositoryState
let roleName: string
let before: Map<string, string>

beforeAll(async () => {
  h = await startRetireHarness({ repository: 'octo-org/rollback-repo', unspacedGitHub: true })
  repo = h.sandbox.github.repository('octo-org/rollback-repo')
  before = new Map(
    ['ci.yml', 'deploy.yml', 'nightly.yml'].map((f) => [
      `.github/workflows/${f}`,
      repo.readFile(`.github/workflows/${f}`) ?? ''
    ])
  )
}, 120_000)

afterAll(async () => {
  await h?.stop()
  process.exitCode = 0
})

async function key() {
  const { AccessKeyMetadata } = await h.iam.send(
    new ListAccessKeysCommand({ UserName: h.sandbox.keyOwner.userName })
  )
  return AccessKeyMetadata?.find((k) => k.AccessKeyId === h.sandbox.keyOwner.accessKeyId)
}

async function rollback() {
  const githubBefore = h.sandbox.github.requests.length
  const awsBefore = h.evidence.actions.length
  const run = await h.rollback()
  return {
    run,
    summary: renderRollbackSummary(run.value.plan, run.value.outcome),
    githubWrites: h.sandbox.github.requests.slice(githubBefore).filter((r) => r.write),
    awsWrites: h.evidence.actions.slice(awsBefore).filter((a) => KEY_WRITES.has(a))
  }
}

describe('mode: rollback', () => {
  it('closes the migration pull request while it is open, and leaves the active key alone', async () => {
    await h.migrate()
    const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
    roleName = Roles?.[0]?.RoleName ?? ''
    const r = await rollback()
    expect(r.run.value.outcome.closed).toBe(1)
    expect(repo.pulls[0]?.state).toBe('closed')
    expect(r.awsWrites).toEqual([])
    expect(r.summary).toContain('The key is active; nothing to do.')
    expect((await key())?.Status).toBe('Active')
    // The owner reopens it and merges it after all.
    const pull = repo.pulls[0]
    if (pull) pull.state = 'open'
  }, 120_000)

  it('after a cleanup, re-activates the key, opens a revert pull request and names the secrets to set again', async () => {
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
    for (const f of before.keys()) {
      recordWorkflowRun(repo, { path: f, conclusion: 'success', createdAt: at(2) })
    }
    const cleaned = await h.cleanup(at(5))
    expect(cleaned.value.outcome.done.get(roleName)).toEqual(['deactivate-key', 'delete-secrets'])
    expect((await key())?.Status).toBe('Inactive')

    const r = await rollback()
    expect(r.run.value.outcome.errors).toEqual([])
    expect((await key())?.Status).toBe('Active')
    expect(r.awsWrites).toEqual(['UpdateAccessKey', 'UntagRole'])
    const role = await h.iam.send(new GetRoleCommand({ RoleName: roleName }))
    expect(role.Role?.Tags?.some((t) => t.Key === TAGS.deactivatedAt)).toBe(false)

    const revert = repo.pulls.find((p) => p.head === 'aws-keys-to-oidc-revert')
    expect(revert?.state).toBe('open')
    expect(r.run.value.outcome.revert?.operation).toBe('created')
    // The revert's files are those before the merge (the migration's files, not nightly.yml,
    // which the migration did not change and the owner fixed by hand).
    for (const f of ['.github/workflows/ci.yml', '.github/workflows/deploy.yml']) {
      expect(repo.readFile(f, 'aws-keys-to-oidc-revert')).toBe(before.get(f))
      expect(repo.readFile(f)).not.toBe(before.get(f))
    }
    expect(repo.readFile('.github/workflows/nightly.yml', 'aws-keys-to-oidc-revert')).toBe(
      repo.readFile('.github/workflows/nightly.yml')
    )
    expect(revert?.body).toContain('`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`')
    expect(r.summary).toContain('Deleted secrets cannot be restored')
    expect(r.summary).toContain('The key is active again')
    expect(h.sandbox.github.violations).toEqual([])
  }, 120_000)

  it('a re-run writes nothing', async () => {
    const r = await rollback()
    expect(r.awsWrites).toEqual([])
    expect(r.githubWrites).toEqual([])
    expect(r.run.value.outcome.revert?.operation).toBe('unchanged')
  }, 60_000)

  it('never re-activates a key this action did not deactivate', async () => {
    await h.iam.send(
      new UpdateAccessKeyCommand({
        UserName: h.sandbox.keyOwner.userName,
        AccessKeyId: h.sandbox.keyOwner.accessKeyId,
        Status: 'Inactive'
      })
    )
    const r = await rollback()
    expect(r.awsWrites).toEqual([])
    expect((await key())?.Status).toBe('Inactive')
    expect(r.summary).toContain('this action did not deactivate it')
    // A bystander's key is never looked at.
    await h.iam.send(new CreateUserCommand({ UserName: 'bystander' }))
    await h.iam.send(new CreateAccessKeyCommand({ UserName: 'bystander' }))
    const again = await rollback()
    expect(again.awsWrites).toEqual([])
  }, 60_000)
})
