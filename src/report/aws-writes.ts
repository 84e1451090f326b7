/**
 * The AWS writes of a migration, described for a person (pure): `applyProviderPlan` reports the
 * IAM operations it made by name; the words are made here, where they are shown.
 */
import type { ProviderPlan } from '../aws/plan/provider.js'

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
