/**
 * Reading IAM service last accessed data (src/aws/last-accessed.ts). moto does not implement
 * GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails, so these run against
 * aws-sdk-client-mock with responses shaped as the IAM API reference documents them (JobStatus,
 * ServicesLastAccessed with TrackedActionsLastAccessed, IsTruncated/Marker, Error).
 */
import { describe, expect, it } from '@jest/globals'
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  IAMClient
} from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { SERVICES_LAST_ACCESSED, USER_ARN } from '../../__fixtures__/right-size/broad-user.js'
import type { AwsApi } from '../../src/aws/clients.js'
import { readServiceUsage, type UsagePolling } from '../../src/aws/last-accessed.js'
import { MOTO_CREDENTIALS } from '../../test-support/moto.js'

function mocked() {
  const iam = new IAMClient({ region: 'us-east-1', credentials: MOTO_CREDENTIALS })
  const mock = mockClient(iam)
  const api: AwsApi = { iam, sts: new STSClient({ region: 'us-east-1' }), region: 'us-east-1' }
  return { mock, api }
}

/** A clock that advances by each wait instead of waiting. */
function fakeClock(timeoutMs = 10_000): UsagePolling & { readonly waits: number[] } {
  let now = 0
  const waits: number[] = []
  return {
    intervalMs: 1000,
    timeoutMs,
    now: () => now,
    sleep: (ms) => {
      waits.push(ms)
      now += ms
      return Promise.resolve()
    },
    waits
  }
}

const completed = new Date('2026-12-01T00:00:00Z')

describe('readServiceUsage', () => {
  it('starts an action-level job for the user, polls until COMPLETED and reads every page', async () => {
    const { mock, api } = mocked()
    mock.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-1' })
    mock
      .on(GetServiceLastAccessedDetailsCommand, { JobId: 'job-1' })
      .resolvesOnce({ JobStatus: 'IN_PROGRESS', JobType: 'ACTION_LEVEL', ServicesLastAccessed: [] })
      .resolvesOnce({
        JobStatus: 'COMPLETED',
        JobType: 'ACTION_LEVEL',
        JobCreationDate: completed,
        JobCompletionDate: completed,
        ServicesLastAccessed: SERVICES_LAST_ACCESSED.slice(0, 3),
        IsTruncated: true,
        Marker: 'page-2'
      })
    mock.on(GetServiceLastAccessedDetailsCommand, { JobId: 'job-1', Marker: 'page-2' }).resolves({
      JobStatus: 'COMPLETED',
      JobCompletionDate: completed,
      ServicesLastAccessed: SERVICES_LAST_ACCESSED.slice(3),
      IsTruncated: false
    })
    const clock = fakeClock()
    const usage = await readServiceUsage(api, USER_ARN, clock)

    expect(mock.commandCalls(GenerateServiceLastAccessedDetailsCommand)[0]?.args[0].input).toEqual({
      Arn: USER_ARN,
      Granularity: 'ACTION_LEVEL'
    })
    expect(clock.waits).toEqual([1000])
    if (usage.status !== 'available') throw new Error(JSON.stringify(usage))
    expect(usage.generatedAt).toBe('2026-12-01T00:00:00.000Z')
    expect(usage.services.map((s) => s.namespace)).toEqual(
      SERVICES_LAST_ACCESSED.map((s) => s.ServiceNamespace)
    )
    expect(usage.services[0]).toEqual({
      namespace: 's3',
      name: 'Amazon S3',
      lastAuthenticated: '2026-11-20T10:00:00.000Z',
      region: 'us-east-1',
      entity: USER_ARN,
      actions: [
        { name: 'ListAllMyBuckets', lastAccessed: '2026-11-20T10:00:00.000Z', region: 'us-east-1' },
        { name: 'CreateBucket', lastAccessed: null, region: null },
        { name: 'DeleteBucket', lastAccessed: null, region: null }
      ]
    })
    // A service never used in the tracking period, and one IAM tracks no actions of.
    expect(usage.services.find((s) => s.namespace === 'ec2')).toMatchObject({
      lastAuthenticated: null,
      actions: null
    })
  })

  it('gives up after the timeout: a warning record, not an error', async () => {
    const { mock, api } = mocked()
    mock.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-2' })
    mock.on(GetServiceLastAccessedDetailsCommand).resolves({ JobStatus: 'IN_PROGRESS' })
    const clock = fakeClock(5000)
    const usage = await readServiceUsage(api, USER_ARN, clock)
    expect(usage).toEqual({
      status: 'unavailable',
      cause: 'timeout',
      detail: 'the last accessed job did not complete within 5 s'
    })
    expect(clock.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000)
  })

  it('records a FAILED job with IAM’s reason', async () => {
    const { mock, api } = mocked()
    mock.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'job-3' })
    mock.on(GetServiceLastAccessedDetailsCommand).resolves({
      JobStatus: 'FAILED',
      Error: { Code: 'InternalError', Message: 'report could not be generated' }
    })
    expect(await readServiceUsage(api, USER_ARN, fakeClock())).toEqual({
      status: 'unavailable',
      cause: 'failed',
      detail: 'the last accessed job failed (InternalError: report could not be generated)'
    })
  })

  it('records a refused call (no permission) and never polls', async () => {
    const { mock, api } = mocked()
    mock
      .on(GenerateServiceLastAccessedDetailsCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' }))
    const usage = await readServiceUsage(api, USER_ARN, fakeClock())
    expect(usage).toMatchObject({ status: 'unavailable', cause: 'error' })
    expect(usage.status === 'unavailable' && usage.detail).toMatch(
      /GenerateServiceLastAccessedDetails: User is not authorized/
    )
    expect(mock.commandCalls(GetServiceLastAccessedDetailsCommand)).toHaveLength(0)
  })
})
