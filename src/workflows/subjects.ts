/**
 * The OIDC `sub` values a job presents to AWS, as IAM `StringLike` patterns (pure).
 *
 * A job with `environment: E` presents `...:environment:E`; otherwise the event decides: push
 * branches `...:ref:refs/heads/B`, tags `...:ref:refs/tags/T`, pull requests `...:pull_request`,
 * the default branch for schedule, workflow_dispatch, workflow_run and the other events that run
 * on it, tags for release, the merge-queue refs for merge_group. The prefix follows the
 * repository's subject format (`GET /repos/{o}/{r}/actions/oidc/customization/sub`): `repo:O/R`,
 * the immutable `repo:O@OWNER_ID/R@REPO_ID`, or a custom claim template.
 */
import type { Trigger } from './findings.js'
import type { OidcSubjectFormat, RepositoryFacts } from './repository.js'

/** The facts the subjects are built from: who the repository is and its readable subject format. */
export type SubjectFacts = Pick<
  RepositoryFacts,
  'owner' | 'repo' | 'ownerId' | 'repoId' | 'defaultBranch'
> & {
  readonly oidcSubject: OidcSubjectFormat
}

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
  /** Things a reviewer should know: approximations, unknown claim values, unresolved jobs. */
  readonly notes: readonly string[]
}

/** What a token of one job run would carry, as IAM patterns. */
interface TokenShape {
  readonly event: string
  readonly context: string
  readonly ref: string
  readonly refType: string
  readonly environment: string | null
  /** The workflow file the job is in (for `job_workflow_ref` / `workflow_ref` claims). */
  readonly file: string
  readonly source: string
}

/** Events whose token carries the `pull_request` context. */
const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment'
])

/** Subjects for every job, merged and deduplicated (same pattern: sources joined). */
export function subjectsForJobs(jobs: readonly JobUse[], facts: SubjectFacts): SubjectResult {
  const notes: string[] = []
  const shapes: TokenShape[] = []
  for (const job of jobs) shapes.push(...tokenShapes(job, facts, notes))
  const renderer = subjectRenderer(facts, notes)
  const byPattern = new Map<string, string[]>()
  for (const shape of shapes) {
    const pattern = renderer.render(shape)
    const sources = byPattern.get(pattern) ?? []
    if (!sources.includes(shape.source)) sources.push(shape.source)
    byPattern.set(pattern, sources)
  }
  const subjects = [...byPattern.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([pattern, sources]) => ({ pattern, sources }))
  return {
    subjects,
    fixedPrefix: renderer.fixedPrefix,
    pinsRepository: renderer.pinsRepository,
    notes: unique(notes)
  }
}

/** The repository claim value: `O/R`, or `O@OWNER_ID/R@REPO_ID` in the immutable format. */
export function repositoryClaim(facts: SubjectFacts): string {
  return facts.oidcSubject.useImmutableSubject
    ? `${facts.owner}@${facts.ownerId}/${facts.repo}@${facts.repoId}`
    : `${facts.owner}/${facts.repo}`
}

/** The subject prefix of the default template, e.g. `repo:octo-org/octo-repo`. */
export function defaultSubjectPrefix(facts: SubjectFacts): string {
  const given = facts.oidcSubject.subClaimPrefix?.replace(/:+$/, '')
  if (given && given.startsWith('repo:')) return given
  return `repo:${repositoryClaim(facts)}`
}

