/**
 * The claims GitHub issues to the jobs that assume a role (pure), for the trust check. Built from
 * the jobs' triggers, filters and environments and the repository's facts, independently of the
 * subject builder (`src/workflows/subjects.ts`): concrete runs (a push to an example branch the
 * filter admits, each tag pattern, a pull request, the default branch for `workflow_dispatch`,
 * `schedule` and the other events that run there, each environment), then the token each run
 * gets, in the repository's subject format (default `repo:O/R:CONTEXT`, immutable
 * `repo:O@ID/R@ID:CONTEXT`, or a custom `include_claim_keys` template).
 *
 * A job of a called (reusable) workflow runs for its callers' events; its `job_workflow_ref` is
 * the called file (`O/R/.github/workflows/called.yml@REF`) and its `workflow_ref` the caller's.
 * `pull_request_target` runs on the base branch (`GITHUB_REF` is the base) and its token is a pull
 * request event's: context `pull_request`, as for `pull_request`.
 */
import type { Trigger } from '../workflows/findings.js'
import type { OidcSubjectFormat } from '../workflows/repository.js'
import { admittedExamples, type RefFilter } from './filters.js'

/** A job that assumes a role. */
export interface TrustJob {
  readonly file: string
  readonly job: string | null
  readonly triggers: readonly Trigger[]
  /** The job's `environment` as written (an expression when it holds `${{`); null when none. */
  readonly environment: string | null
  /** The jobs that call this job's workflow (when it has `workflow_call`), with their triggers. */
  readonly callers: readonly CallerJob[]
}

export interface CallerJob {
  readonly file: string
  readonly job: string
  readonly triggers: readonly Trigger[]
}

/** The repository and role facts the claims depend on. */
export interface ClaimFacts extends Identity {
  readonly defaultBranch: string
  /** Null when unknown: the default format. */
  readonly oidcSubject: OidcSubjectFormat | null
  /** The repository's environments (examples for an environment expression); null when unknown. */
  readonly environments: readonly string[] | null
  /** The audience the role's jobs ask for (`sts.amazonaws.com`). */
  readonly audience: string
}

/** Who a token names: the repository and its owner, by name and id. */
export interface Identity {
  readonly owner: string
  readonly repo: string
  readonly ownerId: number
  readonly repoId: number
}

/** One run of a job: what GitHub mints its token from. */
export interface TokenRun {
  readonly event: string
  /** `refs/heads/B`, `refs/tags/T`, `refs/pull/N/merge`. */
  readonly ref: string
  readonly environment: string | null
  /** The file of the job that assumes the role (the `job_workflow_ref` file). */
  readonly jobWorkflow: string
  /** The file the run started from (the `workflow_ref` file; the caller's for a called workflow). */
  readonly workflow: string
}

/** The claims an AWS trust policy can test. */
export interface Claims {
  readonly sub: string
  readonly aud: string
  /** Null: the token carries no repository id (an adversarial case). */
  readonly repositoryId: string | null
}

export interface IntendedClaim {
  readonly run: TokenRun
  readonly claims: Claims
}

export interface JobClaims {
  readonly file: string
  readonly job: string | null
  readonly claims: readonly IntendedClaim[]
}

/** Events whose token carries the `pull_request` context. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target'
])

/** The example pull request ref. */
export const PULL_REQUEST_REF = 'refs/pull/1/merge'

/** The claims of every run of each job. */
export function intendedClaims(jobs: readonly TrustJob[], facts: ClaimFacts): JobClaims[] {
  return jobs.map((job) => {
    const seen = new Set<string>()
    const claims: IntendedClaim[] = []
    // One row per distinct token: runs that get the same claims are shown once (the first).
    for (const run of jobRuns(job, facts)) {
      const value = tokenClaims(run, facts, facts, true)
      const id = JSON.stringify(value)
      if (seen.has(id)) continue
      seen.add(id)
      claims.push({ run, claims: value })
    }
    return { file: job.file, job: job.job, claims }
  })
}

/** True when the environment is evaluated at run time. */
export function isExpression(environment: string): boolean {
  return environment.includes('${{')
}

/** The runs of a job: each event of its workflow (or of its callers) with each environment. */
export function jobRuns(job: TrustJob, facts: ClaimFacts): TokenRun[] {
  const sources = triggerSources(job)
  const environments =
    job.environment === null
      ? [null]
      : isExpression(job.environment)
        ? [...(facts.environments ?? []), null]
        : [job.environment]
  const runs: TokenRun[] = []
  for (const { trigger, workflow } of sources) {
    for (const { event, ref } of triggerRefs(trigger, facts.defaultBranch)) {
      for (const environment of environments) {
        runs.push({ event, ref, environment, jobWorkflow: job.file, workflow })
      }
    }
  }
  return runs
}

/** The job's own triggers, and for `workflow_call` its callers' triggers (with their files). */
export function triggerSources(
  job: TrustJob
): { readonly trigger: Trigger; readonly workflow: string }[] {
  const own = job.triggers
    .filter((t) => t.event !== 'workflow_call')
    .map((trigger) => ({ trigger, workflow: job.file }))
  const called = job.triggers.some((t) => t.event === 'workflow_call')
  const viaCallers = called
    ? job.callers.flatMap((c) =>
        c.triggers
          .filter((t) => t.event !== 'workflow_call')
          .map((trigger) => ({ trigger, workflow: c.file }))
      )
    : []
  return [...own, ...viaCallers]
}

