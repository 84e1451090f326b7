/**
 * The trust check in words (pure): per role, one row per job and claim (allowed), the
 * adversarial claims (denied), the widenings the plan lists, and what failed. Shown in the job
 * summary and the pull request body; the `plan` output carries the records (`trustCheckJson`);
 * `trustCheckErrors` words a failed check for the run's errors.
 */
import type { AdversaryKind } from '../trust/adversarial.js'
import type { TrustCheck, TrustFailure } from '../trust/check.js'
import type { TokenRun } from '../trust/claims.js'
import type { FitSection } from './fit.js'
import type { BodySection } from './body-section.js'

const ADVERSARIES: Readonly<Record<AdversaryKind, string>> = {
  'other-branch': 'another branch',
  'excluded-branch': 'a branch the filters exclude',
  'rejected-tag': 'a tag the filters reject',
  'other-repository': 'another repository of the owner',
  'other-owner': 'the same repository name under another owner',
  'fork-pull-request': 'a pull request from a fork',
  'other-environment': 'an environment the jobs do not use',
  'wrong-audience': 'the wrong audience',
  'missing-repository-id': 'a token without repository_id',
  'other-repository-id': 'another repository_id (the repository deleted and created again)'
}

/** The job summary's section (one item per role, cut after the roles' own sections). */
export function trustCheckFitSections(checks: readonly TrustCheck[]): FitSection[] {
  if (checks.length === 0) return []
  return [
    {
      head: ['### Trust check', '', ...trustCheckIntro(checks), ''],
      items: checks.map((c) => roleLines(c).join('\n')),
      tail: [],
      priority: 3,
      fixed: false,
      unit: 'trust checks'
    }
  ]
}

/** The pull request body's section (the shape `pr-body.ts` folds and cuts). */
export function trustCheckBodySections(checks: readonly TrustCheck[]): BodySection[] {
  if (checks.length === 0) return []
  return [
    {
      heading: '### Trust check',
      head: [...trustCheckIntro(checks), ''],
      lines: checks.flatMap(roleLines),
      tail: [],
      unit: 'lines',
      fixed: false,
      priority: 4
    }
  ]
}

function trustCheckIntro(checks: readonly TrustCheck[]): string[] {
  const failed = checks.filter((c) => !c.passed)
  const source = checks.every((c) => c.source === 'written')
    ? 'the trust policy read back from IAM'
    : 'the planned trust policy'
  return [
    `Each role's trust policy (${source}) evaluated by the action's own IAM condition evaluator: every claim GitHub issues to the jobs must be allowed, every adversarial claim denied unless it is a listed widening. ${failed.length === 0 ? 'All passed.' : `**Failed** for ${failed.map((c) => `\`${c.roleName}\``).join(', ')}.`}`
  ]
}

function roleLines(check: TrustCheck): string[] {
  const out = [
    `**\`${check.roleName}\`**: ${check.passed ? 'passed' : `failed (${check.failures.length})`}`,
    '',
    '| Job | Run | Claim (`sub`) | Result |',
    '|---|---|---|---|'
  ]
  for (const job of check.jobs) {
    if (job.rows.length === 0) {
      out.push(`| ${jobName(job)} | — | no claim (no run of this job could be derived) | — |`)
    }
    for (const row of job.rows) {
      out.push(
        `| ${jobName(job)} | ${runText(row.run)} | \`${cell(row.claims.sub)}\` | ${row.decision.allowed ? 'allowed' : '**denied**'} |`
      )
    }
  }
  out.push('', '| Adversarial claim | Claim | Result |', '|---|---|---|')
  for (const a of check.adversarial) {
    const claim =
      a.kind === 'wrong-audience'
        ? `aud \`${cell(a.claims.aud)}\``
        : a.kind === 'missing-repository-id' || a.kind === 'other-repository-id'
          ? `repository_id ${a.claims.repositoryId === null ? 'missing' : `\`${a.claims.repositoryId}\``}, \`${cell(a.claims.sub)}\``
          : `\`${cell(a.claims.sub)}\``
    const result = !a.decision.allowed
      ? 'denied'
      : a.widening !== null
        ? `allowed (listed widening \`${cell(a.widening)}\`)`
        : '**allowed**'
    out.push(`| ${ADVERSARIES[a.kind]} | ${claim} | ${result} |`)
  }
  out.push('')
  if (check.widenings.length === 0) out.push('Widenings: none.', '')
  else {
    out.push('Widenings:', '')
    for (const w of check.widenings) {
      const parts = [
        w.filter !== null
          ? `for the filter \`${w.filter}\``
          : 'merged to fit the trust-policy quota',
        w.example !== null ? `also admits \`${w.example}\`` : null
      ].filter((p): p is string => p !== null)
      out.push(`- \`${w.pattern}\`: ${parts.join('; ')}`)
    }
    out.push('')
  }
  return out
}

/** A failed check as errors of the run, each naming the role and the claim. */
export function trustCheckErrors(check: TrustCheck): string[] {
  const where = check.source === 'written' ? 'as written in IAM' : 'as planned'
  return check.failures.map(
    (f) =>
      `role ${check.roleArn}: the trust check of its trust policy ${where} failed: ${failureText(f)}`
  )
}

function failureText(f: TrustFailure): string {
  if (f.kind === 'intended-denied') {
    return `the claim of ${f.file}${f.job === null ? '' : ` (job ${f.job})`} is denied (sub '${f.claims.sub}', aud '${f.claims.aud}'); the job could not assume the role`
  }
  return `${ADVERSARIES[f.adversary]} is allowed (sub '${f.claims.sub}', aud '${f.claims.aud}', repository_id ${f.claims.repositoryId ?? 'missing'}) and is not a listed widening`
}

function jobName(job: { readonly file: string; readonly job: string | null }): string {
  return `\`${job.file}\`${job.job === null ? '' : ` (\`${job.job}\`)`}`
}

function runText(run: TokenRun): string {
  const ref = run.ref.replace(/^refs\/(heads|tags)\//, '')
  const what =
    run.event === 'push'
      ? run.ref.startsWith('refs/tags/')
        ? `push of tag \`${ref}\``
        : `push to \`${ref}\``
      : run.ref.startsWith('refs/pull/')
        ? `\`${run.event}\``
        : `\`${run.event}\` on \`${ref}\``
  const via = run.workflow !== run.jobWorkflow ? `, called from \`${run.workflow}\`` : ''
  const env = run.environment !== null ? `, environment \`${run.environment}\`` : ''
  return `${what}${env}${via}`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\n/g, ' ')
}
