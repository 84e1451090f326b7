/**
 * The pull request against the GitHub API test server: one PR whose commit holds exactly the
 * rewritten files, re-runs that change nothing, an update after a workflow changed, refusals of
 * tokens that cannot write workflows, and retries after faults. Every request and response is
 * checked against GitHub's OpenAPI description (`server.violations`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { BranchConflictError, COMMIT_TRAILER } from '../../src/github/pull-request.js'
import { TokenCapabilityError } from '../../src/github/token-capability.js'
import {
  FULL_APP_PERMISSIONS,
  SEED_IDENTITY,
  startGitHubServer,
  type GitHubServer
} from '../../test-support/github-server/index.js'
import { api, EXAMPLE, migrate, ROLE_ARN, writes } from './helpers.js'

const REPO = 'octo-org/legacy-repo'
let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [{ fullName: REPO, files: EXAMPLE, environments: ['production'] }]
  })
  server.addToken('ghs_without_workflows', {
    kind: 'installation',
    permissions: { ...FULL_APP_PERMISSIONS, workflows: undefined as never }
  })
  server.addToken('ghs_github_token', {
    kind: 'installation',
    githubActions: true,
    permissions: FULL_APP_PERMISSIONS
  })
  server.addToken('ghp_without_workflow_scope', { kind: 'classic', scopes: ['repo'] })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

function git(fullName: string, args: string[]): string {
  return server.repository(fullName).git.git(args).trim()
}

describe('one pull request, idempotent', () => {
  let first: Awaited<ReturnType<typeof migrate>>

  it('opens one pull request whose commit contains exactly the rewritten files', async () => {
    server.resetRequests()
    first = await migrate(api(server, REPO))
    const { result, facts, files } = first
    expect(result).toMatchObject({ operation: 'created', number: 1, branch: 'created' })
    expect(result.url).toBe(`${server.url}/${REPO}/pull/1`)
    expect(files.length).toBeGreaterThan(0)

    const head = git(REPO, ['rev-parse', 'refs/heads/aws-keys-to-oidc'])
    expect(result.headSha).toBe(head)
    expect(git(REPO, ['rev-parse', `${head}^@`])).toBe(facts.headSha)
    const changed = git(REPO, ['diff-tree', '-r', '--name-only', facts.headSha, head]).split('\n')
    expect(changed.sort()).toEqual(files.map((f) => f.path).sort())
    for (const f of files) {
      expect(server.repository(REPO).readFile(f.path, head)).toBe(f.content)
      expect(f.content).toContain(ROLE_ARN)
    }
    // No author or committer is sent, so GitHub commits as itself and signs the commit.
    expect(git(REPO, ['log', '-1', '--format=%cn <%ce>%n%B', head])).toContain(
      'GitHub <noreply@github.com>'
    )
    expect(git(REPO, ['log', '-1', '--format=%B', head])).toContain(COMMIT_TRAILER)

    const diff = server.repository(REPO).pullRequestDiff(1)
    for (const f of files) expect(diff).toContain(`diff --git a/${f.path} b/${f.path}`)
    expect(diff).toContain(`+          role-to-assume: ${ROLE_ARN}`)
    const pulls = server.repository(REPO).pulls
    expect(pulls).toHaveLength(1)
    expect(pulls[0]).toMatchObject({
      head: 'aws-keys-to-oidc',
      base: 'main',
      labels: ['security'],
      state: 'open'
    })
    expect(writes(server)).toEqual([
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels'
    ])
  })

  it('reports unchanged on a second run and makes no write request', async () => {
    server.resetRequests()
    const again = await migrate(api(server, REPO))
    expect(again.result).toEqual({ ...first.result, operation: 'unchanged', branch: 'unchanged' })
    expect(writes(server)).toEqual([])
    expect(server.repository(REPO).pulls).toHaveLength(1)
  })

  it('updates the same pull request after a workflow changed on the default branch', async () => {
    const repo = server.repository(REPO)
    const before = repo.git.readRef('refs/heads/aws-keys-to-oidc') ?? ''
    const deploy = repo.readFile('.github/workflows/deploy.yml') ?? ''
    repo.git.commitFiles(
      'main',
      { '.github/workflows/deploy.yml': deploy.replace('--delete', '--delete --exact-timestamps') },
      'Sync with exact timestamps',
      SEED_IDENTITY
    )
    server.resetRequests()
    const run = await migrate(api(server, REPO), { body: 'a new body' })
    expect(run.result).toMatchObject({ operation: 'updated', number: 1, branch: 'updated' })
    const after = repo.git.readRef('refs/heads/aws-keys-to-oidc') ?? ''
    // A fast-forward of the old branch head that also contains the new default branch head.
    expect(repo.git.isAncestor(before, after)).toBe(true)
    expect(repo.git.isAncestor(repo.head, after)).toBe(true)
    const changed = git(REPO, ['diff', '--name-only', `main...${after}`]).split('\n')
    expect(changed.sort()).toEqual(run.files.map((f) => f.path).sort())
    expect(repo.readFile('.github/workflows/deploy.yml', after)).toContain('--exact-timestamps')
    expect(repo.readFile('.github/workflows/deploy.yml', after)).toContain(ROLE_ARN)
    expect(repo.pulls).toHaveLength(1)
    expect(repo.pulls[0]?.body).toBe('a new body')
    expect(writes(server)).toEqual([
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number}'
    ])

    server.resetRequests()
    const settled = await migrate(api(server, REPO), { body: 'a new body' })
    expect(settled.result.operation).toBe('unchanged')
    expect(writes(server)).toEqual([])
  })

  it('refuses to build on a branch that holds someone else’s commit, writing nothing', async () => {
    const repo = server.repository(REPO)
    repo.git.commitFiles(
      'aws-keys-to-oidc',
      { 'NOTES.md': 'mine\n' },
      'A hand-made fix',
      SEED_IDENTITY
    )
    const head = repo.git.readRef('refs/heads/aws-keys-to-oidc')
    server.resetRequests()
    await expect(migrate(api(server, REPO), { body: 'a new body' })).rejects.toThrow(
      /commits that aws-keys-to-oidc did not make .*A hand-made fix/
    )
    expect(writes(server)).toEqual([])
    expect(repo.git.readRef('refs/heads/aws-keys-to-oidc')).toBe(head)
  })
})

describe('tokens that cannot write workflows', () => {
  it('an App token without workflows permission: a clear error and nothing written', async () => {
    const name = 'octo-org/no-workflows'
    server.addRepository({ fullName: name, files: EXAMPLE })
    server.resetRequests()
    const error = await migrate(api(server, name, 'ghs_without_workflows')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenCapabilityError)
    expect((error as Error).message).toMatch(/workflows write/)
    expect((error as Error).message).toMatch(/create-github-app-token/)
    expect((error as Error).message).toMatch(/`workflow` scope/)
    // GitHub refuses the tree itself: no object, no branch, no pull request.
    expect(writes(server)).toEqual(['POST /repos/{owner}/{repo}/git/trees'])
    expect(server.requests.find((r) => r.write)?.status).toBe(403)
    expect(server.repository(name).git.readRef('refs/heads/aws-keys-to-oidc')).toBeNull()
    expect(server.repository(name).pulls).toHaveLength(0)
  })

  it('a classic token without the workflow scope: refused before any write', async () => {
    const name = 'octo-org/classic-token'
    server.addRepository({ fullName: name, files: EXAMPLE })
    server.resetRequests()
    await expect(migrate(api(server, name, 'ghp_without_workflow_scope'))).rejects.toThrow(
      /lacks the `workflow` scope/
    )
    expect(writes(server)).toEqual([])
    expect(server.requestCounts()).toEqual({ 'GET /repos/{owner}/{repo}': 1 })
  })

  it('the workflow GITHUB_TOKEN: GitHub refuses the tree, the message says why', async () => {
    const name = 'octo-org/github-token'
    server.addRepository({ fullName: name, files: EXAMPLE })
    await expect(migrate(api(server, name, 'ghs_github_token'))).rejects.toThrow(
      /GITHUB_TOKEN can never change files under \.github\/workflows/
    )
    expect(server.repository(name).pulls).toHaveLength(0)
  })
})

describe('faults on writes', () => {
  it('retries after a secondary rate limit and a 500 and finishes with the same result', async () => {
    const clean = 'octo-org/clean-run'
    const faulty = 'octo-org/faulty-run'
    server.addRepository({ fullName: clean, files: EXAMPLE })
    server.addRepository({ fullName: faulty, files: EXAMPLE })
    const expected = await migrate(api(server, clean))

    server.resetRequests()
    server.failNext({
      route: 'POST /repos/{owner}/{repo}/git/commits',
      kind: 'secondary-rate-limit',
      retryAfter: 1
    })
    server.failNext({ route: 'POST /repos/{owner}/{repo}/pulls', kind: 'server-error' })
    const run = await migrate(api(server, faulty))
    expect(run.result).toMatchObject({ operation: 'created', number: 1, branch: 'created' })
    const counts = server.requestCounts()
    expect(counts['POST /repos/{owner}/{repo}/git/commits']).toBe(2)
    expect(counts['POST /repos/{owner}/{repo}/pulls']).toBe(2)
    expect(server.requests.filter((r) => r.fault !== null).map((r) => r.status)).toEqual([403, 500])
    // Same content as the run without faults (both repositories were seeded identically).
    const tree = (name: string): string =>
      git(name, ['rev-parse', 'refs/heads/aws-keys-to-oidc^{tree}'])
    expect(tree(faulty)).toBe(tree(clean))
    expect(run.files).toEqual(expected.files)
    expect(server.repository(faulty).pulls).toHaveLength(1)
  })

  it('waits out a spent hourly quota (primary rate limit, x-ratelimit-reset) and finishes with the same result', async () => {
    const clean = 'octo-org/clean-quota'
    const faulty = 'octo-org/spent-quota'
    server.addRepository({ fullName: clean, files: EXAMPLE })
    server.addRepository({ fullName: faulty, files: EXAMPLE })
    const expected = await migrate(api(server, clean))

    server.resetRequests()
    server.failNext({
      route: 'POST /repos/{owner}/{repo}/git/trees',
      kind: 'primary-rate-limit',
      retryAfter: 1
    })
    const run = await migrate(api(server, faulty))
    expect(run.result).toMatchObject({ operation: 'created', number: 1, branch: 'created' })
    const limited = server.requests.filter((r) => r.fault !== null)
    expect(limited.map((r) => r.status)).toEqual([403])
    expect(server.requestCounts()['POST /repos/{owner}/{repo}/git/trees']).toBe(2)
    const tree = (name: string): string =>
      git(name, ['rev-parse', 'refs/heads/aws-keys-to-oidc^{tree}'])
    expect(tree(faulty)).toBe(tree(clean))
    expect(run.files).toEqual(expected.files)
  })

  it('a pull request created but its answer lost: the retry finds it, no duplicate', async () => {
    const name = 'octo-org/lost-answer'
    server.addRepository({ fullName: name, files: EXAMPLE })
    server.failNext({ route: 'POST /repos/{owner}/{repo}/pulls', kind: 'lost-response' })
    const run = await migrate(api(server, name))
    expect(run.result).toMatchObject({ operation: 'created', number: 1 })
    expect(server.repository(name).pulls).toHaveLength(1)
    expect(server.repository(name).pulls[0]?.labels).toEqual(['security'])
  })

  it('a branch update GitHub refuses as not a fast-forward: nothing is forced', async () => {
    const name = 'octo-org/moved-branch'
    const repo = server.addRepository({ fullName: name, files: EXAMPLE })
    await migrate(api(server, name))
    const head = repo.git.readRef('refs/heads/aws-keys-to-oidc')
    const deploy = repo.readFile('.github/workflows/deploy.yml') ?? ''
    repo.git.commitFiles(
      'main',
      { '.github/workflows/deploy.yml': `${deploy}# changed\n` },
      'change',
      SEED_IDENTITY
    )
    server.failNext({ route: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}', kind: 'validation' })
    await expect(migrate(api(server, name))).rejects.toBeInstanceOf(BranchConflictError)
    expect(repo.git.readRef('refs/heads/aws-keys-to-oidc')).toBe(head)
  })
})
