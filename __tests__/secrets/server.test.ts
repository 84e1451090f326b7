/**
 * Reading where secrets live through the real Octokit code path (`createGitHubApi().readSecrets`,
 * src/github/secrets.ts) against the project's GitHub API server, whose answers are checked
 * against GitHub's OpenAPI description: repository and environment secrets, organisation
 * secrets of each visibility (all, private, selected) as each repository sees them, and tokens
 * that may not list some of them (the workflow's GITHUB_TOKEN: no failure, a note, no finding).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { planSecretSources, type SecretListing } from '../../src/migration/secret-sources.js'
import { listOrganizationSecrets } from '../../src/github/secrets.js'
import { createOctokit } from '../../src/github/octokit.js'
import { secretSourceFitSections } from '../../src/report/secrets/sections.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import {
  FULL_APP_PERMISSIONS,
  startGitHubServer,
  type GitHubServer
} from '../../test-support/github-server/index.js'
import { addOrganizationSecret } from '../../test-support/github-server/actions/org-secrets.js'
import { api } from '../github/helpers.js'

const FILES = path.resolve('__fixtures__/secrets/repo')
const GITHUB_TOKEN = 'ghs_workflowgithubtoken000000000000000000'
const NO_ORG_TOKEN = 'ghs_secretsbutnoorganisation0000000000000'
let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      {
        fullName: 'octo-org/app',
        files: FILES,
        visibility: 'private',
        environments: ['staging', 'production'],
        secrets: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
        environmentSecrets: { staging: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] }
      },
      { fullName: 'octo-org/other', visibility: 'private' },
      { fullName: 'octo-org/site', visibility: 'public' },
      { fullName: 'octocat/personal', ownerType: 'User', visibility: 'private' }
    ]
  })
  const model = server.model
  addOrganizationSecret(model, { org: 'octo-org', name: 'SHARED_ACCESS_KEY_ID', visibility: 'all' })
  addOrganizationSecret(model, {
    org: 'octo-org',
    name: 'SHARED_SECRET_ACCESS_KEY',
    visibility: 'selected',
    repositories: ['octo-org/app', 'octo-org/other']
  })
  addOrganizationSecret(model, { org: 'octo-org', name: 'PRIVATE_ONLY', visibility: 'private' })
  addOrganizationSecret(model, {
    org: 'octo-org',
    name: 'OTHER_ONLY',
    visibility: 'selected',
    repositories: ['octo-org/other']
  })
  server.addToken(GITHUB_TOKEN, {
    kind: 'installation',
    githubActions: true,
    permissions: { contents: 'write', pull_requests: 'write', actions: 'read' }
  })
  const { organization_secrets: _org, ...repositoryOnly } = FULL_APP_PERMISSIONS
  server.addToken(NO_ORG_TOKEN, { kind: 'installation', permissions: repositoryOnly })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

async function read(fullName: string, environments: string[], token?: string) {
  const github = api(server, fullName, token)
  if (!github.readSecrets) throw new Error('createGitHubApi has no readSecrets')
  return github.readSecrets(environments)
}

describe('reading where secrets live, through Octokit, on the GitHub API server', () => {
  it('lists repository, environment and organisation secrets with their visibility', async () => {
    const listing = await read('octo-org/app', ['production', 'staging', 'not-created-yet'])
    const expected: SecretListing = {
      repository: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      environments: [
        { environment: 'production', secrets: [] },
        { environment: 'staging', secrets: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] },
        // GitHub makes an environment on a job's first run, with no secret.
        { environment: 'not-created-yet', secrets: [] }
      ],
      organization: [
        { name: 'PRIVATE_ONLY', visibility: 'private', repositories: null },
        { name: 'SHARED_ACCESS_KEY_ID', visibility: 'all', repositories: null },
        {
          name: 'SHARED_SECRET_ACCESS_KEY',
          visibility: 'selected',
          repositories: ['octo-org/app', 'octo-org/other']
        }
      ]
    }
    expect(listing).toEqual(expected)
    const counts = server.requestCounts()
    expect(counts['GET /orgs/{org}/actions/secrets/{secret_name}/repositories']).toBe(1)
  })

  it('gives each repository the organisation secrets its visibility lets it see', async () => {
    const names = async (fullName: string) =>
      (await read(fullName, [])).organization?.map((o) => o.name)
    expect(await names('octo-org/site')).toEqual(['SHARED_ACCESS_KEY_ID'])
    expect(await names('octo-org/other')).toEqual([
      'OTHER_ONLY',
      'PRIVATE_ONLY',
      'SHARED_ACCESS_KEY_ID',
      'SHARED_SECRET_ACCESS_KEY'
    ])
    expect(await names('octocat/personal')).toEqual([])
  })

  it("a token with the repository's secrets but not the organisation's: visibility unknown", async () => {
    const listing = await read('octo-org/app', [], NO_ORG_TOKEN)
    expect(listing.repository).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
    expect(listing.organization).toContainEqual({
      name: 'SHARED_SECRET_ACCESS_KEY',
      visibility: 'unknown',
      repositories: null
    })
  })

  it('the workflow GITHUB_TOKEN may list none: no failure, every place not readable', async () => {
    server.resetRequests()
    const listing = await read('octo-org/app', ['staging'], GITHUB_TOKEN)
    expect(listing).toEqual({
      repository: null,
      environments: [{ environment: 'staging', secrets: null }],
      organization: null
    })
    expect(server.requests.map((r) => r.status)).toEqual([403, 403, 403])
    const findings = scanWorkflows(
      (await api(server, 'octo-org/app').readFacts({ workflowFiles: true })).workflowFiles ?? []
    ).findings
    const planned = planSecretSources(findings, listing)
    expect(planned.findings).toEqual([])
    const [section] = secretSourceFitSections({ secretSources: planned })
    expect(section?.head.join('\n')).toContain(
      'Not readable with this token: the repository, environment `staging`, the organisation secrets'
    )
  })

  it("cleanup's list of organisation secrets is the same reading, empty when refused", async () => {
    const octokit = (token: string) =>
      createOctokit({ token, baseUrl: server.url, retryAfterBaseValue: 5, log: () => undefined })
    const repository = { owner: 'octo-org', repo: 'other' }
    expect((await listOrganizationSecrets(octokit(server.token), repository)).length).toBe(4)
    expect(await listOrganizationSecrets(octokit(GITHUB_TOKEN), repository)).toEqual([])
  })
})
