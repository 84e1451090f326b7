/**
 * The roles of a plan (pure): each once, with the first key pair that uses it (a role is shared
 * by the pairs of one user), and as the pull request describes them.
 */
import { changedDocuments } from '../aws/plan/permissions.js'
import type { AwsPlan, PairPlan } from '../aws/plan/plan.js'
import type { RolePlan } from '../aws/plan/role.js'
import type { RoleSection } from './pull-request-body.js'

/** Each role of the plan once (a role shared by pairs of one user), with the first pair using it. */
export function planRoles(aws: AwsPlan): { readonly role: RolePlan; readonly pair: PairPlan }[] {
  const seen = new Map<string, { role: RolePlan; pair: PairPlan }>()
  for (const pair of aws.pairs) {
    for (const role of pair.roles)
      if (!seen.has(role.roleArn)) seen.set(role.roleArn, { role, pair })
  }
  return [...seen.values()]
}

/** The pull request's section per role: whose keys it replaces, whom it admits, what it copies. */
export function roleSections(aws: AwsPlan): RoleSection[] {
  return planRoles(aws).map(({ role, pair }) => {
    const chained = role.kind === 'chained-role'
    return {
      roleName: role.roleName,
      roleArn: role.roleArn,
      iamUser: chained ? null : (pair.owner?.userName ?? null),
      chained,
      resolvedFrom: resolvedFrom(aws, role),
      trustPolicy: role.trust.document,
      admits: role.subjects.map((s) => ({ subject: s.pattern, sources: s.sources })),
      permissionsCopied: role.permissions?.copies ?? [],
      documentChanges: role.permissions ? changedDocuments(role.permissions) : [],
      widenings: role.trust.widenings,
      merges: [
        ...role.trust.merges,
        ...(role.permissions?.merged ?? []).map(
          (m) => `${m.name} (customer managed) merges: ${m.sources.join(', ')}`
        )
      ]
    }
  })
}

/** The expressions that were found to be this chained role, and the IAM user it trusts. */
function resolvedFrom(aws: AwsPlan, role: RolePlan): RoleSection['resolvedFrom'] {
  if (role.kind !== 'chained-role') return null
  for (const pair of aws.pairs) {
    const expressions = [...pair.resolvedChains]
      .filter(([, arn]) => arn === role.roleArn)
      .map(([e]) => e)
    if (expressions.length > 0 && pair.owner) {
      return { expressions, iamUser: pair.owner.userName }
    }
  }
  return null
}