function tokenShapes(job: JobUse, facts: SubjectFacts, notes: string[]): TokenShape[] {
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
  const shapes: TokenShape[] = []
  const defaultBranch = literal(facts.defaultBranch)
  const branchShape = (event: string, branch: string, why: string): TokenShape => ({
    event,
    context: `ref:refs/heads/${branch}`,
    ref: `refs/heads/${branch}`,
    refType: 'branch',
    environment: null,
    file: job.file,
    source: `${where}: ${why}`
  })
  const tagShape = (event: string, tag: string, why: string): TokenShape => ({
    event,
    context: `ref:refs/tags/${tag}`,
    ref: `refs/tags/${tag}`,
    refType: 'tag',
    environment: null,
    file: job.file,
    source: `${where}: ${why}`
  })
  const pullRequestShape = (event: string): TokenShape => ({
    event,
    context: 'pull_request',
    ref: 'refs/pull/*/merge',
    refType: '*',
    environment: null,
    file: job.file,
    source: `${where}: ${event}`
  })
  for (const trigger of job.triggers) {
    const event = trigger.event
    if (event === 'push') {
      const branches = filterPatterns(trigger.branches, trigger.branchesIgnore)
      const tags = filterPatterns(trigger.tags, trigger.tagsIgnore)
      const onlyTags = branches === null && tags !== null
      const onlyBranches = tags === null && branches !== null
      if (!onlyTags) {
        for (const b of branches ?? ['*']) shapes.push(branchShape(event, b, `push to branch ${b}`))
      }
      if (!onlyBranches) {
        for (const t of tags ?? ['*']) shapes.push(tagShape(event, t, `push of tag ${t}`))
      }
    } else if (PULL_REQUEST_EVENTS.has(event)) {
      shapes.push(pullRequestShape(event))
    } else if (event === 'pull_request_target') {
      // The token is minted for the base branch; GitHub documents `pull_request` for pull
      // request events. Both are admitted so that the job works either way.
      shapes.push(pullRequestShape(event))
      const bases = filterPatterns(trigger.branches, trigger.branchesIgnore) ?? ['*']
      for (const b of bases) shapes.push(branchShape(event, b, `pull_request_target into ${b}`))
    } else if (event === 'merge_group') {
      const bases = filterPatterns(trigger.branches, trigger.branchesIgnore) ?? ['*']
      for (const b of bases) {
        const queue = `gh-readonly-queue/${b}/*`.replace(/\*\/\*$/, '*')
        shapes.push(branchShape(event, queue, `merge queue of ${b}`))
      }
    } else if (event === 'release') {
      shapes.push(tagShape(event, '*', 'release (any tag)'))
    } else if (event === 'create' || event === 'deployment' || event === 'deployment_status') {
      shapes.push(branchShape(event, '*', `${event} (any branch)`))
      shapes.push(tagShape(event, '*', `${event} (any tag)`))
    } else if (event === 'workflow_call') {
      if (environment !== null) {
        // The called job's environment makes the subject, whatever ref the caller runs on.
        shapes.push({
          event,
          context: 'ref:*',
          ref: '*',
          refType: '*',
          environment: null,
          file: job.file,
          source: `${where}: called by another workflow`
        })
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
      shapes.push(branchShape(event, defaultBranch, `${event} (default branch)`))
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

/** Positive filter patterns as IAM patterns; `['*']` when only negations or ignores exist; null when no filter. */
function filterPatterns(
  include: readonly string[] | null,
  ignore: readonly string[] | null
): string[] | null {
  if (include === null && ignore === null) return null
  const positive = (include ?? []).filter((p) => !p.startsWith('!')).map(filterGlobToIamPattern)
  if (positive.length === 0) return ['*']
  return unique(positive)
}

/**
 * Turns a GitHub filter glob (branches, tags) into an IAM `StringLike` pattern that matches at
 * least every name the glob matches: `*` and `**` become `*`; `X?` (zero or one X) and `X+`
 * (one or more X) become `X*`-like wildcards; `[...]` becomes `?`; `\X` is a literal X; IAM's
 * special characters in literal text are escaped (`${*}`, `${?}`, `${$}`).
 */
export function filterGlobToIamPattern(glob: string): string {
  let out = ''
  const chars = [...glob]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '\\' && i + 1 < chars.length) {
      out += literal(chars[++i] ?? '')
    } else if (c === '*') {
      out += '*'
    } else if (c === '?') {
      // zero or one of the preceding character: drop it and match anything in its place
      out = dropLastLiteral(out) + '*'
    } else if (c === '+') {
      out += '*'
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close > i) {
        out += '?'
        i = [...glob.slice(0, close)].length
      } else {
        out += '['
      }
    } else {
      out += literal(c)
    }
  }
  return out.replace(/\*{2,}/g, '*')
}

function dropLastLiteral(pattern: string): string {
  if (pattern.endsWith('}') && /\$\{[*?$]\}$/.test(pattern)) return pattern.slice(0, -4)
  if (pattern.endsWith('*') || pattern.endsWith('?')) return pattern
  return [...pattern].slice(0, -1).join('')
}

/** Escapes IAM's special characters in literal text. */
export function literal(text: string): string {
  return text.replace(/[$*?]/g, (c) => `\${${c}}`)
}

/** An environment name as a pattern; `*` when it is an expression evaluated at run time. */
function environmentPattern(name: string): string {
  return name.includes('${{') ? '*' : literal(name)
}

interface SubjectRenderer {
  render(shape: TokenShape): string
  readonly fixedPrefix: string
  readonly pinsRepository: boolean
}

const REPOSITORY_CLAIMS: ReadonlySet<string> = new Set(['repo', 'repository', 'repository_id'])

function subjectRenderer(facts: SubjectFacts, notes: string[]): SubjectRenderer {
  const format = facts.oidcSubject
  if (format.useDefault || format.includeClaimKeys.length === 0) {
    const prefix = `${literal(defaultSubjectPrefix(facts))}:`
    return { render: (s) => `${prefix}${s.context}`, fixedPrefix: prefix, pinsRepository: true }
  }
  const keys = format.includeClaimKeys
  const o = literal(facts.owner)
  const r = literal(facts.repo)
  const segment = (key: string, s: TokenShape): string => {
    switch (key) {
      case 'repo':
        return `repo:${literal(repositoryClaim(facts))}`
      case 'context':
        return s.context
      case 'ref':
        return `ref:${s.ref}`
      case 'environment':
        return `environment:${s.environment ?? '*'}`
      case 'repository':
        return `repository:${o}/${r}`
      case 'repository_owner':
        return `repository_owner:${o}`
      case 'repository_owner_id':
        return `repository_owner_id:${facts.ownerId}`
      case 'repository_id':
        return `repository_id:${facts.repoId}`
      case 'event_name':
        return `event_name:${s.event}`
      case 'ref_type':
        return `ref_type:${s.refType}`
      case 'job_workflow_ref':
      case 'workflow_ref':
        return `${key}:${o}/${r}/${literal(s.file)}@${s.ref}`
      default:
        notes.push(
          `the repository's subject template includes '${key}', whose value is known only at run time; any value is admitted`
        )
        return `${key}:*`
    }
  }
  const sample: TokenShape = {
    event: 'push',
    context: 'x',
    ref: 'x',
    refType: 'x',
    environment: 'x',
    file: 'x',
    source: 'x'
  }
  let fixedPrefix = ''
  let pinsRepository = false
  for (const key of keys) {
    const part = segment(key, sample)
    if (['context', 'ref', 'environment', 'event_name', 'ref_type'].includes(key)) break
    if (key === 'job_workflow_ref' || key === 'workflow_ref' || part.includes('*')) break
    fixedPrefix += `${part}:`
    if (REPOSITORY_CLAIMS.has(key)) pinsRepository = true
  }
  if (!pinsRepository) fixedPrefix = ''
  if (!keys.some((k) => REPOSITORY_CLAIMS.has(k))) {
    notes.push(
      `the repository's subject template (${keys.join(', ')}) names no repository claim; the trust policy must bind the repository another way`
    )
  }
  return {
    render: (s) => keys.map((k) => segment(k, s)).join(':'),
    fixedPrefix,
    pinsRepository: keys.some((k) => REPOSITORY_CLAIMS.has(k))
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
