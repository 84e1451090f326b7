/**
 * The well-known hole of `pull_request_target` (pure): the job runs with the base repository's
 * secrets and token (and would get its AWS role), yet checks out the pull request's head and
 * runs it, so code from any fork runs with those credentials ("pwn request"). Found per job:
 * `actions/checkout` with `ref:` the head (`github.event.pull_request.head.sha` / `.head.ref`,
 * `github.head_ref`, `refs/pull/N/merge`), or `git fetch` / `git checkout` / `gh pr checkout` of
 * the head in a `run:` script, followed by a step that runs something (`run:`, a local action).
 *
 * Such a job's key uses are not rewritten unless the input `allow-pull-request-target: true` is
 * given; either way the plan warns about it by name.
 */
import type { Finding } from '../findings.js'
import { readTriggers } from './triggers.js'
import {
  entries,
  entry,
  items,
  position,
  scalarText,
  type Located,
  type Reached,
  type Source
} from './yaml-nodes.js'

/** A pull_request_target job that checks out the pull request's head and runs it. */
export interface UntrustedCheckout {
  readonly file: string
  readonly job: string
  /** 1-based line of the step that checks out the head. */
  readonly line: number
  /** How it checks out the head: the `ref:` value or the command. */
  readonly how: string
}

/** Expressions and refs that name the pull request's head (or its merge with the base). */
const HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|\bpull\/[^\s]*\/(head|merge)/i
/** Commands that fetch or check out the head in a script. */
const HEAD_COMMAND =
  /\bgh\s+pr\s+checkout\b|\bgit\s+(fetch|checkout|switch|pull)\b[^\n]*(github\.event\.pull_request\.head|github\.head_ref|pull\/|refs\/pull)/i

/** The jobs of a workflow triggered by pull_request_target that check out the head and run it. */
export function untrustedCheckouts(src: Source, root: Reached, file: string): UntrustedCheckout[] {
  if (!readTriggers(src, root).some((t) => t.event === 'pull_request_target')) return []
  const jobs = entry(src, root, 'jobs')
  if (!jobs) return []
  const out: UntrustedCheckout[] = []
  for (const job of entries(src, jobs)) {
    const steps = entry(src, job, 'steps')
    let checkout: { line: number; how: string } | null = null
    for (const step of steps ? items(src, steps) : []) {
      const uses = textOf(src, step, 'uses') ?? ''
      const run = textOf(src, step, 'run')
      if (checkout && (run !== null || uses.trim().startsWith('./'))) {
        out.push({ file, job: job.key, ...checkout })
        break
      }
      const withMap = entry(src, step, 'with')
      const ref = withMap ? textOf(src, withMap, 'ref') : null
      const offset = step.node?.range?.[0] ?? 0
      if (/^actions\/checkout@/i.test(uses.trim()) && ref !== null && HEAD_REF.test(ref)) {
        checkout = { line: position(src as Located, offset).line, how: `ref: ${ref.trim()}` }
      } else if (run !== null && HEAD_COMMAND.test(run)) {
        const command = HEAD_COMMAND.exec(run)?.[0] ?? run
        checkout = { line: position(src as Located, offset).line, how: command.trim() }
        // The script that fetches the head usually goes on to build it.
        if (/\n\s*\S/.test(run.slice(run.indexOf(command) + command.length))) {
          out.push({ file, job: job.key, ...checkout })
          break
        }
      }
    }
  }
  return out
}

function textOf(src: Source, owner: Reached, key: string): string | null {
  const e = entry(src, owner, key)
  return e ? scalarText(e.node) : null
}

/**
 * The findings as the policy decides: an automatic use in such a job becomes manual (with
 * `reason`) unless pull_request_target jobs are allowed.
 */
export function refuseUntrustedCheckouts(
  findings: readonly Finding[],
  risks: readonly UntrustedCheckout[],
  allow: boolean,
  reason: (f: Finding, risk: UntrustedCheckout) => string
): Finding[] {
  if (allow || risks.length === 0) return [...findings]
  return findings.map((f) => {
    const risk = risks.find((r) => r.file === f.file && r.job === f.job)
    return risk && f.migration === 'automatic'
      ? { ...f, migration: 'manual', code: 'pull-request-target-head', reason: reason(f, risk) }
      : f
  })
}

/** The plan's warning for each such job, by name (shown in the PR body and the job summary). */
export function untrustedCheckoutWarnings(
  risks: readonly UntrustedCheckout[],
  allowed: boolean
): string[] {
  return risks.map(
    (r) =>
      `${r.file} (job ${r.job}) runs on pull_request_target and checks out the pull request's head (line ${r.line}: ${r.how}), then runs it: code from any fork runs with this job's secrets${allowed ? ' and, now, its AWS role (allow-pull-request-target: true)' : '; its key uses are not rewritten (set allow-pull-request-target: true to rewrite them anyway)'}. Check out the base instead, or run the head in a pull_request workflow without credentials.`
  )
}
