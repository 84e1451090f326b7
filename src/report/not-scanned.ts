/**
 * The words for workflow files that are not valid YAML (pure): each is named with its first
 * error's line, in the job summary and the pull request body, and the run fails at the end.
 */
import type { UnparsedFile } from '../migration/blocked.js'
import type { BodySection } from './body-section.js'

/** `FILE: not scanned: not valid YAML, line N (message)`, one per file. */
export function notScannedLine(u: UnparsedFile): string {
  const more = u.errors > 1 ? `; ${u.errors - 1} more error(s) in the file` : ''
  const why = u.message.replace(/^not valid YAML:\s*/, '')
  return `\`${u.file}\`: not scanned: not valid YAML, line ${u.line} (${why}${more})`
}

/** The problem that fails the run, per file. */
export function notScannedProblem(u: UnparsedFile): string {
  return `${u.file}: not scanned: not valid YAML, line ${u.line}`
}

/** The section of the pull request body (the shape `pr-body.ts` renders), none when all parsed. */
export function notScannedBodySections(files: readonly UnparsedFile[]): BodySection[] {
  if (files.length === 0) return []
  return [
    {
      heading: '### Workflow files not scanned',
      head: [
        'These files are not valid YAML, so they were not scanned and this pull request does not change them; GitHub rejects them too. Fix them and run the migration again:'
      ],
      lines: files.map((u) => `- ${notScannedLine(u)}`),
      tail: [],
      unit: 'files',
      fixed: true,
      priority: 9
    }
  ]
}
