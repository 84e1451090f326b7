/**
 * Reads everything the AWS plan needs (reads only): the caller, the quotas, the OIDC provider,
 * and per key pair its owner, the user's inventory, the role as it is now with the merged
 * policies this action made for it, and the roles the keys assume. The plan itself is pure
 * (`planAws`, plan/plan.ts); `planAwsMigration` runs the two, as `mode: plan` and `mode: migrate`
 * do before anything is written.
 */
import { errorMessage, InputError } from '../errors.js'
import { GetAccessKeyInfoCommand } from '@aws-sdk/client-sts'
import { NO_OTHER_ACCOUNTS, type AccountClients } from './accounts.js'
import type { AwsApi } from './clients.js'
import {
  createInventoryCache,
  readUserIdentity,
  readUserInventory,
  type InventoryCache
} from './inventory.js'
import { readServiceUsage } from './last-accessed.js'
import { getCallerIdentity, resolveKeyOwner } from './owners.js'
import {
  arnAccount,
  type AccountQuotas,
  type AwsFacts,
  type CallerIdentity,
  type KeyRef,
  type ManagedPolicyState,
  type PairFacts,
  type RoleState,
  type UsageFacts,
  type UserInventory
} from './plan/facts.js'
import { decodeAttached, mergedPolicyName, roleNameFor } from './plan/names.js'
import { choosePermissions } from './plan/right-size.js'
import {
  mergeAccountPlans,
  planAws,
  type AwsMigrationRequest,
  type AwsPlan,
  type AwsSettings,
  type PairPlan,
  type PairRequest
} from './plan/plan.js'
import { oidcProviderArn } from './plan/trust-policy.js'
import type { TrustedUser } from './plan/chained-role.js'
import { resolveChains, splitUses } from './plan/uses.js'
import {
  readAccountQuotas,
  readManagedPolicyState,
  readProvider,
  readRole,
  readRolesTrustingUsers
} from './state.js'

/**
 * Reads and plans (no write): what `mode: plan` with AWS credentials and `mode: migrate` show
 * first. With further accounts (`accounts`), each pair is read and planned in its key's account
 * with that account's clients; pairs of any other account are planned with `api`, where they
 * fail naming the account and the input.
 */
export async function planAwsMigration(
  api: AwsApi,
  request: AwsMigrationRequest,
  accounts: AccountClients = NO_OTHER_ACCOUNTS
): Promise<AwsPlan> {
  if (accounts.roles.size === 0) return planAws(await gatherAwsFacts(api, request), request)
  const caller = await getCallerIdentity(api)
  if (accounts.roles.has(caller.accountId)) {
    // Its pairs would be read with these credentials and written with the role: one principal.
    throw new InputError(
      'accounts',
      `account ${caller.accountId} is the account of the action's own AWS credentials; list only further accounts (its keys are migrated with these credentials)`
    )
  }
  const groups = new Map<string, PairRequest[]>()
  const plans: AwsPlan[] = []
  for (const pair of request.pairs) {
    const account = await keyAccount(api, pair.key)
    if (account instanceof Error) {
      // Planned nowhere: with another lookup it might land in the wrong account.
      const error = `could not look up the key in secret ${pair.key.secretName} (sts:GetAccessKeyInfo): ${errorMessage(account)}`
      plans.push({ accounts: [], pairs: [pairError(pair, caller.accountId, error)] })
      continue
    }
    const id = account !== null && accounts.roles.has(account) ? account : caller.accountId
    // A key planned in its own account carries it: the owner lookup does not ask again.
    const routed = account === id ? { ...pair, key: { ...pair.key, accountId: id } } : pair
    groups.set(id, [...(groups.get(id) ?? []), routed])
  }
  for (const [accountId, pairs] of groups) {
    const part = { ...request, pairs }
    if (accountId === caller.accountId) {
      plans.push(planAws(await gatherAwsFacts(api, part), part))
      continue
    }
    let clients: AwsApi
    try {
      clients = await accounts.clientsFor(accountId)
    } catch (error) {
      const why = (p: PairRequest): string =>
        `the key in secret ${p.key.secretName} belongs to AWS account ${accountId}: ${errorMessage(error)}`
      plans.push({ accounts: [], pairs: pairs.map((p) => pairError(p, accountId, why(p))) })
      continue
    }
    plans.push(planAws(await gatherAwsFacts(clients, part), part))
  }
  const order = new Map(request.pairs.map((p, i) => [p.key.secretName, i]))
  return mergeAccountPlans(plans, (p) => order.get(p.secretName) ?? 0)
}

