/**
 * Small text helpers the detectors share: positions, brackets (quote-aware), argument lists and
 * the edits that add the session token. No language is parsed: these read just far enough
 * around a match to know its call or object and where its arguments end.
 */
import type { TextEdit } from './contract.js'

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

export function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end === -1 ? text.length : end
}

/** The leading blanks of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset)
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? ''
}

/** Whether `at` sits after `//` on its line or in a `*` line of a block comment (C-like languages). */
export function commented(text: string, at: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at)
  return before.includes('//') || /^\s*\*/.test(before)
}

/** Whether only blanks stand between the line's start and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset))
}

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' }
const CLOSE: ReadonlySet<string> = new Set([')', ']', '}'])

/** The end of a quoted string starting at `i` (the offset after its closing quote). */
function skipString(text: string, i: number): number {
  const q = text[i]!
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++
    else if (text[j] === q) return j + 1
    else if (text[j] === '\n' && q !== '`') return j
  }
  return text.length
}

/**
 * The offset of the bracket closing the one at `open`, or -1. Strings in ' " ` are skipped;
 * `limit` bounds the search so that a stray bracket cannot make it read the whole file.
 */
export function closingBracket(text: string, open: number, limit = 4000): number {
  const stack: string[] = []
  const end = Math.min(text.length, open + limit)
  for (let i = open; i < end; i++) {
    const c = text[i]!
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(text, i) - 1
    } else if (OPEN[c]) {
      stack.push(OPEN[c])
    } else if (CLOSE.has(c)) {
      if (stack.pop() !== c) return -1
      if (stack.length === 0) return i
    }
  }
  return -1
}

/**
 * The innermost bracket `(` / `{` / `[` that is open at `offset`, looking back at most `limit`
 * characters, or -1. Strings are not tracked backwards: the detectors match outside them.
 */
export function enclosingOpen(text: string, offset: number, limit = 2000): number {
  let depth = 0
  for (let i = offset - 1; i >= Math.max(0, offset - limit); i--) {
    const c = text[i]!
    if (CLOSE.has(c)) depth++
    else if (OPEN[c]) {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}

/** One argument (or object entry) of a call or literal: its text and offsets. */
export interface Part {
  readonly start: number
  readonly end: number
  /** The text, trimmed. */
  readonly text: string
  /** The offset of the trimmed text. */
  readonly at: number
}

/** The comma-separated parts between the brackets at `open` and `close`, at depth 0. */
export function partsBetween(text: string, open: number, close: number): Part[] {
  const parts: Part[] = []
  let start = open + 1
  const push = (end: number): void => {
    const raw = text.slice(start, end)
    // Comments before and at the end of the part are not part of its value.
    let body = raw.trimStart()
    while (/^(?:#|\/\/)/.test(body))
      body = body.slice(body.indexOf('\n') + 1 || body.length).trimStart()
    const lead = raw.length - body.length
    const value = body.trim().replace(/\s+(?:#|\/\/)[^\n'"]*$/, '')
    if (value !== '') parts.push({ start, end, text: value, at: start + lead })
  }
  for (let i = open + 1; i < close; i++) {
    const c = text[i]!
    if (c === '"' || c === "'" || c === '`') i = skipString(text, i) - 1
    else if (OPEN[c]) {
      const j = closingBracket(text, i)
      if (j === -1) break
      i = j
    } else if (c === ',') {
      push(i)
      start = i + 1
    } else if (c === '#' && text[i - 1] !== '$' && /[ \t]/.test(text[i - 1] ?? '')) {
      // A Python comment runs to the end of the line.
      i = lineEndOf(text, i) - 1
    }
  }
  push(close)
  return parts
}

/**
 * The edit that adds `entry` right after `after` (a part of a call or literal): on a line of
 * its own with the same indentation when `after` starts its line, else after `, ` on the same
 * line. When a comma follows `after` on its line, the new entry goes on the next line with its
 * own comma, so that a comment at the end of the line stays where it was.
 */
export function insertAfter(text: string, after: Part, entry: string): TextEdit[] {
  const at = after.at + after.text.length
  const own = startsLine(text, after.at)
  const end = lineEndOf(text, at)
  const stop = text[end - 1] === '\r' ? end - 1 : end
  const cr = text.slice(stop, end)
  const rest = text.slice(at, stop)
  if (own && /^[ \t]*,/.test(rest)) {
    return [{ start: stop, end: stop, text: `${cr}\n${indentAt(text, after.at)}${entry},` }]
  }
  if (own && /^[ \t]*(?:#|\/\/)/.test(rest)) {
    return [
      { start: at, end: at, text: ',' },
      { start: stop, end: stop, text: `${cr}\n${indentAt(text, after.at)}${entry}` }
    ]
  }
  const sep = own ? `\n${indentAt(text, after.at)}` : ' '
  return [{ start: at, end: at, text: `,${sep}${entry}` }]
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end)
  }
  return out
}

/** The secret key's names as written, with the session token's in their place. */
export function tokenTwin(text: string): string {
  return text
    .replace(/AWS_SECRET_ACCESS_KEY/g, 'AWS_SESSION_TOKEN')
    .replace(/aws_secret_access_key/g, 'aws_session_token')
    .replace(/aws-secret-access-key/g, 'aws-session-token')
}

/**
 * The edit that repeats the line holding `offset` right after it, the secret key's names turned
 * into the session token's: `aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"`
 * gets `aws configure set aws_session_token "$AWS_SESSION_TOKEN"` below it.
 */
export function twinLine(text: string, offset: number): { edit: TextEdit; added: string } {
  const start = lineStartOf(text, offset)
  const end = lineEndOf(text, offset)
  const line = text.slice(start, end)
  const added = tokenTwin(line)
  return { edit: { start: end, end, text: `\n${added}` }, added: added.trim() }
}
