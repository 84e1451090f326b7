/**
 * The `uses:` reference of aws-actions/configure-aws-credentials after the rewrite: the current
 * major (v6, node24) in the user's pinning style. A tag stays a tag; a SHA pin becomes the SHA
 * of the current v6 release with a `# v6.x.y` comment. Finding that release is a GitHub API call,
 * injected as a function so this module stays pure.
 */
import { COMMIT_SHA } from '../../formats.js'

export const CAC_ACTION = 'aws-actions/configure-aws-credentials'
export const CAC_MAJOR = 6
export const CAC_TAG = `v${CAC_MAJOR}`

/** The release to pin to: a tag only (offline), or the commit of a full release. */
export type CacRef = { readonly tag: string } | { readonly sha: string; readonly version: string }

/** The latest `v6.x.y` release and its commit; null when it cannot be found. */
export type CacReleaseLookup = (
  action: string,
  major: number
) => Promise<{ readonly sha: string; readonly version: string } | null>

export interface ResolvedCacRef {
  readonly ref: CacRef
  /** Set when the SHA could not be resolved and SHA pins fall back to the tag. */
  readonly note: string | null
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)$/

/**
 * Resolves the configure-aws-credentials release to pin SHA-pinned steps to. Without a lookup
 * (offline) or when it fails, the tag is used and the note says so.
 */
export async function resolveCacRef(lookup: CacReleaseLookup | null): Promise<ResolvedCacRef> {
  if (lookup) {
    try {
      const found = await lookup(CAC_ACTION, CAC_MAJOR)
      if (found) return { ref: validateCacRef(found), note: null }
      return { ref: { tag: CAC_TAG }, note: `no ${CAC_TAG} release found: ${offlineNote()}` }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      return {
        ref: { tag: CAC_TAG },
        note: `could not resolve the ${CAC_TAG} release (${why}): ${offlineNote()}`
      }
    }
  }
  return { ref: { tag: CAC_TAG }, note: `offline: ${offlineNote()}` }
}

function offlineNote(): string {
  return `SHA-pinned ${CAC_ACTION} steps are pinned to tag ${CAC_TAG} instead of a SHA`
}

/** Checks a ref given by a caller; throws a clear error naming what is allowed. */
export function validateCacRef(ref: CacRef): CacRef {
  if ('sha' in ref) {
    if (!COMMIT_SHA.test(ref.sha)) {
      throw new Error(`configure-aws-credentials SHA '${ref.sha}' must be 40 hexadecimal digits`)
    }
    const m = VERSION.exec(ref.version)
    if (!m || Number(m[1]) !== CAC_MAJOR) {
      throw new Error(
        `configure-aws-credentials version '${ref.version}' must be a ${CAC_TAG}.x.y release`
      )
    }
    return { sha: ref.sha.toLowerCase(), version: ref.version.replace(/^v?/, 'v') }
  }
  if (!/^v\d+(\.\d+){0,2}$/.test(ref.tag)) {
    throw new Error(`configure-aws-credentials tag '${ref.tag}' must look like v6, v6.1 or v6.1.0`)
  }
  return ref
}

/** How a `uses:` reference is pinned. */
export type PinStyle = 'sha' | 'major-tag' | 'version-tag' | 'other-ref' | 'local'

export interface ParsedUses {
  /** `owner/repo` (or `owner/repo/path`); the whole text for a local `./` action. */
  readonly action: string
  readonly ref: string
  readonly style: PinStyle
}

/** Splits `owner/repo@ref`. */
export function parseUses(uses: string): ParsedUses {
  const text = uses.trim()
  if (text.startsWith('./') || text.startsWith('docker://')) {
    return { action: text, ref: '', style: 'local' }
  }
  const at = text.lastIndexOf('@')
  const action = at < 0 ? text : text.slice(0, at)
  const ref = at < 0 ? '' : text.slice(at + 1)
  const style: PinStyle = COMMIT_SHA.test(ref)
    ? 'sha'
    : /^v?\d+$/.test(ref)
      ? 'major-tag'
      : VERSION.test(ref) || /^v?\d+\.\d+$/.test(ref)
        ? 'version-tag'
        : 'other-ref'
  return { action, ref, style }
}

/** The new `uses:` value and version comment for one step. */
export interface CacPin {
  /** The full `uses:` text. */
  readonly uses: string
  /** `v6.x.y` for a SHA pin (written as `# v6.x.y`), null for a tag. */
  readonly comment: string | null
  /** Whether anything changes. */
  readonly changed: boolean
}

/** Whether an existing `uses:` of configure-aws-credentials is already on the target major. */
export function isCurrentMajor(parsed: ParsedUses): boolean {
  if (parsed.style === 'major-tag' || parsed.style === 'version-tag') {
    return Number(/^v?(\d+)/.exec(parsed.ref)?.[1]) === CAC_MAJOR
  }
  return false
}

/**
 * The `uses:` text a configure-aws-credentials step gets. The user's style is kept: a major tag
 * becomes `v6`; a full version tag becomes `v6.x.y` when the release is known, else `v6`; a SHA
 * becomes the v6 release SHA (or the tag offline); a branch or odd ref becomes `v6`. Steps
 * already on v6 by tag and local actions (`uses: ./`) are left as they are. `currentComment` is
 * the version comment after a SHA pin, if any.
 */
export function cacPinFor(uses: string, target: CacRef, currentComment: string | null): CacPin {
  const parsed = parseUses(uses)
  const keep: CacPin = { uses, comment: currentComment, changed: false }
  if (parsed.style === 'local') return keep
  if (isCurrentMajor(parsed)) return keep
  const full = 'sha' in target ? target.version : null
  if (parsed.style === 'sha') {
    // A SHA already pinned to a v6 release (by its comment) stays: it is as good as ours.
    const pinned = currentComment === null ? null : /v?(\d+)/.exec(currentComment)?.[1]
    if (pinned !== undefined && pinned !== null && Number(pinned) === CAC_MAJOR) return keep
    if ('sha' in target) {
      const same = parsed.ref.toLowerCase() === target.sha && currentComment === target.version
      return { uses: `${parsed.action}@${target.sha}`, comment: target.version, changed: !same }
    }
    return { uses: `${parsed.action}@${target.tag}`, comment: null, changed: true }
  }
  const tag =
    parsed.style === 'version-tag' && full !== null
      ? full
      : 'tag' in target
        ? majorOf(target.tag)
        : CAC_TAG
  return {
    uses: `${parsed.action}@${tag}`,
    comment: null,
    changed: `${parsed.action}@${tag}` !== uses.trim()
  }
}

function majorOf(tag: string): string {
  return `v${/^v?(\d+)/.exec(tag)?.[1] ?? CAC_MAJOR}`
}

/** The `uses:` text of a configure-aws-credentials step the rewriter adds. */
export function newCacUses(target: CacRef, preferSha: boolean): CacPin {
  if ('sha' in target && preferSha) {
    return { uses: `${CAC_ACTION}@${target.sha}`, comment: target.version, changed: true }
  }
  return {
    uses: `${CAC_ACTION}@${'tag' in target ? majorOf(target.tag) : CAC_TAG}`,
    comment: null,
    changed: true
  }
}

/** A comment after a SHA pin that names a version (`# v4.0.2`, `#v4`, `# pin@v4`, `# 4.1.0`). */
export function isVersionComment(comment: string): boolean {
  return /^#\s*(pin@|tag[:=]\s*)?v?\d+(\.\d+){0,2}\s*$/i.test(comment.trim())
}
