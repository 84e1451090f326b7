/**
 * Commits the rewritten files through the REST Git Data API and opens or updates the pull
 * request; idempotent.
 *
 * Reads first (the branch ref, the open pull request from the branch, and the comparison of the
 * base commit with the branch), then writes only what differs:
 * - the branch already holds exactly these files on top of the base: no commit;
 * - otherwise one tree (`base_tree` + the files, inline) and one commit, signed by GitHub since
 *   the action sets no author or committer; the branch is created, or moved with `force: false`.
 *   The new commit always descends from the branch's current head (a merge commit when the base
 *   moved), so the update is a fast-forward, and GitHub refuses it if someone pushed in between;
 * - the pull request is created, or its title, body and labels updated when they differ.
 * At most four content-creating requests (tree, commit, ref, pull request), plus one to add
 * labels. A branch holding commits that the action did not make is left alone with an error.
 * A create that meets a conflict (a retry after a lost answer) reads what exists: the branch at
 * this run's commit, or the open pull request from the branch, is the run's own write.
 */
import { createHash } from 'node:crypto'
import { githubMessage, httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'
import { explainWriteRefusal } from './token-capability.js'
import type { FileChange } from '../migration/pull-request.js'
import type { Operation, PullRequestResult } from '../migration/result.js'

export type { FileChange, Operation, PullRequestResult }

/** The trailer every commit of the action carries; commits without it are someone else's. */
export const COMMIT_TRAILER = 'Generated-by: aws-keys-to-oidc'

/** GitHub's limit on pull request bodies. */
export const MAX_BODY_LENGTH = 65_536

export interface PullRequestRequest {
  readonly owner: string
  readonly repo: string
  /** The default branch the pull request targets. */
  readonly baseBranch: string
  /** The commit the files were rewritten from (the facts' `headSha`). */
  readonly baseSha: string
  /** Its tree (the facts' `headTreeSha`); read when absent. */
  readonly baseTreeSha?: string
  /** The branch the pull request is opened from. */
  readonly branch: string
  /** Only files whose content differs from the base. */
  readonly files: readonly FileChange[]
  /** First line and body of the commit message; the trailer is added. */
  readonly commitMessage: string
  readonly title: string
  readonly body: string
  readonly labels: readonly string[]
  readonly draft: boolean
}

export class BranchConflictError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'BranchConflictError'
  }
}

/** The git blob id of a text (sha1 of `blob <length>\0<bytes>`), as GitHub computes it. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8')
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

interface OpenPull {
  readonly number: number
  readonly url: string
  readonly title: string
  readonly body: string | null
  readonly labels: readonly string[]
}

interface BranchState {
  readonly sha: string
  /** Whether the branch contains the base commit and holds exactly the requested files on top. */
  readonly matches: boolean
  /** Parents of a new commit so that it fast-forwards the branch and contains the base. */
  readonly parents: readonly string[]
}

export async function openOrUpdatePullRequest(
  octokit: Octokit,
  request: PullRequestRequest
): Promise<PullRequestResult> {
  validate(request)
  const { owner, repo, branch } = request
  const [branchSha, openPull] = await Promise.all([
    readBranch(octokit, owner, repo, branch),
    findOpenPull(octokit, request)
  ])
  const state = branchSha ? await compareBranch(octokit, request, branchSha) : null

  let headSha = state?.sha ?? ''
  let branchOperation: Operation = 'unchanged'
  if (!state || !state.matches) {
    headSha = await writeCommit(octokit, request, state ? state.parents : [request.baseSha])
    await moveBranch(octokit, request, state?.sha ?? null, headSha)
    branchOperation = state ? 'updated' : 'created'
  }

  const body =
    request.body.length > MAX_BODY_LENGTH ? request.body.slice(0, MAX_BODY_LENGTH) : request.body
  if (!openPull) {
    const created = await createPull(octokit, request, body)
    await addMissingLabels(octokit, request, created)
    return {
      operation: 'created',
      number: created.number,
      url: created.url,
      branch: branchOperation,
      headSha
    }
  }
  let changed = branchOperation !== 'unchanged'
  if (openPull.title !== request.title || (openPull.body ?? '') !== body) {
    await guard('update the pull request', () =>
      octokit.rest.pulls.update({
        owner,
        repo,
        pull_number: openPull.number,
        title: request.title,
        body
      })
    )
    changed = true
  }
  if (await addMissingLabels(octokit, request, openPull)) changed = true
  return {
    operation: changed ? 'updated' : 'unchanged',
    number: openPull.number,
    url: openPull.url,
    branch: branchOperation,
    headSha
  }
}

function validate(request: PullRequestRequest): void {
  if (request.files.length === 0) {
    throw new Error('no file changes to commit: a pull request needs at least one rewritten file')
  }
  const seen = new Set<string>()
  for (const f of request.files) {
    if (
      !f.path ||
      f.path.startsWith('/') ||
      f.path.split('/').some((s) => s === '' || s === '.' || s === '..')
    ) {
      throw new Error(
        `'${f.path}' is not a repository path (relative, '/' separators, no '.' or '..')`
      )
    }
    if (seen.has(f.path)) throw new Error(`'${f.path}' is given twice`)
    seen.add(f.path)
  }
  if (request.branch === request.baseBranch) {
    throw new Error(
      `Input 'branch': '${request.branch}' is the default branch; the pull request needs its own branch`
    )
  }
}

async function readBranch(
  octokit: Octokit,
  owner: string,
  repo: string,
  branch: string
): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
    return data.object.sha
  } catch (error) {
    if (httpStatus(error) === 404) return null
    throw new Error(`could not read branch ${branch}: ${githubMessage(error)}`, { cause: error })
  }
}

