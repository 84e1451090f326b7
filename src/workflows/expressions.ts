/**
 * Reading `${{ }}` expressions inside workflow strings: which secrets, env variables and
 * inputs they reference. Pure string work, no YAML.
 */

/** A `secrets.NAME` / `secrets['NAME']` reference with a name fixed in the file. */
export interface SecretRef {
  readonly name: string
  /** Offset of the reference (the `secrets` word) in the scanned string. */
  readonly offset: number
}

/** A context reference such as `env.NAME` or `inputs.NAME`. */
export interface NamedRef {
  readonly name: string
  readonly offset: number
}

export interface ExpressionRefs {
  /** Static secret references, in order of appearance. */
  readonly secrets: readonly SecretRef[]
  /** `secrets[...]` whose index is computed (`format(...)`, `matrix.x`, ...): the text of the index. */
  readonly dynamicSecrets: readonly NamedRef[]
  /** Offsets of `toJSON(secrets)` (the whole secrets context handed over). */
  readonly allSecrets: readonly number[]
  readonly env: readonly NamedRef[]
  readonly inputs: readonly NamedRef[]
  /**
   * True when one expression picks among several secrets at run time
   * (`cond && secrets.A || secrets.B`): which key is used is not fixed in the file.
   */
  readonly conditional: boolean
}

const EMPTY: ExpressionRefs = {
  secrets: [],
  dynamicSecrets: [],
  allSecrets: [],
  env: [],
  inputs: [],
  conditional: false
}

// Contexts are case-insensitive in GitHub expressions (`SECRETS.X` works). A context word must
// not follow `.` or a word character (`github.event.inputs.x` is not the `inputs` context).
const CONTEXT_REF =
  /(?<![\w.-])(secrets|env|inputs)\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*(?:'([^']*)'|"([^"]*)"|([^\]]*))\])/gi
const ANY_CONTEXT = /secrets|env|inputs/i
const TO_JSON_SECRETS = /(?<![\w.-])toJSON\s*\(\s*secrets\s*\)/gi

/** The `${{ ... }}` expressions of a string, with their offsets (of the inner text). */
export function expressionsOf(text: string): { readonly body: string; readonly offset: number }[] {
  const out: { body: string; offset: number }[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf('${{', from)
    if (start < 0) break
    const end = text.indexOf('}}', start + 3)
    if (end < 0) break
    out.push({ body: text.slice(start + 3, end), offset: start + 3 })
    from = end + 2
  }
  return out
}

/**
 * Every secret, env and input reference in the `${{ }}` expressions of `text`.
 * `bareExpression` treats the whole text as one expression (the value of `if:`, which may omit `${{ }}`).
 */
export function referencesIn(text: string, bareExpression = false): ExpressionRefs {
  if (!bareExpression && !text.includes('${{')) return EMPTY
  const exprs = bareExpression ? [{ body: stripBraces(text), offset: 0 }] : expressionsOf(text)
  const secrets: SecretRef[] = []
  const dynamicSecrets: NamedRef[] = []
  const allSecrets: number[] = []
  const env: NamedRef[] = []
  const inputs: NamedRef[] = []
  let conditional = false
  for (const { body, offset } of exprs) {
    // Most expressions (`github.sha`, `matrix.os`, step outputs) name none of these contexts.
    if (!ANY_CONTEXT.test(body)) continue
    const code = blankStrings(body)
    let secretsHere = 0
    for (const m of code.matchAll(CONTEXT_REF)) {
      const context = (m[1] ?? '').toLowerCase()
      const at = offset + (m.index ?? 0)
      const dotted = m[2]
      const quoted = m[3] ?? m[4]
      // The computed index as written (string literals were blanked in `code`, offsets kept).
      const computed =
        m[5] === undefined
          ? undefined
          : body.slice(
              (m.index ?? 0) + m[0].length - 1 - m[5].length,
              (m.index ?? 0) + m[0].length - 1
            )
      const name = dotted ?? quoted
      if (context === 'secrets') {
        if (name !== undefined && name !== '') {
          secrets.push({ name, offset: at })
          secretsHere++
        } else {
          dynamicSecrets.push({ name: (computed ?? quoted ?? '').trim(), offset: at })
          secretsHere++
        }
      } else if (name !== undefined && name !== '') {
        ;(context === 'env' ? env : inputs).push({ name, offset: at })
      }
    }
    for (const m of code.matchAll(TO_JSON_SECRETS)) allSecrets.push(offset + (m.index ?? 0))
    if (secretsHere > 1 && /&&|\|\||\?/.test(code)) conditional = true
  }
  if (
    secrets.length === 0 &&
    dynamicSecrets.length === 0 &&
    allSecrets.length === 0 &&
    env.length === 0 &&
    inputs.length === 0
  ) {
    return EMPTY
  }
  return { secrets, dynamicSecrets, allSecrets, env, inputs, conditional }
}

/** Replaces the content of single-quoted string literals by spaces (keeps offsets). */
function blankStrings(code: string): string {
  if (!code.includes("'")) return code
  return code.replace(/'(?:[^']|'')*'/g, (s, ...rest: unknown[]) => {
    // Keep a quoted index of `secrets['NAME']`: it names the secret.
    const index = rest[rest.length - 2] as number
    const before = code.slice(0, index).trimEnd()
    return before.endsWith('[') ? s : `'${' '.repeat(s.length - 2)}'`
  })
}

function stripBraces(text: string): string {
  const t = text.trim()
  return t.startsWith('${{') && t.endsWith('}}') ? ` ${t.slice(3, -2)}` : text
}
