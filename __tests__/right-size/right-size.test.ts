/**
 * Right-sizing (src/aws/plan/right-size.ts) on a user with broad policies and on single
 * statements: what is kept, reduced and removed, the quotas, and the fallback to copying.
 * The last accessed data is a fixture shaped as IAM's API reference documents it (moto does not
 * implement the service-last-accessed APIs).
 */
import { describe, expect, it } from '@jest/globals'
import {
  BROAD_USAGE,
  BROAD_USER,
  POWER_USER,
  S3_FULL
} from '../../__fixtures__/right-size/broad-user.js'
import { DEFAULT_QUOTAS, type ServiceUsage } from '../../src/aws/plan/facts.js'
import { PermissionsError, type PermissionsInput } from '../../src/aws/plan/permissions.js'
import type { PolicyStatement } from '../../src/aws/plan/policy-document.js'
import {
  choosePermissions,
  planRightSizedPermissions,
  reduceStatement,
  usedServices
} from '../../src/aws/plan/right-size.js'

const input: PermissionsInput = {
  inventory: BROAD_USER,
  quotas: DEFAULT_QUOTAS,
  roleName: 'github-acme-web-deployer',
  rolePath: '/github-actions/',
  accountId: '123456789012',
  partition: 'aws',
  foreignAttached: 0,
  foreignInlineSize: 0
}

const available = BROAD_USAGE.status === 'available' ? BROAD_USAGE : null
if (!available) throw new Error('fixture')

const service = (
  namespace: string,
  used: boolean,
  actions?: [string, boolean][]
): ServiceUsage => ({
  namespace,
  name: namespace,
  lastAuthenticated: used ? '2026-11-01T00:00:00.000Z' : null,
  region: used ? 'us-east-1' : null,
  entity: null,
  actions: actions
    ? actions.map(([name, u]) => ({
        name,
        lastAccessed: u ? '2026-11-01T00:00:00.000Z' : null,
        region: null
      }))
    : null
})

const usage = usedServices([
  service('s3', true, [
    ['ListAllMyBuckets', true],
    ['CreateBucket', false]
  ]),
  service('sqs', true),
  service('sns', false),
  service('ec2', false),
  service('iam', true)
])
const granted = ['s3', 'sqs', 'sns', 'ec2', 'iam']
const allow = (s: Omit<PolicyStatement, 'Effect'>): PolicyStatement => ({ Effect: 'Allow', ...s })

describe('reduceStatement', () => {
  it.each([
    [
      '* becomes one SERVICE:* per used service',
      allow({ Action: '*', Resource: '*' }),
      ['iam:*', 's3:*', 'sqs:*']
    ],
    [
      'an unused service goes',
      allow({ Action: ['sns:Publish', 'sqs:SendMessage'] }),
      'sqs:SendMessage'
    ],
    [
      'a wildcard service part (which IAM matches literally) stays as written',
      allow({ Action: 's*:Get*' }),
      's*:Get*'
    ],
    ['** is not * to IAM and stays as written', allow({ Action: '**' }), '**'],
    ['a wildcard inside a used service stays whole', allow({ Action: 's3:Get*' }), 's3:Get*'],
    [
      'a tracked action never used goes',
      allow({ Action: ['s3:CreateBucket', 's3:ListAllMyBuckets'] }),
      's3:ListAllMyBuckets'
    ],
    [
      'an untracked action of a tracked service stays',
      allow({ Action: 's3:PutObject' }),
      's3:PutObject'
    ],
    ['case does not matter', allow({ Action: 'S3:createbucket' }), null],
    [
      'NotAction excluding whole services becomes Action',
      allow({ NotAction: ['iam:*', 'ec2:*'] }),
      ['s3:*', 'sqs:*']
    ],
    [
      'an unused service part of NotAction is no exclusion',
      allow({ NotAction: ['sns:Publish', 'iam:*'] }),
      ['s3:*', 'sqs:*']
    ]
  ] as const)('%s', (_name, statement, action) => {
    const r = reduceStatement(statement, usage, granted)
    if (action === null) expect(r.statement).toBeNull()
    else expect(r.statement?.Action).toEqual(action)
  })

  it('keeps Resource, NotResource and Condition of the statement', () => {
    const statement = allow({
      Action: '*',
      NotResource: 'arn:aws:s3:::prod/*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }
    })
    const r = reduceStatement(statement, usage, granted).statement
    expect(r?.NotResource).toBe('arn:aws:s3:::prod/*')
    expect(r?.Condition).toEqual(statement.Condition)
    expect(r?.NotAction).toBeUndefined()
  })

  it('keeps a Deny whole, and a NotAction that excludes only some actions of a used service', () => {
    const deny: PolicyStatement = { Effect: 'Deny', Action: 'sns:*', Resource: '*' }
    expect(reduceStatement(deny, usage, granted).statement).toBe(deny)
    const partial = allow({ NotAction: 's3:DeleteBucket', Resource: '*' })
    const r = reduceStatement(partial, usage, granted)
    expect(r.statement).toBe(partial)
    expect(r.keptWhole).toBe(true)
  })

  it('names the services a statement no longer grants', () => {
    const r = reduceStatement(allow({ Action: ['sns:*', 'ec2:Describe*', 's3:*'] }), usage, granted)
    expect(r.removedServices).toEqual(['sns', 'ec2'])
  })
})

