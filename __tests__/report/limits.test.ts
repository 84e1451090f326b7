/**
 * What the action writes stays within the limits of where it goes: the pull request body within
 * GitHub's 65,536 characters, the job summary within the runner's 1 MiB per step (findings
 * summary and migration summary together), each cut by priority with a line saying what was
 * cut. A migration of 500 keys used in 50 workflow files, through the real composer.
 */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { describe, expect, it } from '@jest/globals'
import type { AwsPlan, PairPlan } from '../../src/aws/plan/plan.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { fitSections, STEP_SUMMARY_LIMIT } from '../../src/report/fit.js'
import {
  MIGRATION_SUMMARY_LIMIT,
  renderMigrationSummary
} from '../../src/report/migration-summary.js'
import { BODY_LIMIT, renderPullRequestBody } from '../../src/report/pr-body.js'
import { PLAN_SUMMARY_LIMIT, renderPlanSummary } from '../../src/report/summary.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const FILES = 50
const JOBS_PER_FILE = 10
const ACCOUNT = '123456789012'

const secret = (n: number): string => `KEY${String(n).padStart(3, '0')}`

function workflow(f: number): RepositoryFile {
  const jobs = Array.from({ length: JOBS_PER_FILE }, (_, j) => {
    const n = f * JOBS_PER_FILE + j
    return `  deploy-${j}:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.${secret(n)}_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.${secret(n)}_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: aws s3 sync ./site s3://bucket-${n}/
`
  }).join('')
  return {
    path: `.github/workflows/deploy-${String(f).padStart(2, '0')}.yml`,
    text: `name: deploy ${f}\non:\n  push:\n    branches: [main]\njobs:\n${jobs}`,
    sha: '0'.repeat(40),
    mode: '100644'
  }
}

const files = Array.from({ length: FILES }, (_, f) => workflow(f))
const keys = Array.from({ length: FILES * JOBS_PER_FILE }, (_, n) => ({
  secretName: `${secret(n)}_ACCESS_KEY_ID`,
  accessKeyId: `AKIA${String(n).padStart(16, '0')}`
}))

const facts: RepositoryFacts = {
  owner: 'octo-org',
  repo: 'monorepo',
  ownerId: 1,
  repoId: 2,
  ownerType: 'Organization',
  visibility: 'private',
  createdAt: '2020-01-01T00:00:00Z',
  defaultBranch: 'main',
  headSha: 'a'.repeat(40),
  headTreeSha: 'b'.repeat(40),
  oidcSubject: null,
  workflowTokenDefault: 'restricted',
  actionsCanApprovePullRequests: false,
  environments: ['production'],
  workflowFiles: files,
  warnings: []
}

/** A role per key, with a trust policy and subjects of the size the AWS plan makes. */
function rolePlan(n: number): RolePlan {
  const roleName = `github-octo-org-monorepo-deployer-${secret(n).toLowerCase()}`
  const subjects = [
    'repo:octo-org/monorepo:environment:production',
    'repo:octo-org/monorepo:ref:refs/heads/main'
  ]
  return {
    kind: 'new-role',
    roleName,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/github-actions/${roleName}`,
    change: 'create',
    trust: {
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'GitHubActions',
            Effect: 'Allow',
            Principal: {
              Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: { 'token.actions.githubusercontent.com:sub': subjects }
            }
          }
        ]
      },
      subjects,
      merges: [],
      widenings: []
    },
    subjects: subjects.map((pattern) => ({
      pattern,
      sources: [`${files[Math.floor(n / JOBS_PER_FILE)]!.path} job deploy-${n % JOBS_PER_FILE}`]
    })),
    boundaryArn: null,
    maxSessionDuration: 3600,
    tags: [],
    permissions: null,
    warnings: [`role ${roleName}: the user's keys were last used 400 days ago`],
    followUps: [],
    changes: [{ change: 'create', resource: `role ${roleName}` }],
    writes: []
  } as unknown as RolePlan
}

const pairs: PairPlan[] = keys.map((k, n) => ({
  accountId: '123456789012',
  secretName: k.secretName,
  accessKeyId: k.accessKeyId,
  owner: null,
  roles: [rolePlan(n)],
  error: null,
  followUps: [],
  resolvedChains: new Map()
}))

const aws: AwsPlan = {
  accounts: [planAccount({ change: 'create' }, ACCOUNT)],
  pairs
}

