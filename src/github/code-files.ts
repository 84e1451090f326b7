/**
 * The source files the code scan reads in `mode: migrate`, from the default branch head through
 * the API, within a budget: the tree once (one recursive REST read, which lists every path with
 * its size), then the blobs of the candidate files only (by name and size,
 * `src/code/candidates.ts`) in GraphQL batches of 100. The read stops at `CODE_BUDGET` (bytes
 * and files), so the request count stays bounded whatever the repository's size: at most one
 * tree read and `maxFiles / 100` blob queries. Files the workflows name (a path or folder
 * written in a workflow) are read first, so the budget goes to the code the jobs run.
 */
import { isCandidate } from '../code/candidates.js'
import type { CodeFile } from '../code/contract.js'
import type { Octokit } from './octokit.js'
import { readBlobs } from './snapshot.js'

export const CODE_BUDGET = { bytes: 4 * 1024 * 1024, files: 1000 } as const

export interface CodeFilesRead {
  readonly files: readonly (CodeFile & { readonly mode: string })[]
  /** Set when the budget stopped the read (or GitHub truncated the tree listing). */
  readonly budget: { readonly bytes: number; readonly skipped: number } | null
}

export async function readCodeFiles(
  octokit: Octokit,
  owner: string,
  repo: string,
  treeSha: string,
  workflowTexts: readonly string[],
  budget: { readonly bytes: number; readonly files: number } = CODE_BUDGET
): Promise<CodeFilesRead> {
  const { data } = await octokit.rest.git.getTree({
    owner,
    repo,
    tree_sha: treeSha,
    recursive: 'true'
  })
  const named = (p: string): boolean => {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : null
    return workflowTexts.some((t) => t.includes(p) || (dir !== null && t.includes(dir)))
  }
  const candidates = data.tree
    .filter((e) => e.type === 'blob' && e.path && e.sha && isCandidate(e.path, e.size ?? 0))
    .map((e) => ({ path: e.path!, sha: e.sha!, mode: e.mode ?? '100644', size: e.size ?? 0 }))
    .sort(
      (a, b) =>
        Number(named(b.path)) - Number(named(a.path)) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
    )
  const chosen: typeof candidates = []
  let bytes = 0
  for (const c of candidates) {
    if (chosen.length >= budget.files || bytes + c.size > budget.bytes) break
    chosen.push(c)
    bytes += c.size
  }
  const read = await readBlobs(octokit, owner, repo, chosen)
  const files = read
    .filter((f) => f.text !== null)
    .map((f) => ({ path: f.path, text: f.text!, mode: f.mode }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const skipped = candidates.length - chosen.length
  return {
    files,
    budget: skipped > 0 || data.truncated ? { bytes: budget.bytes, skipped } : null
  }
}
