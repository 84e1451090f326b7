/**
 * Source-preserving text edits: replace exact offset ranges of the original text and leave every
 * other byte alone (comments, blank lines, quoting, CRLF, a missing final newline). Line helpers
 * find where a YAML node's lines start and end and which line ending they use.
 */

/** Replace `text[start, end)` by `text`. An insertion has `start === end`. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Raised when two edits overlap: a rewrite that would be ambiguous is never applied. */
export class EditConflictError extends Error {
  constructor(a: TextEdit, b: TextEdit) {
    super(`overlapping edits at [${a.start}, ${a.end}) and [${b.start}, ${b.end})`)
    this.name = 'EditConflictError'
  }
}

/**
 * Applies edits to the original text. Edits are given in original offsets; insertions at the
 * same offset keep the order in which they were given. Overlapping deletions merge; any other
 * overlap throws.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map((e) => e.edit)
  // Deletions that overlap (two whole-line removals at the end of a file without a final
  // newline share a line ending) are one deletion.
  const merged: TextEdit[] = []
  for (const edit of sorted) {
    const last = merged[merged.length - 1]
    if (
      last &&
      last.text === '' &&
      edit.text === '' &&
      last.end > last.start &&
      edit.end > edit.start &&
      edit.start < last.end
    ) {
      let start = last.start
      const end = Math.max(last.end, edit.end)
      // Lines removed through the end of a file without a final newline take the ending
      // before them, so the file still ends without one.
      if (end === text.length && !text.endsWith('\n') && start > 0 && text[start - 1] === '\n') {
        start = lineEnd(text, start - 1)
      }
      merged[merged.length - 1] = { start, end, text: '' }
    } else {
      merged.push(edit)
    }
  }
  let out = ''
  let at = 0
  let previous: TextEdit | null = null
  for (const edit of merged) {
    if (edit.start < 0 || edit.end > text.length || edit.end < edit.start) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (${text.length})`)
    }
    if (previous && edit.start < previous.end) throw new EditConflictError(previous, edit)
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
    previous = edit
  }
  return out + text.slice(at)
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset of the line ending (`\r\n` or `\n`) of the line holding `offset`, or the text's end. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  if (nl < 0) return text.length
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl
}

/** Offset just after the line ending of the line holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl < 0 ? text.length : nl + 1
}

/** The line ending of the line holding `offset`; '' on a last line without one. */
export function eolOf(text: string, offset: number): string {
  const end = lineEnd(text, offset)
  return text.slice(end, nextLineStart(text, offset))
}

/** The line ending most lines use (`\n` when none). */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0
  let lf = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++
    else lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

/** The column (0-based) of `offset` in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset)
}

/** Leading spaces of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset)
  let i = start
  while (text[i] === ' ') i++
  return text.slice(start, i)
}

/** Whether the line holding `offset` is blank or only a comment. */
export function isBlankOrComment(text: string, offset: number): boolean {
  const line = text.slice(lineStart(text, offset), lineEnd(text, offset)).trim()
  return line === '' || line.startsWith('#')
}

export function isBlank(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), lineEnd(text, offset)).trim() === ''
}

/** Removes whole lines: from the line holding `from` through the line holding `to`, line endings included. */
export function removeLines(text: string, from: number, to: number): TextEdit {
  const start = lineStart(text, from)
  let end = nextLineStart(text, to)
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    // The last line has no ending: take the previous line's ending instead, so the file keeps
    // its "no final newline" shape.
    const prevEnd = lineEnd(text, start - 1)
    return { start: prevEnd, end, text: '' }
  }
  if (end < start) end = start
  return { start, end, text: '' }
}

/**
 * Inserts whole lines before the line holding `offset`. Each line ends with that line's own
 * ending (or the file's dominant one on a last line without one).
 */
export function insertLinesBefore(
  text: string,
  offset: number,
  lines: readonly string[]
): TextEdit {
  const start = lineStart(text, offset)
  const eol = eolOf(text, offset) || dominantEol(text)
  return { start, end: start, text: lines.map((l) => l + eol).join('') }
}

/**
 * Inserts whole lines after the line holding `offset`, with that line's ending. After a last line
 * without an ending, the new lines are preceded by the ending of the line above, and the file
 * still ends without one.
 */
export function insertLinesAfter(text: string, offset: number, lines: readonly string[]): TextEdit {
  const end = nextLineStart(text, offset)
  const eol = eolOf(text, offset)
  if (eol === '') {
    const start = lineStart(text, offset)
    const e = start > 0 ? eolOf(text, start - 1) : dominantEol(text)
    return { start: end, end, text: lines.map((l) => e + l).join('') }
  }
  return { start: end, end, text: lines.map((l) => l + eol).join('') }
}

/**
 * The offset where the comment lines directly above the line of `offset` start (the line of
 * `offset` itself when there are none). Comments above a step or key usually describe it.
 */
export function leadingCommentStart(text: string, offset: number, minIndent: number): number {
  let start = lineStart(text, offset)
  while (start > 0) {
    const prev = lineStart(text, start - 1)
    const line = text.slice(prev, lineEnd(text, prev))
    const trimmed = line.trimStart()
    if (!trimmed.startsWith('#') || line.length - trimmed.length < minIndent) break
    start = prev
  }
  return start
}
