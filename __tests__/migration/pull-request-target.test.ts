/**
 * Issue 10 end to end through the pure migration plan: a repository with a pull_request_target
 * job that runs the pull request's head, another that stays on the base, and a push filter IAM
 * cannot say exactly. The warning names the job in the PR body and the job summary; the
 * widenings are listed under the role there and in the `plan` output.
 */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { AwsPlan, PairPlan } from '../../src/aws/plan/plan.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import { buildTrustPolicy, oidcProviderArn } from '../../src/aws/plan/trust-policy.js'
import { jobUses } from '../../src/aws/plan/uses.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { renderMigrationSummary } from '../../src/report/migration-summary.js'
import { planJson } from '../../src/report/plan-json.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { DEFAULT_SUBJECT_FORMAT, subjectsForJobs } from '../../src/workflows/subjects.js'

const ROLE = 'arn:aws:iam::123456789012:role/github-actions/role-a'
const ISSUER = 'https://token.actions.githubusercontent.com'

const files: RepositoryFile[] = [
  {
    path: '.github/workflows/preview.yml',
    text: readFileSync('__fixtures__/workflows/pull-request-target-head.yml', 'utf8'),
    sha: '0'.repeat(40),
    mode: '100644'
  },
  {
    path: '.github/workflows/hotfix.yml',
    text: `on:\n  push:\n    branches: ['hotfix-[0-9]+']\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n      AWS_REGION: eu-west-1\n    steps:\n      - run: aws s3 ls\n`,
    sha: '1'.repeat(40),
    mode: '100644'
  }
]

const facts: RepositoryFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
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
  environments: [],
  workflowFiles: files,
  warnings: []
}

const keys = [{ secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }]

function plan(allow: boolean) {
  const scan = scanWorkflows(files, { allowPullRequestTarget: allow })
  const selection = selectPairs(keys, scan.findings)
  const uses = selection.requests[0]?.uses.filter((f) => f.migration === 'automatic') ?? []
  const subjects = subjectsForJobs(jobUses(uses), {
    ...facts,
    oidcSubject: DEFAULT_SUBJECT_FORMAT
  })
  const trust = buildTrustPolicy({
    providerArn: oidcProviderArn('aws', '123456789012', ISSUER),
    issuer: ISSUER,
    audience: 'sts.amazonaws.com',
    subjects,
    repositoryId: 2,
    maxSize: 2048
  })
  // The role plan's other fields are the AWS side's (tested on their own).
  const role = {
    kind: 'new-role',
    roleName: 'role-a',
    roleArn: ROLE,
    change: 'create',
    trust,
    subjects: subjects.subjects,
    boundaryArn: null,
    maxSessionDuration: 3600,
    tags: [],
    permissions: null,
    warnings: [],
    followUps: [],
    changes: [],
    writes: []
  } as unknown as RolePlan
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
    accounts: [planAccount({ url: ISSUER })],
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
      draft: false,
      allowPullRequestTarget: allow
    }
  })
}

describe('pull_request_target and widenings in the migration plan', () => {
  it('warns by name in the PR body and the summary, and does not rewrite the job', () => {
    const p = plan(false)
    const body = renderPullRequestBody(p.pullRequest!.body)
    const summary = renderMigrationSummary(p, null, { mode: 'plan' })
    for (const text of [body, summary]) {
      expect(text).toContain('preview.yml (job preview) runs on pull_request_target')
      expect(text).toContain('preview.yml (job fetch) runs on pull_request_target')
    }
    const preview = p.rewrite.files.find((f) => f.path.endsWith('preview.yml'))
    expect(preview?.after).toContain('ref: ${{ github.event.pull_request.head.sha }}')
    expect(preview?.after.split('  label:')[0]).toContain('secrets.AWS_ACCESS_KEY_ID')
    expect(preview?.after.split('  label:')[1]).not.toContain('secrets.AWS_ACCESS_KEY_ID')
  })

  it('lists the widenings under the role in the PR body, the summary and the plan output', () => {
    const p = plan(true)
    const body = renderPullRequestBody(p.pullRequest!.body)
    const summary = renderMigrationSummary(p, null, { mode: 'plan' })
    const role = planJson(p).pairs[0]?.roles[0]
    expect(role?.widenings.map((w) => [w.kind, w.pattern])).toEqual(
      expect.arrayContaining([
        ['filter', 'repo:octo-org/octo-repo:ref:refs/heads/hotfix-?*'],
        ['base-branch', 'repo:octo-org/octo-repo:pull_request']
      ])
    )
    const hotfix = role?.widenings.find((w) => w.kind === 'filter')
    for (const text of [body, summary]) {
      expect(text).toContain('Wider than the workflows')
      expect(text).toContain(`\`${hotfix?.example ?? '?'}\``)
      expect(text).toContain('carries no base branch')
    }
    // Allowed: the warning says the job now gets the role.
    expect(summary).toContain('now, its AWS role')
  })
})
