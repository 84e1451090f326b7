/**
 * What `mode: cleanup` reads after a migration, on the test server: merging a pull request (the
 * `pulls/merge` route, and `mergePullRequest` for a test that merges at a time it chooses),
 * workflow runs (recorded by a test or the demo: a run of a migrated workflow; served by
 * `actions/list-workflow-runs`), and the organisation secrets a repository can see (seeded
 * with `actions/org-secrets.ts`).
 */
import { HttpError } from '../auth.js'
import { now, paginate, type Handler } from '../context.js'
import type { RepositoryState } from '../model.js'
import * as rep from '../representations.js'
import { SEED_IDENTITY } from '../model.js'
import { listRepoOrganizationSecrets } from './org-secrets.js'

export interface WorkflowRunState {
  readonly id: number
  /** `.github/workflows/deploy.yml`. */
  readonly path: string
  readonly headBranch: string
  readonly headSha: string
  readonly event: string
  readonly conclusion: 'success' | 'failure'
  readonly createdAt: string
}

/** Merges pull request `number` with a merge commit at `at` (default now); returns its sha. */
export function mergePullRequest(repo: RepositoryState, number: number, at = now()): string {
  const pull = repo.pulls.find((p) => p.number === number)
  if (!pull) throw new Error(`${repo.fullName} has no pull request #${number}`)
  if (pull.state !== 'open') throw new Error(`pull request #${number} is ${pull.state}`)
  const git = repo.git
  const head = git.readRef(`refs/heads/${pull.head}`)
  const base = git.readRef(`refs/heads/${pull.base}`)
  if (!head || !base) throw new Error(`pull request #${number}: a branch is missing`)
  const tree = git.git(['merge-tree', '--write-tree', base, head]).trim().split('\n')[0] ?? ''
  const identity = { ...SEED_IDENTITY, date: at }
  const sha = git.writeCommit(
    tree,
    [base, head],
    `Merge pull request #${number} from ${repo.owner.login}/${pull.head}`,
    identity,
    identity
  )
  git.updateRef(`refs/heads/${pull.base}`, sha, base)
  pull.state = 'closed'
  pull.mergedAt = at
  pull.mergeCommitSha = sha
  pull.updatedAt = at
  return sha
}

/** Records a run of a workflow file (what the runner would report after running it). */
export function recordWorkflowRun(
  repo: RepositoryState,
  run: Omit<WorkflowRunState, 'id' | 'headSha' | 'headBranch' | 'event'> &
    Partial<Pick<WorkflowRunState, 'headSha' | 'headBranch' | 'event'>>
): WorkflowRunState {
  const state: WorkflowRunState = {
    id: 30_000 + repo.runs.length + 1,
    headBranch: run.headBranch ?? repo.defaultBranch,
    headSha: run.headSha ?? repo.head,
    event: run.event ?? 'push',
    ...run
  }
  repo.runs.push(state)
  return state
}

const mergePull: Handler = (ctx) => {
  const number = Number(ctx.params.pull_number)
  const pull = ctx.repo.pulls.find((p) => p.number === number)
  if (!pull) throw new HttpError(404, 'Not Found', ctx.docs)
  if (pull.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable', ctx.docs)
  const sha = mergePullRequest(ctx.repo, number)
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } }
}

const listWorkflowRuns: Handler = (ctx) => {
  const id = ctx.params.workflow_id ?? ''
  const q = ctx.query
  const since = typeof q.created === 'string' ? /^>=?(.+)$/.exec(q.created)?.[1] : undefined
  const runs = ctx.repo.runs
    .filter((r) => r.path === id || r.path.split('/').pop() === id)
    .filter((r) => q.branch === undefined || r.headBranch === q.branch)
    .filter((r) => q.status === undefined || r.conclusion === q.status)
    .filter((r) => since === undefined || Date.parse(r.createdAt) >= Date.parse(since))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return {
    status: 200,
    body: {
      total_count: runs.length,
      workflow_runs: paginate(runs, q).map((r) => runBody(ctx.urls, ctx.repo, r))
    }
  }
}

function runBody(urls: rep.Urls, repo: RepositoryState, r: WorkflowRunState) {
  const api = `${urls.api}/repos/${repo.fullName}/actions/runs/${r.id}`
  const workflowId = 161_000 + [...r.path].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 9973, 0)
  const minimal = rep.repository(urls, repo, null, false)
  return {
    id: r.id,
    node_id: rep.nodeId('WorkflowRun', r.id),
    name: r.path.split('/').pop() ?? r.path,
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: r.path,
    display_title: r.path,
    run_number: r.id - 30_000,
    event: r.event,
    status: 'completed',
    conclusion: r.conclusion,
    workflow_id: workflowId,
    url: api,
    html_url: `${urls.html}/${repo.fullName}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.createdAt,
    updated_at: r.createdAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${repo.fullName}/check-suites/${r.id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${urls.api}/repos/${repo.fullName}/actions/workflows/${workflowId}`,
    head_commit: null,
    repository: minimal,
    head_repository: minimal
  }
}

export const RETIRE_HANDLERS: Readonly<Record<string, Handler>> = {
  'pulls/merge': mergePull,
  'actions/list-workflow-runs': listWorkflowRuns,
  'actions/list-repo-organization-secrets': listRepoOrganizationSecrets
}
