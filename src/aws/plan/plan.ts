/**
 * The AWS plan of `mode: migrate` (pure): the gathered facts in (`gatherAwsFacts`, src/aws/
 * gather.ts), one plan out: the provider and, per key pair, its roles with every write marked
 * create / update / unchanged. `applyAwsPlan` (src/aws/apply.ts) writes it.
 * A problem of one key pair is an error of that pair; the other pairs go on.
 */
import { errorMessage } from '../../errors.js'
import type { Finding } from '../../workflows/findings.js'
import { subjectsForJobs, type SubjectFacts } from '../../workflows/subjects.js'
import { planChainedRole } from './chained-role.js'
import {
  arnAccount,
  type AccountQuotas,
  type AwsFacts,
  type KeyOwner,
  type KeyRef,
  type PairFacts,
  type RoleState
} from './facts.js'
import { planProvider, type ProviderPlan } from './provider.js'
import { planNewRole, type RolePlan, type RoleSettings } from './role.js'
import { isUnused, jobUses, unresolvedFollowUps } from './uses.js'
import { jobsNamingServices, summarizeUsage, type UserUsage } from './usage.js'
import type { WorkflowFile } from '../../workflows/findings.js'

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
  readonly repository: SubjectFacts
  readonly settings: AwsSettings
  /** The time for the `created-at` tag of new roles. */
  readonly now: Date
  /** The workflow files, for the jobs whose commands name a service (right-size). */
  readonly workflows?: readonly WorkflowFile[]
}

export interface PairPlan {
  /** The AWS account the pair is planned in (its key's account, or the base one). */
  readonly accountId: string
  readonly secretName: string
  readonly accessKeyId: string
  readonly owner: KeyOwner | null
  /** The roles this pair's jobs will assume (a new role and/or chained roles). */
  readonly roles: readonly RolePlan[]
  /** Null when the pair can be migrated; else why not, in one sentence. */
  readonly error: string | null
  readonly followUps: readonly string[]
  /**
   * `role-to-assume` expressions of this pair's chaining steps, by the one role of the account
   * that trusts the pair's IAM user (the role planned for them, `resolveChains`).
   */
  readonly resolvedChains: ReadonlyMap<string, string>
  /** The services the user's policies grant and what the key used (last accessed data). */
  readonly usage?: UserUsage
}

/** One AWS account of the plan: its OIDC provider and its quotas. */
export interface AccountPlan {
  readonly accountId: string
  readonly provider: ProviderPlan
  readonly quotas: AccountQuotas
}

export interface AwsPlan {
  /**
   * The accounts the pairs are planned in, in the order their first pairs are given: the base
   * credentials' account and each further account of the `accounts` input that holds a pair's
   * key (none when no account could be read).
   */
  readonly accounts: readonly AccountPlan[]
  readonly pairs: readonly PairPlan[]
}

/** The account a pair is planned in; undefined for a pair whose account could not be read. */
export function accountOfPair(plan: AwsPlan, pair: PairPlan): AccountPlan | undefined {
  return plan.accounts.find((a) => a.accountId === pair.accountId)
}

/**
 * One plan of several accounts' plans, each made by `planAws` from its own facts; `order` gives
 * each pair's place (the order of the `keys` lines), so renderers see the pairs as given.
 */
export function mergeAccountPlans(
  plans: readonly AwsPlan[],
  order: (pair: PairPlan) => number
): AwsPlan {
  const accounts: AccountPlan[] = []
  for (const plan of plans) {
    for (const account of plan.accounts) {
      if (!accounts.some((a) => a.accountId === account.accountId)) accounts.push(account)
    }
  }
  const pairs = plans.flatMap((p) => p.pairs).sort((a, b) => order(a) - order(b))
  return { accounts, pairs }
}

/** The whole AWS plan from the facts. */
export function planAws(facts: AwsFacts, request: AwsMigrationRequest): AwsPlan {
  const provider = planProvider(facts.provider, {
    arn: facts.providerArn,
    issuer: request.settings.oidcIssuer,
    audience: request.settings.audience
  })
  const context: PlanContext = {
    facts,
    request,
    jobs: sharedJobs(facts),
    newRoles: new Map(),
    chainRoles: new Map()
  }
  const pairs = facts.pairs.map((p) => planPair(p, context))
  return {
    accounts: [{ accountId: facts.caller.accountId, provider, quotas: facts.quotas }],
    pairs
  }
}

/** What the pairs share while they are planned: the jobs per role, and each role planned once. */
interface PlanContext {
  readonly facts: AwsFacts
  readonly request: AwsMigrationRequest
  readonly jobs: SharedJobs
  /** Plans (or the error) of new roles by name, and of chained roles by ARN. */
  readonly newRoles: Map<string, RolePlan | string>
  readonly chainRoles: Map<string, RolePlan | string>
}

interface SharedJobs {
  readonly usesByRole: ReadonlyMap<string, readonly Finding[]>
  /** The user the role is planned for: the first pair's owner. */
  readonly userByRole: ReadonlyMap<string, string>
  readonly usesByChain: ReadonlyMap<string, readonly Finding[]>
}

