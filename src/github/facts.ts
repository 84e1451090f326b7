/**
 * Repository facts the plan is built from: identity (ids, default branch and its head commit),
 * the OIDC subject format, the default GITHUB_TOKEN permissions, the environments, and (when
 * asked) the workflow and composite-action files of the default branch head.
 *
 * Requests: one GraphQL query (identity, head, workflow files; one more when composite actions
 * exist) and three REST reads made at the same time (subject customization, workflow
 * permissions, environments; environments page by 100). Settings a token may not read (the
 * workflow permissions need `administration: read`) come back as null with a warning; the
 * identity and the files are required and fail with a message naming the permission.
 */
import { InputError } from '../errors.js'
import type { SubjectFacts } from '../workflows/subjects.js'
import type { OidcSubjectFormat, RepositoryFacts, RepositoryRef } from '../workflows/repository.js'
import { githubMessage, graphqlErrorTypes, httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'
import { COMMIT_TRAILER } from './pull-request.js'
import { readSnapshot } from './snapshot.js'

export interface ReadFactsOptions {
  /** Read the workflow files through the API (default true). False when a checkout at the head is used. */
  readonly workflowFiles?: boolean
}

/** Reads every repository fact. `owner`/`repo` as given by the `repository` input. */
export async function readRepositoryFacts(
  octokit: Octokit,
  repository: RepositoryRef,
  options: ReadFactsOptions = {}
): Promise<RepositoryFacts> {
  const { owner, repo } = repository
  const warnings: string[] = []
  const reads = [
    readSnapshot(octokit, owner, repo, options.workflowFiles ?? true),
    optional(
      () => octokit.rest.actions.getCustomOidcSubClaimForRepo({ owner, repo }),
      'the OIDC subject format',
      'actions: read',
      warnings
    ),
    optional(
      () =>
        octokit.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner, repo }),
      'the default GITHUB_TOKEN permissions',
      'administration: read',
      warnings
    ),
    optional(
      () => listEnvironments(octokit, owner, repo),
      'the environments',
      'actions: read',
      warnings
    )
  ] as const
  // Every read settles before the run goes on, so no request outlives a failure.
  const [first] = await Promise.allSettled(reads)
  if (first.status === 'rejected') throw explainReadFailure(first.reason, owner, repo)
  const [snapshot, oidc, permissions, environments] = await Promise.all(reads)
  for (const s of snapshot.skipped) warnings.push(`not scanned: ${s}`)
  return {
    owner: snapshot.owner,
    repo: snapshot.repo,
    ownerId: snapshot.ownerId,
    repoId: snapshot.repoId,
    ownerType: snapshot.ownerType,
    visibility: snapshot.visibility,
    createdAt: snapshot.createdAt,
    defaultBranch: snapshot.defaultBranch,
    headSha: snapshot.headSha,
    headTreeSha: snapshot.headTreeSha,
    oidcSubject: oidc ? subjectFormat(oidc.data) : null,
    workflowTokenDefault: permissions
      ? permissions.data.default_workflow_permissions === 'write'
        ? 'permissive'
        : 'restricted'
      : null,
    actionsCanApprovePullRequests: permissions
      ? permissions.data.can_approve_pull_request_reviews
      : null,
    environments: environments ? [...environments].sort() : null,
    workflowFiles: snapshot.files,
    warnings
  }
}

/**
 * The facts the subject builder (`src/workflows/subjects.ts`) needs. Fails when the subject
 * format could not be read: a trust policy built on a guessed format may admit nothing.
 */
export function subjectFacts(facts: RepositoryFacts): SubjectFacts {
  if (!facts.oidcSubject) {
    throw new Error(
      `could not read the OIDC subject format of ${facts.owner}/${facts.repo} (GET /repos/{owner}/{repo}/actions/oidc/customization/sub); give the token 'actions: read' so the trust policy matches the subjects GitHub issues`
    )
  }
  return {
    owner: facts.owner,
    repo: facts.repo,
    ownerId: facts.ownerId,
    repoId: facts.repoId,
    defaultBranch: facts.defaultBranch,
    oidcSubject: facts.oidcSubject
  }
}

