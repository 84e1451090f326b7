/**
 * The plan for one role (pure): facts in, the desired role and every write to get there out,
 * each marked create, update or unchanged. A new role replaces an IAM user's keys; a chained role
 * (the keys only assumed role X) gets a GitHub trust statement added to X's own trust policy
 * (chained-role.ts).
 * Only what this action made is updated or removed (found by its tags and inline-name prefixes).
 */
import type { SubjectPattern, SubjectResult, RepositoryFacts } from '../../workflows/subjects.js'
import type { TagPair, UserInventory } from '../inventory.js'
import {
  decodeAttached,
  encodeAttached,
  isOwnInlineName,
  MANAGED_BY_VALUE,
  TAG_PREFIX,
  TAGS,
  TAGS_PER_ROLE_MAX,
  tagOf,
  tagValue
} from './names.js'
import { planPermissions, type PermissionsPlan } from './permissions.js'
import { policySize, samePolicy } from './policy-document.js'
import type { AccountQuotas, ManagedPolicyState, RoleState } from '../state.js'
import { buildTrustPolicy, type TrustPolicy } from './trust-policy.js'
import type { AwsWrite } from './writes.js'

export type Change = 'create' | 'update' | 'unchanged'

/** One thing in IAM and what the plan does to it, for the plan's table. */
export interface ResourceChange {
  readonly resource: string
  readonly change: Change | 'delete'
}

export interface RoleSettings {
  readonly rolePath: string
  readonly audience: string
  readonly oidcIssuer: string
  readonly maxSessionDuration: number
  /** The `permissions-boundary` input; null copies the user's own boundary. */
  readonly permissionsBoundary: string | null
}

export interface RolePlan {
  readonly kind: 'new-role' | 'chained-role'
  readonly roleName: string
  readonly roleArn: string
  /** The role as a whole: created, updated (some write), or left as it is. */
  readonly change: Change
  readonly trust: TrustPolicy
  /** The subjects before merging, with the jobs that present them. */
  readonly subjects: readonly SubjectPattern[]
  readonly boundaryArn: string | null
  readonly maxSessionDuration: number
  readonly tags: readonly TagPair[]
  /** Null for a chained role (its permissions are not touched). */
  readonly permissions: PermissionsPlan | null
  readonly warnings: readonly string[]
  /** What a person must do after the migration (e.g. roles that trust the user). */
  readonly followUps: readonly string[]
  /** The role, its trust policy and each policy with what happens to it (unchanged ones too). */
  readonly changes: readonly ResourceChange[]
  /** Every write, in the order `applyRolePlan` runs them; empty when unchanged. */
  readonly writes: readonly AwsWrite[]
}

export class RolePlanError extends Error {
  override readonly name = 'RolePlanError'
}

export interface NewRoleFacts {
  readonly roleName: string
  readonly accountId: string
  readonly partition: string
  readonly accessKeyId: string
  readonly inventory: UserInventory
  readonly quotas: AccountQuotas
  readonly repository: RepositoryFacts
  readonly subjects: SubjectResult
  readonly workflowFiles: readonly string[]
  readonly providerArn: string
  /** The role of that name as it is now (with policies), or null. */
  readonly existing: RoleState | null
  /** The managed policies this action made for the role, as they are now, by ARN. */
  readonly ownedPolicies: ReadonlyMap<string, ManagedPolicyState>
  /** Roles whose trust policies name the user. */
  readonly rolesTrustingUser: readonly string[]
  /** ISO time for the `created-at` tag of a new role (an existing role keeps its own). */
  readonly now: string
}

