/**
 * The trust policy of a role assumed from GitHub Actions (pure): the OIDC provider as
 * `Federated` principal, `sts:AssumeRoleWithWebIdentity`, `StringEquals` on `aud`, the `sub`
 * patterns of the jobs that use the key, and where AWS supports it the immutable repository id.
 * Never a wildcard in the owner or repository part, never without `sub`, always within the
 * trust-policy size quota (patterns are merged, most similar first, when needed).
 *
 * A subject with exclusions (`feature/*` but nothing below `feature/x/`, not a negated branch)
 * needs its own statement, since every condition of a statement must hold: the subjects without
 * exclusions share the first statement (Sid `TRUST_STATEMENT_SID`), each set of exclusions gets
 * one more (`TRUST_STATEMENT_SID` + 2, 3, ...). Every statement carries the `aud`, `sub` and
 * (where supported) `repository_id` conditions. To fit the quota, exclusions are dropped first,
 * then patterns merged; each step is a listed widening with an example it admits.
 */
import type { SubjectResult, Widening } from '../../workflows/subjects.js'
import { findExample, iamPattern } from '../../workflows/patterns.js'
import { policySize, type PolicyDocument, type PolicyStatement } from './policy-document.js'

/** The Sid that marks the statement this action owns in a trust policy (the first of them). */
export const TRUST_STATEMENT_SID = 'GitHubActionsOidcAwsKeysToOidc'

/** True for the statements this action owns (`TRUST_STATEMENT_SID`, then `...2`, `...3`). */
export function isOwnTrustStatement(statement: PolicyStatement): boolean {
  const sid = statement.Sid ?? ''
  return sid.startsWith(TRUST_STATEMENT_SID) && /^\d*$/.test(sid.slice(TRUST_STATEMENT_SID.length))
}

/** One admitted `sub`: like `like`, and like none of `exclude`. */
export interface TrustRule {
  readonly like: string
  readonly exclude: readonly string[]
}

export interface TrustPolicyRequest {
  readonly providerArn: string
  /** The `oidc-issuer` input, e.g. `https://token.actions.githubusercontent.com`. */
  readonly issuer: string
  readonly audience: string
  readonly subjects: SubjectResult
  /** The repository's immutable id, bound with `...:repository_id` where AWS supports it. */
  readonly repositoryId: number | null
  /** `AssumeRolePolicySizeQuota` (2,048 by default). */
  readonly maxSize: number
  /** Statements of an existing trust policy to keep (role chaining); ours is replaced. */
  readonly keepStatements?: readonly PolicyStatement[]
}

export interface TrustPolicy {
  readonly document: PolicyDocument
  /** The first statement this action owns (Sid `TRUST_STATEMENT_SID`). */
  readonly statement: PolicyStatement
  /** Every statement this action owns, in the document's order. */
  readonly statements: readonly PolicyStatement[]
  /** The `sub` patterns (`StringLike`) in the policy, after merging. */
  readonly subjects: readonly string[]
  /** The admitted subjects with their exclusions, after fitting the quota. */
  readonly rules: readonly TrustRule[]
  /** How patterns were merged to fit the quota (empty when none were). */
  readonly merges: readonly string[]
  /** Where the policy admits more than the workflows' filters: the subjects' and the quota's. */
  readonly widenings: readonly Widening[]
  readonly size: number
}

export class TrustPolicyError extends Error {
  override readonly name = 'TrustPolicyError'
}

