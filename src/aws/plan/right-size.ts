/**
 * Right-sizing (pure): the user's own statements reduced to what its key used, from IAM service
 * last accessed data (`UsageFacts`). The report lists every service the user's permissions
 * policies grant, used or not: that list is the catalogue this module reasons over (the IAM
 * catalogue itself is not bundled).
 *
 * Each Allow statement keeps its Resource/NotResource and Condition; its Action is reduced:
 * - `*` becomes `SERVICE:*` for each used service; a pattern of an unused service is removed;
 * - an explicit action of a service IAM tracks actions of is removed when IAM lists it as never
 *   used; a wildcard inside a used service (`s3:*`, `s3:Get*`) is kept whole: IAM tracks only some
 *   actions of a service (for S3, no object reads or writes), so the untracked ones may be in use;
 * - IAM matches the service prefix literally (no wildcards there) and a pattern without `:` other
 *   than `*` only against actions without one: such patterns (`*:Get*`, `s3*`) grant nothing, and
 *   are kept as written, so that they grant the role exactly what they granted the user.
 * An Allow with NotAction grants every action its list does not name: when each used service is
 * either untouched by that list or excluded as a whole (`iam:*`), it becomes an Action statement
 * over the untouched used services (`SERVICE:*`); when the list excludes only some actions of a
 * used service (`s3:DeleteBucket`), or holds a pattern of the odd shapes above, the statement is
 * kept whole, since an Action list cannot say "all but these" (recorded as `keptWhole`). Deny
 * statements are kept whole, even when no Allow of their policy is left.
 * Every statement of the result grants a subset of the statement it came from, so the role never
 * gets more than the user had.
 */
import type { ServiceUsage, UsageFacts, UserInventory } from './facts.js'
import { PermissionsError, sourced, type SourcedDocument } from './policy-copies.js'
import { pack } from './policy-packing.js'
import {
  roleConditionWarnings,
  statementLabel,
  type PolicyDocument,
  type PolicyStatement,
  type StringOrList
} from './policy-document.js'
import {
  mergedPolicies,
  planPermissions,
  type PermissionsInput,
  type PermissionsPlan
} from './permissions.js'

/** The `permissions` input: copy the user's policies, or reduce them to what was used. */
export type PermissionsMode = 'copy' | 'last-accessed'
export const PERMISSIONS_MODES: readonly PermissionsMode[] = ['copy', 'last-accessed']

/** What right-sizing did to one source policy. */
export interface ReducedSource {
  readonly source: string
  /** Service prefixes the policy granted and the role no longer gets from it. */
  readonly removedServices: readonly string[]
  /** Actions (`s3:CreateBucket`) removed because IAM lists them as never used. */
  readonly removedActions: readonly string[]
  /** NotAction statements kept as they are (see the module comment). */
  readonly keptWhole: readonly string[]
  /** True when nothing of the policy is left. */
  readonly dropped: boolean
}

/** What the role's permissions are made from: the user's copied, or reduced to what was used. */
export type RightSizing =
  | { readonly applied: true; readonly sources: readonly ReducedSource[] }
  | {
      readonly applied: false
      /** Why the plan copied instead: no last accessed data (see `UsageFacts`). */
      readonly cause: 'timeout' | 'failed' | 'error' | 'not-read'
      readonly detail: string
    }

/** A user's policy documents with the names the plan gives their sources. */
export function sourceDocuments(
  inv: UserInventory
): { readonly source: string; readonly document: PolicyDocument }[] {
  const arns = [...new Set([...inv.attached, ...inv.groups.flatMap((g) => g.attached)])].sort()
  return [
    ...arns.flatMap((arn) => {
      const policy = inv.policies.get(arn)
      return policy ? [{ source: `managed policy ${arn}`, document: policy.document }] : []
    }),
    ...inv.inline.map((p) => ({
      source: `user ${inv.name} inline policy ${p.name}`,
      document: p.document
    })),
    ...inv.groups.flatMap((g) =>
      g.inline.map((p) => ({
        source: `group ${g.name} inline policy ${p.name}`,
        document: p.document
      }))
    )
  ]
}

/** The services used, and the tracked actions never used, from the report. */
export interface UsedServices {
  /** Used service prefixes, lower case, sorted. */
  readonly used: readonly string[]
  /** Per used service IAM tracks actions of: the tracked actions never used (lower case). */
  readonly unusedActions: ReadonlyMap<string, ReadonlySet<string>>
}

