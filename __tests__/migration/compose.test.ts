/** The one migration plan (pure): which files are rewritten, what the PR holds, what is left. */
import { planAccount } from '../../__fixtures__/aws/plans.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { AwsPlan, PairPlan } from '../../src/aws/plan/plan.js'
import type { RolePlan } from '../../src/aws/plan/role.js'
import type { RepositoryFacts, RepositoryFile } from '../../src/workflows/repository.js'
import { composeMigrationPlan } from '../../src/migration/compose.js'
import { selectPairs } from '../../src/migration/pairs.js'
import { tokenPermissionRow } from '../../src/report/pr-body.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const ROLE_A = 'arn:aws:iam::123456789012:role/github-actions/role-a'

const envJob = (secret: string, id: string, extra = ''): string =>
  `  ${id}:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.${secret}_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.${secret}_SECRET_ACCESS_KEY }}
      AWS_REGION: eu-west-1
${extra}    steps:
      - run: aws s3 ls
`

function file(path: string, text: string): RepositoryFile {
  return { path, text, sha: '0'.repeat(40), mode: '100644' }
}

const files = [
  // Only pair A: rewritten.
  file('.github/workflows/a.yml', `on: push\njobs:\n${envJob('A', 'build')}`),
  // Pair A and pair B (no keys line for B): left as it was.
  file('.github/workflows/ab.yml', `on: push\njobs:\n${envJob('A', 'one')}${envJob('B', 'two')}`),
  // An S3-compatible service that is not AWS: never takes part.
  file(
    '.github/workflows/r2.yml',
    `on: push\njobs:\n  up:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: \${{ secrets.R2_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: \${{ secrets.R2_SECRET_ACCESS_KEY }}\n      AWS_ENDPOINT_URL: https://acc.r2.cloudflarestorage.com\n    steps:\n      - run: aws s3 ls\n`
  )
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

/** A role plan with the fields the composition reads (the AWS side is tested on its own). */
function rolePlan(arn: string): RolePlan {
  return {
    kind: 'new-role',
    roleName: arn.split('/').pop() ?? '',
    roleArn: arn,
    change: 'create',
    trust: { document: { Version: '2012-10-17', Statement: [] }, subjects: [], merges: [] },
    subjects: [{ pattern: 'repo:octo-org/octo-repo:ref:refs/heads/main', sources: ['a.yml'] }],
    boundaryArn: null,
    maxSessionDuration: 3600,
    tags: [],
    permissions: null,
    warnings: ['a warning of role A'],
    followUps: [],
    changes: [],
    writes: []
  } as unknown as RolePlan
}

function awsPlan(pairs: PairPlan[]): AwsPlan {
  return {
    accounts: [planAccount()],
    pairs
  }
}

const settings = {
  awsRegion: 'eu-west-1',
  branch: 'aws-keys-to-oidc',
  prTitle: 'Replace keys',
  prLabels: ['security'],
  draft: false
}

const keys = [{ secretName: 'A_ACCESS_KEY_ID', accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }]
const pairA: PairPlan = {
  accountId: '123456789012',
  secretName: 'A_ACCESS_KEY_ID',
  accessKeyId: 'AKIAAAAAAAAAAAAAAAAA',
  owner: null,
  roles: [rolePlan(ROLE_A)],
  error: null,
  followUps: [],
  resolvedChains: new Map()
}

describe('selectPairs', () => {
  it('gives each keys line the uses of its secret and lists pairs without a line', () => {
    const scan = scanWorkflows(files)
    const selection = selectPairs(keys, scan.findings)
    expect(selection.requests.map((r) => [r.key.secretName, r.uses.map((f) => f.file)])).toEqual([
      ['A_ACCESS_KEY_ID', ['.github/workflows/a.yml', '.github/workflows/ab.yml']]
    ])
    expect(selection.unmatched.map((u) => [u.secretName, u.uses.map((f) => f.job)])).toEqual([
      ['B_ACCESS_KEY_ID', ['two']]
    ])
    expect(selection.unmatched[0]?.reason).toContain(
      'add B_ACCESS_KEY_ID=${{ secrets.B_ACCESS_KEY_ID }}'
    )
  })
})

describe('composeMigrationPlan', () => {
  const scan = scanWorkflows(files)
  const compose = (pairs: PairPlan[]) =>
    composeMigrationPlan({
      facts,
      files,
      scan,
      selection: selectPairs(keys, scan.findings),
      aws: awsPlan(pairs),
      cac: { ref: { tag: 'v6' }, note: null },
      settings
    })

  it('rewrites only files whose every pair has a role, and says why the others stay', () => {
    const plan = compose([pairA])
    expect(plan.roleArns).toEqual({ A_ACCESS_KEY_ID: ROLE_A })
    expect(plan.pullRequest?.files.map((f) => f.path)).toEqual(['.github/workflows/a.yml'])
    expect(plan.pullRequest?.files[0]?.content).toContain(`role-to-assume: ${ROLE_A}`)
    expect(plan.blocked).toEqual([
      {
        file: '.github/workflows/ab.yml',
        reason: expect.stringContaining('key pair B_ACCESS_KEY_ID: no line for B_ACCESS_KEY_ID')
      }
    ])
    // Every key use of the blocked file is a follow-up; the R2 keys are none of this.
    expect(plan.followUps.map((f) => f.file)).toEqual([
      '.github/workflows/ab.yml',
      '.github/workflows/ab.yml'
    ])
    // Each follow-up speaks of its own pair (issue 11 item 11): B's use carries B's problem,
    // A's use says that A could be migrated and which other pair holds the file.
    const [one, two] = plan.followUps
    expect(one?.message).toMatch(
      /^not migrated: key pair A_ACCESS_KEY_ID can be migrated, but this file is left as it was because of another use in it \(key pair B_ACCESS_KEY_ID: /
    )
    expect(two?.message).toMatch(
      /^not migrated: key pair B_ACCESS_KEY_ID: no line for B_ACCESS_KEY_ID/
    )
    expect(plan.pairErrors).toEqual([expect.stringMatching(/^B_ACCESS_KEY_ID: /)])
    // Pair A still has a use in ab.yml: its secrets are not to be retired yet.
    expect(plan.pullRequest?.body.nextSteps.secretsToRetire).toEqual([])
    expect(plan.pullRequest?.body.summary).toEqual([
      {
        workflow: '.github/workflows/a.yml',
        job: 'build',
        keyPair: 'A_ACCESS_KEY_ID / A_SECRET_ACCESS_KEY',
        roleArn: ROLE_A
      },
      {
        workflow: '.github/workflows/ab.yml',
        job: 'one',
        keyPair: 'A_ACCESS_KEY_ID / A_SECRET_ACCESS_KEY',
        roleArn: null
      },
      {
        workflow: '.github/workflows/ab.yml',
        job: 'two',
        keyPair: 'B_ACCESS_KEY_ID / B_SECRET_ACCESS_KEY',
        roleArn: null
      }
    ])
    expect(plan.pullRequest?.body.tokenPermissionChanges.map(tokenPermissionRow)).toEqual([
      {
        workflow: '.github/workflows/a.yml',
        job: 'build',
        before: 'repository default (restricted)',
        after: expect.stringContaining('id-token: write')
      }
    ])
    expect(plan.warnings).toEqual(expect.arrayContaining(['a warning of role A']))
    expect(plan.pullRequest).toMatchObject({
      baseBranch: 'main',
      baseSha: facts.headSha,
      branch: 'aws-keys-to-oidc',
      labels: ['security']
    })
  })

  it('retires the secrets of a pair whose every use was migrated', () => {
    const onlyA = files.slice(0, 1)
    const scanA = scanWorkflows(onlyA)
    const plan = composeMigrationPlan({
      facts: { ...facts, workflowFiles: onlyA },
      files: onlyA,
      scan: scanA,
      selection: selectPairs(keys, scanA.findings),
      aws: awsPlan([pairA]),
      cac: { ref: { tag: 'v6' }, note: null },
      settings
    })
    expect(plan.pullRequest?.body.nextSteps.secretsToRetire).toEqual([
      'A_ACCESS_KEY_ID',
      'A_SECRET_ACCESS_KEY'
    ])
  })

  it('opens no pull request when no pair can be migrated', () => {
    const plan = compose([
      { ...pairA, roles: [], error: 'the key belongs to account 210987654321' }
    ])
    expect(plan.roleArns).toEqual({})
    expect(plan.pullRequest).toBeNull()
    expect(plan.rewrite.files.every((f) => !f.changed)).toBe(true)
    expect(plan.blocked.map((b) => b.file)).toEqual([
      '.github/workflows/a.yml',
      '.github/workflows/ab.yml'
    ])
    expect(plan.pairErrors[0]).toBe('A_ACCESS_KEY_ID: the key belongs to account 210987654321')
  })
})

describe('composeMigrationPlan with a reusable workflow', () => {
  const fixture = '__fixtures__/rewrite/reusable/input/.github/workflows'
  const read = (name: string): RepositoryFile =>
    file(`.github/workflows/${name}`, readFileSync(`${fixture}/${name}`, 'utf8'))
  const deployKeys = [
    { secretName: 'DEPLOY_AWS_ACCESS_KEY_ID', accessKeyId: 'AKIADDDDDDDDDDDDDDDD' }
  ]
  const deployPair: PairPlan = { ...pairA, secretName: 'DEPLOY_AWS_ACCESS_KEY_ID' }
  const plan = (names: string[]) => {
    const repoFiles = names.map(read)
    const scanned = scanWorkflows(repoFiles)
    return composeMigrationPlan({
      facts: { ...facts, workflowFiles: repoFiles },
      files: repoFiles,
      scan: scanned,
      selection: selectPairs(deployKeys, scanned.findings),
      aws: awsPlan([deployPair]),
      cac: { ref: { tag: 'v6' }, note: null },
      settings
    })
  }

  it("maps the called workflow's declared secrets to the key its callers pass", () => {
    const result = plan(['deploy-reusable.yml', 'main.yml'])
    expect(result.blocked).toEqual([])
    expect(result.pairErrors).toEqual([])
    expect(result.pullRequest?.files.map((f) => f.path)).toEqual([
      '.github/workflows/deploy-reusable.yml',
      '.github/workflows/main.yml'
    ])
    expect(result.pullRequest?.files[0]?.content).toContain(`role-to-assume: ${ROLE_A}`)
    expect(result.pullRequest?.body.nextSteps.secretsToRetire).toEqual([
      'DEPLOY_AWS_ACCESS_KEY_ID',
      'DEPLOY_AWS_SECRET_ACCESS_KEY'
    ])
  })

  it('leaves a called workflow alone when its callers pass different keys', () => {
    // hotfix.yml passes the repository's own aws_access_key_id with `secrets: inherit`.
    const result = plan(['deploy-reusable.yml', 'hotfix.yml', 'main.yml'])
    expect(result.blocked).toEqual(
      expect.arrayContaining([
        {
          file: '.github/workflows/deploy-reusable.yml',
          reason: expect.stringContaining('callers pass different keys')
        }
      ])
    )
    expect(result.pullRequest).toBeNull()
  })
})

describe('composeMigrationPlan: a called workflow and a blocked caller (issue 11 item 1)', () => {
  const dir = '__fixtures__/migrate/caller-blocked/.github/workflows'
  const repoFiles = ['deploy.yml', 'nightly.yml', 'release.yml'].map((n) =>
    file(`.github/workflows/${n}`, readFileSync(`${dir}/${n}`, 'utf8'))
  )
  const siteKeys = [{ secretName: 'SITE_AWS_ACCESS_KEY_ID', accessKeyId: 'AKIASSSSSSSSSSSSSSSS' }]
  const sitePair: PairPlan = { ...pairA, secretName: 'SITE_AWS_ACCESS_KEY_ID' }
  const compose = (keys: { secretName: string; accessKeyId: string }[], pairs: PairPlan[]) => {
    const scanned = scanWorkflows(repoFiles)
    return composeMigrationPlan({
      facts: { ...facts, workflowFiles: repoFiles },
      files: repoFiles,
      scan: scanned,
      selection: selectPairs(keys, scanned.findings),
      aws: awsPlan(pairs),
      cac: { ref: { tag: 'v6' }, note: null },
      settings
    })
  }

  it('keeps the called workflow and every caller when one caller is blocked, naming it', () => {
    // nightly.yml also uses BACKUP keys, which have no keys line: it is blocked.
    const result = compose(siteKeys, [sitePair])
    expect(result.pullRequest).toBeNull()
    expect(result.blocked.map((b) => b.file)).toEqual([
      '.github/workflows/nightly.yml',
      '.github/workflows/deploy.yml'
    ])
    expect(result.blocked[1]?.reason).toContain(
      'job deploy of .github/workflows/nightly.yml, which calls it, stays as it is (key pair BACKUP_AWS_ACCESS_KEY_ID'
    )
    const deploy = result.followUps.filter((u) => u.file === '.github/workflows/deploy.yml')
    expect(deploy.map((u) => u.line)).toEqual([5, 15])
    for (const u of deploy)
      expect(u.message).toContain('job deploy of .github/workflows/nightly.yml')
    expect(result.followUps.find((u) => u.file.endsWith('release.yml'))?.message).toContain(
      'stay passed to ./.github/workflows/deploy.yml'
    )
  })

  it('migrates the called workflow with every caller once the blocking pair has a role', () => {
    const backupPair: PairPlan = { ...pairA, secretName: 'BACKUP_AWS_ACCESS_KEY_ID' }
    const result = compose(
      [
        ...siteKeys,
        { secretName: 'BACKUP_AWS_ACCESS_KEY_ID', accessKeyId: 'AKIABBBBBBBBBBBBBBBB' }
      ],
      [sitePair, backupPair]
    )
    expect(result.blocked).toEqual([])
    expect(result.pullRequest?.files.map((f) => f.path)).toEqual([
      '.github/workflows/deploy.yml',
      '.github/workflows/nightly.yml',
      '.github/workflows/release.yml'
    ])
  })
})
