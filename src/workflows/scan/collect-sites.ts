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
const CAC_KEYS = new Set(['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'])

/** Whether `uses:` names aws-actions/configure-aws-credentials (any tag, branch or SHA). */
export function isConfigureAwsCredentials(uses: string | null): boolean {
  return uses !== null && CAC.test(uses.trim())
}

export function collectSites(src: Source, file: string): FileSites {
  const root: Reached = { node: src.doc.contents as Node | null, shared: false }
  const sites: Site[] = []
  const inheritCalls: FileSites['inheritCalls'][number][] = []
  const calls: FileSites['calls'][number][] = []
  if (!isMap(root.node)) return { kind: 'other', sites, calls, inheritCalls }
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
    return { kind: 'composite', sites, calls, inheritCalls }
  }
  if (!jobs) return { kind: 'other', sites, calls, inheritCalls }

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
          shared: e.shared,
          required: isTrue(entry(src, e, 'required')?.node ?? null)
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
      calls.push({ job: job.key, uses: usesText })
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
  return { kind: 'workflow', sites, calls, inheritCalls }
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
