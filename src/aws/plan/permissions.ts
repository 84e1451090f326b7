/**
 * The permissions a role gets from an IAM user (pure): the managed policies of the user and its
 * groups (deduplicated) attached, their inline policies put on the role, `${aws:username}` made
 * literal, and, when the role's quotas are exceeded (`AttachedPoliciesPerRoleQuota`,
 * `RolePolicySizeQuota`), customer-managed and inline documents merged statement by statement
 * into as few customer-managed policies (`PolicySizeQuota` each) as needed. AWS-managed policies
 * stay attached. Merging keeps the meaning: a principal's identity policies are one union.
 */
import { isAwsManaged, type AccountQuotas, type UserInventory } from './facts.js'
import { groupInlineName, mergedPolicyName, rewrittenPolicyName, userInlineName } from './names.js'
import {
  PermissionsError,
  sourced,
  type PolicyChange,
  type SourcedDocument
} from './policy-copies.js'
import { pack, type Pack } from './policy-packing.js'
import {
  policySize,
  roleConditionWarnings,
  usesUsernameVariable,
  type PolicyDocument
} from './policy-document.js'

export { PermissionsError, type PolicyChange } from './policy-copies.js'

export interface AttachedPolicyPlan {
  readonly arn: string
  readonly awsManaged: boolean
  /** `user NAME`, `group NAME`. */
  readonly sources: readonly string[]
}

export interface InlinePolicyPlan {
  readonly name: string
  readonly document: PolicyDocument
  /** `user NAME inline policy POLICY`, `group NAME inline policy POLICY`, `managed policy ARN (...)`. */
  readonly source: string
  readonly changes: readonly PolicyChange[]
}

export interface MergedPolicyPlan {
  readonly name: string
  readonly arn: string
  readonly document: PolicyDocument
  readonly sources: readonly string[]
  /** Every source's statements merged in, and what else changed on the way. */
  readonly changes: readonly PolicyChange[]
}

export interface PermissionsPlan {
  readonly attach: readonly AttachedPolicyPlan[]
  readonly inline: readonly InlinePolicyPlan[]
  readonly merged: readonly MergedPolicyPlan[]
  /** How each source policy is copied, one line each, for the plan. */
  readonly copies: readonly string[]
  /** Conditions and variables that cannot mean the same for the role. */
  readonly warnings: readonly string[]
}

/** A document the role receives that differs from its source, with what changed. */
export interface ChangedDocument {
  readonly kind: 'inline' | 'merged'
  readonly name: string
  readonly changes: readonly PolicyChange[]
}

/** The role's documents that are not copied as is, in plan order (inline, then merged). */
export function changedDocuments(permissions: PermissionsPlan): ChangedDocument[] {
  return [
    ...permissions.inline
      .filter((p) => p.changes.length > 0)
      .map((p) => ({ kind: 'inline' as const, name: p.name, changes: p.changes })),
    ...permissions.merged
      .filter((m) => m.changes.length > 0)
      .map((m) => ({ kind: 'merged' as const, name: m.name, changes: m.changes }))
  ]
}

export interface PermissionsInput {
  readonly inventory: UserInventory
  readonly quotas: AccountQuotas
  readonly roleName: string
  readonly rolePath: string
  readonly accountId: string
  readonly partition: string
  /** Managed policies on the role this action did not attach (they count against the quota). */
  readonly foreignAttached: number
  /** Size of the role's inline policies this action did not put. */
  readonly foreignInlineSize: number
}

/** Plans the role's permissions; throws `PermissionsError` when they cannot fit the quotas. */
export function planPermissions(input: PermissionsInput): PermissionsPlan {
  const inv = input.inventory
  const user = { name: inv.name, arn: inv.arn, id: inv.id || null }
  const warnings: string[] = []
  const warn = (source: string, document: PolicyDocument): void => {
    for (const w of roleConditionWarnings(document, user)) warnings.push(`${source}, ${w.message}`)
  }
  const managed = sortManaged(inv, warn, warnings)
  const documents = [...managed.rewritten, ...inlineDocuments(inv, warn)]
  const fit = fitQuotas(input, managed.aws, managed.customer, documents)
  const merged = mergedPolicies(input, fit.packs)
  const attach = [...managed.aws, ...fit.customer]
  return {
    attach,
    inline: fit.inline.map((d) => ({
      name: d.inlineName,
      document: d.document,
      source: d.source,
      changes: d.changes
    })),
    merged,
    copies: copyLines(attach, fit.inline, merged),
    warnings
  }
}

/** The managed policies of the user and its groups, deduplicated, with where each comes from. */
/** The role's merged managed policies (`ROLE-merged-N`, under the role's path), one per pack. */
export function mergedPolicies(
  input: Pick<PermissionsInput, 'roleName' | 'rolePath' | 'accountId' | 'partition'>,
  packs: readonly Pack[]
): MergedPolicyPlan[] {
  return packs.map((p, i) => {
    const name = mergedPolicyName(input.roleName, i + 1)
    return {
      name,
      arn: `arn:${input.partition}:iam::${input.accountId}:policy${input.rolePath}${name}`,
      document: p.document,
      sources: p.sources,
      changes: p.changes
    }
  })
}

function managedSources(inv: UserInventory): Map<string, string[]> {
  const sourcesByArn = new Map<string, string[]>()
  const addSource = (arn: string, source: string): void => {
    const list = sourcesByArn.get(arn) ?? []
    if (!list.includes(source)) list.push(source)
    sourcesByArn.set(arn, list)
  }
  for (const arn of inv.attached) addSource(arn, `user ${inv.name}`)
  for (const g of inv.groups) for (const arn of g.attached) addSource(arn, `group ${g.name}`)
  return sourcesByArn
}