export function usedServices(services: readonly ServiceUsage[]): UsedServices {
  const used = services
    .filter((s) => s.lastAuthenticated !== null)
    .map((s) => s.namespace.toLowerCase())
  const unusedActions = new Map<string, ReadonlySet<string>>()
  for (const s of services) {
    if (s.lastAuthenticated === null || !s.actions) continue
    const never = s.actions.filter((a) => a.lastAccessed === null).map((a) => a.name.toLowerCase())
    unusedActions.set(s.namespace.toLowerCase(), new Set(never))
  }
  return { used: [...new Set(used)].sort(), unusedActions }
}

/** `SERVICE:ACTION` split at its one colon; null for `*` alone or another shape. */
function splitPattern(pattern: string): { service: string; action: string } | null {
  const parts = pattern.split(':')
  if (parts.length !== 2) return null
  return { service: parts[0] ?? '', action: parts[1] ?? '' }
}

/** Does the pattern name any action of service `ns`, as IAM matches (literal service prefix)? */
export function patternTouches(pattern: string, ns: string): boolean {
  if (pattern === '*') return true
  const split = splitPattern(pattern)
  return split !== null && split.service.toLowerCase() === ns
}

/** Does the pattern name every action of service `ns`? */
function patternCovers(pattern: string, ns: string): boolean {
  if (pattern === '*') return true
  const split = splitPattern(pattern)
  return split !== null && /^\*+$/.test(split.action) && split.service.toLowerCase() === ns
}

/** A pattern of an odd shape (see the module comment): kept as written. */
function oddPattern(pattern: string): boolean {
  if (pattern === '*') return false
  const split = splitPattern(pattern)
  return split === null || /[*?]/.test(split.service)
}

/** Which used services an Allow statement grants something of. */
export function statementServices(
  statement: PolicyStatement,
  services: readonly string[]
): string[] {
  if (statement.Effect !== 'Allow') return []
  if (statement.Action !== undefined) {
    const patterns = list(statement.Action)
    return services.filter((ns) => patterns.some((p) => patternTouches(p, ns)))
  }
  if (statement.NotAction !== undefined) {
    const patterns = list(statement.NotAction)
    return services.filter((ns) => !patterns.some((p) => patternCovers(p, ns)))
  }
  return []
}

/** One Action pattern reduced to the used services (and used tracked actions). */
function reducePattern(pattern: string, usage: UsedServices): string[] {
  if (pattern === '*') return usage.used.map((ns) => `${ns}:*`)
  const split = splitPattern(pattern)
  if (!split || oddPattern(pattern)) return [pattern]
  const ns = split.service.toLowerCase()
  const neverUsed =
    !/[*?]/.test(split.action) &&
    (usage.unusedActions.get(ns)?.has(split.action.toLowerCase()) ?? false)
  return usage.used.includes(ns) && !neverUsed ? [pattern] : []
}

interface StatementResult {
  readonly statement: PolicyStatement | null
  readonly removedServices: readonly string[]
  readonly removedActions: readonly string[]
  readonly keptWhole: boolean
}

/** One statement reduced; null when it grants nothing used. */
export function reduceStatement(
  statement: PolicyStatement,
  usage: UsedServices,
  granted: readonly string[]
): StatementResult {
  const whole = { statement, removedServices: [], removedActions: [], keptWhole: false }
  if (statement.Effect !== 'Allow') return whole
  const before = statementServices(statement, granted)
  if (statement.Action === undefined && statement.NotAction !== undefined) {
    const excluded = list(statement.NotAction)
    const partial =
      excluded.some(oddPattern) ||
      usage.used.some(
        (ns) =>
          excluded.some((p) => patternTouches(p, ns)) && !excluded.some((p) => patternCovers(p, ns))
      )
    if (partial) return { ...whole, keptWhole: true }
    const actions = usage.used
      .filter((ns) => !excluded.some((p) => patternTouches(p, ns)))
      .map((ns) => `${ns}:*`)
    const { NotAction: _dropped, ...rest } = statement
    return result({ ...rest, Action: shape(actions) }, actions, before, granted, [])
  }
  if (statement.Action === undefined) return whole
  const original = list(statement.Action)
  const actions = [...new Set(original.flatMap((p) => reducePattern(p, usage)))]
  const removedActions = original.filter((p) => {
    const split = splitPattern(p)
    return (
      split !== null &&
      !/[*?]/.test(p) &&
      (usage.unusedActions.get(split.service.toLowerCase())?.has(split.action.toLowerCase()) ??
        false)
    )
  })
  return result({ ...statement, Action: shape(actions) }, actions, before, granted, removedActions)
}

function result(
  statement: PolicyStatement,
  actions: readonly string[],
  before: readonly string[],
  granted: readonly string[],
  removedActions: readonly string[]
): StatementResult {
  const after = actions.length > 0 ? statementServices(statement, granted) : []
  return {
    statement: actions.length > 0 ? statement : null,
    removedServices: before.filter((ns) => !after.includes(ns)),
    removedActions,
    keptWhole: false
  }
}

