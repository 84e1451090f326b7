/**
 * The plan for one role (pure): facts in, the desired role and every write to get there out,
 * each marked create, update or unchanged. A new role replaces an IAM user's keys; a chained role
 * (the keys only assumed role X) gets a GitHub trust statement added to X's own trust policy
 * (chained-role.ts).
 * Only what this action made is updated or removed (found by its tags and inline-name prefixes);
 * the writes and the table of changes are worked out in role-writes.ts.
 */
import type { SubjectPattern, SubjectResult, SubjectFacts } from '../../workflows/subjects.js'
import type {
  AccountQuotas,
  ManagedPolicyState,
  RoleState,
  TagPair,
  UsageFacts,
  UserInventory
} from './facts.js'
import {
  decodeAttached,
  encodeAttached,
  isOwnInlineName,
  keyIdEnd,
  MANAGED_BY_VALUE,
  TAG_PREFIX,
  TAGS,
  TAGS_PER_ROLE_MAX,
  tagOf,
  tagValue
} from './names.js'
import type { PermissionsPlan } from './permissions.js'
import { choosePermissions, type PermissionsMode, type RightSizing } from './right-size.js'
import { policySize } from './policy-document.js'
import {
  resourceChanges,
  roleWrites,
  type Change,
  type DesiredRole,
  type ResourceChange
} from './role-writes.js'
import { buildTrustPolicy, type TrustPolicy } from './trust-policy.js'
import type { AwsWrite } from './writes.js'

/** The role plan's change marks, defined beside the writes that decide them. */
export type { Change, ResourceChange } from './role-writes.js'

export interface RoleSettings {
  readonly rolePath: string
  readonly audience: string
  readonly oidcIssuer: string
  readonly maxSessionDuration: number
  /** The `permissions-boundary` input; null copies the user's own boundary. */
  readonly permissionsBoundary: string | null
  /** The `permissions` input; absent copies (`copy`). */
  readonly permissions?: PermissionsMode
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
  /** `permissions: last-accessed`: what was reduced, or why it was copied; absent for `copy`. */
  readonly rightSizing?: RightSizing
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
  readonly repository: SubjectFacts
  readonly subjects: SubjectResult
  readonly workflowFiles: readonly string[]
  /** The secret names of the pairs the role replaces (the `secrets` tag `mode: cleanup` reads). */
  readonly secretNames?: readonly string[]
  readonly providerArn: string
  /** The role of that name as it is now (with policies), or null. */
  readonly existing: RoleState | null
  /** The managed policies this action made for the role, as they are now, by ARN. */
  readonly ownedPolicies: ReadonlyMap<string, ManagedPolicyState>
  /** Roles whose trust policies name the user. */
  readonly rolesTrustingUser: readonly string[]
  /** ISO time for the `created-at` tag of a new role (an existing role keeps its own). */
  readonly now: string
  /** The user's last accessed data, for `permissions: last-accessed`. */
  readonly usage?: UsageFacts
}

/** Plans the role that replaces a user's keys. Throws `RolePlanError` (and the trust/permissions errors) for this pair. */
export function planNewRole(facts: NewRoleFacts, settings: RoleSettings): RolePlan {
  const { existing, roleName } = facts
  checkOwnership(facts)
  const path = existing?.path ?? settings.rolePath
  const roleArn =
    existing?.arn ?? `arn:${facts.partition}:iam::${facts.accountId}:role${path}${roleName}`
  const recorded = new Set(existing ? decodeAttached(existing.tags, facts.partition) : [])
  const { permissions, rightSizing } = planRolePermissions(facts, settings, path, recorded)
  const trust = buildTrustPolicy({
    providerArn: facts.providerArn,
    issuer: settings.oidcIssuer,
    audience: settings.audience,
    subjects: facts.subjects,
    repositoryId: facts.repository.repoId,
    maxSize: facts.quotas.assumeRolePolicySize
  })
  const warnings = [...permissions.warnings, ...facts.subjects.notes, ...trust.merges]
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
  const want: DesiredRole = {
    roleName,
    path,
    trust: trust.document,
    description: roleDescription(facts),
    maxSessionDuration: settings.maxSessionDuration,
    boundaryArn: settings.permissionsBoundary ?? facts.inventory.boundaryArn,
    tags: desiredTags(facts, existing, attachedRecord.tags, warnings),
    permissions,
    attachArns
  }
  const writes = roleWrites(want, { existing, ownedPolicies: facts.ownedPolicies, recorded })
  return {
    kind: 'new-role',
    roleName,
    roleArn,
    change: !existing ? 'create' : writes.length > 0 ? 'update' : 'unchanged',
    trust,
    subjects: facts.subjects.subjects,
    boundaryArn: want.boundaryArn,
    maxSessionDuration: settings.maxSessionDuration,
    tags: want.tags,
    permissions,
    ...(rightSizing ? { rightSizing } : {}),
    warnings,
    followUps: trustingRoleFollowUps(facts, roleArn),
    changes: resourceChanges(want, existing, writes),
    writes
  }
}

