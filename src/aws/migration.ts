/**
 * The AWS side of `mode: migrate`, in three steps the caller can show apart:
 * `gatherAwsFacts` reads (caller, quotas, provider, owners, inventories, existing roles),
 * `planAws` is pure (facts in, one plan out: the provider and, per key pair, its roles with every
 * write marked create / update / unchanged), `applyAwsPlan` (apply.ts) writes.
 * A problem of one key pair is an error of that pair; the other pairs go on.
 */
import { errorMessage } from '../errors.js'
import type { Finding } from '../workflows/findings.js'
import { subjectsForJobs, type JobUse, type RepositoryFacts } from '../workflows/subjects.js'
import type { AwsApi } from './clients.js'
import {
  createInventoryCache,
  readUserInventory,
  type InventoryCache,
  type UserInventory
} from './inventory.js'
import { decodeAttached, mergedPolicyName, roleNameFor } from './plan/names.js'
import {
  getCallerIdentity,
  resolveKeyOwner,
  type CallerIdentity,
  type KeyOwner,
  type KeyRef
} from './owners.js'
import { planPermissions } from './plan/permissions.js'
import { planProvider, type ProviderPlan } from './provider.js'
import { planChainedRole } from './plan/chained-role.js'
import { planNewRole, type RolePlan, type RoleSettings } from './plan/role.js'
import {
  readAccountQuotas,
  readManagedPolicyState,
  readProvider,
  readRole,
  readRolesTrustingUsers,
  type AccountQuotas,
  type ManagedPolicyState,
  type ProviderState,
  type RoleState
} from './state.js'
import { oidcProviderArn } from './plan/trust-policy.js'

/** The inputs of action.yml the AWS side uses (a subset of `Settings`). */
export interface AwsSettings extends RoleSettings {
  /** The `role-name` template (`{owner}`, `{repo}`, `{user}`). */
  readonly roleName: string
}

/** One key pair: the key id (by its secret) and the findings of the jobs that will use the role. */
export interface PairRequest {
  readonly key: KeyRef
  readonly uses: readonly Finding[]
}

export interface AwsMigrationRequest {
  readonly pairs: readonly PairRequest[]
  readonly repository: RepositoryFacts
  readonly settings: AwsSettings
  /** The time for the `created-at` tag of new roles. */
  readonly now: Date
}

interface PairFacts {
  readonly request: PairRequest
  readonly owner: KeyOwner | null
  readonly error: string | null
  readonly inventory: UserInventory | null
  readonly roleName: string | null
  readonly existing: RoleState | null
  readonly ownedPolicies: ReadonlyMap<string, ManagedPolicyState>
  /** Roles the keys assume (role chaining), as they are now, by ARN. */
  readonly chained: ReadonlyMap<string, RoleState | null>
  /** role-to-assume values that are expressions (cannot be resolved before the run). */
  readonly unresolvedChains: readonly string[]
}

export interface AwsFacts {
  readonly caller: CallerIdentity
  readonly quotas: AccountQuotas
  readonly providerArn: string
  readonly provider: ProviderState | null
  readonly pairs: readonly PairFacts[]
  readonly rolesTrusting: ReadonlyMap<string, readonly string[]>
}

export interface PairPlan {
  readonly secretName: string
  readonly accessKeyId: string
  readonly owner: KeyOwner | null
  /** The roles this pair's jobs will assume (a new role and/or chained roles). */
  readonly roles: readonly RolePlan[]
  /** Null when the pair can be migrated; else why not, in one sentence. */
  readonly error: string | null
  readonly followUps: readonly string[]
}

export interface AwsPlan {
  readonly accountId: string
  readonly provider: ProviderPlan
  readonly quotas: AccountQuotas
  readonly pairs: readonly PairPlan[]
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
    readProvider(api, providerArn)
  ])
  const cache: GatherCache = { inventory: createInventoryCache(), roles: new Map() }
  const pairs: PairFacts[] = []
  for (const pair of request.pairs) {
    pairs.push(await gatherPair(api, pair, request, caller, quotas, cache))
  }
  const users = pairs.flatMap((p) =>
    p.inventory ? [{ arn: p.inventory.arn, id: p.inventory.id }] : []
  )
  const rolesTrusting = await readRolesTrustingUsers(api, users)
  return { caller, quotas, providerArn, provider, pairs, rolesTrusting }
}

interface GatherCache {
  readonly inventory: InventoryCache
  readonly roles: Map<string, Promise<RoleState | null>>
}

