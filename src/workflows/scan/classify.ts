/**
 * Second half of the scan: groups the key uses of a file's sites into findings (kind,
 * migration with its reason, pair, path and position). See the path rule in `scan.ts`.
 */
import type { Finding, KeyPair } from '../findings.js'
import { ROLE_ARN } from '../../formats.js'
import {
  APP_CONFIG_SECRETS,
  ecrLogin,
  ecrRegion,
  generatedHeader,
  awsVerdict,
  otherSecretsInMap,
  partition,
  regionPartition
} from './hints.js'
import {
  nonAwsName,
  pairSecrets,
  pairUp,
  roleFromName,
  sortedUnique,
  STANDARD_ENV,
  type KeyRole
} from '../key-names.js'
import { keyUses, type KeyUse, type KnownRoles } from './key-uses.js'
import { kindReason, type ReasonCode, type Why } from './reasons.js'
import {
  localCallee,
  referencedSecrets,
  type FileSites,
  type Site,
  type SiteContext
} from './sites.js'
import { offsetOfMatch, position, type Located } from './yaml-nodes.js'

const NO_PAIR: KeyPair = { accessKeyId: null, secretAccessKey: null, sessionToken: null }

/** Inputs of other actions that hand values on to a build or a script rather than log in. */
const HAND_ON_INPUT =
  /^(build[-_]?args|args|arguments|env|environment|envs|secrets|script|run|command|cmd)$/i

export function buildFindings(src: Located, file: FileSites, known: KnownRoles): Finding[] {
  const sites = file.sites
  const groups = new Map<string, KeyUse[]>()
  const callees: Site[] = []
  for (const site of sites) {
    if (site.where === 'callee') {
      callees.push(site)
      continue
    }
    const uses = keyUses(site, known)
    if (uses.length === 0) continue
    const id = `${site.where}\u0001${site.group}`
    const list = groups.get(id)
    if (list) list.push(...uses)
    else groups.set(id, [...uses])
  }
  const out: Finding[] = []
  for (const uses of groups.values()) out.push(...groupFindings(src, uses))
  const referenced = referencedSecrets(file)
  out.push(
    ...calleeFindings(
      src,
      // A declared secret that is optional and never read carries no key into this workflow.
      callees.filter((c) => c.required === true || referenced(c.name ?? '')),
      known
    )
  )
  const header = generatedHeader(src.text)
  if (header === null) return out
  // A generated or synced copy is rewritten at its source, not here.
  return out.map((f) =>
    f.migration === 'automatic'
      ? {
          ...f,
          migration: 'manual',
          code: 'generated',
          reason: kindReason({ ...f, reason: 'generated' }, { names: f.secrets, header })
        }
      : f
  )
}

function groupFindings(src: Located, uses: KeyUse[]): Finding[] {
  const where = uses[0]!.site.where
  if (where === 'cac') return [cacFinding(src, uses)]
  const out: Finding[] = []
  const indirect = uses.filter(
    (u) => (u.via === 'input' || u.via === 'expression') && !u.conditional
  )
  const fixed = uses.filter((u) => u.secret !== null && !u.conditional && !indirect.includes(u))
  const loose = uses.filter((u) => !fixed.includes(u) && !indirect.includes(u))
  if (indirect.length > 0) out.push(indirectFinding(src, where, indirect))
  // Run-time choices and whole-context hand-overs: one finding per group (env map, input map, script).
  if (loose.length > 0) out.push(looseFinding(src, loose))
  for (const pair of pairUp(roled(fixed))) {
    const names = pairSecrets(pair)
    const mine = fixed.filter((u) => names.includes(u.secret!))
    if (mine.length > 0) out.push(pairFinding(src, where, pair, mine))
  }
  return out
}

function roled(uses: readonly KeyUse[]): { name: string; role: KeyRole }[] {
  return uses
    .filter((u) => u.secret !== null && u.role !== null)
    .map((u) => ({ name: u.secret!, role: u.role! }))
}

