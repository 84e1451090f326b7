/**
 * Which files stay as they were (pure). A file is rewritten only when every key pair it migrates
 * has a role: a file with a use of a pair that cannot be migrated (no `keys` line, unknown key,
 * another account...) is left as it was, so no file is ever half-migrated.
 */
import type { AwsPlan } from '../aws/plan/plan.js'
import type { Finding, ScanError } from '../workflows/findings.js'
import { mayRewrite, type RewriteResult } from '../workflows/rewrite/rewrite.js'
import type { PairSelection } from './pairs.js'

/** A file left as it was because one of its key pairs cannot be migrated. */
export interface BlockedFile {
  readonly file: string
  readonly reason: string
}

/** The key pairs that are not migrated, and why. */
export interface PairProblems {
  /** One per pair, `SECRET: reason`. */
  readonly errors: readonly string[]
  /** Why the pair of this access-key-id secret (null: none in the workflow) has no role. */
  reasonFor(secret: string | null): string
}

export function pairProblems(aws: AwsPlan, selection: PairSelection): PairProblems {
  return {
    errors: [
      ...aws.pairs.flatMap((p) => (p.error ? [`${p.secretName}: ${p.error}`] : [])),
      ...selection.unmatched.map((u) => `${u.secretName ?? '(no access key id)'}: ${u.reason}`)
    ],
    reasonFor(secret) {
      const pair = aws.pairs.find((p) => p.secretName === secret)
      if (pair?.error) return pair.error
      return (
        selection.unmatched.find((u) => u.secretName === secret)?.reason ??
        'the key pair has no role'
      )
    }
  }
}

/**
 * File -> why it stays as it was: a use the rewrite would migrate whose key has no role, or a
 * called workflow whose callers pass different keys under one name.
 */
export function blockedFiles(
  uses: readonly Finding[],
  selection: PairSelection,
  roleArns: Readonly<Record<string, string>>,
  problems: PairProblems
): ReadonlyMap<string, string> {
  const blockedBy = new Map<string, string>()
  for (const f of uses) {
    if (!mayRewrite(f) || blockedBy.has(f.file)) continue
    const reason = blockingReason(f, selection, roleArns, problems)
    if (reason !== null) blockedBy.set(f.file, reason)
  }
  return blockedBy
}

/**
 * What to tell about one use of a file left as it was, in its own terms: why its own pair is not
 * migrated, or, when its pair could be, which other pair holds the file (never another pair's
 * error as if it were this one's); a use that needs a person anyway keeps its own reason.
 */
export function blockedUseMessage(
  f: Finding,
  blockedBy: ReadonlyMap<string, string>,
  selection: PairSelection,
  roleArns: Readonly<Record<string, string>>,
  problems: PairProblems
): string {
  // A use the rewrite would not migrate anyway keeps its own reason.
  if (!mayRewrite(f)) return f.reason
  const own = blockingReason(f, selection, roleArns, problems)
  if (own !== null) return `not migrated: ${own}`
  const pair = selection.keysOf(f)[0] ?? f.pair.accessKeyId ?? '(no access key id)'
  return `not migrated: key pair ${pair} can be migrated, but this file is left as it was because of another use in it (${blockedBy.get(f.file) ?? ''})`
}

function blockingReason(
  f: Finding,
  selection: PairSelection,
  roleArns: Readonly<Record<string, string>>,
  problems: PairProblems
): string | null {
  const keys = selection.keysOf(f)
  const names = selection.candidates(f)
  if (keys.length > 1 || (keys.length > 0 && names.length > keys.length)) {
    // A called workflow assumes one role, whoever calls it.
    return `its callers pass different keys (${names.join(', ')}) under one name; one role cannot replace them all: give every caller the same key, or migrate it by hand`
  }
  const missing = keys.length === 0 ? (f.pair.accessKeyId ?? null) : keys.find((k) => !roleArns[k])
  if (missing === undefined) return null
  return `key pair ${missing ?? '(no access key id)'}: ${problems.reasonFor(missing)}`
}

/**
 * Called workflows the rewrite left as they were because a caller in the repository stays as it
 * is (a called workflow changes only together with every caller).
 */
export function heldFiles(rewrite: RewriteResult): BlockedFile[] {
  return rewrite.files.flatMap((f) =>
    f.heldBy
      ? [
          {
            file: f.path,
            reason: `job ${f.heldBy.job} of ${f.heldBy.caller}, which calls it, stays as it is (${f.heldBy.why})`
          }
        ]
      : []
  )
}

/** A workflow file that is not valid YAML: not scanned, so its keys (if any) are unknown. */
export interface UnparsedFile {
  readonly file: string
  /** The first error's line and message. */
  readonly line: number
  readonly message: string
  /** How many errors the parser reported in the file. */
  readonly errors: number
}

/** The scan's errors, one record per file (a file with three errors is one file). */
export function unparsedFiles(errors: readonly ScanError[]): UnparsedFile[] {
  const out = new Map<string, UnparsedFile>()
  for (const e of errors) {
    const known = out.get(e.file)
    out.set(
      e.file,
      known
        ? { ...known, errors: known.errors + 1 }
        : { file: e.file, line: e.line, message: e.message, errors: 1 }
    )
  }
  return [...out.values()]
}