async function gatherPair(
  api: AwsApi,
  pair: PairRequest,
  request: AwsMigrationRequest,
  caller: CallerIdentity,
  quotas: AccountQuotas,
  cache: GatherCache
): Promise<PairFacts> {
  // Pairs of the same user (or chaining onto the same role) read that role once.
  const role = (name: string, policies: boolean): Promise<RoleState | null> => {
    const id = `${name}\u0000${policies}`
    const known = cache.roles.get(id) ?? readRole(api, name, { policies })
    cache.roles.set(id, known)
    return known
  }
  const empty = {
    request: pair,
    inventory: null,
    roleName: null,
    existing: null,
    ownedPolicies: new Map(),
    chained: new Map(),
    unresolvedChains: []
  }
  const lookup = await resolveKeyOwner(api, pair.key, caller)
  if (!lookup.ok) return { ...empty, owner: null, error: lookup.error }
  const owner = lookup.owner
  try {
    const { direct, chains, unresolved } = splitUses(pair.uses)
    const chained = new Map<string, RoleState | null>()
    for (const arn of chains.keys()) {
      const sameAccount = arn.split(':')[4] === caller.accountId
      chained.set(arn, sameAccount ? await role(arn.split('/').pop() ?? arn, false) : null)
    }
    if (direct.length === 0) {
      return { ...empty, owner, error: null, chained, unresolvedChains: unresolved }
    }
    const inventory = await readUserInventory(api, owner.userName, cache.inventory)
    const { repository, settings } = request
    const roleName = roleNameFor(settings.roleName, {
      owner: repository.owner,
      repo: repository.repo,
      user: inventory.name
    })
    const existing = await role(roleName, true)
    // The merged policies this action made or would make for the role, as they are now.
    const path = existing?.path ?? settings.rolePath
    const wanted = planPermissions({
      inventory,
      quotas,
      roleName,
      rolePath: path,
      accountId: caller.accountId,
      partition: caller.partition,
      foreignAttached: 0,
      foreignInlineSize: 0
    }).merged.map((m) => m.arn)
    const prefix = `:policy${path}${mergedPolicyName(roleName, 1).replace(/1$/, '')}`
    const recorded = existing
      ? decodeAttached(existing.tags, caller.partition).filter((a) => a.includes(prefix))
      : []
    const ownedPolicies = new Map<string, ManagedPolicyState>()
    for (const arn of new Set([...recorded, ...wanted])) {
      const state = await readManagedPolicyState(api, arn)
      if (state) ownedPolicies.set(arn, state)
    }
    return {
      request: pair,
      owner,
      error: null,
      inventory,
      roleName,
      existing,
      ownedPolicies,
      chained,
      unresolvedChains: unresolved
    }
  } catch (error) {
    return { ...empty, owner, error: errorMessage(error) }
  }
}

/** Jobs that use the keys directly, and jobs that only chain onto a role, by role ARN. */
function splitUses(uses: readonly Finding[]): {
  direct: Finding[]
  chains: Map<string, Finding[]>
  unresolved: string[]
} {
  const direct: Finding[] = []
  const chains = new Map<string, Finding[]>()
  const unresolved: string[] = []
  for (const f of uses) {
    const role = f.roleToAssume?.trim() ?? null
    if (!role) {
      direct.push(f)
    } else if (/^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role)) {
      chains.set(role, [...(chains.get(role) ?? []), f])
    } else {
      unresolved.push(
        `${f.file}:${f.line}: role-to-assume '${role}' is not a literal role ARN; add the GitHub trust statement to that role by hand`
      )
    }
  }
  return { direct, chains, unresolved }
}