const ROLE_ORDER = { id: 0, secret: 1, token: 2 } as const

/** The use to point at: standard env entries first, then the id (else secret, else token). */
function lead(uses: readonly KeyUse[]): KeyUse {
  return [...uses].sort(
    (a, b) =>
      Number(!isStandard(a.site)) - Number(!isStandard(b.site)) ||
      (a.role ? ROLE_ORDER[a.role] : 3) - (b.role ? ROLE_ORDER[b.role] : 3)
  )[0]!
}

function isStandard(site: Site): boolean {
  return site.where === 'env' && STANDARD_ENV[site.name ?? ''] !== undefined
}

function cacFinding(src: Located, uses: KeyUse[]): Finding {
  const at = lead(uses)
  const ctx = at.site.ctx
  const pairs = pairUp(roled(uses))
  const cac = (migration: 'automatic' | 'manual', reason: ReasonCode): Why => ({
    kind: 'configure-aws-credentials',
    migration,
    reason
  })
  let why: Why
  if (uses.some((u) => u.conditional || u.via === 'dynamic') || pairs.length > 1) {
    why = { kind: 'dynamic-secret', migration: 'manual', reason: 'cac-dynamic' }
  } else if (uses.some((u) => u.via === 'input')) why = cac('manual', 'cac-input')
  else if (uses.every((u) => u.via === 'expression')) why = cac('manual', 'cac-expression')
  else if (ctx.composite) why = cac('manual', 'composite-secrets')
  else if (uses.some((u) => u.site.shared)) why = cac('manual', 'shared')
  else if (uses.some((u) => u.role === 'token')) why = cac('manual', 'session-token')
  else if (partition(ctx) !== null) why = cac('manual', 'partition')
  else if (ctx.roleToAssume !== null && !ROLE_ARN.test(ctx.roleToAssume.trim())) {
    // The keys go only when the chained role is known to trust GitHub after the migration.
    why = cac('manual', 'cac-chain-unknown')
  } else why = cac('automatic', ctx.roleToAssume !== null ? 'cac-chain' : 'cac')
  return finding(src, at, uses, mergePairs(pairs), why)
}

/** Keys from an input of a composite action, or from step outputs in a script. */
function indirectFinding(src: Located, where: Site['where'], uses: KeyUse[]): Finding {
  const at = lead(uses)
  let why: Why
  const service = serviceWhy(at.site.ctx, uses)
  if (service) why = service
  else if (where === 'env') why = { kind: 'env', migration: 'manual', reason: 'env-input' }
  else if (uses.some((u) => u.via === 'input'))
    why = { kind: 'key-export', migration: 'manual', reason: 'run-input' }
  else why = { kind: 'key-export', migration: 'manual', reason: 'run-expression' }
  return finding(src, at, uses, NO_PAIR, why)
}

function looseFinding(src: Located, uses: KeyUse[]): Finding {
  const at = lead(uses)
  const pair = mergePairs(pairUp(roled(uses)))
  const dynamic = uses.some((u) => u.via === 'dynamic' || u.conditional)
  if (!dynamic)
    return finding(src, at, uses, pair, {
      kind: 'key-export',
      migration: 'manual',
      reason: 'all-secrets'
    })
  const service = serviceWhy(at.site.ctx, uses)
  if (service) return finding(src, at, uses, pair, service)
  return finding(src, at, uses, pair, {
    kind: 'dynamic-secret',
    migration: 'manual',
    reason: 'dynamic'
  })
}

