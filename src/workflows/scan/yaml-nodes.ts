/**
 * Small helpers over the `yaml` node tree: aliases, map entries (with `<<` merges), scalar
 * text, and 1-based source positions through a `LineCounter`.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type YAMLMap
} from 'yaml'

/** One parsed file: the document, its line counter, its text, and what the walk notes on it. */
export interface Source {
  readonly doc: Document.Parsed
  readonly lines: LineCounter
  readonly text: string
  /** Offsets of the word `secrets` in the text, in order (a subtree without one holds no reference). */
  readonly secretWords: readonly number[]
  /**
   * Aliases met during the walk whose anchor does not exist (`yaml` reports them only when
   * converting to JS): the file is not valid YAML. Filled by {@link deref}, once per alias.
   */
  readonly unresolved: { readonly name: string; readonly offset: number }[]
}

/** The source of a parsed text, before its walk. */
export function sourceOf(doc: Document.Parsed, lines: LineCounter, text: string): Source {
  const secretWords = [...text.matchAll(/secrets/gi)].map((m) => m.index ?? 0)
  return { doc, lines, text, secretWords, unresolved: [] }
}

/** A node reached from the root, with whether an alias or an anchor lies on the way. */
export interface Reached {
  readonly node: Node | null
  /** An alias was followed, or a node on the way carries an anchor (shared with other places). */
  readonly shared: boolean
}

export interface Entry extends Reached {
  readonly key: string
  /** The key node; null for a key merged in through `<<`. */
  readonly keyNode: Node | null
}

/** Follows an alias to its anchored node. */
export function deref(src: Source, node: unknown, shared = false): Reached {
  if (isAlias(node)) {
    const target = node.resolve(src.doc)
    if (!target) noteUnresolved(src, node.source, node.range?.[0] ?? 0)
    return { node: target ?? null, shared: true }
  }
  if (isMap(node) || isSeq(node) || isScalar(node)) {
    return { node, shared: shared || node.anchor !== undefined }
  }
  return { node: null, shared }
}

function noteUnresolved(src: Source, name: string, offset: number): void {
  if (!src.unresolved.some((u) => u.offset === offset)) src.unresolved.push({ name, offset })
}

/** The string form of a scalar key or value (numbers and booleans as written); null otherwise. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null
  const v = node.value
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return node.source ?? String(v)
  }
  return null
}

/** The entries of a map node in order; `<<: *anchor` merges come after, without overriding. */
export function entries(src: Source, reached: Reached): Entry[] {
  const { node, shared } = reached
  return isMap(node) ? listEntries(src, node, shared) : []
}

function listEntries(src: Source, node: YAMLMap<unknown, unknown>, shared: boolean): Entry[] {
  const out: Entry[] = []
  const merged: Entry[] = []
  for (const pair of node.items) {
    const keyNode = isAlias(pair.key) ? (pair.key.resolve(src.doc) ?? null) : pair.key
    const key = keyText(keyNode)
    if (key === null) continue
    if (key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const s of sources) {
        const target = deref(src, s, true)
        if (target.node !== node) merged.push(...entries(src, target))
      }
      continue
    }
    const value = deref(src, pair.value, shared)
    out.push({ key, keyNode: keyNode as Node | null, node: value.node, shared: value.shared })
  }
  for (const m of merged) if (!out.some((e) => e.key === m.key)) out.push(m)
  return out
}

function keyText(key: unknown): string | null {
  if (!isScalar(key)) return null
  const v = key.value
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return String(v)
  return null
}

/** The entry of a map with this key, or undefined (without listing the whole map). */
export function entry(src: Source, reached: Reached, key: string): Entry | undefined {
  const { node, shared } = reached
  if (!isMap(node)) return undefined
  let merges = false
  for (const pair of node.items) {
    const k = pair.key
    const text = isScalar(k) ? k.value : undefined
    if (text === key || (key === 'true' && text === true)) {
      const value = deref(src, pair.value, shared)
      return { key, keyNode: k as Node, node: value.node, shared: value.shared }
    }
    if (text === '<<' || isAlias(k)) merges = true
  }
  return merges ? listEntries(src, node, shared).find((e) => e.key === key) : undefined
}

/** The items of a sequence node (aliases followed). */
export function items(src: Source, reached: Reached): Reached[] {
  const { node, shared } = reached
  if (!isSeq(node)) return []
  return node.items.map((item) => deref(src, item, shared))
}

/** Start and end offsets of a node's own source text. */
export type SourceRange = readonly [number, number]

export function rangeOf(node: Node | null): SourceRange | null {
  const r = node?.range
  return r ? [r[0], r[1]] : null
}

/** Line positions and text of a file, enough to place findings once the tree is gone. */
export interface Located {
  readonly lines: LineCounter
  readonly text: string
}

/** 1-based line and column of a source offset. */
export function position(src: Located, offset: number): { line: number; column: number } {
  const { line, col } = src.lines.linePos(offset)
  return { line, column: col }
}

/**
 * The source offset of the first match of `pattern` inside the range's source text, or the
 * range's start. Scalars keep their expressions verbatim in the source (plain, quoted, block),
 * so this points at the reference itself, also inside a multi-line `run:` script.
 */
export function offsetOfMatch(src: Located, range: SourceRange | null, pattern: RegExp): number {
  if (!range) return 0
  const m = pattern.exec(src.text.slice(range[0], range[1]))
  return m ? range[0] + m.index : range[0]
}
