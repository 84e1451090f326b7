/**
 * The scan's last pass, over every file at once (the others decide per file):
 * - a key pair seen with one side only (`secrets.AWS_ACCESS_KEY_ID` alone in a condition) is
 *   completed from the one full pair with that side, in the same file first, else in the scan;
 * - reusable workflows of the repository (`uses: ./.github/workflows/x.yml`) migrate together
 *   with their callers, as the rewrite does it: the called workflow assumes the role itself, its
 *   declared key secrets become optional, callers stop passing them and get `id-token: write`.
 *   Such findings are automatic exactly when the other side is: a declared pair when every use
 *   of it in the called workflow is automatic; a caller when the called workflow assumes a role
 *   and releases every key secret the caller passes; `secrets: inherit` when every use of the
 *   pair in the called workflow is automatic. Uses of a declared secret under which callers pass
 *   different keys stay manual (no single role replaces them).
 */
import type { Finding, KeyPair } from '../findings.js'
import { pairSecrets } from '../key-names.js'
import { kindReason, type ReasonCode } from './reasons.js'
import { localCallee, type FileSites, type Site } from './sites.js'

export interface SettleFile {
  readonly file: string
  readonly sites: FileSites
  /** The file says it is generated or synced: none of its findings becomes automatic here. */
  readonly generated: boolean
}

export function settleFindings(
  findings: readonly Finding[],
  files: readonly SettleFile[]
): Finding[] {
  return settleReusable(stepsByHand(completePairs(findings)), files)
}

/**
 * A step whose env sets keys while the same step also uses keys by hand (its script, an input):
 * the env entries cannot go alone, so the env finding is manual too. Any keys count, not only
 * the same pair: a half pair on each side (`AWS_SECRET_ACCESS_KEY` in env, the id in the script)
 * cannot be told apart from two keys.
 */
function stepsByHand(findings: readonly Finding[]): Finding[] {
  const step = (f: Finding): string | null =>
    f.path[0] === 'jobs' && f.path[2] === 'steps'
      ? `${f.file}\u0000${String(f.path[1])}\u0000${String(f.path[3])}`
      : null
  // The first finding a person must handle, per step.
  const byHand = new Map<string, Finding>()
  for (const g of findings) {
    const key = g.migration === 'manual' ? step(g) : null
    if (key !== null && !byHand.has(key)) byHand.set(key, g)
  }
  return findings.map((f) => {
    if (f.kind !== 'env' || f.migration !== 'automatic' || f.path[4] !== 'env') return f
    const other = byHand.get(step(f) ?? '')
    if (!other) return f
    return {
      ...f,
      migration: 'manual',
      code: 'env-step-by-hand',
      reason: kindReason(
        { kind: f.kind, migration: 'manual', reason: 'env-step-by-hand' },
        { names: f.secrets, via: String(other.line) }
      )
    }
  })
}

/** Fills the missing side of partial pairs from the single full pair that matches them. */
export function completePairs(findings: readonly Finding[]): Finding[] {
  const full = findings
    .map((f) => ({ file: f.file, pair: f.pair }))
    .filter((x) => x.pair.accessKeyId !== null && x.pair.secretAccessKey !== null)
  const matches = (p: KeyPair, file: string | null): KeyPair[] => {
    const out = new Map<string, KeyPair>()
    for (const x of full) {
      if (file !== null && x.file !== file) continue
      if (p.accessKeyId !== null && x.pair.accessKeyId !== p.accessKeyId) continue
      if (p.secretAccessKey !== null && x.pair.secretAccessKey !== p.secretAccessKey) continue
      out.set(`${x.pair.accessKeyId}/${x.pair.secretAccessKey}`, x.pair)
    }
    return [...out.values()]
  }
  return findings.map((f) => {
    const p = f.pair
    if ((p.accessKeyId === null) === (p.secretAccessKey === null)) return f
    const own = matches(p, f.file)
    const found = own.length > 0 ? own : matches(p, null)
    if (found.length !== 1) return f
    const q = found[0]!
    return {
      ...f,
      pair: {
        accessKeyId: q.accessKeyId,
        secretAccessKey: q.secretAccessKey,
        sessionToken: p.sessionToken
      }
    }
  })
}

const intersects = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x))

