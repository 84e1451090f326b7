/**
 * Where each job's key secrets are defined (src/migration/secret-sources.ts, pure), over the
 * scan of a small repository (__fixtures__/secrets/repo): environment over repository over
 * organisation, a job without environment never reading an environment's secret, a secret
 * defined nowhere a finding of its own, places the token may not list a note and never a
 * finding; and the words the summary, the pull request body and the JSON give them.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  keyEnvironments,
  planSecretSources,
  type SecretListing,
  type SecretSource
} from '../../src/migration/secret-sources.js'
import {
  secretSourceFitSections,
  secretSourcesJson,
  sharedSecretBodySections
} from '../../src/report/secrets/sections.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const ROOT = path.resolve('__fixtures__/secrets/repo/.github/workflows')
const FILES = ['deploy.yml', 'publish.yml'].map((name) => ({
  path: `.github/workflows/${name}`,
  text: readFileSync(path.join(ROOT, name), 'utf8')
}))
const FINDINGS = scanWorkflows(FILES).findings

const LISTING: SecretListing = {
  repository: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'CALLEE_ACCESS_KEY_ID'],
  environments: [
    {
      environment: 'staging',
      secrets: [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'STAGING_ACCESS_KEY_ID',
        'STAGING_SECRET_ACCESS_KEY'
      ]
    },
    { environment: 'production', secrets: [] }
  ],
  organization: [
    // Shadowed by the repository's secret of the same name.
    { name: 'AWS_ACCESS_KEY_ID', visibility: 'all', repositories: null },
    { name: 'SHARED_ACCESS_KEY_ID', visibility: 'all', repositories: null },
    {
      name: 'SHARED_SECRET_ACCESS_KEY',
      visibility: 'selected',
      repositories: ['octo-org/app', 'octo-org/other']
    },
    { name: 'CALLEE_SECRET_ACCESS_KEY', visibility: 'private', repositories: null }
  ]
}

function source(sources: readonly SecretSource[], job: string, secret: string): SecretSource {
  const found = sources.find((s) => s.job === job && s.secret === secret)
  if (!found) throw new Error(`no record for ${job} ${secret}`)
  return found
}

describe('where each secret a job reads is defined', () => {
  const planned = planSecretSources(FINDINGS, LISTING)

  it("gives a job its environment's secret before the repository's", () => {
    expect(source(planned.sources, 'staging', 'AWS_ACCESS_KEY_ID').definition).toEqual({
      scope: 'environment',
      environment: 'staging'
    })
    // production's environment holds no secret: the repository's, not the organisation's.
    const production = source(planned.sources, 'production', 'AWS_ACCESS_KEY_ID')
    expect(production.definition).toEqual({ scope: 'repository' })
    expect(production.looked).toEqual([
      { scope: 'environment', environment: 'production', readable: true },
      { scope: 'repository', environment: null, readable: true }
    ])
  })

  it('takes an organisation secret when neither environment nor repository defines it', () => {
    expect(source(planned.sources, 'shared', 'SHARED_ACCESS_KEY_ID').definition).toEqual({
      scope: 'organization',
      visibility: 'all',
      repositories: null
    })
    expect(source(planned.sources, 'shared', 'SHARED_SECRET_ACCESS_KEY').definition).toEqual({
      scope: 'organization',
      visibility: 'selected',
      repositories: ['octo-org/app', 'octo-org/other']
    })
  })

  it("never gives a job without environment an environment's secret; defined nowhere is a finding", () => {
    const report = source(planned.sources, 'report', 'STAGING_ACCESS_KEY_ID')
    expect(report.definition).toBeNull()
    expect(report.looked.map((p) => p.scope)).toEqual(['repository', 'organization'])
    expect(planned.findings.map((f) => [f.job, f.code, f.migration, f.secrets])).toEqual([
      ['report', 'secret-undefined', 'manual', ['STAGING_ACCESS_KEY_ID']],
      ['report', 'secret-undefined', 'manual', ['STAGING_SECRET_ACCESS_KEY']]
    ])
    expect(planned.findings[0]?.reason).toContain('STAGING_ACCESS_KEY_ID')
    expect(planned.findings[0]?.reason).toContain('looked in the repository')
  })

  it("records a caller's secrets, not those of the workflow it calls", () => {
    expect(planned.sources.filter((s) => s.file.endsWith('publish.yml'))).toEqual([])
    expect(source(planned.sources, 'publish', 'CALLEE_ACCESS_KEY_ID').definition).toEqual({
      scope: 'repository'
    })
    expect(source(planned.sources, 'publish', 'CALLEE_SECRET_ACCESS_KEY').definition).toEqual({
      scope: 'organization',
      visibility: 'private',
      repositories: null
    })
  })

  it('matches names as GitHub does, without regard to case', () => {
    const lower = planSecretSources(FINDINGS, {
      ...LISTING,
      repository: ['aws_access_key_id', 'aws_secret_access_key']
    })
    expect(source(lower.sources, 'production', 'AWS_ACCESS_KEY_ID').definition).toEqual({
      scope: 'repository'
    })
  })

  it('lists the literal environments of the key jobs to read', () => {
    expect(keyEnvironments(FINDINGS)).toEqual(['production', 'staging'])
  })

  it('notes the places the token may not list and raises no finding for them', () => {
    const blind = planSecretSources(FINDINGS, {
      repository: null,
      environments: [{ environment: 'staging', secrets: null }],
      organization: null
    })
    expect(blind.findings).toEqual([])
    expect(blind.unreadable).toEqual([
      { scope: 'repository', environment: null, readable: false },
      { scope: 'environment', environment: 'staging', readable: false },
      { scope: 'organization', environment: null, readable: false }
    ])
    // production is not in the listing at all: not readable either.
    expect(source(blind.sources, 'production', 'AWS_ACCESS_KEY_ID').looked[0]).toEqual({
      scope: 'environment',
      environment: 'production',
      readable: false
    })
    const [section] = secretSourceFitSections({ secretSources: blind })
    expect(section?.head.join('\n')).toContain('Not readable with this token: the repository')
    expect(section?.items.join('\n')).toContain('not known')
  })

  it('a later place readable but an earlier not: the definition found, with the doubt said', () => {
    const partly = planSecretSources(FINDINGS, {
      ...LISTING,
      environments: [{ environment: 'production', secrets: null }]
    })
    const production = source(partly.sources, 'production', 'AWS_ACCESS_KEY_ID')
    expect(production.definition).toEqual({ scope: 'repository' })
    const [section] = secretSourceFitSections({ secretSources: partly })
    const row = section?.items.find((i) => i.includes('`production`'))
    expect(row).toContain('the repository, unless environment `production`')
  })
})

describe('the words of the secret sources', () => {
  const planned = planSecretSources(FINDINGS, LISTING)

  it('shows per job which definition each secret comes from, and the secrets defined nowhere', () => {
    const sections = secretSourceFitSections({ secretSources: planned })
    const table = sections[0]?.items ?? []
    expect(table).toContain(
      '| `.github/workflows/deploy.yml` | `staging` | `AWS_ACCESS_KEY_ID` | environment `staging` |'
    )
    expect(table.find((r) => r.includes('`shared` | `SHARED_ACCESS_KEY_ID`'))).toContain(
      'shared with every repository of the organisation'
    )
    expect(table.find((r) => r.includes('`SHARED_SECRET_ACCESS_KEY`'))).toContain(
      '`octo-org/app`, `octo-org/other`'
    )
    expect(sections[1]?.head[0]).toBe('### Secrets defined nowhere')
    expect(sections[1]?.items).toHaveLength(2)
  })

  it('names each shared organisation secret in the pull request body, with who sees it', () => {
    const [body] = sharedSecretBodySections(planned)
    expect(body?.heading).toBe('### Shared organisation secrets')
    expect(body?.priority).toBeGreaterThan(3)
    const lines = body?.lines ?? []
    expect(lines).toHaveLength(3)
    expect(lines.find((l) => l.startsWith('- `SHARED_SECRET_ACCESS_KEY`'))).toContain(
      '`octo-org/app`, `octo-org/other`'
    )
    expect(lines.find((l) => l.startsWith('- `CALLEE_SECRET_ACCESS_KEY`'))).toContain(
      'every private and internal repository of the organisation'
    )
    expect(
      sharedSecretBodySections(planSecretSources(FINDINGS, { ...LISTING, organization: [] }))
    ).toEqual([])
  })

  it('gives the records to the JSON as they are, and null when not read', () => {
    expect(secretSourcesJson(planned)?.sources).toBe(planned.sources)
    expect(secretSourcesJson(null)).toBeNull()
  })
})
