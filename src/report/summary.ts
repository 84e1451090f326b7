import { awsKeyFindings, type Finding, type ScanResult } from '../workflows/findings.js'
import { KIND_INFO } from './kinds.js'
import { groupByFile } from './text.js'

export interface SummaryLinks {
  /** e.g. `https://github.com/OWNER/REPO/blob/SHA/` ; paths are appended. Null: no links. */
  readonly blobBase: string | null
  /** Prefix from the repository root to the scanned root (`''` when the root was scanned). */
  readonly pathPrefix: string
}

/** The job summary of plan mode: what was found, where, and what to do next. */
export function renderPlanSummary(result: ScanResult, links: SummaryLinks): string {
  const aws = awsKeyFindings(result.findings)
  const out: string[] = ['## AWS keys to OIDC: plan', '']
  if (result.findings.length === 0 && result.errors.length === 0) {
    out.push('No long-lived AWS access keys found in the workflows. Nothing to migrate.')
    return out.join('\n') + '\n'
  }
  const automatic = aws.filter((f) => f.migration === 'automatic').length
  const pairs = new Set(aws.map((f) => `${f.pair.accessKeyId}/${f.pair.secretAccessKey}`))
  out.push(
    `**${aws.length}** static AWS key use${aws.length === 1 ? '' : 's'} ` +
      `(${pairs.size} key pair${pairs.size === 1 ? '' : 's'}) in ` +
      `**${new Set(aws.map((f) => f.file)).size}** file(s): ${automatic} can be migrated automatically, ` +
      `${aws.length - automatic} need a person.`,
    ''
  )
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(`### \`${file}\``, '')
    out.push('| Line | Job | Kind | Secrets | Migration | What |', '|---|---|---|---|---|---|')
    for (const f of findings) out.push(row(f, links))
    out.push('')
  }
  if (result.errors.length) {
    out.push('### Files that could not be read', '')
    for (const e of result.errors) out.push(`- \`${e.file}\` line ${e.line}: ${escape(e.message)}`)
    out.push('')
  }
  out.push(
    '### Next steps',
    '',
    '1. Run this action with `mode: migrate` (see the README: it needs AWS administrator credentials and a token that can push workflow files) to create the IAM roles and open a pull request.',
    '2. Review and merge the pull request, run the migrated workflows once.',
    '3. Deactivate, then delete, the old access keys and their secrets.',
    ''
  )
  return out.join('\n')
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