/**
 * The account of a pair's key: the account of a `user:ACCOUNT_ID:NAME` line, else
 * `sts:GetAccessKeyInfo` (which answers for a key of any account, after the SDK's retries); null
 * when the line names none or the key is a session key (the base credentials say why); the
 * error when the lookup failed.
 */
async function keyAccount(api: AwsApi, key: KeyRef): Promise<string | null | Error> {
  if (key.userName !== undefined) return key.accountId ?? null
  if (key.accessKeyId.startsWith('ASIA')) return null
  try {
    const info = await api.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: key.accessKeyId }))
    return info.Account ?? null
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** A pair that cannot be planned in any account: an error of that pair alone. */
function pairError(pair: PairRequest, accountId: string, error: string): PairPlan {
  return {
    accountId,
    secretName: pair.key.secretName,
    accessKeyId: pair.key.accessKeyId,
    owner: null,
    roles: [],
    error,
    followUps: [],
    resolvedChains: new Map()
  }
}

/** Reads everything the plan needs. Throws only for run-wide problems (credentials, quotas). */
export async function gatherAwsFacts(api: AwsApi, request: AwsMigrationRequest): Promise<AwsFacts> {
  const caller = await getCallerIdentity(api)
  const providerArn = oidcProviderArn(
    caller.partition,
    caller.accountId,
    request.settings.oidcIssuer
  )
  const [quotas, provider] = await Promise.all([
    readAccountQuotas(api),
    readProvider(api, providerArn),
    requireBoundary(api, request.settings.permissionsBoundary)
  ])
  const cache: GatherCache = {
    inventory: createInventoryCache(),
    roles: new Map(),
    usage: new Map()
  }
  const pairs: PairFacts[] = []
  for (const pair of request.pairs) {
    pairs.push(await gatherPair(api, pair, request, caller, quotas, cache))
  }
  const users = await trustedUsers(api, pairs, caller)
  const rolesTrusting = await readRolesTrustingUsers(api, [...new Set(users.values())])
  const resolved: PairFacts[] = []
  for (const p of pairs) {
    const user = users.get(p)
    resolved.push(user ? await resolvePairChains(api, p, user, rolesTrusting, caller, cache) : p)
  }
  return { caller, quotas, providerArn, provider, pairs: resolved, rolesTrusting }
}

/**
 * The IAM user of each pair whose roles matter: pairs that copy the user (their inventory) and
 * pairs with steps chaining onto a role given by an expression (`iam:GetUser`), by pair.
 */
async function trustedUsers(
  api: AwsApi,
  pairs: readonly PairFacts[],
  caller: CallerIdentity
): Promise<Map<PairFacts, TrustedUser>> {
  const byName = new Map<string, Promise<TrustedUser>>()
  const out = new Map<PairFacts, TrustedUser>()
  for (const p of pairs) {
    const name = p.owner?.userName
    if (p.error || name === undefined) continue
    if (!p.inventory && p.uses.unresolved.length === 0) continue
    const known =
      byName.get(name) ??
      (p.inventory
        ? Promise.resolve({ arn: p.inventory.arn, id: p.inventory.id })
        : readUserIdentity(api, name)
      ).then((u) => ({ ...u, name, accountId: caller.accountId }))
    byName.set(name, known)
    out.set(p, await known)
  }
  return out
}

/**
 * Steps that chain onto a role given by an expression: the one role of the account that trusts
 * the pair's IAM user is the one they assume (`resolveChains`); it is read like a literal one.
 */
async function resolvePairChains(
  api: AwsApi,
  p: PairFacts,
  user: TrustedUser,
  rolesTrusting: ReadonlyMap<string, readonly string[]>,
  caller: CallerIdentity,
  cache: GatherCache
): Promise<PairFacts> {
  if (p.uses.unresolved.length === 0) return p
  const candidates = (rolesTrusting.get(user.arn) ?? []).filter((r) => r !== p.existing?.arn)
  const uses = resolveChains(p.uses, candidates)
  const added = [...uses.chains.keys()].filter((arn) => !p.chained.has(arn))
  const read = await readChainedRoles(api, added, caller, cache)
  return { ...p, uses, chained: new Map([...p.chained, ...read]) }
}

/**
 * The `permissions-boundary` input names a policy that exists (`iam:GetPolicy`): else every
 * `CreateRole` would fail after the provider is made.
 */
async function requireBoundary(api: AwsApi, arn: string | null): Promise<void> {
  if (arn === null || (await readManagedPolicyState(api, arn)) !== null) return
  throw new InputError(
    'permissions-boundary',
    `policy ${arn} does not exist in the account; give the ARN of an existing managed policy, or leave it empty to copy each IAM user's own boundary`
  )
}

