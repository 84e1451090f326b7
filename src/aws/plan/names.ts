/**
 * Names and tags of what this action creates in IAM (pure): the role name from the `role-name`
 * template, the names of copied inline policies and merged managed policies, and the tags that
 * mark what the action created (so that a re-run updates only that).
 */
import { createHash } from 'node:crypto'
import type { TagPair } from './facts.js'

/** Tag keys this action writes; every one starts with `aws-keys-to-oidc:`. */
export const TAG_PREFIX = 'aws-keys-to-oidc:'
export const TAGS = {
  managedBy: `${TAG_PREFIX}managed-by`,
  sourceUser: `${TAG_PREFIX}source-user`,
  sourceKey: `${TAG_PREFIX}source-key`,
  repository: `${TAG_PREFIX}repository`,
  workflows: `${TAG_PREFIX}workflows`,
  createdAt: `${TAG_PREFIX}created-at`,
  /** The managed policies this action attached: `aws-keys-to-oidc:attached`, `...:attached-2`, ... */
  attached: `${TAG_PREFIX}attached`,
  /** On merged managed policies: the role they were made for. */
  role: `${TAG_PREFIX}role`
} as const
export const MANAGED_BY_VALUE = 'aws-keys-to-oidc'

/** IAM's limits on names (role 64, policy 128) and tags (key 128, value 256, 50 per role). */
export const ROLE_NAME_MAX = 64
export const POLICY_NAME_MAX = 128
export const TAG_VALUE_MAX = 256
export const TAGS_PER_ROLE_MAX = 50

/** The prefixes of the inline policies this action puts on a role (its ownership mark). */
export const INLINE_PREFIXES = ['from-user.', 'from-group.', 'from-policy.'] as const

/**
 * The role name from the `role-name` template: `{owner}`, `{repo}`, `{user}` replaced, every
 * character IAM does not allow in a role name (`[\w+=,.@-]`) replaced by `-`, and cut to 64
 * characters with a short hash of the full name so that two long names stay distinct.
 */
export function roleNameFor(
  template: string,
  values: { readonly owner: string; readonly repo: string; readonly user: string }
): string {
  const raw = template
    .replace(/\{owner\}/g, values.owner)
    .replace(/\{repo\}/g, values.repo)
    .replace(/\{user\}/g, values.user)
  return fitName(sanitizeName(raw) || 'github-actions-role', ROLE_NAME_MAX)
}

/** Replaces characters IAM does not allow in role and policy names; collapses runs of `-`. */
export function sanitizeName(raw: string): string {
  return raw
    .replace(/[^\w+=,.@-]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Cuts a name to `max` characters, ending with `-` and 6 hex characters of its hash. */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6)
  return `${name.slice(0, max - 7).replace(/-+$/, '')}-${hash}`
}

/** The role inline policy copied from an inline policy of the user. */
export function userInlineName(policy: string): string {
  return fitName(`from-user.${policy}`, POLICY_NAME_MAX)
}

/** The role inline policy copied from an inline policy of a group. */
export function groupInlineName(group: string, policy: string): string {
  return fitName(`from-group.${group}.${policy}`, POLICY_NAME_MAX)
}

/** The role inline policy copied from a customer-managed policy that had to be rewritten. */
export function rewrittenPolicyName(policy: string): string {
  return fitName(`from-policy.${policy}`, POLICY_NAME_MAX)
}

/** True for an inline policy name this action puts. */
export function isOwnInlineName(name: string): boolean {
  return INLINE_PREFIXES.some((p) => name.startsWith(p))
}

/** The customer-managed policy number `n` (1-based) that merged documents go into. */
export function mergedPolicyName(roleName: string, n: number): string {
  return fitName(`${roleName}-merged-${n}`, POLICY_NAME_MAX)
}

/** Characters IAM allows in tag values; anything else becomes `_`. */
export function tagValue(raw: string): string {
  const clean = raw.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_')
  return clean.length <= TAG_VALUE_MAX ? clean : `${clean.slice(0, TAG_VALUE_MAX - 3)}...`
}

/**
 * Records attached policy ARNs in tag values (`aws:policy/ReadOnlyAccess 123456789012:policy/x`
 * ...; commas cannot be stored in tags, so such names are left out), split over as many tags as
 * needed. Returns the tags and the ARNs that could not be recorded.
 */
export function encodeAttached(arns: readonly string[]): {
  readonly tags: TagPair[]
  readonly unrecorded: string[]
} {
  const tokens: string[] = []
  const unrecorded: string[] = []
  for (const arn of [...arns].sort()) {
    const token = arn.replace(/^arn:[\w-]+:iam::/, '')
    if (token === tagValue(token) && token.length < TAG_VALUE_MAX) tokens.push(token)
    else unrecorded.push(arn)
  }
  const values: string[] = []
  for (const token of tokens) {
    const last = values[values.length - 1]
    if (last !== undefined && last.length + 1 + token.length <= TAG_VALUE_MAX) {
      values[values.length - 1] = `${last} ${token}`
    } else {
      values.push(token)
    }
  }
  const tags = values.map((value, i) => ({
    key: i === 0 ? TAGS.attached : `${TAGS.attached}-${i + 1}`,
    value
  }))
  return { tags, unrecorded }
}

/** The ARNs recorded by `encodeAttached` in a role's tags. */
export function decodeAttached(tags: readonly TagPair[], partition: string): string[] {
  return tags
    .filter((t) => t.key === TAGS.attached || t.key.startsWith(`${TAGS.attached}-`))
    .flatMap((t) => t.value.split(/\s+/).filter(Boolean))
    .map((token) => `arn:${partition}:iam::${token}`)
}

/** The tag value of a key, or null. */
export function tagOf(tags: readonly TagPair[], key: string): string | null {
  return tags.find((t) => t.key === key)?.value ?? null
}
