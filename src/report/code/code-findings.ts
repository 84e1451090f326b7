/**
 * The words for the code the jobs run (`src/code/`): each place that hands the keys on, what it
 * does with the session token, its fix or why it has none, and the jobs that keep their keys
 * because of it. One renderer for the command line (text), the job summary and the pull request
 * body (Markdown), and the `plan --format json` record (data, no words but the sentence).
 */
import type { CodeConstruct, CodeFinding, CodeReport, NoFixReason } from '../../code/contract.js'
import type { BodySection } from '../body-section.js'
import type { FitSection } from '../fit.js'

export type { CodeReport }

const CONSTRUCT: Readonly<Record<CodeConstruct, string>> = {
  'boto3-call': 'a boto3/botocore call given aws_access_key_id',
  'sdk-v3-credentials': 'AWS SDK credentials { accessKeyId, secretAccessKey }',
  'sdk-v2-config': 'AWS.config.update({ accessKeyId, secretAccessKey })',
  'sdk-v2-credentials': 'new AWS.Credentials(accessKeyId, secretAccessKey)',
  'static-credentials': 'static credentials (NewStaticCredentials)',
  'basic-credentials': 'basic credentials (BasicAWSCredentials / AwsBasicCredentials)',
  'provider-keys': 'provider "aws" with access_key / secret_key',
  'function-environment': 'the keys copied into the deployed functions\u2019 environment',
  'service-environment': 'a container\u2019s environment given the keys',
  'aws-configure': 'aws configure set aws_secret_access_key',
  'credentials-file': 'a credentials file written with the keys',
  'docker-env': 'docker -e AWS_SECRET_ACCESS_KEY',
  'build-arg': 'docker --build-arg with the keys',
  'terraform-var': 'terraform -var with the keys',
  'export-other-name': 'the keys exported under another name',
  'github-env': 'the keys written to $GITHUB_ENV',
  'env-file': 'the keys written to an env file'
}

const NO_FIX: Readonly<Record<NoFixReason, string>> = {
  'keys-not-from-env':
    'the keys come from somewhere other than AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, so the token cannot be added beside them: pass the session token too, or drop the explicit keys and use the default credential chain',
  'needs-declaration':
    'the token needs a declaration of its own there (a Docker ARG, a Terraform variable and its feed, a session-credentials class): use the default credential chain instead of explicit keys',
  'other-name':
    'the keys go on under other names only their reader knows: pass AWS_SESSION_TOKEN the same way, or let the reader use the default credential chain',
  'literal-keys':
    'long-lived keys are written in the file: remove them and use the default credential chain',
  deployed:
    'the deployed code gets the CI keys, which become temporary and expire: give it its own execution role instead',
  'not-a-line':
    'a line cannot be added safely there (not a literal block, a continued line, or a line repeated in the file): add the session token by hand'
}

/** One sentence for a finding. */
export function codeSentence(f: CodeFinding, applied: boolean): string {
  const what = CONSTRUCT[f.construct]
  if (f.verdict === 'passes-token')
    return `${what}; the session token is passed too: nothing to do.`
  const verdict =
    f.verdict === 'static-only' ? 'is hard-wired to long-lived keys' : 'drops the session token'
  if (f.fix && applied)
    return `${what} ${verdict}; fixed: added \`${f.fix.added}\` (the keys stay explicit, so nothing they override changes, and it works as before where the token is unset).`
  if (f.fix)
    return `${what} ${verdict}; the fix \`${f.fix.added}\` goes in with the migration of its workflow.`
  return `${what} ${verdict}; ${NO_FIX[f.noFix ?? 'not-a-line']}.`
}

const where = (f: CodeFinding): string =>
  `${f.file}:${f.line}${f.job !== null ? ` (job ${f.job})` : ''}`

function needsWork(report: CodeReport): CodeFinding[] {
  return report.findings.filter((f) => f.verdict !== 'passes-token')
}

