/**
 * Which `keys` line each finding belongs to (pure). A line names the repository secret that
 * holds an access key id (`AWS_ACCESS_KEY_ID=AKIA...`). A finding names the secrets as its file
 * writes them: in a called (reusable) workflow those are its declared `workflow_call` secrets,
 * which stand for whatever its callers pass (a caller's `secrets: NAME: ${{ secrets.REPO }}`, or
 * the same name with `secrets: inherit`). Secret names are case-insensitive on GitHub. Findings
 * marked not-migrated (keys of an S3-compatible service that is not AWS) never take part.
 */
import type { PairRequest } from '../aws/plan/plan.js'
import type { KeyRef } from '../aws/plan/facts.js'
import { awsKeyFindings, type Finding } from '../workflows/findings.js'

/** Key-material findings whose access-key-id secret has no line in `keys`. */
export interface UnmatchedPair {
  /** The access-key-id secret name, or null when the workflow shows only the secret key. */
  readonly secretName: string | null
  readonly uses: readonly Finding[]
  /** One sentence: why the pair is not migrated and what to do. */
  readonly reason: string
}

export interface PairSelection {
  /** One request per `keys` line, with the findings of the jobs that use that key. */
  readonly requests: readonly PairRequest[]
  readonly unmatched: readonly UnmatchedPair[]
  /** The `keys` lines (their secret names, as given) a finding belongs to; empty when none. */
  keysOf(finding: Finding): readonly string[]
  /** The repository secrets the finding's access key id may be (several in a called workflow). */
  candidates(finding: Finding): readonly string[]
}

export function selectPairs(keys: readonly KeyRef[], findings: readonly Finding[]): PairSelection {
  const candidates = candidateNames(findings)
  const byLower = new Map(keys.map((k) => [k.secretName.toLowerCase(), k.secretName]))
  const keysOf = (f: Finding): string[] => [
    ...new Set(
      candidates(f).flatMap((name) => {
        const key = byLower.get(name.toLowerCase())
        return key === undefined ? [] : [key]
      })
    )
  ]
  const uses = new Map<string, Finding[]>()
  const unmatched = new Map<string | null, Finding[]>()
  for (const f of awsKeyFindings(findings)) {
    const matched = keysOf(f)
    for (const key of matched) uses.set(key, [...(uses.get(key) ?? []), f])
    if (matched.length === 0) {
      const name = candidates(f)[0] ?? null
      unmatched.set(name, [...(unmatched.get(name) ?? []), f])
    }
  }
  return {
    requests: keys.map((key): PairRequest => ({ key, uses: uses.get(key.secretName) ?? [] })),
    unmatched: [...unmatched].map(([secretName, list]) => ({
      secretName,
      uses: list,
      reason:
        secretName === null
          ? 'the workflow passes a secret access key without its access key id secret; migrate it by hand'
          : `no line for ${secretName} in the keys input; add ${secretName}=\${{ secrets.${secretName} }} to migrate it`
    })),
    keysOf,
    candidates
  }
}

/**
 * The repository secrets a finding's access key id may be: its own name, and in a called
 * workflow also what the repository's callers pass under that declared name.
 */
function candidateNames(findings: readonly Finding[]): (f: Finding) => string[] {
  const passed = new Map<string, string[]>()
  for (const f of findings) {
    const declared = f.path[3]
    if (f.kind !== 'reusable-workflow-caller' || f.path[2] !== 'secrets') continue
    if (typeof declared !== 'string' || !f.pair.accessKeyId) continue
    const names = passed.get(declared.toLowerCase()) ?? []
    if (!names.includes(f.pair.accessKeyId)) names.push(f.pair.accessKeyId)
    passed.set(declared.toLowerCase(), names)
  }
  const inherit = findings.some((f) => f.kind === 'reusable-workflow-inherit')
  return (f) => {
    const name = f.pair.accessKeyId
    if (!name) return []
    if (!f.triggers.some((t) => t.event === 'workflow_call')) return [name]
    const viaCallers = passed.get(name.toLowerCase()) ?? []
    // The declared name is a repository secret's only for `secrets: inherit` (or no caller here).
    return inherit || viaCallers.length === 0 ? [...viaCallers, name] : viaCallers
  }
}
