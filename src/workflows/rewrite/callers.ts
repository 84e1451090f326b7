/**
 * A called workflow changes only together with every caller in the repository. A reusable
 * workflow that now assumes a role needs `id-token: write` from each calling job: a caller that
 * stays as it is (blocked by the migration plan, or a file the rewrite had to leave) and does not
 * grant it already would fail after the merge. Such a called workflow is held: it stays as it
 * was too, and its follow-ups name the caller that holds it. Callers in other repositories are
 * never updated by the pull request; the called workflow's follow-up says so.
 */
import { ID_TOKEN } from '../permissions.js'
import { localCallee } from '../scan/sites.js'
import type { Finding } from '../findings.js'
import type { CallerHold, FollowUp } from './contract.js'
import { writtenPermissions } from './id-token.js'
import type { FileModel, JobModel } from './model.js'

const followUp = (f: Finding): FollowUp => ({
  file: f.file,
  line: f.line,
  reason: f.reason,
  kind: f.kind
})

/** What the planned files tell about a caller: it stays as it is (with why), or null. */
export type CallerStays = (file: string) => string | null

/**
 * The called workflows to hold: each one whose rewrite assumes a role while some calling job of
 * the repository stays as it is and does not already grant `id-token: write`.
 */
export function calleesToHold(
  callers: ReadonlyMap<string, FileModel | null>,
  assumesRole: (file: string) => boolean,
  stays: CallerStays
): Map<string, CallerHold> {
  const out = new Map<string, CallerHold>()
  for (const [file, model] of callers) {
    const why = stays(file)
    if (why === null || !model) continue
    for (const job of model.jobs.values()) {
      const target = job.calls === null ? null : localCallee(job.calls)
      if (target === null || out.has(target) || !assumesRole(target)) continue
      if (grantsIdToken(model, job)) continue
      out.set(target, { caller: file, job: job.id, why })
    }
  }
  return out
}

/** Whether the calling job already grants `id-token: write` (its own permissions, else the file's). */
function grantsIdToken(model: FileModel, job: JobModel): boolean {
  try {
    const written = writtenPermissions(job.permissions) ?? writtenPermissions(model.permissions)
    if (written === null) return false
    return written === 'write-all' || (typeof written === 'object' && written[ID_TOKEN] === 'write')
  } catch {
    return false
  }
}

/** The follow-ups of a held called workflow: each use it would have migrated stays, naming the caller. */
export function heldFollowUps(findings: readonly Finding[], hold: CallerHold): FollowUp[] {
  return findings
    .filter((f) => f.kind !== 'non-aws')
    .map((f) =>
      f.migration === 'automatic' ? { ...followUp(f), reason: heldReason(f, hold) } : followUp(f)
    )
}

function heldReason(f: Finding, hold: CallerHold): string {
  return `The static keys ${f.secrets.join(' and ')} stay: this called workflow changes only together with every caller in the repository, and job ${hold.job} of ${hold.caller} stays as it is (${hold.why}); migrate that caller first, or give that job id-token: write.`
}

/** The follow-up of a caller whose called workflow is held (it keeps passing the keys). */
export function callerOfHeldFollowUp(f: Finding, callee: string, hold: CallerHold): FollowUp {
  const own = hold.caller === f.file && hold.job === f.job
  return {
    ...followUp(f),
    reason: own
      ? `The keys ${f.secrets.join(' and ')} stay passed to ${callee}: this job stays as it is (${hold.why}), so the called workflow stays on keys too.`
      : `The keys ${f.secrets.join(' and ')} stay passed to ${callee}: it stays on keys because job ${hold.job} of ${hold.caller}, another caller, stays as it is (${hold.why}).`
  }
}
