/**
 * Named IAM scenarios seeded into moto through the real SDK (tests, the benchmark, the demo):
 * users with managed, inline and group policies, tags and access keys; a user over the role
 * quotas; a user whose keys only assume another role; a key of another account.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'

export const ACCOUNT = '123456789012'
export const arn = (resource: string): string => `arn:aws:iam::${ACCOUNT}:${resource}`
export const awsPolicy = (name: string): string => `arn:aws:iam::aws:policy/${name}`

export interface SeededUser {
  readonly userName: string
  readonly userArn: string
  readonly accessKeyId: string
}

type Doc = { Version: string; Statement: unknown[] }
const doc = (...statements: unknown[]): Doc => ({ Version: '2012-10-17', Statement: statements })

export interface SeedClients {
  readonly iam: IAMClient
  readonly sts: STSClient
}

async function createPolicy(iam: IAMClient, name: string, document: Doc): Promise<string> {
  const r = await iam.send(
    new CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document) })
  )
  return r.Policy?.Arn ?? arn(`policy/${name}`)
}

async function accessKey(iam: IAMClient, userName: string): Promise<string> {
  const r = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
  return r.AccessKey?.AccessKeyId ?? ''
}

/** The boundary a test injects into GetUser for `deployer` (moto cannot store user boundaries). */
export const DEPLOYER_BOUNDARY_NAME = 'deployer-boundary'

export const DEPLOYER_DOCS = {
  deployS3: doc(
    {
      Sid: 'Upload',
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject'],
      Resource: 'arn:aws:s3:::deploy-bucket/*'
    },
    { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::deploy-bucket' }
  ),
  boundary: doc({
    Effect: 'Allow',
    Action: ['s3:*', 'logs:*', 'lambda:*', 'ec2:Describe*', 'cloudfront:CreateInvalidation'],
    Resource: '*'
  }),
  userInline: doc(
    {
      Sid: 'OwnPrefix',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::home-bucket/${aws:username}/*'
    },
    {
      Sid: 'Lambda',
      Effect: 'Allow',
      Action: 'lambda:UpdateFunctionCode',
      Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:site-*`
    },
    {
      Sid: 'OfficeOnly',
      Effect: 'Allow',
      Action: 'cloudfront:CreateInvalidation',
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }
    },
    { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }
  ),
  groupInline: doc({
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/deploy/*`
  })
}

/**
 * `deployer`: customer policy `deploy-s3` (on the user and on its group: deduplicated), AWS
 * policy AmazonEC2ReadOnlyAccess on the user, an inline policy with `${aws:username}`, an
 * `aws:SourceIp` condition and a Deny, group `developers` with AmazonS3ReadOnlyAccess and an
 * inline policy, tags, one access key; and the managed policy used as its boundary.
 */
export async function seedDeployer(
  { iam }: SeedClients,
  userName = 'deployer'
): Promise<SeededUser & { boundaryArn: string }> {
  await iam.send(
    new CreateUserCommand({
      UserName: userName,
      Tags: [
        { Key: 'team', Value: 'platform' },
        { Key: 'cost-center', Value: '42' }
      ]
    })
  )
  const deployS3 = await createPolicy(iam, `${userName}-deploy-s3`, DEPLOYER_DOCS.deployS3)
  const boundaryArn = await createPolicy(iam, `${userName}-boundary`, DEPLOYER_DOCS.boundary)
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: deployS3 }))
  await iam.send(
    new AttachUserPolicyCommand({ UserName: userName, PolicyArn: awsPolicy('AmazonEC2ReadOnlyAccess') })
  )
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'site',
      PolicyDocument: JSON.stringify(DEPLOYER_DOCS.userInline)
    })
  )
  const group = `${userName}-developers`
  await iam.send(new CreateGroupCommand({ GroupName: group }))
  await iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: userName }))
  await iam.send(
    new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: awsPolicy('AmazonS3ReadOnlyAccess') })
  )
  await iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: deployS3 }))
  await iam.send(
    new PutGroupPolicyCommand({
      GroupName: group,
      PolicyName: 'logs',
      PolicyDocument: JSON.stringify(DEPLOYER_DOCS.groupInline)
    })
  )
  return {
    userName,
    userArn: arn(`user/${userName}`),
    accessKeyId: await accessKey(iam, userName),
    boundaryArn
  }
}

/**
 * `bulky`: 12 customer-managed and 2 AWS-managed policies (over the 10 a role may have) and
 * inline policies of about 12,000 characters together (over the role's 10,240).
 */
export async function seedOverQuota({ iam }: SeedClients, userName = 'bulky'): Promise<SeededUser> {
  await iam.send(new CreateUserCommand({ UserName: userName }))
  for (let i = 1; i <= 12; i++) {
    const policy = await createPolicy(
      iam,
      `${userName}-table-${i}`,
      doc({
        Sid: `Table${i}`,
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/table-${i}`
      })
    )
    await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policy }))
  }
  for (const name of ['AmazonS3ReadOnlyAccess', 'AmazonSQSReadOnlyAccess']) {
    await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: awsPolicy(name) }))
  }
  for (let i = 1; i <= 4; i++) {
    const statements = Array.from({ length: 24 }, (_, j) => ({
      Sid: `Queue${i}x${j}`,
      Effect: 'Allow',
      Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
      Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-${i}-${j}`
    }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: `queues-${i}`,
        PolicyDocument: JSON.stringify(doc(...statements))
      })
    )
  }
  return { userName, userArn: arn(`user/${userName}`), accessKeyId: await accessKey(iam, userName) }
}

/** `assumer`: may only assume role `deploy-target`, which trusts it (role chaining). */
export async function seedChaining(
  { iam }: SeedClients,
  userName = 'assumer'
): Promise<SeededUser & { roleArn: string; trust: Doc }> {
  await iam.send(new CreateUserCommand({ UserName: userName }))
  const trust = doc({
    Sid: 'TrustAssumer',
    Effect: 'Allow',
    Principal: { AWS: arn(`user/${userName}`) },
    Action: 'sts:AssumeRole'
  })
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: `${userName}-deploy-target`,
      AssumeRolePolicyDocument: JSON.stringify(trust)
    })
  )
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'assume',
      PolicyDocument: JSON.stringify(
        doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.Role?.Arn ?? '' })
      )
    })
  )
  return {
    userName,
    userArn: arn(`user/${userName}`),
    accessKeyId: await accessKey(iam, userName),
    roleArn: role.Role?.Arn ?? '',
    trust
  }
}

/**
 * A user and key in another account (moto keeps accounts apart: the session of a role assumed
 * in account `account` acts there).
 */
export async function seedOtherAccountKey(
  { sts }: SeedClients,
  endpoint: string,
  account = '210987654321'
): Promise<SeededUser> {
  const session = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/admin`, RoleSessionName: 'seed' })
  )
  const c = session.Credentials
  const other = new IAMClient({
    region: 'us-east-1',
    endpoint,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? ''
    }
  })
  await other.send(new CreateUserCommand({ UserName: 'elsewhere' }))
  const key = await accessKey(other, 'elsewhere')
  other.destroy()
  return { userName: 'elsewhere', userArn: `arn:aws:iam::${account}:user/elsewhere`, accessKeyId: key }
}