/** The command line's text: every finding that needs work, and the jobs kept on their keys. */
export function renderCodeText(report: CodeReport): string {
  const list = needsWork(report)
  if (list.length === 0 && !report.budget) return ''
  const lines = [`Code that hands the AWS keys on (${list.length}):`]
  for (const f of list) lines.push(`  ${where(f)}: ${codeSentence(f, report.applied.includes(f))}`)
  for (const h of report.holds) {
    lines.push(
      `  job ${h.job} in ${h.file} keeps its keys: it runs ${h.codeFile}:${h.line} (${h.verdict}), which is not fixed.`
    )
  }
  if (report.budget) lines.push(`  ${budgetSentence(report.budget)}`)
  return lines.join('\n') + '\n'
}

function budgetSentence(b: { readonly bytes: number; readonly skipped: number }): string {
  return `The code scan stopped at its budget of ${b.bytes} bytes: ${b.skipped} candidate file(s) were not read; jobs that run them are judged on their workflow alone.`
}

const CODE_HEAD =
  'After the migration the keys are temporary: code that passes the key pair on must pass `AWS_SESSION_TOKEN` too. The fix adds the token beside the explicit keys rather than dropping them (just as small, and it keeps whatever those keys override, such as a profile); where the token is unset the code works as before.'

function rows(report: CodeReport): string[] {
  return needsWork(report).map((f) => {
    const applied = report.applied.includes(f)
    const fix = applied ? 'fixed here' : f.fix ? 'fix planned' : 'by hand'
    const what = codeSentence(f, applied).replace(/\|/g, '\\|')
    return `| \`${f.file}\` | ${f.line} | ${f.verdict} | ${fix} | ${what} |`
  })
}

function holdLines(report: CodeReport): string[] {
  return report.holds.map(
    (h) =>
      `- \`${h.file}\` job \`${h.job}\` keeps its keys: it runs \`${h.codeFile}\` line ${h.line} (${h.verdict}), which this change does not fix.`
  )
}

/** The sections of the pull request body (the shape `pr-body.ts` renders); none when nothing to say. */
export function codeBodySections(report: CodeReport | null | undefined): BodySection[] {
  if (!report || (needsWork(report).length === 0 && !report.budget)) return []
  const sections: BodySection[] = [
    {
      heading: '### Code that hands the AWS keys on',
      head: [CODE_HEAD, '', '| File | Line | Verdict | Fix | What |', '|---|---|---|---|---|'],
      lines: rows(report),
      tail: report.budget ? ['', budgetSentence(report.budget)] : [],
      unit: 'rows',
      fixed: false,
      priority: 7
    }
  ]
  if (report.holds.length > 0) {
    sections.push({
      heading: '### Jobs kept on their keys by their code',
      head: ['Fix the code named, then run the migration again:'],
      lines: holdLines(report),
      tail: [],
      unit: 'jobs',
      fixed: true,
      priority: 9
    })
  }
  return sections
}

/** A Markdown section for the job summary; '' when nothing to say. */
export function renderCodeMarkdown(report: CodeReport | null | undefined): string {
  return codeBodySections(report)
    .map((s) => [s.heading, '', ...s.head, ...s.lines, ...s.tail].join('\n'))
    .join('\n\n')
    .concat(report && codeBodySections(report).length > 0 ? '\n' : '')
}

/** The `code` record of `plan --format json` and of the `plan` output (only grows). */
export interface CodeJson {
  readonly findings: readonly (CodeFinding & {
    readonly applied: boolean
    readonly sentence: string
  })[]
  readonly holds: CodeReport['holds']
  readonly budget?: CodeReport['budget']
}

/** The findings with their fix, whether the plan makes it, and the sentence. */
export function codeJson(report: CodeReport): CodeJson {
  return {
    findings: report.findings.map((f) => ({
      ...f,
      applied: report.applied.includes(f),
      sentence: codeSentence(f, report.applied.includes(f))
    })),
    holds: report.holds,
    ...(report.budget ? { budget: report.budget } : {})
  }
}

/** The same sections for the job summary's cut (`fit.ts`). */
export function codeFitSections(report: CodeReport | null | undefined): FitSection[] {
  return codeBodySections(report).map((s) => ({
    head: [s.heading, '', ...s.head],
    items: s.lines,
    tail: [...s.tail, ''],
    priority: s.priority,
    fixed: s.fixed,
    unit: s.unit
  }))
}
