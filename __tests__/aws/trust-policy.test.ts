import { describe, expect, it } from '@jest/globals'
import { policySize, type PolicyStatement } from '../../src/aws/plan/policy-document.js'
import {
  buildTrustPolicy,
  covers,
  issuerKeyPrefix,
  oidcProviderArn,
  reduceCovered,
  repositoryIdConditionSupported,
  TRUST_STATEMENT_SID,
  TrustPolicyError
} from '../../src/aws/plan/trust-policy.js'
import type { Trigger } from '../../src/workflows/findings.js'
import {
  DEFAULT_SUBJECT_FORMAT,
  subjectsForJobs,
  type JobUse,
  type SubjectFacts
} from '../../src/workflows/subjects.js'
import { assumeDecision, trustPolicyErrors } from './support/evaluate.js'

const ISSUER = 'https://token.actions.githubusercontent.com'
const KEY = 'token.actions.githubusercontent.com'
const PROVIDER = oidcProviderArn('aws', '123456789012', ISSUER)
const AUD = 'sts.amazonaws.com'

const facts: SubjectFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  defaultBranch: 'main',
  oidcSubject: DEFAULT_SUBJECT_FORMAT
}

function trigger(event: string, filters: Partial<Omit<Trigger, 'event'>> = {}): Trigger {
  return {
    event,
    branches: null,
    branchesIgnore: null,
    tags: null,
    tagsIgnore: null,
    types: null,
    ...filters
  }
}

const jobs: JobUse[] = [
  {
    file: '.github/workflows/deploy.yml',
    job: 'deploy',
    triggers: [trigger('push', { branches: ['main', 'release/**'], tags: ['v*'] })],
    environment: null
  },
  {
    file: '.github/workflows/prod.yml',
    job: 'prod',
    triggers: [trigger('workflow_dispatch')],
    environment: 'production'
  },
  {
    file: '.github/workflows/ci.yml',
    job: 'test',
    triggers: [trigger('pull_request'), trigger('schedule')],
    environment: null
  }
]

function build(overrides: Partial<Parameters<typeof buildTrustPolicy>[0]> = {}) {
  return buildTrustPolicy({
    providerArn: PROVIDER,
    issuer: ISSUER,
    audience: AUD,
    subjects: subjectsForJobs(jobs, facts),
    repositoryId: facts.repoId,
    maxSize: 2048,
    ...overrides
  })
}

const intended = [
  'repo:octo-org/octo-repo:ref:refs/heads/main',
  'repo:octo-org/octo-repo:ref:refs/heads/release/2024/q1',
  'repo:octo-org/octo-repo:ref:refs/tags/v1.2.3',
  'repo:octo-org/octo-repo:environment:production',
  'repo:octo-org/octo-repo:pull_request'
]

const foreign = [
  ['another repository of the owner', 'repo:octo-org/other-repo:ref:refs/heads/main'],
  ['another owner with the same repository name', 'repo:evil-org/octo-repo:ref:refs/heads/main'],
  ['a repository whose name extends ours', 'repo:octo-org/octo-repo-fork:ref:refs/heads/main'],
  ['another branch', 'repo:octo-org/octo-repo:ref:refs/heads/feature/x'],
  ['a tag outside the filter', 'repo:octo-org/octo-repo:ref:refs/tags/nightly'],
  ['another environment', 'repo:octo-org/octo-repo:environment:staging'],
  ['an owner prefix trick', 'repo:octo-org/octo-repo:ref:refs/heads/main:repo:evil/x']
] as const

