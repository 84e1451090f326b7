/**
 * Jobs held on their keys by the code they run (`ScanOptions.codeHolds`, decided by
 * `src/code/`): a job running code that hands the keys on without the session token, which the
 * migration does not fix, would break once its keys are temporary. Its automatic findings, and
 * those of its workflow's top-level `env:` (which it shares), become manual, naming the code's
 * file and line. Applied before the reusable-workflow pass, so callers follow.
 */
import type { CodeHold, Finding } from '../findings.js'
import { kindReason } from './reasons.js'

export function holdJobs(findings: readonly Finding[], holds: readonly CodeHold[]): Finding[] {
  if (holds.length === 0) return [...findings]
  return findings.map((f) => {
    if (f.migration !== 'automatic') return f
    const hold = holds.find((h) => h.file === f.file && (h.job === f.job || f.job === null))
    if (!hold) return f
    const via = `without the session token (${hold.verdict}: ${hold.codeFile} line ${hold.line})`
    return {
      ...f,
      migration: 'manual',
      code: 'code-drops-token',
      reason: kindReason(
        { kind: f.kind, migration: 'manual', reason: 'code-drops-token' },
        { names: f.secrets, via }
      )
    }
  })
}
