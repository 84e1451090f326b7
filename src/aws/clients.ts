/**
 * The IAM and STS clients, built once (like configure-aws-credentials' CredentialsClient) and
 * passed to every AWS function. Credentials come from the SDK's default chain (normally set by a
 * configure-aws-credentials step before this action); `AWS_ENDPOINT_URL` points the clients at
 * another endpoint (moto in tests and the demo). Throttling is retried by the SDK in adaptive
 * mode; IAM's eventual consistency is handled by waiters where the action creates something.
 */
import { IAMClient } from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'

/** What every function of `src/aws/` takes: the two clients and the region they were made for. */
export interface AwsApi {
  readonly iam: IAMClient
  readonly sts: STSClient
  readonly region: string
  /** The endpoint override the clients were made with, for clients of the same endpoint. */
  readonly endpoint?: string
}

export interface AwsClientOptions {
  /** The `aws-region` input. IAM is global; STS is called in this region. */
  readonly region: string
  /** An endpoint override (e.g. `http://127.0.0.1:5000`); default `AWS_ENDPOINT_URL` when set. */
  readonly endpoint?: string | undefined
  /** Explicit credentials; default the SDK's credential chain. */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined
  /** Attempts per call including retries (default 8). */
  readonly maxAttempts?: number
}

/** Builds the IAM and STS clients once. */
export function createAwsClients(options: AwsClientOptions): AwsApi {
  const endpoint = options.endpoint ?? endpointFromEnv()
  const common = {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 8,
    retryMode: 'adaptive' as const,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {})
  }
  return {
    iam: new IAMClient(common),
    sts: new STSClient(common),
    region: options.region,
    ...(endpoint ? { endpoint } : {})
  }
}

/** `AWS_ENDPOINT_URL` when set and not empty. */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.AWS_ENDPOINT_URL?.trim()
  return value ? value : undefined
}

/** Counts of the calls made through a pair of clients, by operation (`GetRole`, ...). */
export interface CallCounter {
  /** Operation name -> calls (logical calls: an SDK retry is not counted twice). */
  readonly calls: ReadonlyMap<string, number>
  total(): number
  /** Calls that change something in AWS. */
  writes(): number
  /** The write operations, in order, for messages (`CreateRole`, ...). */
  writeLog(): readonly string[]
  reset(): void
  /** Stops counting (removes the middleware). */
  detach(): void
}

const READ_PREFIXES = ['Get', 'List', 'Simulate', 'Generate', 'Decode']

/** True for an operation that changes state (everything but Get*, List*, Simulate*, ...). */
export function isWriteOperation(operation: string): boolean {
  return !READ_PREFIXES.some((p) => operation.startsWith(p))
}

/**
 * Counts every call made through `api` with an SDK middleware (used by the tests that prove a
 * second run writes nothing, and by the benchmark of calls per key pair).
 */
export function countCalls(api: AwsApi): CallCounter {
  const calls = new Map<string, number>()
  const log: string[] = []
  const name = `awsKeysToOidcCallCounter${Math.random().toString(36).slice(2)}`
  const middleware =
    <Input extends object, Output extends object>(
      next: (args: Input) => Promise<Output>,
      context: { commandName?: string }
    ) =>
    (args: Input): Promise<Output> => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '')
      calls.set(operation, (calls.get(operation) ?? 0) + 1)
      if (isWriteOperation(operation)) log.push(operation)
      return next(args)
    }
  const options = { step: 'initialize' as const, name }
  api.iam.middlewareStack.add(middleware as never, options)
  api.sts.middlewareStack.add(middleware as never, options)
  return {
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    writes: () => log.length,
    writeLog: () => [...log],
    reset: () => {
      calls.clear()
      log.length = 0
    },
    detach: () => {
      api.iam.middlewareStack.remove(name)
      api.sts.middlewareStack.remove(name)
    }
  }
}
