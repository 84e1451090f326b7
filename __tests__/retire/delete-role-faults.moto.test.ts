/**
 * `delete-role` (rollback): a fault at each kind of write that removes a role (detach a policy,
 * delete an inline policy, delete the role), then a re-run: the role and its policies are gone
 * as after an uninterrupted run, and a further run writes nothing. IAM faults come from the IAM
 * fault proxy (denied, 500, lost response: the call took effect but its answer was lost), in
 * front of the evidence proxy that supplies what moto does not record. Each case migrates on a
 * branch of its own (an open pull request, so the rollback closes it and may delete the role).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam'
import type { IamFault } from '../../test-support/iam-fault-proxy.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'

const ROLE_WRITES = new Set(['DetachRolePolicy', 'DeleteRolePolicy', 'DeletePolicy', 'DeleteRole'])

let h: RetireHarness

beforeAll(async () => {
  h = await startRetireHarness({
    repository: 'octo-org/delete-role-faults',
    iamFaults: true,
    unspacedGitHub: true
  })
}, 120_000)

afterAll(async () => {
  await h?.stop()
})

async function managedRoles(): Promise<string[]> {
  const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
  return (Roles ?? []).map((r) => r.RoleName ?? '')
}

/** IAM writes that remove a role or its policies, made during `fn`. */
async function roleWritesOf(fn: () => Promise<unknown>): Promise<string[]> {
  const before = h.iamFaults?.calls.length ?? 0
  await fn()
  return (h.iamFaults?.calls.slice(before) ?? [])
    .map((c) => c.action)
    .filter((a) => ROLE_WRITES.has(a))
}

const cases: IamFault[] = [
  { action: 'DetachRolePolicy', kind: 'lost-response' },
  { action: 'DeleteRolePolicy', kind: 'server-error' },
  { action: 'DeleteRole', kind: 'lost-response' },
  { action: 'DeleteRole', kind: 'denied' }
]

describe('rollback with delete-role: a fault at a write, then a re-run', () => {
  it.each(cases.map((c, i) => [`${c.action} ${c.kind}`, c, i] as const))(
    '%s',
    async (_name, fault, i) => {
      const branch = `aws-keys-to-oidc-${i}`
      await h.migrate({ branch })
      const [roleName = ''] = await managedRoles()
      expect(roleName).not.toBe('')
      const inputs = { 'delete-role': 'true', branch }

      const mark = h.iamFaults?.calls.length ?? 0
      h.iamFaults?.fail(fault)
      const first = await h.rollback(inputs)
      const fired = (h.iamFaults?.calls.slice(mark) ?? []).some(
        (c) => c.action === fault.action && c.fault === fault.kind
      )
      expect(fired).toBe(true)
      h.iamFaults?.heal()
      // A 500 or a lost answer is retried by the SDK within the run (a retry that finds the
      // policy or role gone counts it done); a denied call fails the run, and the re-run ends it.
      expect(first.value.outcome.errors.length > 0).toBe(fault.kind === 'denied')

      await h.rollback(inputs)
      await expect(h.iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toThrow()
      expect(await managedRoles()).toEqual([])
      expect(await roleWritesOf(() => h.rollback(inputs))).toEqual([])
    },
    120_000
  )
})
