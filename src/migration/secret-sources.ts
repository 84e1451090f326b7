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
  for (const f of awsKeyFindings(findings)) {
    const own = readsOwnSecrets(f)
    // A called workflow's job of an environment reads that environment's secret over what its
    // caller passes; else the caller's own use is recorded.
    if (!own && !literalEnvironment(f)) continue
    for (const secret of pairSecrets(f)) {
      const id = JSON.stringify([f.file, f.job, secret.toUpperCase()])
      if (seen.has(id)) continue
      const source = resolve(f, secret, listing)
      if (!own && source.definition?.scope !== 'environment') continue
      seen.add(id)
      sources.push(source)
      // A caller's use passes the secret on: the called job may read its environment's own.
      if (!passesOn(f) && source.definition === null && source.looked.every((p) => p.readable)) {
        undefinedUses.push(undefinedFinding(f, source))
      }
    }
  }
  return { sources, unreadable: unreadablePlaces(listing), findings: undefinedUses }
}

/** The environments whose secrets the jobs' key uses may read (literal names only). */
export function keyEnvironments(findings: readonly Finding[]): string[] {
  const names = awsKeyFindings(findings)
    .map(literalEnvironment)
    .filter((e): e is string => e !== null)
  return [...new Set(names)].sort()
}

/** Every secret name of the key pairs the findings use (the organisation secrets to read). */
export function keySecretNames(findings: readonly Finding[]): string[] {
  return [...new Set(awsKeyFindings(findings).flatMap(pairSecrets))].sort()
}

/**
 * Where the secret a job's step reads is defined, as far as the lists tell: `environment` (the
 * job's own environment defines it), `elsewhere` (the repository or an organisation secret,
 * not the job's environment), `nowhere` (no place defines it, every place was readable);
 * undefined when a list that decides it could not be read, or when the job reads what a caller
 * passes. `selectPairs` routes each use to its `keys` line by it.
 */
export type SecretScope = 'environment' | 'elsewhere' | 'nowhere'

export function secretScopes(
  listing: SecretListing
): (f: Finding, name: string) => SecretScope | undefined {
  return (f, name) => {
    const { definition, looked } = resolve(f, name, listing)
    if (definition?.scope === 'environment') return 'environment'
    if (!readsOwnSecrets(f)) return undefined
    // The job's environment was read and lacks it; a later place decides.
    const environmentKnown = looked.every((p) => p.scope !== 'environment' || p.readable)
    if (!environmentKnown) return undefined
    if (definition !== null) return 'elsewhere'
    // A caller passes the secret on: the called job may read its environment's own.
    if (passesOn(f)) return undefined
    return looked.every((p) => p.readable) ? 'nowhere' : undefined
  }
}

function passesOn(f: Finding): boolean {
  return f.kind === 'reusable-workflow-inherit' || f.kind === 'reusable-workflow-caller'
}

function literalEnvironment(f: Finding): string | null {
  return f.environment !== null && !f.environment.includes('${{') ? f.environment : null
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
