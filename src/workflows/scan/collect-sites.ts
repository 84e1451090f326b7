/**
 * First half of the scan: walks one parsed workflow or composite action and lists every
 * "site", a YAML value holding a `${{ }}` expression, with where it sits (configure-aws-credentials
 * input, env entry, action input, run script, reusable-workflow secrets, ...) and the context a
 * finding needs (job, step, triggers, environment, permissions, env scopes). Deciding which
 * sites are AWS keys is `scan.ts`'s job, once every file's sites are known.
 */
import { isMap, isScalar, type Node } from 'yaml'
import { referencesIn, type ExpressionRefs } from '../expressions.js'
import { matrixValues, readEnvironment, readPermissions } from './job-facts.js'
import {
  pathKey,
  type EnvScope,
  type FileSites,
  type Path,
  type Site,
  type SiteContext,
  type SiteWhere
} from './sites.js'
import { onEntry, readTriggers } from './triggers.js'
import { walkOther } from './walk-other.js'
import {
  entries,
  entry,
  items,
  rangeOf,
  scalarText,
  type Entry,
  type Reached,
  type Source
} from './yaml-nodes.js'

/** `uses:` of this action (any ref): its `keys` input is not a use of the keys. */
const THIS_ACTION = /^\s*aws-keys-to-oidc\/aws-keys-to-oidc(@|$)/i

const CAC = /^aws-actions\/configure-aws-credentials@/i
const CAC_KEYS: ReadonlySet<string> = new Set([
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token'
])

/** Whether `uses:` names aws-actions/configure-aws-credentials (any tag, branch or SHA). */
export function isConfigureAwsCredentials(uses: string | null): boolean {
  return uses !== null && CAC.test(uses.trim())
}

/** What the walk lists, in the order met. */
type Collected = Omit<FileSites, 'kind'>

export function collectSites(src: Source, file: string): FileSites {
  const root: Reached = { node: src.doc.contents as Node | null, shared: false }
  const out: Collected = { sites: [], calls: [], inheritCalls: [] }
  if (!isMap(root.node)) return { kind: 'other', ...out }
  const runs = entry(src, root, 'runs')
  const jobs = entry(src, root, 'jobs')
  if (!jobs && runs && isMap(runs.node)) {
    collectComposite(src, file, runs, out.sites)
    return { kind: 'composite', ...out }
  }
  if (!jobs) return { kind: 'other', ...out }
  const top = workflowContext(src, root, file)
  collectTopLevel(src, root, top, out.sites)
  for (const job of entries(src, jobs)) collectJob(src, job, top, out)
  return { kind: 'workflow', ...out }
}

/** The context of a file's top level: no job, no step, no env in scope yet. */
function fileContext(
  file: string,
  composite: boolean,
  triggers: SiteContext['triggers'],
  permissions: SiteContext['permissions']
): SiteContext {
  return {
    file,
    composite,
    job: null,
    step: null,
    stepPath: null,
    triggers,
    environment: null,
    permissions,
    envScopes: [],
    runText: null,
    withText: new Map(),
    roleToAssume: null,
    matrix: new Map()
  }
}

/** A composite action: its steps, then every other value under `runs:`. */
function collectComposite(src: Source, file: string, runs: Entry, sites: Site[]): void {
  const base = fileContext(file, true, [], { workflow: null, job: null })
  const steps = entry(src, runs, 'steps')
  if (steps) walkSteps(src, steps, ['runs', 'steps'], base, sites)
  walkOther(src, runs, ['runs'], base, sites, new Set(['steps']))
}

/** A workflow's top-level context: its triggers, permissions and `env:` in scope. */
function workflowContext(src: Source, root: Reached, file: string): SiteContext {
  const triggers = readTriggers(src, root)
  const permissions = { workflow: readPermissions(src, root), job: null }
  const env = envScope(src, entry(src, root, 'env'), ['env'])
  return { ...fileContext(file, false, triggers, permissions), envScopes: env ? [env] : [] }
}

/** The declared `on.workflow_call.secrets`, the workflow `env:`, then every other top value. */
function collectTopLevel(src: Source, root: Reached, top: SiteContext, sites: Site[]): void {
  const on = onEntry(src, root)
  const onKey = on ? (entries(src, root).find((e) => e.node === on.node)?.key ?? 'on') : 'on'
  const call = on ? entry(src, on, 'workflow_call') : undefined
  const declared = call ? entry(src, call, 'secrets') : undefined
  for (const e of declared ? entries(src, declared) : []) {
    sites.push({
      ctx: top,
      where: 'callee',
      name: e.key,
      path: [onKey, 'workflow_call', 'secrets', e.key],
      range: rangeOf(e.keyNode),
      refs: referencesIn(''),
      group: `${onKey}.workflow_call.secrets`,
      shared: e.shared,
      required: isTrue(entry(src, e, 'required')?.node ?? null)
    })
  }
  addEnvSites(src, entry(src, root, 'env'), ['env'], top, 'env', sites)
  walkOther(src, root, [], top, sites, new Set(['on', 'true', 'jobs', 'env']))
}