export function branchFilter(t: Trigger): RefFilter {
  return { include: t.branches, ignore: t.branchesIgnore }
}

export function tagFilter(t: Trigger): RefFilter {
  return { include: t.tags, ignore: t.tagsIgnore }
}

/** Example refs one trigger runs on. */
function triggerRefs(t: Trigger, defaultBranch: string): { event: string; ref: string }[] {
  const event = t.event
  const branch = (b: string): { event: string; ref: string } => ({ event, ref: `refs/heads/${b}` })
  const tag = (name: string): { event: string; ref: string } => ({
    event,
    ref: `refs/tags/${name}`
  })
  if (event === 'push') {
    // No filter: every branch and tag; a branch filter only: branches; a tag filter only: tags.
    const branches = branchFilter(t)
    const tags = tagFilter(t)
    const hasBranches = branches.include !== null || branches.ignore !== null
    const hasTags = tags.include !== null || tags.ignore !== null
    return [
      ...(hasBranches || !hasTags ? admittedExamples(branches, defaultBranch).map(branch) : []),
      ...(hasTags || !hasBranches ? admittedExamples(tags, 'v1.0.0').map(tag) : [])
    ]
  }
  if (event === 'pull_request_target') {
    return admittedExamples(branchFilter(t), defaultBranch).map(branch)
  }
  if (PULL_REQUEST_EVENTS.has(event)) return [{ event, ref: PULL_REQUEST_REF }]
  if (event === 'merge_group') {
    return admittedExamples(branchFilter(t), defaultBranch).map((b) =>
      branch(`gh-readonly-queue/${b}/pr-1-${'0'.repeat(40)}`)
    )
  }
  if (event === 'release') return [tag('v1.0.0')]
  return [branch(defaultBranch)]
}

/**
 * The claims of a run's token, for the repository `who`: the real one (`real`: GitHub's own
 * `sub_claim_prefix`, when it gives one, starts the default subject) or an adversary's.
 */
export function tokenClaims(
  run: TokenRun,
  who: Identity,
  facts: ClaimFacts,
  real: boolean
): Claims {
  const given = real ? (facts.oidcSubject?.subClaimPrefix?.replace(/:+$/, '') ?? null) : null
  return {
    sub: subject(run, who, facts.oidcSubject, given?.startsWith('repo:') ? given : null),
    aud: facts.audience,
    repositoryId: String(who.repoId)
  }
}

/** The `sub` claim GitHub writes for the run (`prefix`: GitHub's default-template prefix). */
export function subject(
  run: TokenRun,
  who: Identity,
  format: OidcSubjectFormat | null,
  prefix: string | null = null
): string {
  const custom = format !== null && !format.useDefault && format.includeClaimKeys.length > 0
  if (!custom) return `${prefix ?? `repo:${repositoryClaim(who, format)}`}:${context(run)}`
  return format.includeClaimKeys
    .map((key) =>
      key === 'repo'
        ? `repo:${repositoryClaim(who, format)}`
        : key === 'context'
          ? context(run)
          : `${key}:${claimValue(key, run, who)}`
    )
    .join(':')
}

/** `O/R`, or `O@ID/R@ID` for the immutable format. */
function repositoryClaim(who: Identity, format: OidcSubjectFormat | null): string {
  return format?.useImmutableSubject
    ? `${who.owner}@${who.ownerId}/${who.repo}@${who.repoId}`
    : `${who.owner}/${who.repo}`
}

/** The context of the default subject: the environment, `pull_request`, or the ref. */
function context(run: TokenRun): string {
  if (run.environment !== null) return `environment:${run.environment}`
  if (PULL_REQUEST_EVENTS.has(run.event)) return 'pull_request'
  return `ref:${run.ref}`
}

/** Example values of claims that only a run knows (who started it, the commit). */
const EXAMPLE_VALUES: ReadonlyMap<string, string> = new Map([
  ['actor', 'octocat'],
  ['actor_id', '583231'],
  ['runner_environment', 'github-hosted'],
  ['repository_visibility', 'private'],
  ['workflow_sha', '0'.repeat(40)],
  ['job_workflow_sha', '0'.repeat(40)],
  ['sha', '0'.repeat(40)],
  ['run_id', '1'],
  ['run_number', '1'],
  ['run_attempt', '1']
])

function claimValue(key: string, run: TokenRun, who: Identity): string {
  switch (key) {
    case 'ref':
      return run.ref
    case 'ref_type':
      return run.ref.startsWith('refs/tags/') ? 'tag' : 'branch'
    case 'event_name':
      return run.event
    case 'environment':
      return run.environment ?? ''
    case 'repository':
      return `${who.owner}/${who.repo}`
    case 'repository_owner':
      return who.owner
    case 'repository_owner_id':
      return String(who.ownerId)
    case 'repository_id':
      return String(who.repoId)
    case 'job_workflow_ref':
      return `${who.owner}/${who.repo}/${run.jobWorkflow}@${run.ref}`
    case 'workflow_ref':
      return `${who.owner}/${who.repo}/${run.workflow}@${run.ref}`
    case 'head_ref':
      return PULL_REQUEST_EVENTS.has(run.event) ? 'feature' : ''
    case 'base_ref':
      return PULL_REQUEST_EVENTS.has(run.event) ? 'main' : ''
    case 'workflow':
      return run.workflow.split('/').pop() ?? run.workflow
    default:
      return EXAMPLE_VALUES.get(key) ?? 'x'
  }
}
