/**
 * The broad user of broad-user.ts seeded into moto through the real SDK, and the small SDK
 * middleware that answers the two last accessed calls in front of moto (moto implements
 * neither), with the fixture's report, shaped as the IAM API reference documents it.
 */
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import type { AwsApi } from '../../src/aws/clients.js'
import { INLINE_DOC, SERVICES_LAST_ACCESSED } from './broad-user.js'

/** User `broad` (path /ci/): AmazonS3FullAccess, PowerUserAccess, an inline policy; its key id. */
export async function seedBroadUser(api: AwsApi): Promise<string> {
  await api.iam.send(new CreateUserCommand({ UserName: 'broad', Path: '/ci/' }))
  for (const name of ['AmazonS3FullAccess', 'PowerUserAccess']) {
    await api.iam.send(
      new AttachUserPolicyCommand({
        UserName: 'broad',
        PolicyArn: `arn:aws:iam::aws:policy/${name}`
      })
    )
  }
  await api.iam.send(
    new PutUserPolicyCommand({
      UserName: 'broad',
      PolicyName: 'invalidate',
      PolicyDocument: JSON.stringify(INLINE_DOC)
    })
  )
  const key = await api.iam.send(new CreateAccessKeyCommand({ UserName: 'broad' }))
  return key.AccessKey?.AccessKeyId ?? ''
}

const STUB = 'last-accessed-stub'

/** Answers the two last accessed calls (moto has neither); everything else goes to moto. */
export function answerLastAccessed(client: AwsApi['iam']): () => void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const respond = (output: object) => ({ output: { $metadata: {}, ...output }, response: {} })
      if (context.commandName === 'GenerateServiceLastAccessedDetailsCommand') {
        return respond({ JobId: 'job-1' }) as Awaited<ReturnType<typeof next>>
      }
      if (context.commandName === 'GetServiceLastAccessedDetailsCommand') {
        return respond({
          JobStatus: 'COMPLETED',
          JobType: 'ACTION_LEVEL',
          JobCompletionDate: new Date('2026-12-01T00:00:00Z'),
          ServicesLastAccessed: SERVICES_LAST_ACCESSED,
          IsTruncated: false
        }) as Awaited<ReturnType<typeof next>>
      }
      return next(args)
    },
    { step: 'initialize', name: STUB }
  )
  return () => client.middlewareStack.remove(STUB)
}