/**
 * The managed policies, in ARN order: AWS-managed and customer-managed ones to attach, and the
 * customer-managed ones that use `${aws:username}` rewritten into documents to copy.
 */
function sortManaged(
  inv: UserInventory,
  warn: (source: string, document: PolicyDocument) => void,
  warnings: string[]
): { aws: AttachedPolicyPlan[]; customer: AttachedPolicyPlan[]; rewritten: SourcedDocument[] } {
  const aws: AttachedPolicyPlan[] = []
  const customer: AttachedPolicyPlan[] = []
  const rewritten: SourcedDocument[] = []
  for (const [arn, sources] of [...managedSources(inv).entries()].sort(([a], [b]) => cmp(a, b))) {
    const policy = inv.policies.get(arn)
    const awsManaged = policy?.awsManaged ?? isAwsManaged(arn)
    if (policy) warn(`managed policy ${arn}`, policy.document)
    if (policy && !awsManaged && usesUsernameVariable(policy.document)) {
      // The role cannot resolve ${aws:username}: copy the document with the literal name.
      const source = `managed policy ${arn}`
      rewritten.push(sourced(source, policy.document, rewrittenPolicyName(policy.name), inv.name))
      continue
    }
    if (policy && awsManaged && usesUsernameVariable(policy.document)) {
      warnings.push(
        `managed policy ${arn} uses \${aws:username}, which does not resolve for a role: the statements that name the user grant the role nothing`
      )
    }
    const plan = { arn, awsManaged, sources }
    if (awsManaged) aws.push(plan)
    else customer.push(plan)
  }
  return { aws, customer, rewritten }
}

/** The inline policies of the user, then of its groups, with `${aws:username}` made literal. */
function inlineDocuments(
  inv: UserInventory,
  warn: (source: string, document: PolicyDocument) => void
): SourcedDocument[] {
  const documents: SourcedDocument[] = []
  for (const p of inv.inline) {
    const source = `user ${inv.name} inline policy ${p.name}`
    warn(source, p.document)
    documents.push(sourced(source, p.document, userInlineName(p.name), inv.name))
  }
  for (const g of inv.groups) {
    for (const p of g.inline) {
      const source = `group ${g.name} inline policy ${p.name}`
      warn(source, p.document)
      documents.push(sourced(source, p.document, groupInlineName(g.name, p.name), inv.name))
    }
  }
  return documents
}

/**
 * Quotas: inline documents over the role's inline budget move into merged policies, largest
 * first; when attachments then exceed the quota, customer-managed documents merge too.
 */
function fitQuotas(
  input: PermissionsInput,
  aws: readonly AttachedPolicyPlan[],
  customer: readonly AttachedPolicyPlan[],
  documents: readonly SourcedDocument[]
): {
  customer: readonly AttachedPolicyPlan[]
  inline: readonly SourcedDocument[]
  packs: Pack[]
} {
  const { quotas, inventory: inv } = input
  const attachQuota = quotas.attachedPoliciesPerRole - input.foreignAttached
  const { inline, pool } = spillInline(documents, quotas.rolePolicySize - input.foreignInlineSize)
  let packs = pack(pool, quotas.policySize)
  let attached = customer
  if (aws.length + customer.length + packs.length > attachQuota) {
    for (const c of customer) {
      const policy = inv.policies.get(c.arn)
      if (!policy) {
        throw new PermissionsError(`managed policy ${c.arn} was not read; cannot merge it`)
      }
      const source = `managed policy ${c.arn}`
      pool.push({ source, document: policy.document, inlineName: '', changes: [] })
    }
    attached = []
    packs = pack(pool, quotas.policySize)
  }
  if (aws.length + packs.length > attachQuota) {
    throw new PermissionsError(
      `the role needs ${aws.length} AWS-managed policies and ${packs.length} merged policies, more than the ${attachQuota} managed policies a role may have here (AttachedPoliciesPerRoleQuota ${quotas.attachedPoliciesPerRole}${input.foreignAttached ? `, ${input.foreignAttached} attached by others` : ''}); ask AWS to raise the quota (up to 20)`
    )
  }
  return { customer: attached, inline, packs }
}

/** Moves the largest inline documents into the merge pool until the rest fit `quota`. */
function spillInline(
  documents: readonly SourcedDocument[],
  quota: number
): { inline: SourcedDocument[]; pool: SourcedDocument[] } {
  let inline = [...documents]
  const pool: SourcedDocument[] = []
  const inlineTotal = (): number => inline.reduce((n, d) => n + policySize(d.document), 0)
  while (inline.length > 0 && inlineTotal() > quota) {
    const largest = [...inline].sort(
      (a, b) => policySize(b.document) - policySize(a.document) || cmp(a.inlineName, b.inlineName)
    )[0]
    if (!largest) break
    pool.push(largest)
    inline = inline.filter((d) => d !== largest)
  }
  return { inline, pool }
}

/** How each source policy is copied, one line each. */
function copyLines(
  attach: readonly AttachedPolicyPlan[],
  inline: readonly SourcedDocument[],
  merged: readonly MergedPolicyPlan[]
): string[] {
  const copies: string[] = []
  for (const a of attach) copies.push(`${a.sources.join(', ')}: ${a.arn} attached`)
  for (const d of inline) {
    const literal = d.changes.some((c) => c.kind === 'username-made-literal')
    const marker = literal ? ' (${aws:username} made literal)' : ''
    copies.push(`${d.source}: put as inline policy ${d.inlineName}${marker}`)
  }
  for (const m of merged) {
    for (const s of m.sources) copies.push(`${s}: merged into ${m.name}`)
  }
  return copies
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
