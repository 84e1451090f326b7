import { awsKeyFindings, type Finding, type ScanResult } from '../workflows/findings.js'

/** A readable table per file, for the terminal. */
export function renderText(result: ScanResult): string {
  const lines: string[] = []
  const byFile = groupByFile(result.findings)
  for (const [file, findings] of byFile) {
    lines.push(file)
    const rows = findings.map((f) => [
      `${f.line}:${f.column}`,
      f.job ?? '(workflow)',
      f.kind,
      f.migration,
      f.secrets.join(', '),
      f.reason
    ])
    lines.push(...table(['LINE', 'JOB', 'KIND', 'MIGRATION', 'SECRETS', 'WHAT'], rows))
    lines.push('')
  }
  for (const e of result.errors) {
    lines.push(`error: ${e.file}:${e.line}: ${e.message}`)
  }
  const aws = awsKeyFindings(result.findings)
  const other = result.findings.length - aws.length
  lines.push(
    `${aws.length} static AWS key use${aws.length === 1 ? '' : 's'} in ${new Set(aws.map((f) => f.file)).size} file(s)` +
      (other ? `, ${other} non-AWS key use${other === 1 ? '' : 's'} left as is` : '') +
      (result.errors.length
        ? `, ${new Set(result.errors.map((e) => e.file)).size} file(s) not valid YAML (not scanned)`
        : '')
  )
  return lines.join('\n') + '\n'
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = map.get(f.file) ?? []
    list.push(f)
    map.set(f.file, list)
  }
  return map
}

function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows]
  // The last column (free text) is not padded.
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  return all.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
      .replace(/^/, '  ')
  )
}
