/**
 * The action's own Octokit (`createOctokit`: the same retry and throttling plugins, the same
 * number of retries) with test timing: no 1 s / 3 s spacing GitHub recommends between writes,
 * and back-off in units of 5 ms instead of seconds. Against the local test server these only
 * make a run wait; what a run does (which requests, which retries, in which order) is unchanged.
 */
// The throttling plugin's own limiter library (a dependency of @octokit/plugin-throttling).
import Bottleneck from 'bottleneck'
import { createGitHubApi, type GitHubApi } from '../src/github/client.js'
import { createOctokit, type Octokit } from '../src/github/octokit.js'
import type { RepositoryRef } from '../src/workflows/repository.js'

/** Back-off unit of the tests' Octokit, in milliseconds (retries wait 1, 4, 9 units). */
export const TEST_RETRY_UNIT_MS = 5

/** Limiter groups for the throttling plugin without the spacing between writes. */
export function unspacedThrottle(): Record<string, unknown> {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
  }
}

/** One run's Octokit, as the action makes it, with the tests' timing. */
export function unspacedOctokit(token: string, baseUrl: string): Octokit {
  return createOctokit({
    token,
    baseUrl,
    retryAfterBaseValue: TEST_RETRY_UNIT_MS,
    throttle: unspacedThrottle()
  })
}

/** The GitHub side of one migrate or plan run, as the action makes it, with the tests' timing. */
export function unspacedGitHubApi(
  token: string,
  baseUrl: string,
  repository: RepositoryRef
): GitHubApi {
  return createGitHubApi({
    token,
    baseUrl,
    repository,
    retryAfterBaseValue: TEST_RETRY_UNIT_MS,
    throttle: unspacedThrottle()
  })
}
