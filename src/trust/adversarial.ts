/**
 * The claims a role must refuse (pure): tokens other runs, other repositories and forks can get.
 * Another branch (`main-evil`), the refs the filters exclude or that GitHub's `*` does not reach
 * (`feature/a/b` for `feature/*`), a tag the filters reject, another repository of the owner,
 * the same repository name under another owner, a pull request from a fork, an environment the
 * jobs do not use, the wrong audience, a missing or another repository id.
 *
 * A candidate one of the jobs would run for is intended, not adversarial, and is left out (a
 * fork's pull request presents the same subject as the repository's own pull requests, so it is
 * only adversarial when no job runs on pull requests); so is one whose claims equal an intended
 * claim's. The repository id cases exist only where AWS can test `repository_id`.
 */
import {
  branchFilter,
  isExpression,
  jobRuns,
  PULL_REQUEST_EVENTS,
  PULL_REQUEST_REF,
  tagFilter,
  tokenClaims,
  triggerSources,
  type ClaimFacts,
  type Claims,
  type Identity,
  type JobClaims,
  type TokenRun,
  type TrustJob
} from './claims.js'
import { filterAdmits, rejectedExamples, type RefFilter } from './filters.js'

export type AdversaryKind =
  | 'other-branch'
  | 'excluded-branch'
  | 'rejected-tag'
  | 'other-repository'
  | 'other-owner'
  | 'fork-pull-request'
  | 'other-environment'
  | 'wrong-audience'
  | 'missing-repository-id'
  | 'other-repository-id'

export interface AdversarialClaim {
  readonly kind: AdversaryKind
  readonly run: TokenRun
  /** `OWNER/REPO` the token names. */
  readonly repository: string
  readonly claims: Claims
}

export interface AdversarialOptions {
  /** Whether AWS tests `repository_id` for this issuer. */
  readonly repositoryIdKey: boolean
}

/** An environment name no job uses. */
const UNUSED_ENVIRONMENT = 'unused-environment'

export function adversarialClaims(
  jobs: readonly TrustJob[],
  intended: readonly JobClaims[],
  facts: ClaimFacts,
  options: AdversarialOptions
): AdversarialClaim[] {
  const base = intended.flatMap((j) => j.claims)[0]
  if (!base) return []
  const real: Identity = facts
  const same = (c: Claims): boolean =>
    intended.some((j) =>
      j.claims.some(
        (i) =>
          i.claims.sub === c.sub &&
          i.claims.aud === c.aud &&
          i.claims.repositoryId === c.repositoryId
      )
    )
  const out: AdversarialClaim[] = []
  const add = (kind: AdversaryKind, run: TokenRun, who: Identity, claims?: Claims): void => {
    const value = claims ?? tokenClaims(run, who, facts, who === real)
    if (who === real && claims === undefined && jobs.some((j) => runsFor(j, run, facts))) return
    if (same(value)) return
    if (out.some((o) => o.claims.sub === value.sub && o.kind === kind)) return
    out.push({ kind, run, repository: `${who.owner}/${who.repo}`, claims: value })
  }
  const plain = { ...base.run, environment: null }
  const push = (ref: string): TokenRun => ({ ...plain, event: 'push', ref })

  add('other-branch', push(`refs/heads/${facts.defaultBranch}-evil`), real)
  for (const name of filteredNames(jobs, 'branch'))
    add('excluded-branch', push(`refs/heads/${name}`), real)
  for (const name of [...filteredNames(jobs, 'tag'), 'rejected-tag']) {
    add('rejected-tag', push(`refs/tags/${name}`), real)
  }
  add('fork-pull-request', { ...plain, event: 'pull_request', ref: PULL_REQUEST_REF }, real)
  if (!jobs.some((j) => j.environment !== null && isExpression(j.environment))) {
    add('other-environment', { ...base.run, environment: UNUSED_ENVIRONMENT }, real)
  }
  add('other-repository', base.run, {
    ...real,
    repo: `${facts.repo}-other`,
    repoId: facts.repoId + 1
  })
  add('other-owner', base.run, {
    owner: `${facts.owner}-other`,
    ownerId: facts.ownerId + 1,
    repo: facts.repo,
    repoId: facts.repoId + 2
  })
  const wrongAudience =
    facts.audience === 'sts.amazonaws.com'
      ? `https://github.com/${facts.owner}`
      : 'sts.amazonaws.com'
  add('wrong-audience', base.run, real, { ...base.claims, aud: wrongAudience })
  if (options.repositoryIdKey) {
    add('missing-repository-id', base.run, real, { ...base.claims, repositoryId: null })
    // The same name, recreated: a new id (the immutable subject changes with it).
    const recreated = { ...real, repoId: facts.repoId + 3 }
    add('other-repository-id', base.run, recreated, tokenClaims(base.run, recreated, facts, false))
  }
  return out
}

/** The names the jobs' filters are written to reject (excluded, ignored, near misses). */
function filteredNames(jobs: readonly TrustJob[], kind: 'branch' | 'tag'): string[] {
  const names = jobs.flatMap((j) =>
    triggerSources(j)
      .filter(
        ({ trigger }) =>
          trigger.event === 'push' || (kind === 'branch' && trigger.event === 'pull_request_target')
      )
      .flatMap(({ trigger }) =>
        rejectedExamples(kind === 'branch' ? branchFilter(trigger) : tagFilter(trigger))
      )
  )
  return [...new Set(names)]
}

/**
 * Whether GitHub would run the job for the run and give it that token: same environment (or an
 * expression), and a trigger that runs on the run's ref with the same kind of context.
 */
function runsFor(job: TrustJob, run: TokenRun, facts: ClaimFacts): boolean {
  const env = job.environment
  if (env === null ? run.environment !== null : !isExpression(env) && env !== run.environment) {
    return false
  }
  const pullRequest = PULL_REQUEST_EVENTS.has(run.event)
  return triggerSources(job).some(({ trigger }) => {
    const event = trigger.event
    if (PULL_REQUEST_EVENTS.has(event) && event !== 'pull_request_target') return pullRequest
    if (pullRequest) return event === 'pull_request_target'
    const [, kind, ...rest] = run.ref.split('/')
    const name = rest.join('/')
    if (event === 'push') {
      const branches = branchFilter(trigger)
      const tags = tagFilter(trigger)
      const on = (f: RefFilter): boolean => f.include !== null || f.ignore !== null
      if (kind === 'heads') return (on(branches) || !on(tags)) && filterAdmits(branches, name)
      return (on(tags) || !on(branches)) && filterAdmits(tags, name)
    }
    if (event === 'release') return kind === 'tags'
    if (event === 'create' || event === 'deployment' || event === 'deployment_status') return true
    if (event === 'merge_group') return name.startsWith('gh-readonly-queue/')
    // The other events run on the default branch; their runs are what `jobRuns` lists.
    return jobRuns({ ...job, triggers: [trigger], callers: [] }, facts).some(
      (r) => r.ref === run.ref
    )
  })
}
