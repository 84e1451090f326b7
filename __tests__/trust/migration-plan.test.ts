/**
 * The trust check through the migration plan, on the fixture repository __fixtures__/trust/repo
 * (branch globs with a negation, tags, an environment, a reusable workflow called on a schedule
 * and on tags): the rows per job in the plan, the `plan` output, the job summary and the pull
 * request body; a policy wider than the filters fails the check unless the plan lists the
 * widening.
 */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { AwsPlan, PairPlan } from '../../src/aws/plan/plan.js'
import type { PolicyStatement } from '../../src/aws/plan/policy-document.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import { buildTrustPolicy } from '../../src/aws/plan/trust-policy.js'
import { jobUses } from '../../src/aws/plan/uses.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { renderMigrationSummary } from '../../src/report/migration-summary.js'
import { planJson } from '../../src/report/plan-json.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { DEFAULT_SUBJECT_FORMAT, subjectsForJobs } from '../../src/workflows/subjects.js'

const ROOT = path.resolve('__fixtures__/trust/repo')
const WORKFLOWS = '.github/workflows'
const files: RepositoryFile[] = readdirSync(path.join(ROOT, WORKFLOWS))
  .sort()
  .map((name) => ({
    path: `${WORKFLOWS}/${name}`,
    text: readFileSync(path.join(ROOT, WORKFLOWS, name), 'utf8'),
    sha: '0'.repeat(40),
    mode: '100644'
  }))

const facts: RepositoryFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  ownerType: 'Organization',
  visibility: 'private',
  createdAt: '2020-01-01T00:00:00Z',
  defaultBranch: 'main',
  headSha: 'a'.repeat(40),
  headTreeSha: 'b'.repeat(40),
  oidcSubject: DEFAULT_SUBJECT_FORMAT,
  workflowTokenDefault: 'restricted',
  actionsCanApprovePullRequests: false,
  environments: ['production'],
  workflowFiles: files,
  warnings: []
}

