/**
 * The catch-all walk: every scalar not read by a specific rule (an `if:`, a job output, a matrix
 * value, ...) that references the secrets context becomes an `other` site.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import { referencesIn } from '../expressions.js'
import { pathKey, type Path, type Site, type SiteContext } from './sites.js'
import { deref, rangeOf, scalarText, type Reached, type Source } from './yaml-nodes.js'

/**
 * Every other scalar under `node` with a secret reference becomes an `other` site. Walks the
 * raw tree with one path stack (copied only for a site): this walk visits every node.
 */
export function walkOther(
  src: Source,
  node: Reached,
  path: Path,
  ctx: SiteContext,
  sites: Site[],
  skip: ReadonlySet<string>
): void {
  const stack = [...path]
  walkRaw(src, node.node, node.shared, stack, ctx, sites, skip, 0)
}

/** Whether the node's source text holds the word `secrets` (else no subtree holds a reference). */
function mentionsSecrets(src: Source, node: { range?: readonly number[] | null }): boolean {
  const range = node.range
  if (!range) return true
  const offsets = src.secretWords
  // First offset >= range start (binary search), then whether it lies before the range end.
  let lo = 0
  let hi = offsets.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid]! < range[0]!) lo = mid + 1
    else hi = mid
  }
  return lo < offsets.length && offsets[lo]! < range[2]!
}

const NO_SKIP: ReadonlySet<string> = new Set()
/** Deeper than this, a tree is a YAML bomb or an alias loop: stop. */
const MAX_DEPTH = 64

function walkRaw(
  src: Source,
  node: unknown,
  shared: boolean,
  stack: (string | number)[],
  ctx: SiteContext,
  sites: Site[],
  skip: ReadonlySet<string>,
  depth: number
): void {
  if (depth > MAX_DEPTH) return
  if (isAlias(node)) {
    walkRaw(src, deref(src, node).node, true, stack, ctx, sites, skip, depth + 1)
    return
  }
  if (isScalar(node)) {
    const t = node.value
    // Every reference this walk looks for names the secrets context.
    if (typeof t !== 'string' || !SECRETS_WORD.test(t)) return
    const last = stack[stack.length - 1]
    const refs = referencesIn(t, last === 'if')
    if (refs.secrets.length + refs.dynamicSecrets.length + refs.allSecrets.length === 0) return
    const path = [...stack]
    sites.push({
      ctx,
      where: 'other',
      name: typeof last === 'string' ? last : null,
      path,
      range: rangeOf(node),
      refs,
      group: pathKey(path),
      shared: shared || node.anchor !== undefined
    })
    return
  }
  if ((isMap(node) || isSeq(node)) && !mentionsSecrets(src, node)) return
  if (isMap(node)) {
    const inner = shared || node.anchor !== undefined
    for (const pair of node.items) {
      const k = scalarText(isAlias(pair.key) ? pair.key.resolve(src.doc) : pair.key)
      if (k === null || skip.has(k)) continue
      stack.push(k)
      walkRaw(src, pair.value, inner, stack, ctx, sites, NO_SKIP, depth + 1)
      stack.pop()
    }
  } else if (isSeq(node)) {
    const inner = shared || node.anchor !== undefined
    node.items.forEach((item, i) => {
      stack.push(i)
      walkRaw(src, item, inner, stack, ctx, sites, NO_SKIP, depth + 1)
      stack.pop()
    })
  }
}

const SECRETS_WORD = /secrets/i
