/**
 * The usage records in the `plan` output (pure): per IAM user, every service its policies grant
 * with its last use, the policies that grant it, the tracked actions never used and the jobs
 * whose commands name it; and what `permissions` did (copied, reduced, or fell back to copying).
 * Part of the `plan` contract: fields only grow.
 */
import type { ReducedSource } from '../../aws/plan/right-size.js'
import type { ServiceGrant, UsageRecord } from '../../aws/plan/usage.js'

export interface UsageJson {
  readonly user: string
  readonly userArn: string
  /** `available`, or `unavailable` with `cause` and `detail`. */
  readonly status: 'available' | 'unavailable'
  readonly cause: 'timeout' | 'failed' | 'error' | null
  readonly detail: string | null
  /** ISO time of IAM's report; null without one. */
  readonly generatedAt: string | null
  /** How many services the policies grant, and how many of them the key used. */
  readonly granted: number
  readonly used: number
  readonly services: readonly ServiceGrant[]
  readonly roleName: string | null
  /** `copy`; `last-accessed` (reduced); `copy-fallback` (asked for last-accessed, copied). */
  readonly permissions: 'copy' | 'last-accessed' | 'copy-fallback'
  /** With `last-accessed`: per source policy, what was removed. */
  readonly reduced: readonly ReducedSource[]
}

export function usageJson(records: readonly UsageRecord[]): UsageJson[] {
  return records.map(({ usage, roleName, rightSizing }) => {
    const services = usage.status === 'available' ? usage.services : []
    return {
      user: usage.userName,
      userArn: usage.userArn,
      status: usage.status,
      cause: usage.status === 'unavailable' ? usage.cause : null,
      detail: usage.status === 'unavailable' ? usage.detail : null,
      generatedAt: usage.status === 'available' ? usage.generatedAt : null,
      granted: services.length,
      used: services.filter((s) => s.lastUsed !== null).length,
      services,
      roleName,
      permissions:
        rightSizing === null ? 'copy' : rightSizing.applied ? 'last-accessed' : 'copy-fallback',
      reduced: rightSizing?.applied ? rightSizing.sources : []
    }
  })
}