/** The condition-key prefix of an issuer: its URL without `https://` (`token.actions.githubusercontent.com`). */
export function issuerKeyPrefix(issuer: string): string {
  return issuer.replace(/^https:\/\//, '').replace(/\/+$/, '')
}

/** The ARN of the IAM OIDC provider for an issuer. */
export function oidcProviderArn(partition: string, accountId: string, issuer: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerKeyPrefix(issuer)}`
}

/**
 * True where AWS STS exposes GitHub's `repository_id` claim as a condition key: the GitHub.com
 * issuer (also with an enterprise path, `/ENTERPRISE`) and GHE.com (`token.actions.X.ghe.com`).
 * Not for GHES issuers (`https://HOST/_services/token`).
 */
export function repositoryIdConditionSupported(issuer: string): boolean {
  const host = issuerKeyPrefix(issuer).split('/')[0] ?? ''
  return (
    host === 'token.actions.githubusercontent.com' ||
    /^token\.actions\.[\w-]+\.ghe\.com$/.test(host)
  )
}

/** Builds the trust policy; throws `TrustPolicyError` when no safe policy exists. */
export function buildTrustPolicy(request: TrustPolicyRequest): TrustPolicy {
  const { subjects } = request
  if (subjects.subjects.length === 0) {
    throw new TrustPolicyError(
      'no job that uses this key presents a subject that can be derived (for example a reusable workflow without callers in this repository); AWS requires a sub condition'
    )
  }
  const bindRepositoryId =
    request.repositoryId !== null && repositoryIdConditionSupported(request.issuer)
  if (!subjects.pinsRepository && !bindRepositoryId) {
    throw new TrustPolicyError(
      `the repository's OIDC subject template names no repository and the issuer ${request.issuer} offers no repository_id condition; add 'repo' to the template (PUT /repos/{owner}/{repo}/actions/oidc/customization/sub)`
    )
  }
  const fixed = subjects.fixedPrefix
  for (const s of subjects.subjects) {
    if (fixed && !s.pattern.startsWith(fixed)) {
      throw new TrustPolicyError(`subject '${s.pattern}' does not start with '${fixed}'`)
    }
  }
  if (fixed && hasWildcard(fixed)) {
    throw new TrustPolicyError(`the repository part of the subject '${fixed}' has a wildcard`)
  }
  let rules = reduceRules(subjects.subjects.map((s) => ({ like: s.pattern, exclude: s.exclude })))
  const merges: string[] = []
  const widenings: Widening[] = [...subjects.widenings]
  const make = (list: readonly TrustRule[]): { document: PolicyDocument; own: PolicyStatement[] } =>
    assemble(request, list, bindRepositoryId)
  let built = make(rules)
  while (policySize(built.document) > request.maxSize) {
    const step = fitStep(rules, fixed, request.maxSize)
    if (!step) {
      throw new TrustPolicyError(
        `the trust policy needs ${policySize(built.document)} characters, more than the quota of ${request.maxSize}, even with its subjects merged; ask AWS to raise the 'Role trust policy length' quota`
      )
    }
    merges.push(
      step.replaced.every((r) => r.like === step.rule.like)
        ? `dropped the exclusions of '${step.rule.like}' to fit the trust-policy quota of ${request.maxSize} characters`
        : `merged ${step.replaced.map((r) => `'${r.like}'`).join(' and ')} into '${step.rule.like}' to fit the trust-policy quota of ${request.maxSize} characters`
    )
    widenings.push(step.widening)
    rules = reduceRules([...rules.filter((r) => !step.replaced.includes(r)), step.rule])
    built = make(rules)
  }
  const statement = built.own[0]
  if (!statement) throw new TrustPolicyError('internal error: no trust statement')
  return {
    document: built.document,
    statement,
    statements: built.own,
    subjects: rules.map((r) => r.like),
    rules,
    merges,
    widenings,
    size: policySize(built.document)
  }
}

/** Our statements: the rules without exclusions together, then one per set of exclusions. */
function assemble(
  request: TrustPolicyRequest,
  rules: readonly TrustRule[],
  bindRepositoryId: boolean
): { document: PolicyDocument; own: PolicyStatement[] } {
  const key = issuerKeyPrefix(request.issuer)
  const groups = new Map<string, { patterns: string[]; exclude: readonly string[] }>()
  for (const r of [...rules].sort((a, b) => a.exclude.length - b.exclude.length)) {
    const id = r.exclude.join('\u0000')
    const group = groups.get(id) ?? { patterns: [], exclude: r.exclude }
    group.patterns.push(r.like)
    groups.set(id, group)
  }
  const own = [...groups.values()].map((g, i): PolicyStatement => {
    const like = g.patterns.some((p) => hasWildcard(p) || p.includes('${'))
    const sub = g.patterns.length === 1 ? (g.patterns[0] ?? '') : [...g.patterns]
    const equals: Record<string, unknown> = { [`${key}:aud`]: request.audience }
    if (bindRepositoryId) equals[`${key}:repository_id`] = String(request.repositoryId)
    if (!like) equals[`${key}:sub`] = sub
    const condition: Record<string, Record<string, unknown>> = { StringEquals: equals }
    if (like) condition.StringLike = { [`${key}:sub`]: sub }
    if (g.exclude.length > 0) {
      condition.StringNotLike = {
        [`${key}:sub`]: g.exclude.length === 1 ? g.exclude[0] : [...g.exclude]
      }
    }
    return {
      Sid: i === 0 ? TRUST_STATEMENT_SID : `${TRUST_STATEMENT_SID}${i + 1}`,
      Effect: 'Allow',
      Principal: { Federated: request.providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition
    }
  })
  const kept = (request.keepStatements ?? []).filter((s) => !isOwnTrustStatement(s))
  return { document: { Version: '2012-10-17', Statement: [...kept, ...own] }, own }
}

interface FitStep {
  readonly rule: TrustRule
  readonly replaced: readonly TrustRule[]
  readonly widening: Widening
}

/**
 * One step towards the quota: drop the exclusions of the last rule that has some (one statement
 * less), else merge the two most similar patterns. Null when nothing is left to merge.
 */
function fitStep(rules: readonly TrustRule[], fixed: string, quota: number): FitStep | null {
  const excluded = [...rules].reverse().find((r) => r.exclude.length > 0)
  if (excluded) {
    const rule = { like: excluded.like, exclude: [] }
    return { rule, replaced: [excluded], widening: mergeWidening(rule, [excluded], quota) }
  }
  const merge = mostSimilarPair(
    rules.map((r) => r.like),
    fixed
  )
  if (!merge) return null
  const rule = { like: merge.pattern, exclude: [] }
  const replaced = rules.filter((r) => merge.replaced.includes(r.like))
  return { rule, replaced, widening: mergeWidening(rule, replaced, quota) }
}

/** The widening of a merge, with a `sub` the new rule admits and none of the replaced ones did. */
function mergeWidening(rule: TrustRule, replaced: readonly TrustRule[], quota: number): Widening {
  const parts = replaced.map((r) => [iamPattern(r.like), ...r.exclude.map(iamPattern)])
  const example = findExample([iamPattern(rule.like), ...parts.flat()], (hits) => {
    let at = 1
    for (const part of parts) {
      const [like, ...exclude] = hits.slice(at, at + part.length)
      at += part.length
      if (like && !exclude.some(Boolean)) return false
    }
    return hits[0] === true
  })
  return {
    kind: 'quota-merge',
    pattern: rule.like,
    merged: replaced.map((r) => r.like),
    quota,
    example: example ?? rule.like
  }
}

/** Drops every rule that a rule without exclusions already admits (and exact duplicates). */
function reduceRules(rules: readonly TrustRule[]): TrustRule[] {
  const plain = reduceCovered(rules.filter((r) => r.exclude.length === 0).map((r) => r.like))
  const seen = new Set<string>()
  const out: TrustRule[] = plain.map((like) => ({ like, exclude: [] }))
  for (const r of rules) {
    if (r.exclude.length === 0) continue
    const id = `${r.like}\u0000${r.exclude.join('\u0000')}`
    if (seen.has(id) || plain.some((p) => covers(p, r.like))) continue
    seen.add(id)
    out.push(r)
  }
  return out
}

/** True when the pattern has an IAM wildcard outside the `${*}` / `${?}` escapes. */
export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern.replace(/\$\{[*?$]\}/g, ''))
}