/** The fields of the subject customization; newer ones may be missing (older GHES). */
interface OidcSubjectResponse {
  readonly use_default: boolean
  readonly include_claim_keys?: readonly string[]
  readonly use_immutable_subject?: boolean
  readonly sub_claim_prefix?: string
}

function subjectFormat(data: OidcSubjectResponse): OidcSubjectFormat {
  return {
    useDefault: data.use_default,
    includeClaimKeys: data.include_claim_keys ?? [],
    useImmutableSubject: data.use_immutable_subject ?? false,
    subClaimPrefix: data.sub_claim_prefix ?? null
  }
}

/** Every environment name (pages of 100). */
async function listEnvironments(octokit: Octokit, owner: string, repo: string): Promise<string[]> {
  const names: string[] = []
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.repos.getAllEnvironments({
      owner,
      repo,
      per_page: 100,
      page
    })
    const batch = data.environments ?? []
    names.push(...batch.map((e) => e.name))
    if (batch.length < 100 || names.length >= (data.total_count ?? 0)) return names
  }
}

/** Runs a read whose refusal (403/404) is recorded as a warning instead of failing the run. */
async function optional<T>(
  read: () => Promise<T>,
  what: string,
  permission: string,
  warnings: string[]
): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    const status = httpStatus(error)
    if (status === 403 || status === 404) {
      const message = error instanceof Error ? error.message : String(error)
      warnings.push(
        `could not read ${what} (HTTP ${status}: ${message}); the token needs '${permission}'`
      )
      return null
    }
    throw new Error(
      `could not read ${what}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error
      }
    )
  }
}

function explainReadFailure(error: unknown, owner: string, repo: string): Error {
  const message = githubMessage(error)
  const types = graphqlErrorTypes(error)
  const status = httpStatus(error)
  if (types.includes('NOT_FOUND') || status === 404) {
    return new Error(
      `repository ${owner}/${repo} was not found or the token cannot see it (check the 'repository' input and that the token has 'contents: read' on it)`,
      { cause: error }
    )
  }
  if (types.includes('FORBIDDEN') || status === 401 || status === 403) {
    return new Error(
      `the token cannot read ${owner}/${repo}'s files (${message}); plan mode needs 'contents: read'`,
      { cause: error }
    )
  }
  return new Error(`could not read ${owner}/${repo}: ${message}`, { cause: error })
}

/**
 * Refuses, before any write, a pull-request branch that exists and holds commits the action did
 * not make (commits without the `Generated-by` trailer on top of the base): pushing there would
 * lose them or fail after the roles are created. Two reads: the ref, and the comparison of the
 * base commit with it. A branch that does not exist yet passes.
 */
export async function checkPullRequestBranch(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  branch: string,
  baseSha: string
): Promise<void> {
  let head: string
  try {
    head = (await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha
  } catch (error) {
    if (httpStatus(error) === 404) return
    throw new Error(`could not read branch ${branch}: ${githubMessage(error)}`, { cause: error })
  }
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${baseSha}...${head}`
  })
  const foreign = data.commits.filter(
    (c) => c.parents.length < 2 && !c.commit.message.includes(COMMIT_TRAILER)
  )
  if (foreign.length === 0) return
  const list = foreign
    .slice(0, 3)
    .map((c) => `${c.sha.slice(0, 7)} "${c.commit.message.split('\n')[0] ?? ''}"`)
    .join(', ')
  throw new InputError(
    'branch',
    `branch ${branch} exists and holds ${foreign.length} commit(s) aws-keys-to-oidc did not make (${list}${foreign.length > 3 ? ', ...' : ''}); give a branch that does not exist or that only this action writes to`
  )
}
