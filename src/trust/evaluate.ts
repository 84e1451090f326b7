/**
 * A small IAM evaluator for trust policies (pure), written for the conditions this action puts
 * in them, so that a trust policy can be checked against concrete OIDC claims without AWS (the
 * tests cross-check it with `@cloud-copilot/iam-simulate`; moto does not evaluate trust).
 *
 * What it knows: `Allow` and `Deny` statements, `Principal` (`*`, `Federated`, `AWS`, `Service`)
 * and `NotPrincipal`, `Action`/`NotAction` with `*` and `?`, and the string condition operators
 * `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`,
 * `StringLike`, `StringNotLike`, each with the `ForAnyValue:` / `ForAllValues:` prefixes and the
 * `IfExists` suffix. Condition keys are case-insensitive, values case-sensitive (but for the
 * `IgnoreCase` operators). A key missing from the request fails every operator but the negated
 * ones, `IfExists` and `ForAllValues:`, as in IAM. An operator it does not know makes an Allow
 * statement not apply and a Deny statement apply, so that an unknown is never an allow.
 * An explicit Deny wins over any Allow; no statement that applies is an implicit deny.
 */
import type { PolicyDocument, PolicyStatement } from '../aws/plan/policy-document.js'

export interface TrustRequest {
  /** The federated principal, e.g. the ARN of the IAM OIDC provider. */
  readonly principal: string
  /** E.g. `sts:AssumeRoleWithWebIdentity`. */
  readonly action: string
  /** Condition keys (any case) and their values, e.g. `token.actions.githubusercontent.com:sub`. */
  readonly context: Readonly<Record<string, string | readonly string[]>>
}

export type TrustDecisionKind = 'allowed' | 'implicit-deny' | 'explicit-deny'

export interface TrustDecision {
  readonly decision: TrustDecisionKind
  readonly allowed: boolean
  /** The statement that decided (its index in the document); null for an implicit deny. */
  readonly statement: number | null
  /** Its `Sid`, when it has one. */
  readonly sid: string | null
}

/** Evaluates the document for the request: explicit Deny, else the first Allow that applies. */
export function evaluateTrust(document: PolicyDocument, request: TrustRequest): TrustDecision {
  const statements = document.Statement
  let allow: number | null = null
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]
    if (!s) continue
    const deny = s.Effect === 'Deny'
    if (!applies(s, request, deny)) continue
    if (deny) return decided('explicit-deny', i, s)
    if (allow === null) allow = i
  }
  if (allow === null)
    return { decision: 'implicit-deny', allowed: false, statement: null, sid: null }
  return decided('allowed', allow, statements[allow])
}

function decided(
  decision: TrustDecisionKind,
  index: number,
  s: PolicyStatement | undefined
): TrustDecision {
  return { decision, allowed: decision === 'allowed', statement: index, sid: s?.Sid ?? null }
}

/** Whether the statement matches the request; `unknownMatches` decides unknown operators. */
function applies(s: PolicyStatement, request: TrustRequest, unknownMatches: boolean): boolean {
  if (s.Principal !== undefined && !principalMatches(s.Principal, request.principal)) return false
  if (s.NotPrincipal !== undefined && principalMatches(s.NotPrincipal, request.principal)) {
    return false
  }
  if (s.Principal === undefined && s.NotPrincipal === undefined) return false
  if (s.Action !== undefined && !list(s.Action).some((a) => actionMatches(a, request.action))) {
    return false
  }
  if (
    s.NotAction !== undefined &&
    list(s.NotAction).some((a) => actionMatches(a, request.action))
  ) {
    return false
  }
  if (s.Action === undefined && s.NotAction === undefined) return false
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    for (const [key, values] of Object.entries(block)) {
      const result = conditionHolds(operator, key, list(values), request.context)
      if (result === 'unknown') {
        if (!unknownMatches) return false
      } else if (!result) {
        return false
      }
    }
  }
  return true
}

function principalMatches(principal: unknown, arn: string): boolean {
  if (principal === '*') return true
  if (typeof principal !== 'object' || principal === null) return false
  return Object.values(principal as Record<string, unknown>).some((v) =>
    list(v).some((p) => p === '*' || p === arn)
  )
}

function actionMatches(pattern: string, action: string): boolean {
  const tokens = [...pattern.toLowerCase()].map((c) => (c === '*' || c === '?' ? c : `=${c}`))
  return wildcardTokens(tokens, [...action.toLowerCase()])
}

interface Operator {
  readonly quantifier: 'single' | 'any' | 'all'
  readonly base: 'equals' | 'like'
  readonly negated: boolean
  readonly ignoreCase: boolean
  readonly ifExists: boolean
}

const BASES: ReadonlyMap<string, Omit<Operator, 'quantifier' | 'ifExists'>> = new Map([
  ['stringequals', { base: 'equals', negated: false, ignoreCase: false }],
  ['stringnotequals', { base: 'equals', negated: true, ignoreCase: false }],
  ['stringequalsignorecase', { base: 'equals', negated: false, ignoreCase: true }],
  ['stringnotequalsignorecase', { base: 'equals', negated: true, ignoreCase: true }],
  ['stringlike', { base: 'like', negated: false, ignoreCase: false }],
  ['stringnotlike', { base: 'like', negated: true, ignoreCase: false }]
] as const)