const KEY = 'token.actions.githubusercontent.com'
const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${KEY}`
const ROLE = 'arn:aws:iam::123456789012:role/github-actions/deployer-role'
const P = 'repo:octo-org/octo-repo'
const keys = [{ secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }]
const scan = scanWorkflows(files)
const selection = selectPairs(keys, scan.findings)

/** A statement of the shape the action writes, with `sub` patterns and exclusions. */
function statement(like: string[], notLike: string[] = []): PolicyStatement {
  return {
    Effect: 'Allow',
    Principal: { Federated: PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com', [`${KEY}:repository_id`]: '2002' },
      StringLike: { [`${KEY}:sub`]: like },
      ...(notLike.length > 0 ? { StringNotLike: { [`${KEY}:sub`]: notLike } } : {})
    }
  }
}

/** Exactly as narrow as the workflows: GitHub's `*` stops at `/`, the negation is kept. */
const EXACT: PolicyStatement[] = [
  statement([
    `${P}:ref:refs/heads/main`,
    `${P}:ref:refs/heads/release/*`,
    `${P}:environment:production`
  ]),
  statement(
    [`${P}:ref:refs/heads/feature/*`],
    [`${P}:ref:refs/heads/feature/*/*`, `${P}:ref:refs/heads/feature/secret`]
  ),
  statement([`${P}:ref:refs/tags/v*`], [`${P}:ref:refs/tags/v*/*`])
]

function rolePlan(statements: PolicyStatement[], widenings: unknown[] = []): RolePlan {
  return {
    kind: 'new-role',
    roleName: 'deployer-role',
    roleArn: ROLE,
    change: 'create',
    trust: {
      document: { Version: '2012-10-17', Statement: statements },
      statement: statements[0],
      subjects: [],
      merges: [],
      size: 0,
      widenings
    },
    subjects: [],
    boundaryArn: null,
    maxSessionDuration: 3600,
    tags: [],
    permissions: null,
    warnings: [],
    followUps: [],
    changes: [],
    writes: []
  } as unknown as RolePlan
}

function compose(role: RolePlan) {
  const pair: PairPlan = {
    accountId: '123456789012',
    secretName: 'AWS_ACCESS_KEY_ID',
    accessKeyId: 'AKIAAAAAAAAAAAAAAAAA',
    owner: null,
    roles: [role],
    error: null,
    followUps: [],
    resolvedChains: new Map()
  }
  const aws: AwsPlan = {
    accounts: [planAccount({ arn: PROVIDER, url: `https://${KEY}` })],
    pairs: [pair]
  }
  return composeMigrationPlan({
    facts,
    files,
    scan,
    selection,
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
}

describe('the trust check of the migration plan', () => {
  const plan = compose(rolePlan(EXACT))
  const [check] = plan.trustChecks

  it('lists each job with the claims of the events that run it, all allowed', () => {
    expect(
      check?.jobs.map((j) => [j.file, j.job, j.rows.map((r) => [r.claims.sub, r.decision.allowed])])
    ).toEqual([
      [
        '.github/workflows/deploy.yml',
        'deploy',
        [
          [`${P}:ref:refs/heads/main`, true],
          [`${P}:ref:refs/heads/release/x`, true],
          [`${P}:ref:refs/heads/feature/x`, true],
          [`${P}:ref:refs/tags/vx`, true],
          [`${P}:ref:refs/tags/v1.0.0`, true]
        ]
      ],
      ['.github/workflows/prod.yml', 'release', [[`${P}:environment:production`, true]]],
      // The called workflow runs for its caller's schedule and tags.
      [
        '.github/workflows/publish.yml',
        'publish',
        [
          [`${P}:ref:refs/heads/main`, true],
          [`${P}:ref:refs/tags/vx`, true],
          [`${P}:ref:refs/tags/v1.0.0`, true]
        ]
      ]
    ])
    const called = check?.jobs[2]?.rows[0]?.run
    expect(called).toMatchObject({
      jobWorkflow: '.github/workflows/publish.yml',
      workflow: '.github/workflows/nightly.yml'
    })
  })

  it('denies every adversarial claim, and passes', () => {
    expect(check?.adversarial.map((a) => [a.kind, a.claims.sub, a.decision.allowed])).toEqual([
      ['other-branch', `${P}:ref:refs/heads/main-evil`, false],
      ['excluded-branch', `${P}:ref:refs/heads/feature/secret`, false],
      ['excluded-branch', `${P}:ref:refs/heads/feature/a/b`, false],
      ['rejected-tag', `${P}:ref:refs/tags/va/b`, false],
      ['rejected-tag', `${P}:ref:refs/tags/rejected-tag`, false],
      ['fork-pull-request', `${P}:pull_request`, false],
      ['other-environment', `${P}:environment:unused-environment`, false],
      ['other-repository', 'repo:octo-org/octo-repo-other:ref:refs/heads/main', false],
      ['other-owner', 'repo:octo-org-other/octo-repo:ref:refs/heads/main', false],
      ['wrong-audience', `${P}:ref:refs/heads/main`, false],
      ['missing-repository-id', `${P}:ref:refs/heads/main`, false],
      ['other-repository-id', `${P}:ref:refs/heads/main`, false]
    ])
    expect(check?.failures).toEqual([])
    expect(check?.passed).toBe(true)
  })

  it('shows the check in the plan output, the job summary and the pull request body', () => {
    const json = planJson(plan)
    expect(json.pairs[0]?.roles[0]?.trustCheck?.passed).toBe(true)
    expect(json.pairs[0]?.roles[0]?.trustCheck?.jobs).toHaveLength(3)
    const summary = renderMigrationSummary(plan, null, { mode: 'plan' })
    const body = renderPullRequestBody(plan.pullRequest!.body)
    for (const text of [summary, body]) {
      expect(text).toContain('### Trust check')
      expect(text).toContain(
        `| \`.github/workflows/deploy.yml\` (\`deploy\`) | push to \`feature/x\` | \`${P}:ref:refs/heads/feature/x\` | allowed |`
      )
      expect(text).toContain(
        `| \`.github/workflows/publish.yml\` (\`publish\`) | \`schedule\` on \`main\`, called from \`.github/workflows/nightly.yml\` | \`${P}:ref:refs/heads/main\` | allowed |`
      )
      expect(text).toContain(
        `| a branch the filters exclude | \`${P}:ref:refs/heads/feature/a/b\` | denied |`
      )
      expect(text).toContain('Widenings: none.')
    }
  })
})

describe('a trust policy wider than the filters', () => {
  const wide = [
    statement([
      `${P}:ref:refs/heads/main`,
      `${P}:ref:refs/heads/release/*`,
      `${P}:environment:production`
    ]),
    statement([`${P}:ref:refs/heads/feature/*`], [`${P}:ref:refs/heads/feature/secret`]),
    statement([`${P}:ref:refs/tags/v*`], [`${P}:ref:refs/tags/v*/*`])
  ]

  it('fails on the adversarial claim it admits, named in the summary', () => {
    const [check] = compose(rolePlan(wide)).trustChecks
    expect(check?.passed).toBe(false)
    expect(check?.failures).toEqual([
      {
        kind: 'adversarial-allowed',
        adversary: 'excluded-branch',
        claims: {
          sub: `${P}:ref:refs/heads/feature/a/b`,
          aud: 'sts.amazonaws.com',
          repositoryId: '2002'
        }
      }
    ])
    const summary = renderMigrationSummary(compose(rolePlan(wide)), null, { mode: 'plan' })
    expect(summary).toContain('**`deployer-role`**: failed (1)')
    expect(summary).toContain(
      `| a branch the filters exclude | \`${P}:ref:refs/heads/feature/a/b\` | **allowed** |`
    )
  })

  it('passes when the plan lists the pattern as a widening', () => {
    const listed = [
      {
        kind: 'filter',
        pattern: `${P}:ref:refs/heads/feature/*`,
        event: 'push',
        filter: 'branches',
        patterns: ['feature/*'],
        example: 'feature/a/b'
      }
    ]
    const plan = compose(rolePlan(wide, listed))
    const [check] = plan.trustChecks
    expect(check?.passed).toBe(true)
    expect(check?.adversarial.find((a) => a.decision.allowed)?.widening).toBe(
      `${P}:ref:refs/heads/feature/*`
    )
    const summary = renderMigrationSummary(plan, null, { mode: 'plan' })
    expect(summary).toContain(
      `- \`${P}:ref:refs/heads/feature/*\`: for the filter \`feature/*\`; also admits \`feature/a/b\``
    )
  })

  it('an intended claim the policy denies fails the check, naming the job', () => {
    const [check] = compose(rolePlan(EXACT.slice(0, 2))).trustChecks
    expect(
      check?.failures.map((f) =>
        f.kind === 'intended-denied' ? [f.file, f.job, f.claims.sub] : f.kind
      )
    ).toEqual([
      ['.github/workflows/deploy.yml', 'deploy', `${P}:ref:refs/tags/vx`],
      ['.github/workflows/deploy.yml', 'deploy', `${P}:ref:refs/tags/v1.0.0`],
      ['.github/workflows/publish.yml', 'publish', `${P}:ref:refs/tags/vx`],
      ['.github/workflows/publish.yml', 'publish', `${P}:ref:refs/tags/v1.0.0`]
    ])
  })
})

