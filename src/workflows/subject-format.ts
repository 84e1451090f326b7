/**
 * The repository's OIDC subject format (pure): how one token shape becomes the whole `sub` as an
 * IAM `StringLike` pattern. The prefix follows the repository's subject format (`GET
 * /repos/{o}/{r}/actions/oidc/customization/sub`): `repo:O/R`, the immutable
 * `repo:O@OWNER_ID/R@REPO_ID`, or a custom claim template (`include_claim_keys`).
 */
import { literal } from './filters.js'
import type { OidcSubjectFormat, RepositoryFacts } from './repository.js'

/** The facts the subjects are built from: who the repository is and its readable subject format. */
export type SubjectFacts = Pick<
  RepositoryFacts,
  'owner' | 'repo' | 'ownerId' | 'repoId' | 'defaultBranch'
> & {
  readonly oidcSubject: OidcSubjectFormat
}

/** What a token of one job run would carry, as IAM patterns. */
export interface TokenShape {
  readonly event: string
  readonly context: string
  readonly ref: string
  readonly refType: string
  readonly environment: string | null
  /** The workflow file the job is in (for `job_workflow_ref` / `workflow_ref` claims). */
  readonly file: string
  readonly source: string
}

export interface SubjectRenderer {
  render(shape: TokenShape): string
  readonly fixedPrefix: string
  readonly pinsRepository: boolean
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

/** The shape with another ref (in the `ref:` context too), to render exclusions and probes. */
export function withRef(shape: TokenShape, ref: string): TokenShape {
  return {
    ...shape,
    ref,
    context: shape.context.startsWith('ref:') ? `ref:${ref}` : shape.context
  }
}

const REPOSITORY_CLAIMS: ReadonlySet<string> = new Set(['repo', 'repository', 'repository_id'])

export function subjectRenderer(facts: SubjectFacts, notes: string[]): SubjectRenderer {
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
