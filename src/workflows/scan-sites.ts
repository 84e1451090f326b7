/**
 * First half of the scan: walks one parsed workflow or composite action and lists every
 * "site", a YAML value holding a `${{ }}` expression, with where it sits (configure-aws-credentials
 * input, env entry, action input, run script, reusable-workflow secrets, ...) and the context a
 * finding needs (job, step, triggers, environment, permissions, env scopes). Deciding which
 * sites are AWS keys is `scan.ts`'s job, once every file's sites are known.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml'
import type { PermissionsContext, StepRef, Trigger } from './findings.js'
import { referencesIn, type ExpressionRefs } from './expressions.js'
import { readEnvironment, readPermissions } from './job-facts.js'
import { onEntry, readTriggers } from './triggers.js'
import {
  deref,
  entries,
  entry,
  items,
  rangeOf,
  scalarText,
  type SourceRange,
  type Entry,
  type Reached,
  type Source
} from './yaml-nodes.js'

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
}

export interface FileSites {
  readonly kind: 'workflow' | 'composite' | 'other'
  readonly sites: Site[]
  /** Jobs calling a reusable workflow with `secrets: inherit`. */
  readonly inheritCalls: {
    readonly ctx: SiteContext
    readonly uses: string
    readonly path: Path
    readonly range: SourceRange | null
  }[]
}

const CAC = /^aws-actions\/configure-aws-credentials@/i
const CAC_KEYS = new Set(['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'])

/** Whether `uses:` names aws-actions/configure-aws-credentials (any tag, branch or SHA). */
export function isConfigureAwsCredentials(uses: string | null): boolean {
  return uses !== null && CAC.test(uses.trim())
}