/**
 * The findings being settled, by index, with what the scan knows of each file's calls. `update`
 * replaces a finding with its new migration and reason; the passes below only ever do that.
 */
interface Reusable {
  readonly out: Finding[]
  /** The indexes of each file's findings. */
  readonly byFile: ReadonlyMap<string, readonly number[]>
  /** The jobs of this file calling a reusable workflow. */
  calls(file: string): FileSites['calls']
  /** The scanned workflow of the repository a job of this file calls, or null. */
  callee(file: string, job: string | null): string | null
  /** The `secrets:` entries a calling job passes. */
  callerSites(file: string, job: string | null): Site[]
  automatic(i: number): boolean
  generated(file: string): boolean
  update(i: number, migration: Finding['migration'], reason: ReasonCode, via?: string): void
}

function settleReusable(input: readonly Finding[], files: readonly SettleFile[]): Finding[] {
  const ctx = reusable(input, files)
  markCallersDiffer(ctx, passedByCallers(ctx, files))
  // Roles assumed and secrets released unlock other files' findings: repeat until none changes.
  const assumes = new Set<string>()
  const released = new Map<string, Set<string>>()
  let changed = true
  while (changed) {
    changed = assumeRoles(ctx, assumes)
    if (settleOnce(ctx, assumes, released)) changed = true
  }
  return ctx.out
}

function reusable(input: readonly Finding[], files: readonly SettleFile[]): Reusable {
  const out = [...input]
  const byFile = new Map<string, number[]>()
  out.forEach((f, i) => {
    const list = byFile.get(f.file)
    if (list) list.push(i)
    else byFile.set(f.file, [i])
  })
  const facts = new Map(files.map((f) => [f.file, f]))
  const callee = (file: string, job: string | null): string | null => {
    const uses = facts.get(file)?.sites.calls.find((c) => c.job === job)?.uses
    const target = uses === undefined ? null : localCallee(uses)
    return target !== null && facts.has(target) ? target : null
  }
  return {
    out,
    byFile,
    calls: (file) => facts.get(file)?.sites.calls ?? [],
    callee,
    callerSites: (file, job) =>
      (facts.get(file)?.sites.sites ?? []).filter(
        (s) => s.where === 'caller' && s.ctx.job === job && s.path[2] === 'secrets'
      ),
    automatic: (i) => out[i]!.migration === 'automatic',
    generated: (file) => facts.get(file)?.generated ?? true,
    update: (i, migration, reason, via) => {
      const f = out[i]!
      const target = callee(f.file, f.job)
      out[i] = {
        ...f,
        migration,
        code: reason,
        reason: kindReason(
          { kind: f.kind, migration, reason },
          {
            names: f.secrets,
            via: via ?? null,
            ...(target === null ? {} : { callee: `./${target}` })
          }
        )
      }
    }
  }
}

/** What the callers in the repository pass under each declared secret of a called workflow. */
function passedByCallers(
  ctx: Reusable,
  files: readonly SettleFile[]
): Map<string, Map<string, Set<string>>> {
  const passed = new Map<string, Map<string, Set<string>>>()
  for (const f of files) {
    for (const call of f.sites.calls) {
      const target = ctx.callee(f.file, call.job)
      if (target === null) continue
      const names = passed.get(target) ?? new Map<string, Set<string>>()
      for (const site of ctx.callerSites(f.file, call.job)) {
        const set = names.get(site.name ?? '') ?? new Set<string>()
        for (const s of site.refs.secrets) set.add(s.name)
        names.set(site.name ?? '', set)
      }
      passed.set(target, names)
    }
  }
  return passed
}

/** Uses of a declared secret under which callers pass different keys: no single role replaces them. */
function markCallersDiffer(
  ctx: Reusable,
  passed: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>
): void {
  for (const [target, names] of passed) {
    for (const i of ctx.byFile.get(target) ?? []) {
      const f = ctx.out[i]!
      const name = f.pair.accessKeyId ?? f.pair.secretAccessKey
      const keys = [...(names.get(name ?? '') ?? [])].sort()
      if (f.migration === 'automatic' && keys.length > 1) {
        ctx.update(i, 'manual', 'callers-differ', keys.join(', '))
      }
    }
  }
}

const ASSUMING_KINDS: readonly Finding['kind'][] = [
  'configure-aws-credentials',
  'env',
  'action-input'
]

