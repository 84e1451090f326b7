/**
 * The words of `mode: rollback` (pure): the job summary (per pair what happened to the key, the
 * secrets to set again and where; the migration pull request closed or reverted) and the revert
 * pull request's title, commit message and body.
 */
import type { PairRollback, RollbackPlan } from '../../retire/rollback.js'

/** What applying the rollback did. */
export interface RollbackOutcome {
  /** Role names whose key this run re-activated. */
  readonly reactivated: readonly string[]
  /** The revert pull request, when one was opened or found. */
  readonly revert: {
    readonly number: number
    readonly url: string
    readonly operation: string
  } | null
  readonly closed: number | null
  readonly errors: readonly string[]
  /** Roles this run deleted (`delete-role`). */
  readonly rolesDeleted?: readonly string[]
}

export function renderRollbackSummary(plan: RollbackPlan, outcome: RollbackOutcome | null): string {
  const lines = [`## aws-keys-to-oidc rollback: ${plan.repository}`, '']
  lines.push(`Migration pull request: ${pullRequestLine(plan, outcome)}`, '')
  if (plan.pairs.length === 0)
    lines.push('No key pair: no role this action manages serves this repository.', '')
  for (const pair of plan.pairs) lines.push(...pairLines(pair, outcome), '')
  if (plan.roles.length > 0)
    lines.push('### Roles (`delete-role`)', '', ...roleLines(plan, outcome), '')
  for (const e of outcome?.errors ?? []) lines.push(`Failed: ${e}`)
  return `${lines.join('\n').trimEnd()}\n`
}

function roleLines(plan: RollbackPlan, outcome: RollbackOutcome | null): string[] {
  return plan.roles.map((r) => {
    const role = `\`${r.roleName}\``
    switch (r.action) {
      case 'delete':
        return outcome?.rolesDeleted?.includes(r.roleName)
          ? `- ${role} deleted, with the ${r.writes.length - 1} detach and delete calls of its policies before it.`
          : `- ${role} to delete (${r.writes.length} IAM calls).`
      case 'wait':
        return `- ${role} kept for now: the default branch still assumes it (${r.assumedBy.map((f) => `\`${f}\``).join(', ')}). Merge the revert pull request, then run the rollback again.`
      case 'keep':
        return `- ${role} kept: it has inline policies this action did not make (${r.foreignInline.map((n) => `\`${n}\``).join(', ')}); remove them, or delete the role by hand.`
    }
  })
}

function pullRequestLine(plan: RollbackPlan, outcome: RollbackOutcome | null): string {
  const a = plan.pullRequestAction
  switch (a.action) {
    case 'close':
      return outcome?.closed === a.number ? `#${a.number} closed` : `#${a.number} to close`
    case 'revert':
      return outcome?.revert
        ? `#${a.number} was merged; revert pull request #${outcome.revert.number} ${outcome.revert.operation}: ${outcome.revert.url}`
        : `#${a.number} was merged; a revert pull request is to open`
    case 'none':
      return a.state === 'absent'
        ? 'none found from the migration branch'
        : `${a.state}: nothing to do`
  }
}

function pairLines(pair: PairRollback, outcome: RollbackOutcome | null): string[] {
  const e = pair.evidence
  const lines = [`### IAM user \`${e.userName}\`, key …${e.keyEnd} (role \`${e.roleName}\`)`, '']
  const k = pair.key
  switch (k.action) {
    case 'reactivate':
      lines.push(
        outcome?.reactivated.includes(e.roleName)
          ? '- The key is active again (this action had deactivated it).'
          : '- The key is to re-activate (this action deactivated it).'
      )
      break
    case 'untag':
      lines.push('- The key is active; the deactivation record on the role is removed.')
      break
    case 'none':
      lines.push(`- ${KEY_WHY[k.why]}`)
  }
  if (pair.setAgain.length > 0) {
    lines.push(
      `- Deleted secrets cannot be restored (their values were never readable). Set again, in the repository's Actions secrets (and in any environment that had them): ${pair.setAgain.map((n) => `\`${n}\``).join(', ')}.`
    )
  }
  return lines
}

const KEY_WHY = {
  active: 'The key is active; nothing to do.',
  deleted:
    'The key was deleted: a deleted key cannot be re-activated. Create a new access key for the user and set its secrets again.',
  'not-ours':
    'The key is inactive, but this action did not deactivate it (no time recorded on the role): left as it is.',
  ambiguous: 'The user has several keys ending so: left as they are.'
} as const

export const REVERT_TITLE = 'Revert the aws-keys-to-oidc migration'

export function revertCommitMessage(number: number): string {
  return `Revert the aws-keys-to-oidc migration (#${number})\n\nThe workflow files as they were before pull request #${number} was merged.`
}

export function revertBody(plan: RollbackPlan, number: number, files: readonly string[]): string {
  const secrets = [...new Set(plan.pairs.flatMap((p) => p.setAgain))]
  return [
    `This reverts the workflow files of #${number} to the state before it was merged, so that the jobs use the access keys again.`,
    '',
    ...files.map((f) => `- \`${f}\``),
    '',
    secrets.length > 0
      ? `Before merging, set these secrets again (their values were deleted and cannot be restored): ${secrets.map((n) => `\`${n}\``).join(', ')}.`
      : 'The secrets the workflows use still exist.'
  ].join('\n')
}