export function collectSites(src: Source, file: string): FileSites {
  const root: Reached = { node: src.doc.contents as Node | null, shared: false }
  const sites: Site[] = []
  const inheritCalls: FileSites['inheritCalls'][number][] = []
  if (!isMap(root.node)) return { kind: 'other', sites, inheritCalls }
  const runs = entry(src, root, 'runs')
  const jobs = entry(src, root, 'jobs')
  if (!jobs && runs && isMap(runs.node)) {
    const base: SiteContext = {
      file,
      composite: true,
      job: null,
      step: null,
      stepPath: null,
      triggers: [],
      environment: null,
      permissions: { workflow: null, job: null },
      envScopes: [],
      runText: null,
      withText: new Map(),
      roleToAssume: null,
      matrix: new Map()
    }
    const steps = entry(src, runs, 'steps')
    if (steps) walkSteps(src, steps, ['runs', 'steps'], base, sites)
    walkOther(src, runs, ['runs'], base, sites, new Set(['steps']))
    return { kind: 'composite', sites, inheritCalls }
  }
  if (!jobs) return { kind: 'other', sites, inheritCalls }

  const triggers = readTriggers(src, root)
  const workflowPermissions = readPermissions(src, root)
  const wfCtx: SiteContext = {
    file,
    composite: false,
    job: null,
    step: null,
    stepPath: null,
    triggers,
    environment: null,
    permissions: { workflow: workflowPermissions, job: null },
    envScopes: [],
    runText: null,
    withText: new Map(),
    roleToAssume: null,
    matrix: new Map()
  }
  const wfEnv = envScope(src, entry(src, root, 'env'), ['env'])
  const wfScopes = wfEnv ? [wfEnv] : []
  const on = onEntry(src, root)
  const onKey = on ? (entries(src, root).find((e) => e.node === on.node)?.key ?? 'on') : 'on'
  if (on) {
    const call = entry(src, on, 'workflow_call')
    const declared = call ? entry(src, call, 'secrets') : undefined
    if (declared) {
      for (const e of entries(src, declared)) {
        sites.push({
          ctx: { ...wfCtx, envScopes: wfScopes },
          where: 'callee',
          name: e.key,
          path: [onKey, 'workflow_call', 'secrets', e.key],
          range: rangeOf(e.keyNode),
          refs: referencesIn(''),
          group: `${onKey}.workflow_call.secrets`,
          shared: e.shared
        })
      }
    }
  }
  addEnvSites(
    src,
    entry(src, root, 'env'),
    ['env'],
    { ...wfCtx, envScopes: wfScopes },
    'env',
    sites
  )
  walkOther(
    src,
    root,
    [],
    { ...wfCtx, envScopes: wfScopes },
    sites,
    new Set(['on', 'true', 'jobs', 'env'])
  )

  for (const job of entries(src, jobs)) {
    const jobPath = ['jobs', job.key]
    const jobEnv = envScope(src, entry(src, job, 'env'), [...jobPath, 'env'])
    const scopes = jobEnv ? [jobEnv, ...wfScopes] : wfScopes
    const ctx: SiteContext = {
      ...wfCtx,
      job: job.key,
      stepPath: jobPath,
      environment: readEnvironment(src, job),
      permissions: { workflow: workflowPermissions, job: readPermissions(src, job) },
      envScopes: scopes,
      matrix: matrixValues(src, job)
    }
    addEnvSites(src, entry(src, job, 'env'), [...jobPath, 'env'], ctx, 'env', sites)
    const skip = new Set(['env', 'steps', 'secrets', 'container', 'services'])
    const uses = entry(src, job, 'uses')
    const usesText = uses ? scalarText(uses.node) : null
    if (usesText !== null) {
      const secrets = entry(src, job, 'secrets')
      if (secrets && scalarText(secrets.node) === 'inherit') {
        inheritCalls.push({
          ctx,
          uses: usesText,
          path: [...jobPath, 'secrets'],
          range: rangeOf(secrets.node)
        })
      } else if (secrets) {
        addMapSites(src, secrets, [...jobPath, 'secrets'], ctx, 'caller', sites)
      }
      const withs = entry(src, job, 'with')
      if (withs) addMapSites(src, withs, [...jobPath, 'with'], ctx, 'caller', sites)
      skip.add('with')
    }
    const container = entry(src, job, 'container')
    if (container) {
      addEnvSites(
        src,
        entry(src, container, 'env'),
        [...jobPath, 'container', 'env'],
        ctx,
        'container-env',
        sites
      )
      walkOther(src, container, [...jobPath, 'container'], ctx, sites, new Set(['env']))
    }
    const services = entry(src, job, 'services')
    for (const svc of services ? entries(src, services) : []) {
      const svcPath = [...jobPath, 'services', svc.key]
      addEnvSites(src, entry(src, svc, 'env'), [...svcPath, 'env'], ctx, 'container-env', sites)
      walkOther(src, svc, svcPath, ctx, sites, new Set(['env']))
    }
    const steps = entry(src, job, 'steps')
    if (steps) walkSteps(src, steps, [...jobPath, 'steps'], ctx, sites)
    walkOther(src, job, jobPath, ctx, sites, skip)
  }
  return { kind: 'workflow', sites, inheritCalls }
}

