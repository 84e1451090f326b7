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
import type { SecretScope } from './secret-sources.js'

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

/**
 * `scopeOf` (from the secret lists, `secretScopes`) tells where the secret a job reads is
 * defined; without it, or where the lists do not tell, a job of environment E takes the `E/NAME`
 * line when there is one, else the unscoped `NAME`.
 */
export function selectPairs(
  keys: readonly KeyRef[],
  findings: readonly Finding[],
  scopeOf: (f: Finding, name: string) => SecretScope | undefined = () => undefined
): PairSelection {
  const candidates = candidateNames(findings)
  const byLower = new Map(keys.map((k) => [k.secretName.toLowerCase(), k.secretName]))
  const scoped = (environment: string | null, name: string): string | undefined =>
    environment === null ? undefined : byLower.get(`${environment}/${name}`.toLowerCase())
  const unscoped = (name: string): string | undefined => byLower.get(name.toLowerCase())
  // A job of environment E reads E's secret of a name when E has one (the `E/NAME` line), else
  // the repository's or the organisation's (`NAME`): never the other's key. A secret defined
  // nowhere gives the step an empty value: no line is its key. Secrets a caller passes are read
  // in the caller's job: no environment.
  const lineFor = (f: Finding, name: string, own: boolean): string | undefined => {
    const environment = own ? f.environment : null
    switch (own ? scopeOf(f, name) : undefined) {
      case 'environment':
        return scoped(environment, name)
      case 'elsewhere':
        return unscoped(name) ?? scoped(environment, name)
      case 'nowhere':
        return undefined
      default:
        return scoped(environment, name) ?? unscoped(name)
    }
  }
  const keysOf = (f: Finding): string[] => [
    ...new Set(
      candidates(f).flatMap((name) => {
        const key = lineFor(f, name, name === f.pair.accessKeyId)
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
      reason: unmatchedReason(secretName, list, scopeOf)
    })),
    keysOf,
    candidates
  }
}

function unmatchedReason(
  secretName: string | null,
  uses: readonly Finding[],
  scopeOf: (f: Finding, name: string) => SecretScope | undefined
): string {
  if (secretName === null) {
    return 'the workflow passes a secret access key without its access key id secret; migrate it by hand'
  }
  const scopes = uses.map((f) => scopeOf(f, secretName))
  if (scopes.every((s) => s === 'nowhere')) {
    return `${secretName} is defined in no environment, repository or organisation secret this repository can see: its steps get an empty value; define it, or remove the steps`
  }
  const own = [
    ...new Set(
      uses.flatMap((f, i) => (scopes[i] === 'environment' && f.environment ? [f.environment] : []))
    )
  ]
  if (own.length > 0) {
    const first = own[0] ?? ''
    const verb = own.length === 1 ? 'defines its' : 'define their'
    return `${own.map((e) => `environment ${e}`).join(', ')} ${verb} own ${secretName}, which the keys input does not give; add ${first}/${secretName}=\${{ secrets.${secretName} }} from a job of that environment (or migrate from its key-owners output)`
  }
  return `no line for ${secretName} in the keys input; add ${secretName}=\${{ secrets.${secretName} }} to migrate it${environmentHint(secretName, uses)}`
}

/** For uses in jobs of environments: how to give those environments' own secrets. */
function environmentHint(name: string, uses: readonly Finding[]): string {
  const environments = [...new Set(uses.flatMap((f) => (f.environment ? [f.environment] : [])))]
  if (environments.length === 0) return ''
  const [first = ''] = environments
  return ` (jobs of ${environments.map((e) => `environment ${e}`).join(', ')} read that environment's ${name} when it has one: give it as ${first}/${name}=... from a job of that environment)`
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

/**
 * The `keys` lines with each key id replaced by its IAM user (`SECRET=user:NAME`), for the pairs
 * whose owner is known: what `mode: plan` outputs as `key-owners`, so that a job of each
 * environment can hand its keys on to one migrating job (user names are not secret; a job output
 * holding a secret would be dropped by the runner). With `withAccounts` (an `accounts` input),
 * `SECRET=user:ACCOUNT_ID:NAME`.
 */
export function keyOwnerLines(
  pairs: readonly {
    readonly secretName: string
    readonly owner: { readonly userName: string; readonly accountId: string } | null
  }[],
  withAccounts = false
): string {
  // With further accounts (the `accounts` input) each user is named with its account.
  const user = (o: { readonly userName: string; readonly accountId: string }): string =>
    withAccounts ? `${o.accountId}:${o.userName}` : o.userName
  return pairs.flatMap((p) => (p.owner ? [`${p.secretName}=user:${user(p.owner)}`] : [])).join('\n')
}
