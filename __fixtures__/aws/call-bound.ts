/**
 * The fewest IAM read calls that can learn a user's policy graph: one call per document, one per
 * page of each list, nothing twice (groups and managed policies already read for another pair
 * are free). The tests hold the code to it; `npm run bench` prints calls per pair against it.
 */
import type { UserInventory } from '../../src/aws/plan/facts.js'

export interface Known {
  readonly groups: Set<string>
  readonly policies: Set<string>
}

const pages = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize))

/** Calls to find a key's owner: sts:GetAccessKeyInfo and iam:GetAccessKeyLastUsed. */
export const KEY_LOOKUP_CALLS = 2

/**
 * Read calls to read a user's graph: GetUser, the user's three lists, each inline document, and for groups and managed policies
 * not in `known` their lists and documents (GetPolicy + GetPolicyVersion). Adds them to `known`.
 */
export function inventoryReadBound(inv: UserInventory, known: Known, pageSize = 100): number {
  let calls = 1
  calls += pages(inv.attached.length, pageSize) + pages(inv.inline.length, pageSize) + inv.inline.length
  calls += pages(inv.groups.length, pageSize)
  for (const g of inv.groups) {
    if (known.groups.has(g.name)) continue
    known.groups.add(g.name)
    calls += pages(g.attached.length, pageSize) + pages(g.inline.length, pageSize) + g.inline.length
  }
  for (const arn of inv.policies.keys()) {
    if (known.policies.has(arn)) continue
    known.policies.add(arn)
    calls += 2
  }
  return calls
}
