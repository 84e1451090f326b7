/**
 * Two pattern languages as small automata (pure): GitHub's branch and tag filter globs and IAM's
 * `StringLike` patterns. Used to check a translation from one to the other and to find a
 * concrete name that one admits and the other rejects (the example of a widening).
 *
 * GitHub (filter pattern cheat sheet): `*` any characters but `/`; `**` any characters; `X?`
 * zero or one X; `X+` one or more X; `[...]` one character listed or in a range (`a-z`, `0-9`);
 * `\X` a literal X. IAM: `*` any characters (`/` too), `?` exactly one, `${*}` `${?}` `${$}`
 * literals.
 */

/** One step of a pattern: a character test repeated `min`..`max` times (max 1 or unbounded). */
interface Item {
  readonly test: (c: string) => boolean
  readonly optional: boolean
  readonly repeat: boolean
  /** The characters this item names (literals and class members), for the alphabet. */
  readonly chars: readonly string[]
}

export interface Matcher {
  readonly items: readonly Item[]
}

const any = (): boolean => true
const notSlash = (c: string): boolean => c !== '/'

/** A GitHub filter glob (without a leading `!`). */
export function githubGlob(glob: string): Matcher {
  const items: Item[] = []
  const chars = [...glob]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '\\' && i + 1 < chars.length) {
      items.push(lit(chars[++i] ?? ''))
    } else if (c === '*') {
      if (chars[i + 1] === '*') {
        i++
        items.push({ test: any, optional: true, repeat: true, chars: [] })
      } else items.push({ test: notSlash, optional: true, repeat: true, chars: [] })
    } else if ((c === '?' || c === '+') && items.length > 0) {
      const last = items.pop()!
      if (c === '?') items.push({ ...last, optional: true })
      else items.push(last, { ...last, optional: true, repeat: true })
    } else if (c === '[' && glob.indexOf(']', i + 1) > i) {
      const close = [...glob.slice(0, glob.indexOf(']', i + 1))].length
      const members = classMembers(chars.slice(i + 1, close))
      const set = new Set(members)
      items.push({ test: (x) => set.has(x), optional: false, repeat: false, chars: members })
      i = close
    } else {
      items.push(lit(c))
    }
  }
  return { items }
}

/** An IAM `StringLike` pattern. */
export function iamPattern(pattern: string): Matcher {
  const items: Item[] = []
  for (let i = 0; i < pattern.length; i++) {
    const escape = /^\$\{([*?$])\}/.exec(pattern.slice(i))
    if (escape?.[1]) {
      items.push(lit(escape[1]))
      i += 3
    } else if (pattern[i] === '*')
      items.push({ test: any, optional: true, repeat: true, chars: [] })
    else if (pattern[i] === '?')
      items.push({ test: any, optional: false, repeat: false, chars: [] })
    else items.push(lit(pattern[i] ?? ''))
  }
  return { items }
}

function lit(c: string): Item {
  return { test: (x) => x === c, optional: false, repeat: false, chars: [c] }
}

function classMembers(body: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < body.length; i++) {
    const a = body[i] ?? ''
    const b = body[i + 2]
    if (body[i + 1] === '-' && b !== undefined) {
      for (let x = a.charCodeAt(0); x <= b.charCodeAt(0); x++) out.push(String.fromCharCode(x))
      i += 2
    } else out.push(a)
  }
  return out
}

/** True when the matcher admits the whole of `text`. */
export function matches(m: Matcher, text: string): boolean {
  let states = closure(m, [0])
  for (const c of text) states = step(m, states, c)
  return states.includes(m.items.length)
}

function closure(m: Matcher, states: readonly number[]): number[] {
  const out = new Set<number>()
  const todo = [...states]
  while (todo.length > 0) {
    const s = todo.pop()!
    if (out.has(s)) continue
    out.add(s)
    if (m.items[s]?.optional) todo.push(s + 1)
  }
  return [...out].sort((a, b) => a - b)
}

function step(m: Matcher, states: readonly number[], c: string): number[] {
  const next: number[] = []
  for (const s of states) {
    const item = m.items[s]
    if (!item || !item.test(c)) continue
    next.push(item.repeat ? s : s + 1)
  }
  return closure(m, next)
}

/** Readable characters tried first for the parts of an example no pattern names. */
const FILLERS = ['x', 'y', 'z', 'q', '0', '_', '-']

/**
 * The shortest name (readable characters first) for which `accept` holds over whether each
 * matcher admits it; null when there is none (within `limit` explored states).
 */
export function findExample(
  matchers: readonly Matcher[],
  accept: (admitted: readonly boolean[]) => boolean,
  limit = 20_000
): string | null {
  const named = new Set(matchers.flatMap((m) => m.items.flatMap((i) => i.chars)))
  const filler = FILLERS.find((c) => !named.has(c)) ?? '\u00b7'
  const alphabet = [filler, ...[...named].filter((c) => c !== '/').sort(), '/']
  const start = matchers.map((m) => closure(m, [0]))
  const key = (s: readonly number[][]): string => s.map((x) => x.join(',')).join('|')
  const seen = new Set([key(start)])
  const queue: { states: number[][]; text: string }[] = [{ states: start, text: '' }]
  for (let head = 0; head < queue.length && seen.size <= limit; head++) {
    const { states, text } = queue[head]!
    if (accept(states.map((s, i) => s.includes(matchers[i]!.items.length)))) return text
    for (const c of alphabet) {
      const next = states.map((s, i) => step(matchers[i]!, s, c))
      const id = key(next)
      if (seen.has(id)) continue
      seen.add(id)
      queue.push({ states: next, text: text + c })
    }
  }
  return null
}