describe('the trust policy the subject builder plans for the fixture', () => {
  it('allows every claim GitHub issues to the jobs and denies the rest but its listed widenings', () => {
    const uses = selection.requests.flatMap((r) => r.uses).filter((f) => !f.roleToAssume)
    const trust = buildTrustPolicy({
      providerArn: PROVIDER,
      issuer: `https://${KEY}`,
      audience: 'sts.amazonaws.com',
      subjects: subjectsForJobs(jobUses(uses), { ...facts, oidcSubject: DEFAULT_SUBJECT_FORMAT }),
      repositoryId: facts.repoId,
      maxSize: 2048
    })
    const [check] = compose(
      rolePlan([...trust.document.Statement], [...trust.widenings])
    ).trustChecks
    const rows = check?.jobs.flatMap((j) => j.rows) ?? []
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.filter((r) => !r.decision.allowed).map((r) => r.claims.sub)).toEqual([])
    // Other repositories, the wrong audience and a missing or other repository id never pass.
    const strict = [
      'other-repository',
      'other-owner',
      'wrong-audience',
      'missing-repository-id',
      'other-repository-id'
    ]
    expect(check?.adversarial.filter((a) => strict.includes(a.kind) && a.decision.allowed)).toEqual(
      []
    )
    // The independent check agrees with the plan: what it admits beyond the filters is listed.
    expect(check?.failures).toEqual([])
  })
})
