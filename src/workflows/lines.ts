/**
 * Line numbers of source offsets from a table of line starts, built once per text (one pass)
 * and searched by bisection, so asking for the line of many offsets of a large file stays
 * linear in its size. Pure.
 */

/** The offsets at which the lines of a text start (the first is 0), ascending. */
export type LineStarts = readonly number[]

export function lineStarts(text: string): LineStarts {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/**
 * The 1-based line holding `offset`: the number of line starts at or before it. An offset on a
 * line break belongs to the line it ends; offsets past the end are on the last line.
 */
export function lineAt(starts: LineStarts, offset: number): number {
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! <= offset) lo = mid + 1
    else hi = mid
  }
  return Math.max(lo, 1)
}
