/**
 * The seeds of the several-accounts tests (issue 14): an IAM user with a key and a small inline
 * policy, and a further account's administrator role. Moto separates accounts by the
 * credentials' account: `sts:AssumeRole` into a role of account B (which need not exist yet)
 * yields credentials that act in B, so the role is created with its own credentials.
 */
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { awsPolicy } from '../aws/seed.js'

export const BASE_ACCOUNT = '123456789012'
export const OTHER_ACCOUNT = '222233334444'
export const OTHER_ADMIN_ROLE = `arn:aws:iam::${OTHER_ACCOUNT}:role/migration-admin`

/** A user with an inline S3 policy and one access key; returns the key id. */
export async function seedKeyUser(iam: IAMClient, name: string): Promise<string> {
  await iam.send(new CreateUserCommand({ UserName: name }))
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'work',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${name}/*` }]
      })
    })
  )
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }))
  return key.AccessKey?.AccessKeyId ?? ''
}

export interface MotoAccess {
  readonly endpoint: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

/**
 * Account B's administrator role `migration-admin` (trusting the base account, holding
 * AdministratorAccess), created with credentials acting in B; returns a client acting in B.
 */
export async function seedOtherAccount(base: MotoAccess): Promise<IAMClient> {
  const config = {
    region: base.region,
    endpoint: base.endpoint,
    credentials: { accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey }
  }
  const sts = new STSClient(config)
  const session = await sts.send(
    new AssumeRoleCommand({ RoleArn: OTHER_ADMIN_ROLE, RoleSessionName: 'seed' })
  )
  sts.destroy()
  const c = session.Credentials
  const iam = new IAMClient({
    ...config,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? ''
    }
  })
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'migration-admin',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${BASE_ACCOUNT}:root` },
            Action: 'sts:AssumeRole'
          }
        ]
      })
    })
  )
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'migration-admin',
      PolicyArn: awsPolicy('AdministratorAccess')
    })
  )
  return iam
}
