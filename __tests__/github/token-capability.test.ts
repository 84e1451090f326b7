/**
 * Token capability: the kind of a token, what GitHub tells about it (scopes, role), and
 * GitHub's refusals turned into messages naming the token needed. Checked against the GitHub API
 * test server, which answers with GitHub's headers and refusals.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  explainWriteRefusal,
  requireMigrateCapability,
  tokenKind
} from '../../src/github/token-capability.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { api } from './helpers.js'

let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      { fullName: 'octo-org/private-repo' },
      { fullName: 'octo-org/public-repo', visibility: 'public' }
    ]
  })
  server.addToken('ghp_full', { kind: 'classic', scopes: ['repo', 'workflow'] })
  server.addToken('ghp_public', { kind: 'classic', scopes: ['public_repo'] })
  server.addToken('github_pat_readonly', {
    kind: 'fine-grained',
    permissions: { contents: 'read' }
  })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

describe('tokenKind', () => {
  it.each([
    ['ghp_abc', 'classic'],
    ['gho_abc', 'oauth'],
    ['github_pat_11ABC', 'fine-grained'],
    ['ghs_abc', 'installation'],
    ['ghu_abc', 'user-to-server'],
    ['0123456789abcdef0123456789abcdef01234567', 'unknown']
  ])('%s is %s', (token, kind) => {
    expect(tokenKind(token)).toBe(kind)
  })
})

describe('detectTokenCapability', () => {
  it('a classic token with repo and workflow: nothing missing', async () => {
    const capability = await api(server, 'octo-org/private-repo', 'ghp_full').tokenCapability()
    expect(capability).toEqual({
      kind: 'classic',
      scopes: ['repo', 'workflow'],
      canPush: true,
      visibility: 'private',
      missingForMigrate: []
    })
  })

  it('public_repo is enough for a public repository, but the workflow scope is still needed', async () => {
    const github = api(server, 'octo-org/public-repo', 'ghp_public')
    const capability = await github.tokenCapability()
    expect(capability.missingForMigrate).toEqual(['the `workflow` scope'])
    await expect(github.requireMigrateCapability()).rejects.toThrow(
      /octo-org\/public-repo: it lacks the `workflow` scope\. migrate mode needs a GitHub App installation token/
    )
  })

  it('a fine-grained token that cannot push is refused before any write', async () => {
    const github = api(server, 'octo-org/private-repo', 'github_pat_readonly')
    const capability = await github.tokenCapability()
    expect(capability).toMatchObject({ kind: 'fine-grained', scopes: null, canPush: false })
    expect(() => requireMigrateCapability(capability, github.repository)).toThrow(
      /lacks write access to the repository/
    )
  })

  it('an App installation token tells nothing: the refusal of the first write is mapped instead', async () => {
    const capability = await api(server, 'octo-org/private-repo').tokenCapability()
    expect(capability).toMatchObject({
      kind: 'installation',
      scopes: null,
      canPush: null,
      missingForMigrate: []
    })
  })

  it('a repository the token cannot see', async () => {
    await expect(api(server, 'octo-org/nothing-here').tokenCapability()).rejects.toThrow(
      /cannot see octo-org\/nothing-here \(HTTP 404/
    )
  })
})

describe('explainWriteRefusal', () => {
  const refusal = (status: number, message: string): Error =>
    Object.assign(new Error(message), { status, response: { data: { message } } })

  it('maps GitHub refusals to the token needed', () => {
    expect(
      explainWriteRefusal(refusal(403, 'Resource not accessible by integration'), 'write the tree')
        ?.message
    ).toMatch(
      /GitHub refused to write the tree \(HTTP 403: Resource not accessible by integration\).*workflows write/
    )
    expect(
      explainWriteRefusal(
        refusal(403, 'GitHub Actions is not permitted to create or approve pull requests.'),
        'create the pull request'
      )?.message
    ).toMatch(/The token is the workflow's GITHUB_TOKEN/)
  })

  it('leaves other failures alone', () => {
    expect(explainWriteRefusal(refusal(422, 'Validation Failed'), 'x')).toBeNull()
    expect(explainWriteRefusal(refusal(500, 'Server Error'), 'x')).toBeNull()
    expect(explainWriteRefusal(new Error('socket hang up'), 'x')).toBeNull()
  })
})