/** An existing role of that name must be this action's, made for the same user. */
function checkOwnership(facts: NewRoleFacts): void {
  const { existing, roleName } = facts
  if (!existing) return
  if (tagOf(existing.tags, TAGS.managedBy) !== MANAGED_BY_VALUE) {
    throw new RolePlanError(
      `role ${roleName} exists and was not created by aws-keys-to-oidc (no ${TAGS.managedBy} tag); choose another role-name or remove that role`
    )
  }
  const previousUser = tagOf(existing.tags, TAGS.sourceUser)
  if (previousUser && previousUser !== facts.inventory.name) {
    throw new RolePlanError(
      `role ${roleName} was made for IAM user ${previousUser}, not ${facts.inventory.name}; use a role-name template with {user}`
    )
  }
  checkServesRepository(existing, facts.repository)
}

/**
 * A role this action made serves one repository: the one its `repository-id` tag names, or, on
 * roles made before that tag, the one its `repository` tag (`OWNER/REPO`, compared as GitHub
 * does, without case) names. Anything else is another repository's role: this run must not
 * update, retag or re-trust it. Roles without the managed-by tag are not checked here.
 */
export function checkServesRepository(role: RoleState, repository: SubjectFacts): void {
  if (tagOf(role.tags, TAGS.managedBy) !== MANAGED_BY_VALUE) return
  const id = tagOf(role.tags, TAGS.repositoryId)
  const name = tagOf(role.tags, TAGS.repository)
  const here = `${repository.owner}/${repository.repo}`
  const same =
    id !== null
      ? id === String(repository.repoId)
      : name !== null && name.toLowerCase() === tagValue(here).toLowerCase()
  if (same) return
  const served =
    id !== null
      ? `repository ${name ?? '?'} (id ${id})`
      : name !== null
        ? `repository ${name}`
        : 'a repository it does not record'
  throw new RolePlanError(
    `role ${role.name} serves ${served}, not ${here} (id ${repository.repoId}); a role never serves two repositories, so nothing is written to it: change the role-name input so that each repository gets its own role (e.g. github-{owner}-{repo}-{user})`
  )
}

/** The user's permissions, within the quotas left by what others put on the role. */
function planRolePermissions(
  facts: NewRoleFacts,
  settings: RoleSettings,
  path: string,
  recorded: ReadonlySet<string>
): ReturnType<typeof choosePermissions> {
  const { existing } = facts
  const candidates = new Set([
    ...facts.inventory.attached,
    ...facts.inventory.groups.flatMap((g) => g.attached)
  ])
  const foreignAttached = (existing?.attached ?? []).filter(
    (a) => !recorded.has(a) && !candidates.has(a)
  )
  const foreignInline = (existing?.inline ?? []).filter((p) => !isOwnInlineName(p.name))
  const input = {
    inventory: facts.inventory,
    quotas: facts.quotas,
    roleName: facts.roleName,
    rolePath: path,
    accountId: facts.accountId,
    partition: facts.partition,
    foreignAttached: foreignAttached.length,
    foreignInlineSize: foreignInline.reduce((n, p) => n + policySize(p.document), 0)
  }
  return choosePermissions(input, settings.permissions ?? 'copy', facts.usage)
}

function roleDescription(facts: NewRoleFacts): string {
  return `aws-keys-to-oidc: GitHub Actions of ${facts.repository.owner}/${facts.repository.repo}, replacing the access keys of IAM user ${facts.inventory.name}`.slice(
    0,
    1000
  )
}

/** Roles that trust the user lose their use with the keys: a person decides what to do. */
function trustingRoleFollowUps(facts: NewRoleFacts, roleArn: string): string[] {
  return facts.rolesTrustingUser.map(
    (r) =>
      `role ${r} trusts IAM user ${facts.inventory.name}; when the keys are retired that trust serves nothing: give ${facts.roleName} sts:AssumeRole on it (or trust ${roleArn} in it) if the workflows still need it`
  )
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
    // Not the whole key id: the user and its last four characters find the key to retire.
    { key: TAGS.sourceKeyEnd, value: tagValue(keyIdEnd(facts.accessKeyId)) },
    {
      key: TAGS.repository,
      value: tagValue(`${facts.repository.owner}/${facts.repository.repo}`)
    },
    { key: TAGS.repositoryId, value: String(facts.repository.repoId) },
    { key: TAGS.workflows, value: tagValue([...new Set(facts.workflowFiles)].sort().join(' ')) },
    ...(facts.secretNames?.length
      ? [{ key: TAGS.secrets, value: tagValue([...new Set(facts.secretNames)].sort().join(' ')) }]
      : []),
    // Set by mode: cleanup; a re-run of migrate keeps it (rollback re-activates by it).
    ...(existing ? existing.tags.filter((t) => t.key === TAGS.deactivatedAt) : []),
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
