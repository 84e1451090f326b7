/**
 * Second half of the scan: groups the key uses of a file's sites into findings (kind,
 * migration with its reason, pair, path and position). See the path rule in `scan.ts`.
 */
import type { Finding, KeyPair } from './findings.js'
import {
  nonAwsName,
  pairSecrets,
  pairUp,
  roleFromName,
  sortedUnique,
  STANDARD_ENV
} from './key-names.js'
import { keyUses, type KeyUse, type KnownRoles } from './key-uses.js'
import type { FileSites, Site, SiteContext } from './scan-sites.js'
import { offsetOfMatch, position, startOf, type Source } from './yaml-nodes.js'
import { kindReason, type Why } from './reasons.js'

export function buildFindings(src: Source, sites: readonly Site[], known: KnownRoles): Finding[] {
  const groups = new Map<string, KeyUse[]>()
  const callees: Site[] = []
  for (const site of sites) {
    if (site.where === 'callee') {
      callees.push(site)
      continue
    }
    const uses = keyUses(site, known)
    if (uses.length === 0) continue
    const id = `${site.where === 'other' ? 'other' : site.where}\u0001${site.group}`
    const list = groups.get(id)
    if (list) list.push(...uses)
    else groups.set(id, [...uses])
  }
  const out: Finding[] = []
  for (const uses of groups.values()) out.push(...groupFindings(src, uses))
  out.push(...calleeFindings(src, callees, known))
  return out
}

function groupFindings(src: Source, uses: KeyUse[]): Finding[] {
  const where = uses[0]!.site.where
  if (where === 'cac') return [cacFinding(src, uses)]
  const out: Finding[] = []
  const fixed = uses.filter((u) => u.secret !== null && !u.conditional)
  const fromInputs = uses.filter((u) => u.via === 'input' && !u.conditional)
  const loose = uses.filter((u) => (u.secret === null || u.conditional) && !fromInputs.includes(u))
  if (fromInputs.length > 0) {
    const why: Why = nonAws(fromInputs[0]!.site.ctx, fromInputs)
      ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
      : { kind: 'env', migration: 'manual', reason: 'env-input' }
    out.push(finding(src, lead(fromInputs), fromInputs, NO_PAIR, why))
  }
  // Run-time choices and whole-context hand-overs: one finding per group (env map, input map, script).
  if (loose.length > 0) out.push(looseFinding(src, loose))
  for (const pair of pairUp(fixed.map((u) => ({ name: u.secret!, role: u.role! })))) {
    const names = pairSecrets(pair)
    const mine = fixed.filter((u) => names.includes(u.secret!))
    if (mine.length === 0) continue
    out.push(pairFinding(src, where, pair, mine, uses))
  }
  return out
}

const NO_PAIR: KeyPair = { accessKeyId: null, secretAccessKey: null, sessionToken: null }

const ROLE_ORDER = { id: 0, secret: 1, token: 2 } as const

/** The use to point at: the id (else secret, else token) of standard entries first. */
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

function cacFinding(src: Source, uses: KeyUse[]): Finding {
  const at = lead(uses)
  const ctx = at.site.ctx
  const pairs = pairUp(
    uses.filter((u) => u.secret !== null).map((u) => ({ name: u.secret!, role: u.role! }))
  )
  const dynamic = uses.some((u) => u.conditional || u.via === 'dynamic') || pairs.length > 1
  let why: Why
  if (dynamic) why = { kind: 'dynamic-secret', migration: 'manual', reason: 'cac-dynamic' }
  else if (uses.some((u) => u.via === 'input'))
    why = { kind: 'configure-aws-credentials', migration: 'manual', reason: 'cac-input' }
  else if (uses.every((u) => u.via === 'expression'))
    why = { kind: 'configure-aws-credentials', migration: 'manual', reason: 'cac-expression' }
  else if (ctx.composite)
    why = { kind: 'configure-aws-credentials', migration: 'manual', reason: 'composite-secrets' }
  else if (uses.some((u) => u.site.shared))
    why = { kind: 'configure-aws-credentials', migration: 'manual', reason: 'shared' }
  else if (uses.some((u) => u.role === 'token'))
    why = { kind: 'configure-aws-credentials', migration: 'manual', reason: 'cac-session-token' }
  else
    why = {
      kind: 'configure-aws-credentials',
      migration: 'automatic',
      reason: ctx.roleToAssume !== null ? 'cac-chain' : 'cac'
    }
  return finding(src, at, uses, mergePairs(pairs), why)
}

