/**
 * What the infrastructure code declares, read off the AWS plan (pure): the OIDC provider, and
 * per new role its name, path, trust policy, session, boundary, tags and policies, exactly as
 * `migrate` would create them by API (the same `RolePlan`). Chained roles (existing roles the
 * keys assumed) are not the code's to own: they come out as the GitHub statements to add.
 *
 * The code must not change from one run to the next while the facts stay the same, so the one
 * value of a plan that is a time, the `created-at` tag, is left out (Terraform and
 * CloudFormation record when they created a resource).
 */
import type { ProviderPlan } from '../aws/plan/provider.js'
import type { RolePlan } from '../aws/plan/role.js'
import type { TagPair } from '../aws/plan/facts.js'
import type { PolicyDocument, PolicyStatement } from '../aws/plan/policy-document.js'
import { TAGS, MANAGED_BY_VALUE } from '../aws/plan/names.js'

export interface IacProvider {
  readonly arn: string
  readonly url: string
  readonly clientIds: readonly string[]
  /** The provider exists in the account already (the code imports or refers to it). */
  readonly exists: boolean
  /** An existing provider that lacks the audience: its client ids change. */
  readonly needsAudience: boolean
}

export interface IacPolicy {
  readonly name: string
  readonly document: PolicyDocument
}

export interface IacMergedPolicy extends IacPolicy {
  readonly arn: string
  readonly path: string
  readonly tags: readonly TagPair[]
  /** The policy exists in IAM already (made by an earlier `migrate` without `iac`). */
  readonly exists: boolean
}

export interface IacRole {
  readonly roleName: string
  readonly roleArn: string
  readonly path: string
  readonly trust: PolicyDocument
  readonly maxSessionDuration: number
  readonly boundaryArn: string | null
  readonly tags: readonly TagPair[]
  /** Managed policies attached as they are (AWS-managed and the user's customer-managed ones). */
  readonly attach: readonly string[]
  /** Customer-managed policies the code creates from merged documents, then attaches. */
  readonly merged: readonly IacMergedPolicy[]
  readonly inline: readonly IacPolicy[]
  /** The role exists in IAM already (made by an earlier `migrate` without `iac`). */
  readonly exists: boolean
}

/** An existing role the keys assumed: the statements to add to its trust policy, by hand. */
export interface IacChainedRole {
  readonly roleName: string
  readonly roleArn: string
  readonly statements: readonly PolicyStatement[]
  /** Its trust policy holds the statements already. */
  readonly upToDate: boolean
}

export interface IacModel {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly accountId: string
  readonly provider: IacProvider
  /** Sorted by role name. */
  readonly roles: readonly IacRole[]
  readonly chained: readonly IacChainedRole[]
}

export interface IacModelInput {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly accountId: string
  readonly provider: ProviderPlan
  /** Each role of the plan once (`planRoles` of src/migration/roles.ts). */
  readonly roles: readonly RolePlan[]
}

export function iacModel(input: IacModelInput): IacModel {
  const { provider, roles: planned } = input
  const byName = (a: { roleName: string }, b: { roleName: string }): number =>
    a.roleName < b.roleName ? -1 : a.roleName > b.roleName ? 1 : 0
  return {
    repository: input.repository,
    accountId: input.accountId,
    provider: {
      arn: provider.arn,
      url: provider.url,
      clientIds: provider.clientIds,
      exists: provider.change !== 'create',
      needsAudience: provider.change === 'update'
    },
    roles: planned
      .filter((r) => r.kind === 'new-role')
      .map(newRole)
      .sort(byName),
    chained: planned
      .filter((r) => r.kind === 'chained-role')
      .map((r) => ({
        roleName: r.roleName,
        roleArn: r.roleArn,
        statements: r.trust.statements,
        upToDate: r.change === 'unchanged'
      }))
      .sort(byName)
  }
}

function newRole(role: RolePlan): IacRole {
  const path = rolePath(role.roleArn, role.roleName)
  const permissions = role.permissions
  const created = new Set(role.writes.flatMap((w) => (w.op === 'CreatePolicy' ? [w.arn] : [])))
  return {
    roleName: role.roleName,
    roleArn: role.roleArn,
    path,
    trust: role.trust.document,
    maxSessionDuration: role.maxSessionDuration,
    boundaryArn: role.boundaryArn,
    tags: role.tags.filter((t) => t.key !== TAGS.createdAt),
    attach: (permissions?.attach ?? []).map((a) => a.arn),
    merged: (permissions?.merged ?? []).map((m) => ({
      name: m.name,
      arn: m.arn,
      path,
      document: m.document,
      // The tags `migrate` gives the policies it merges (src/aws/plan/role-writes.ts).
      tags: [
        { key: TAGS.managedBy, value: MANAGED_BY_VALUE },
        { key: TAGS.role, value: role.roleName }
      ],
      exists: !created.has(m.arn)
    })),
    inline: (permissions?.inline ?? []).map((p) => ({ name: p.name, document: p.document })),
    exists: role.change !== 'create'
  }
}

/** The IAM path of a role from its ARN (`arn:aws:iam::1:role/github-actions/NAME`). */
function rolePath(roleArn: string, roleName: string): string {
  const resource = roleArn.slice(roleArn.indexOf(':role/') + ':role'.length)
  return resource.endsWith(`/${roleName}`) ? resource.slice(0, -roleName.length) : '/'
}