function pairFinding(src: Located, where: Site['where'], pair: KeyPair, mine: KeyUse[]): Finding {
  const at = lead(mine)
  const ctx = at.site.ctx
  const manual = (kind: Why['kind'], reason: ReasonCode): Finding =>
    finding(src, at, mine, pair, { kind, migration: 'manual', reason })
  const service = serviceWhy(ctx, mine)
  if (service) return finding(src, at, mine, pair, service)
  switch (where) {
    case 'env': {
      if (!mine.some((u) => isStandard(u.site))) return manual('key-export', 'env-other-name')
      // The same pair under other names in this map: a program reads them, not the AWS tools.
      if (mine.some((u) => !isStandard(u.site)))
        return finding(src, lead(mine.filter((u) => !isStandard(u.site))), mine, pair, {
          kind: 'key-export',
          migration: 'manual',
          reason: 'env-mixed-names'
        })
      if (ctx.composite) return manual('env', 'composite-secrets')
      if (mine.some((u) => u.site.shared)) return manual('env', 'shared')
      if (mine.some((u) => u.role === 'token')) return manual('env', 'session-token')
      if (partition(ctx) !== null) return manual('env', 'partition')
      if (ctx.step !== null && ctx.step.uses !== null && ctx.runText === null)
        return manual('env', 'env-action')
      if (otherSecretsInMap(ctx, mine) >= APP_CONFIG_SECRETS) return manual('env', 'env-app-config')
      return finding(src, at, mine, pair, { kind: 'env', migration: 'automatic', reason: 'env' })
    }
    case 'container-env':
      return manual('key-export', 'container')
    case 'with': {
      if (HAND_ON_INPUT.test(at.site.name ?? '')) return manual('key-export', 'with-hand-on')
      if (ctx.composite) return manual('action-input', 'composite-secrets')
      const ecr = ecrLogin(ctx, pair, mine)
      if (ecr === null) return manual('action-input', local(ctx) ? 'with-local' : 'with')
      if (mine.some((u) => u.site.shared)) return manual('action-input', 'shared')
      if (regionPartition(ecr) !== null) return manual('action-input', 'partition')
      return finding(src, at, mine, pair, {
        kind: 'action-input',
        migration: 'automatic',
        reason: 'docker-ecr'
      })
    }
    case 'run':
      return manual('key-export', 'run')
    case 'caller':
      return manual('reusable-workflow-caller', 'caller')
    default:
      return manual(
        'key-export',
        at.site.path[at.site.path.length - 1] === 'if' ? 'condition' : 'other'
      )
  }
}

/** Not AWS (never counts), or ambiguous (counts, by hand) from this pair's evidence; null for AWS. */
function serviceWhy(ctx: SiteContext, uses: readonly KeyUse[]): Why | null {
  const verdict = awsVerdict(ctx, uses)
  if (verdict === null) return null
  return verdict.verdict === 'non-aws'
    ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
    : { kind: 'ambiguous', migration: 'manual', reason: 'ambiguous-endpoint' }
}

function local(ctx: SiteContext): boolean {
  return (ctx.step?.uses ?? '').trim().startsWith('./')
}

function calleeFindings(src: Located, callees: readonly Site[], known: KnownRoles): Finding[] {
  const roles: KeyUse[] = []
  for (const site of callees) {
    const name = site.name ?? ''
    const role = known.get(name.toUpperCase()) ?? roleFromName(name)
    if (role)
      roles.push({ site, role, secret: name, via: 'secret', detail: name, conditional: false })
  }
  return pairUp(roled(roles)).map((pair) => {
    const names = pairSecrets(pair)
    const uses = roles.filter((u) => names.includes(u.secret!))
    const why: Why = names.some(nonAwsName)
      ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
      : { kind: 'reusable-workflow-secret', migration: 'manual', reason: 'callee' }
    return finding(src, lead(uses), uses, pair, why)
  })
}

/**
 * `secrets: inherit` callers of a reusable workflow of this repository (`uses: ./...`) whose
 * findings name key secrets: one finding per pair of the callee.
 */