/** A document reduced, with what was removed; `document` null when nothing is left. */
export function reduceDocument(
  source: string,
  document: PolicyDocument,
  usage: UsedServices,
  granted: readonly string[]
): { readonly document: PolicyDocument | null; readonly record: ReducedSource } {
  const statements: PolicyStatement[] = []
  const removedServices = new Set<string>()
  const removedActions = new Set<string>()
  const keptWhole: string[] = []
  document.Statement.forEach((s, index) => {
    const r = reduceStatement(s, usage, granted)
    if (r.statement) statements.push(r.statement)
    for (const ns of r.removedServices) removedServices.add(ns)
    for (const a of r.removedActions) removedActions.add(a)
    if (r.keptWhole) keptWhole.push(statementLabel(s, index))
  })
  // A service still granted by another statement of the same policy was not removed from it.
  const remaining = new Set(statements.flatMap((s) => statementServices(s, granted)))
  // Deny statements stay even when no Allow is left: they restrict the other policies too.
  const kept = statements.length > 0
  const record = {
    source,
    removedServices: [...removedServices].filter((ns) => !remaining.has(ns)).sort(),
    removedActions: [...removedActions].sort(),
    keptWhole,
    dropped: !kept
  }
  return { document: kept ? { ...document, Statement: statements } : null, record }
}

/**
 * The role's permissions from the user's statements reduced to what was used: every reduced
 * document packed into customer-managed policies of this action (`ROLE-merged-N`, whose sources
 * name the policies they replace), within `PolicySizeQuota` and the attachment quota. Throws
 * `PermissionsError` when they cannot fit.
 */
export function planRightSizedPermissions(
  input: PermissionsInput,
  usage: Extract<UsageFacts, { status: 'available' }>
): { readonly permissions: PermissionsPlan; readonly rightSizing: RightSizing } {
  const inv = input.inventory
  const used = usedServices(usage.services)
  const granted = usage.services.map((s) => s.namespace.toLowerCase())
  const documents: SourcedDocument[] = []
  const records: ReducedSource[] = []
  const warnings: string[] = []
  const user = { name: inv.name, arn: inv.arn, id: inv.id || null }
  for (const { source, document } of sourceDocuments(inv)) {
    const reduced = reduceDocument(source, document, used, granted)
    records.push(reduced.record)
    if (!reduced.document) continue
    for (const w of roleConditionWarnings(reduced.document, user)) {
      warnings.push(`${source}, ${w.message}`)
    }
    documents.push(sourced(source, reduced.document, '', inv.name))
  }
  const packs = pack(documents, input.quotas.policySize)
  const attachQuota = input.quotas.attachedPoliciesPerRole - input.foreignAttached
  if (packs.length > attachQuota) {
    throw new PermissionsError(
      `the right-sized permissions need ${packs.length} managed policies, more than the ${attachQuota} a role may have here (AttachedPoliciesPerRoleQuota ${input.quotas.attachedPoliciesPerRole}); ask AWS to raise the quota (up to 20), or use permissions: copy`
    )
  }
  const merged = mergedPolicies(input, packs)
  const copies = merged.flatMap((m) =>
    m.sources.map((s) => `${s}: reduced to what was used, merged into ${m.name}`)
  )
  return {
    permissions: { attach: [], inline: [], merged, copies, warnings },
    rightSizing: { applied: true, sources: records }
  }
}

/**
 * The role's permissions as the `permissions` input asks: copied (`copy`, and `last-accessed`
 * without usable data, with a warning), or reduced to what was used. `rightSizing` is null for
 * `copy`.
 */
export function choosePermissions(
  input: PermissionsInput,
  mode: PermissionsMode,
  usage: UsageFacts | undefined
): { readonly permissions: PermissionsPlan; readonly rightSizing: RightSizing | null } {
  if (mode === 'copy') return { permissions: planPermissions(input), rightSizing: null }
  if (usage?.status === 'available') return planRightSizedPermissions(input, usage)
  const copied = planPermissions(input)
  const rightSizing: RightSizing = usage
    ? { applied: false, cause: usage.cause, detail: usage.detail }
    : { applied: false, cause: 'not-read', detail: 'no last accessed data was read' }
  const warning = `permissions: last-accessed: no usable last accessed data for IAM user ${input.inventory.name} (${rightSizing.detail}); the user's permissions are copied as they are`
  return { permissions: { ...copied, warnings: [...copied.warnings, warning] }, rightSizing }
}

function list(value: StringOrList): readonly string[] {
  return typeof value === 'string' ? [value] : value
}

function shape(actions: readonly string[]): StringOrList {
  return actions.length === 1 ? (actions[0] ?? '') : [...actions]
}
