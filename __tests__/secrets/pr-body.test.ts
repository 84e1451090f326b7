/**
 * The shared organisation secrets in the pull request body (src/report/pr-body.ts with
 * src/report/secrets/): named with who else sees them, and, when GitHub's 65,536 characters
 * force cuts, kept while the rows and follow-ups of lower priority are cut.
 */
import { describe, expect, it } from '@jest/globals'
import type { PullRequestBodyInput } from '../../src/migration/pull-request-body.js'
import type { SecretSources } from '../../src/migration/secret-sources.js'
import { BODY_LIMIT, renderPullRequestBody } from '../../src/report/pr-body.js'

const ARN = 'arn:aws:iam::123456789012:role/github-actions/github-octo-org-app-deployer'

const SOURCES: SecretSources = {
  sources: [
    {
      file: '.github/workflows/nightly.yml',
      job: 'sync',
      environment: null,
      secret: 'ORG_AWS_ACCESS_KEY_ID',
      definition: { scope: 'organization', visibility: 'private', repositories: null },
      looked: [
        { scope: 'repository', environment: null, readable: true },
        { scope: 'organization', environment: null, readable: true }
      ]
    },
    {
      file: '.github/workflows/deploy.yml',
      job: 'deploy',
      environment: 'production',
      secret: 'AWS_ACCESS_KEY_ID',
      definition: { scope: 'environment', environment: 'production' },
      looked: [{ scope: 'environment', environment: 'production', readable: true }]
    }
  ],
  unreadable: [],
  findings: []
}

function input(rows: number): PullRequestBodyInput {
  return {
    repository: 'octo-org/app',
    summary: Array.from({ length: rows }, (_, i) => ({
      workflow: `.github/workflows/w${i}.yml`,
      job: `job-${i}`,
      keyPair: 'ORG_AWS_ACCESS_KEY_ID / ORG_AWS_SECRET_ACCESS_KEY',
      roleArn: ARN
    })),
    roles: [],
    warnings: [],
    followUps: Array.from({ length: rows }, (_, i) => ({
      file: `.github/workflows/w${i}.yml`,
      line: i + 1,
      message: 'Keys are exported to a later step; use the role there.'
    })),
    tokenPermissionChanges: [],
    nextSteps: { workflowsToRun: [], secretsToRetire: [], cleanup: 'run `mode: cleanup`.' },
    secretSources: SOURCES
  }
}

const SHARED_LINE =
  '- `ORG_AWS_ACCESS_KEY_ID` (read by job `sync` of `.github/workflows/nightly.yml`) is an organisation secret shared with every private and internal repository of the organisation.'

describe('shared organisation secrets in the pull request body', () => {
  it('names only the organisation secrets, with who sees them', () => {
    const text = renderPullRequestBody(input(1))
    expect(text).toContain('### Shared organisation secrets')
    expect(text).toContain(SHARED_LINE)
    expect(text).not.toContain('- `AWS_ACCESS_KEY_ID`')
  })

  it('has no section when no secret is an organisation secret, or none were read', () => {
    const none = { ...SOURCES, sources: SOURCES.sources.slice(1) }
    expect(renderPullRequestBody({ ...input(1), secretSources: none })).not.toContain(
      'Shared organisation secrets'
    )
    expect(renderPullRequestBody({ ...input(1), secretSources: null })).not.toContain(
      'Shared organisation secrets'
    )
  })

  it('is cut after the rows and follow-ups: deleting a shared secret breaks other repositories', () => {
    const many: SecretSources = {
      ...SOURCES,
      sources: Array.from({ length: 100 }, (_, i) => ({
        ...SOURCES.sources[0]!,
        secret: `ORG_KEY_${i}`,
        job: `job-${i}`
      }))
    }
    const body = { ...input(100), secretSources: many }
    const full = renderPullRequestBody(body)
    const shared = full.split('\n').filter((l) => l.startsWith('- `ORG_KEY_'))
    expect(shared).toHaveLength(100)
    // The shared section is the largest: under a limit it would go first at the same priority.
    // Less than the rows and follow-ups hold (each over 5,000 characters here).
    const limit = full.length - 4_000
    const text = renderPullRequestBody(body, limit)
    expect(text.length).toBeLessThanOrEqual(limit)
    expect(text).toMatch(/more follow-ups cut/)
    expect(text.split('\n').filter((l) => l.startsWith('- `ORG_KEY_'))).toEqual(shared)
  })

  it('stays whole when the body is cut to fit GitHub’s limit', () => {
    const text = renderPullRequestBody(input(3000))
    expect(text.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(text).toMatch(/more rows cut/)
    expect(text).toMatch(/more follow-ups cut/)
    expect(text).toContain(SHARED_LINE)
  })
})