async function findOpenPull(
  octokit: Octokit,
  request: PullRequestRequest
): Promise<OpenPull | null> {
  const { data } = await octokit.rest.pulls.list({
    owner: request.owner,
    repo: request.repo,
    head: `${request.owner}:${request.branch}`,
    state: 'open',
    per_page: 100
  })
  const pull = data.find((p) => p.base.ref === request.baseBranch) ?? data[0]
  if (!pull) return null
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body,
    labels: pull.labels.map((l) => l.name)
  }
}

/** One comparison tells whether the branch already holds the result, and how to extend it. */
async function compareBranch(
  octokit: Octokit,
  request: PullRequestRequest,
  branchSha: string
): Promise<BranchState> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    owner: request.owner,
    repo: request.repo,
    basehead: `${request.baseSha}...${branchSha}`
  })
  const foreign = data.commits.filter(
    (c) => c.parents.length < 2 && !c.commit.message.includes(COMMIT_TRAILER)
  )
  if (foreign.length > 0) {
    const list = foreign
      .slice(0, 3)
      .map((c) => `${c.sha.slice(0, 7)} "${c.commit.message.split('\n')[0] ?? ''}"`)
      .join(', ')
    throw new BranchConflictError(
      `branch ${request.branch} has commits that aws-keys-to-oidc did not make (${list}); they would be lost. Merge or move them, delete the branch, or set the 'branch' input to another name`
    )
  }
  const wanted = new Map(request.files.map((f) => [f.path, gitBlobSha(f.content)]))
  const files = data.files ?? []
  const matches =
    data.behind_by === 0 &&
    files.length === wanted.size &&
    files.every((f) => f.status !== 'removed' && wanted.get(f.filename) === f.sha)
  const parents =
    data.status === 'behind'
      ? [request.baseSha]
      : data.status === 'diverged'
        ? [branchSha, request.baseSha]
        : [branchSha]
  return { sha: branchSha, matches, parents }
}

async function writeCommit(
  octokit: Octokit,
  request: PullRequestRequest,
  parents: readonly string[]
): Promise<string> {
  const { owner, repo } = request
  const baseTree =
    request.baseTreeSha ??
    (await octokit.rest.git.getCommit({ owner, repo, commit_sha: request.baseSha })).data.tree.sha
  const tree = await guard('write the files of the pull request (tree)', () =>
    octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: request.files.map((f) => ({
        path: f.path,
        mode: (f.mode ?? '100644') as '100644',
        type: 'blob' as const,
        content: f.content
      }))
    })
  )
  const message = `${request.commitMessage.trimEnd()}\n\n${COMMIT_TRAILER}\n`
  const commit = await guard('commit the files of the pull request', () =>
    octokit.rest.git.createCommit({
      owner,
      repo,
      message,
      tree: tree.data.sha,
      parents: [...parents]
    })
  )
  return commit.data.sha
}

async function moveBranch(
  octokit: Octokit,
  request: PullRequestRequest,
  from: string | null,
  to: string
): Promise<void> {
  const { owner, repo, branch } = request
  try {
    if (from === null) {
      await guard(`create branch ${branch}`, () =>
        octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: to })
      )
    } else {
      await guard(`update branch ${branch}`, () =>
        octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: to, force: false })
      )
    }
  } catch (error) {
    // A retry after a lost answer meets this run's own write: the branch is where it was sent.
    if (httpStatus(error) === 422 && (await readBranch(octokit, owner, repo, branch)) === to) return
    if (httpStatus(error) === 422) {
      throw new BranchConflictError(
        `branch ${branch} changed while the pull request was being written (${githubMessage(error)}); nothing was overwritten. Run again to build on the new state`,
        { cause: error }
      )
    }
    throw error
  }
}

async function createPull(
  octokit: Octokit,
  request: PullRequestRequest,
  body: string
): Promise<OpenPull> {
  const { owner, repo } = request
  try {
    const { data } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: request.title,
      head: request.branch,
      base: request.baseBranch,
      body,
      draft: request.draft
    })
    return {
      number: data.number,
      url: data.html_url,
      title: data.title,
      body: data.body,
      labels: data.labels.map((l) => l.name)
    }
  } catch (error) {
    // A retry after a lost answer finds the pull request already made: use it.
    if (httpStatus(error) === 422 && /already exists/i.test(githubMessage(error))) {
      const existing = await findOpenPull(octokit, request)
      if (existing) return existing
    }
    throw (
      explainWriteRefusal(error, 'create the pull request') ??
      new Error(`could not create the pull request: ${githubMessage(error)}`, { cause: error })
    )
  }
}

/** Adds the requested labels the pull request lacks (never removes any); true when it wrote. */
async function addMissingLabels(
  octokit: Octokit,
  request: PullRequestRequest,
  pull: OpenPull
): Promise<boolean> {
  const have = new Set(pull.labels.map((l) => l.toLowerCase()))
  const missing = request.labels.filter((l) => !have.has(l.toLowerCase()))
  if (missing.length === 0) return false
  await guard('label the pull request', () =>
    octokit.rest.issues.addLabels({
      owner: request.owner,
      repo: request.repo,
      issue_number: pull.number,
      labels: missing
    })
  )
  return true
}

/** Runs a write; a refusal becomes an error naming the token needed. */
async function guard<T>(step: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const refusal = explainWriteRefusal(error, step)
    if (refusal) throw refusal
    if (error instanceof BranchConflictError) throw error
    const wrapped = new Error(`could not ${step}: ${githubMessage(error)}`, { cause: error })
    Object.assign(wrapped, { status: httpStatus(error) })
    throw wrapped
  }
}
