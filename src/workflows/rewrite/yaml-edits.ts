/**
 * Text edits addressed by `yaml` nodes: remove map entries, replace a scalar, add an entry to a
 * block or flow map, insert a sequence item. Every edit is an exact offset range of the original
 * text (from the parser's source ranges); nothing is re-serialised, so the rest of the file keeps
 * its bytes. Shapes these helpers do not handle raise {@link UnsupportedEdit}, and the caller
 * leaves the whole file as it was.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import {
  insertLinesAfter,
  insertLinesBefore,
  lineEnd,
  lineStart,
  nextLineStart,
  removeLines,
  type TextEdit
} from './text-edits.js'

/** A shape the rewriter does not edit (multi-line flow map, a key sharing its line, ...). */
export class UnsupportedEdit extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
    this.name = 'UnsupportedEdit'
  }
}

export type AnyPair = Pair<unknown, unknown>

export function keyNode(pair: AnyPair): Node | null {
  return isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? (pair.key as Node) : null
}

export function valueNode(pair: AnyPair): Node | null {
  const v = pair.value
  return isScalar(v) || isMap(v) || isSeq(v) ? (v as Node) : null
}

/** The key's text as a string (`on`, `AWS_ACCESS_KEY_ID`, `0`), or null. */
export function keyString(pair: AnyPair): string | null {
  const k = pair.key
  if (!isScalar(k)) return null
  const v = k.value
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null
}

export function pairStart(pair: AnyPair): number {
  const k = keyNode(pair)
  if (!k?.range) throw new UnsupportedEdit('a map entry without a source position', 0)
  return k.range[0]
}

/** The end of the entry's value (before any trailing comment). */
export function pairValueEnd(pair: AnyPair): number {
  const v = valueNode(pair)
  if (v?.range && v.range[1] > v.range[0]) return v.range[1]
  const k = keyNode(pair)
  return k?.range?.[1] ?? 0
}

