/**
 * A key pair held in an organisation secret, migrated like any other: the repository
 * (__fixtures__/secrets/shared) on the project's GitHub API server, the secret seeded as an
 * organisation secret that two repositories see, the key's IAM user in moto_server (real SDK
 * clients). `gatherMigration` reads where the secrets live through the real Octokit path; the
 * plan rewrites the file, and the pull request body and the job summary say the secret is
 * shared, naming the repositories that can see it, so that nobody deletes it while others use it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { seedDeployer } from '../../__fixtures__/aws/seed.js'
import { gatherMigration, type GatherSettings } from '../../src/modes/gather.js'
import { applyMigration } from '../../src/modes/apply.js'
import { renderMigrationSummary } from '../../src/report/migration-summary.js'
import { planJson } from '../../src/report/plan-json.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { addOrganizationSecret } from '../../test-support/github-server/actions/org-secrets.js'
import { Actionlint } from '../../test-support/actionlint.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { api as githubApi } from '../github/helpers.js'

const FILES = path.resolve('__fixtures__/secrets/shared')
const REPO = 'octo-org/nightly-repo'
const { api } = useMoto()
let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      { fullName: REPO, files: FILES },
      { fullName: 'octo-org/reports' },
      { fullName: 'octo-org/unrelated' }
    ]
  })
  for (const name of ['ORG_AWS_ACCESS_KEY_ID', 'ORG_AWS_SECRET_ACCESS_KEY']) {
    addOrganizationSecret(server.model, {
      org: 'octo-org',
      name,
      visibility: 'selected',
      repositories: [REPO, 'octo-org/reports']
    })
  }
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

async function settings(): Promise<GatherSettings> {
  const user = await seedDeployer(api, 'deployer-nightly')
  return {
    keys: [{ secretName: 'ORG_AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId }],
    roleName: 'github-{repo}-{user}',
    rolePath: '/github-actions/',
    audience: 'sts.amazonaws.com',
    oidcIssuer: 'https://token.actions.githubusercontent.com',
    maxSessionDuration: 3600,
    permissionsBoundary: null,
    awsRegion: 'eu-west-1',
    branch: 'aws-keys-to-oidc',
    prTitle: 'Replace long-lived AWS keys with OIDC role assumption',
    prLabels: [],
    draft: false
  }
}

describe('migrate: a pair held in an organisation secret', () => {
  it('is migrated, and the pull request and the summary name the shared secret', async () => {
    const plan = await gatherMigration({
      github: githubApi(server, REPO),
      aws: api,
      settings: await settings(),
      now: new Date('2026-12-02T00:00:00Z')
    })
    expect(plan.secretSources?.sources.map((s) => [s.job, s.secret, s.definition])).toEqual([
      [
        'sync',
        'ORG_AWS_ACCESS_KEY_ID',
        { scope: 'organization', visibility: 'selected', repositories: [REPO, 'octo-org/reports'] }
      ],
      [
        'sync',
        'ORG_AWS_SECRET_ACCESS_KEY',
        { scope: 'organization', visibility: 'selected', repositories: [REPO, 'octo-org/reports'] }
      ]
    ])
    expect(plan.secretSources?.findings).toEqual([])
    expect(plan.pairErrors).toEqual([])

    // Migrated like any other pair: the file is rewritten to assume the role, and lints clean.
    const file = plan.rewrite.files.find((f) => f.path === '.github/workflows/nightly.yml')
    expect(file?.changed).toBe(true)
    expect(file?.after).toContain('role-to-assume: arn:aws:iam::')
    expect(file?.after).not.toContain('ORG_AWS_SECRET_ACCESS_KEY')
    expect(await new Actionlint().lint(file?.after ?? '', file?.path)).toEqual([])

    const summary = renderMigrationSummary(plan, null, { mode: 'plan' })
    expect(summary).toContain(
      '| `.github/workflows/nightly.yml` | `sync` | `ORG_AWS_ACCESS_KEY_ID` | an organisation secret, shared with `octo-org/nightly-repo`, `octo-org/reports` |'
    )
    expect(planJson(plan).secretSources?.sources).toHaveLength(2)

    const result = await applyMigration(githubApi(server, REPO), api, plan)
    expect(result.errors).toEqual([])
    expect(result.pullRequest).toMatchObject({ operation: 'created' })
    const pull = server.repository(REPO).pulls[0]
    expect(pull?.body).toContain('### Shared organisation secrets')
    const line = pull?.body.split('\n').find((l) => l.startsWith('- `ORG_AWS_ACCESS_KEY_ID`'))
    expect(line).toContain('job `sync` of `.github/workflows/nightly.yml`')
    expect(line).toContain('shared with `octo-org/nightly-repo`, `octo-org/reports`')
    expect(pull?.body).not.toContain('octo-org/unrelated')
  })
})
