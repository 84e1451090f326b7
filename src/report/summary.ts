import { awsKeyFindings, type Finding, type ScanResult } from '../workflows/findings.js'
import { fitSections, type FitSection } from './fit.js'
import { KIND_INFO } from './kinds.js'
import { groupByFile } from './text.js'

export interface SummaryLinks {
  /** e.g. `https://github.com/OWNER/REPO/blob/SHA/` ; paths are appended. Null: no links. */
  readonly blobBase: string | null
  /** Prefix from the repository root to the scanned root (`''` when the root was scanned). */
  readonly pathPrefix: string
  /**
   * Whether a migration plan of the repository (read through the API, `keys` given) follows
   * this summary: then "nothing to migrate" would speak for files this summary did not read.
   */
  readonly migrationFollows?: boolean
  /** The folder scanned as a person reads it: `.` (the workspace), `sub/dir`, or an absolute path. */
  readonly scanned?: string
}

/**
 * Bytes the findings summary may take: a quarter of the runner's 1 MiB per step, so that the
 * migration summary plan mode adds after it (with `keys`) still fits.
 */
export const PLAN_SUMMARY_LIMIT = 256 * 1024

/** Which files the findings are about: the folder scanned, and what the API plan reads. */
function scopeLine(links: SummaryLinks): string {
  const where = `the workflow files under \`${links.scanned ?? '.'}\``
  return links.migrationFollows
    ? `Scanned: ${where}. The migration plan below reads the repository's default branch through the GitHub API instead.`
    : `Scanned: ${where}.`
}

/**
 * The job summary of plan mode: what was found, where, and what to do next. Within `limit`
 * bytes: rows of the files with the most findings are cut first, the counts and next steps never.
 */
export function renderPlanSummary(
  result: ScanResult,
  links: SummaryLinks,
  limit = PLAN_SUMMARY_LIMIT
): string {
  const aws = awsKeyFindings(result.findings)
  const head: string[] = ['## AWS keys to OIDC: plan', '', scopeLine(links), '']
  if (result.findings.length === 0 && result.errors.length === 0) {
    head.push(
      links.migrationFollows
        ? 'No long-lived AWS access keys found in these workflow files.'
        : 'No long-lived AWS access keys found in the workflows. Nothing to migrate.'
    )
    return head.join('\n') + '\n'
  }
  const automatic = aws.filter((f) => f.migration === 'automatic').length
  const pairs = new Set(aws.map((f) => `${f.pair.accessKeyId}/${f.pair.secretAccessKey}`))
  head.push(
    `**${aws.length}** static AWS key use${aws.length === 1 ? '' : 's'} ` +
      `(${pairs.size} key pair${pairs.size === 1 ? '' : 's'}) in ` +
      `**${new Set(aws.map((f) => f.file)).size}** file(s): ${automatic} can be migrated automatically, ` +
      `${aws.length - automatic} need a person.`,
    ''
  )
  const sections: FitSection[] = [fixed(head)]
  for (const [file, findings] of groupByFile(result.findings)) {
    sections.push({
      head: [
        `### \`${file}\``,
        '',
        '| Line | Job | Kind | Secrets | Migration | What |',
        '|---|---|---|---|---|---|'
      ],
      items: findings.map((f) => row(f, links)),
      tail: [''],
      priority: 1,
      fixed: false,
      unit: 'rows'
    })
  }
  if (result.errors.length) {
    sections.push({
      head: ['### Files that could not be read', ''],
      items: result.errors.map((e) => `- \`${e.file}\` line ${e.line}: ${escape(e.message)}`),
      tail: [''],
      priority: 1,
      fixed: false,
      unit: 'files'
    })
  }
  sections.push(
    fixed([
      '### Next steps',
      '',
      '1. Run this action with `mode: migrate` (see the README: it needs AWS administrator credentials and a token that can push workflow files) to create the IAM roles and open a pull request.',
      '2. Review and merge the pull request, run the migrated workflows once.',
      '3. Deactivate, then delete, the old access keys and their secrets.',
      ''
    ])
  )
  return fitSections(
    sections,
    limit,
    (cut, unit) =>
      `_…${cut} more ${unit} cut to fit the job summary's 1 MiB limit; the \`findings\` output (and SARIF) has all of them._`
  )
}

function fixed(lines: readonly string[]): FitSection {
  return { head: lines, items: [], tail: [], priority: 9, fixed: true, unit: 'lines' }
}

function row(f: Finding, links: SummaryLinks): string {
  const line = links.blobBase
    ? `[${f.line}](${links.blobBase}${encodeURI(links.pathPrefix + f.file)}#L${f.line})`
    : String(f.line)
  const secrets = f.secrets.map((s) => `\`${s}\``).join(', ')
  return `| ${line} | ${f.job ? `\`${f.job}\`` : '(workflow)'} | ${KIND_INFO[f.kind].title} | ${secrets} | ${f.migration} | ${escape(f.reason)} |`
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
