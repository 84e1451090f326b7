/**
 * The IAM side of `mode: cleanup`: the roles this action manages for a repository (with their
 * last use), the key each replaced and its last use, what else the key's user holds, and the
 * writes that retire them: tag the deactivation time on the role, deactivate the key, delete
 * it, delete the user (its policies, groups and credentials first). Every write is safe to
 * repeat: a key or user already gone counts as done.
 */
import {
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  RemoveUserFromGroupCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAccessKeyCommand,
  paginateListAccessKeys,
  paginateListAttachedUserPolicies,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListRoles,
  paginateListSigningCertificates,
  paginateListSSHPublicKeys,
  paginateListUserPolicies,
  ListServiceSpecificCredentialsCommand
} from '@aws-sdk/client-iam'
import { wrapError } from '../errors.js'
import type { TagPair } from './plan/facts.js'
import { MANAGED_BY_VALUE, TAGS, tagOf, tagValue } from './plan/names.js'
import type { KeyLastUse, RetireKey, RetireUser } from '../retire/evidence.js'
import type { AwsApi } from './clients.js'
import { collect, tagPairs } from './inventory.js'
import { isNotFound } from './state.js'

/** A role this action manages, as cleanup reads it. */
export interface ManagedRole {
  readonly name: string
  readonly arn: string
  readonly tags: readonly TagPair[]
  readonly lastUsed: string | null
}

/**
 * The roles under `path` that carry this action's tag, with tags and last use (`ListRoles`,
 * then `GetRole` each: `ListRoles` does not return tags or last use).
 */
export async function readManagedRoles(api: AwsApi, path: string): Promise<ManagedRole[]> {
  try {
    const names = await collect(paginateListRoles({ client: api.iam }, { PathPrefix: path }), (p) =>
      (p.Roles ?? []).map((r) => r.RoleName ?? '')
    )
    const roles = await Promise.all(
      names.map(async (name) => {
        const role = (await api.iam.send(new GetRoleCommand({ RoleName: name }))).Role
        return {
          name,
          arn: role?.Arn ?? '',
          tags: tagPairs(role?.Tags),
          lastUsed: role?.RoleLastUsed?.LastUsedDate?.toISOString() ?? null
        }
      })
    )
    return roles.filter((r) => tagOf(r.tags, TAGS.managedBy) === MANAGED_BY_VALUE)
  } catch (error) {
    throw wrapError(`could not read the roles under ${path} (iam:ListRoles, iam:GetRole)`, error)
  }
}

/** The user's access key ids with their status; null when the user does not exist. */
export async function readUserKeys(
  api: AwsApi,
  userName: string
): Promise<{ readonly id: string; readonly status: 'Active' | 'Inactive' }[] | null> {
  try {
    return await collect(paginateListAccessKeys({ client: api.iam }, { UserName: userName }), (p) =>
      (p.AccessKeyMetadata ?? []).map((k) => ({
        id: k.AccessKeyId ?? '',
        status: k.Status === 'Inactive' ? ('Inactive' as const) : ('Active' as const)
      }))
    )
  } catch (error) {
    if (isNotFound(error)) return null
    throw wrapError(`could not list the access keys of IAM user ${userName}`, error)
  }
}

/** The key with its last use (`GetAccessKeyLastUsed`). */
export async function readKey(
  api: AwsApi,
  key: { readonly id: string; readonly status: 'Active' | 'Inactive' }
): Promise<RetireKey> {
  try {
    const r = await api.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.id }))
    const used = r.AccessKeyLastUsed
    const lastUse: KeyLastUse | null = used?.LastUsedDate
      ? {
          at: used.LastUsedDate.toISOString(),
          service: known(used.ServiceName),
          region: known(used.Region)
        }
      : null
    return { accessKeyId: key.id, status: key.status, lastUse }
  } catch (error) {
    throw wrapError(`could not read the last use of access key …${key.id.slice(-4)}`, error)
  }
}

/** IAM answers `N/A` for a key never used. */
function known(value: string | undefined): string | null {
  return value && value !== 'N/A' ? value : null
}