describe('buildTrustPolicy, checked with an independent IAM evaluator', () => {
  const trust = build()
  const claims = (sub: string, aud = AUD, repositoryId = '2002') => ({
    sub,
    aud,
    repository_id: repositoryId
  })
  const decide = (sub: string, aud?: string, repositoryId?: string) =>
    assumeDecision(trust.document, claims(sub, aud, repositoryId), {
      providerArn: PROVIDER,
      issuerKey: KEY
    })

  it('is a valid trust policy with aud, sub and repository_id conditions', () => {
    expect(trustPolicyErrors(trust.document)).toEqual([])
    expect(trust.statement.Sid).toBe(TRUST_STATEMENT_SID)
    expect(trust.statement.Condition).toEqual({
      StringEquals: { [`${KEY}:aud`]: AUD, [`${KEY}:repository_id`]: '2002' },
      StringLike: {
        [`${KEY}:sub`]: [
          'repo:octo-org/octo-repo:environment:production',
          'repo:octo-org/octo-repo:pull_request',
          'repo:octo-org/octo-repo:ref:refs/heads/main',
          'repo:octo-org/octo-repo:ref:refs/heads/release/*'
        ]
      }
    })
    // `v*` does not cross `/`: its own statement excludes `v*/*` (issue 10).
    expect(trust.statements.map((s) => [s.Sid, s.Condition])).toEqual([
      [TRUST_STATEMENT_SID, trust.statement.Condition],
      [
        `${TRUST_STATEMENT_SID}2`,
        {
          StringEquals: { [`${KEY}:aud`]: AUD, [`${KEY}:repository_id`]: '2002' },
          StringLike: { [`${KEY}:sub`]: 'repo:octo-org/octo-repo:ref:refs/tags/v*' },
          StringNotLike: { [`${KEY}:sub`]: 'repo:octo-org/octo-repo:ref:refs/tags/v*/*' }
        }
      ]
    ])
    expect(decide('repo:octo-org/octo-repo:ref:refs/tags/v1/evil')).toBe('ImplicitlyDenied')
    expect(trust.merges).toEqual([])
  })

  it.each(intended)('admits the intended job subject %s', (sub) => {
    expect(decide(sub)).toBe('Allowed')
  })

  it.each(foreign)('refuses %s', (_what, sub) => {
    expect(decide(sub)).toBe('ImplicitlyDenied')
  })

  it('refuses a wrong audience, another repository id and a token through another provider', () => {
    const sub = intended[0] ?? ''
    expect(decide(sub, 'sigstore')).toBe('ImplicitlyDenied')
    expect(decide(sub, AUD, '9999')).toBe('ImplicitlyDenied')
    expect(
      assumeDecision(trust.document, claims(sub), {
        providerArn: oidcProviderArn('aws', '123456789012', 'https://evil.example.com'),
        issuerKey: KEY
      })
    ).toBe('ImplicitlyDenied')
  })

  it('uses StringEquals when every subject is literal', () => {
    const literal = build({
      subjects: subjectsForJobs(
        [{ file: 'a.yml', job: 'a', triggers: [trigger('schedule')], environment: null }],
        facts
      )
    })
    expect(literal.statement.Condition).toEqual({
      StringEquals: {
        [`${KEY}:aud`]: AUD,
        [`${KEY}:repository_id`]: '2002',
        [`${KEY}:sub`]: 'repo:octo-org/octo-repo:ref:refs/heads/main'
      }
    })
    expect(
      assumeDecision(literal.document, claims('repo:octo-org/octo-repo:ref:refs/heads/main'), {
        providerArn: PROVIDER,
        issuerKey: KEY
      })
    ).toBe('Allowed')
  })
})

describe('fitting the size quota', () => {
  const many: JobUse[] = Array.from({ length: 40 }, (_, i) => ({
    file: `.github/workflows/env-${i}.yml`,
    job: 'deploy',
    triggers: [trigger('push', { branches: [`release-${i}`] })],
    environment: i % 2 === 0 ? `customer-environment-${i}` : null
  }))

  it('merges the most similar patterns until the policy fits, never into the repository part', () => {
    const trust = build({ subjects: subjectsForJobs(many, facts), maxSize: 1000 })
    expect(trust.size).toBeLessThanOrEqual(1000)
    expect(policySize(trust.document)).toBe(trust.size)
    expect(trust.merges.length).toBeGreaterThan(0)
    for (const p of trust.subjects) expect(p.startsWith('repo:octo-org/octo-repo:')).toBe(true)
    // Every intended subject is still admitted...
    for (const job of many) {
      const sub = job.environment
        ? `repo:octo-org/octo-repo:environment:${job.environment}`
        : `repo:octo-org/octo-repo:ref:refs/heads/${job.triggers[0]?.branches?.[0] ?? ''}`
      expect(
        assumeDecision(
          trust.document,
          { sub, aud: AUD, repository_id: '2002' },
          {
            providerArn: PROVIDER,
            issuerKey: KEY
          }
        )
      ).toBe('Allowed')
    }
    // ...and other repositories are not.
    for (const [, sub] of foreign.slice(0, 3)) {
      expect(
        assumeDecision(
          trust.document,
          { sub, aud: AUD, repository_id: '2002' },
          {
            providerArn: PROVIDER,
            issuerKey: KEY
          }
        )
      ).toBe('ImplicitlyDenied')
    }
  })

  it('falls back to the whole repository, and fails clearly when even that does not fit', () => {
    const tight = build({ subjects: subjectsForJobs(many, facts), maxSize: 500 })
    expect(tight.subjects).toEqual(['repo:octo-org/octo-repo:*'])
    expect(() => build({ subjects: subjectsForJobs(many, facts), maxSize: 200 })).toThrow(
      /more than the quota of 200/
    )
  })
})