/**
 * Adds the files that will assume a role: an automatic finding the rewrite turns into one, or a
 * call to a workflow that assumes one. Whether any was added.
 */
function assumeRoles(ctx: Reusable, assumes: Set<string>): boolean {
  let added = false
  for (const [file, list] of ctx.byFile) {
    if (assumes.has(file)) continue
    const own = list.some((i) => ctx.automatic(i) && ASSUMING_KINDS.includes(ctx.out[i]!.kind))
    const nested = ctx.calls(file).some((c) => {
      const t = ctx.callee(file, c.job)
      return t !== null && assumes.has(t)
    })
    if (own || nested) {
      assumes.add(file)
      added = true
    }
  }
  return added
}

/** One pass over the manual findings of reusable workflows and their callers. Whether any changed. */
function settleOnce(
  ctx: Reusable,
  assumes: ReadonlySet<string>,
  released: Map<string, Set<string>>
): boolean {
  let changed = false
  for (const [file, list] of ctx.byFile) {
    for (const i of list) {
      const f = ctx.out[i]!
      if (ctx.automatic(i) || ctx.generated(file)) continue
      if (f.kind === 'reusable-workflow-secret') {
        if (settleDeclared(ctx, i, list, file, released)) changed = true
      } else if (f.kind === 'reusable-workflow-caller' && f.path[2] === 'secrets') {
        if (settleCaller(ctx, i, file, assumes, released)) changed = true
      } else if (f.kind === 'reusable-workflow-inherit') {
        if (settleInherit(ctx, i, file, assumes)) changed = true
      }
    }
  }
  return changed
}

/** A declared secret pair is automatic, and released, when every use of it in the file is. */
function settleDeclared(
  ctx: Reusable,
  i: number,
  list: readonly number[],
  file: string,
  released: Map<string, Set<string>>
): boolean {
  const { out } = ctx
  const names = pairSecrets(out[i]!.pair)
  const users = list.filter(
    (j) =>
      j !== i && out[j]!.kind !== 'reusable-workflow-secret' && intersects(out[j]!.secrets, names)
  )
  if (users.length === 0 || !users.every(ctx.automatic)) return false
  ctx.update(i, 'automatic', 'callee-migrated')
  const set = released.get(file) ?? new Set<string>()
  for (const n of names) set.add(n)
  released.set(file, set)
  return true
}

/**
 * A caller is automatic when the called workflow assumes a role and releases every key secret
 * the caller passes, each entry passing exactly secrets of the pair (no alias, env or dynamic
 * secret).
 */
function settleCaller(
  ctx: Reusable,
  i: number,
  file: string,
  assumes: ReadonlySet<string>,
  released: ReadonlyMap<string, ReadonlySet<string>>
): boolean {
  const f = ctx.out[i]!
  const target = ctx.callee(file, f.job)
  if (target === null || !assumes.has(target)) return false
  const names = pairSecrets(f.pair)
  const entries = ctx.callerSites(file, f.job).filter((s) =>
    intersects(
      s.refs.secrets.map((r) => r.name),
      names
    )
  )
  const free = released.get(target) ?? new Set<string>()
  const ok = entries.every(
    (s) =>
      !s.shared &&
      free.has(s.name ?? '') &&
      s.refs.secrets.every((r) => names.includes(r.name)) &&
      s.refs.env.length + s.refs.dynamicSecrets.length + s.refs.allSecrets.length === 0
  )
  if (entries.length === 0 || !ok) return false
  ctx.update(i, 'automatic', 'caller-migrated')
  return true
}

/** `secrets: inherit` is automatic when the called workflow assumes a role and every use of the pair there is automatic. */
function settleInherit(
  ctx: Reusable,
  i: number,
  file: string,
  assumes: ReadonlySet<string>
): boolean {
  const { out } = ctx
  const f = out[i]!
  const target = ctx.callee(file, f.job)
  if (target === null || !assumes.has(target)) return false
  const names = pairSecrets(f.pair)
  const uses = (ctx.byFile.get(target) ?? []).filter(
    (j) => out[j]!.kind !== 'non-aws' && intersects(pairSecrets(out[j]!.pair), names)
  )
  if (uses.length === 0 || !uses.every(ctx.automatic)) return false
  ctx.update(i, 'automatic', 'inherit-migrated')
  return true
}
