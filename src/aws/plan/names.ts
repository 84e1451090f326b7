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
  /** The last four characters of the access key id the role replaces (never the whole id). */
  sourceKeyEnd: `${TAG_PREFIX}source-key-last4`,
  /**
   * Before: the whole access key id in plain text. Read on old roles only; a re-run removes it
   * (it is one of the action's keys that the desired tags no longer hold).
   */
  legacySourceKey: `${TAG_PREFIX}source-key`,
  /** `OWNER/REPO` the role serves, for people; roles made before `repository-id` have only this. */
  repository: `${TAG_PREFIX}repository`,
  /** The id of the repository the role serves (survives renames): what a run checks. */
  repositoryId: `${TAG_PREFIX}repository-id`,
  workflows: `${TAG_PREFIX}workflows`,
  /** The secret names that held the key pair (space separated): what `mode: cleanup` deletes. */
  secrets: `${TAG_PREFIX}secrets`,
  /** When `mode: cleanup` deactivated the key (set only by cleanup; rollback re-activates by it). */
  deactivatedAt: `${TAG_PREFIX}deactivated-at`,
  createdAt: `${TAG_PREFIX}created-at`,
  /** The managed policies this action attached: `aws-keys-to-oidc:attached`, `...:attached-2`, ... */
  attached: `${TAG_PREFIX}attached`,
  /** On merged managed policies: the role they were made for. */
  role: `${TAG_PREFIX}role`,
  /**
   * Put by an administrator (never by this action) on a role the keys assume, to let
   * `policies/role-chaining.json` add the GitHub trust statement to it.
   */
  allowChaining: `${TAG_PREFIX}allow-chaining`
} as const
export const MANAGED_BY_VALUE = 'aws-keys-to-oidc'

/** IAM's limits on names (role 64, policy 128) and tags (key 128, value 256, 50 per role). */
export const ROLE_NAME_MAX = 64
export const POLICY_NAME_MAX = 128
export const TAG_VALUE_MAX = 256
export const TAGS_PER_ROLE_MAX = 50

/** The prefixes of the inline policies this action puts on a role (its ownership mark). */
export const INLINE_PREFIXES = ['from-user.', 'from-group.', 'from-policy.'] as const

/** The values the `role-name` template's placeholders take. */
export interface RoleNameValues {
  readonly owner: string
  readonly repo: string
  readonly user: string
}

/**
 * The role name from the `role-name` template: `{owner}`, `{repo}`, `{user}` replaced, every
 * character IAM does not allow in a role name (`[\w+=,.@-]`) replaced by `-`, and cut to 64
 * characters with a short hash of the full name so that two long names stay distinct. Throws
 * when nothing is left (there is no fixed fallback name: two repositories would share it).
 */
export function roleNameFor(template: string, values: RoleNameValues): string {
  const raw = template
    .replace(/\{owner\}/g, values.owner)
    .replace(/\{repo\}/g, values.repo)
    .replace(/\{user\}/g, values.user)
  const name = sanitizeName(raw)
  if (!name) {
    throw new Error(
      `the role-name input '${template}' gives an empty role name for ${values.owner}/${values.repo} and IAM user ${values.user}`
    )
  }
  return fitName(name, ROLE_NAME_MAX)
}

/** Placeholder values that survive sanitising, to test what a template keeps of them. */
const PROBES: readonly RoleNameValues[] = [
  { owner: 'probeowner1', repo: 'proberepo1', user: 'probeuser1' },
  { owner: 'probeowner2', repo: 'proberepo2', user: 'probeuser2' }
]

/**
 * Why a `role-name` template cannot be used, or null: it must keep at least one placeholder's
 * value in the name (a template without one, like `!!!` or `deploy-role`, names one fixed role
 * for every repository and user; so does one whose literal text fills the 64 characters).
 */
export function roleNameTemplateProblem(template: string): string | null {
  const names = PROBES.map((values) => {
    const raw = template
      .replace(/\{owner\}/g, values.owner)
      .replace(/\{repo\}/g, values.repo)
      .replace(/\{user\}/g, values.user)
    return { values, name: sanitizeName(raw) }
  })
  const kept = names.every(({ values, name }) =>
    [values.owner, values.repo, values.user].some((v) => fitName(name, ROLE_NAME_MAX).includes(v))
  )
  if (kept) return null
  const first = names[0]?.name ?? ''
  return first
    ? `'${template}' gives the same role name for every repository and IAM user (${fitName(first, ROLE_NAME_MAX)}); use {owner}, {repo} and {user}, e.g. github-{owner}-{repo}-{user}`
    : `'${template}' gives no role name once the characters IAM does not allow are removed; use {owner}, {repo} and {user}, e.g. github-{owner}-{repo}-{user}`
}

/** The last four characters of an access key id: enough to tell a user's keys apart. */
export function keyIdEnd(accessKeyId: string): string {
  return accessKeyId.slice(-4)
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
