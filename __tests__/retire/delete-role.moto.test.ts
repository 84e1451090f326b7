/**
 * `mode: rollback` with `delete-role: true` (issue 13 item 2), in-process against moto and the
 * project's GitHub API server (the sandbox): a role this action made goes, with the inline and
 * customer-managed policies it put there, only once no workflow of the default branch assumes
 * it; a role whose migration was merged waits for the revert to be merged; an inline policy
 * someone else added keeps the role; roles the action did not make are never touched; a re-run
 * writes nothing. Moto records no `RoleLastUsed`: the IAM evidence proxy supplies what it lacks.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CreateRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand
} from '@aws-sdk/client-iam'
import { readFileSync } from 'node:fs'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { roleRemoval } from '../../src/retire/rollback.js'
import { identityDecision } from '../aws/support/evaluate.js'
import { renderRollbackSummary } from '../../src/report/retire/rollback.js'
import { mergePullRequest } from '../../test-support/github-server/actions/retire.js'
import type { RepositoryState } from '../../test-support/github-server/index.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'

const DELETE = { 'delete-role': 'true' }
const ROLE_WRITES = new Set([
  'DeleteRole',
  'DetachRolePolicy',
  'DeleteRolePolicy',
  'DeletePolicy',
  'DeletePolicyVersion'
])

const readPolicy = (file: string): PolicyDocument =>
  JSON.parse(readFileSync(`policies/${file}`, 'utf8')) as PolicyDocument
const POLICIES = [readPolicy('cleanup.json'), readPolicy('rollback-delete-role.json')]
const allowedActions = new Set(
  POLICIES.flatMap((p) => p.Statement.flatMap((st) => [st.Action ?? []].flat()))
)

let h: RetireHarness
let repo: RepositoryState

beforeAll(async () => {
  h = await startRetireHarness({ repository: 'octo-org/delete-role-repo', unspacedGitHub: true })
  repo = h.sandbox.github.repository('octo-org/delete-role-repo')
}, 120_000)

afterAll(async () => {
  await h?.stop()
})

async function roles(): Promise<string[]> {
  const { Roles } = await h.iam.send(new ListRolesCommand({}))
  return (Roles ?? []).map((r) => r.RoleName ?? '').sort()
}

async function rollback() {
  const before = h.evidence.actions.length
  const run = await h.rollback(DELETE)
  return {
    run,
    summary: renderRollbackSummary(run.value.plan, run.value.outcome),
    writes: h.evidence.actions.slice(before).filter((a) => ROLE_WRITES.has(a))
  }
}

describe('rollback with delete-role', () => {
  it('waits while the default branch assumes the role, deletes it once the revert is merged', async () => {
    await h.migrate()
    const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
    const roleName = Roles?.[0]?.RoleName ?? ''
    expect(roleName).not.toBe('')
    // Someone else's role under the same path, without the action's tags.
    await h.iam.send(
      new CreateRoleCommand({
        RoleName: 'not-ours',
        Path: '/github-actions/',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] })
      })
    )
    mergePullRequest(repo, 1)

    const waiting = await rollback()
    expect(waiting.run.value.plan.roles.map((r) => [r.roleName, r.action])).toEqual([
      [roleName, 'wait']
    ])
    expect(waiting.writes).toEqual([])
    expect(waiting.summary).toContain('kept for now: the default branch still assumes it')
    expect(waiting.run.value.outcome.revert?.operation).toBe('created')

    const revert = repo.pulls.find((p) => p.head === 'aws-keys-to-oidc-revert')
    mergePullRequest(repo, revert?.number ?? 0)
    const callsBefore = h.evidence.actions.length
    const done = await rollback()
    // Every IAM call of the deleting run is one policies/cleanup.json and
    // policies/rollback-delete-role.json allow (moto checks no condition: see below).
    const called = new Set(h.evidence.actions.slice(callsBefore).map((a) => `iam:${a}`))
    expect([...called].filter((a) => !allowedActions.has(a))).toEqual([])
    expect(done.run.value.outcome.errors).toEqual([])
    expect(done.run.value.outcome.rolesDeleted).toEqual([roleName])
    expect(done.writes).toContain('DeleteRole')
    expect(done.writes).toContain('DeleteRolePolicy')
    await expect(h.iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toThrow()
    expect(await roles()).toContain('not-ours')
    expect(done.summary).toContain(`\`${roleName}\` deleted`)

    const again = await rollback()
    expect(again.writes).toEqual([])
    expect(again.run.value.plan.roles).toEqual([])
    expect(h.sandbox.github.violations).toEqual([])
  }, 180_000)
})

describe('roleRemoval (pure)', () => {
  const role = {
    name: 'r',
    arn: 'arn:aws:iam::123456789012:role/github-actions/r',
    path: '/github-actions/',
    trust: { Statement: [] },
    description: null,
    maxSessionDuration: 3600,
    boundaryArn: null,
    tags: [],
    attached: [
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::123456789012:policy/github-actions/r-merged-1'
    ],
    inline: [{ name: 'from-user.site', document: { Statement: [] } }]
  }

  it('detaches every policy, deletes only its own, then its inline ones, then the role', () => {
    const own = 'arn:aws:iam::123456789012:policy/github-actions/r-merged-1'
    const gone = 'arn:aws:iam::123456789012:policy/github-actions/r-merged-2'
    const r = roleRemoval({ role, ownPolicies: [own, gone], assumedBy: [] })
    expect(r.action === 'delete' ? r.writes.map((w) => w.op) : r.action).toEqual([
      'DetachRolePolicy',
      'DetachRolePolicy',
      'DeletePolicy',
      'DeletePolicy',
      'DeleteRolePolicy',
      'DeleteRole'
    ])
  })

  it('keeps a role with an inline policy someone else added, and one the default branch assumes', () => {
    const foreign = {
      ...role,
      inline: [...role.inline, { name: 'hand-made', document: { Statement: [] } }]
    }
    expect(roleRemoval({ role: foreign, ownPolicies: [], assumedBy: [] })).toMatchObject({
      action: 'keep',
      foreignInline: ['hand-made']
    })
    expect(
      roleRemoval({ role, ownPolicies: [], assumedBy: ['.github/workflows/deploy.yml'] })
    ).toMatchObject({ action: 'wait', assumedBy: ['.github/workflows/deploy.yml'] })
  })
})

describe('a role with an inline policy someone else added', () => {
  it('is kept, and the summary says why', async () => {
    const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
    expect(Roles?.map((r) => r.RoleName)).toEqual(['not-ours'])
    // A second migration makes the role again (the PR is new); an administrator adds a policy.
    await h.migrate({ branch: 'aws-keys-to-oidc-2' })
    const made = (await roles()).find((n) => n !== 'not-ours') ?? ''
    await h.iam.send(
      new PutRolePolicyCommand({
        RoleName: made,
        PolicyName: 'hand-made',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]
        })
      })
    )
    const r = await h.rollback({ ...DELETE, branch: 'aws-keys-to-oidc-2' })
    const summary = renderRollbackSummary(r.value.plan, r.value.outcome)
    expect(r.value.plan.roles.map((x) => x.action)).toEqual(['keep'])
    expect(summary).toContain('it has inline policies this action did not make (`hand-made`)')
    expect(await roles()).toContain(made)
  }, 180_000)
})

describe('policies/rollback-delete-role.json (IAM evaluated by iam-simulate; moto checks no condition)', () => {
  const principal = 'arn:aws:iam::123456789012:user/administrator'
  const decide = (action: string, resource: string, tagged: boolean) =>
    identityDecision({
      principal,
      policies: POLICIES,
      boundary: null,
      action,
      resource,
      context: tagged ? { 'aws:ResourceTag/aws-keys-to-oidc:managed-by': 'aws-keys-to-oidc' } : {}
    })
  const ROLE = 'arn:aws:iam::123456789012:role/github-actions/github-o-r-u'
  const POLICY = 'arn:aws:iam::123456789012:policy/github-actions/github-o-r-u-merged-1'

  it.each(['iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:DeleteRole'])(
    '%s: only on roles carrying the managed-by tag, under the role path',
    (action) => {
      expect(decide(action, ROLE, true)).toBe('Allowed')
      expect(decide(action, ROLE, false)).not.toBe('Allowed')
      expect(decide(action, 'arn:aws:iam::123456789012:role/admin', true)).not.toBe('Allowed')
    }
  )

  it.each(['iam:DeletePolicy', 'iam:DeletePolicyVersion'])(
    '%s: only on policies carrying the managed-by tag, under the policy path',
    (action) => {
      expect(decide(action, POLICY, true)).toBe('Allowed')
      expect(decide(action, POLICY, false)).not.toBe('Allowed')
      expect(decide(action, 'arn:aws:iam::aws:policy/ReadOnlyAccess', true)).not.toBe('Allowed')
    }
  )
})
