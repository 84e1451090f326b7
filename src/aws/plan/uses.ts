/**
 * How a key pair's jobs use the keys (pure): directly (a new role replaces the keys) or only to
 * assume another role (role chaining: that role gets the trust statement). Split once per pair,
 * when its facts are gathered; the plan reads the split from the facts.
 */
import { ROLE_ARN } from '../../formats.js'
import type { Finding } from '../../workflows/findings.js'
import type { JobUse } from '../../workflows/subjects.js'

export interface KeyUses {
  /** Jobs that use the keys themselves. */
  readonly direct: readonly Finding[]
  /** Jobs that only assume a role with the keys, by the role's ARN (literal, or resolved). */
  readonly chains: ReadonlyMap<string, readonly Finding[]>
  /**
   * `role-to-assume` values that are expressions, by the role they were found to be: the one
   * role of the account that trusts the keys' IAM user (`resolveChains`).
   */
  readonly resolved: ReadonlyMap<string, string>
  /** Chaining steps whose `role-to-assume` is an expression no single role was found for. */
  readonly unresolved: readonly Finding[]
  /** The roles of the account that trust the keys' IAM user; null when not looked for. */
  readonly candidates: readonly string[] | null
}

/** Jobs that use the keys directly, and jobs that only chain onto a role, by role ARN. */
export function splitUses(uses: readonly Finding[]): KeyUses {
  const direct: Finding[] = []
  const chains = new Map<string, Finding[]>()
  const unresolved: Finding[] = []
  for (const f of uses) {
    const role = f.roleToAssume?.trim() ?? null
    if (!role) direct.push(f)
    else if (ROLE_ARN.test(role)) chains.set(role, [...(chains.get(role) ?? []), f])
    else unresolved.push(f)
  }
  return { direct, chains, resolved: new Map(), unresolved, candidates: null }
}

/**
 * Steps chaining onto a role given by an expression (`\${{ secrets.ROLE }}`) whose value the
 * action cannot read: when exactly one role of the account trusts the keys' IAM user and the
 * steps write one expression, that role is the one they assume, and it is planned as a chained
 * role (it gets the GitHub statement). With no candidate, several, or several expressions, the
 * steps keep their keys and the follow-up names the candidates.
 */
export function resolveChains(uses: KeyUses, candidates: readonly string[]): KeyUses {
  const expressions = new Set(uses.unresolved.map((f) => f.roleToAssume?.trim() ?? ''))
  const [role] = candidates
  if (candidates.length !== 1 || expressions.size !== 1 || role === undefined) {
    return { ...uses, candidates }
  }
  const chains = new Map(uses.chains)
  chains.set(role, [...(chains.get(role) ?? []), ...uses.unresolved])
  const resolved = new Map(uses.resolved)
  for (const e of expressions) resolved.set(e, role)
  return { ...uses, chains, resolved, unresolved: [], candidates }
}

/** One follow-up per chaining step left on its keys: what was found, and what settles it. */
export function unresolvedFollowUps(uses: KeyUses, userName: string): string[] {
  const expressions = new Set(uses.unresolved.map((f) => f.roleToAssume?.trim() ?? ''))
  const found = uses.candidates
  const why =
    found === null
      ? 'that role trusts the IAM user, not GitHub'
      : found.length === 0
        ? `no role of the account trusts IAM user ${userName} (a role of another account cannot be changed from this one)`
        : expressions.size > 1 && found.length === 1
          ? `the steps write ${expressions.size} different expressions, and only ${found[0] ?? ''} trusts IAM user ${userName}`
          : `${found.length} roles trust IAM user ${userName}: ${found.join(', ')}`
  return uses.unresolved.map(
    (f) =>
      `${f.file}:${f.line}: role-to-assume '${f.roleToAssume?.trim() ?? ''}' is not a literal role ARN and ${why}, so the keys of this step stay; write the ARN of the role it assumes in role-to-assume and run the migration again`
  )
}

/** True when no job uses the keys at all (each finding lands in exactly one part of the split). */
export function isUnused(uses: KeyUses): boolean {
  return uses.direct.length === 0 && uses.chains.size === 0 && uses.unresolved.length === 0
}

/** The jobs of the findings (one per file and job). */
export function jobUses(findings: readonly Finding[]): JobUse[] {
  const seen = new Map<string, JobUse>()
  for (const f of findings) {
    const id = `${f.file}\u0000${f.job ?? ''}`
    if (!seen.has(id)) {
      seen.set(id, { file: f.file, job: f.job, triggers: f.triggers, environment: f.environment })
    }
  }
  return [...seen.values()]
}