interface GatherCache {
  readonly inventory: InventoryCache
  readonly roles: Map<string, Promise<RoleState | null>>
  /** Last accessed data by user ARN (pairs of one user start one job). */
  readonly usage: Map<string, Promise<UsageFacts>>
}

/** One pair's facts; a problem of this pair alone is its `error`, never thrown. */
async function gatherPair(
  api: AwsApi,
  pair: PairRequest,
  request: AwsMigrationRequest,
  caller: CallerIdentity,
  quotas: AccountQuotas,
  cache: GatherCache
): Promise<PairFacts> {
  const uses = splitUses(pair.uses)
  const empty = {
    key: pair.key,
    uses,
    inventory: null,
    roleName: null,
    existing: null,
    ownedPolicies: new Map(),
    chained: new Map()
  }
  const lookup = await resolveKeyOwner(api, pair.key, caller)
  if (!lookup.ok) return { ...empty, owner: null, error: lookup.error }
  const owner = lookup.owner
  try {
    const chained = await readChainedRoles(api, [...uses.chains.keys()], caller, cache)
    if (uses.direct.length === 0) return { ...empty, owner, error: null, chained }
    const inventory = await readUserInventory(api, owner.userName, cache.inventory)
    const { repository, settings } = request
    const roleName = roleNameFor(settings.roleName, {
      owner: repository.owner,
      repo: repository.repo,
      user: inventory.name
    })
    const existing = await cachedRole(api, cache, roleName, true)
    // Never fails the pair: no data is a record the plan shows (and copies the permissions).
    const usage = cache.usage.get(inventory.arn) ?? readServiceUsage(api, inventory.arn)
    cache.usage.set(inventory.arn, usage)
    const ownedPolicies = await readOwnedPolicies(api, {
      inventory,
      quotas,
      roleName,
      existing,
      settings,
      caller,
      usage: await usage
    })
    return {
      ...empty,
      owner,
      error: null,
      inventory,
      roleName,
      existing,
      ownedPolicies,
      chained,
      usage: await usage
    }
  } catch (error) {
    return { ...empty, owner, error: errorMessage(error) }
  }
}

/** Pairs of the same user (or chaining onto the same role) read that role once. */
function cachedRole(
  api: AwsApi,
  cache: GatherCache,
  name: string,
  policies: boolean
): Promise<RoleState | null> {
  const id = `${name}\u0000${policies}`
  const known = cache.roles.get(id) ?? readRole(api, name, { policies })
  cache.roles.set(id, known)
  return known
}

/** The roles the keys assume, as they are now; null for a role of another account (not read). */
async function readChainedRoles(
  api: AwsApi,
  arns: readonly string[],
  caller: CallerIdentity,
  cache: GatherCache
): Promise<Map<string, RoleState | null>> {
  const chained = new Map<string, RoleState | null>()
  for (const arn of arns) {
    const sameAccount = arnAccount(arn) === caller.accountId
    chained.set(
      arn,
      sameAccount ? await cachedRole(api, cache, arn.split('/').pop() ?? arn, false) : null
    )
  }
  return chained
}

/** The merged policies this action made or would make for the role, as they are now. */
async function readOwnedPolicies(
  api: AwsApi,
  role: {
    readonly inventory: UserInventory
    readonly quotas: AccountQuotas
    readonly roleName: string
    readonly existing: RoleState | null
    readonly settings: AwsSettings
    readonly caller: CallerIdentity
    readonly usage: UsageFacts
  }
): Promise<Map<string, ManagedPolicyState>> {
  const { existing, roleName, caller } = role
  const path = existing?.path ?? role.settings.rolePath
  const input = {
    inventory: role.inventory,
    quotas: role.quotas,
    roleName,
    rolePath: path,
    accountId: caller.accountId,
    partition: caller.partition,
    foreignAttached: 0,
    foreignInlineSize: 0
  }
  const mode = role.settings.permissions ?? 'copy'
  const wanted = choosePermissions(input, mode, role.usage).permissions.merged.map((m) => m.arn)
  const prefix = `:policy${path}${mergedPolicyName(roleName, 1).replace(/1$/, '')}`
  const recorded = existing
    ? decodeAttached(existing.tags, caller.partition).filter((a) => a.includes(prefix))
    : []
  const ownedPolicies = new Map<string, ManagedPolicyState>()
  for (const arn of new Set([...recorded, ...wanted])) {
    const state = await readManagedPolicyState(api, arn)
    if (state) ownedPolicies.set(arn, state)
  }
  return ownedPolicies
}
