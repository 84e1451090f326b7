/**
 * A workflow's branch or tag filter as IAM rules on the ref name (pure): each positive pattern
 * becomes a `StringLike` pattern with its own `StringNotLike` exclusions (the later negations
 * that apply to it, and the `/` that GitHub's `*` does not cross), since every condition of an
 * IAM statement must hold. Each exclusion is kept only when it rejects no name the filter admits
 * (checked on the automata of `patterns.ts`), so a rule is never narrower than the filter; where
 * it is still wider (`+`, `[0-9]`, `?` have no IAM form) the rule carries an example name it
 * admits and the filter rejects.
 *
 * GitHub's order rule: a name is included when the last pattern that matches it is positive;
 * `branches-ignore` / `tags-ignore` exclude what they match (a `!` there includes again).
 */
import { findExample, githubGlob, iamPattern, matches, type Matcher } from './patterns.js'

/** Which filter of a trigger a rule comes from. */
export type FilterKey = 'branches' | 'branches-ignore' | 'tags' | 'tags-ignore' | 'default-branch'

/**
 * Where the trust policy admits more than the workflows need, as data (words: src/report/widenings.ts).
 * - `filter`: IAM cannot express the filter (`+`, `[0-9]`, `?`); `example` is a ref it admits
 *   that the filter rejects.
 * - `base-branch`: a pull request job (`pull_request`, `pull_request_review`, ...) with a branch
 *   filter, or a pull_request_target job whose subject carries no ref (`...:pull_request`): pull
 *   requests into any base branch present it; `example` is a base the filter rejects.
 * - `quota-merge`: patterns merged to fit the trust-policy size quota; `example` is a whole `sub`
 *   the merged pattern admits and none of the merged ones did.
 */
export type Widening =
  | {
      readonly kind: 'filter' | 'base-branch'
      /** The `sub` pattern (IAM `StringLike`). */
      readonly pattern: string
      readonly event: string
      readonly filter: FilterKey
      /** The filter's patterns as written. */
      readonly patterns: readonly string[]
      readonly example: string
    }
  | {
      readonly kind: 'quota-merge'
      readonly pattern: string
      /** The patterns (with their exclusions dropped) that the merged pattern replaces. */
      readonly merged: readonly string[]
      readonly quota: number
      readonly example: string
    }

/** One IAM rule on the ref name: like `like`, and like none of `exclude`. */
export interface NameRule {
  readonly like: string
  readonly exclude: readonly string[]
  /** A name the rule admits and the filter rejects; null when the rule is exact. */
  readonly wider: string | null
}

export interface FilterRules {
  readonly rules: readonly NameRule[]
  /** Does the filter admit this name (GitHub's semantics)? */
  admits(name: string): boolean
  /** A name the filter rejects (for examples of subjects that cannot carry the ref); null if none. */
  readonly rejected: string | null
}

interface Entry {
  readonly negative: boolean
  readonly glob: string
  readonly matcher: Matcher
}

