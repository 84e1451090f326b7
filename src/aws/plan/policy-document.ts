/**
 * IAM policy documents (pure): parsing what IAM returns (URL-encoded JSON), comparing two
 * documents by meaning, measuring them the way IAM counts quotas, and the transformations a
 * user's policy needs to mean the same for a role.
 */

export type StringOrList = string | readonly string[]

export interface PolicyStatement {
  readonly Sid?: string
  readonly Effect: 'Allow' | 'Deny'
  readonly Principal?: unknown
  readonly NotPrincipal?: unknown
  readonly Action?: StringOrList
  readonly NotAction?: StringOrList
  readonly Resource?: StringOrList
  readonly NotResource?: StringOrList
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}

export interface PolicyDocument {
  readonly Version?: string
  readonly Id?: string
  readonly Statement: readonly PolicyStatement[]
}

/** Parses a document as IAM returns it (URL-encoded JSON) or as written (plain JSON). */
export function parsePolicyDocument(text: string, what: string): PolicyDocument {
  let json = text.trim()
  if (!json.startsWith('{')) {
    try {
      json = decodeURIComponent(json)
    } catch {
      throw new Error(`${what}: the policy document is neither JSON nor URL-encoded JSON`)
    }
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw new Error(`${what}: the policy document is not valid JSON (${String(error)})`)
  }
  if (typeof value !== 'object' || value === null || !('Statement' in value)) {
    throw new Error(`${what}: the policy document has no Statement`)
  }
  const statement = (value as { Statement: unknown }).Statement
  const statements = Array.isArray(statement) ? statement : [statement]
  return { ...(value as object), Statement: statements as PolicyStatement[] }
}

/** The document as IAM stores it: compact JSON. */
export function policyJson(document: PolicyDocument): string {
  return JSON.stringify(document)
}

/**
 * The size IAM counts against its quotas: characters without white space (white space inside
 * strings is rare in policies; counting it errs on the safe side).
 */
export function policySize(document: PolicyDocument): number {
  return policyJson(document).length
}

const LIST_KEYS: ReadonlySet<string> = new Set(['Action', 'NotAction', 'Resource', 'NotResource'])

/**
 * A canonical form for comparing documents by meaning: keys sorted, a single value and a
 * one-element list alike, list order ignored where IAM ignores it (actions, resources,
 * condition values, principals). Statement order and Sids are kept.
 */
export function canonicalPolicy(document: PolicyDocument): string {
  return JSON.stringify(canonical(document, ''))
}

/** True when the two documents mean the same to IAM (see `canonicalPolicy`). */
export function samePolicy(a: PolicyDocument, b: PolicyDocument): boolean {
  return canonicalPolicy(a) === canonicalPolicy(b)
}

function canonical(value: unknown, key: string): unknown {
  // A list-valued element: one value and a one-element list alike, order and repeats ignored.
  if (LIST_KEYS.has(key) || key === '#condition-value') {
    const items = (Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(sortKeys(v)))
    return [...new Set(items)].sort().map((i) => JSON.parse(i) as unknown)
  }
  if (Array.isArray(value)) return value.map((v) => canonical(v, key))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k]
      // Condition -> operator -> key -> values; Principal -> type -> values.
      const child =
        key === 'Condition'
          ? '#condition-operator'
          : key === '#condition-operator' || key === 'Principal' || key === 'NotPrincipal'
            ? '#condition-value'
            : k
      out[k] = canonical(v, child)
    }
    return out
  }
  return value
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort())
      out[k] = sortKeys((value as Record<string, unknown>)[k])
    return out
  }
  return value
}

/** Every string of a document (actions, resources, condition values...), for scanning. */
function visitStrings(value: unknown, visit: (s: string) => string): unknown {
  if (typeof value === 'string') return visit(value)
  if (Array.isArray(value)) return value.map((v) => visitStrings(v, visit))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = visitStrings(v, visit)
    return out
  }
  return value
}

const USERNAME_VARIABLE = /\$\{aws:username\}/gi

/** True when the document uses `${aws:username}`, which does not resolve for a role. */
export function usesUsernameVariable(document: PolicyDocument): boolean {
  return /\$\{aws:username\}/i.test(policyJson(document))
}

