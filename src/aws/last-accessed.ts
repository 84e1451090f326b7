/**
 * What a user's key used (reads only): IAM service last accessed data at action level.
 * `iam:GenerateServiceLastAccessedDetails` starts a job for the user's ARN;
 * `iam:GetServiceLastAccessedDetails` is polled (bounded) until the job is `COMPLETED`, then read
 * page by page. The report lists every service the user's permissions policies grant, with its
 * last authenticated use (none when never used in the tracking period) and, for the services IAM
 * tracks actions of, each tracked action. A job that fails, does not complete in time or is
 * refused is an `unavailable` record, never an error of the run: the plan then copies the
 * permissions as they are.
 */
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type ServiceLastAccessed
} from '@aws-sdk/client-iam'
import { errorMessage } from '../errors.js'
import type { AwsApi } from './clients.js'
import type { ServiceUsage, UsageFacts } from './plan/facts.js'

export interface UsagePolling {
  /** Milliseconds between two polls of the job (IAM usually completes in seconds). */
  readonly intervalMs: number
  /** Milliseconds after which a job not yet completed is given up (a warning, not an error). */
  readonly timeoutMs: number
  /** Waits `ms` (tests pass a clock that does not wait). */
  readonly sleep: (ms: number) => Promise<void>
  /** The current time in milliseconds. */
  readonly now: () => number
}

export const DEFAULT_POLLING: UsagePolling = {
  intervalMs: 1000,
  timeoutMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now()
}

/** The user's last accessed data, or why there is none. Never throws. */
export async function readServiceUsage(
  api: AwsApi,
  userArn: string,
  polling: UsagePolling = DEFAULT_POLLING
): Promise<UsageFacts> {
  let jobId: string
  try {
    const started = await api.iam.send(
      noServerRetry(
        new GenerateServiceLastAccessedDetailsCommand({ Arn: userArn, Granularity: 'ACTION_LEVEL' })
      )
    )
    if (!started.JobId) throw new Error('iam:GenerateServiceLastAccessedDetails returned no JobId')
    jobId = started.JobId
  } catch (error) {
    return unavailable('error', `iam:GenerateServiceLastAccessedDetails: ${errorMessage(error)}`)
  }
  const deadline = polling.now() + polling.timeoutMs
  try {
    for (;;) {
      const first = await api.iam.send(
        noServerRetry(new GetServiceLastAccessedDetailsCommand({ JobId: jobId }))
      )
      if (first.JobStatus === 'FAILED') {
        const reason = first.Error
          ? `${first.Error.Code}: ${first.Error.Message}`
          : 'no reason given'
        return unavailable('failed', `the last accessed job failed (${reason})`)
      }
      if (first.JobStatus === 'COMPLETED') {
        const services = [...(first.ServicesLastAccessed ?? [])]
        let marker = first.IsTruncated ? first.Marker : undefined
        while (marker) {
          const page = await api.iam.send(
            noServerRetry(
              new GetServiceLastAccessedDetailsCommand({ JobId: jobId, Marker: marker })
            )
          )
          services.push(...(page.ServicesLastAccessed ?? []))
          marker = page.IsTruncated ? page.Marker : undefined
        }
        return {
          status: 'available',
          generatedAt: (first.JobCompletionDate ?? new Date(polling.now())).toISOString(),
          services: services.map(serviceUsage)
        }
      }
      if (polling.now() + polling.intervalMs > deadline) {
        return unavailable(
          'timeout',
          `the last accessed job did not complete within ${Math.round(polling.timeoutMs / 1000)} s`
        )
      }
      await polling.sleep(polling.intervalMs)
    }
  } catch (error) {
    return unavailable('error', `iam:GetServiceLastAccessedDetails: ${errorMessage(error)}`)
  }
}

/**
 * The command, not retried when the server answers 5xx: an endpoint without these APIs (moto)
 * answers 500, and the client's eight adaptive attempts would hold every run for seconds for
 * data whose absence is only a warning. Throttling is still retried.
 */
function noServerRetry<
  C extends GenerateServiceLastAccessedDetailsCommand | GetServiceLastAccessedDetailsCommand
>(command: C): C {
  // The SDK's middleware types are generic over every IAM command; this one only rewraps errors.
  const stack = command.middlewareStack as unknown as { add: MiddlewareAdd }
  stack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args)
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode
        if (status === undefined || status < 500) throw error
        // Without $metadata the retry strategy sees no server error, so it does not try again.
        throw new Error(`HTTP ${status}: ${errorMessage(error)}`, { cause: error })
      }
    },
    // High priority: around the deserializer, whose error carries the status; inside the retry.
    { step: 'deserialize', name: 'lastAccessedNoServerRetry', priority: 'high' }
  )
  return command
}

type MiddlewareAdd = (
  middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
  options: { step: 'deserialize'; name: string; priority: 'high' }
) => void

function serviceUsage(s: ServiceLastAccessed): ServiceUsage {
  const namespace = (s.ServiceNamespace ?? '').toLowerCase()
  return {
    namespace,
    name: s.ServiceName ?? namespace,
    lastAuthenticated: s.LastAuthenticated ? s.LastAuthenticated.toISOString() : null,
    region: s.LastAuthenticatedRegion ?? null,
    entity: s.LastAuthenticatedEntity ?? null,
    actions: s.TrackedActionsLastAccessed
      ? s.TrackedActionsLastAccessed.map((a) => ({
          // IAM names the action alone (`CreateBucket`); a prefixed name is accepted too.
          name: (a.ActionName ?? '').replace(/^[\w-]+:/, ''),
          lastAccessed: a.LastAccessedTime ? a.LastAccessedTime.toISOString() : null,
          region: a.LastAccessedRegion ?? null
        }))
      : null
  }
}

/** The detail on one line: SDK messages span several, and it is shown in a sentence. */
function unavailable(cause: 'timeout' | 'failed' | 'error', detail: string): UsageFacts {
  return { status: 'unavailable', cause, detail: detail.replace(/\s+/g, ' ').trim() }
}
