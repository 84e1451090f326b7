/**
 * `GITHUB_TOKEN` permissions of a job, as values: what a job gets (its own `permissions:`, else
 * the workflow's, else the repository default), what `read-all` and `write-all` mean as explicit
 * maps, and the smallest change that gives a job `id-token: write` without losing any scope.
 * Pure: no YAML, no I/O (the text edits live in the rewriter).
 */
import type { PermissionsContext, PermissionsValue } from './findings.js'

/** The repository (or organisation) default for workflows without `permissions:`. */
export type RepositoryDefault = 'restricted' | 'permissive'

/** A scope map in the order it is written. */
export type ScopeMap = Readonly<Record<string, string>>

/**
 * Every scope `read-all` / `write-all` covers on github.com, sorted (`repository-projects` is
 * left out: classic projects are gone from github.com).
 */
export const SCOPES: readonly string[] = [
  'actions',
  'artifact-metadata',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses'
]

/** Scopes that do not take every level: `id-token` is `write|none`, `models` is `read|none`. */
const LEVELS: Readonly<Record<string, readonly string[]>> = {
  'id-token': ['write', 'none'],
  models: ['read', 'none']
}

export const ID_TOKEN = 'id-token'

/** The explicit map with the same meaning as `read-all` or `write-all`. */
export function expandAll(value: 'read-all' | 'write-all'): ScopeMap {
  const level = value === 'read-all' ? 'read' : 'write'
  const out: Record<string, string> = {}
  for (const scope of SCOPES) {
    const allowed = LEVELS[scope]
    if (!allowed || allowed.includes(level)) out[scope] = level
    // `models` caps at read; `id-token: read` does not exist (it means none): leave it out.
    else if (scope === 'models') out[scope] = 'read'
  }
  return out
}

/** The scopes a job gets from the repository default when no `permissions:` is written. */
export function defaultScopes(repositoryDefault: RepositoryDefault): ScopeMap {
  if (repositoryDefault === 'restricted') return { contents: 'read', packages: 'read' }
  const out: Record<string, string> = {}
  for (const [scope, level] of Object.entries(expandAll('write-all'))) {
    if (scope !== ID_TOKEN) out[scope] = level
  }
  return out
}

/** Where a job's token permissions come from. */
export type PermissionsSource = 'job' | 'workflow' | 'repository-default'

export interface EffectivePermissions {
  readonly source: PermissionsSource
  /** The value as written where it comes from (the default as a map). */
  readonly value: PermissionsValue
  /** The explicit scope map with the same meaning. */
  readonly scopes: ScopeMap
}

/** The permissions a job runs with. */
export function effectivePermissions(
  context: PermissionsContext,
  repositoryDefault: RepositoryDefault
): EffectivePermissions {
  if (context.job !== null) {
    return { source: 'job', value: context.job, scopes: scopesOf(context.job) }
  }
  if (context.workflow !== null) {
    return { source: 'workflow', value: context.workflow, scopes: scopesOf(context.workflow) }
  }
  const scopes = defaultScopes(repositoryDefault)
  return { source: 'repository-default', value: scopes, scopes }
}

/** The explicit map of a written value (`read-all` / `write-all` expanded). */
export function scopesOf(value: PermissionsValue): ScopeMap {
  return typeof value === 'string' ? expandAll(value) : value
}

/** Whether the value lets the job request an OIDC token. */
export function grantsIdToken(value: PermissionsValue): boolean {
  return scopesOf(value)[ID_TOKEN] === 'write'
}

/** The scopes plus `id-token: write`, keeping the written order (an existing entry is upgraded in place). */
export function withIdToken(scopes: ScopeMap): ScopeMap {
  const out: Record<string, string> = { ...scopes }
  out[ID_TOKEN] = 'write'
  return out
}

/**
 * The smallest change that gives a job `id-token: write` and keeps every scope it had.
 * - `none`: the job already has it: its own map or the workflow's grants it, or `write-all`
 *   applies. `write-all` means every scope `write`, `id-token` included, so writing it out as a
 *   map plus the entry would have the same meaning: it stays as written (the smallest diff).
 * - `set-entry`: the job's own scope map gets (or upgrades) the entry.
 * - `expand`: the job's `read-all` becomes the explicit map with the same meaning (every scope
 *   `read`, see {@link expandAll}) plus the entry.
 * - `add-job`: the job gets its own map: a copy of the workflow's value (`read-all` expanded) or
 *   of the repository default, plus the entry. The workflow-level value stays (least privilege).
 */
export type IdTokenChange =
  | { readonly kind: 'none' }
  | { readonly kind: 'set-entry'; readonly scopes: ScopeMap }
  | { readonly kind: 'expand'; readonly from: 'read-all'; readonly scopes: ScopeMap }
  | { readonly kind: 'add-job'; readonly from: PermissionsSource; readonly scopes: ScopeMap }

export function idTokenChange(
  context: PermissionsContext,
  repositoryDefault: RepositoryDefault
): IdTokenChange {
  const effective = effectivePermissions(context, repositoryDefault)
  if (grantsIdToken(effective.value)) return { kind: 'none' }
  const scopes = withIdToken(effective.scopes)
  if (effective.source === 'job') {
    // `write-all` grants the entry already (returned above): only `read-all` is written out.
    return effective.value === 'read-all'
      ? { kind: 'expand', from: 'read-all', scopes }
      : { kind: 'set-entry', scopes }
  }
  return { kind: 'add-job', from: effective.source, scopes }
}

/** Scopes granted by `before` that `after` does not grant at the same level or higher. */
export function lostScopes(before: ScopeMap, after: ScopeMap): string[] {
  const rank = (level: string | undefined): number =>
    level === 'write' ? 2 : level === 'read' ? 1 : 0
  return Object.keys(before).filter((scope) => rank(after[scope]) < rank(before[scope]))
}