/**
 * One job: its `env:`, a reusable-workflow call's `secrets:` and `with:`, the env of its
 * container and services, its steps, then every other value of the job.
 */
function collectJob(src: Source, job: Entry, top: SiteContext, out: Collected): void {
  const jobPath = ['jobs', job.key]
  const jobEnv = envScope(src, entry(src, job, 'env'), [...jobPath, 'env'])
  const ctx: SiteContext = {
    ...top,
    job: job.key,
    stepPath: jobPath,
    environment: readEnvironment(src, job),
    permissions: { workflow: top.permissions.workflow, job: readPermissions(src, job) },
    envScopes: jobEnv ? [jobEnv, ...top.envScopes] : top.envScopes,
    matrix: matrixValues(src, job)
  }
  addEnvSites(src, entry(src, job, 'env'), [...jobPath, 'env'], ctx, 'env', out.sites)
  const skip = new Set(['env', 'steps', 'secrets', 'container', 'services'])
  if (addCallSites(src, job, jobPath, ctx, out)) skip.add('with')
  addContainerSites(src, job, jobPath, ctx, out.sites)
  const steps = entry(src, job, 'steps')
  if (steps) walkSteps(src, steps, [...jobPath, 'steps'], ctx, out.sites)
  walkOther(src, job, jobPath, ctx, out.sites, skip)
}

/** A job calling a reusable workflow (`uses:`): the call, and what it passes. False otherwise. */
function addCallSites(
  src: Source,
  job: Entry,
  jobPath: Path,
  ctx: SiteContext,
  out: Collected
): boolean {
  const uses = entry(src, job, 'uses')
  const usesText = uses ? scalarText(uses.node) : null
  if (usesText === null) return false
  out.calls.push({ job: job.key, uses: usesText })
  const secrets = entry(src, job, 'secrets')
  if (secrets && scalarText(secrets.node) === 'inherit') {
    out.inheritCalls.push({
      ctx,
      uses: usesText,
      path: [...jobPath, 'secrets'],
      range: rangeOf(secrets.node)
    })
  } else if (secrets) {
    addMapSites(src, secrets, [...jobPath, 'secrets'], ctx, 'caller', out.sites)
  }
  const withs = entry(src, job, 'with')
  if (withs) addMapSites(src, withs, [...jobPath, 'with'], ctx, 'caller', out.sites)
  return true
}

/** The env handed to the job's container and services, and their other values. */
function addContainerSites(
  src: Source,
  job: Entry,
  jobPath: Path,
  ctx: SiteContext,
  sites: Site[]
): void {
  const container = entry(src, job, 'container')
  if (container) {
    const path = [...jobPath, 'container']
    addEnvSites(src, entry(src, container, 'env'), [...path, 'env'], ctx, 'container-env', sites)
    walkOther(src, container, path, ctx, sites, new Set(['env']))
  }
  const services = entry(src, job, 'services')
  for (const svc of services ? entries(src, services) : []) {
    const path = [...jobPath, 'services', svc.key]
    addEnvSites(src, entry(src, svc, 'env'), [...path, 'env'], ctx, 'container-env', sites)
    walkOther(src, svc, path, ctx, sites, new Set(['env']))
  }
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
        // This action's own `keys` input takes only access key ids, to migrate them.
        if (w.key === 'keys' && THIS_ACTION.test(uses ?? '')) continue
        const where: SiteWhere = cac ? (CAC_KEYS.has(w.key) ? 'cac' : 'other') : 'with'
        addValueSites(
          src,
          w,
          [...stepPath, 'with', w.key],
          ctx,
          where,
          w.key,
          `${pathKey(stepPath)}.with`,
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
        pathKey([...stepPath, 'run']),
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
    addValueSites(src, env, path, ctx, 'other', null, pathKey(path), sites)
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
    addValueSites(src, map, path, ctx, where, null, pathKey(path), sites)
    return
  }
  for (const e of entries(src, map)) {
    addValueSites(src, e, [...path, e.key], ctx, where, e.key, pathKey(path), sites)
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

/** A boolean `true` scalar (`required: true`). */
function isTrue(node: Node | null): boolean {
  return isScalar(node) && node.value === true
}
