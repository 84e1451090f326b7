/**
 * The GitHub side behind one small interface, built once from the settings and passed in:
 * repository facts, the token check, and the pull request. Nothing outside `src/github/`
 * touches Octokit.
 */
import type { RepositoryFacts, RepositoryRef } from '../workflows/repository.js'
import type { CacReleaseLookup } from '../workflows/rewrite/action-pins.js'
import { checkPullRequestBranch, readRepositoryFacts, type ReadFactsOptions } from './facts.js'
import { createOctokit, type OctokitOptions } from './octokit.js'
import {
  openOrUpdatePullRequest,
  type PullRequestRequest,
  type PullRequestResult
} from './pull-request.js'
import { latestMajorRelease } from './releases.js'
import { readCodeFiles, type CodeFilesRead } from './code-files.js'
import { readSecretListing } from './secrets.js'
import type { SecretListing } from '../migration/secret-sources.js'
import {
  detectTokenCapability,
  requireMigrateCapability,
  type TokenCapability
} from './token-capability.js'

export interface GitHubApi {
  readonly repository: RepositoryRef
  readFacts(options?: ReadFactsOptions): Promise<RepositoryFacts>
  /** One read; call before any write. */
  tokenCapability(): Promise<TokenCapability>
  /** Throws, before any write, when the branch exists and holds commits the action did not make. */
  checkPullRequestBranch(branch: string, baseSha: string): Promise<void>
  /** Throws a message naming the token needed when the token is known not to be enough. */
  requireMigrateCapability(): Promise<TokenCapability>
  openOrUpdatePullRequest(
    request: Omit<PullRequestRequest, 'owner' | 'repo'>
  ): Promise<PullRequestResult>
  /** The newest release of an action's major version, for SHA pins. */
  readonly latestRelease: CacReleaseLookup
  /** The code scan's candidate files at a commit, within a budget (`code-files.ts`). */
  readonly readCodeFiles?: (
    commitSha: string,
    workflowTexts: readonly string[]
  ) => Promise<CodeFilesRead>
  /**
   * The secret names of the repository, these environments and the organisation (`secrets.ts`);
   * who can see an organisation secret is read for the `keySecrets` only.
   */
  readonly readSecrets?: (
    environments: readonly string[],
    keySecrets?: readonly string[]
  ) => Promise<SecretListing>
}

export interface GitHubApiOptions extends OctokitOptions {
  readonly repository: RepositoryRef
}

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const octokit = createOctokit(options)
  const repository = options.repository
  return {
    repository,
    readFacts: (factsOptions) => readRepositoryFacts(octokit, repository, factsOptions),
    tokenCapability: () => detectTokenCapability(octokit, repository, options.token),
    checkPullRequestBranch: (branch, baseSha) =>
      checkPullRequestBranch(octokit, repository, branch, baseSha),
    async requireMigrateCapability() {
      const capability = await detectTokenCapability(octokit, repository, options.token)
      requireMigrateCapability(capability, repository)
      return capability
    },
    openOrUpdatePullRequest: (request) =>
      openOrUpdatePullRequest(octokit, { ...request, ...repository }),
    latestRelease: (action, major) => latestMajorRelease(octokit, action, major),
    readCodeFiles: (commitSha, texts) =>
      readCodeFiles(octokit, repository.owner, repository.repo, commitSha, texts),
    readSecrets: (environments, keySecrets) =>
      readSecretListing(octokit, repository, environments, keySecrets)
  }
}
