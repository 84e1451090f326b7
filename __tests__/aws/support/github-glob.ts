/**
 * GitHub's branch and tag filter semantics for the tests, written independently of
 * `src/workflows/patterns.ts` (as regular expressions, from the filter pattern cheat sheet):
 * `*` any characters but `/`, `**` any characters, `X?` zero or one X, `X+` one or more X,
 * `[...]` one listed character or range, `\X` a literal X; `!p` excludes, later patterns
 * override earlier ones; `*-ignore` lists exclude what they match.
 */
export function globRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? ''
    if (c === '\\' && i + 1 < glob.length) out += escape(glob[++i] ?? '')
    else if (c === '*' && glob[i + 1] === '*') {
      out += '.*'
      i++
    } else if (c === '*') out += '[^/]*'
    else if (c === '?' || c === '+') out += c
    else if (c === '[' && glob.indexOf(']', i) > i) {
      const close = glob.indexOf(']', i)
      out += `[${glob.slice(i + 1, close)}]`
      i = close
    } else out += escape(c)
  }
  return new RegExp(`^${out}$`, 's')
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Does a `branches`/`tags` list (with `!`) or an ignore list admit the name? */
export function filterAdmits(
  include: readonly string[] | null,
  ignore: readonly string[] | null,
  name: string
): boolean {
  const verdict = (list: readonly string[], base: boolean): boolean => {
    let admitted = base
    for (const p of list) {
      const negative = p.startsWith('!')
      if (globRegExp(negative ? p.slice(1) : p).test(name)) admitted = !negative
    }
    return admitted
  }
  if (include !== null) return verdict(include, false)
  if (ignore !== null) return !verdict(ignore, false)
  return true
}

/** IAM StringLike: `*` any run, `?` one character, `${*}` `${?}` `${$}` literals. */
export function iamLike(pattern: string, value: string): boolean {
  let regex = '^'
  for (let i = 0; i < pattern.length; i++) {
    const literal = /^\$\{([*?$])\}/.exec(pattern.slice(i))
    if (literal?.[1]) {
      regex += `\\${literal[1]}`
      i += 3
    } else if (pattern[i] === '*') regex += '.*'
    else if (pattern[i] === '?') regex += '.'
    else regex += escape(pattern[i] ?? '')
  }
  return new RegExp(`${regex}$`, 's').test(value)
}
