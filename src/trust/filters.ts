/**
 * GitHub's branch and tag filters as GitHub applies them (pure), for the trust check: which refs
 * a filter admits, and concrete example refs to build claims from. Written from GitHub's filter
 * cheat sheet, not from the subject builder: `*` any characters but `/`, `**` any characters,
 * `?` zero or one of the preceding character, `+` one or more of it, `[...]` one character of
 * the set (ranges `a-z`, `A-Z`, `0-9`), `\` escapes; `!pattern` excludes, later patterns
 * override earlier ones; `*-ignore` lists exclude.
 */

/** A branch or tag filter of one event: the include list or the ignore list (null when absent). */
export interface RefFilter {
  readonly include: readonly string[] | null
  readonly ignore: readonly string[] | null
}

/** The regular expression of one GitHub filter pattern (without a leading `!`). */
export function filterRegExp(pattern: string): RegExp {
  let out = ''
  const chars = [...pattern]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '\\' && i + 1 < chars.length) {
      out += escape(chars[++i] ?? '')
    } else if (c === '*') {
      if (chars[i + 1] === '*') {
        out += '(?:.*)'
        i++
      } else {
        out += '(?:[^/]*)'
      }
    } else if (c === '?' || c === '+') {
      out += c
    } else if (c === '[') {
      const close = chars.indexOf(']', i + 1)
      if (close > i + 1) {
        out += `[${chars
          .slice(i + 1, close)
          .join('')
          .replace(/[\\\]^]/g, '\\$&')}]`
        i = close
      } else {
        out += '\\['
      }
    } else {
      out += escape(c)
    }
  }
  return new RegExp(`^${out}$`, 'u')
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Whether an ordered list of patterns (with `!` exclusions) admits the name: the last match decides. */
export function listAdmits(patterns: readonly string[], name: string): boolean {
  let admitted = false
  for (const p of patterns) {
    const negated = p.startsWith('!')
    if (filterRegExp(negated ? p.slice(1) : p).test(name)) admitted = !negated
  }
  return admitted
}

/** Whether the filter admits the name (no filter admits every name). */
export function filterAdmits(filter: RefFilter, name: string): boolean {
  if (filter.include !== null && !listAdmits(filter.include, name)) return false
  if (filter.ignore !== null && listAdmits(filter.ignore, name)) return false
  return true
}

/** True when the event has a filter of this kind (`branches`/`branches-ignore`). */
export function hasFilter(filter: RefFilter): boolean {
  return filter.include !== null || filter.ignore !== null
}

interface Fill {
  /** What a single `*` becomes. */
  readonly star: string
  /** What a `[...]` set (with a following `+`) becomes; null: its first character. */
  readonly set: string | null
}

/**
 * One concrete name a pattern matches: each `*` or `**` becomes `x`, `?` keeps the preceding
 * character once, `+` adds nothing, a set gives its first character, escapes their character.
 */
export function examplePattern(pattern: string, fill: Fill = { star: 'x', set: null }): string {
  let out = ''
  const chars = [...pattern]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '\\' && i + 1 < chars.length) out += chars[++i] ?? ''
    else if (c === '*' && chars[i + 1] === '*') {
      out += 'x'
      i++
    } else if (c === '*') out += fill.star
    else if (c === '?' || c === '+') continue
    else if (c === '[' && chars.indexOf(']', i + 1) > i + 1) {
      const close = chars.indexOf(']', i + 1)
      out += fill.set ?? chars[i + 1] ?? ''
      i = close
    } else out += c
  }
  return out
}

/**
 * Names that look like a pattern's but that GitHub's pattern rejects: a single `*` across a
 * `/` (`feature/*` → `feature/a/b`), and each `[...]` set broken (`v[0-9]+` → `v_`).
 */
export function nearMisses(pattern: string): string[] {
  const out = [
    examplePattern(pattern, { star: 'a/b', set: null }),
    examplePattern(pattern, { star: 'x', set: '_' })
  ]
  return [...new Set(out)].filter((n) => n !== '' && !filterRegExp(pattern).test(n))
}

/** Example names the filter admits: one per positive pattern, and `fallback` when admitted. */
export function admittedExamples(filter: RefFilter, fallback: string): string[] {
  const candidates = [
    ...(filter.include ?? []).filter((p) => !p.startsWith('!')).map((p) => examplePattern(p)),
    fallback
  ]
  return [...new Set(candidates)].filter((n) => n !== '' && filterAdmits(filter, n))
}

/** Names the filter is written to reject: the excluded and ignored patterns' examples, near misses. */
export function rejectedExamples(filter: RefFilter): string[] {
  const include = filter.include ?? []
  const out = [
    ...include.filter((p) => p.startsWith('!')).map((p) => examplePattern(p.slice(1))),
    ...(filter.ignore ?? []).filter((p) => !p.startsWith('!')).map((p) => examplePattern(p)),
    ...include.filter((p) => !p.startsWith('!')).flatMap(nearMisses)
  ]
  return [...new Set(out)].filter((n) => n !== '' && !filterAdmits(filter, n))
}
