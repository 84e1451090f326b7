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
  /** Jobs that only assume a role with the keys, by the literal role ARN. */
  readonly chains: ReadonlyMap<string, readonly Finding[]>
  /** role-to-assume values that are expressions (cannot be resolved before the run), as follow-ups. */
  readonly unresolved: readonly string[]
}

/** Jobs that use the keys directly, and jobs that only chain onto a role, by role ARN. */
export function splitUses(uses: readonly Finding[]): KeyUses {
  const direct: Finding[] = []
  const chains = new Map<string, Finding[]>()
  const unresolved: string[] = []
  for (const f of uses) {
    const role = f.roleToAssume?.trim() ?? null
    if (!role) {
      direct.push(f)
    } else if (ROLE_ARN.test(role)) {
      chains.set(role, [...(chains.get(role) ?? []), f])
    } else {
      unresolved.push(
        `${f.file}:${f.line}: role-to-assume '${role}' is not a literal role ARN, so the keys of this step stay (that role trusts the IAM user, not GitHub); write the role's ARN in role-to-assume and run the migration again`
      )
    }
  }
  return { direct, chains, unresolved }
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
