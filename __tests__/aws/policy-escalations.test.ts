/**
 * Issue 10, section 5: whoever holds the administrator policies of `policies/` cannot turn them
 * into an escalation. Each escalation is evaluated, request context and all, with the independent
 * evaluator (`@cloud-copilot/iam-simulate`, tests only); moto cannot do it, because it evaluates
 * no condition on these keys (see policies.moto.test.ts, which proves a whole migration is still
 * allowed).
 *
 * The request context is the one IAM builds: `aws:RequestTag/*` and `aws:TagKeys` from the tags a
 * call sends, `aws:ResourceTag/*` from the tags the role or policy has, `iam:PermissionsBoundary`
 * from the boundary a call sets or, for calls on a role, the boundary the role has.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MANAGED_BY_VALUE, TAGS } from '../../src/aws/plan/names.js'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { identityDecision, type Decision } from './support/evaluate.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const load = (name: string): PolicyDocument =>
  JSON.parse(readFileSync(path.join(root, 'policies', name), 'utf8')) as PolicyDocument
const MIGRATE = load('migrate.json')
const MIGRATE_BOUNDARY = load('migrate-with-boundary.json')
const CHAINING = load('role-chaining.json')

const ACCOUNT = '123456789012'
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/migration`
const OURS = `arn:aws:iam::${ACCOUNT}:role/github-actions/github-octo-org-octo-repo-deployer`
const THEIRS = `arn:aws:iam::${ACCOUNT}:role/github-actions/other-team-deploy`
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/github-actions-boundary`
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess'
const MARK = { [TAGS.managedBy]: MANAGED_BY_VALUE }

type Tags = Readonly<Record<string, string>>

interface Call {
  readonly action: string
  readonly resource: string
  /** Tags the call sends. */
  readonly send?: Tags
  /** Tags the resource has. */
  readonly has?: Tags
  /** Keys an UntagRole call removes. */
  readonly remove?: readonly string[]
  /** The boundary the call sets, or the role has. */
  readonly boundary?: string
  /** The managed policy an Attach/DetachRolePolicy call names. */
  readonly policy?: string
}

function context(call: Call): Record<string, string | string[]> {
  const ctx: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(call.send ?? {})) ctx[`aws:RequestTag/${k}`] = v
  for (const [k, v] of Object.entries(call.has ?? {})) ctx[`aws:ResourceTag/${k}`] = v
  const keys = [...Object.keys(call.send ?? {}), ...(call.remove ?? [])]
  if (keys.length > 0) ctx['aws:TagKeys'] = keys
  if (call.boundary) ctx['iam:PermissionsBoundary'] = call.boundary
  if (call.policy) ctx['iam:PolicyARN'] = call.policy
  return ctx
}

function decide(policies: readonly PolicyDocument[], call: Call): Decision {
  return identityDecision({
    principal: PRINCIPAL,
    policies,
    boundary: null,
    action: call.action,
    resource: call.resource,
    context: context(call)
  })
}

const allowed = (d: Decision): boolean => d === 'Allowed'

