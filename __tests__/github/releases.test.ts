/**
 * The newest configure-aws-credentials v6 release, read from the GitHub API test server the way
 * migrate mode reads it for SHA-pinned repositories: the matching tag refs, then the tag object
 * of an annotated tag. The tags are real git tags in the server's bare repository.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createOctokit, type Octokit } from '../../src/github/octokit.js'
import { latestMajorRelease } from '../../src/github/releases.js'
import { resolveCacRef } from '../../src/workflows/rewrite/action-pins.js'
import {
  CONFIGURE_AWS_CREDENTIALS,
  SEED_IDENTITY,
  startGitHubServer,
  type GitHubServer
} from '../../test-support/github-server/index.js'
import { api } from './helpers.js'

const CAC = 'aws-actions/configure-aws-credentials'
const MATCHING_REFS = 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}'
const GET_TAG = 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}'

let server: GitHubServer
let octokit: Octokit

/** The commit a tag names, as git itself peels it. */
function commitOf(s: GitHubServer, repo: string, tag: string): string {
  return s
    .repository(repo)
    .git.git(['rev-parse', '--verify', `refs/tags/${tag}^{commit}`])
    .trim()
}

/** What `refs/tags/NAME` itself points at (the tag object of an annotated tag). */
function refTarget(s: GitHubServer, repo: string, tag: string): { sha: string; type: string } {
  const git = s.repository(repo).git
  const sha = git.git(['rev-parse', '--verify', `refs/tags/${tag}`]).trim()
  return { sha, type: git.git(['cat-file', '-t', sha]).trim() }
}

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      { fullName: 'octo-org/legacy-repo' },
      CONFIGURE_AWS_CREDENTIALS,
      {
        fullName: 'octo-org/light-action',
        visibility: 'public',
        tags: [{ name: 'v6.1.0' }, { name: 'v6.0.9' }, { name: 'v6.1.0.1' }]
      },
      {
        fullName: 'octo-org/old-action',
        visibility: 'public',
        tags: [
          { name: 'v5.9.0', message: 'v5.9.0' },
          { name: 'v6', at: 'v5.9.0' },
          { name: 'v6.0.0-beta.1' },
          { name: 'v60.0.0' }
        ]
      }
    ]
  })
  octokit = createOctokit({
    token: server.token,
    baseUrl: server.url,
    retryAfterBaseValue: 5,
    log: () => undefined
  })
})

beforeEach(() => {
  server.resetRequests()
})

afterAll(async () => {
  await server.close()
})

describe('latestMajorRelease', () => {
  it('returns the commit of the newest v6 release by number, dereferencing its annotated tag', async () => {
    const github = api(server, 'octo-org/legacy-repo')
    const found = await github.latestRelease(CAC, 6)

    const tag = refTarget(server, CAC, 'v6.10.0')
    expect(tag.type).toBe('tag')
    expect(found).toEqual({ sha: commitOf(server, CAC, 'v6.10.0'), version: 'v6.10.0' })
    // Neither the tag object, nor the head of main (v6.9.3, the lexically greatest v6 tag).
    expect(found?.sha).not.toBe(tag.sha)
    expect(found?.sha).not.toBe(server.repository(CAC).head)
    expect(server.repository(CAC).head).toBe(commitOf(server, CAC, 'v6.9.3'))
    expect(server.requestCounts()).toEqual({ [MATCHING_REFS]: 1, [GET_TAG]: 1 })
    expect(server.violations).toEqual([])
  })

  it('gives resolveCacRef the SHA and version to pin to, without a note', async () => {
    const resolved = await resolveCacRef(api(server, 'octo-org/legacy-repo').latestRelease)
    expect(resolved).toEqual({
      ref: { sha: commitOf(server, CAC, 'v6.10.0'), version: 'v6.10.0' },
      note: null
    })
    expect(server.violations).toEqual([])
  })

  it('reads no tag object when the newest release is a lightweight tag', async () => {
    const found = await latestMajorRelease(octokit, 'octo-org/light-action', 6)
    expect(refTarget(server, 'octo-org/light-action', 'v6.1.0').type).toBe('commit')
    expect(found).toEqual({
      sha: commitOf(server, 'octo-org/light-action', 'v6.1.0'),
      version: 'v6.1.0'
    })
    expect(server.requestCounts()).toEqual({ [MATCHING_REFS]: 1 })
    expect(server.violations).toEqual([])
  })

  it('is null when no v6.x.y tag exists (a moving v6 tag, a pre-release and v60 do not count)', async () => {
    await expect(latestMajorRelease(octokit, 'octo-org/old-action', 6)).resolves.toBeNull()
    // The v5 release is found by the same call for major 5: the tags are there.
    await expect(latestMajorRelease(octokit, 'octo-org/old-action', 5)).resolves.toEqual({
      sha: commitOf(server, 'octo-org/old-action', 'v5.9.0'),
      version: 'v5.9.0'
    })
    expect(server.violations).toEqual([])
  })

  it('throws an error naming the repository and the HTTP status when the repository does not exist', async () => {
    const failure = latestMajorRelease(octokit, 'aws-actions/no-such-action', 6)
    await expect(failure).rejects.toThrow(
      /^aws-actions\/no-such-action tags v6\.\*: HTTP 404: Not Found/
    )
    // Not retried: one request.
    expect(server.requestCounts()).toEqual({ [MATCHING_REFS]: 1 })
    expect(server.violations).toEqual([])
  })

  it('rejects a name that is not OWNER/REPO without a request', async () => {
    await expect(latestMajorRelease(octokit, 'configure-aws-credentials', 6)).rejects.toThrow(
      "'configure-aws-credentials' is not OWNER/REPO"
    )
    expect(server.requests).toEqual([])
  })
})