/** Replaces `${aws:username}` with the user's literal name in every value of the document. */
export function replaceUsernameVariable(
  document: PolicyDocument,
  userName: string
): PolicyDocument {
  return literalUsername(document, userName).document
}

/** One value a copy changed: in which statement (`Sid` or 1-based index), before and after. */
export interface ValueChange {
  readonly statement: string
  readonly before: string
  readonly after: string
}

/**
 * {@link replaceUsernameVariable}, with every value it changed (each distinct value once per
 * statement, in document order), so that a reviewer sees what the role got instead.
 */
export function literalUsername(
  document: PolicyDocument,
  userName: string
): { readonly document: PolicyDocument; readonly changes: readonly ValueChange[] } {
  const changes: ValueChange[] = []
  const statements = document.Statement.map((statement, index) => {
    const label = statementLabel(statement, index)
    return visitStrings(statement, (before) => {
      const after = before.replace(USERNAME_VARIABLE, userName)
      const seen = changes.some((c) => c.statement === label && c.before === before)
      if (after !== before && !seen) changes.push({ statement: label, before, after })
      return after
    }) as PolicyStatement
  })
  return { document: { ...document, Statement: statements }, changes }
}

/** How a statement is named for a person: its `Sid`, else its 1-based position. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `statement ${statement.Sid}` : `statement ${index + 1}`
}

/** A statement element that cannot mean the same for a role in a GitHub runner. */
export interface RoleConditionWarning {
  /** The condition key or policy variable (`aws:SourceIp`, `${aws:userid}`). */
  readonly key: string
  readonly statement: string
  readonly message: string
}

const RUNNER_NETWORK_KEYS = ['aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip']

/**
 * Conditions that cannot hold (or may not hold) for the role: the runner's network
 * (`aws:SourceIp`, `aws:SourceVpc`, ...), the user's identity (`aws:userid`, `aws:username`,
 * `aws:PrincipalArn` naming the user, `aws:PrincipalType` = User) and `${aws:userid}`.
 */
export function roleConditionWarnings(
  document: PolicyDocument,
  user: { readonly name: string; readonly arn: string; readonly id: string | null }
): RoleConditionWarning[] {
  const warnings: RoleConditionWarning[] = []
  document.Statement.forEach((statement, index) => {
    const where = statementLabel(statement, index)
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
      for (const [rawKey, rawValue] of Object.entries(block)) {
        const key = rawKey.toLowerCase()
        const values = [rawValue].flat().map(String)
        const add = (message: string): void => {
          warnings.push({ key: rawKey, statement: where, message: `${where}: ${message}` })
        }
        const negated = operator.startsWith('Not') || operator.includes('NotEquals')
        if (RUNNER_NETWORK_KEYS.includes(key)) {
          add(
            `${operator} ${rawKey} depends on the network the call comes from; GitHub-hosted runners have changing public addresses, so the role may be refused where the user was allowed (self-hosted runners in that network keep working)`
          )
        } else if (key === 'aws:userid' || key === 'aws:username') {
          add(
            `${operator} ${rawKey} is about the IAM user; for the role ${rawKey === 'aws:username' ? 'the key is absent' : 'it is ROLEID:SESSION'}, so the condition ${negated ? 'always matches' : 'never matches'}`
          )
        } else if (key === 'aws:principalarn' && values.some((v) => matchesUser(v, user))) {
          add(
            `${operator} ${rawKey} names the user ${user.arn}; the role's ARN differs, so the condition ${negated ? 'always matches' : 'never matches'}`
          )
        } else if (key === 'aws:principaltype' && values.some((v) => v.toLowerCase() === 'user')) {
          add(`${operator} ${rawKey} = User; for the role it is AssumedRole`)
        }
      }
    }
    const text = JSON.stringify(statement)
    if (/\$\{aws:userid\}/i.test(text)) {
      warnings.push({
        key: '${aws:userid}',
        statement: where,
        message: `${where}: \${aws:userid} is the user's id (${user.id ?? 'AIDA...'}); for the role it is ROLEID:SESSION, so resources named with it differ`
      })
    }
  })
  return warnings
}

function matchesUser(
  value: string,
  user: { readonly name: string; readonly arn: string }
): boolean {
  if (value === user.arn) return true
  if (!value.includes('*') && !value.includes('?')) return false
  const regex = new RegExp(
    `^${value
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`
  )
  return regex.test(user.arn) && value.includes(':user/')
}
