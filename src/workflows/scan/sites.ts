/**
 * The sites the scan lists: YAML values holding expressions, with where they sit and the
 * context a finding needs. Produced by `collect-sites.ts`, read by `key-uses.ts` and `classify.ts`.
 */
import type { ExpressionRefs } from '../expressions.js'
import type { PermissionsContext, StepRef, Trigger } from '../findings.js'
import type { SourceRange } from './yaml-nodes.js'

export type Path = readonly (string | number)[]

/** Where a site sits; decides the finding kind. */
export type SiteWhere =
  /** a key input (`aws-access-key-id`, ...) of configure-aws-credentials */
  | 'cac'
  /** an entry of a workflow/job/step `env:` map */
  | 'env'
  /** an entry of a `container:`/`services:` env map (keys handed to another container) */
  | 'container-env'
  /** an input of another action's `with:` */
  | 'with'
  /** a `run:` script */
  | 'run'
  /** an entry of a reusable-workflow caller's `secrets:` (or `with:`) map */
  | 'caller'
  /** a declared `on.workflow_call.secrets` entry (no expression: the name is the secret) */
  | 'callee'
  /** anything else (`if:`, outputs, matrix values, ...) */
  | 'other'

/** One `env:` map in scope: its entries' references, to resolve `${{ env.X }}`. */
export interface EnvScope {
  readonly path: Path
  readonly values: ReadonlyMap<
    string,
    { readonly refs: ExpressionRefs; readonly text: string | null }
  >
}

export interface SiteContext {
  readonly file: string
  readonly composite: boolean
  readonly job: string | null
  readonly step: StepRef | null
  /** Path of the step (or job when no step), for grouping and messages. */
  readonly stepPath: Path | null
  readonly triggers: readonly Trigger[]
  readonly environment: string | null
  readonly permissions: PermissionsContext
  /** env maps in scope, innermost first (step, job, workflow). */
  readonly envScopes: readonly EnvScope[]
  /** The step's `run:` text (for endpoint hints), or null. */
  readonly runText: string | null
  /** The step's `with:` text values by input name (for endpoint hints). */
  readonly withText: ReadonlyMap<string, string>
  /** `role-to-assume` of a configure-aws-credentials step. */
  readonly roleToAssume: string | null
  /** The job's `strategy.matrix` values by name (also from `include`), to resolve `secrets[matrix.x]`. */
  readonly matrix: ReadonlyMap<string, readonly string[]>
}

export interface Site {
  readonly ctx: SiteContext
  readonly where: SiteWhere
  /** The entry name (env variable, input, secret), null for `run` and `other`. */
  readonly name: string | null
  readonly path: Path
  /** Source range of the value (for `callee`, of the key); kept instead of the node so that
   * the parsed document can be dropped once its sites are listed. */
  readonly range: SourceRange | null
  readonly refs: ExpressionRefs
  /** Sites of one group become at most one finding per key pair (one env map, one `with:`, ...). */
  readonly group: string
  /** An anchor or alias lies on the way: editing it would change other places too. */
  readonly shared: boolean
  /** For `callee`: whether the declared secret says `required: true`. */
  readonly required?: boolean
}

export interface FileSites {
  readonly kind: 'workflow' | 'composite' | 'other'
  readonly sites: Site[]
  /** Jobs calling a reusable workflow (`jobs.JOB.uses`), with its text as written. */
  readonly calls: { readonly job: string; readonly uses: string }[]
  /** Jobs calling a reusable workflow with `secrets: inherit`. */
  readonly inheritCalls: {
    readonly ctx: SiteContext
    readonly uses: string
    readonly path: Path
    readonly range: SourceRange | null
  }[]
}

/** The repository path of a local reusable workflow (`./.github/workflows/x.yml@ref`), or null. */
export function localCallee(uses: string): string | null {
  const t = uses.trim()
  return t.startsWith('./') ? t.slice(2).replace(/@.*$/, '') : null
}

/** A stable grouping key for a path. */
export function pathKey(path: Path): string {
  return path.join('\u0000')
}

/**
 * Whether the file reads a secret by name (secret names are case-insensitive). A file that
 * indexes the secrets context, hands it over whole or passes it on with `secrets: inherit`
 * may read any of them.
 */
export function referencedSecrets(file: FileSites): (name: string) => boolean {
  const names = new Set<string>()
  let any = file.inheritCalls.length > 0
  for (const site of file.sites) {
    if (site.where === 'callee') continue
    for (const s of site.refs.secrets) names.add(s.name.toUpperCase())
    if (site.refs.dynamicSecrets.length > 0 || site.refs.allSecrets.length > 0) any = true
  }
  return (name) => any || names.has(name.toUpperCase())
}