/** Pure: the whole AWS plan from the facts. */
export function planAws(facts: AwsFacts, request: AwsMigrationRequest): AwsPlan {
  const { settings, repository } = request
  const provider = planProvider(facts.provider, {
    arn: facts.providerArn,
    issuer: settings.oidcIssuer,
    audience: settings.audience
  })
  // Pairs of the same user share one role; its subjects are the union of their jobs.
  const usesByRole = new Map<string, Finding[]>()
  const userByRole = new Map<string, string>()
  const usesByChain = new Map<string, Finding[]>()
  for (const p of facts.pairs) {
    if (p.error || !p.owner) continue
    const { direct, chains } = splitUses(p.request.uses)
    if (p.roleName && direct.length > 0) {
      usesByRole.set(p.roleName, [...(usesByRole.get(p.roleName) ?? []), ...direct])
      if (!userByRole.has(p.roleName)) userByRole.set(p.roleName, p.owner.userName)
    }
    for (const [arn, list] of chains)
      usesByChain.set(arn, [...(usesByChain.get(arn) ?? []), ...list])
  }
  const newRoles = new Map<string, RolePlan | string>()
  const chainRoles = new Map<string, RolePlan | string>()
  const pairs = facts.pairs.map((p): PairPlan => {
    const base = {
      secretName: p.request.key.secretName,
      accessKeyId: p.request.key.accessKeyId,
      owner: p.owner
    }
    if (p.error || !p.owner) {
      return { ...base, roles: [], error: p.error ?? 'unknown key', followUps: [] }
    }
    if (p.request.uses.length === 0) {
      const error = `no workflow job uses the key in secret ${base.secretName}; nothing to migrate`
      return { ...base, roles: [], error, followUps: [] }
    }
    const roles: RolePlan[] = []
    const errors: string[] = []
    const keep = (result: RolePlan | string): void => {
      if (typeof result === 'string') errors.push(result)
      else roles.push(result)
    }
    if (p.roleName && p.inventory) {
      const roleName = p.roleName
      if (userByRole.get(roleName) !== p.owner.userName) {
        errors.push(
          `role ${roleName} is also planned for IAM user ${userByRole.get(roleName) ?? '?'}; use a role-name template with {user}`
        )
      } else {
        const inventory = p.inventory
        const owner = p.owner
        keep(
          memo(newRoles, roleName, () =>
            planNewRole(
              {
                roleName,
                accountId: facts.caller.accountId,
                partition: facts.caller.partition,
                accessKeyId: owner.accessKeyId,
                inventory,
                quotas: facts.quotas,
                repository,
                subjects: subjectsForJobs(jobUses(usesByRole.get(roleName) ?? []), repository),
                workflowFiles: (usesByRole.get(roleName) ?? []).map((f) => f.file),
                providerArn: facts.providerArn,
                existing: p.existing,
                ownedPolicies: p.ownedPolicies,
                rolesTrustingUser: (facts.rolesTrusting.get(inventory.arn) ?? []).filter(
                  (r) => !p.chained.has(r) && r !== p.existing?.arn
                ),
                now: request.now.toISOString()
              },
              settings
            )
          )
        )
      }
    }
    for (const [arn, role] of p.chained) {
      const account = arn.split(':')[4] ?? ''
      if (account !== facts.caller.accountId) {
        errors.push(
          `the keys assume role ${arn} of account ${account}; add the GitHub trust statement there with credentials of that account`
        )
        continue
      }
      if (!role) {
        errors.push(
          `the keys assume role ${arn}, which does not exist in account ${facts.caller.accountId}`
        )
        continue
      }
      keep(
        memo(chainRoles, arn, () =>
          planChainedRole(
            {
              role,
              accountId: facts.caller.accountId,
              userName: p.owner?.userName ?? '?',
              quotas: facts.quotas,
              repository,
              subjects: subjectsForJobs(jobUses(usesByChain.get(arn) ?? []), repository),
              providerArn: facts.providerArn
            },
            settings
          )
        )
      )
    }
    return {
      ...base,
      roles,
      error: errors.length > 0 ? errors.join('; ') : null,
      followUps: [...p.unresolvedChains, ...roles.flatMap((r) => r.followUps)]
    }
  })
  return { accountId: facts.caller.accountId, provider, quotas: facts.quotas, pairs }
}

function memo(
  cache: Map<string, RolePlan | string>,
  key: string,
  make: () => RolePlan
): RolePlan | string {
  const known = cache.get(key)
  if (known !== undefined) return known
  let result: RolePlan | string
  try {
    result = make()
  } catch (error) {
    result = errorMessage(error)
  }
  cache.set(key, result)
  return result
}

/** The jobs of the findings (one per file and job). */
export function jobUses(findings: readonly Finding[]): JobUse[] {
  const seen = new Map<string, JobUse>()
  for (const f of findings) {
    const id = `${f.file}\u0000${f.job ?? ''}`
    if (!seen.has(id)) {
      seen.set(id, { file: f.file, job: f.job, triggers: f.triggers, environment: f.environment })
    }
  }
  return [...seen.values()]
}

/** Reads and plans (no write): what `mode: plan` with AWS credentials and `mode: migrate` show first. */
export async function planAwsMigration(
  api: AwsApi,
  request: AwsMigrationRequest
): Promise<AwsPlan> {
  return planAws(await gatherAwsFacts(api, request), request)
}
