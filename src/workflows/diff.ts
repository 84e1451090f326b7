/**
 * Unified diffs of rewritten files, as `git diff` prints them (`a/` and `b/` prefixes, three
 * lines of context). Carriage returns stay in the lines, so a CRLF file shows CRLF lines.
 */
import { createTwoFilesPatch } from 'diff'

export interface DiffInput {
  readonly path: string
  readonly before: string
  readonly after: string
}

/** The unified diff of one file; '' when nothing changed. */
export function unifiedDiff(file: DiffInput, context = 3): string {
  if (file.before === file.after) return ''
  const patch = createTwoFilesPatch(
    `a/${file.path}`,
    `b/${file.path}`,
    file.before,
    file.after,
    undefined,
    undefined,
    { context }
  )
  // Drop the `Index:`/`====` preamble some versions print; keep from the `---` header on.
  const at = patch.indexOf('--- ')
  return at > 0 ? patch.slice(at) : patch
}

/** The diffs of every changed file, in the given order, joined. */
export function unifiedDiffs(files: readonly DiffInput[], context = 3): string {
  return files
    .map((f) => unifiedDiff(f, context))
    .filter((d) => d !== '')
    .join('')
}
