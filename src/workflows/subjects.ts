/**
 * The OIDC `sub` values a job presents to AWS, as IAM `StringLike` patterns with the
 * `StringNotLike` exclusions each one needs (pure).
 *
 * A job with `environment: E` presents `...:environment:E`; otherwise the event decides: push
 * branches `...:ref:refs/heads/B`, tags `...:ref:refs/tags/T`, pull requests `...:pull_request`,
 * the default branch for schedule, workflow_dispatch, workflow_run and the other events that run
 * on it, tags for release, the merge-queue refs for merge_group. Branch and tag filters become
 * rules on the ref name (`filters.ts`): `feature/*` admits `feature/x`, not `feature/a/b`;
 * negations and `*-ignore` are exclusions; what IAM cannot express is a listed widening. The
 * whole `sub` follows the repository's subject format (`subject-format.ts`).
 */
import type { Trigger } from './findings.js'
import { filterRules, literal, type FilterKey, type FilterRules, type Widening } from './filters.js'
import type { OidcSubjectFormat } from './repository.js'
import { subjectRenderer, withRef, type SubjectFacts, type TokenShape } from './subject-format.js'

export { filterGlobToIamPattern, literal, type Widening } from './filters.js'
export { defaultSubjectPrefix, repositoryClaim, type SubjectFacts } from './subject-format.js'

/** The default format: `repo:OWNER/REPO:CONTEXT`. */
export const DEFAULT_SUBJECT_FORMAT: OidcSubjectFormat = {
  useDefault: true,
  includeClaimKeys: [],
  useImmutableSubject: false,
  subClaimPrefix: null
}

/** One job that uses a key: where it is, what starts it, its environment. */
export interface JobUse {
  readonly file: string
  readonly job: string | null
  readonly triggers: readonly Trigger[]
  readonly environment: string | null
}

export interface SubjectPattern {
  /** The whole `sub` as an IAM `StringLike` pattern (`*`, `?` wild; `${*}`, `${?}`, `${$}` literal). */
  readonly pattern: string
  /** `sub` patterns (IAM `StringNotLike`) the same token must not match; empty for most. */
  readonly exclude: readonly string[]
  /** Why: `FILE (job JOB): EVENT ...`, one per job/trigger that presents it. */
  readonly sources: readonly string[]
}

export interface SubjectResult {
  readonly subjects: readonly SubjectPattern[]
  /**
   * The literal start every pattern shares and that names the repository (`repo:O/R:`); merging
   * patterns never cuts into it. Empty when the template does not start with a repository claim
   * (then `pinsRepository` tells whether some later segment names it).
   */
  readonly fixedPrefix: string
  /** False when no literal segment of the subject names this repository (custom templates). */
  readonly pinsRepository: boolean
  /** Where the subjects admit more than the filters (IAM cannot say it, or the subject has no ref). */
  readonly widenings: readonly Widening[]
  /** Things a reviewer should know: approximations, unknown claim values, unresolved jobs. */
  readonly notes: readonly string[]
}

/** A token shape with what the filter excludes and where IAM admits more. */
interface Shape extends TokenShape {
  /** Refs (IAM patterns) the filter excludes from `ref`. */
  readonly excludeRefs: readonly string[]
  /** pull_request_target: the job, for the note on the bases it is trusted for. */
  readonly where?: string
  readonly filter: {
    readonly key: FilterKey
    readonly patterns: readonly string[]
    /** A ref the rule admits that the filter rejects; null when exact. */
    readonly wider: string | null
    /** A ref the filter rejects (pull_request_target: another base branch); null when none. */
    readonly rejected: string | null
  } | null
}

/** Events whose token carries the `pull_request` context. */
const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment'
])

/** Subjects for every job, merged and deduplicated (same pattern and exclusions: sources joined). */
export function subjectsForJobs(jobs: readonly JobUse[], facts: SubjectFacts): SubjectResult {
  const notes: string[] = []
  const shapes: Shape[] = []
  for (const job of jobs) shapes.push(...tokenShapes(job, facts, notes))
  const renderer = subjectRenderer(facts, notes)
  const byPattern = new Map<string, { pattern: string; exclude: string[]; sources: string[] }>()
  const widenings = new Map<string, Widening>()
  for (const shape of shapes) {
    const pattern = renderer.render(shape)
    const carriesRef = renderer.render(withRef(shape, 'refs/\u0000')) !== pattern
    const exclude = carriesRef
      ? unique(shape.excludeRefs.map((r) => renderer.render(withRef(shape, r)))).sort()
      : []
    const id = `${pattern}\u0000${exclude.join('\u0000')}`
    const entry = byPattern.get(id) ?? { pattern, exclude, sources: [] }
    if (!entry.sources.includes(shape.source)) entry.sources.push(shape.source)
    byPattern.set(id, entry)
    for (const w of shapeWidenings(shape, pattern, carriesRef)) widenings.set(JSON.stringify(w), w)
    if (shape.where !== undefined && carriesRef) {
      notes.push(
        `${shape.where}: pull_request_target is trusted for pull requests into ${shape.filter?.patterns.join(', ') ?? '?'} only; pull requests into other branches get no AWS credentials`
      )
    }
  }
  const subjects = [...byPattern.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, s]) => s)
  return {
    subjects,
    fixedPrefix: renderer.fixedPrefix,
    pinsRepository: renderer.pinsRepository,
    widenings: [...widenings.values()],
    notes: unique(notes)
  }
}