/** `ForAnyValue:StringLikeIfExists` → its parts; null for an operator this evaluator lacks. */
export function parseOperator(name: string): Operator | null {
  let rest = name.toLowerCase()
  let quantifier: Operator['quantifier'] = 'single'
  if (rest.startsWith('foranyvalue:')) {
    quantifier = 'any'
    rest = rest.slice('foranyvalue:'.length)
  } else if (rest.startsWith('forallvalues:')) {
    quantifier = 'all'
    rest = rest.slice('forallvalues:'.length)
  }
  const ifExists = rest.endsWith('ifexists')
  if (ifExists) rest = rest.slice(0, -'ifexists'.length)
  const base = BASES.get(rest)
  return base ? { ...base, quantifier, ifExists } : null
}

/** One operator on one key: true, false, or `unknown` (an operator or variable it cannot evaluate). */
function conditionHolds(
  operatorName: string,
  key: string,
  wanted: readonly string[],
  context: TrustRequest['context']
): boolean | 'unknown' {
  const op = parseOperator(operatorName)
  if (!op) return 'unknown'
  const found = lookup(context, key)
  const values = found === undefined ? [] : list(found)
  if (found === undefined || (op.quantifier !== 'single' && values.length === 0)) {
    if (op.ifExists) return true
    if (op.quantifier === 'all') return true
    if (op.quantifier === 'any') return false
    return op.negated
  }
  const one = (value: string): boolean | 'unknown' => {
    let hit = false
    for (const w of wanted) {
      const m = valueMatches(op, w, value, context)
      if (m === 'unknown') return 'unknown'
      if (m) hit = true
    }
    return op.negated ? !hit : hit
  }
  const results = values.map(one)
  if (results.includes('unknown')) return 'unknown'
  if (op.quantifier === 'all') return results.every((r) => r === true)
  // single-valued keys hold one value; ForAnyValue needs one value that satisfies the operator
  return results.some((r) => r === true)
}

function valueMatches(
  op: Operator,
  wanted: string,
  value: string,
  context: TrustRequest['context']
): boolean | 'unknown' {
  const resolved = resolveVariables(wanted, context)
  if (resolved === null) return false
  if (resolved === 'unknown') return 'unknown'
  if (op.base === 'equals') {
    const literal = resolved.map((t) => t.text).join('')
    return op.ignoreCase ? literal.toLowerCase() === value.toLowerCase() : literal === value
  }
  return likeMatch(resolved, value)
}

/** A condition value in pieces: literal text, and (for `StringLike`) `*` / `?` wildcards. */
interface Piece {
  readonly text: string
  readonly wild: boolean
}

/**
 * Splits a condition value into literal text and wildcards, with the policy variables replaced:
 * `${*}`, `${?}`, `${$}` are the literal characters; `${key}` is the request's value of `key`
 * (null when the request lacks it: then nothing matches, as in IAM).
 */
function resolveVariables(
  wanted: string,
  context: TrustRequest['context']
): Piece[] | null | 'unknown' {
  const out: Piece[] = []
  let i = 0
  while (i < wanted.length) {
    if (wanted.startsWith('${', i)) {
      const close = wanted.indexOf('}', i)
      if (close < 0) return 'unknown'
      const name = wanted.slice(i + 2, close)
      if (name === '*' || name === '?' || name === '$') {
        out.push({ text: name, wild: false })
      } else {
        const [variable, fallback] = name.split(',').map((p) => p.trim())
        const v = lookup(context, variable ?? '')
        if (v === undefined || typeof v !== 'string') {
          const def = /^'(.*)'$/.exec(fallback ?? '')
          if (!def) return null
          out.push({ text: def[1] ?? '', wild: false })
        } else {
          out.push({ text: v, wild: false })
        }
      }
      i = close + 1
    } else {
      const c = wanted[i] ?? ''
      out.push({ text: c, wild: c === '*' || c === '?' })
      i++
    }
  }
  return out
}

/** Whether an IAM `StringLike` pattern (escapes `${*}`, `${?}`, `${$}`; no variables) admits the value. */
export function likeMatches(pattern: string, value: string): boolean {
  const pieces = resolveVariables(pattern, {})
  return Array.isArray(pieces) && likeMatch(pieces, value)
}

/** IAM `StringLike`: `*` any characters (`/` too), `?` exactly one; case-sensitive. */
function likeMatch(pattern: readonly Piece[], value: string): boolean {
  const chars = pattern.flatMap((p) => (p.wild ? [p.text] : [...p.text].map((c) => `=${c}`)))
  return wildcardTokens(chars, [...value])
}

/** Matches tokens (`*`, `?`, `=c`) against characters, by dynamic programming. */
function wildcardTokens(tokens: readonly string[], value: readonly string[]): boolean {
  let row: boolean[] = Array.from({ length: value.length + 1 }, (_, j) => j === 0)
  for (const t of tokens) {
    const next: boolean[] = Array.from({ length: value.length + 1 }, () => false)
    for (let j = 0; j <= value.length; j++) {
      if (t === '*') next[j] = (row[j] ?? false) || (j > 0 && (next[j - 1] ?? false))
      else if (j > 0 && (row[j - 1] ?? false)) next[j] = t === '?' || t === `=${value[j - 1]}`
    }
    row = next
  }
  return row[value.length] ?? false
}

/** A context value by key, keys compared without case. */
function lookup(
  context: TrustRequest['context'],
  key: string
): string | readonly string[] | undefined {
  const lower = key.toLowerCase()
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return v
  return undefined
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v))
  if (value === undefined || value === null) return []
  return [String(value)]
}