function looseFinding(src: Source, uses: KeyUse[]): Finding {
  const at = lead(uses)
  const site = at.site
  const all =
    uses.some((u) => u.via === 'all-secrets') &&
    !uses.some((u) => u.via === 'dynamic' || u.conditional)
  const pairs = pairUp(
    uses.filter((u) => u.secret !== null).map((u) => ({ name: u.secret!, role: u.role! }))
  )
  const why: Why = all
    ? { kind: 'key-export', migration: 'manual', reason: 'all-secrets' }
    : { kind: 'dynamic-secret', migration: 'manual', reason: 'dynamic' }
  if (!all && nonAws(site.ctx, uses))
    return finding(src, at, uses, mergePairs(pairs), {
      kind: 'non-aws',
      migration: 'not-migrated',
      reason: 'non-aws'
    })
  return finding(src, at, uses, mergePairs(pairs), why)
}

function pairFinding(
  src: Source,
  where: Site['where'],
  pair: KeyPair,
  mine: KeyUse[],
  group: KeyUse[]
): Finding {
  const at = lead(mine)
  const ctx = at.site.ctx
  if (nonAws(ctx, group))
    return finding(src, at, mine, pair, {
      kind: 'non-aws',
      migration: 'not-migrated',
      reason: 'non-aws'
    })
  switch (where) {
    case 'env': {
      if (!mine.some((u) => isStandard(u.site)))
        return finding(src, at, mine, pair, {
          kind: 'key-export',
          migration: 'manual',
          reason: 'env-other-name'
        })
      let reason: Why['reason'] = 'env'
      if (mine.some((u) => u.via === 'input')) reason = 'env-input'
      else if (ctx.composite) reason = 'composite-secrets'
      else if (mine.some((u) => u.site.shared)) reason = 'shared'
      else if (mine.some((u) => !isStandard(u.site))) reason = 'env-mixed-names'
      else if (ctx.step !== null && ctx.step.uses !== null && ctx.runText === null)
        reason = 'env-action'
      return finding(src, at, mine, pair, {
        kind: 'env',
        migration: reason === 'env' ? 'automatic' : 'manual',
        reason
      })
    }
    case 'container-env':
      return finding(src, at, mine, pair, {
        kind: 'key-export',
        migration: 'manual',
        reason: 'container'
      })
    case 'with':
      return finding(src, at, mine, pair, {
        kind: 'action-input',
        migration: 'manual',
        reason: local(ctx) ? 'with-local' : 'with'
      })
    case 'run':
      return finding(src, at, mine, pair, {
        kind: 'key-export',
        migration: 'manual',
        reason: 'run'
      })
    case 'caller':
      return finding(src, at, mine, pair, {
        kind: 'reusable-workflow-caller',
        migration: 'manual',
        reason: 'caller'
      })
    default:
      return finding(src, at, mine, pair, {
        kind: 'key-export',
        migration: 'manual',
        reason: at.site.path[at.site.path.length - 1] === 'if' ? 'condition' : 'other'
      })
  }
}

function local(ctx: SiteContext): boolean {
  return (ctx.step?.uses ?? '').trim().startsWith('./')
}

function calleeFindings(src: Source, callees: readonly Site[], known: KnownRoles): Finding[] {
  const roled = callees
    .map((s) => ({
      site: s,
      role: known.get((s.name ?? '').toUpperCase()) ?? roleOf(s.name ?? '')
    }))
    .filter((r): r is { site: Site; role: NonNullable<typeof r.role> } => r.role !== null)
  const out: Finding[] = []
  for (const pair of pairUp(roled.map((r) => ({ name: r.site.name!, role: r.role })))) {
    const names = pairSecrets(pair)
    const uses: KeyUse[] = roled
      .filter((r) => names.includes(r.site.name!))
      .map((r) => ({
        site: r.site,
        role: r.role,
        secret: r.site.name,
        via: 'secret',
        detail: r.site.name!,
        conditional: false
      }))
    const at = lead(uses)
    const why: Why = names.some(nonAwsName)
      ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
      : { kind: 'reusable-workflow-secret', migration: 'manual', reason: 'callee' }
    out.push(finding(src, at, uses, pair, why))
  }
  return out
}

