/**
 * From the desired role and what exists now to the writes that get there (pure), in the order
 * `applyRolePlan` runs them: merged policies first (the role attaches them), the role itself,
 * then its policies (detach and delete before attach and put, to stay under the quotas), and
 * last the merged policies no longer needed. Then the table of what happens to each resource.
 *
 * The tag record of attached policies (`aws-keys-to-oidc:attached*`) is how a later run knows
 * which attachments are its own, so it never claims less than what is attached: before the
 * attachments change it grows to what was recorded plus what will be attached, and it shrinks to
 * the final record only after every detach succeeded. A run stopped at any write leaves a record
 * that still names every policy it may have to detach.
 */
import type { ManagedPolicyState, RoleState, TagPair } from './facts.js'
import {
  encodeAttached,
  isOwnInlineName,
  MANAGED_BY_VALUE,
  TAG_PREFIX,
  TAGS,
  tagOf
} from './names.js'
import type { PermissionsPlan } from './permissions.js'
import { samePolicy, type PolicyDocument } from './policy-document.js'
import type { AwsWrite } from './writes.js'

export type Change = 'create' | 'update' | 'unchanged'

/** One thing in IAM and what the plan does to it, for the plan's table. */
export interface ResourceChange {
  readonly resource: string
  readonly change: Change | 'delete'
}

/** The role as the plan wants it. */
export interface DesiredRole {
  readonly roleName: string
  readonly path: string
  readonly trust: PolicyDocument
  readonly description: string
  readonly maxSessionDuration: number
  readonly boundaryArn: string | null
  readonly tags: readonly TagPair[]
  readonly permissions: PermissionsPlan
  /** Every managed policy ARN to attach: the copied ones, then the merged ones. */
  readonly attachArns: readonly string[]
}

/** The role and its policies as they are now. */
export interface CurrentRole {
  /** The role of that name (with policies), or null. */
  readonly existing: RoleState | null
  /** The managed policies this action made for the role, by ARN. */
  readonly ownedPolicies: ReadonlyMap<string, ManagedPolicyState>
  /** The managed policies this action recorded as attached (its tags). */
  readonly recorded: ReadonlySet<string>
}

/** Every write from `now` to `want`, in the order they must run. */
export function roleWrites(want: DesiredRole, now: CurrentRole): AwsWrite[] {
  const existing = now.existing
  if (!existing) {
    // The new role's tags already record every policy about to be attached.
    return [
      ...mergedPolicyWrites(want, now),
      createRoleWrite(want),
      ...attachmentWrites(want, now),
      ...obsoletePolicyWrites(want, now)
    ]
  }
  // Recorded and to be attached: what the record holds while the attachments change.
  const interim = encodeAttached([...new Set([...now.recorded, ...want.attachArns])]).tags
  const others = want.tags.filter((t) => !isAttachedKey(t.key))
  const during = [...others, ...interim]
  return [
    ...mergedPolicyWrites(want, now),
    ...roleUpdateWrites(want, existing),
    ...tagWrites(want.roleName, existing.tags, during, false),
    ...attachmentWrites(want, now),
    ...tagWrites(want.roleName, applyTags(existing.tags, during), want.tags, true),
    ...obsoletePolicyWrites(want, now)
  ]
}

function isAttachedKey(key: string): boolean {
  return key === TAGS.attached || key.startsWith(`${TAGS.attached}-`)
}

/**
 * From the tags `from` to `to`: the changed ones, then the action's keys `to` lacks. Before the
 * attachments change (`final` false) only the attached-record keys `to` no longer uses go: its
 * record is a superset of theirs, and TagRole runs first, so nothing recorded is lost.
 */
function tagWrites(
  roleName: string,
  from: readonly TagPair[],
  to: readonly TagPair[],
  final: boolean
): AwsWrite[] {
  const writes: AwsWrite[] = []
  const changed = to.filter((t) => tagOf(from, t.key) !== t.value)
  if (changed.length > 0) writes.push({ op: 'TagRole', roleName, tags: changed })
  const stale = from
    .filter((t) => t.key.startsWith(TAG_PREFIX) && !to.some((d) => d.key === t.key))
    .filter((t) => final || isAttachedKey(t.key))
    .map((t) => t.key)
  if (stale.length > 0) writes.push({ op: 'UntagRole', roleName, keys: stale })
  return writes
}

/** The tags after TagRole `to` (changed values) and UntagRole of the attached keys `to` lacks. */
function applyTags(from: readonly TagPair[], to: readonly TagPair[]): TagPair[] {
  const kept = from.filter((t) => !isAttachedKey(t.key) && !to.some((d) => d.key === t.key))
  return [...kept, ...to]
}

/** Merged managed policies: created, or given a new default version when they differ. */
function mergedPolicyWrites(want: DesiredRole, now: CurrentRole): AwsWrite[] {
  const writes: AwsWrite[] = []
  for (const m of want.permissions.merged) {
    const state = now.ownedPolicies.get(m.arn)
    if (!state) {
      writes.push({
        op: 'CreatePolicy',
        arn: m.arn,
        name: m.name,
        path: want.path,
        document: m.document,
        tags: [
          { key: TAGS.managedBy, value: MANAGED_BY_VALUE },
          { key: TAGS.role, value: want.roleName }
        ]
      })
    } else if (!samePolicy(state.document, m.document)) {
      writes.push({ op: 'CreatePolicyVersion', arn: m.arn, document: m.document })
    }
  }
  return writes
}

