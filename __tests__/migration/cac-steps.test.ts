/**
 * Issue 11 item 3, the pull request body: each configure-aws-credentials step moved to v6 is a
 * record (`CacStepUpgrade`: where, the version it came from, the inputs converted), built from
 * the rewrite's edits, and `src/report/cac-steps.ts` words it with why it moves.
 */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { AwsPlan } from '../../src/aws/plan/plan.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { cacStepLine } from '../../src/report/cac-steps.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const ROLE = 'arn:aws:iam::123456789012:role/publisher'
const CAC = 'aws-actions/configure-aws-credentials'

function plan(text: string) {
  const files: RepositoryFile[] = [
    { path: '.github/workflows/publish.yml', text, sha: '0'.repeat(40), mode: '100644' }
  ]
  const facts = {
    owner: 'octo-org',
    repo: 'octo-repo',
    defaultBranch: 'main',
    headSha: 'a'.repeat(40),
    headTreeSha: 'b'.repeat(40),
    oidcSubject: null,
    workflowTokenDefault: 'restricted',
    environments: [],
    workflowFiles: files,
    warnings: []
  } as unknown as RepositoryFacts
  // The fields of a role plan the composition reads (the AWS side is tested on its own).
  const role = {
    kind: 'new-role',
    roleName: 'publisher',
    roleArn: ROLE,
    change: 'create',
    trust: { document: { Version: '2012-10-17', Statement: [] }, subjects: [], merges: [] },
    subjects: [],
    boundaryArn: null,
    maxSessionDuration: 3600,
    tags: [],
    permissions: null,
    warnings: [],
    followUps: [],
    changes: [],
    writes: []
  }
  const aws = {
    accounts: [planAccount()],
    pairs: [
      {
        accountId: '123456789012',
        secretName: 'PUBLISH_AWS_ACCESS_KEY_ID',
        accessKeyId: 'AKIAPPPPPPPPPPPPPPPP',
        owner: null,
        roles: [role as unknown as RolePlan],
        error: null,
        followUps: [],
        resolvedChains: new Map()
      }
    ]
  } as unknown as AwsPlan
  const scan = scanWorkflows(files)
  return composeMigrationPlan({
    facts,
    files,
    scan,
    selection: selectPairs(
      [{ secretName: 'PUBLISH_AWS_ACCESS_KEY_ID', accessKeyId: 'AKIAPPPPPPPPPPPPPPPP' }],
      scan.findings
    ),
    aws,
    cac: { ref: { sha: 'c'.repeat(40), version: 'v6.1.0' }, note: null },
    settings: { awsRegion: 'eu-west-1', branch: 'b', prTitle: 't', prLabels: [], draft: false }
  })
}

describe('configure-aws-credentials steps in the pull request body', () => {
  const text = readFileSync(
    '__fixtures__/rewrite/cac-booleans/input/.github/workflows/publish.yml',
    'utf8'
  )

  it('records each step: the version it came from, where it goes, the inputs converted', () => {
    const steps = plan(text).pullRequest?.body.cacSteps
    expect(steps).toEqual([
      {
        workflow: '.github/workflows/publish.yml',
        job: 'publish',
        step: 1,
        line: 13,
        from: `${CAC}@v2`,
        // A major tag stays a major tag.
        to: `${CAC}@v6`,
        fromComment: null,
        converted: [
          { input: 'mask-aws-account-id', from: 'no', to: 'false' },
          { input: 'role-skip-session-tagging', from: 'yes', to: 'true' },
          { input: 'unset-current-credentials', from: 'off', to: 'false' },
          { input: 'output-credentials', from: 'True', to: 'true' }
        ]
      },
      {
        workflow: '.github/workflows/publish.yml',
        job: 'audit',
        step: 0,
        line: 30,
        from: null,
        to: null,
        fromComment: null,
        converted: [{ input: 'mask-aws-account-id', from: 'No', to: 'false' }]
      }
    ])
  })

  it('words them in the body with why the steps move to v6', () => {
    const draft = plan(text).pullRequest!
    // The role sections are another test's (their stubs here would be partial).
    const body = renderPullRequestBody({ ...draft.body, roles: [] })
    expect(body).toContain('### configure-aws-credentials moved to v6')
    expect(body).toContain('It moves to v6')
    expect(body).toContain(
      '- `.github/workflows/publish.yml:13` job `publish` step 2: from v2 (`v2`) to `v6`; inputs converted: `mask-aws-account-id: no` → `false`'
    )
    expect(body).toContain('job `audit` step 1: already on v6; inputs converted')
  })

  it.each([
    [`${CAC}@v4`, null, 'from v4 (`v4`) to `v6`'],
    [
      `${CAC}@${'d'.repeat(40)}`,
      'v4.0.2',
      `from v4.0.2 (pinned by SHA) (\`${'d'.repeat(40)}\`) to \`v6\``
    ],
    [`${CAC}@${'d'.repeat(40)}`, null, 'from a commit SHA']
  ])('names the version of %s (comment %s)', (from, fromComment, want) => {
    const line = cacStepLine({
      workflow: 'w.yml',
      job: 'j',
      step: 0,
      line: 3,
      from,
      to: `${CAC}@v6`,
      fromComment,
      converted: []
    })
    expect(line).toContain(want)
  })
})
