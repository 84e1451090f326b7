/**
 * Where each secret a job's keys come from is defined (pure). GitHub gives a job the secret of
 * its environment first, then the repository's, then an organisation secret the repository can
 * see; the API lists names only, never values. From the names the token could list
 * (`src/github/secrets.ts`), each (job, secret name of its key uses) gets the definition it
 * reads, or none: a `secret-undefined` finding of its own. A place the token may not list is
 * recorded as not readable (the plan notes it), never a finding.
 */
import { awsKeyFindings, type Finding } from '../workflows/findings.js'
import { kindReason } from '../workflows/scan/reasons.js'

/** A repository or environment secret (`mode: cleanup` deletes these). */
export interface SecretRef {
  readonly scope: 'repository' | 'environment'
  /** The environment of an environment secret; null for a repository secret. */
  readonly environment: string | null
  readonly name: string
}

/** An organisation secret the repository can see. */
export interface OrgSecretRef {
  readonly name: string
  /** `all`, `private` or `selected`; `unknown` when the token may not read the organisation's. */
  readonly visibility: string
  /** The repositories that can see it (`OWNER/REPO`); null when GitHub did not say. */
  readonly repositories: readonly string[] | null
}

/** The secret names of one environment; null when the token may not list them. */
export interface EnvironmentSecrets {
  readonly environment: string
  readonly secrets: readonly string[] | null
}

/** The secret names the token could list, by place; null where it may not list them. */
export interface SecretListing {
  readonly repository: readonly string[] | null
  readonly environments: readonly EnvironmentSecrets[]
  readonly organization: readonly OrgSecretRef[] | null
}

/** A place a secret may be defined, in GitHub's order, and whether the token could list it. */
export interface SecretPlace {
  readonly scope: 'environment' | 'repository' | 'organization'
  /** For `environment`: its name; else null. */
  readonly environment: string | null
  readonly readable: boolean
}

/** The definition a job gets. */
export type SecretDefinition =
  | { readonly scope: 'environment'; readonly environment: string }
  | { readonly scope: 'repository' }
  | {
      readonly scope: 'organization'
      /** `all`, `private`, `selected` or `unknown`. */
      readonly visibility: string
      /** With `selected`: the repositories that can see it; null when not known. */
      readonly repositories: readonly string[] | null
    }

/** One secret name one job's key uses read. */
export interface SecretSource {
  readonly file: string
  /** Null for a use at workflow level (its `env:`). */
  readonly job: string | null
  readonly environment: string | null
  readonly secret: string
  /** Null when no place the token could list defines it. */
  readonly definition: SecretDefinition | null
  /** The places looked at, in order, up to the one that defines it. */
  readonly looked: readonly SecretPlace[]
}

export interface SecretSources {
  readonly sources: readonly SecretSource[]
  /** The places the token may not list (a note in the plan, never a finding). */
  readonly unreadable: readonly SecretPlace[]
  /** `secret-undefined`: a secret defined in none of the places, all of them readable. */
  readonly findings: readonly Finding[]
}

/**
 * For each job's key uses, which definition of each secret name it reads. Uses in a called
 * workflow (`on: workflow_call` only) or a composite action get their secrets from the caller,
 * whose own use is recorded instead.
 */
export function planSecretSources(
  findings: readonly Finding[],
  listing: SecretListing
): SecretSources {
  const sources: SecretSource[] = []
  const undefinedUses: Finding[] = []
  const seen = new Set<string>()
  for (const f of awsKeyFindings(findings).filter(readsOwnSecrets)) {
    for (const secret of pairSecrets(f)) {
      const id = JSON.stringify([f.file, f.job, secret.toUpperCase()])
      if (seen.has(id)) continue
      seen.add(id)
      const source = resolve(f, secret, listing)
      sources.push(source)
      if (source.definition === null && source.looked.every((p) => p.readable)) {
        undefinedUses.push(undefinedFinding(f, source))
      }
    }
  }
  return { sources, unreadable: unreadablePlaces(listing), findings: undefinedUses }
}

/** The environments whose secrets the jobs' key uses may read (literal names only). */
export function keyEnvironments(findings: readonly Finding[]): string[] {
  const names = awsKeyFindings(findings)
    .filter(readsOwnSecrets)
    .map((f) => f.environment)
    .filter((e): e is string => e !== null && !e.includes('${{'))
  return [...new Set(names)].sort()
}

function readsOwnSecrets(f: Finding): boolean {
  if (f.kind === 'reusable-workflow-secret') return false
  if (f.triggers.length === 0) return false
  return f.triggers.some((t) => t.event !== 'workflow_call')
}

function pairSecrets(f: Finding): string[] {
  const { accessKeyId, secretAccessKey, sessionToken } = f.pair
  return [accessKeyId, secretAccessKey, sessionToken].filter((s): s is string => s !== null)
}

function resolve(f: Finding, secret: string, listing: SecretListing): SecretSource {
  const name = secret.toUpperCase()
  const has = (names: readonly string[]): boolean => names.some((n) => n.toUpperCase() === name)
  const looked: SecretPlace[] = []
  const base = { file: f.file, job: f.job, environment: f.environment, secret }
  if (f.environment !== null) {
    const env = listing.environments.find((e) => e.environment === f.environment)
    const names = env?.secrets ?? null
    looked.push({ scope: 'environment', environment: f.environment, readable: names !== null })
    if (names && has(names)) {
      return { ...base, definition: { scope: 'environment', environment: f.environment }, looked }
    }
  }
  looked.push({ scope: 'repository', environment: null, readable: listing.repository !== null })
  if (listing.repository && has(listing.repository)) {
    return { ...base, definition: { scope: 'repository' }, looked }
  }
  const org = listing.organization
  looked.push({ scope: 'organization', environment: null, readable: org !== null })
  const shared = org?.find((o) => o.name.toUpperCase() === name)
  if (shared) {
    const { visibility, repositories } = shared
    return { ...base, definition: { scope: 'organization', visibility, repositories }, looked }
  }
  return { ...base, definition: null, looked }
}

function unreadablePlaces(listing: SecretListing): SecretPlace[] {
  return [
    ...(listing.repository === null
      ? [{ scope: 'repository' as const, environment: null, readable: false }]
      : []),
    ...listing.environments
      .filter((e) => e.secrets === null)
      .map((e) => ({ scope: 'environment' as const, environment: e.environment, readable: false })),
    ...(listing.organization === null
      ? [{ scope: 'organization' as const, environment: null, readable: false }]
      : [])
  ]
}

/** The use as a finding of its own: the job reads a secret that is defined nowhere. */
function undefinedFinding(f: Finding, source: SecretSource): Finding {
  const where = source.looked
    .map((p) =>
      p.scope === 'environment'
        ? `environment ${p.environment ?? ''}`
        : p.scope === 'repository'
          ? 'the repository'
          : 'the organisation secrets the repository can see'
    )
    .join(', ')
  const why = { kind: f.kind, migration: 'manual', reason: 'secret-undefined' } as const
  return {
    ...f,
    migration: 'manual',
    code: 'secret-undefined',
    secrets: [source.secret],
    reason: kindReason(why, { names: [source.secret], via: `looked in ${where}` })
  }
}
