/**
 * Workflow filters -> IAM conditions (issue 10), checked by evaluating the generated trust
 * policy with an independent evaluator (`@cloud-copilot/iam-simulate`) against concrete refs:
 * every ref the filter admits (GitHub's semantics, written independently in
 * `../aws/support/github-glob.ts`) is allowed; every ref it rejects is denied, unless a listed
 * widening admits it, and each listed widening's example is a ref the filter rejects.
 */
import { describe, expect, it } from '@jest/globals'
import { buildTrustPolicy, oidcProviderArn } from '../../src/aws/plan/trust-policy.js'
import type { Trigger } from '../../src/workflows/findings.js'
import {
  DEFAULT_SUBJECT_FORMAT,
  subjectsForJobs,
  type SubjectFacts
} from '../../src/workflows/subjects.js'
import { assumeDecision, trustPolicyErrors } from '../aws/support/evaluate.js'
// GitHub's filter rules and IAM's StringLike as the trust check reads them, written apart from
// the subject builder under test (src/workflows/).
import { likeMatches as iamLike } from '../../src/trust/evaluate.js'
import { filterAdmits as admits } from '../../src/trust/filters.js'

const filterAdmits = (
  include: readonly string[] | null,
  ignore: readonly string[] | null,
  name: string
): boolean => admits({ include, ignore }, name)

const ISSUER = 'https://token.actions.githubusercontent.com'
const KEY = 'token.actions.githubusercontent.com'
const PROVIDER = oidcProviderArn('aws', '123456789012', ISSUER)
const AUD = 'sts.amazonaws.com'
const P = 'repo:octo-org/octo-repo'

const facts: SubjectFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  defaultBranch: 'main',
  oidcSubject: DEFAULT_SUBJECT_FORMAT
}

function push(filters: Partial<Omit<Trigger, 'event'>>): Trigger {
  const none = { branches: null, branchesIgnore: null, tags: null, tagsIgnore: null, types: null }
  return { event: 'push', ...none, ...filters }
}

function policyFor(triggers: Trigger[], f: SubjectFacts = facts) {
  const subjects = subjectsForJobs(
    [{ file: '.github/workflows/deploy.yml', job: 'deploy', triggers, environment: null }],
    f
  )
  const trust = buildTrustPolicy({
    providerArn: PROVIDER,
    issuer: ISSUER,
    audience: AUD,
    subjects,
    repositoryId: 2002,
    maxSize: 2048
  })
  const decide = (sub: string) =>
    assumeDecision(
      trust.document,
      { sub, aud: AUD, repository_id: '2002' },
      { providerArn: PROVIDER, issuerKey: KEY }
    )
  return { subjects, trust, decide }
}

type Case = [
  name: string,
  filters: Partial<Omit<Trigger, 'event'>>,
  refs: string[],
  /** Rejected refs a listed widening may admit (IAM cannot say the filter). */
  widened: string[]
]

const cases: Case[] = [
  [
    "feature/* does not cross '/'",
    { branches: ['feature/*'] },
    ['refs/heads/feature/a', 'refs/heads/feature/a/b', 'refs/heads/feature', 'refs/heads/main'],
    []
  ],
  [
    'a negation excludes: !feature/secret',
    { branches: ['main', 'feature/**', '!feature/secret'] },
    [
      'refs/heads/main',
      'refs/heads/feature/a',
      'refs/heads/feature/a/b',
      'refs/heads/feature/secret',
      'refs/heads/main-evil',
      'refs/tags/v1'
    ],
    []
  ],
  [
    'later patterns override earlier ones',
    { branches: ['feature/**', '!feature/*', 'feature/keep'] },
    ['refs/heads/feature/a', 'refs/heads/feature/a/b', 'refs/heads/feature/keep'],
    []
  ],
  [
    'branches-ignore excludes and admits no tag',
    { branchesIgnore: ['dev', 'tmp/**'] },
    [
      'refs/heads/main',
      'refs/heads/feature/x',
      'refs/heads/dev',
      'refs/heads/tmp/a',
      'refs/heads/tmp/a/b',
      'refs/tags/v1'
    ],
    []
  ],
  [
    'tags only: no branch, v* not below v1/',
    { tags: ['v*'] },
    ['refs/tags/v1.2.3', 'refs/tags/v1/x', 'refs/tags/nightly', 'refs/heads/main'],
    []
  ],
  [
    'tags-ignore',
    { tagsIgnore: ['*-rc*'] },
    ['refs/tags/v1.0', 'refs/tags/v1.0-rc1', 'refs/tags/a/b-rc1', 'refs/heads/main'],
    // `*-rc*` ignores only names without '/'; the exclusion must not reject what it admits.
    []
  ],
  [
    '** crosses /',
    { branches: ['release/**'] },
    ['refs/heads/release/a', 'refs/heads/release/a/b/c', 'refs/heads/releases'],
    []
  ],
  [
    '[0-9]+ has no IAM form: a widening, with its example',
    { branches: ['hotfix-[0-9]+'] },
    ['refs/heads/hotfix-1', 'refs/heads/hotfix-123', 'refs/heads/hotfix-', 'refs/heads/main'],
    ['refs/heads/hotfix-x', 'refs/heads/hotfix-1a']
  ]
]

