/**
 * The IAM OIDC provider for the GitHub issuer (pure): created when missing with the audience as
 * client id and no thumbprint (AWS no longer needs one for GitHub), and an existing provider that
 * lacks the audience gets it added. Nothing else of an existing provider is touched.
 * `applyProviderPlan` (src/aws/apply.ts) makes the writes.
 */
import type { ProviderState } from './facts.js'

export interface ProviderPlan {
  readonly arn: string
  /** The issuer URL (`https://...`). */
  readonly url: string
  readonly audience: string
  readonly change: 'create' | 'update' | 'unchanged'
  /** The client ids the provider has after the plan is applied. */
  readonly clientIds: readonly string[]
}

/** What to do with the provider, given what exists. */
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
