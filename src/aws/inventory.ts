/**
 * What an IAM user may do: its attached managed policies, inline policies, groups with their
 * attached and inline policies, permissions boundary and tags. Each document is read once: groups
 * and managed policies are cached across the key pairs of one run (pairs often share them), and
 * every list is paginated.
 */
import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  paginateListAttachedGroupPolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListUserPolicies,
  type Tag
} from '@aws-sdk/client-iam'
import { wrapError } from '../errors.js'
import type { AwsApi } from './clients.js'
import {
  isAwsManaged,
  type GroupInventory,
  type ManagedPolicy,
  type TagPair,
  type UserInventory
} from './plan/facts.js'
import { parsePolicyDocument } from './plan/policy-document.js'

/** Documents already read in this run, shared by the pairs (promises: concurrent reads join). */
export interface InventoryCache {
  readonly groups: Map<string, Promise<GroupInventory>>
  readonly policies: Map<string, Promise<ManagedPolicy>>
  /** Items per list page (IAM's default 100 when unset; tests use small pages). */
  readonly pageSize: number | undefined
}

export function createInventoryCache(options: { pageSize?: number } = {}): InventoryCache {
  return { groups: new Map(), policies: new Map(), pageSize: options.pageSize }
}

/** The user's ARN and unique id (`iam:GetUser`), for pairs whose permissions are not copied. */
export async function readUserIdentity(
  api: AwsApi,
  userName: string
): Promise<{ readonly arn: string; readonly id: string }> {
  try {
    const user = (await api.iam.send(new GetUserCommand({ UserName: userName }))).User
    if (!user?.Arn) throw new Error('iam:GetUser returned no user')
    return { arn: user.Arn, id: user.UserId ?? '' }
  } catch (error) {
    throw wrapError(`could not read IAM user ${userName}`, error)
  }
}

/** Reads everything the user may do. Throws (wrapped with what was read) on an IAM error. */
export async function readUserInventory(
  api: AwsApi,
  userName: string,
  cache: InventoryCache = createInventoryCache()
): Promise<UserInventory> {
  const what = `IAM user ${userName}`
  const [user, attached, inline, groupNames] = await Promise.all([
    api.iam.send(new GetUserCommand({ UserName: userName })).then((r) => {
      if (!r.User) throw new Error(`iam:GetUser returned no user`)
      return r.User
    }),
    collect(paginateListAttachedUserPolicies(pager(api, cache), { UserName: userName }), (p) =>
      (p.AttachedPolicies ?? []).map((a) => a.PolicyArn ?? '')
    ),
    collect(
      paginateListUserPolicies(pager(api, cache), { UserName: userName }),
      (p) => p.PolicyNames ?? []
    ).then((names) =>
      Promise.all(
        names.map(async (name) => {
          const r = await api.iam.send(
            new GetUserPolicyCommand({ UserName: userName, PolicyName: name })
          )
          return {
            name,
            document: parsePolicyDocument(
              r.PolicyDocument ?? '',
              `inline policy ${name} of ${what}`
            )
          }
        })
      )
    ),
    collect(paginateListGroupsForUser(pager(api, cache), { UserName: userName }), (p) =>
      (p.Groups ?? []).map((g) => g.GroupName ?? '')
    )
  ]).catch((error: unknown) => {
    throw wrapError(`could not read ${what}`, error)
  })
  const groups = await Promise.all(groupNames.map((g) => readGroup(api, g, cache)))
  const arns = unique([...attached, ...groups.flatMap((g) => g.attached)])
  const policies = await Promise.all(arns.map((arn) => readManagedPolicy(api, arn, cache)))
  return {
    name: user.UserName ?? userName,
    arn: user.Arn ?? '',
    id: user.UserId ?? '',
    path: user.Path ?? '/',
    tags: tagPairs(user.Tags),
    boundaryArn: user.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    attached,
    inline,
    groups,
    policies: new Map(policies.map((p) => [p.arn, p]))
  }
}

/** A group's attached and inline policies (cached by name). */
export function readGroup(
  api: AwsApi,
  groupName: string,
  cache: InventoryCache
): Promise<GroupInventory> {
  const cached = cache.groups.get(groupName)
  if (cached) return cached
  const what = `IAM group ${groupName}`
  const promise = Promise.all([
    collect(paginateListAttachedGroupPolicies(pager(api, cache), { GroupName: groupName }), (p) =>
      (p.AttachedPolicies ?? []).map((a) => a.PolicyArn ?? '')
    ),
    collect(
      paginateListGroupPolicies(pager(api, cache), { GroupName: groupName }),
      (p) => p.PolicyNames ?? []
    ).then((names) =>
      Promise.all(
        names.map(async (name) => {
          const r = await api.iam.send(
            new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: name })
          )
          return {
            name,
            document: parsePolicyDocument(
              r.PolicyDocument ?? '',
              `inline policy ${name} of ${what}`
            )
          }
        })
      )
    )
  ])
    .then(([attached, inline]) => ({
      name: groupName,
      attached,
      inline
    }))
    .catch((error: unknown) => {
      cache.groups.delete(groupName)
      throw wrapError(`could not read ${what}`, error)
    })
  cache.groups.set(groupName, promise)
  return promise
}

/** A managed policy and its default version's document (cached by ARN). */
export function readManagedPolicy(
  api: AwsApi,
  arn: string,
  cache: InventoryCache
): Promise<ManagedPolicy> {
  const cached = cache.policies.get(arn)
  if (cached) return cached
  const promise = (async (): Promise<ManagedPolicy> => {
    const policy = (await api.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy
    const versionId = policy?.DefaultVersionId
    if (!policy || !versionId) throw new Error('iam:GetPolicy returned no default version')
    const version = await api.iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })
    )
    return {
      arn,
      name: policy.PolicyName ?? arn.split('/').pop() ?? arn,
      path: policy.Path ?? '/',
      awsManaged: isAwsManaged(arn),
      defaultVersionId: versionId,
      document: parsePolicyDocument(
        version.PolicyVersion?.Document ?? '',
        `managed policy ${arn} (${versionId})`
      )
    }
  })().catch((error: unknown) => {
    cache.policies.delete(arn)
    throw wrapError(`could not read managed policy ${arn}`, error)
  })
  cache.policies.set(arn, promise)
  return promise
}

export function tagPairs(tags: readonly Tag[] | undefined): TagPair[] {
  return (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }))
}

function pager(api: AwsApi, cache: InventoryCache): { client: AwsApi['iam']; pageSize?: number } {
  return cache.pageSize ? { client: api.iam, pageSize: cache.pageSize } : { client: api.iam }
}

/** Every item of every page. */
export async function collect<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => readonly Item[]
): Promise<Item[]> {
  const out: Item[] = []
  for await (const page of pages) out.push(...items(page))
  return out
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