describe('planRightSizedPermissions on a user with broad policies', () => {
  const { permissions, rightSizing } = planRightSizedPermissions(input, available)
  const statements = permissions.merged.flatMap((m) => m.document.Statement)
  const actions = statements.flatMap((s) => [s.Action ?? []].flat())

  it('gives the role customer-managed policies of the action only, naming what they replace', () => {
    expect(permissions.attach).toEqual([])
    expect(permissions.inline).toEqual([])
    expect(permissions.merged.map((m) => m.name)).toEqual(['github-acme-web-deployer-merged-1'])
    expect(permissions.merged[0]?.sources).toEqual(
      expect.arrayContaining([`managed policy ${S3_FULL}`, `managed policy ${POWER_USER}`])
    )
  })

  it('keeps what was used and removes what was not', () => {
    expect(actions).toEqual(
      expect.arrayContaining(['s3:*', 'cloudfront:*', 'iam:ListRoles', 'lambda:GetFunction'])
    )
    for (const gone of [
      's3-object-lambda:*',
      'iam:CreateServiceLinkedRole',
      'organizations:DescribeOrganization',
      'account:ListRegions',
      'lambda:UpdateFunctionCode'
    ]) {
      expect(actions).not.toContain(gone)
    }
    expect(statements.some((s) => s.NotAction !== undefined)).toBe(false)
    expect(statements).toContainEqual({
      Sid: 'KeepBuckets',
      Effect: 'Deny',
      Action: 's3:DeleteBucket',
      Resource: '*'
    })
  })

  it('records, per source policy, the services and actions removed', () => {
    if (!rightSizing.applied) throw new Error('not applied')
    const bySource = new Map(rightSizing.sources.map((s) => [s.source, s]))
    expect(bySource.get(`managed policy ${S3_FULL}`)?.removedServices).toEqual(['s3-object-lambda'])
    expect(bySource.get(`managed policy ${POWER_USER}`)?.removedServices).toEqual(
      expect.arrayContaining(['account', 'dynamodb', 'ec2', 'organizations'])
    )
    expect(bySource.get(`managed policy ${POWER_USER}`)?.removedActions).toEqual([
      'iam:CreateServiceLinkedRole'
    ])
    expect(bySource.get('group lambda-deployers inline policy code')?.removedActions).toEqual([
      'lambda:UpdateFunctionCode'
    ])
  })

  it('refuses, naming the quota, when the policies do not fit', () => {
    expect(() =>
      planRightSizedPermissions(
        { ...input, quotas: { ...DEFAULT_QUOTAS, policySize: 200, attachedPoliciesPerRole: 1 } },
        available
      )
    ).toThrow(PermissionsError)
  })
})

describe('choosePermissions', () => {
  it('copies for permissions: copy, whatever the data', () => {
    const r = choosePermissions(input, 'copy', available)
    expect(r.rightSizing).toBeNull()
    expect(r.permissions.attach.map((a) => a.arn)).toEqual([S3_FULL, POWER_USER])
  })

  it.each([
    ['timeout', { status: 'unavailable', cause: 'timeout', detail: 'not within 60 s' }],
    ['not read', undefined]
  ] as const)('falls back to copying with a warning without data (%s)', (_n, data) => {
    const r = choosePermissions(input, 'last-accessed', data)
    expect(r.rightSizing?.applied).toBe(false)
    expect(r.permissions.attach.map((a) => a.arn)).toEqual([S3_FULL, POWER_USER])
    expect(r.permissions.warnings.join('\n')).toMatch(/last-accessed.*copied/)
  })
})