/** What the user holds besides `pairKeyId`; `otherMigrations` is filled by the caller. */
export async function readUser(
  api: AwsApi,
  userName: string,
  keys: readonly { readonly id: string }[],
  pairKeyId: string | null,
  otherMigrations: readonly string[]
): Promise<RetireUser> {
  const list = <P>(pages: AsyncIterable<P>, items: (p: P) => readonly unknown[]) =>
    collect(pages, items).then((x) => x.length)
  const client = { client: api.iam }
  const user = { UserName: userName }
  try {
    const [loginProfile, mfa, certs, ssh, service, attached, inline, groups] = await Promise.all([
      api.iam.send(new GetLoginProfileCommand(user)).then(
        () => true,
        (error: unknown) => {
          if (isNotFound(error)) return false
          throw error
        }
      ),
      list(paginateListMFADevices(client, user), (p) => p.MFADevices ?? []),
      list(paginateListSigningCertificates(client, user), (p) => p.Certificates ?? []),
      list(paginateListSSHPublicKeys(client, user), (p) => p.SSHPublicKeys ?? []),
      api.iam
        .send(new ListServiceSpecificCredentialsCommand(user))
        .then((r) => (r.ServiceSpecificCredentials ?? []).length),
      collect(paginateListAttachedUserPolicies(client, user), (p) =>
        (p.AttachedPolicies ?? []).map((a) => a.PolicyArn ?? '')
      ),
      collect(paginateListUserPolicies(client, user), (p) => p.PolicyNames ?? []),
      collect(paginateListGroupsForUser(client, user), (p) =>
        (p.Groups ?? []).map((g) => g.GroupName ?? '')
      )
    ])
    return {
      name: userName,
      leftovers: {
        otherKeys: keys
          .map((k) => k.id)
          .filter((id) => id !== pairKeyId)
          .map((id) => `…${id.slice(-4)}`),
        loginProfile,
        mfaDevices: mfa,
        signingCertificates: certs,
        sshPublicKeys: ssh,
        serviceSpecificCredentials: service,
        otherMigrations
      },
      attachedPolicies: attached,
      inlinePolicies: inline,
      groups
    }
  } catch (error) {
    throw wrapError(`could not read what IAM user ${userName} holds`, error)
  }
}

/** Records the deactivation time on the role (before the key is deactivated: rollback reads it). */
export async function tagDeactivated(api: AwsApi, roleName: string, at: string): Promise<void> {
  try {
    await api.iam.send(
      new TagRoleCommand({
        RoleName: roleName,
        Tags: [{ Key: TAGS.deactivatedAt, Value: tagValue(at) }]
      })
    )
  } catch (error) {
    throw wrapError(`could not tag role ${roleName} with the deactivation time`, error)
  }
}

/** Drops the deactivation record (rollback, after re-activating the key). */
export async function untagDeactivated(api: AwsApi, roleName: string): Promise<void> {
  try {
    await api.iam.send(new UntagRoleCommand({ RoleName: roleName, TagKeys: [TAGS.deactivatedAt] }))
  } catch (error) {
    throw wrapError(`could not remove the deactivation time from role ${roleName}`, error)
  }
}

export async function setKeyStatus(
  api: AwsApi,
  userName: string,
  accessKeyId: string,
  status: 'Active' | 'Inactive'
): Promise<void> {
  try {
    await api.iam.send(
      new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status })
    )
  } catch (error) {
    throw wrapError(
      `could not set access key …${accessKeyId.slice(-4)} of ${userName} ${status.toLowerCase()}`,
      error
    )
  }
}

/** Deletes the key; a key already gone is done. */
export async function deleteKey(api: AwsApi, userName: string, accessKeyId: string): Promise<void> {
  try {
    await api.iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }))
  } catch (error) {
    if (isNotFound(error)) return
    throw wrapError(`could not delete access key …${accessKeyId.slice(-4)} of ${userName}`, error)
  }
}

/**
 * Deletes a user the plan found empty: detaches its managed policies, deletes its inline ones,
 * removes it from its groups, then deletes it. A user already gone is done.
 */
export async function deleteUser(api: AwsApi, user: RetireUser): Promise<void> {
  const UserName = user.name
  try {
    for (const PolicyArn of user.attachedPolicies) {
      await ignoreGone(api.iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn })))
    }
    for (const PolicyName of user.inlinePolicies) {
      await ignoreGone(api.iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName })))
    }
    for (const GroupName of user.groups) {
      await ignoreGone(api.iam.send(new RemoveUserFromGroupCommand({ UserName, GroupName })))
    }
    await ignoreGone(api.iam.send(new DeleteUserCommand({ UserName })))
  } catch (error) {
    throw wrapError(`could not delete IAM user ${UserName}`, error)
  }
}

async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}
