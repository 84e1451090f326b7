/**
 * The GitHub API test server itself: git-backed state, OpenAPI validation of requests and
 * responses, GraphQL validation against GitHub's schema, token permissions, faults and counts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { openApi } from '../../test-support/github-server/openapi.js'
import {
  DEFAULT_TOKEN,
  startGitHubServer,
  type GitHubServer
} from '../../test-support/github-server/index.js'

const EXAMPLE = path.resolve('examples/legacy-repo')
const REPO = 'octo-org/legacy-repo'

let server: GitHubServer

async function call(
  method: string,
  route: string,
  body?: unknown,
  token: string = DEFAULT_TOKEN
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers
  }
}

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [{ fullName: REPO, files: EXAMPLE, environments: ['production'] }],
    tokens: {
      [DEFAULT_TOKEN]: {
        kind: 'installation',
        permissions: {
          contents: 'write',
          pull_requests: 'write',
          workflows: 'write',
          actions: 'read'
        }
      },
      ghs_noworkflows: {
        kind: 'installation',
        permissions: { contents: 'write', pull_requests: 'write' }
      },
      ghp_classic: { kind: 'classic', scopes: ['repo'] }
    }
  })
})

afterAll(async () => {
  await server.close()
})

describe('state in a real bare git repository', () => {
  it('seeds the default branch from a folder, dot-folders included', () => {
    const repo = server.repository(REPO)
    const files = repo.git
      .git(['ls-tree', '-r', '--name-only', 'refs/heads/main'])
      .trim()
      .split('\n')
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/deploy.yml',
        'README.md'
      ])
    )
    expect(repo.readFile('.github/workflows/deploy.yml')).toContain('configure-aws-credentials')
  })

  it('writes trees, commits and refs as git objects git can read back', async () => {
    const repo = server.repository(REPO)
    const head = repo.head
    const baseTree = repo.git.readCommit(head).tree
    const tree = await call('POST', `/repos/${REPO}/git/trees`, {
      base_tree: baseTree,
      tree: [{ path: 'docs/new.md', mode: '100644', type: 'blob', content: 'hello\n' }]
    })
    expect(tree.status).toBe(201)
    const commit = await call('POST', `/repos/${REPO}/git/commits`, {
      message: 'add a doc',
      tree: tree.body.sha,
      parents: [head]
    })
    expect(commit.status).toBe(201)
    expect(commit.body.verification).toMatchObject({ verified: true, reason: 'valid' })
    const ref = await call('POST', `/repos/${REPO}/git/refs`, {
      ref: 'refs/heads/doc',
      sha: commit.body.sha
    })
    expect(ref.status).toBe(201)
    expect(repo.git.git(['show', 'refs/heads/doc:docs/new.md'])).toBe('hello\n')
    expect(repo.git.git(['rev-parse', 'refs/heads/doc^']).trim()).toBe(head)
    expect(repo.git.git(['log', '-1', '--format=%cn <%ce>', 'refs/heads/doc']).trim()).toBe(
      'GitHub <noreply@github.com>'
    )
  })

  it('refuses a ref update that is not a fast-forward unless forced', async () => {
    const repo = server.repository(REPO)
    const root = repo.git.readCommit(repo.head)
    const other = await call('POST', `/repos/${REPO}/git/commits`, {
      message: 'unrelated',
      tree: root.tree,
      parents: []
    })
    const refused = await call('PATCH', `/repos/${REPO}/git/refs/heads/doc`, {
      sha: other.body.sha,
      force: false
    })
    expect(refused.status).toBe(422)
    expect(refused.body.message).toBe('Update is not a fast forward')
    expect(server.violations).toEqual([])
  })
})

describe('OpenAPI validation', () => {
  it('records a request whose body breaks the description and answers 400', async () => {
    const before = server.violations.length
    const bad = await call('POST', `/repos/${REPO}/git/trees`, {
      tree: [{ path: 'a.txt', mode: '100600', type: 'blob', content: 'x' }]
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/OpenAPI violation: request body: \/tree\/0\/mode/)
    expect(server.violations.slice(before)).toEqual([
      expect.stringContaining('POST /repos/{owner}/{repo}/git/trees: request body: /tree/0/mode')
    ])
  })

  it('records undocumented query parameters and operations', async () => {
    const before = server.violations.length
    expect((await call('GET', `/repos/${REPO}/git/ref/heads/main?recursive=1`)).status).toBe(400)
    expect((await call('GET', `/repos/${REPO}/no-such-thing`)).status).toBe(404)
    expect(server.violations.slice(before)).toEqual([
      expect.stringContaining("query parameter 'recursive' is not documented for git/get-ref"),
      expect.stringContaining('GitHub documents no such operation')
    ])
  })

  it('rejects a response body that breaks the schema of its status', () => {
    const api = openApi()
    const match = api.match('GET', `/repos/${REPO}/git/ref/heads/main`)
    expect(match?.route).toBe('GET /repos/{owner}/{repo}/git/ref/{ref}')
    if (!match) return
    expect(api.validateResponse(match, 200, { ref: 'refs/heads/main' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/must have required property 'object'/)])
    )
    expect(api.validateResponse(match, 201, {})).toEqual([
      'status 201 is not documented for git/get-ref'
    ])
  })

  it('rejects a GraphQL query GitHub would reject (validated against its schema)', async () => {
    const before = server.violations.length
    const r = await call('POST', '/graphql', {
      query: 'query { repository(owner: "octo-org", name: "legacy-repo") { noSuchField } }'
    })
    expect(r.status).toBe(200)
    expect(JSON.stringify(r.body.errors)).toContain('noSuchField')
    expect(server.violations.slice(before)).toHaveLength(1)
  })

  it('answers a valid GraphQL query from the git repository', async () => {
    const r = await call('POST', '/graphql', {
      query: `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {
        databaseId defaultBranchRef { name target { ... on Commit { oid file(path: ".github/workflows/deploy.yml") { oid object { ... on Blob { text } } } } } } } }`,
      variables: { owner: 'octo-org', name: 'legacy-repo' }
    })
    const data = r.body.data as {
      repository: {
        defaultBranchRef: { target: { oid: string; file: { object: { text: string } } } }
      }
    }
    expect(data.repository.defaultBranchRef.target.oid).toBe(server.repository(REPO).head)
    expect(data.repository.defaultBranchRef.target.file.object.text).toBe(
      server.repository(REPO).readFile('.github/workflows/deploy.yml')
    )
  })
})

describe('tokens', () => {
  it('refuses a tree under .github/workflows/ from a token without workflows write, as GitHub does', async () => {
    const repo = server.repository(REPO)
    const r = await call(
      'POST',
      `/repos/${REPO}/git/trees`,
      {
        base_tree: repo.git.readCommit(repo.head).tree,
        tree: [{ path: '.github/workflows/ci.yml', mode: '100644', type: 'blob', content: 'x' }]
      },
      'ghs_noworkflows'
    )
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/git/trees#create-a-tree'
    })
  })

  it('sends X-OAuth-Scopes to classic tokens and refuses unknown tokens', async () => {
    const r = await call('GET', `/repos/${REPO}`, undefined, 'ghp_classic')
    expect(r.status).toBe(200)
    expect(r.headers.get('x-oauth-scopes')).toBe('repo')
    expect((await call('GET', `/repos/${REPO}`, undefined, 'nope')).status).toBe(401)
  })
})

describe('faults and counts', () => {
  it('fails a route once as asked, then serves it again, counting every request', async () => {
    server.resetRequests()
    server.failNext({
      route: 'GET /repos/{owner}/{repo}/environments',
      kind: 'secondary-rate-limit',
      retryAfter: 2
    })
    server.failNext({ route: 'GET /repos/{owner}/{repo}/environments', kind: 'server-error' })
    const limited = await call('GET', `/repos/${REPO}/environments`)
    expect(limited.status).toBe(403)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.body.message).toMatch(/secondary rate limit/)
    expect((await call('GET', `/repos/${REPO}/environments`)).status).toBe(500)
    const ok = await call('GET', `/repos/${REPO}/environments`)
    expect(ok.status).toBe(200)
    expect(ok.body.total_count).toBe(1)
    expect(server.requestCounts()).toEqual({ 'GET /repos/{owner}/{repo}/environments': 3 })
    expect(server.requests.map((r) => r.fault)).toEqual([
      'secondary-rate-limit',
      'server-error',
      null
    ])
  })
})