/** The rules of a filter; null when the trigger has no such filter. */
export function filterRules(
  include: readonly string[] | null,
  ignore: readonly string[] | null
): FilterRules | null {
  const list = include ?? (ignore === null ? null : ['**', ...ignore.map(flip)])
  if (list === null) return null
  const entries: Entry[] = list.map((p) => {
    const negative = p.startsWith('!')
    const glob = negative ? p.slice(1) : p
    return { negative, glob, matcher: githubGlob(glob) }
  })
  const admitted = (hits: readonly boolean[]): boolean => {
    for (let i = entries.length - 1; i >= 0; i--) if (hits[i]) return !entries[i]!.negative
    return false
  }
  const globs = entries.map((e) => e.matcher)
  const rules: NameRule[] = []
  const seen = new Set<string>()
  entries.forEach((entry, i) => {
    if (entry.negative) return
    const later = entries.map((e, j) => j > i && e.negative)
    // The names this pattern must keep admitting: it matches, and no later negation does.
    const own = (hits: readonly boolean[]): boolean =>
      hits[i] === true && !later.some((l, j) => l && hits[j])
    const candidates = [
      ...slashExclusions(entry.glob),
      ...entries.filter((_, j) => later[j]).map((e) => filterGlobToIamPattern(e.glob))
    ]
    /** The candidates that reject no name `own` admits among those `like` admits. */
    const safeFor = (like: Matcher): string[] =>
      [...new Set(candidates)].filter(
        (x) =>
          findExample(
            [...globs, like, iamPattern(x)],
            (h) => own(h) && h[globs.length] === true && h[globs.length + 1] === true
          ) === null
      )
    const main = filterGlobToIamPattern(entry.glob)
    const exclude = safeFor(iamPattern(main))
    const parts: { like: string; exclude: string[] }[] = [{ like: main, exclude }]
    // A negation with a single `*` (`!feature/*`) cannot be excluded whole: it would reject the
    // names below it (`feature/a/b`). Exclude it anyway and admit those names again with one
    // rule per way its `*` crosses `/`, when together they reject nothing the filter admits.
    entries.forEach((n, j) => {
      const x = filterGlobToIamPattern(n.glob)
      if (!later[j] || exclude.includes(x)) return
      const again = slashExclusions(n.glob).map((e) => ({
        like: e,
        exclude: safeFor(iamPattern(e))
      }))
      if (again.length === 0) return
      const matchers = [
        iamPattern(x),
        ...again.flatMap((r) => [r.like, ...r.exclude].map(iamPattern))
      ]
      const lost = findExample([...globs, ...matchers], (h) => {
        if (!own(h) || !h[globs.length]) return false
        let at = globs.length + 1
        for (const r of again) {
          const [l, ...ex] = h.slice(at, at + 1 + r.exclude.length)
          at += 1 + r.exclude.length
          if (l && !ex.some(Boolean)) return false
        }
        return true
      })
      if (lost !== null) return
      exclude.push(x)
      parts.push(...again)
    })
    for (const part of parts) {
      const id = `${part.like}\u0000${part.exclude.join('\u0000')}`
      if (seen.has(id)) continue
      seen.add(id)
      const rule = [iamPattern(part.like), ...part.exclude.map(iamPattern)]
      const wider = findExample(
        [...globs, ...rule, NON_EMPTY],
        (h) =>
          !admitted(h) &&
          h[globs.length] === true &&
          h.slice(globs.length + 1, -1).every((x) => !x) &&
          h[h.length - 1] === true
      )
      rules.push({ like: part.like, exclude: part.exclude, wider })
    }
  })
  return {
    rules,
    admits: (name) => admitted(globs.map((g) => matches(g, name))),
    rejected: findExample([...globs, NON_EMPTY], (h) => !admitted(h) && h[h.length - 1] === true)
  }
}

const NON_EMPTY = iamPattern('?*')
function flip(pattern: string): string {
  return pattern.startsWith('!') ? pattern.slice(1) : `!${pattern}`
}

/** The IAM text of each part of a glob, and which parts are a single `*` (that cannot cross `/`). */
function iamPieces(glob: string): { text: string; single: boolean }[] {
  const out: { text: string; single: boolean }[] = []
  const chars = [...glob]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (c === '\\' && i + 1 < chars.length) {
      out.push({ text: literal(chars[++i] ?? ''), single: false })
    } else if (c === '*') {
      const double = chars[i + 1] === '*'
      if (double) i++
      out.push({ text: '*', single: !double })
    } else if (c === '?') {
      // zero or one of the preceding part: drop it and match anything in its place
      const last = out.pop()
      out.push({ text: last && /^[*]$/.test(last.text) ? last.text : '*', single: false })
    } else if (c === '+') {
      out.push({ text: '*', single: false })
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close > i) {
        out.push({ text: '?', single: false })
        i = [...glob.slice(0, close)].length
      } else out.push({ text: literal('['), single: false })
    } else {
      out.push({ text: literal(c), single: false })
    }
  }
  return out
}

/**
 * Turns a GitHub filter glob (branches, tags) into an IAM `StringLike` pattern that matches at
 * least every name the glob matches: `*` and `**` become `*`; `X?` (zero or one X) and `X+`
 * (one or more X) become `*`-like wildcards; `[...]` becomes `?`; `\X` is a literal X; IAM's
 * special characters in literal text are escaped (`${*}`, `${?}`, `${$}`).
 */
export function filterGlobToIamPattern(glob: string): string {
  return collapse(iamPieces(glob).map((p) => p.text))
}

/** For each single `*` of the glob: the names where it would cross a `/`. */
function slashExclusions(glob: string): string[] {
  const pieces = iamPieces(glob)
  return pieces.flatMap((p, k) =>
    p.single ? [collapse(pieces.map((q, j) => (j === k ? '*/*' : q.text)))] : []
  )
}

function collapse(texts: readonly string[]): string {
  return texts.join('').replace(/\*{2,}/g, '*')
}

/** Escapes IAM's special characters in literal text. */
export function literal(text: string): string {
  return text.replace(/[$*?]/g, (c) => `\${${c}}`)
}
