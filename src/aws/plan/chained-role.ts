/**
 * Role chaining (pure): the keys only assumed role X, so X itself gets a GitHub trust statement
 * (Sid `TRUST_STATEMENT_SID`), keeping its other statements. X's permissions are not touched.
 */
import type { SubjectFacts, SubjectResult } from '../../workflows/subjects.js'
import { samePolicy, type PolicyDocument, type PolicyStatement } from './policy-document.js'
import { checkServesRepository, RolePlanError, type RolePlan, type RoleSettings } from './role.js'
import { arnAccount, type AccountQuotas, type RoleState } from './facts.js'
import { TAGS, tagOf } from './names.js'
import { buildTrustPolicy } from './trust-policy.js'
import type { AwsWrite } from './writes.js'

export interface ChainedRoleFacts {
  readonly role: RoleState
  readonly accountId: string
  readonly userName: string
  readonly quotas: AccountQuotas
  readonly repository: SubjectFacts
  readonly subjects: SubjectResult
  readonly providerArn: string
}

/**
 * Plans role chaining: the keys only assumed role X, so X itself gets a GitHub trust statement
 * (Sid `TRUST_STATEMENT_SID`), keeping its other statements. X's permissions are not touched.
 */
export function planChainedRole(facts: ChainedRoleFacts, settings: RoleSettings): RolePlan {
  const { role } = facts
  const account = arnAccount(role.arn)
  if (account && account !== facts.accountId) {
    throw new RolePlanError(
      `the keys assume role ${role.arn} of account ${account}; its trust policy can only be changed with credentials of that account`
    )
  }
  // A role this action made for another repository is not re-trusted for this one either.
  checkServesRepository(role, facts.repository)
  const trust = buildTrustPolicy({
    providerArn: facts.providerArn,
    issuer: settings.oidcIssuer,
    audience: settings.audience,
    subjects: facts.subjects,
    repositoryId: facts.repository.repoId,
    maxSize: facts.quotas.assumeRolePolicySize,
    keepStatements: role.trust.Statement
  })
  const writes: AwsWrite[] = samePolicy(role.trust, trust.document)
    ? []
    : [{ op: 'UpdateAssumeRolePolicy', roleName: role.name, trust: trust.document }]
  return {
    kind: 'chained-role',
    roleName: role.name,
    roleArn: role.arn,
    change: writes.length > 0 ? 'update' : 'unchanged',
    trust,
    subjects: facts.subjects.subjects,
    boundaryArn: role.boundaryArn,
    maxSessionDuration: role.maxSessionDuration,
    tags: role.tags,
    permissions: null,
    changes: [
      {
        resource: `trust policy of ${role.name}`,
        change: writes.length > 0 ? 'update' : 'unchanged'
      }
    ],
    warnings: [...facts.subjects.notes, ...trust.merges, ...chainingTagWarning(role, writes)],
    followUps: [
      `role ${role.arn} still trusts what it trusted before (for example IAM user ${facts.userName}); remove that statement once the keys are retired`
    ],
    writes
  }
}

/**
 * The action never tags a chained role: policies/role-chaining.json lets it change the trust
 * policy only of roles an administrator tagged by hand, so say so before the write is refused.
 */
function chainingTagWarning(role: RoleState, writes: readonly AwsWrite[]): string[] {
  if (writes.length === 0 || tagOf(role.tags, TAGS.allowChaining) === 'true') return []
  return [
    `role ${role.name} has no tag ${TAGS.allowChaining}=true: policies/role-chaining.json allows the trust update only on roles an administrator tagged so (other credentials need iam:UpdateAssumeRolePolicy on it)`
  ]
}

/** The IAM user whose keys a pair holds, as a trust policy may name it. */
export interface TrustedUser {
  readonly arn: string
  /** The unique id (`AIDA...`), which IAM shows in place of the ARN once the user is deleted. */
  readonly id: string
  readonly name: string
  readonly accountId: string
}

/** Operators under which a listed value is one the key must have (not `StringNotEquals`, not `...IfExists`). */
const POSITIVE_OPERATOR =
  /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/

/** Condition keys whose value names the calling IAM user, and which of its names each takes. */
const CONDITION_KEYS_NAMING_USER: ReadonlyMap<string, keyof TrustedUser> = new Map([
  ['aws:principalarn', 'arn'],
  ['aws:userid', 'id'],
  ['aws:username', 'name']
])

/**
 * Whether a trust policy lets the user's keys assume the role: an Allow statement for
 * `sts:AssumeRole` whose principal is the user (ARN or unique id), or the user's account root
 * (`arn:...:root` or the bare account id) with a condition that names the user. A root
 * principal without such a condition admits every principal of the account, so it names no one.
 */
export function trustNamesUser(document: PolicyDocument, user: TrustedUser): boolean {
  return document.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      assumesRole(s) &&
      principals(s.Principal).some(
        (p) =>
          p === user.arn ||
          p === user.id ||
          ((p === user.accountId ||
            p === `arn:${arnPartition(user.arn)}:iam::${user.accountId}:root`) &&
            conditionNamesUser(s, user))
      )
  )
}

function assumesRole(s: PolicyStatement): boolean {
  const actions = s.Action === undefined ? [] : typeof s.Action === 'string' ? [s.Action] : s.Action
  return actions.some((a) => /^(sts:(AssumeRole|\*)|\*)$/i.test(a))
}

/** The AWS principals of a statement (`"*"` is nobody in particular). */
function principals(principal: unknown): string[] {
  if (typeof principal !== 'object' || principal === null) return []
  const aws = (principal as Record<string, unknown>).AWS
  const list = Array.isArray(aws) ? aws : [aws]
  return list.filter((p): p is string => typeof p === 'string')
}

function conditionNamesUser(s: PolicyStatement, user: TrustedUser): boolean {
  return Object.entries(s.Condition ?? {}).some(
    ([operator, block]) =>
      POSITIVE_OPERATOR.test(operator) &&
      Object.entries(block).some(([key, value]) => {
        const field = CONDITION_KEYS_NAMING_USER.get(key.toLowerCase())
        if (field === undefined) return false
        return (Array.isArray(value) ? value : [value]).some((v) => v === user[field])
      })
  )
}

function arnPartition(arn: string): string {
  return arn.split(':')[1] ?? 'aws'
}
