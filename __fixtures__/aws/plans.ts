/**
 * The account record of hand-made AWS plans in the pure tests: one account with GitHub's OIDC
 * provider as planned (`unchanged` unless given), and no quotas read.
 */
import type { AccountPlan } from '../../src/aws/plan/plan.js'
import type { ProviderPlan } from '../../src/aws/plan/provider.js'

export const PLAN_ACCOUNT = '123456789012'

export function planAccount(
  provider: Partial<ProviderPlan> = {},
  accountId = PLAN_ACCOUNT
): AccountPlan {
  return {
    accountId,
    provider: {
      arn: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com`,
      url: 'https://token.actions.githubusercontent.com',
      audience: 'sts.amazonaws.com',
      change: 'unchanged',
      clientIds: ['sts.amazonaws.com'],
      ...provider
    },
    quotas: {} as AccountPlan['quotas']
  }
}