/** Drops every pattern another pattern of the list already admits. */
export function reduceCovered(patterns: readonly string[]): string[] {
  const list = [...new Set(patterns)].sort()
  return list.filter(
    (p, i) => !list.some((q, j) => j !== i && covers(q, p) && !(covers(p, q) && j > i))
  )
}

/**
 * True when every string `b` admits is admitted by `a` (IAM StringLike). `b`'s `*` must meet a
 * `*` of `a`; its `?` a `?` or `*`; its escapes and literal characters anything that admits them.
 */
export function covers(a: string, b: string): boolean {
  const ta = tokens(a)
  const tb = tokens(b)
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    const id = `${i},${j}`
    const known = memo.get(id)
    if (known !== undefined) return known
    let result: boolean
    const x = ta[i]
    const y = tb[j]
    if (x === undefined) result = y === undefined
    else if (x === '*') result = go(i + 1, j) || (y !== undefined && go(i, j + 1))
    else if (y === undefined) result = false
    else if (x === '?') result = y !== '*' && go(i + 1, j + 1)
    else result = x === y && go(i + 1, j + 1)
    memo.set(id, result)
    return result
  }
  return go(0, 0)
}

/** Splits a pattern into `*`, `?` and literal characters (escapes become their character). */
function tokens(pattern: string): string[] {
  const out: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    const escape = /^\$\{([*?$])\}/.exec(pattern.slice(i))
    if (escape?.[1]) {
      out.push(`lit:${escape[1]}`)
      i += 3
    } else {
      const c = pattern[i] ?? ''
      out.push(c === '*' || c === '?' ? c : `lit:${c}`)
    }
  }
  return out
}

/** The two patterns with the longest common literal prefix (at least `fixed`), merged into PREFIX*. */
function mostSimilarPair(
  patterns: readonly string[],
  fixed: string
): { pattern: string; replaced: string[] } | null {
  if (!fixed) return null
  let best: { pattern: string; replaced: string[] } | null = null
  let bestLength = -1
  for (let i = 0; i < patterns.length; i++) {
    for (let j = i + 1; j < patterns.length; j++) {
      const prefix = safePrefix(commonPrefix(patterns[i] ?? '', patterns[j] ?? ''))
      if (prefix.length < fixed.length || prefix.length <= bestLength) continue
      bestLength = prefix.length
      best = { pattern: `${prefix}*`, replaced: [patterns[i] ?? '', patterns[j] ?? ''] }
    }
  }
  if (best) return best
  // A single pattern left that is still too long: admit the whole repository.
  const only = patterns[0]
  if (patterns.length === 1 && only !== undefined && only !== `${fixed}*`) {
    return { pattern: `${fixed}*`, replaced: [only] }
  }
  return null
}

function commonPrefix(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.slice(0, i)
}

/** Cuts a prefix before any wildcard and before a partial `${x}` escape. */
function safePrefix(prefix: string): string {
  let cut = prefix
  const wild = cut.replace(/\$\{[*?$]\}/g, '____').search(/[*?]/)
  if (wild >= 0) cut = cut.slice(0, wild)
  const open = cut.lastIndexOf('${')
  if (open >= 0 && !/^\$\{[*?$]\}/.test(cut.slice(open))) cut = cut.slice(0, open)
  if (cut.endsWith('$')) cut = cut.slice(0, -1)
  return cut
}