function walkSteps(
  src: Source,
  steps: Reached,
  path: Path,
  outer: SiteContext,
  sites: Site[]
): void {
  items(src, steps).forEach((step, index) => {
    if (!isMap(step.node)) return
    const stepPath = [...path, index]
    const uses = text(src, step, 'uses')
    const withEntry = entry(src, step, 'with')
    const withText = new Map<string, string>()
    for (const w of withEntry ? entries(src, withEntry) : []) {
      const t = scalarText(w.node)
      if (t !== null) withText.set(w.key, t)
    }
    const stepEnv = envScope(src, entry(src, step, 'env'), [...stepPath, 'env'])
    const ctx: SiteContext = {
      ...outer,
      step: { index, name: text(src, step, 'name'), id: text(src, step, 'id'), uses },
      stepPath,
      envScopes: stepEnv ? [stepEnv, ...outer.envScopes] : outer.envScopes,
      runText: text(src, step, 'run'),
      withText,
      roleToAssume: isConfigureAwsCredentials(uses)
        ? (withText.get('role-to-assume') ?? null)
        : null
    }
    addEnvSites(src, entry(src, step, 'env'), [...stepPath, 'env'], ctx, 'env', sites)
    if (withEntry) {
      const cac = isConfigureAwsCredentials(uses)
      for (const w of entries(src, withEntry)) {
        const where: SiteWhere = cac ? (CAC_KEYS.has(w.key) ? 'cac' : 'other') : 'with'
        addValueSites(
          src,
          w,
          [...stepPath, 'with', w.key],
          ctx,
          where,
          w.key,
          `${key(stepPath)}.with`,
          sites
        )
      }
    }
    const run = entry(src, step, 'run')
    if (run)
      addValueSites(
        src,
        run,
        [...stepPath, 'run'],
        ctx,
        'run',
        null,
        key([...stepPath, 'run']),
        sites
      )
    walkOther(src, step, stepPath, ctx, sites, new Set(['env', 'with', 'run']))
  })
}

/** Sites of an `env:` map: one per entry whose value has an expression. */
function addEnvSites(
  src: Source,
  env: Entry | undefined,
  path: Path,
  ctx: SiteContext,
  where: SiteWhere,
  sites: Site[]
): void {
  if (!env) return
  if (scalarText(env.node) !== null) {
    // `env: ${{ fromJSON(...) }}`: a whole map computed at run time.
    addValueSites(src, env, path, ctx, 'other', null, key(path), sites)
    return
  }
  addMapSites(src, env, path, ctx, where, sites)
}

function addMapSites(
  src: Source,
  map: Reached,
  path: Path,
  ctx: SiteContext,
  where: SiteWhere,
  sites: Site[]
): void {
  const direct = scalarText(map.node)
  if (direct !== null) {
    addValueSites(src, map, path, ctx, where, null, key(path), sites)
    return
  }
  for (const e of entries(src, map)) {
    addValueSites(src, e, [...path, e.key], ctx, where, e.key, key(path), sites)
  }
}

/** A site for a scalar value with an expression; nested values are walked as `other`. */
function addValueSites(
  src: Source,
  value: Reached,
  path: Path,
  ctx: SiteContext,
  where: SiteWhere,
  name: string | null,
  group: string,
  sites: Site[]
): void {
  const t = scalarText(value.node)
  if (t === null) {
    walkOther(src, value, path, ctx, sites, new Set())
    return
  }
  const refs = referencesIn(t)
  if (
    refs.secrets.length +
      refs.dynamicSecrets.length +
      refs.allSecrets.length +
      refs.env.length +
      refs.inputs.length ===
      0 &&
    !(where === 'cac' && t.includes('${{'))
  ) {
    if (where !== 'cac') return
  }
  sites.push({
    ctx,
    where,
    name,
    path,
    range: rangeOf(value.node),
    refs,
    group,
    shared: value.shared
  })
}

/**
 * Every other scalar under `node` with a secret reference becomes an `other` site. Walks the
 * raw tree with one path stack (copied only for a site): this walk visits every node.
 */
function walkOther(
  src: Source,
  node: Reached,
  path: Path,
  ctx: SiteContext,
  sites: Site[],
  skip: ReadonlySet<string>
): void {
  const stack = [...path]
  walkRaw(src, node.node, node.shared, stack, ctx, sites, skip, 0)
}

/** Offsets of the word `secrets` in each file's text, to skip subtrees that cannot hold a reference. */
const SECRET_WORDS = new WeakMap<Source, number[]>()