/** Plans the role that replaces a user's keys. Throws `RolePlanError` (and the trust/permissions errors) for this pair. */
export function planNewRole(facts: NewRoleFacts, settings: RoleSettings): RolePlan {
  const { existing, roleName } = facts
  if (existing && tagOf(existing.tags, TAGS.managedBy) !== MANAGED_BY_VALUE) {
    throw new RolePlanError(
      `role ${roleName} exists and was not created by aws-keys-to-oidc (no ${TAGS.managedBy} tag); choose another role-name or remove that role`
    )
  }
  const previousUser = existing ? tagOf(existing.tags, TAGS.sourceUser) : null
  if (existing && previousUser && previousUser !== facts.inventory.name) {
    throw new RolePlanError(
      `role ${roleName} was made for IAM user ${previousUser}, not ${facts.inventory.name}; use a role-name template with {user}`
    )
  }
  const path = existing?.path ?? settings.rolePath
  const roleArn =
    existing?.arn ?? `arn:${facts.partition}:iam::${facts.accountId}:role${path}${roleName}`
  const recorded = new Set(existing ? decodeAttached(existing.tags, facts.partition) : [])
  const candidates = new Set([
    ...facts.inventory.attached,
    ...facts.inventory.groups.flatMap((g) => g.attached)
  ])
  const foreignAttached = (existing?.attached ?? []).filter(
    (a) => !recorded.has(a) && !candidates.has(a)
  )
  const foreignInline = (existing?.inline ?? []).filter((p) => !isOwnInlineName(p.name))
  const permissions = planPermissions({
    inventory: facts.inventory,
    quotas: facts.quotas,
    roleName,
    rolePath: path,
    accountId: facts.accountId,
    partition: facts.partition,
    foreignAttached: foreignAttached.length,
    foreignInlineSize: foreignInline.reduce((n, p) => n + policySize(p.document), 0)
  })
  const trust = buildTrustPolicy({
    providerArn: facts.providerArn,
    issuer: settings.oidcIssuer,
    audience: settings.audience,
    subjects: facts.subjects,
    repositoryId: facts.repository.repoId,
    maxSize: facts.quotas.assumeRolePolicySize
  })
  const warnings = [...permissions.warnings, ...facts.subjects.notes, ...trust.merges]
  const boundaryArn = settings.permissionsBoundary ?? facts.inventory.boundaryArn
  const attachArns = [
    ...permissions.attach.map((a) => a.arn),
    ...permissions.merged.map((m) => m.arn)
  ]
  const attachedRecord = encodeAttached(attachArns)
  for (const arn of attachedRecord.unrecorded) {
    warnings.push(
      `${arn} cannot be recorded in a tag (its name has a comma); a later run will not detach it`
    )
  }
  const tags = desiredTags(facts, existing, attachedRecord.tags, warnings)
  const description =
    `aws-keys-to-oidc: GitHub Actions of ${facts.repository.owner}/${facts.repository.repo}, replacing the access keys of IAM user ${facts.inventory.name}`.slice(
      0,
      1000
    )

  const writes: AwsWrite[] = []
  // 1. merged managed policies: created or given a new default version
  for (const m of permissions.merged) {
    const now = facts.ownedPolicies.get(m.arn)
    if (!now) {
      writes.push({
        op: 'CreatePolicy',
        arn: m.arn,
        name: m.name,
        path,
        document: m.document,
        tags: [
          { key: TAGS.managedBy, value: MANAGED_BY_VALUE },
          { key: TAGS.role, value: roleName }
        ]
      })
    } else if (!samePolicy(now.document, m.document)) {
      writes.push({ op: 'CreatePolicyVersion', arn: m.arn, document: m.document })
    }
  }
  // 2. the role itself
  if (!existing) {
    writes.push({
      op: 'CreateRole',
      roleName,
      path,
      trust: trust.document,
      description,
      maxSessionDuration: settings.maxSessionDuration,
      boundaryArn,
      tags
    })
  } else {
    if (!samePolicy(existing.trust, trust.document)) {
      writes.push({ op: 'UpdateAssumeRolePolicy', roleName, trust: trust.document })
    }
    if (
      existing.description !== description ||
      existing.maxSessionDuration !== settings.maxSessionDuration
    ) {
      writes.push({
        op: 'UpdateRole',
        roleName,
        description,
        maxSessionDuration: settings.maxSessionDuration
      })
    }
    if (boundaryArn && existing.boundaryArn !== boundaryArn) {
      writes.push({ op: 'PutRolePermissionsBoundary', roleName, boundaryArn })
    } else if (!boundaryArn && existing.boundaryArn) {
      writes.push({ op: 'DeleteRolePermissionsBoundary', roleName })
    }
    const changed = tags.filter((t) => tagOf(existing.tags, t.key) !== t.value)
    if (changed.length > 0) writes.push({ op: 'TagRole', roleName, tags: changed })
    const stale = existing.tags
      .filter((t) => t.key.startsWith(TAG_PREFIX) && !tags.some((d) => d.key === t.key))
      .map((t) => t.key)
    if (stale.length > 0) writes.push({ op: 'UntagRole', roleName, keys: stale })
  }
  // 3. policies: detach and delete first (room under the quotas), then attach and put
  const attachedNow = new Set(existing?.attached ?? [])
  const wanted = new Set(attachArns)
  for (const arn of [...recorded].sort()) {
    if (attachedNow.has(arn) && !wanted.has(arn))
      writes.push({ op: 'DetachRolePolicy', roleName, arn })
  }
  const inlineNow = new Map((existing?.inline ?? []).map((p) => [p.name, p.document]))
  const inlineWanted = new Map(permissions.inline.map((p) => [p.name, p.document]))
  for (const name of [...inlineNow.keys()].sort()) {
    if (isOwnInlineName(name) && !inlineWanted.has(name)) {
      writes.push({ op: 'DeleteRolePolicy', roleName, name })
    }
  }
  for (const arn of attachArns) {
    if (!attachedNow.has(arn)) writes.push({ op: 'AttachRolePolicy', roleName, arn })
  }
  for (const [name, document] of inlineWanted) {
    const now = inlineNow.get(name)
    if (!now || !samePolicy(now, document)) {
      writes.push({ op: 'PutRolePolicy', roleName, name, document })
    }
  }
  // 4. merged policies this action made before and no longer needs
  for (const [arn, state] of facts.ownedPolicies) {
    if (!wanted.has(arn) && tagOf(state.tags, TAGS.managedBy) === MANAGED_BY_VALUE) {
      writes.push({ op: 'DeletePolicy', arn })
    }
  }

  const has = (op: AwsWrite['op'], match: (w: AwsWrite) => boolean = () => true): boolean =>
    writes.some((w) => w.op === op && match(w))
  const forArn = (arn: string) => (w: AwsWrite) => 'arn' in w && w.arn === arn
  const forName = (name: string) => (w: AwsWrite) => 'name' in w && w.name === name
  const changes: ResourceChange[] = [
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
    ...attachArns.map((arn) => ({
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
    ...writes.flatMap((w): ResourceChange[] =>
      w.op === 'DetachRolePolicy'
        ? [{ resource: `${w.arn} attached`, change: 'delete' }]
        : w.op === 'DeleteRolePolicy'
          ? [{ resource: `inline policy ${w.name}`, change: 'delete' }]
          : w.op === 'DeletePolicy'
            ? [{ resource: `managed policy ${w.arn} (merged)`, change: 'delete' }]
            : []
    )
  ]

  const followUps = facts.rolesTrustingUser.map(
    (r) =>
      `role ${r} trusts IAM user ${facts.inventory.name}; when the keys are retired that trust serves nothing: give ${roleName} sts:AssumeRole on it (or trust ${roleArn} in it) if the workflows still need it`
  )
  return {
    kind: 'new-role',
    roleName,
    roleArn,
    change: !existing ? 'create' : writes.length > 0 ? 'update' : 'unchanged',
    trust,
    subjects: facts.subjects.subjects,
    boundaryArn,
    maxSessionDuration: settings.maxSessionDuration,
    tags,
    permissions,
    warnings,
    followUps,
    changes,
    writes
  }
}

function desiredTags(
  facts: NewRoleFacts,
  existing: RoleState | null,
  attached: readonly TagPair[],
  warnings: string[]
): TagPair[] {
  const own: TagPair[] = [
    { key: TAGS.managedBy, value: MANAGED_BY_VALUE },
    { key: TAGS.sourceUser, value: tagValue(facts.inventory.name) },
    { key: TAGS.sourceKey, value: tagValue(facts.accessKeyId) },
    {
      key: TAGS.repository,
      value: tagValue(`${facts.repository.owner}/${facts.repository.repo}`)
    },
    { key: TAGS.workflows, value: tagValue([...new Set(facts.workflowFiles)].sort().join(' ')) },
    // The creation time is set once; a re-run keeps it so that nothing changes.
    {
      key: TAGS.createdAt,
      value: (existing && tagOf(existing.tags, TAGS.createdAt)) || tagValue(facts.now)
    },
    ...attached
  ]
  const userTags = facts.inventory.tags.filter(
    (t) => !t.key.toLowerCase().startsWith('aws:') && !t.key.startsWith(TAG_PREFIX)
  )
  const room = TAGS_PER_ROLE_MAX - own.length
  if (userTags.length > room) {
    warnings.push(
      `the user has ${userTags.length} tags; only ${room} fit on the role next to this action's ${own.length} (left out: ${userTags
        .slice(room)
        .map((t) => t.key)
        .join(', ')})`
    )
  }
  return [...userTags.slice(0, Math.max(0, room)), ...own]
}

/** The trust document of a plan as JSON, for display. */
export function trustPolicyText(plan: RolePlan): string {
  return JSON.stringify(plan.trust.document, null, 2)
}