export function inheritFindings(
  src: Located,
  calls: FileSites['inheritCalls'],
  byFile: ReadonlyMap<string, readonly Finding[]>
): Finding[] {
  const out: Finding[] = []
  for (const call of calls) {
    const path = localCallee(call.uses)
    const callee = path === null ? undefined : byFile.get(path)
    if (!callee) continue
    const seen = new Set<string>()
    for (const f of callee) {
      if (f.kind === 'non-aws' || f.secrets.length === 0) continue
      const names = pairSecrets(f.pair)
      const key = names.join('/')
      if (names.length === 0 || seen.has(key)) continue
      seen.add(key)
      out.push({
        ...base(call.ctx),
        ...position(src, call.range?.[0] ?? 0),
        kind: 'reusable-workflow-inherit',
        migration: 'manual',
        code: 'inherit',
        reason: kindReason(
          { kind: 'reusable-workflow-inherit', migration: 'manual', reason: 'inherit' },
          { callee: call.uses.trim(), names }
        ),
        secrets: names,
        pair: f.pair,
        path: call.path,
        roleToAssume: null
      })
    }
  }
  return out
}

function finding(
  src: Located,
  at: KeyUse,
  uses: readonly KeyUse[],
  pair: KeyPair,
  why: Why
): Finding {
  const site = at.site
  const offset =
    site.where === 'callee' ? (site.range?.[0] ?? 0) : offsetOfMatch(src, site.range, pattern(at))
  const secrets = sortedUnique(uses.map((u) => u.secret).filter((s): s is string => s !== null))
  return {
    ...base(site.ctx),
    ...position(src, offset),
    kind: why.kind,
    migration: why.migration,
    code: why.reason,
    reason: kindReason(why, {
      names: secrets,
      entry: site.name,
      via: uses.find((u) => u.via !== 'secret' && u.via !== 'all-secrets')?.detail ?? null,
      roleToAssume: site.ctx.roleToAssume,
      uses: site.ctx.step?.uses ?? null,
      partition:
        why.reason === 'partition'
          ? (partition(site.ctx) ??
            regionPartition(ecrRegion(site.ctx.withText.get('registry') ?? null)))
          : null,
      others: why.reason === 'env-app-config' ? otherSecretsInMap(site.ctx, uses) : 0,
      endpoint: endpointOf(why, site.ctx, uses)
    }),
    secrets,
    pair,
    path: site.path,
    roleToAssume: site.where === 'cac' ? site.ctx.roleToAssume : null
  }
}

function endpointOf(why: Why, ctx: SiteContext, uses: readonly KeyUse[]): string | null {
  const verdict = why.reason === 'ambiguous-endpoint' ? awsVerdict(ctx, uses) : null
  return verdict?.verdict === 'ambiguous' ? verdict.endpoint : null
}

function base(
  ctx: SiteContext
): Pick<Finding, 'file' | 'job' | 'step' | 'triggers' | 'environment' | 'permissions'> {
  return {
    file: ctx.file,
    job: ctx.job,
    step: ctx.step,
    triggers: ctx.triggers,
    environment: ctx.environment,
    permissions: ctx.permissions
  }
}

/** Where in the value's source the use is written. */
function pattern(u: KeyUse): RegExp {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  switch (u.via) {
    case 'secret':
      return new RegExp(
        `secrets\\s*(?:\\.\\s*${esc(u.detail)}(?![\\w-])|\\[\\s*['"]${esc(u.detail)}['"])`,
        'i'
      )
    case 'env':
      return new RegExp(`env\\s*\\.\\s*${esc(u.detail)}(?![\\w-])`, 'i')
    case 'input':
      return new RegExp(`inputs\\s*\\.\\s*${esc(u.detail)}(?![\\w-])`, 'i')
    case 'dynamic':
      return /secrets\s*\[/i
    case 'all-secrets':
      return /toJSON\s*\(\s*secrets/i
    default:
      return u.detail !== '' ? new RegExp(esc(u.detail)) : /\$\{\{/
  }
}

/** One pair from several (the first name of each side). */
function mergePairs(pairs: readonly KeyPair[]): KeyPair {
  return {
    accessKeyId: pairs.find((p) => p.accessKeyId !== null)?.accessKeyId ?? null,
    secretAccessKey: pairs.find((p) => p.secretAccessKey !== null)?.secretAccessKey ?? null,
    sessionToken: pairs.find((p) => p.sessionToken !== null)?.sessionToken ?? null
  }
}
