/**
 * Applies a whole AWS plan, account by account: each account's OIDC provider
 * (`applyProviderPlan`), then its roles (`applyRolePlan`, apply.ts), with that account's clients.
 */
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand
} from '@aws-sdk/client-iam'
import { errorMessage, wrapError } from '../errors.js'
import { applyRolePlan, type ApplyOutcome } from './apply.js'
import type { AwsApi } from './clients.js'
import { errorName } from './owners.js'
import { MANAGED_BY_VALUE, TAGS } from './plan/names.js'
import { roleArnsBySecret, type AwsPlan } from './plan/plan.js'
import { planProvider, type ProviderPlan } from './plan/provider.js'
import { readProvider } from './state.js'

export interface AwsApplyResult {
  /** Per account of the plan, in its order: its OIDC provider's writes or error. */
  readonly providers: readonly ProviderOutcome[]
  /** One outcome per role, by role ARN (a role shared by pairs is applied once). */
  readonly roles: ReadonlyMap<string, ApplyOutcome>
  /** Key secret name -> role ARN, for the pairs whose roles were all applied. */
  readonly roleArns: Readonly<Record<string, string>>
}

export interface ProviderOutcome {
  readonly accountId: string
  readonly provider: ProviderPlan
  readonly writes: readonly string[]
  readonly error: string | null
}

/**
 * Applies the plan, account by account with that account's clients (`clientsFor`: the base
 * clients for the base account, assumed ones for the others): the provider, then each role
 * once, as planned (the provider of an account of the plan is written even when none of its
 * pairs got a role: what the plan shows is what is done). An account's roles are skipped when
 * its provider failed.
 */
export async function applyAwsPlan(
  api: AwsApi,
  plan: AwsPlan,
  clientsFor: (accountId: string) => Promise<AwsApi> = () => Promise.resolve(api)
): Promise<AwsApplyResult> {
  const providers: ProviderOutcome[] = []
  const roles = new Map<string, ApplyOutcome>()
  for (const account of plan.accounts) {
    const pairs = plan.pairs.filter((p) => p.accountId === account.accountId)
    const outcome = { accountId: account.accountId, provider: account.provider }
    let clients: AwsApi
    try {
      clients = await clientsFor(account.accountId)
      const writes = await applyProviderPlan(clients, account.provider)
      providers.push({ ...outcome, writes, error: null })
    } catch (error) {
      providers.push({ ...outcome, writes: [], error: errorMessage(error) })
      continue
    }
    for (const pair of pairs) {
      for (const role of pair.roles) {
        if (!roles.has(role.roleArn)) roles.set(role.roleArn, await applyRolePlan(clients, role))
      }
    }
  }
  return { providers, roles, roleArns: roleArnsBySecret(plan, roles) }
}

/**
 * Runs the provider plan; returns the writes made (IAM operation names; report/aws-writes.ts
 * describes them). A provider created meanwhile by another run is converged on, not an error.
 */
export async function applyProviderPlan(api: AwsApi, plan: ProviderPlan): Promise<string[]> {
  if (plan.change === 'unchanged') return []
  if (plan.change === 'create') {
    try {
      await api.iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: plan.url,
          ClientIDList: [plan.audience],
          Tags: [{ Key: TAGS.managedBy, Value: MANAGED_BY_VALUE }]
        })
      )
      return ['CreateOpenIDConnectProvider']
    } catch (error) {
      if (errorName(error) !== 'EntityAlreadyExistsException') {
        throw wrapError(`could not create the OIDC provider for ${plan.url}`, error)
      }
      // Created meanwhile (another run): converge on what exists now.
      const state = await readProvider(api, plan.arn)
      const again = planProvider(state, {
        arn: plan.arn,
        issuer: plan.url,
        audience: plan.audience
      })
      if (again.change === 'create')
        throw wrapError(`could not create the OIDC provider for ${plan.url}`, error)
      return applyProviderPlan(api, again)
    }
  }
  try {
    await api.iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: plan.arn,
        ClientID: plan.audience
      })
    )
    return ['AddClientIDToOpenIDConnectProvider']
  } catch (error) {
    throw wrapError(
      `could not add the audience ${plan.audience} to the OIDC provider ${plan.arn}`,
      error
    )
  }
}