describe('policies/migrate.json (+ role-chaining.json) refuses each escalation', () => {
  const both = [MIGRATE, CHAINING]

  it.each<[string, Call]>([
    ['a role created without the managed-by tag', { action: 'iam:CreateRole', resource: OURS }],
    [
      'a role created with another managed-by value',
      { action: 'iam:CreateRole', resource: OURS, send: { [TAGS.managedBy]: 'me' } }
    ],
    [
      'a role created off the role path',
      { action: 'iam:CreateRole', resource: `arn:aws:iam::${ACCOUNT}:role/admin`, send: MARK }
    ],
    [
      'AdministratorAccess attached to an untagged role under the path',
      { action: 'iam:AttachRolePolicy', resource: THEIRS, policy: ADMIN }
    ],
    [
      'another team’s untagged role re-trusted',
      { action: 'iam:UpdateAssumeRolePolicy', resource: THEIRS, has: { team: 'payments' } }
    ],
    ['an inline policy put on an untagged role', { action: 'iam:PutRolePolicy', resource: THEIRS }],
    [
      'the boundary of an untagged role removed',
      { action: 'iam:DeleteRolePermissionsBoundary', resource: THEIRS, boundary: BOUNDARY }
    ],
    [
      'the managed-by tag added to an untagged role',
      { action: 'iam:TagRole', resource: THEIRS, send: MARK, has: { team: 'payments' } }
    ],
    [
      'the managed-by tag added to a role without any tag',
      { action: 'iam:TagRole', resource: THEIRS, send: MARK }
    ],
    [
      'the managed-by tag removed from a managed role',
      { action: 'iam:UntagRole', resource: OURS, has: MARK, remove: [TAGS.managedBy] }
    ],
    [
      'a new version of another team’s policy under the path',
      {
        action: 'iam:CreatePolicyVersion',
        resource: `arn:aws:iam::${ACCOUNT}:policy/github-actions/their-policy`
      }
    ],
    [
      'the managed-by tag added to another team’s policy',
      {
        action: 'iam:TagPolicy',
        resource: `arn:aws:iam::${ACCOUNT}:policy/github-actions/their-policy`,
        send: MARK
      }
    ],
    [
      'a role the administrator did not opt in to chaining re-trusted (role-chaining.json)',
      { action: 'iam:UpdateAssumeRolePolicy', resource: `arn:aws:iam::${ACCOUNT}:role/prod-admin` }
    ]
  ])('denies %s', (_, call) => {
    expect(decide(both, call)).not.toBe('Allowed')
  })

  it.each<[string, Call]>([
    [
      'CreateRole with the tag on the path',
      { action: 'iam:CreateRole', resource: OURS, send: MARK }
    ],
    [
      // IAM includes aws:ResourceTag in a request that creates a resource with tags (the global
      // condition keys reference, aws:ResourceTag "Availability"), so the TagRole that CreateRole
      // with tags also needs sees the new role's managed-by tag.
      'the TagRole check of that CreateRole',
      { action: 'iam:TagRole', resource: OURS, send: { ...MARK, team: 'x' }, has: MARK }
    ],
    [
      'AttachRolePolicy on a managed role',
      { action: 'iam:AttachRolePolicy', resource: OURS, has: MARK }
    ],
    [
      'UpdateAssumeRolePolicy on a managed role',
      { action: 'iam:UpdateAssumeRolePolicy', resource: OURS, has: MARK }
    ],
    [
      'TagRole of other keys on a managed role',
      { action: 'iam:TagRole', resource: OURS, send: { [TAGS.workflows]: 'a.yml' }, has: MARK }
    ],
    [
      'UntagRole of the plain key id on a managed role',
      { action: 'iam:UntagRole', resource: OURS, has: MARK, remove: [TAGS.legacySourceKey] }
    ],
    [
      'UpdateAssumeRolePolicy on a role opted in to chaining',
      {
        action: 'iam:UpdateAssumeRolePolicy',
        resource: `arn:aws:iam::${ACCOUNT}:role/deploy`,
        has: { [TAGS.allowChaining]: 'true' }
      }
    ]
  ])('allows %s', (_, call) => {
    expect(decide(both, call)).toBe('Allowed')
  })
})

describe('policies/migrate-with-boundary.json: every role has the boundary', () => {
  it.each<[string, Call]>([
    ['a role created without a boundary', { action: 'iam:CreateRole', resource: OURS, send: MARK }],
    [
      'a role created with another boundary',
      {
        action: 'iam:CreateRole',
        resource: OURS,
        send: MARK,
        boundary: `arn:aws:iam::${ACCOUNT}:policy/wide-open`
      }
    ],
    [
      'AdministratorAccess attached to a managed role without the boundary',
      { action: 'iam:AttachRolePolicy', resource: OURS, has: MARK, policy: ADMIN }
    ],
    [
      'an inline policy put on a managed role with another boundary',
      {
        action: 'iam:PutRolePolicy',
        resource: OURS,
        has: MARK,
        boundary: `arn:aws:iam::${ACCOUNT}:policy/wide-open`
      }
    ],
    [
      'the boundary replaced by another',
      {
        action: 'iam:PutRolePermissionsBoundary',
        resource: OURS,
        has: MARK,
        boundary: `arn:aws:iam::${ACCOUNT}:policy/wide-open`
      }
    ],
    [
      'the boundary removed',
      { action: 'iam:DeleteRolePermissionsBoundary', resource: OURS, has: MARK, boundary: BOUNDARY }
    ],
    [
      'the managed-by tag added to an untagged role',
      { action: 'iam:TagRole', resource: THEIRS, send: MARK }
    ]
  ])('denies %s', (_, call) => {
    expect(decide([MIGRATE_BOUNDARY], call)).not.toBe('Allowed')
  })

  it('allows creating with the boundary, setting it, and granting within it', () => {
    const calls: Call[] = [
      { action: 'iam:CreateRole', resource: OURS, send: MARK, boundary: BOUNDARY },
      { action: 'iam:PutRolePermissionsBoundary', resource: OURS, has: MARK, boundary: BOUNDARY },
      {
        action: 'iam:AttachRolePolicy',
        resource: OURS,
        has: MARK,
        boundary: BOUNDARY,
        policy: ADMIN
      },
      { action: 'iam:PutRolePolicy', resource: OURS, has: MARK, boundary: BOUNDARY },
      { action: 'iam:UpdateAssumeRolePolicy', resource: OURS, has: MARK, boundary: BOUNDARY }
    ]
    expect(calls.map((c) => [c.action, allowed(decide([MIGRATE_BOUNDARY], c))])).toEqual(
      calls.map((c) => [c.action, true])
    )
  })
})