function createRoleWrite(want: DesiredRole): AwsWrite {
  return {
    op: 'CreateRole',
    roleName: want.roleName,
    path: want.path,
    trust: want.trust,
    description: want.description,
    maxSessionDuration: want.maxSessionDuration,
    boundaryArn: want.boundaryArn,
    tags: want.tags
  }
}

/** An existing role: trust policy, description and session, boundary (tags: `tagWrites`). */
function roleUpdateWrites(want: DesiredRole, existing: RoleState): AwsWrite[] {
  const { roleName, boundaryArn } = want
  const writes: AwsWrite[] = []
  if (!samePolicy(existing.trust, want.trust)) {
    writes.push({ op: 'UpdateAssumeRolePolicy', roleName, trust: want.trust })
  }
  if (
    existing.description !== want.description ||
    existing.maxSessionDuration !== want.maxSessionDuration
  ) {
    writes.push({
      op: 'UpdateRole',
      roleName,
      description: want.description,
      maxSessionDuration: want.maxSessionDuration
    })
  }
  if (boundaryArn && existing.boundaryArn !== boundaryArn) {
    writes.push({ op: 'PutRolePermissionsBoundary', roleName, boundaryArn })
  } else if (!boundaryArn && existing.boundaryArn) {
    writes.push({ op: 'DeleteRolePermissionsBoundary', roleName })
  }
  return writes
}

/** Policies on the role: detach and delete first (room under the quotas), then attach and put. */
function attachmentWrites(want: DesiredRole, now: CurrentRole): AwsWrite[] {
  const { roleName } = want
  const writes: AwsWrite[] = []
  const attachedNow = new Set(now.existing?.attached ?? [])
  const wanted = new Set(want.attachArns)
  for (const arn of [...now.recorded].sort()) {
    if (attachedNow.has(arn) && !wanted.has(arn))
      writes.push({ op: 'DetachRolePolicy', roleName, arn })
  }
  const inlineNow = inlineByName(now.existing)
  const inlineWanted = new Map(want.permissions.inline.map((p) => [p.name, p.document]))
  for (const name of [...inlineNow.keys()].sort()) {
    if (isOwnInlineName(name) && !inlineWanted.has(name)) {
      writes.push({ op: 'DeleteRolePolicy', roleName, name })
    }
  }
  for (const arn of want.attachArns) {
    if (!attachedNow.has(arn)) writes.push({ op: 'AttachRolePolicy', roleName, arn })
  }
  for (const [name, document] of inlineWanted) {
    const current = inlineNow.get(name)
    if (!current || !samePolicy(current, document)) {
      writes.push({ op: 'PutRolePolicy', roleName, name, document })
    }
  }
  return writes
}

/** Merged policies this action made before and no longer needs. */
function obsoletePolicyWrites(want: DesiredRole, now: CurrentRole): AwsWrite[] {
  const wanted = new Set(want.attachArns)
  const writes: AwsWrite[] = []
  for (const [arn, state] of now.ownedPolicies) {
    if (!wanted.has(arn) && tagOf(state.tags, TAGS.managedBy) === MANAGED_BY_VALUE) {
      writes.push({ op: 'DeletePolicy', arn })
    }
  }
  return writes
}

function inlineByName(existing: RoleState | null): Map<string, PolicyDocument> {
  return new Map((existing?.inline ?? []).map((p) => [p.name, p.document]))
}

/** The role, its trust policy and each policy with what happens to it (unchanged ones too). */
export function resourceChanges(
  want: DesiredRole,
  existing: RoleState | null,
  writes: readonly AwsWrite[]
): ResourceChange[] {
  const { roleName, permissions } = want
  const has = (op: AwsWrite['op'], match: (w: AwsWrite) => boolean = () => true): boolean =>
    writes.some((w) => w.op === op && match(w))
  const forArn = (arn: string) => (w: AwsWrite) => 'arn' in w && w.arn === arn
  const forName = (name: string) => (w: AwsWrite) => 'name' in w && w.name === name
  const inlineNow = inlineByName(existing)
  return [
    {
      resource: `role ${roleName}`,
      change: !existing ? 'create' : writes.length > 0 ? 'update' : 'unchanged'
    },
    {
      resource: `trust policy of ${roleName}`,
      change: !existing ? 'create' : has('UpdateAssumeRolePolicy') ? 'update' : 'unchanged'
    },
    ...permissions.merged.map((m) => ({
      resource: `managed policy ${m.name} (merged)`,
      change: has('CreatePolicy', forArn(m.arn))
        ? ('create' as const)
        : has('CreatePolicyVersion', forArn(m.arn))
          ? ('update' as const)
          : ('unchanged' as const)
    })),
    ...want.attachArns.map((arn) => ({
      resource: `${arn} attached`,
      change: has('AttachRolePolicy', forArn(arn)) ? ('create' as const) : ('unchanged' as const)
    })),
    ...permissions.inline.map((p) => ({
      resource: `inline policy ${p.name}`,
      change: !inlineNow.has(p.name)
        ? ('create' as const)
        : has('PutRolePolicy', forName(p.name))
          ? ('update' as const)
          : ('unchanged' as const)
    })),
    ...writes.flatMap(deletion)
  ]
}

/** A write that removes something, as a row of the table. */
function deletion(w: AwsWrite): ResourceChange[] {
  switch (w.op) {
    case 'DetachRolePolicy':
      return [{ resource: `${w.arn} attached`, change: 'delete' }]
    case 'DeleteRolePolicy':
      return [{ resource: `inline policy ${w.name}`, change: 'delete' }]
    case 'DeletePolicy':
      return [{ resource: `managed policy ${w.arn} (merged)`, change: 'delete' }]
    default:
      return []
  }
}