function shapeWidenings(shape: Shape, pattern: string, carriesRef: boolean): Widening[] {
  const f = shape.filter
  if (!f) return []
  const base = { pattern, event: shape.event, filter: f.key, patterns: f.patterns }
  if (PULL_REQUEST_EVENTS.has(shape.event)) {
    return f.rejected === null ? [] : [{ kind: 'base-branch', ...base, example: f.rejected }]
  }
  if (carriesRef) return f.wider === null ? [] : [{ kind: 'filter', ...base, example: f.wider }]
  // pull_request_target: the subject (`...:pull_request`) carries no base branch.
  return shape.event === 'pull_request_target' && f.rejected !== null
    ? [{ kind: 'base-branch', ...base, example: f.rejected }]
    : []
}

function tokenShapes(job: JobUse, facts: SubjectFacts, notes: string[]): Shape[] {
  const where = `${job.file}${job.job ? ` (job ${job.job})` : ''}`
  const environment = job.environment === null ? null : environmentPattern(job.environment)
  if (job.environment !== null && environment === '*') {
    notes.push(
      `${where}: the environment is an expression (${job.environment}); any environment of this repository is admitted, and the job's refs for runs where it is empty`
    )
  }
  if (job.triggers.length === 0) {
    notes.push(
      `${where}: no triggers (a composite action); its subjects come from the workflows that use it`
    )
    return []
  }
  const shapes: Shape[] = []
  const shape = (
    event: string,
    context: string,
    ref: string,
    refType: string,
    why: string,
    excludeRefs: readonly string[] = [],
    filter: Shape['filter'] = null
  ): Shape => ({
    event,
    context,
    ref,
    refType,
    environment: null,
    file: job.file,
    source: `${where}: ${why}`,
    excludeRefs,
    filter
  })
  const refShape = (event: string, ref: string, refType: string, why: string): Shape =>
    shape(event, `ref:${ref}`, ref, refType, why)
  /** One shape per rule of a filter (`any` when the trigger has none). */
  const ruleShapes = (
    event: string,
    prefix: 'refs/heads/' | 'refs/tags/',
    rules: FilterRules | null,
    key: FilterKey,
    patterns: readonly string[] | null,
    why: (name: string) => string
  ): Shape[] => {
    const refType = prefix === 'refs/heads/' ? 'branch' : 'tag'
    if (rules === null) return [refShape(event, `${prefix}*`, refType, why('*'))]
    return rules.rules.map((r) =>
      shape(
        event,
        `ref:${prefix}${r.like}`,
        `${prefix}${r.like}`,
        refType,
        why(r.like),
        r.exclude.map((x) => `${prefix}${x}`),
        {
          key,
          patterns: patterns ?? [],
          wider: r.wider === null ? null : `${prefix}${r.wider}`,
          rejected: rules.rejected === null ? null : `${prefix}${rules.rejected}`
        }
      )
    )
  }
  const defaultBranch = literal(facts.defaultBranch)
  for (const trigger of job.triggers) {
    const event = trigger.event
    const branches = filterRules(trigger.branches, trigger.branchesIgnore)
    const branchKey: FilterKey = trigger.branches !== null ? 'branches' : 'branches-ignore'
    const branchPatterns = trigger.branches ?? trigger.branchesIgnore
    if (event === 'push') {
      const tags = filterRules(trigger.tags, trigger.tagsIgnore)
      const onlyTags = branches === null && tags !== null
      const onlyBranches = tags === null && branches !== null
      if (!onlyTags) {
        shapes.push(
          ...ruleShapes(
            event,
            'refs/heads/',
            branches,
            branchKey,
            branchPatterns,
            (b) => `push to branch ${b}`
          )
        )
      }
      if (!onlyBranches) {
        const tagKey: FilterKey = trigger.tags !== null ? 'tags' : 'tags-ignore'
        shapes.push(
          ...ruleShapes(
            event,
            'refs/tags/',
            tags,
            tagKey,
            trigger.tags ?? trigger.tagsIgnore,
            (t) => `push of tag ${t}`
          )
        )
      }
    } else if (PULL_REQUEST_EVENTS.has(event)) {
      // The token of a pull request carries neither its base branch in `sub` nor as `ref`
      // (`refs/pull/N/merge`): a base-branch filter cannot be bound, which is a widening.
      const rejected = branches?.rejected ?? null
      const filter: Shape['filter'] =
        branches === null
          ? null
          : {
              key: branchKey,
              patterns: branchPatterns ?? [],
              wider: null,
              rejected: rejected === null ? null : `refs/heads/${rejected}`
            }
      shapes.push(shape(event, 'pull_request', 'refs/pull/*/merge', '*', event, [], filter))
    } else if (event === 'pull_request_target') {
      shapes.push(...pullRequestTargetShapes(trigger, facts, where, ruleShapes))
    } else if (event === 'merge_group') {
      for (const r of branches?.rules ?? [{ like: '*', exclude: [] }]) {
        const queue = (b: string): string =>
          `refs/heads/gh-readonly-queue/${b}/*`.replace(/\*\/\*$/, '*')
        const s = refShape(event, queue(r.like), 'branch', `merge queue of ${r.like}`)
        shapes.push({ ...s, excludeRefs: r.exclude.map(queue) })
      }
    } else if (event === 'release') {
      shapes.push(refShape(event, 'refs/tags/*', 'tag', 'release (any tag)'))
    } else if (event === 'create' || event === 'deployment' || event === 'deployment_status') {
      shapes.push(refShape(event, 'refs/heads/*', 'branch', `${event} (any branch)`))
      shapes.push(refShape(event, 'refs/tags/*', 'tag', `${event} (any tag)`))
    } else if (event === 'workflow_call') {
      if (environment !== null) {
        // The called job's environment makes the subject, whatever ref the caller runs on.
        shapes.push(shape(event, 'ref:*', '*', '*', 'called by another workflow'))
      } else {
        notes.push(
          `${where}: a reusable workflow; the jobs that call it present their own subjects (listed from the callers)`
        )
      }
    } else {
      if (event === 'workflow_dispatch') {
        notes.push(
          `${where}: workflow_dispatch is admitted from the default branch (${facts.defaultBranch}) only; a run started on another branch is refused`
        )
      }
      shapes.push(
        refShape(event, `refs/heads/${defaultBranch}`, 'branch', `${event} (default branch)`)
      )
    }
  }
  if (environment === null) return shapes
  // An environment replaces the context for every event; the ref claim stays. An expression may
  // evaluate to '' (no environment): then the trigger's own subjects apply too.
  // (A called job's own shape only stands for its environment; the callers present the refs.)
  const keep = environment === '*' ? shapes.filter((s) => s.event !== 'workflow_call') : []
  return [
    ...keep,
    ...shapes.map((s) => ({
      ...s,
      context: `environment:${environment}`,
      environment,
      source: `${s.source}, environment ${job.environment ?? ''}`
    }))
  ]
}