/** The offset of the last character that belongs to the entry (its value's last byte). */
function lastContent(text: string, pair: AnyPair): number {
  let end = pairValueEnd(pair)
  while (end > pairStart(pair) && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--
  return Math.max(pairStart(pair), end - 1)
}

/** Throws unless the key is the first thing on its line (block style, no `- key:` sharing). */
function assertOwnLine(text: string, pair: AnyPair): void {
  const start = pairStart(pair)
  if (text.slice(lineStart(text, start), start).trim() !== '') {
    throw new UnsupportedEdit('a map entry that shares its line with other content', start)
  }
}

/** The column of a block map's keys. */
export function entryColumn(text: string, map: YAMLMap): number {
  const first = map.items[0]
  if (!first) throw new UnsupportedEdit('an empty block map', map.range?.[0] ?? 0)
  const start = pairStart(first)
  return start - lineStart(text, start)
}

/**
 * Removes entries of a map. In a block map each entry's lines go (a trailing comment on the
 * same line goes with it; comment lines around stay). In a single-line flow map the kept items
 * are written back with the map's own spacing. When every entry goes and `owner` is given, the
 * owner entry (e.g. `env:` holding the map) goes instead, from its own map `ownerMap`.
 */
export function removeEntries(
  text: string,
  map: YAMLMap,
  remove: readonly AnyPair[],
  owner: AnyPair | null,
  ownerMap: YAMLMap | null = null
): TextEdit[] {
  if (remove.length === 0) return []
  const kept = map.items.filter((p) => !remove.includes(p))
  if (kept.length === 0 && owner) {
    if (ownerMap?.flow) {
      const rest = (ownerMap.items as AnyPair[]).filter((p) => p !== owner)
      return [
        rewriteFlowMap(
          text,
          ownerMap,
          rest.map((p) => sourceOf(text, p))
        )
      ]
    }
    assertOwnLine(text, owner)
    return [removeLines(text, pairStart(owner), lastContent(text, owner))]
  }
  if (map.flow)
    return [
      rewriteFlowMap(
        text,
        map,
        kept.map((p) => sourceOf(text, p))
      )
    ]
  return remove.map((p) => {
    assertOwnLine(text, p)
    return removeLines(text, pairStart(p), lastContent(text, p))
  })
}

function sourceOf(text: string, pair: AnyPair): string {
  return text.slice(pairStart(pair), pairValueEnd(pair))
}

/** Replaces a single-line flow map by `{` + items + `}` with the original inner padding. */
function rewriteFlowMap(text: string, map: YAMLMap, items: readonly string[]): TextEdit {
  const [start, end] = flowBounds(text, map)
  const inner = text.slice(start + 1, end - 1)
  const pad = inner.startsWith(' ') && items.length > 0 ? ' ' : ''
  return { start, end, text: `{${pad}${items.join(', ')}${pad}}` }
}

function flowBounds(text: string, map: YAMLMap | YAMLSeq): [number, number] {
  const range = map.range
  if (!range) throw new UnsupportedEdit('a flow collection without a source position', 0)
  const [start, end] = [range[0], range[1]]
  if (text[start] !== '{' || text[end - 1] !== '}' || text.slice(start, end).includes('\n')) {
    throw new UnsupportedEdit('a flow mapping written over several lines', start)
  }
  return [start, end]
}

/** Replaces a scalar's text (quotes included) by `replacement`. */
export function replaceScalar(node: Node, replacement: string): TextEdit {
  if (!isScalar(node) || !node.range) throw new UnsupportedEdit('a value that is not a scalar', 0)
  return { start: node.range[0], end: node.range[1], text: replacement }
}

/**
 * Adds `key: value` lines (already rendered, relative to the map's key column) at the end of a
 * block map, after its last entry; or `key: value` items at the end of a single-line flow map.
 */
export function appendEntries(
  text: string,
  map: YAMLMap,
  lines: readonly string[],
  flowItems: readonly string[]
): TextEdit {
  if (map.flow) {
    const [start, end] = flowBounds(text, map)
    if (map.items.length === 0) {
      const inner = text.slice(start + 1, end - 1)
      const pad = inner.includes(' ') ? ' ' : ''
      return { start: start + 1, end: end - 1, text: `${pad}${flowItems.join(', ')}${pad}` }
    }
    const last = map.items[map.items.length - 1]!
    const at = pairValueEnd(last)
    return { start: at, end: at, text: flowItems.map((i) => `, ${i}`).join('') }
  }
  const last = map.items[map.items.length - 1]
  if (!last) throw new UnsupportedEdit('an empty block map', map.range?.[0] ?? 0)
  const column = entryColumn(text, map)
  return insertLinesAfter(text, lastContent(text, last), indent(lines, column))
}

/**
 * Inserts rendered entry lines into a block map right after the entry `after` (so they sit with
 * it, before any blank line or comment that leads the next entry), or, when `after` is null,
 * before the entry `before` and the comments directly above it.
 */
export function insertEntries(
  text: string,
  map: YAMLMap,
  lines: readonly string[],
  after: AnyPair | null,
  before: AnyPair
): TextEdit {
  if (map.flow) throw new UnsupportedEdit('a job written as a flow mapping', map.range?.[0] ?? 0)
  const column = entryColumn(text, map)
  if (after) return insertLinesAfter(text, lastContent(text, after), indent(lines, column))
  assertOwnLine(text, before)
  return insertLinesBefore(text, pairStart(before), indent(lines, column))
}

export function indent(lines: readonly string[], column: number): string[] {
  const pad = ' '.repeat(column)
  return lines.map((l) => (l === '' ? '' : pad + l))
}

/** The `-` of a block sequence item, searched backwards from the item's content. */
export function dashOf(text: string, item: Node): number {
  const start = item.range?.[0]
  if (start === undefined) throw new UnsupportedEdit('a sequence item without a position', 0)
  let i = start - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i--
  if (text[i] !== '-') throw new UnsupportedEdit('a sequence item not introduced by "-"', start)
  return i
}

/** How the steps of a list are written, to write a new one the same way. */
export interface ItemStyle {
  /** Column of the `-`. */
  readonly dash: number
  /** Column of the item's keys. */
  readonly content: number
  /** `-` alone on its line, keys below it. */
  readonly dashAlone: boolean
  /** Steps separated by a blank line. */
  readonly blankBetween: boolean
}

export function itemStyle(text: string, seq: YAMLSeq, index: number): ItemStyle {
  if (seq.flow) throw new UnsupportedEdit('steps written as a flow sequence', seq.range?.[0] ?? 0)
  const item = seq.items[index] as Node
  const dash = dashOf(text, item)
  const contentStart = item.range![0]
  const dashAlone = lineStart(text, dash) !== lineStart(text, contentStart)
  const content = contentStart - lineStart(text, contentStart)
  const other = seq.items[index > 0 ? index - 1 : index + 1] as Node | undefined
  let blankBetween = false
  if (other?.range) {
    const [a, b] = index > 0 ? [other, item] : [item, other]
    const gap = text.slice(nextLineStart(text, a.range![1] - 1), lineStart(text, dashOf(text, b)))
    blankBetween = gap
      .split('\n')
      .slice(0, -1)
      .some((l) => l.trim() === '')
  }
  return { dash: dash - lineStart(text, dash), content, dashAlone, blankBetween }
}

/**
 * Inserts a new item (rendered as lines relative to the item's key column) before item `index`
 * of a block sequence, and before the comment lines directly above that item.
 */
export function insertItemBefore(
  text: string,
  seq: YAMLSeq,
  index: number,
  lines: readonly string[],
  style: ItemStyle
): TextEdit {
  const item = seq.items[index] as Node
  const dash = dashOf(text, item)
  if (text.slice(lineStart(text, dash), dash).trim() !== '') {
    throw new UnsupportedEdit('a step whose "-" shares its line', dash)
  }
  let at = lineStart(text, dash)
  // Keep the comment block above the step attached to it.
  while (at > 0) {
    const prev = lineStart(text, at - 1)
    const line = text.slice(prev, lineEnd(text, prev))
    if (!line.trimStart().startsWith('#') || line.length - line.trimStart().length < style.dash) {
      break
    }
    at = prev
  }
  const out: string[] = []
  const [first, ...rest] = lines
  const pad = ' '.repeat(style.content)
  if (style.dashAlone) {
    out.push(' '.repeat(style.dash) + '-')
    out.push(pad + first)
  } else {
    out.push(' '.repeat(style.dash) + '-' + ' '.repeat(style.content - style.dash - 1) + first)
  }
  for (const l of rest) out.push(l === '' ? '' : pad + l)
  if (style.blankBetween) out.push('')
  return insertLinesBefore(text, at, out)
}