/** Pairs of the same user share one role; its subjects are the union of their jobs. */
function sharedJobs(facts: AwsFacts): SharedJobs {
  const usesByRole = new Map<string, Finding[]>()
  const userByRole = new Map<string, string>()
  const usesByChain = new Map<string, Finding[]>()
  for (const p of facts.pairs) {
    if (p.error || !p.owner) continue
    const { direct, chains } = p.uses
    if (p.roleName && direct.length > 0) {
      usesByRole.set(p.roleName, [...(usesByRole.get(p.roleName) ?? []), ...direct])
      if (!userByRole.has(p.roleName)) userByRole.set(p.roleName, p.owner.userName)
    }
    for (const [arn, list] of chains)
      usesByChain.set(arn, [...(usesByChain.get(arn) ?? []), ...list])
  }
  return { usesByRole, userByRole, usesByChain }
}

function planPair(p: PairFacts, context: PlanContext): PairPlan {
  const base = {
    accountId: context.facts.caller.accountId,
    secretName: p.key.secretName,
    accessKeyId: p.key.accessKeyId,
    owner: p.owner,
    resolvedChains: p.uses.resolved
  }
  if (p.error || !p.owner) {
    return { ...base, roles: [], error: p.error ?? 'unknown key', followUps: [] }
  }
  if (isUnused(p.uses)) {
    const error = `no workflow job uses the key in secret ${base.secretName}; nothing to migrate`
    return { ...base, roles: [], error, followUps: [] }
  }
  const owner = p.owner
  const newRole = newRoleOf(p, owner, context)
  const results = [
    ...(newRole === null ? [] : [newRole]),
    ...[...p.chained].map(([arn, role]) => chainedRoleOf(arn, role, owner, context))
  ]
  const roles = results.filter((r): r is RolePlan => typeof r !== 'string')
  const errors = results.filter((r): r is string => typeof r === 'string')
  const usage =
    p.inventory && p.usage
      ? summarizeUsage(
          p.inventory,
          p.usage,
          jobsNamingServices(context.request.workflows ?? [], p.uses.direct)
        )
      : null
  return {
    ...base,
    ...(usage ? { usage } : {}),
    roles,
    error: errors.length > 0 ? errors.join('; ') : null,
    followUps: [
      ...unresolvedFollowUps(p.uses, owner.userName),
      ...roles.flatMap((r) => r.followUps)
    ]
  }
}

/**
 * The pair's new role (planned once for all pairs of its user), or why it cannot be; null when
 * its jobs only chain onto roles.
 */
function newRoleOf(
  p: PairFacts,
  owner: KeyOwner,
  { facts, request, jobs, newRoles }: PlanContext
): RolePlan | string | null {
  const { roleName, inventory } = p
  if (!roleName || !inventory) return null
  if (jobs.userByRole.get(roleName) !== owner.userName) {
    return `role ${roleName} is also planned for IAM user ${jobs.userByRole.get(roleName) ?? '?'}; use a role-name template with {user}`
  }
  const uses = jobs.usesByRole.get(roleName) ?? []
  return memo(newRoles, roleName, () =>
    planNewRole(
      {
        roleName,
        accountId: facts.caller.accountId,
        partition: facts.caller.partition,
        accessKeyId: owner.accessKeyId,
        inventory,
        quotas: facts.quotas,
        repository: request.repository,
        subjects: subjectsForJobs(jobUses(uses), request.repository),
        workflowFiles: uses.map((f) => f.file),
        secretNames: uses
          .flatMap((f) => [f.pair.accessKeyId, f.pair.secretAccessKey, f.pair.sessionToken])
          .filter((n): n is string => n !== null),
        providerArn: facts.providerArn,
        existing: p.existing,
        ownedPolicies: p.ownedPolicies,
        rolesTrustingUser: (facts.rolesTrusting.get(inventory.arn) ?? []).filter(
          (r) => !p.chained.has(r) && r !== p.existing?.arn
        ),
        ...(p.usage ? { usage: p.usage } : {}),
        now: request.now.toISOString()
      },
      request.settings
    )
  )
}

/** A role the keys assume (planned once for all pairs that chain onto it), or why it cannot be. */
function chainedRoleOf(
  arn: string,
  role: RoleState | null,
  owner: KeyOwner,
  { facts, request, jobs, chainRoles }: PlanContext
): RolePlan | string {
  const account = arnAccount(arn) ?? ''
  if (account !== facts.caller.accountId) {
    return `the keys assume role ${arn} of account ${account}; add the GitHub trust statement there with credentials of that account`
  }
  if (!role) {
    return `the keys assume role ${arn}, which does not exist in account ${facts.caller.accountId}`
  }
  return memo(chainRoles, arn, () =>
    planChainedRole(
      {
        role,
        accountId: facts.caller.accountId,
        userName: owner.userName,
        quotas: facts.quotas,
        repository: request.repository,
        subjects: subjectsForJobs(jobUses(jobs.usesByChain.get(arn) ?? []), request.repository),
        providerArn: facts.providerArn
      },
      request.settings
    )
  )
}

/** The plan made once per key; a planning error is kept as its message. */
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

/**
 * Key secret name -> the ARN of the role its jobs assume now: the new role when there is one,
 * else the chained role. With `outcomes` (by role ARN), only pairs whose roles were all applied.
 */
export function roleArnsBySecret(
  plan: AwsPlan,
  outcomes?: ReadonlyMap<string, { readonly error: string | null }>
): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of plan.pairs) {
    if (pair.error || pair.roles.length === 0) continue
    if (outcomes && pair.roles.some((r) => outcomes.get(r.roleArn)?.error !== null)) continue
    const role = pair.roles.find((r) => r.kind === 'new-role') ?? pair.roles[0]
    if (role) map[pair.secretName] = role.roleArn
  }
  return map
}