describe('resolveCacRef on a GitHub without the release', () => {
  let bare: GitHubServer

  beforeAll(async () => {
    bare = await startGitHubServer({ repositories: [{ fullName: 'octo-org/legacy-repo' }] })
  })

  afterAll(async () => {
    await bare.close()
  })

  it('falls back to the v6 tag with a note: first without the repository, then without a v6 release', async () => {
    const lookup = api(bare, 'octo-org/legacy-repo').latestRelease
    const missing = await resolveCacRef(lookup)
    expect(missing.ref).toEqual({ tag: 'v6' })
    expect(missing.note).toMatch(
      /^could not resolve the v6 release \(aws-actions\/configure-aws-credentials tags v6\.\*: HTTP 404: Not Found.*\): SHA-pinned aws-actions\/configure-aws-credentials steps are pinned to tag v6 instead of a SHA$/
    )

    bare.addRepository({
      ...CONFIGURE_AWS_CREDENTIALS,
      tags: [{ name: 'v5.1.0' }, { name: 'v5', at: 'v5.1.0' }]
    })
    const noRelease = await resolveCacRef(lookup)
    expect(noRelease).toEqual({
      ref: { tag: 'v6' },
      note: 'no v6 release found: SHA-pinned aws-actions/configure-aws-credentials steps are pinned to tag v6 instead of a SHA'
    })
    expect(bare.violations).toEqual([])
  })
})

describe('the tag routes of the test server', () => {
  it('lists the refs that start with the given prefix, annotated tags as tag objects', async () => {
    const { data } = await octokit.rest.git.listMatchingRefs({
      owner: 'aws-actions',
      repo: 'configure-aws-credentials',
      ref: 'tags/v6.'
    })
    expect(data.map((r) => r.ref)).toEqual([
      'refs/tags/v6.0.0',
      'refs/tags/v6.10.0',
      'refs/tags/v6.11.0-rc.1',
      'refs/tags/v6.2.0',
      'refs/tags/v6.9.3'
    ])
    for (const r of data) {
      const name = r.ref.replace('refs/tags/', '')
      const target = refTarget(server, CAC, name)
      expect(r.object).toEqual({
        sha: target.sha,
        type: target.type,
        url: `${server.url}/repos/${CAC}/git/${target.type}s/${target.sha}`
      })
    }
    expect(data.filter((r) => r.object.type === 'tag').map((r) => r.ref)).toEqual([
      'refs/tags/v6.10.0',
      'refs/tags/v6.2.0'
    ])
    const none = await octokit.rest.git.listMatchingRefs({
      owner: 'aws-actions',
      repo: 'configure-aws-credentials',
      ref: 'tags/v9.'
    })
    expect(none.data).toEqual([])
    expect(server.violations).toEqual([])
  })

  it('returns an annotated tag object and its commit, and 404 for a commit sha', async () => {
    const target = refTarget(server, CAC, 'v6.10.0')
    const ref = await octokit.rest.git.getRef({
      owner: 'aws-actions',
      repo: 'configure-aws-credentials',
      ref: 'tags/v6.10.0'
    })
    expect(ref.data.object).toMatchObject({ type: 'tag', sha: target.sha })

    const { data: tag } = await octokit.rest.git.getTag({
      owner: 'aws-actions',
      repo: 'configure-aws-credentials',
      tag_sha: target.sha
    })
    expect(tag).toMatchObject({
      sha: target.sha,
      tag: 'v6.10.0',
      message: 'v6.10.0',
      tagger: { name: SEED_IDENTITY.name, email: SEED_IDENTITY.email, date: SEED_IDENTITY.date },
      object: { type: 'commit', sha: commitOf(server, CAC, 'v6.10.0') },
      verification: { verified: false, reason: 'unsigned' }
    })

    const commit = commitOf(server, CAC, 'v6.0.0')
    await expect(
      octokit.rest.git.getTag({
        owner: 'aws-actions',
        repo: 'configure-aws-credentials',
        tag_sha: commit
      })
    ).rejects.toMatchObject({ status: 404 })
    expect(server.violations).toEqual([])
  })
})