/**
 * pull_request_target runs in the context of the pull request's base: GitHub's events reference
 * ("Events that trigger workflows", pull_request_target: GITHUB_REF is the PR base branch) and
 * its OIDC reference ("OpenID Connect reference", example subject claims, "Filtering for
 * pull_request events": the subject carries `pull_request` when the workflow is triggered by a
 * pull request event and the job references no environment; the branch form only when it is
 * not) give a token whose `sub` context is `pull_request` and whose `ref` claim is the base
 * branch, `refs/heads/BASE` (https://docs.github.com/en/actions/reference/security/oidc).
 * So the ref of every shape is limited to the bases the filter names, or the default branch
 * when it names none: never `refs/heads/*` by itself. A template with `ref` (or
 * `job_workflow_ref`) binds it; the default `...:pull_request` cannot, which is a widening.
 */
function pullRequestTargetShapes(
  trigger: Trigger,
  facts: SubjectFacts,
  where: string,
  ruleShapes: (
    event: string,
    prefix: 'refs/heads/',
    rules: FilterRules | null,
    key: FilterKey,
    patterns: readonly string[] | null,
    why: (name: string) => string
  ) => Shape[]
): Shape[] {
  const named = trigger.branches ?? trigger.branchesIgnore
  const key: FilterKey =
    trigger.branches !== null ? 'branches' : named !== null ? 'branches-ignore' : 'default-branch'
  const patterns = named ?? [globLiteral(facts.defaultBranch)]
  const rules = filterRules(
    trigger.branches ?? (named === null ? patterns : null),
    trigger.branchesIgnore
  )
  return ruleShapes(
    'pull_request_target',
    'refs/heads/',
    rules,
    key,
    patterns,
    (b) => `pull_request_target into ${b}`
  ).map((s) => ({ ...s, context: 'pull_request', where }))
}

/** A branch name as a GitHub glob that matches exactly it. */
function globLiteral(name: string): string {
  return name.replace(/[*?+[\]\\!]/g, (c) => `\\${c}`)
}

/** An environment name as a pattern; `*` when it is an expression evaluated at run time. */
function environmentPattern(name: string): string {
  return name.includes('${{') ? '*' : literal(name)
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