export function inheritFindings(
  src: Source,
  calls: FileSites['inheritCalls'],
  byFile: ReadonlyMap<string, readonly Finding[]>
): Finding[] {
  const out: Finding[] = []
  for (const call of calls) {
    const target = call.uses.trim()
    if (!target.startsWith('./')) continue
    const callee = byFile.get(target.slice(2).replace(/@.*$/, ''))
    if (!callee) continue
    const seen = new Set<string>()
    for (const f of callee) {
      if (f.kind === 'non-aws' || f.secrets.length === 0) continue
      const key = `${f.pair.accessKeyId}/${f.pair.secretAccessKey}/${f.pair.sessionToken}`
      if (seen.has(key)) continue
      seen.add(key)
      const pos = position(src, startOf(call.node))
      out.push({
        ...base(call.ctx),
        ...pos,
        kind: 'reusable-workflow-inherit',
        migration: 'manual',
        reason: kindReason(
          { kind: 'reusable-workflow-inherit', migration: 'manual', reason: 'inherit' },
          { callee: target, names: pairSecrets(f.pair) }
        ),
        secrets: pairSecrets(f.pair),
        pair: f.pair,
        path: call.path,
        roleToAssume: null
      })
    }
  }
  return out
}

function roleOf(name: string): 'id' | 'secret' | 'token' | null {
  // Declared reusable-workflow secrets: the name is all there is.
  return name ? (STANDARD_ENV[name.toUpperCase()] ?? roleFromName(name)) : null
}

function finding(
  src: Source,
  at: KeyUse,
  uses: readonly KeyUse[],
  pair: KeyPair,
  why: Why
): Finding {
  const site = at.site
  const offset =
    site.where === 'callee' ? startOf(site.node) : offsetOfMatch(src, site.node, pattern(at))
  const secrets = sortedUnique(uses.map((u) => u.secret).filter((s): s is string => s !== null))
  return {
    ...base(site.ctx),
    ...position(src, offset),
    kind: why.kind,
    migration: why.migration,
    reason: kindReason(why, {
      names: secrets,
      entry: site.name,
      via:
        uses.find((u) => u.via === 'env' || u.via === 'input' || u.via === 'dynamic')?.detail ??
        null,
      roleToAssume: site.ctx.roleToAssume,
      uses: site.ctx.step?.uses ?? null
    }),
    secrets,
    pair,
    path: site.path,
    roleToAssume: site.where === 'cac' ? site.ctx.roleToAssume : null
  }
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
      return /\$\{\{/
  }
}

function mergePairs(pairs: readonly KeyPair[]): KeyPair {
  return {
    accessKeyId: pairs.find((p) => p.accessKeyId !== null)?.accessKeyId ?? null,
    secretAccessKey: pairs.find((p) => p.secretAccessKey !== null)?.secretAccessKey ?? null,
    sessionToken: pairs.find((p) => p.sessionToken !== null)?.sessionToken ?? null
  }
}

/** Env names of an S3 endpoint override (`AWS_ENDPOINT_URL`, `AWS_S3_ENDPOINT`, `TESTS__R2_ENDPOINT_URL`). */
const ENDPOINT = /(aws|s3|r2|minio).*endpoint|endpoint.*(aws|s3)/i

/**
 * An endpoint override that is not AWS: an S3-ish endpoint variable set from a secret, or any
 * endpoint variable with a literal URL that is not amazonaws.com and looks like object storage.
 */
function endpointHint(name: string, text: string | null, fromSecret: boolean): boolean {
  if (!/endpoint/i.test(name)) return false
  if (ENDPOINT.test(name) && fromSecret) return true
  const literal = text !== null && !text.includes('${{') ? text.trim() : ''
  if (literal === '' || /amazonaws\.com/i.test(literal)) return false
  return ENDPOINT.test(name) || /s3|r2|minio|storage/i.test(literal)
}

/** Hints that the keys are for an S3-compatible service other than AWS. */
function nonAws(ctx: SiteContext, uses: readonly KeyUse[]): boolean {
  for (const u of uses) {
    if ((u.secret && nonAwsName(u.secret)) || (u.site.name && nonAwsName(u.site.name))) return true
    if (u.via === 'env' && nonAwsName(u.detail)) return true
  }
  for (const scope of ctx.envScopes) {
    for (const [name, v] of scope.values) {
      if (endpointHint(name, v.text, v.refs.secrets.length > 0)) return true
    }
  }
  for (const [name, text] of ctx.withText) {
    if (endpointHint(name, text, false)) return true
  }
  return false
}
