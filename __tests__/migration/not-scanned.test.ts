/**
 * Issue 11 item 8: a workflow file that is not valid YAML is named, per file, with its first
 * error's line: in the migration plan (`unparsed`), the job summary and the pull request body,
 * and it fails the run at the end (migrate) or with fail-on-findings (plan), as the CLI does.
 * Fixture: `__fixtures__/migrate/not-scanned` (broken.yml has three YAML errors).
 */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { AwsPlan } from '../../src/aws/plan/plan.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import type { Settings } from '../../src/inputs.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { unparsedFiles } from '../../src/migration/blocked.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { runPlanMode } from '../../src/modes/plan.js'
import { renderMigrationSummary } from '../../src/report/migration-summary.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { renderText } from '../../src/report/text.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { captureOutputAsync } from '../../test-support/runner.js'

const DIR = '__fixtures__/migrate/not-scanned'
const files: RepositoryFile[] = ['broken.yml', 'site.yml'].map((n) => ({
  path: `.github/workflows/${n}`,
  text: readFileSync(`${DIR}/.github/workflows/${n}`, 'utf8'),
  sha: '0'.repeat(40),
  mode: '100644'
}))

function compose() {
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
  const role = {
    kind: 'new-role',
    roleName: 'site',
    roleArn: 'arn:aws:iam::123456789012:role/site',
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
  } as unknown as RolePlan
  const aws = {
    accounts: [planAccount()],
    pairs: [
      {
        accountId: '123456789012',
        secretName: 'SITE_AWS_ACCESS_KEY_ID',
        accessKeyId: 'AKIASSSSSSSSSSSSSSSS',
        owner: null,
        roles: [role],
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
      [{ secretName: 'SITE_AWS_ACCESS_KEY_ID', accessKeyId: 'AKIASSSSSSSSSSSSSSSS' }],
      scan.findings
    ),
    aws,
    cac: { ref: { tag: 'v6' }, note: null },
    settings: { awsRegion: 'eu-west-1', branch: 'b', prTitle: 't', prLabels: [], draft: false }
  })
}

describe('workflow files that are not valid YAML', () => {
  it.each([
    { errors: [], want: [] },
    {
      errors: [
        { file: 'a.yml', line: 6, message: 'not valid YAML: x' },
        { file: 'a.yml', line: 9, message: 'not valid YAML: y' },
        { file: 'b.yml', line: 2, message: 'not valid YAML: z' }
      ],
      want: [
        { file: 'a.yml', line: 6, message: 'not valid YAML: x', errors: 2 },
        { file: 'b.yml', line: 2, message: 'not valid YAML: z', errors: 1 }
      ]
    }
  ])('are one record per file: %j', ({ errors, want }) => {
    expect(unparsedFiles(errors)).toEqual(want)
  })

  it('are counted per file in the text report', () => {
    const scan = scanWorkflows(files)
    expect(scan.errors).toHaveLength(3)
    expect(renderText(scan)).toContain(', 1 file(s) not valid YAML (not scanned)')
  })

  it('are named in the migration plan, its summary and the pull request body', () => {
    const plan = compose()
    expect(plan.unparsed).toEqual([
      {
        file: '.github/workflows/broken.yml',
        line: 6,
        message: 'not valid YAML: Map keys must be unique (column 5)',
        errors: 3
      }
    ])
    // The rest of the repository is still migrated.
    expect(plan.pullRequest?.files.map((f) => f.path)).toEqual(['.github/workflows/site.yml'])
    const line =
      '`.github/workflows/broken.yml`: not scanned: not valid YAML, line 6 (Map keys must be unique (column 5); 2 more error(s) in the file)'
    const body = renderPullRequestBody({ ...plan.pullRequest!.body, roles: [] })
    expect(body).toContain('### Workflow files not scanned')
    expect(body).toContain(`- ${line}`)
    // The role sections are another test's (their stubs here would be partial).
    const noRoles = { ...plan, aws: { ...plan.aws, pairs: [] } }
    expect(renderMigrationSummary(noRoles, null, { mode: 'plan' })).toContain(`- ${line}`)
  })
})

describe('mode: plan with fail-on-findings', () => {
  afterEach(() => {
    process.exitCode = 0
  })
  const settings = (failOnFindings: boolean, dir: string): Settings =>
    ({
      workingDirectory: dir,
      failOnFindings,
      sarifFile: '',
      repository: null
    }) as unknown as Settings

  it.each([
    {
      name: 'a broken file fails the run, counted per file',
      dir: DIR,
      fail: true,
      want: '1 static AWS key use(s) found and 1 workflow file(s) not valid YAML (not scanned) (fail-on-findings is true)'
    },
    { name: 'without fail-on-findings it does not', dir: DIR, fail: false, want: null },
    {
      name: 'a repository whose only problem is a broken file fails',
      dir: 'only-broken',
      fail: true,
      want: '1 workflow file(s) not valid YAML (not scanned) (fail-on-findings is true)'
    }
  ])('$name', async ({ dir, fail, want }) => {
    const target = dir === 'only-broken' ? `${DIR}/.github/workflows/broken.yml` : dir
    const { commands } = await captureOutputAsync(() => runPlanMode(settings(fail, target), {}))
    const failed = commands.filter((c) => c.command === 'error' && !c.properties.file)
    expect(failed.map((c) => c.message.replace(/; see the.*$/, ''))).toEqual(
      want === null ? [] : [want]
    )
  })
})