const scan = scanWorkflows(files)
const plan = composeMigrationPlan({
  facts,
  files,
  scan,
  selection: selectPairs(keys, scan.findings),
  aws,
  cac: { ref: { tag: 'v6' }, note: null },
  settings: {
    awsRegion: 'eu-west-1',
    branch: 'aws-keys-to-oidc',
    prTitle: 'Replace keys',
    prLabels: [],
    draft: false
  }
})

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('a migration of 500 keys in 50 files', () => {
  it('is planned whole: every file rewritten, every key a role', () => {
    expect(plan.pullRequest?.files).toHaveLength(FILES)
    expect(Object.keys(plan.roleArns)).toHaveLength(500)
  })

  it('has a pull request body within 65,536 characters that says what was cut', () => {
    const body = renderPullRequestBody(plan.pullRequest!.body)
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body).toMatch(/more \w[\w ]* cut to fit GitHub's 65,536-character limit/)
    expect(body).toMatch(/^## Replace long-lived AWS keys with OIDC role assumption/)
    // Whole role sections go before the fixed ones: the next steps stay, no hard cut.
    expect(body).toContain('### Next steps')
    expect(body).not.toContain('…(cut at')
    expect(body).toMatch(
      /_…\d+ more sections cut to fit GitHub's 65,536-character limit \([^)]*\b500 roles\b[^)]*\)/
    )
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length)
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0)
  })

  it('has a job summary within the runner limit, cut with a line saying what', () => {
    // Large enough to need cutting: a quarter of the runner's limit for this test.
    const summary = renderMigrationSummary(plan, null, { mode: 'plan', limit: 256 * 1024 })
    const whole = renderMigrationSummary(plan, null, { mode: 'plan', limit: Infinity })
    expect(bytes(whole)).toBeGreaterThan(256 * 1024)
    expect(bytes(summary)).toBeLessThanOrEqual(256 * 1024)
    expect(summary).toMatch(
      /_…\d+ more (file diffs|roles|warnings|key pair rows|changed files) cut to fit the job summary's 1 MiB limit; the `plan` output has all of them\._/
    )
    // What was planned (the fixed part) is never cut; the diff fence stays closed.
    expect(summary).toContain('Planned only: nothing was created or changed')
    expect((summary.match(/^```/gm) ?? []).length % 2).toBe(0)
    // Lowest priority first: every diff and warning goes before any role or key pair row does.
    const roles = (s: string): number => (s.match(/^### Role `/gm) ?? []).length
    expect(roles(whole)).toBe(500)
    expect(roles(summary)).toBeLessThan(500)
    expect(summary).toContain(`_…${FILES} more file diffs cut`)
    expect(summary).toMatch(/_…\d+ more warnings cut/)
    expect(summary).not.toMatch(/^- Follow-up: /m)
    // The roles kept are the first ones, whole.
    expect(summary).toContain('### Role `github-octo-org-monorepo-deployer-key000` (create)')
  })

  it('keeps the default summaries of one step under 1 MiB together', () => {
    const findings = renderPlanSummary(
      { findings: scan.findings, errors: [] },
      {
        blobBase: 'https://github.com/octo-org/monorepo/blob/' + 'a'.repeat(40) + '/',
        pathPrefix: ''
      }
    )
    const migration = renderMigrationSummary(plan, null, { mode: 'plan' })
    expect(bytes(findings)).toBeLessThanOrEqual(PLAN_SUMMARY_LIMIT)
    expect(bytes(migration)).toBeLessThanOrEqual(MIGRATION_SUMMARY_LIMIT)
    expect(bytes(findings) + 1 + bytes(migration)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT)
  })

  it('cuts the findings summary by rows with a note, keeping the counts and next steps', () => {
    const result = { findings: scan.findings, errors: [] }
    const whole = renderPlanSummary(result, { blobBase: null, pathPrefix: '' }, Infinity)
    const cut = renderPlanSummary(result, { blobBase: null, pathPrefix: '' }, 32 * 1024)
    expect(bytes(whole)).toBeGreaterThan(32 * 1024)
    expect(bytes(cut)).toBeLessThanOrEqual(32 * 1024)
    expect(cut).toMatch(/_…\d+ more rows cut to fit the job summary's 1 MiB limit/)
    expect(cut).toContain('**500** static AWS key uses')
    expect(cut).toContain('### Next steps')
  })
})

describe('fitSections', () => {
  const section = (n: number, priority: number, unit: string) => ({
    head: [`### ${unit}`],
    items: Array.from({ length: n }, (_, i) => `${unit} ${i} ${'x'.repeat(90)}`),
    tail: [''],
    priority,
    fixed: false,
    unit
  })
  const note = (cut: number, unit: string): string => `(${cut} ${unit} cut)`

  it('leaves a text that fits as it is', () => {
    const s = [section(3, 1, 'rows')]
    expect(fitSections(s, 10_000, note)).toBe(['### rows', ...s[0]!.items, ''].join('\n'))
  })

  it('cuts the lowest priority first, from the end, and never a fixed section', () => {
    const text = fitSections(
      [
        {
          head: ['# fixed', 'y'.repeat(3000)],
          items: [],
          tail: [],
          priority: 0,
          fixed: true,
          unit: 'lines'
        },
        section(40, 2, 'roles'),
        section(40, 1, 'diffs')
      ],
      6_000,
      note
    )
    expect(bytes(text)).toBeLessThanOrEqual(6_000)
    expect(text).toContain('y'.repeat(3000))
    expect(text).toContain('roles 0 ')
    expect(text).toMatch(/\(40 diffs cut\)/)
    expect(text).not.toContain('diffs 0 ')
  })

  it('puts the note after a code fence, not inside it', () => {
    const text = fitSections(
      [
        {
          head: ['```diff'],
          items: ['+a'.repeat(400), '+b'.repeat(400)],
          tail: ['```'],
          priority: 1,
          fixed: false,
          unit: 'file diffs'
        }
      ],
      1_900,
      note
    )
    expect(text).toBe(['```diff', '+a'.repeat(400), '```', '', '(1 file diffs cut)', ''].join('\n'))
  })
})