describe('filters become exact IAM conditions where IAM can say them', () => {
  it.each(cases)('%s', (_name, filters, refs, widened) => {
    const { trust, decide } = policyFor([push(filters)])
    expect(trustPolicyErrors(trust.document)).toEqual([])
    expect(trust.size).toBeLessThanOrEqual(2048)
    for (const statement of trust.statements) {
      const c = statement.Condition ?? {}
      expect(c.StringEquals?.[`${KEY}:aud`]).toBe(AUD)
      expect(c.StringEquals?.[`${KEY}:repository_id`]).toBe('2002')
      expect(c.StringEquals?.[`${KEY}:sub`] ?? c.StringLike?.[`${KEY}:sub`]).toBeDefined()
    }
    const admits = (ref: string): boolean => {
      const heads = ref.startsWith('refs/heads/')
      const name = ref.replace(/^refs\/(heads|tags)\//, '')
      const include = heads ? (filters.branches ?? null) : (filters.tags ?? null)
      const ignore = heads ? (filters.branchesIgnore ?? null) : (filters.tagsIgnore ?? null)
      const other = heads
        ? filters.tags !== undefined || filters.tagsIgnore !== undefined
        : filters.branches !== undefined || filters.branchesIgnore !== undefined
      if (include === null && ignore === null) return !other
      return filterAdmits(include, ignore, name)
    }
    for (const ref of [...refs, ...widened]) {
      const sub = `${P}:ref:${ref}`
      const expected = admits(ref)
        ? 'Allowed'
        : widened.includes(ref)
          ? 'Allowed'
          : 'ImplicitlyDenied'
      expect([ref, decide(sub)]).toEqual([ref, expected])
      if (widened.includes(ref)) {
        expect(admits(ref)).toBe(false)
        expect(trust.widenings.some((w) => iamLike(w.pattern, sub))).toBe(true)
      }
    }
    // Each listed widening: its example is rejected by the filter and allowed by the policy.
    for (const w of trust.widenings) {
      expect(w.kind).toBe('filter')
      expect(admits(w.example)).toBe(false)
      expect(decide(`${P}:ref:${w.example}`)).toBe('Allowed')
    }
    expect(trust.widenings.length > 0).toBe(widened.length > 0)
  })

  it('writes feature/* as like feature/* and not like feature/*/*', () => {
    const { trust } = policyFor([push({ branches: ['feature/*'] })])
    expect(trust.statements).toHaveLength(1)
    expect(trust.statement.Condition?.StringLike).toEqual({
      [`${KEY}:sub`]: `${P}:ref:refs/heads/feature/*`
    })
    expect(trust.statement.Condition?.StringNotLike).toEqual({
      [`${KEY}:sub`]: `${P}:ref:refs/heads/feature/*/*`
    })
  })

  it('lists hotfix-[0-9]+ as a widening of hotfix-?* with a computed example', () => {
    const { subjects } = policyFor([push({ branches: ['hotfix-[0-9]+'] })])
    expect(subjects.widenings).toEqual([
      {
        kind: 'filter',
        pattern: `${P}:ref:refs/heads/hotfix-?*`,
        event: 'push',
        filter: 'branches',
        patterns: ['hotfix-[0-9]+'],
        example: expect.stringMatching(/^refs\/heads\/hotfix-/)
      }
    ])
  })

  it('keeps the immutable subject format in the exclusions', () => {
    const immutable = {
      ...facts,
      oidcSubject: { ...DEFAULT_SUBJECT_FORMAT, useImmutableSubject: true }
    }
    const { subjects, decide } = policyFor([push({ branches: ['feature/*'] })], immutable)
    const I = 'repo:octo-org@1001/octo-repo@2002'
    expect(subjects.subjects.map((s) => [s.pattern, s.exclude])).toEqual([
      [`${I}:ref:refs/heads/feature/*`, [`${I}:ref:refs/heads/feature/*/*`]]
    ])
    expect(decide(`${I}:ref:refs/heads/feature/a`)).toBe('Allowed')
    expect(decide(`${I}:ref:refs/heads/feature/a/b`)).toBe('ImplicitlyDenied')
  })
})

describe('pull_request_target', () => {
  const target = (filters: Partial<Omit<Trigger, 'event'>> = {}): Trigger => ({
    ...push(filters),
    event: 'pull_request_target'
  })
  const withRef = {
    ...facts,
    oidcSubject: {
      ...DEFAULT_SUBJECT_FORMAT,
      useDefault: false,
      includeClaimKeys: ['repo', 'context', 'ref']
    }
  }

  it('with a template carrying the ref: only the base branches its filter names', () => {
    const { trust, decide, subjects } = policyFor(
      [target({ branches: ['main', 'release/*'] })],
      withRef
    )
    expect(trust.widenings).toEqual([])
    expect(decide(`${P}:pull_request:ref:refs/heads/main`)).toBe('Allowed')
    expect(decide(`${P}:pull_request:ref:refs/heads/release/1`)).toBe('Allowed')
    expect(decide(`${P}:pull_request:ref:refs/heads/release/1/x`)).toBe('ImplicitlyDenied')
    expect(decide(`${P}:pull_request:ref:refs/heads/feature`)).toBe('ImplicitlyDenied')
    expect(subjects.notes.join('\n')).toMatch(/other branches get no AWS credentials/)
  })

  it('without a filter: the default branch only, never refs/heads/* by itself', () => {
    const { trust, decide } = policyFor([target()], withRef)
    expect(decide(`${P}:pull_request:ref:refs/heads/main`)).toBe('Allowed')
    expect(decide(`${P}:pull_request:ref:refs/heads/dev`)).toBe('ImplicitlyDenied')
    expect(trust.subjects.some((s) => s.endsWith('refs/heads/*'))).toBe(false)
    const plain = policyFor([target()])
    expect(plain.decide(`${P}:ref:refs/heads/dev`)).toBe('ImplicitlyDenied')
    expect(plain.decide(`${P}:ref:refs/heads/main`)).toBe('ImplicitlyDenied')
    expect(plain.decide(`${P}:pull_request`)).toBe('Allowed')
    expect(plain.trust.widenings.map((w) => w.kind)).toEqual(['base-branch'])
  })
})

describe('the quota', () => {
  it('still fits 2,048 characters, each step a listed widening whose example is admitted', () => {
    const triggers = [
      push({ branches: Array.from({ length: 12 }, (_, i) => `team-${i}/*`), tags: ['v*'] })
    ]
    const { trust, decide } = policyFor(triggers)
    expect(trust.size).toBeLessThanOrEqual(2048)
    const merges = trust.widenings.filter((w) => w.kind === 'quota-merge')
    expect(merges.length).toBeGreaterThan(0)
    for (const w of merges) {
      expect(w.example.startsWith(`${P}:`)).toBe(true)
      expect(decide(w.example)).toBe('Allowed')
    }
    for (let i = 0; i < 12; i++) expect(decide(`${P}:ref:refs/heads/team-${i}/x`)).toBe('Allowed')
    expect(decide(`${P}:ref:refs/tags/v1`)).toBe('Allowed')
    expect(decide('repo:octo-org/other:ref:refs/heads/team-1/x')).toBe('ImplicitlyDenied')
  })
})
