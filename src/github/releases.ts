/**
 * The newest `vMAJOR.x.y` release of an action, as a commit SHA, for SHA-pinned `uses:` lines.
 * Two reads at most: the matching tag refs, and the tag object when the tag is annotated.
 */
import { githubMessage, httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'

const VERSION = /^v(\d+)\.(\d+)\.(\d+)$/

/**
 * The newest `v{major}.x.y` tag of `owner/repo` (by number: v6.10.0 is newer than v6.9.3;
 * pre-releases and moving tags like `v6` are skipped) and its commit; null when there is none.
 * A failed read throws an error naming the repository and the HTTP status.
 */
export async function latestMajorRelease(
  octokit: Octokit,
  action: string,
  major: number
): Promise<{ sha: string; version: string } | null> {
  const [owner, repo] = action.split('/')
  if (!owner || !repo) throw new Error(`'${action}' is not OWNER/REPO`)
  const refs = await read(`${action} tags v${major}.*`, () =>
    octokit.rest.git.listMatchingRefs({ owner, repo, ref: `tags/v${major}.` })
  )
  let best: { version: string; parts: number[]; type: string; sha: string } | null = null
  for (const ref of refs) {
    const version = ref.ref.replace(/^refs\/tags\//, '')
    const m = VERSION.exec(version)
    if (!m || Number(m[1]) !== major) continue
    const parts = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (!best || compare(parts, best.parts) > 0) {
      best = { version, parts, type: ref.object.type, sha: ref.object.sha }
    }
  }
  if (!best) return null
  let { type, sha } = best
  // An annotated tag points at a tag object; follow it to the commit (tags of tags are rare).
  for (let i = 0; type === 'tag' && i < 3; i++) {
    const tag = await read(`${action} tag ${best.version}`, () =>
      octokit.rest.git.getTag({ owner, repo, tag_sha: sha })
    )
    type = tag.object.type
    sha = tag.object.sha
  }
  return type === 'commit' ? { sha, version: best.version } : null
}

/** One read; a failure names what was read and the HTTP status. */
async function read<T>(what: string, call: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await call()).data
  } catch (error) {
    const status = httpStatus(error)
    const why = status === null ? githubMessage(error) : `HTTP ${status}: ${githubMessage(error)}`
    throw new Error(`${what}: ${why}`, { cause: error })
  }
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
