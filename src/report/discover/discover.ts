/**
 * The words and shapes of `mode: discover`: the `repositories` output (the matrix rows, only
 * repositories with findings, in name order) and the job summary table. Pure.
 */
import type { Finding } from '../../workflows/findings.js'

/** One repository as discover saw it. */
export interface DiscoveredRepository {
  readonly repository: string
  readonly archived: boolean
  readonly files: number
  /** AWS key findings (not-migrated ones left out), as the rewrite settled them. */
  readonly findings: readonly Finding[]
  /** Files that could not be parsed or read. */
  readonly errors: number
}

/** A row of the `repositories` output, for `strategy.matrix.include`. */
export interface MatrixRow {
  readonly repository: string
  readonly findings: number
  readonly automatic: number
  readonly manual: number
}

/**
 * Where the SARIF of one repository goes when `sarif-file` is set in discover mode: the
 * repository's owner and name before the extension (`results.sarif` ->
 * `results.acme.api.sarif`), so that each can be uploaded to its own repository.
 */
export function sarifPathFor(file: string, repository: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  const dot = file.lastIndexOf('.')
  const tag = repository.replace('/', '.')
  return dot > slash + 1 ? `${file.slice(0, dot)}.${tag}${file.slice(dot)}` : `${file}.${tag}`
}

export function matrixRows(repos: readonly DiscoveredRepository[]): MatrixRow[] {
  return repos
    .filter((r) => r.findings.length > 0)
    .map((r) => ({
      repository: r.repository,
      findings: r.findings.length,
      automatic: r.findings.filter((f) => f.migration === 'automatic').length,
      manual: r.findings.filter((f) => f.migration === 'manual').length
    }))
    .sort((a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0))
}

export interface DiscoverSummaryFacts {
  readonly organization: string
  readonly filter: string
  readonly listed: number
  readonly repos: readonly DiscoveredRepository[]
  readonly skipped: readonly string[]
}

const cell = (s: string): string => s.replace(/\|/g, '\\|')

export function renderDiscoverSummary(facts: DiscoverSummaryFacts): string {
  const rows = matrixRows(facts.repos)
  const files = facts.repos.reduce((n, r) => n + r.files, 0)
  const lines = [
    `## Static AWS keys in ${cell(facts.organization)}`,
    '',
    `${facts.repos.length} of ${facts.listed} repositories matched \`${cell(facts.filter)}\`; ${files} workflow files scanned; ${rows.length} ${rows.length === 1 ? 'repository uses' : 'repositories use'} static keys.`,
    ''
  ]
  if (rows.length > 0) {
    lines.push('| Repository | Findings | Automatic | Manual |', '|---|---:|---:|---:|')
    for (const r of rows) {
      lines.push(`| ${cell(r.repository)} | ${r.findings} | ${r.automatic} | ${r.manual} |`)
    }
    lines.push('')
  }
  const unparsed = facts.repos.filter((r) => r.errors > 0)
  if (unparsed.length > 0) {
    lines.push(
      `Files not valid YAML in: ${unparsed.map((r) => `${cell(r.repository)} (${r.errors})`).join(', ')}.`,
      ''
    )
  }
  if (facts.skipped.length > 0) {
    lines.push(
      `Not scanned (too large to read through the API): ${facts.skipped.map(cell).join(', ')}.`,
      ''
    )
  }
  return lines.join('\n')
}
