/**
 * Shared steps of the GitHub integration tests: the action's own modules (facts → scan →
 * rewrite → pull request) run against the project's GitHub API test server.
 */
import path from 'node:path'
import { createGitHubApi, type GitHubApi } from '../../src/github/client.js'
import type { RepositoryFacts } from '../../src/workflows/repository.js'
import type { FileChange, PullRequestResult } from '../../src/github/pull-request.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import type { GitHubServer } from '../../test-support/github-server/index.js'
import { unspacedThrottle } from '../../test-support/unspaced-octokit.js'

export const EXAMPLE = path.resolve('examples/legacy-repo')
export const ROLE_ARN =
  'arn:aws:iam::123456789012:role/github-actions/github-octo-org-legacy-deployer'

/**
 * Limiters without the spacing GitHub recommends between writes (1 s, 3 s for notifying
 * writes): the tests count requests, they do not need to be polite to the local server.
 */
const unspaced = unspacedThrottle()

export function api(server: GitHubServer, fullName: string, token = server.token): GitHubApi {
  const [owner = '', repo = ''] = fullName.split('/')
  return createGitHubApi({
    token,
    baseUrl: server.url,
    repository: { owner, repo },
    retryAfterBaseValue: 5,
    log: () => undefined,
    throttle: unspaced
  })
}

/** The rewritten files for the repository's default branch head, read through the API. */
export function rewrite(facts: RepositoryFacts): FileChange[] {
  const files = facts.workflowFiles ?? []
  const scan = scanWorkflows(files)
  const result = rewriteWorkflows(files, scan.findings, {
    roleArns: { AWS_ACCESS_KEY_ID: ROLE_ARN },
    region: 'eu-west-1',
    repositoryDefault: facts.workflowTokenDefault
  })
  const modes = new Map(files.map((f) => [f.path, f.mode]))
  return result.files
    .filter((f) => f.changed)
    .map((f) => ({ path: f.path, content: f.after, mode: modes.get(f.path) ?? '100644' }))
}

/** One migrate run of the GitHub side: check the token, read, rewrite, open or update the PR. */
export async function migrate(
  github: GitHubApi,
  options: { labels?: readonly string[]; body?: string } = {}
): Promise<{ result: PullRequestResult; facts: RepositoryFacts; files: FileChange[] }> {
  await github.requireMigrateCapability()
  const facts = await github.readFacts()
  const files = rewrite(facts)
  const result = await github.openOrUpdatePullRequest({
    baseBranch: facts.defaultBranch,
    baseSha: facts.headSha,
    baseTreeSha: facts.headTreeSha,
    branch: 'aws-keys-to-oidc',
    files,
    commitMessage: 'Replace long-lived AWS keys with OIDC role assumption',
    title: 'Replace long-lived AWS keys with OIDC role assumption',
    body: options.body ?? `Rewrites ${files.map((f) => f.path).join(', ')}`,
    labels: options.labels ?? ['security'],
    draft: false
  })
  return { result, facts, files }
}

/** Requests that changed state on the server (every method but GET and GraphQL queries). */
export function writes(server: GitHubServer): string[] {
  return server.requests.filter((r) => r.write).map((r) => r.route)
}
