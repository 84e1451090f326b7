/**
 * A deploy user with broad policies (an S3 full-access and a power-user policy shaped like the
 * AWS-managed ones, an inline policy with a Deny, a group inline policy) and the last accessed
 * report IAM would give for it: the key used S3 (one tracked action of three), CloudFront and
 * IAM's ListRoles, nothing else. Responses are shaped as the IAM API reference documents
 * `GetServiceLastAccessedDetails` (ServicesLastAccessed, TrackedActionsLastAccessed).
 */
import type { ServiceLastAccessed } from '@aws-sdk/client-iam'
import type {
  ManagedPolicy,
  ServiceUsage,
  UsageFacts,
  UserInventory
} from '../../src/aws/plan/facts.js'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'

export const USER_ARN = 'arn:aws:iam::123456789012:user/ci/deployer'
export const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess'
export const POWER_USER = 'arn:aws:iam::aws:policy/PowerUserAccess'

const doc = (...Statement: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})

export const S3_FULL_DOC = doc({
  Effect: 'Allow',
  Action: ['s3:*', 's3-object-lambda:*'],
  Resource: '*'
})

export const POWER_USER_DOC = doc(
  {
    Effect: 'Allow',
    NotAction: ['iam:*', 'organizations:*', 'account:*'],
    Resource: '*'
  },
  {
    Effect: 'Allow',
    Action: [
      'iam:CreateServiceLinkedRole',
      'iam:DeleteServiceLinkedRole',
      'iam:ListRoles',
      'organizations:DescribeOrganization',
      'account:ListRegions'
    ],
    Resource: '*'
  }
)

export const INLINE_DOC = doc(
  {
    Sid: 'Invalidate',
    Effect: 'Allow',
    Action: 'cloudfront:CreateInvalidation',
    Resource: 'arn:aws:cloudfront::123456789012:distribution/E1',
    Condition: { Bool: { 'aws:SecureTransport': 'true' } }
  },
  { Sid: 'KeepBuckets', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }
)

export const GROUP_DOC = doc({
  Effect: 'Allow',
  Action: ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
  NotResource: 'arn:aws:lambda:*:123456789012:function:prod-*'
})

const managed = (arn: string, document: PolicyDocument): ManagedPolicy => ({
  arn,
  name: arn.split('/').pop() ?? arn,
  path: '/',
  awsManaged: true,
  defaultVersionId: 'v1',
  document
})

export const BROAD_USER: UserInventory = {
  name: 'deployer',
  arn: USER_ARN,
  id: 'AIDAEXAMPLE000000001',
  path: '/ci/',
  tags: [],
  boundaryArn: null,
  attached: [S3_FULL, POWER_USER],
  inline: [{ name: 'invalidate', document: INLINE_DOC }],
  groups: [{ name: 'lambda-deployers', attached: [], inline: [{ name: 'code', document: GROUP_DOC }] }],
  policies: new Map([
    [S3_FULL, managed(S3_FULL, S3_FULL_DOC)],
    [POWER_USER, managed(POWER_USER, POWER_USER_DOC)]
  ])
}

const at = (iso: string): Date => new Date(iso)

/** The report's `ServicesLastAccessed`, as the SDK hands it (dates as Date). */
export const SERVICES_LAST_ACCESSED: ServiceLastAccessed[] = [
  {
    ServiceName: 'Amazon S3',
    ServiceNamespace: 's3',
    LastAuthenticated: at('2026-11-20T10:00:00Z'),
    LastAuthenticatedEntity: USER_ARN,
    LastAuthenticatedRegion: 'us-east-1',
    TotalAuthenticatedEntities: 1,
    TrackedActionsLastAccessed: [
      {
        ActionName: 'ListAllMyBuckets',
        LastAccessedEntity: USER_ARN,
        LastAccessedRegion: 'us-east-1',
        LastAccessedTime: at('2026-11-20T10:00:00Z')
      },
      { ActionName: 'CreateBucket' },
      { ActionName: 'DeleteBucket' }
    ]
  },
  {
    ServiceName: 'Amazon S3 Object Lambda',
    ServiceNamespace: 's3-object-lambda',
    TotalAuthenticatedEntities: 0
  },
  {
    ServiceName: 'Amazon CloudFront',
    ServiceNamespace: 'cloudfront',
    LastAuthenticated: at('2026-11-20T10:05:00Z'),
    LastAuthenticatedEntity: USER_ARN,
    LastAuthenticatedRegion: 'us-east-1',
    TotalAuthenticatedEntities: 1
  },
  {
    ServiceName: 'AWS Identity and Access Management',
    ServiceNamespace: 'iam',
    LastAuthenticated: at('2026-06-01T08:00:00Z'),
    LastAuthenticatedEntity: USER_ARN,
    LastAuthenticatedRegion: 'us-east-1',
    TotalAuthenticatedEntities: 1,
    TrackedActionsLastAccessed: [
      {
        ActionName: 'ListRoles',
        LastAccessedEntity: USER_ARN,
        LastAccessedRegion: 'us-east-1',
        LastAccessedTime: at('2026-06-01T08:00:00Z')
      },
      { ActionName: 'CreateServiceLinkedRole' }
    ]
  },
  {
    ServiceName: 'AWS Lambda',
    ServiceNamespace: 'lambda',
    LastAuthenticated: at('2025-10-01T00:00:00Z'),
    LastAuthenticatedEntity: USER_ARN,
    LastAuthenticatedRegion: 'eu-west-1',
    TotalAuthenticatedEntities: 1,
    TrackedActionsLastAccessed: [
      { ActionName: 'GetFunction', LastAccessedTime: at('2025-10-01T00:00:00Z') },
      { ActionName: 'UpdateFunctionCode' }
    ]
  },
  { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', TotalAuthenticatedEntities: 0 },
  { ServiceName: 'Amazon DynamoDB', ServiceNamespace: 'dynamodb', TotalAuthenticatedEntities: 0 },
  {
    ServiceName: 'AWS Organizations',
    ServiceNamespace: 'organizations',
    TotalAuthenticatedEntities: 0
  },
  { ServiceName: 'AWS Account Management', ServiceNamespace: 'account', TotalAuthenticatedEntities: 0 }
]

/** The same report as the gather records it (see src/aws/last-accessed.ts). */
export const BROAD_USAGE: UsageFacts = {
  status: 'available',
  generatedAt: '2026-12-01T00:00:00.000Z',
  services: SERVICES_LAST_ACCESSED.map(
    (s): ServiceUsage => ({
      namespace: s.ServiceNamespace ?? '',
      name: s.ServiceName ?? '',
      lastAuthenticated: s.LastAuthenticated?.toISOString() ?? null,
      region: s.LastAuthenticatedRegion ?? null,
      entity: s.LastAuthenticatedEntity ?? null,
      actions:
        s.TrackedActionsLastAccessed?.map((a) => ({
          name: a.ActionName ?? '',
          lastAccessed: a.LastAccessedTime?.toISOString() ?? null,
          region: a.LastAccessedRegion ?? null
        })) ?? null
    })
  )
}
