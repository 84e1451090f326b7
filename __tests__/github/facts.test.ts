/**
 * Repository facts read through the API from the GitHub API test server: identity, head, OIDC
 * subject format, default token permissions, environments, and the workflow and
 * composite-action files, in a number of requests that does not grow with the files.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { subjectFacts } from '../../src/github/facts.js'
import { apiBaseUrl } from '../../src/github/octokit.js'
import {
  FULL_APP_PERMISSIONS,
  startGitHubServer,
  type GitHubServer
} from '../../test-support/github-server/index.js'
import { api, EXAMPLE } from './helpers.js'

let server: GitHubServer

const WORKFLOW = (name: string): string =>
  `name: ${name}\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${name}\n`
const ACTION =
  'name: deploy\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n'

function manyWorkflows(n: number): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# many\n' }
  for (let i = 0; i < n; i++)
    files[`.github/workflows/w${String(i).padStart(2, '0')}.yml`] = WORKFLOW(`w${i}`)
  return files
}

beforeAll(async () => {
  server = await startGitHubServer({
    graphqlBlobTextLimit: 4096,
    repositories: [
      {
        fullName: 'octo-org/legacy-repo',
        files: EXAMPLE,
        id: 424242,
        ownerId: 9919,
        environments: ['staging', 'production'],
        oidcSubject: {
          useDefault: false,
          includeClaimKeys: ['repo', 'context'],
          useImmutableSubject: true
        },
        workflowPermissions: {
          defaultWorkflowPermissions: 'write',
          canApprovePullRequestReviews: true
        }
      },
      {
        fullName: 'octo-org/actions',
        files: {
          '.github/workflows/ci.yaml': WORKFLOW('ci'),
          '.github/workflows/notes.md': 'not a workflow\n',
          '.github/workflows/big.yml': `${WORKFLOW('big')}${'# padding\n'.repeat(1000)}`,
          '.github/actions/deploy/action.yml': ACTION,
          '.github/actions/deploy/script.sh': 'echo not an action file\n',
          '.github/actions/nested/one/action.yaml': ACTION.replace('deploy', 'one'),
          '.github/actions/a/b/c/d/e/action.yml': ACTION.replace('deploy', 'deep'),
          'src/action.yml': 'outside .github/actions\n'
        }
      },
      { fullName: 'octo-org/one-workflow', files: manyWorkflows(1) },
      { fullName: 'octo-org/fifty-workflows', files: manyWorkflows(50) }
    ]
  })
  server.addToken('ghs_no_admin', {
    kind: 'installation',
    permissions: { ...FULL_APP_PERMISSIONS, administration: undefined as never }
  })
  server.addToken('ghs_no_contents', { kind: 'installation', permissions: { actions: 'read' } })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

describe('readRepositoryFacts', () => {
  it('reads identity, head, subject format, token default, environments and files', async () => {
    const repo = server.repository('octo-org/legacy-repo')
    const facts = await api(server, 'octo-org/legacy-repo').readFacts()
    expect(facts).toMatchObject({
      owner: 'octo-org',
      repo: 'legacy-repo',
      repoId: 424242,
      ownerId: 9919,
      ownerType: 'Organization',
      visibility: 'private',
      defaultBranch: 'main',
      headSha: repo.head,
      headTreeSha: repo.git.readCommit(repo.head).tree,
      oidcSubject: {
        useDefault: false,
        includeClaimKeys: ['repo', 'context'],
        useImmutableSubject: true,
        subClaimPrefix: 'repo:octo-org@9919/legacy-repo@424242'
      },
      workflowTokenDefault: 'permissive',
      actionsCanApprovePullRequests: true,
      environments: ['production', 'staging'],
      warnings: []
    })
    const onDisk = repo.git
      .git(['ls-tree', '-r', '--name-only', 'main', '.github/workflows'])
      .trim()
      .split('\n')
    expect(facts.workflowFiles?.map((f) => f.path)).toEqual(onDisk)
    for (const f of facts.workflowFiles ?? []) {
      expect(f.text).toBe(repo.readFile(f.path))
      expect(f.sha).toBe(repo.git.entryAt('main', f.path)?.sha)
      expect(f.mode).toBe('100644')
    }
    expect(subjectFacts(facts)).toEqual({
      owner: 'octo-org',
      repo: 'legacy-repo',
      ownerId: 9919,
      repoId: 424242,
      defaultBranch: 'main',
      oidcSubject: facts.oidcSubject
    })
  })

  it('finds composite actions at any depth and reads blobs GraphQL truncates over REST', async () => {
    server.resetRequests()
    const facts = await api(server, 'octo-org/actions').readFacts()
    expect(facts.workflowFiles?.map((f) => f.path)).toEqual([
      '.github/actions/a/b/c/d/e/action.yml',
      '.github/actions/deploy/action.yml',
      '.github/actions/nested/one/action.yaml',
      '.github/workflows/big.yml',
      '.github/workflows/ci.yaml'
    ])
    const repo = server.repository('octo-org/actions')
    for (const f of facts.workflowFiles ?? []) expect(f.text).toBe(repo.readFile(f.path))
    expect(server.requestCounts()).toMatchObject({
      'POST /graphql': 2,
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 1,
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': 1
    })
  })

  it('makes as many requests for 50 workflow files as for one', async () => {
    server.resetRequests()
    const one = await api(server, 'octo-org/one-workflow').readFacts()
    const oneCounts = server.requestCounts()
    server.resetRequests()
    const fifty = await api(server, 'octo-org/fifty-workflows').readFacts()
    expect(one.workflowFiles).toHaveLength(1)
    expect(fifty.workflowFiles).toHaveLength(50)
    expect(server.requestCounts()).toEqual(oneCounts)
    expect(Object.values(oneCounts).reduce((a, b) => a + b, 0)).toBe(4)
  })

  it('reads no file when the checkout is used', async () => {
    const facts = await api(server, 'octo-org/legacy-repo').readFacts({ workflowFiles: false })
    expect(facts.workflowFiles).toBeNull()
    expect(facts.headSha).toBe(server.repository('octo-org/legacy-repo').head)
  })

  it('a setting the token may not read becomes null with a warning naming the permission', async () => {
    const facts = await api(server, 'octo-org/legacy-repo', 'ghs_no_admin').readFacts()
    expect(facts.workflowTokenDefault).toBeNull()
    expect(facts.actionsCanApprovePullRequests).toBeNull()
    expect(facts.warnings).toEqual([
      expect.stringMatching(/default GITHUB_TOKEN permissions .*HTTP 403.*'administration: read'/)
    ])
  })

  it('fails with the permission plan mode needs when files cannot be read', async () => {
    await expect(
      api(server, 'octo-org/legacy-repo', 'ghs_no_contents').readFacts()
    ).rejects.toThrow(/cannot read octo-org\/legacy-repo's files .*contents: read/)
    await expect(api(server, 'octo-org/missing').readFacts()).rejects.toThrow(
      /octo-org\/missing was not found or the token cannot see it/
    )
  })

  it('works with a GitHub Enterprise Server base URL (/api/v3 and /api/graphql)', async () => {
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/api/v3'
    )
    expect(apiBaseUrl({})).toBe('https://api.github.com')
    const { createGitHubApi } = await import('../../src/github/client.js')
    server.resetRequests()
    const ghes = createGitHubApi({
      token: server.token,
      baseUrl: `${server.url}/api/v3`,
      repository: { owner: 'octo-org', repo: 'legacy-repo' },
      log: () => undefined
    })
    const facts = await ghes.readFacts()
    expect(facts.headSha).toBe(server.repository('octo-org/legacy-repo').head)
    expect(server.requests.every((r) => r.path.startsWith('/api/'))).toBe(true)
  })
})

describe('subjectFacts', () => {
  it('refuses to guess the subject format when it could not be read', async () => {
    const facts = await api(server, 'octo-org/legacy-repo').readFacts({ workflowFiles: false })
    expect(() => subjectFacts({ ...facts, oidcSubject: null })).toThrow(/actions: read/)
  })
})
