/**
 * The IAM OIDC provider for the GitHub issuer: found by its ARN (one call), created when missing
 * with the audience as client id and no thumbprint (AWS no longer needs one for GitHub), and an
 * existing provider that lacks the audience gets it added. Nothing else of an existing provider
 * is touched.
 */
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand
} from '@aws-sdk/client-iam'
import { wrapError } from '../errors.js'
import type { AwsApi } from './clients.js'
import { MANAGED_BY_VALUE, TAGS } from './plan/names.js'
import { errorName } from './owners.js'
import { readProvider, type ProviderState } from './state.js'

export interface ProviderPlan {
  readonly arn: string
  /** The issuer URL (`https://...`). */
  readonly url: string
  readonly audience: string
  readonly change: 'create' | 'update' | 'unchanged'
  /** The client ids the provider has after the plan is applied. */
  readonly clientIds: readonly string[]
}

/** Pure: what to do with the provider, given what exists. */
export function planProvider(
  state: ProviderState | null,
  want: { readonly arn: string; readonly issuer: string; readonly audience: string }
): ProviderPlan {
  if (!state) {
    return {
      arn: want.arn,
      url: want.issuer,
      audience: want.audience,
      change: 'create',
      clientIds: [want.audience]
    }
  }
  const has = state.clientIds.includes(want.audience)
  return {
    arn: want.arn,
    url: want.issuer,
    audience: want.audience,
    change: has ? 'unchanged' : 'update',
    clientIds: has ? state.clientIds : [...state.clientIds, want.audience]
  }
}

/** Runs the provider plan; returns the writes made (operation names). */
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

/** One write of `applyProviderPlan` (an IAM operation name), described for a person. */
export function describeProviderWrite(op: string, plan: ProviderPlan): string {
  if (op === 'CreateOpenIDConnectProvider') {
    return `create OIDC provider ${plan.arn} (audience ${plan.audience})`
  }
  if (op === 'AddClientIDToOpenIDConnectProvider') {
    return `add audience ${plan.audience} to OIDC provider ${plan.arn}`
  }
  return op
}
