/**
 * A test's way back to a state it built once (moto has no snapshot API): `snapshotRoles` reads
 * every role exactly as IAM holds it (trust and inline documents, description, session length,
 * boundary, every tag with its value, attached policies), and `restoreRoles` writes the roles
 * back to it through the administrator's client, then reads again and throws unless the roles
 * are exactly the snapshot's. Only role settings are restored: a role that was created or
 * deleted since, or a change to customer-managed policies or OIDC providers, is an error (the
 * case must then build its state from scratch). The fault tests use it to start every case of
 * one transition from the same state without rebuilding it.
 */
import {
  AttachRolePolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { iamState, type IamState } from './fault-state.js'

export interface RoleSnapshot {
  readonly name: string
  readonly trust: string
  readonly description: string
  readonly maxSessionDuration: number
  readonly boundary: string | null
  readonly tags: Readonly<Record<string, string>>
  readonly attached: readonly string[]
  readonly inline: Readonly<Record<string, string>>
}

export interface AccountSnapshot {
  readonly roles: readonly RoleSnapshot[]
  /** The rest of the account (policies, providers), as the fault suite compares it. */
  readonly others: Pick<IamState, 'policies' | 'providers'>
}

/** IAM answers policy documents URL-encoded; the snapshot holds the JSON text. */
const text = (doc: string | undefined): string => {
  const raw = doc ?? ''
  return raw.trim().startsWith('{') ? raw : decodeURIComponent(raw)
}

async function readRole(iam: IAMClient, RoleName: string): Promise<RoleSnapshot> {
  const role = (await iam.send(new GetRoleCommand({ RoleName }))).Role
  const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName })))
    .AttachedPolicies
  const inline: Record<string, string> = {}
  const names = (await iam.send(new ListRolePoliciesCommand({ RoleName }))).PolicyNames ?? []
  for (const PolicyName of [...names].sort()) {
    const p = await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))
    inline[PolicyName] = text(p.PolicyDocument)
  }
  const tags: Record<string, string> = {}
  for (const t of role?.Tags ?? []) tags[t.Key ?? ''] = t.Value ?? ''
  return {
    name: RoleName,
    trust: text(role?.AssumeRolePolicyDocument),
    description: role?.Description ?? '',
    maxSessionDuration: role?.MaxSessionDuration ?? 3600,
    boundary: role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: Object.fromEntries(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))),
    attached: (attached ?? []).map((a) => a.PolicyArn ?? '').sort(),
    inline
  }
}

/** Every role of the account as IAM holds it, and the rest of the account. */
export async function snapshotRoles(iam: IAMClient): Promise<AccountSnapshot> {
  const listed = (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles ?? []
  const roles: RoleSnapshot[] = []
  for (const name of listed.map((r) => r.RoleName ?? '').sort()) {
    roles.push(await readRole(iam, name))
  }
  const { policies, providers } = await iamState(iam)
  return { roles, others: { policies, providers } }
}

async function restoreRole(iam: IAMClient, want: RoleSnapshot, got: RoleSnapshot): Promise<void> {
  const RoleName = want.name
  if (got.trust !== want.trust) {
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument: want.trust }))
  }
  if (got.description !== want.description || got.maxSessionDuration !== want.maxSessionDuration) {
    await iam.send(
      new UpdateRoleCommand({
        RoleName,
        Description: want.description,
        MaxSessionDuration: want.maxSessionDuration
      })
    )
  }
  if (got.boundary !== want.boundary && want.boundary === null) {
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName }))
  } else if (got.boundary !== want.boundary && want.boundary !== null) {
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary: want.boundary })
    )
  }
  const extraTags = Object.keys(got.tags).filter((k) => !(k in want.tags))
  if (extraTags.length > 0) await iam.send(new UntagRoleCommand({ RoleName, TagKeys: extraTags }))
  const changedTags = Object.entries(want.tags).filter(([k, v]) => got.tags[k] !== v)
  if (changedTags.length > 0) {
    await iam.send(
      new TagRoleCommand({ RoleName, Tags: changedTags.map(([Key, Value]) => ({ Key, Value })) })
    )
  }
  for (const PolicyArn of got.attached.filter((a) => !want.attached.includes(a))) {
    await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }))
  }
  for (const PolicyArn of want.attached.filter((a) => !got.attached.includes(a))) {
    await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn }))
  }
  for (const PolicyName of Object.keys(got.inline).filter((n) => !(n in want.inline))) {
    await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  }
  for (const [PolicyName, PolicyDocument] of Object.entries(want.inline)) {
    if (got.inline[PolicyName] !== PolicyDocument) {
      await iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument }))
    }
  }
}

/** Writes every role back to the snapshot; throws unless the account then reads exactly as it. */
export async function restoreRoles(iam: IAMClient, snapshot: AccountSnapshot): Promise<void> {
  const now = await snapshotRoles(iam)
  const names = (s: AccountSnapshot): string => s.roles.map((r) => r.name).join(', ')
  if (names(now) !== names(snapshot)) {
    throw new Error(`cannot restore: roles [${names(now)}], the snapshot has [${names(snapshot)}]`)
  }
  for (const [i, want] of snapshot.roles.entries()) {
    const got = now.roles[i]
    if (got) await restoreRole(iam, want, got)
  }
  const after = await snapshotRoles(iam)
  if (JSON.stringify(after) !== JSON.stringify(snapshot)) {
    throw new Error(
      `the restored account differs from the snapshot: ${JSON.stringify(after).slice(0, 400)}`
    )
  }
}