describe('guards', () => {
  it('refuses to build a policy without subjects', () => {
    expect(() =>
      build({
        subjects: subjectsForJobs(
          [{ file: 'r.yml', job: 'r', triggers: [trigger('workflow_call')], environment: null }],
          facts
        )
      })
    ).toThrow(TrustPolicyError)
  })

  it('refuses a template without repository claim where repository_id cannot be bound', () => {
    const custom = {
      ...facts,
      oidcSubject: { ...DEFAULT_SUBJECT_FORMAT, useDefault: false, includeClaimKeys: ['context'] }
    }
    const subjects = subjectsForJobs(jobs, custom)
    expect(() => build({ subjects, issuer: 'https://ghe.example.com/_services/token' })).toThrow(
      /names no repository/
    )
    // On github.com the immutable repository id binds the repository.
    const bound = build({ subjects })
    expect(
      assumeDecision(
        bound.document,
        { sub: 'pull_request', aud: AUD, repository_id: '2002' },
        {
          providerArn: PROVIDER,
          issuerKey: KEY
        }
      )
    ).toBe('Allowed')
    expect(
      assumeDecision(
        bound.document,
        { sub: 'pull_request', aud: AUD, repository_id: '7' },
        {
          providerArn: PROVIDER,
          issuerKey: KEY
        }
      )
    ).toBe('ImplicitlyDenied')
  })

  it('keeps the statements of an existing trust policy and replaces only its own (role chaining)', () => {
    const existing: PolicyStatement[] = [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:user/deployer' },
        Action: 'sts:AssumeRole'
      },
      { Sid: TRUST_STATEMENT_SID, Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }
    ]
    const trust = build({ keepStatements: existing })
    expect(trust.document.Statement).toHaveLength(1 + trust.statements.length)
    expect(trust.document.Statement[0]).toEqual(existing[0])
    expect(trust.document.Statement[1]).toBe(trust.statement)
    expect(trust.document.Statement.slice(1)).toEqual(trust.statements)
  })
})

describe('GHES and GHE.com issuers', () => {
  it('uses the issuer host and path as condition key prefix, without repository_id on GHES', () => {
    const issuer = 'https://ghe.example.com/_services/token'
    const provider = oidcProviderArn('aws', '123456789012', issuer)
    expect(provider).toBe('arn:aws:iam::123456789012:oidc-provider/ghe.example.com/_services/token')
    const trust = build({ issuer, providerArn: provider })
    const key = issuerKeyPrefix(issuer)
    expect(Object.keys(trust.statement.Condition?.StringEquals ?? {})).toEqual([`${key}:aud`])
    expect(
      assumeDecision(
        trust.document,
        { sub: intended[0] ?? '', aud: AUD },
        {
          providerArn: provider,
          issuerKey: key
        }
      )
    ).toBe('Allowed')
  })

  it.each([
    [ISSUER, true],
    ['https://token.actions.githubusercontent.com/octo-enterprise', true],
    ['https://token.actions.octocorp.ghe.com', true],
    ['https://ghe.example.com/_services/token', false]
  ])('repository_id condition supported for %s: %s', (issuer, expected) => {
    expect(repositoryIdConditionSupported(issuer)).toBe(expected)
  })
})

describe('pattern coverage', () => {
  it.each([
    ['a*', 'abc', true],
    ['a*', 'a*', true],
    ['a*', 'a?', true],
    ['a?', 'a*', false],
    ['a?', 'ab', true],
    ['ab', 'a?', false],
    ['a${*}', 'a*', false],
    ['a*', 'a${*}', true],
    ['repo:o/r:*', 'repo:o/r:ref:refs/heads/*', true],
    ['repo:o/r:ref:refs/heads/*', 'repo:o/r:*', false]
  ])('%s covers %s: %s', (a, b, expected) => {
    expect(covers(a, b)).toBe(expected)
  })

  it('drops covered patterns and keeps one of equivalent ones', () => {
    expect(reduceCovered(['x:a', 'x:*', 'x:b*', 'y'])).toEqual(['x:*', 'y'])
  })
})