function mentionsSecrets(src: Source, node: { range?: readonly number[] | null }): boolean {
  const range = node.range
  if (!range) return true
  let offsets = SECRET_WORDS.get(src)
  if (!offsets) {
    offsets = [...src.text.matchAll(/secrets/gi)].map((m) => m.index ?? 0)
    SECRET_WORDS.set(src, offsets)
  }
  // First offset >= range start (binary search), then whether it lies before the range end.
  let lo = 0
  let hi = offsets.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid]! < range[0]!) lo = mid + 1
    else hi = mid
  }
  return lo < offsets.length && offsets[lo]! < range[2]!
}

const NO_SKIP: ReadonlySet<string> = new Set()
/** Deeper than this, a tree is a YAML bomb or an alias loop: stop. */
const MAX_DEPTH = 64

function walkRaw(
  src: Source,
  node: unknown,
  shared: boolean,
  stack: (string | number)[],
  ctx: SiteContext,
  sites: Site[],
  skip: ReadonlySet<string>,
  depth: number
): void {
  if (depth > MAX_DEPTH) return
  if (isAlias(node)) {
    walkRaw(src, deref(src, node).node, true, stack, ctx, sites, skip, depth + 1)
    return
  }
  if (isScalar(node)) {
    const t = node.value
    // Every reference this walk looks for names the secrets context.
    if (typeof t !== 'string' || !SECRETS_WORD.test(t)) return
    const last = stack[stack.length - 1]
    const refs = referencesIn(t, last === 'if')
    if (refs.secrets.length + refs.dynamicSecrets.length + refs.allSecrets.length === 0) return
    const path = [...stack]
    sites.push({
      ctx,
      where: 'other',
      name: typeof last === 'string' ? last : null,
      path,
      range: rangeOf(node),
      refs,
      group: key(path),
      shared: shared || node.anchor !== undefined
    })
    return
  }
  if ((isMap(node) || isSeq(node)) && !mentionsSecrets(src, node)) return
  if (isMap(node)) {
    const inner = shared || node.anchor !== undefined
    for (const pair of node.items) {
      const k = scalarText(isAlias(pair.key) ? pair.key.resolve(src.doc) : pair.key)
      if (k === null || skip.has(k)) continue
      stack.push(k)
      walkRaw(src, pair.value, inner, stack, ctx, sites, NO_SKIP, depth + 1)
      stack.pop()
    }
  } else if (isSeq(node)) {
    const inner = shared || node.anchor !== undefined
    node.items.forEach((item, i) => {
      stack.push(i)
      walkRaw(src, item, inner, stack, ctx, sites, NO_SKIP, depth + 1)
      stack.pop()
    })
  }
}

const SECRETS_WORD = /secrets/i

/** Scalar values of `strategy.matrix` by name, from its lists and its `include` entries. */
function matrixValues(src: Source, job: Reached): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const strategy = entry(src, job, 'strategy')
  const matrix = strategy ? entry(src, strategy, 'matrix') : undefined
  const add = (name: string, value: unknown): void => {
    const t = scalarText(value)
    if (t === null) return
    const list = out.get(name) ?? []
    if (!list.includes(t)) list.push(t)
    out.set(name, list)
  }
  for (const e of matrix ? entries(src, matrix) : []) {
    const rows = items(src, e)
    if (e.key === 'include' || e.key === 'exclude') {
      if (e.key === 'exclude') continue
      for (const row of rows) for (const cell of entries(src, row)) add(cell.key, cell.node)
    } else {
      for (const row of rows) add(e.key, row.node)
    }
  }
  return out
}

function envScope(src: Source, env: Entry | undefined, path: Path): EnvScope | null {
  if (!env || !isMap(env.node)) return null
  const values = new Map<string, { refs: ExpressionRefs; text: string | null }>()
  for (const e of entries(src, env)) {
    const t = scalarText(e.node)
    values.set(e.key, { refs: t === null ? referencesIn('') : referencesIn(t), text: t })
  }
  return { path, values }
}

function text(src: Source, map: Reached, name: string): string | null {
  const e = entry(src, map, name)
  return e ? scalarText(e.node) : null
}

function key(path: Path): string {
  return path.join('\u0000')
}
