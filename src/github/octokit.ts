/**
 * The one Octokit of the action: `@actions/github`'s client with the retry plugin (5xx and
 * network failures) and the throttling plugin (primary and secondary rate limits, honouring
 * `retry-after`). The base URL comes from `GITHUB_API_URL`, which the runner sets for GitHub
 * Enterprise Server (`https://HOST/api/v3`); GraphQL then goes to `https://HOST/api/graphql`.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Octokit = ReturnType<typeof getOctokit>

export interface OctokitOptions {
  readonly token: string
  /** Default: `GITHUB_API_URL`, else `https://api.github.com`. */
  readonly baseUrl?: string
  /** How many times one request is retried after a 5xx or a rate limit (default 3). */
  readonly retries?: number
  /**
   * Milliseconds per unit of back-off: retries wait 1, 4, 9... units and rate limits wait
   * `retry-after` units (default 1000, i.e. seconds). Tests make it small.
   */
  readonly retryAfterBaseValue?: number
  /** Where retry notices go (default `core.info`). */
  readonly log?: (message: string) => void
  /**
   * More options for the throttling plugin. Tests pass their own `write` and `notifications`
   * limiter groups to drop the 1 s / 3 s spacing GitHub recommends between writes.
   */
  readonly throttle?: Readonly<Record<string, unknown>>
}

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL ?? '').trim().replace(/\/+$/, '') || 'https://api.github.com'
}

export function createOctokit(options: OctokitOptions): Octokit {
  if (!options.token) {
    throw new Error(
      "Input 'github-token': no token; pass a token (the default is the workflow's GITHUB_TOKEN)"
    )
  }
  const retries = options.retries ?? 3
  const base = options.retryAfterBaseValue ?? 1000
  const log = options.log ?? ((message: string) => core.info(message))
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      if (retryCount >= retries) {
        log(`${kind} on ${request.method} ${request.url}: giving up after ${retryCount} retries`)
        return false
      }
      log(`${kind} on ${request.method} ${request.url}: retrying after ${retryAfter} s`)
      return true
    }
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl ?? apiBaseUrl(),
      userAgent: 'aws-keys-to-oidc',
      retry: { retries, retryAfterBaseValue: base },
      throttle: {
        ...options.throttle,
        retryAfterBaseValue: base,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
}
