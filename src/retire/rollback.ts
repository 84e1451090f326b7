/**
 * The rollback plan (pure): undo a migration as far as it can be undone. Per pair, re-activate
 * the key only when this action deactivated it (the role's `deactivated-at` tag), then drop
 * that tag; a deleted key cannot come back, and a key someone else deactivated is left as it
 * is. The migration pull request is closed when still open, or reverted by a new pull request
 * when merged (the files it changed, as they were at the merge commit's first parent). Deleted
 * secrets cannot be restored (their values were never readable): the plan names each one the
 * owner must set again.
 */
import type { RoleState } from '../aws/plan/facts.js'
import { isOwnInlineName } from '../aws/plan/names.js'
import type { AwsWrite } from '../aws/plan/writes.js'
import type { MigrationPullRequest } from './evidence.js'

export interface RollbackPairEvidence {
  readonly roleName: string
  readonly userName: string
  readonly keyEnd: string
  readonly deactivatedAt: string | null
  /** The key; null when the user has none ending in `keyEnd`. */
  readonly key:
    { readonly accessKeyId: string; readonly status: 'Active' | 'Inactive' } | null | 'ambiguous'
  /** The pair's secret names (the role's tag); null when the role records none. */
  readonly secretNames: readonly string[] | null
  /** Repository secret names that exist now. */
  readonly repositorySecrets: readonly string[]
}

export interface RollbackEvidence {
  readonly repository: string
  readonly pullRequest: MigrationPullRequest
  readonly pairs: readonly RollbackPairEvidence[]
  /** With `delete-role`: each role this action made for the repository; empty otherwise. */
  readonly roles?: readonly RoleRemovalEvidence[]
}

/** A role this action made (its tags say so), read with its policies, for `delete-role`. */
export interface RoleRemovalEvidence {
  readonly role: RoleState
  /**
   * The customer-managed policies this action made for it that still exist (their tag says so):
   * attached, or recorded on the role's tags (a run cut after a detach still finds them).
   */
  readonly ownPolicies: readonly string[]
  /** Workflow files on the default branch head that still name the role's ARN. */
  readonly assumedBy: readonly string[]
}

/**
 * `delete-role`: a role goes only when no workflow on the default branch assumes it (after a
 * merged migration, once the revert is merged: run again then), and only with the policies this
 * action put on it; an inline policy someone else added keeps the role.
 */
export type RoleRemoval =
  | {
      readonly action: 'delete'
      readonly roleName: string
      readonly roleArn: string
      readonly writes: readonly AwsWrite[]
    }
  | {
      readonly action: 'wait'
      readonly roleName: string
      readonly roleArn: string
      readonly assumedBy: readonly string[]
    }
  | {
      readonly action: 'keep'
      readonly roleName: string
      readonly roleArn: string
      readonly foreignInline: readonly string[]
    }

export type KeyRollback =
  | {
      readonly action: 'reactivate'
      readonly accessKeyId: string
      readonly userName: string
      readonly roleName: string
    }
  /** Active already, but the tag is still there (a run cut after re-activating). */
  | { readonly action: 'untag'; readonly roleName: string }
  | { readonly action: 'none'; readonly why: 'active' | 'deleted' | 'not-ours' | 'ambiguous' }

export type PullRequestRollback =
  | { readonly action: 'close'; readonly number: number }
  | { readonly action: 'revert'; readonly number: number; readonly mergeCommitSha: string }
  | { readonly action: 'none'; readonly state: MigrationPullRequest['state'] }

export interface PairRollback {
  readonly evidence: RollbackPairEvidence
  readonly key: KeyRollback
  /** Secret names the owner must set again (missing at the repository level). */
  readonly setAgain: readonly string[]
}

export interface RollbackPlan {
  readonly repository: string
  readonly pullRequest: MigrationPullRequest
  readonly pullRequestAction: PullRequestRollback
  readonly pairs: readonly PairRollback[]
  /** With `delete-role`: what happens to each role; empty otherwise. */
  readonly roles: readonly RoleRemoval[]
}

export function planRollback(evidence: RollbackEvidence): RollbackPlan {
  return {
    repository: evidence.repository,
    pullRequest: evidence.pullRequest,
    pullRequestAction: pullRequestAction(evidence.pullRequest),
    pairs: evidence.pairs.map((p) => ({
      evidence: p,
      key: keyAction(p),
      setAgain: (p.secretNames ?? []).filter((n) => !p.repositorySecrets.includes(n))
    })),
    roles: (evidence.roles ?? []).map(roleRemoval)
  }
}

/** Detach every policy, delete the ones this action made and its inline ones, then the role. */
export function roleRemoval(e: RoleRemovalEvidence): RoleRemoval {
  const { role } = e
  const base = { roleName: role.name, roleArn: role.arn }
  if (e.assumedBy.length > 0) return { ...base, action: 'wait', assumedBy: e.assumedBy }
  const foreignInline = role.inline.map((p) => p.name).filter((n) => !isOwnInlineName(n))
  if (foreignInline.length > 0) return { ...base, action: 'keep', foreignInline }
  const writes: AwsWrite[] = [
    ...role.attached.map((arn): AwsWrite => ({ op: 'DetachRolePolicy', roleName: role.name, arn })),
    ...e.ownPolicies.map((arn): AwsWrite => ({ op: 'DeletePolicy', arn })),
    ...role.inline.map((p): AwsWrite => ({
      op: 'DeleteRolePolicy',
      roleName: role.name,
      name: p.name
    })),
    { op: 'DeleteRole', roleName: role.name }
  ]
  return { ...base, action: 'delete', writes }
}

function keyAction(p: RollbackPairEvidence): KeyRollback {
  if (p.key === 'ambiguous') return { action: 'none', why: 'ambiguous' }
  if (p.key === null) return { action: 'none', why: 'deleted' }
  if (p.key.status === 'Active') {
    return p.deactivatedAt
      ? { action: 'untag', roleName: p.roleName }
      : { action: 'none', why: 'active' }
  }
  if (!p.deactivatedAt) return { action: 'none', why: 'not-ours' }
  return {
    action: 'reactivate',
    accessKeyId: p.key.accessKeyId,
    userName: p.userName,
    roleName: p.roleName
  }
}

function pullRequestAction(pr: MigrationPullRequest): PullRequestRollback {
  if (pr.state === 'open' && pr.number !== null) return { action: 'close', number: pr.number }
  if (pr.state === 'merged' && pr.number !== null && pr.mergeCommitSha) {
    return { action: 'revert', number: pr.number, mergeCommitSha: pr.mergeCommitSha }
  }
  return { action: 'none', state: pr.state }
}
