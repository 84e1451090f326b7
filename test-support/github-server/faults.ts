/**
 * The server's fault injection: faults armed by `failNext`, taken by the requests they match
 * (after `skip` of them), and the cut a `killed` fault leaves (every later request dropped until
 * `heal()`), with the answer each fault gives.
 */
import type { Reply } from './context.js'
import { HttpError } from './auth.js'

export interface Fault {
  /** The route key, e.g. `POST /repos/{owner}/{repo}/git/commits` or `POST /graphql`. */
  readonly route: string
  /**
   * - `server-error`: 500;
   * - `secondary-rate-limit`: 403 with GitHub's secondary rate limit message and `retry-after`;
   * - `primary-rate-limit`: 403 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` set
   *   `retryAfter` seconds ahead, as GitHub answers a token whose hourly quota is spent;
   * - `validation`: 422 Validation Failed;
   * - `lost-response`: the request takes effect, then the answer is a 500 (a retry sees the result);
   * - `forbidden`: 403 `Resource not accessible by integration` (a denied write), no effect;
   * - `killed`: the request takes effect, then `onKilled` runs (a fault harness kills the client's
   *   process there) and the connection is dropped unanswered, as is every later request until
   *   `heal()`.
   */
  readonly kind:
    | 'server-error'
    | 'secondary-rate-limit'
    | 'primary-rate-limit'
    | 'validation'
    | 'lost-response'
    | 'forbidden'
    | 'killed'
  /** Seconds, for `secondary-rate-limit` and `primary-rate-limit` (default 1). */
  readonly retryAfter?: number
  /** How many matching requests fail (default 1). */
  readonly times?: number
  /** How many matching requests pass before the first that fails (default 0). */
  readonly skip?: number
  /** For `killed`: runs once the request took effect, before the connection is dropped. */
  readonly onKilled?: () => void
}

export interface Faults {
  /** True after a `killed` fault, until `heal()`. */
  readonly cut: boolean
  add(fault: Fault): void
  /** The fault the next request on `route` meets, or null. */
  take(route: string): Fault | null
  /** A `killed` fault took effect: run its `onKilled`, then drop everything. */
  kill(): void
  heal(): void
}

export function createFaults(): Faults {
  const armed: { fault: Fault; left: number; skip: number }[] = []
  let killed: Fault | null = null
  let cut = false
  return {
    get cut() {
      return cut
    },
    add(fault) {
      armed.push({ fault, left: fault.times ?? 1, skip: fault.skip ?? 0 })
    },
    take(route) {
      const entry = armed.find((f) => f.fault.route === route && f.left > 0)
      if (!entry) return null
      if (entry.skip > 0) {
        entry.skip--
        return null
      }
      entry.left--
      if (entry.fault.kind === 'killed') killed = entry.fault
      return entry.fault
    },
    kill() {
      cut = true
      killed?.onKilled?.()
      killed = null
    },
    heal() {
      armed.length = 0
      killed = null
      cut = false
    }
  }
}

export function faultReply(fault: Fault, docs: string): Reply {
  switch (fault.kind) {
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': String(fault.retryAfter ?? 1), 'x-ratelimit-remaining': '4000' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID TEST:FAULT.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403'
        }
      }
    case 'primary-rate-limit': {
      const reset = Math.ceil(Date.now() / 1000) + (fault.retryAfter ?? 1)
      return {
        status: 403,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': fault.route === 'POST /graphql' ? 'graphql' : 'core'
        },
        body: {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits',
          status: '403'
        }
      }
    }
    case 'validation':
      return {
        status: 422,
        body: new HttpError(422, 'Validation Failed', docs, { errors: [] }).body()
      }
    case 'forbidden':
      return {
        status: 403,
        body: new HttpError(403, 'Resource not accessible by integration', docs).body()
      }
    case 'server-error':
    case 'lost-response':
    case 'killed':
      return { status: 500, body: new HttpError(500, 'Server Error', docs).body() }
  }
}
