/**
 * What GitHub says about a migration after the fact: the migration pull request (by its branch;
 * when it was merged and its merge commit) and the successful runs of the migrated workflow
 * files on the default branch since a time (the workflow-runs API, one request per file).
 */
import type { MigrationPullRequest, WorkflowRunRecord } from '../retire/evidence.js'
import type { RepositoryRef } from '../workflows/repository.js'
import { wrapError } from '../errors.js'
import { httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'

/** The newest pull request from `branch` (open, merged or closed), or `absent`. */
export async function readMigrationPullRequest(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  branch: string
): Promise<MigrationPullRequest> {
  try {
    const { data } = await octokit.rest.pulls.list({
      owner,
      repo,
      head: `${owner}:${branch}`,
      state: 'all',
      per_page: 10
    })
    const newest = [...data].sort((a, b) => b.number - a.number)[0]
    if (!newest) {
      return { state: 'absent', number: null, url: null, mergedAt: null, mergeCommitSha: null }
    }
    const merged = newest.merged_at !== null && newest.merged_at !== undefined
    return {
      state: merged ? 'merged' : newest.state === 'open' ? 'open' : 'closed',
      number: newest.number,
      url: newest.html_url,
      mergedAt: merged ? newest.merged_at : null,
      mergeCommitSha: merged ? (newest.merge_commit_sha ?? null) : null
    }
  } catch (error) {
    throw wrapError(`could not read the pull requests from ${branch} of ${owner}/${repo}`, error)
  }
}

/**
 * The successful runs of each workflow file on `branch` created after `since`. A file GitHub
 * does not know as a workflow (404) has none.
 */
export async function readSuccessfulRuns(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  files: readonly string[],
  branch: string,
  since: string
): Promise<WorkflowRunRecord[]> {
  const runs: WorkflowRunRecord[] = []
  for (const file of files) {
    const workflowId = file.split('/').pop() ?? file
    try {
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: workflowId,
        branch,
        status: 'success',
        // Newest first; GitHub's `created` filter takes `>=DATE`, which its description
        // does not admit, so the time is compared here.
        per_page: 50
      })
      for (const run of data.workflow_runs) {
        if (Date.parse(run.created_at) > Date.parse(since)) {
          runs.push({ file, runId: run.id, at: run.created_at })
        }
      }
    } catch (error) {
      if (httpStatus(error) === 404) continue
      throw wrapError(
        `could not read the runs of ${file} on ${branch} (the token needs actions read)`,
        error
      )
    }
  }
  return runs
}

/** A file the migration changed, as it was before (at the merge commit's first parent). */
export interface FileBefore {
  readonly path: string
  readonly content: string
  readonly mode: string
}

/**
 * The files the merge commit changed relative to its first parent, with their text at that
 * parent (what a revert restores). Files the merge added or removed are listed in `skipped`.
 */
export async function readFilesBeforeMerge(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  mergeCommitSha: string
): Promise<{ readonly files: FileBefore[]; readonly skipped: string[] }> {
  try {
    const commit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: mergeCommitSha })
    const parent = commit.data.parents[0]?.sha
    if (!parent) return { files: [], skipped: [] }
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${parent}...${mergeCommitSha}`
    })
    const changed = compare.data.files ?? []
    const parentCommit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent })
    const tree = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: parentCommit.data.tree.sha,
      recursive: 'true'
    })
    const files: FileBefore[] = []
    const skipped: string[] = []
    for (const f of changed) {
      const entry = tree.data.tree.find((e) => e.path === f.filename && e.type === 'blob')
      if (f.status !== 'modified' || !entry?.sha) {
        skipped.push(f.filename)
        continue
      }
      const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha })
      files.push({
        path: f.filename,
        content: Buffer.from(blob.data.content, 'base64').toString('utf8'),
        mode: entry.mode ?? '100644'
      })
    }
    return { files, skipped }
  } catch (error) {
    throw wrapError(`could not read the files before merge commit ${mergeCommitSha}`, error)
  }
}

/** Closes a pull request (a closed one stays closed). */
export async function closePullRequest(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  number: number
): Promise<void> {
  try {
    await octokit.rest.pulls.update({ owner, repo, pull_number: number, state: 'closed' })
  } catch (error) {
    throw wrapError(`could not close pull request #${number}`, error)
  }
}
