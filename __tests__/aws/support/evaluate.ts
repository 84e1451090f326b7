/**
 * An independent IAM policy evaluator for the tests: `@cloud-copilot/iam-simulate` (AGPL, a
 * devDependency, never imported from `src/`).
 *
 * Its safe entry point (`runSimulation`, Strict mode) drops context keys the IAM reference does not
 * list for the action, and the generic OIDC keys `...:sub` and `...:aud` are not listed for
 * `sts:AssumeRoleWithWebIdentity`: conditions on them would be evaluated without them. So trust
 * policies are evaluated with `runUnsafeSimulation`, which keeps every context key as given; its
 * resource policy must come as a validated policy (with a name), which `createValidatedPolicy`
 * makes (and validates the document as a trust policy on the way).
 */
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy'
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate'
import type { PolicyDocument } from '../../../src/aws/plan/policy-document.js'

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied'

export interface TokenClaims {
  readonly sub: string
  readonly aud: string
  readonly repository_id?: string
}

/** Syntax errors of a trust policy as the evaluator's validator sees them. */
export function trustPolicyErrors(trust: PolicyDocument): string[] {
  return createValidatedPolicy(trust, validateTrustPolicy, { name: 'trust' }).errors.map(
    (e) => `${e.path}: ${e.message}`
  )
}

/** May a token with these claims, presented through `providerArn`, assume the role? */
export function assumeDecision(
  trust: PolicyDocument,
  claims: TokenClaims,
  options: { readonly providerArn: string; readonly issuerKey: string; readonly roleArn?: string }
): Decision {
  const context: Record<string, string> = {
    [`${options.issuerKey}:sub`]: claims.sub,
    [`${options.issuerKey}:aud`]: claims.aud
  }
  if (claims.repository_id !== undefined) {
    context[`${options.issuerKey}:repository_id`] = claims.repository_id
  }
  const roleArn = options.roleArn ?? 'arn:aws:iam::123456789012:role/github-actions/test-role'
  const result = runUnsafeSimulation(
    {
      request: {
        principal: options.providerArn,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: roleArn, accountId: roleArn.split(':')[4] ?? '' },
        contextVariables: context
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: createValidatedPolicy(trust, validateTrustPolicy, { name: 'trust' })
    },
    {}
  ) as unknown
  return decision(result)
}

/**
 * May a principal with these identity policies (and boundary) call `action` on `resource`?
 * Used for permission parity between the IAM user and the role that replaces it.
 */
export function identityDecision(request: {
  readonly principal: string
  readonly policies: readonly PolicyDocument[]
  readonly boundary: PolicyDocument | null
  readonly action: string
  readonly resource: string
  readonly context?: Readonly<Record<string, string | string[]>>
}): Decision {
  const account = request.principal.split(':')[4] ?? '123456789012'
  const result = runUnsafeSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: account },
        contextVariables: { ...(request.context ?? {}) }
      },
      identityPolicies: request.policies.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(request.boundary
        ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: request.boundary }] }
        : {})
    },
    {}
  ) as unknown
  return decision(result)
}

function decision(result: unknown): Decision {
  const value = typeof result === 'string' ? result : (result as { result?: unknown }).result
  if (value === 'Allowed' || value === 'ImplicitlyDenied' || value === 'ExplicitlyDenied') {
    return value
  }
  throw new Error(`unexpected evaluator answer: ${JSON.stringify(result)}`)
}
