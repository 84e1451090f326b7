/**
 * Reads the IAM state a plan is compared with (reads only): the account's quotas, the OIDC
 * provider, an existing role with its policies, the managed policies this action made, and the
 * roles whose trust policies name a user.
 */
import {
  GetAccountSummaryCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles
} from '@aws-sdk/client-iam'
import { wrapError } from '../errors.js'
import type { AwsApi } from './clients.js'
import {
  DEFAULT_QUOTAS,
  type AccountQuotas,
  type InlinePolicy,
  type ManagedPolicyState,
  type ProviderState,
  type RoleState
} from './plan/facts.js'
import { collect, tagPairs } from './inventory.js'
import { errorName } from './owners.js'
import { trustNamesUser, type TrustedUser } from './plan/chained-role.js'
import { parsePolicyDocument, type PolicyDocument } from './plan/policy-document.js'

export async function readAccountQuotas(api: AwsApi): Promise<AccountQuotas> {
  try {
    const map: Readonly<Record<string, number | undefined>> =
      (await api.iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {}
    const pick = (key: string, fallback: number): number => {
      const value = map[key]
      return typeof value === 'number' && value > 0 ? value : fallback
    }
    return {
      attachedPoliciesPerRole: pick(
        'AttachedPoliciesPerRoleQuota',
        DEFAULT_QUOTAS.attachedPoliciesPerRole
      ),
      rolePolicySize: pick('RolePolicySizeQuota', DEFAULT_QUOTAS.rolePolicySize),
      policySize: pick('PolicySizeQuota', DEFAULT_QUOTAS.policySize),
      assumeRolePolicySize: pick('AssumeRolePolicySizeQuota', DEFAULT_QUOTAS.assumeRolePolicySize),
      versionsPerPolicy: pick('VersionsPerPolicyQuota', DEFAULT_QUOTAS.versionsPerPolicy)
    }
  } catch (error) {
    throw wrapError('could not read the account quotas (iam:GetAccountSummary)', error)
  }
}

/** The OIDC provider with this ARN (one call), or null when it does not exist. */
export async function readProvider(api: AwsApi, arn: string): Promise<ProviderState | null> {
  try {
    const r = await api.iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })
    )
    return { arn, clientIds: r.ClientIDList ?? [], tags: tagPairs(r.Tags) }
  } catch (error) {
    if (isNotFound(error)) return null
    throw wrapError(`could not read the OIDC provider ${arn}`, error)
  }
}

/**
 * The role with this name, or null. With `policies`, also its attached and inline policies
 * (each inline document read once).
 */
export async function readRole(
  api: AwsApi,
  roleName: string,
  options: { readonly policies: boolean }
): Promise<RoleState | null> {
  try {
    const role = (await api.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role
    if (!role) return null
    let attached: string[] = []
    let inline: InlinePolicy[] = []
    if (options.policies) {
      ;[attached, inline] = await Promise.all([
        collect(
          paginateListAttachedRolePolicies({ client: api.iam }, { RoleName: roleName }),
          (p) => (p.AttachedPolicies ?? []).map((a) => a.PolicyArn ?? '')
        ),
        collect(
          paginateListRolePolicies({ client: api.iam }, { RoleName: roleName }),
          (p) => p.PolicyNames ?? []
        ).then((names) =>
          Promise.all(
            names.map(async (name) => {
              const r = await api.iam.send(
                new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })
              )
              return {
                name,
                document: parsePolicyDocument(
                  r.PolicyDocument ?? '',
                  `inline policy ${name} of role ${roleName}`
                )
              }
            })
          )
        )
      ])
    }
    return {
      name: role.RoleName ?? roleName,
      arn: role.Arn ?? '',
      path: role.Path ?? '/',
      trust: parsePolicyDocument(
        role.AssumeRolePolicyDocument ?? '',
        `trust policy of role ${roleName}`
      ),
      description: role.Description ?? null,
      maxSessionDuration: role.MaxSessionDuration ?? 3600,
      boundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
      tags: tagPairs(role.Tags),
      attached,
      inline
    }
  } catch (error) {
    if (isNotFound(error)) return null
    throw wrapError(`could not read role ${roleName}`, error)
  }
}

/** The policy with this ARN and its default document, or null when it does not exist. */
export async function readManagedPolicyState(
  api: AwsApi,
  arn: string
): Promise<ManagedPolicyState | null> {
  try {
    const policy = (await api.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy
    if (!policy?.DefaultVersionId) return null
    const version = await api.iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId })
    )
    return {
      arn,
      defaultVersionId: policy.DefaultVersionId,
      document: parsePolicyDocument(version.PolicyVersion?.Document ?? '', `policy ${arn}`),
      tags: tagPairs(policy.Tags)
    }
  } catch (error) {
    if (isNotFound(error)) return null
    throw wrapError(`could not read policy ${arn}`, error)
  }
}

/**
 * The roles whose trust policies let one of these users assume them (`trustNamesUser`: the
 * user's ARN or unique id, or its account root with a condition naming it), by user ARN. One
 * paginated `iam:ListRoles` for the whole run; a trust policy that does not parse names no one.
 */
export async function readRolesTrustingUsers(
  api: AwsApi,
  users: readonly TrustedUser[]
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(users.map((u) => [u.arn, []]))
  if (users.length === 0) return found
  try {
    for await (const page of paginateListRoles({ client: api.iam }, {})) {
      for (const role of page.Roles ?? []) {
        const trust = readableTrust(role.AssumeRolePolicyDocument ?? '')
        if (trust === null) continue
        for (const user of users) {
          if (trustNamesUser(trust, user))
            found.get(user.arn)?.push(role.Arn ?? role.RoleName ?? '')
        }
      }
    }
  } catch (error) {
    throw wrapError('could not list the roles of the account (iam:ListRoles)', error)
  }
  return found
}

function readableTrust(text: string): PolicyDocument | null {
  try {
    return parsePolicyDocument(text, 'trust policy')
  } catch {
    return null
  }
}

/** `NoSuchEntity` in any of its spellings. */
export function isNotFound(error: unknown): boolean {
  const name = errorName(error)
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity'
}
