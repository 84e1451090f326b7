/**
 * The trust policy of a role assumed from GitHub Actions (pure): the OIDC provider as
 * `Federated` principal, `sts:AssumeRoleWithWebIdentity`, `StringEquals` on `aud`, the `sub`
 * patterns of the jobs that use the key, and where AWS supports it the immutable repository id.
 * Never a wildcard in the owner or repository part, never without `sub`, always within the
 * trust-policy size quota (patterns are merged, most similar first, when needed).
 */
import type { SubjectResult } from '../../workflows/subjects.js'
import { policySize, type PolicyDocument, type PolicyStatement } from './policy-document.js'

/** The Sid that marks the statement this action owns in a trust policy. */
export const TRUST_STATEMENT_SID = 'GitHubActionsOidcAwsKeysToOidc'

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
  /** The statement this action owns (Sid `TRUST_STATEMENT_SID`). */
  readonly statement: PolicyStatement
  /** The `sub` patterns in the policy, after merging. */
  readonly subjects: readonly string[]
  /** How patterns were merged to fit the quota (empty when none were). */
  readonly merges: readonly string[]
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
  let patterns = reduceCovered(subjects.subjects.map((s) => s.pattern))
  const merges: string[] = []
  const make = (
    list: readonly string[]
  ): { document: PolicyDocument; statement: PolicyStatement } =>
    assemble(request, list, bindRepositoryId)
  let built = make(patterns)
  while (policySize(built.document) > request.maxSize) {
    const merge = mostSimilarPair(patterns, fixed)
    if (!merge) {
      throw new TrustPolicyError(
        `the trust policy needs ${policySize(built.document)} characters, more than the quota of ${request.maxSize}, even with its subjects merged; ask AWS to raise the 'Role trust policy length' quota`
      )
    }
    merges.push(
      `merged ${merge.replaced.map((p) => `'${p}'`).join(' and ')} into '${merge.pattern}' to fit the trust-policy quota of ${request.maxSize} characters`
    )
    patterns = reduceCovered([
      ...patterns.filter((p) => !merge.replaced.includes(p)),
      merge.pattern
    ])
    built = make(patterns)
  }
  return {
    document: built.document,
    statement: built.statement,
    subjects: patterns,
    merges,
    size: policySize(built.document)
  }
}

function assemble(
  request: TrustPolicyRequest,
  patterns: readonly string[],
  bindRepositoryId: boolean
): { document: PolicyDocument; statement: PolicyStatement } {
  const key = issuerKeyPrefix(request.issuer)
  const like = patterns.some((p) => hasWildcard(p) || p.includes('${'))
  const sub = patterns.length === 1 ? (patterns[0] ?? '') : [...patterns]
  const equals: Record<string, unknown> = { [`${key}:aud`]: request.audience }
  if (bindRepositoryId) equals[`${key}:repository_id`] = String(request.repositoryId)
  if (!like) equals[`${key}:sub`] = sub
  const condition: Record<string, Record<string, unknown>> = { StringEquals: equals }
  if (like) condition.StringLike = { [`${key}:sub`]: sub }
  const statement: PolicyStatement = {
    Sid: TRUST_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { Federated: request.providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition
  }
  const kept = (request.keepStatements ?? []).filter((s) => s.Sid !== TRUST_STATEMENT_SID)
  return { document: { Version: '2012-10-17', Statement: [...kept, statement] }, statement }
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
