/**
 * `mode: plan` with `keys` for a user with broad policies: the plan (gathered from moto through
 * the real SDK, scanned from real workflow text, composed) shows the services used and unused in
 * the job summary, the pull request body and the `plan` output; with `permissions: last-accessed`
 * the body lists every removed service with its last use and the jobs whose commands name it.
 * moto has no last accessed APIs: a small SDK middleware answers those two calls in front of it
 * (__fixtures__/right-size/moto.ts); every other call reaches moto.
 */
import { describe, expect, it } from '@jest/globals'
import { answerLastAccessed, seedBroadUser } from '../../__fixtures__/right-size/moto.js'
import { renderMigrationSummary } from '../../src/report/migration-summary.js'
import { planJson } from '../../src/report/plan-json.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { planMigration, workflowFiles } from '../aws/support/compose-harness.js'

const { api } = useMoto()

const WORKFLOW = `name: deploy
on:
  push:
    branches: [main]
  schedule:
    - cron: '0 0 1 1 *'
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: us-east-1
      - run: |
          aws s3 sync site/ s3://site-bucket
          aws --region us-east-1 cloudfront create-invalidation --distribution-id E1 --paths '/*'
  yearly-restore:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: us-east-1
      - run: aws dynamodb restore-table-from-backup --target-table-name t --backup-arn x
`

const files = workflowFiles({ '.github/workflows/deploy.yml': WORKFLOW })

async function plan(accessKeyId: string, permissions: 'copy' | 'last-accessed') {
  const { migration } = await planMigration(
    api,
    files,
    [{ secretName: 'AWS_ACCESS_KEY_ID', accessKeyId }],
    { settings: { permissions }, awsRegion: 'us-east-1' }
  )
  return migration
}

describe('mode: plan with keys, a user with broad policies', () => {
  it('permissions: copy shows the services used and unused everywhere, and changes nothing', async () => {
    const accessKeyId = await seedBroadUser(api)
    const restore = answerLastAccessed(api.iam)
    try {
      const migration = await plan(accessKeyId, 'copy')
      const summary = renderMigrationSummary(migration, null, { mode: 'plan' })
      expect(summary).toContain('### What the keys used')
      expect(summary).toContain(
        '**IAM user `broad`: the policies grant 9 services; the key used 4 of them in the tracking period**'
      )
      expect(summary).toContain("gets the user's policies as they are (`permissions: copy`)")
      // Used, with a stale one; unused, with the job that names it.
      expect(summary).toMatch(/Used: .*`s3` \(last used 2026-11-20 in us-east-1\)/)
      expect(summary).toContain('`lambda` (not used since 2025-10-01 in eu-west-1)')
      expect(summary).toContain(
        '| `dynamodb` Amazon DynamoDB | never used in the tracking period | 1 | ⚠️ `.github/workflows/deploy.yml` job `yearly-restore` |'
      )
      expect(summary).toContain(
        '| `account`, `ec2`, `organizations` | never used in the tracking period | 1 | — |'
      )
      expect(summary).toContain(
        '| `s3:CreateBucket`, `s3:DeleteBucket` | never used in the tracking period (`s3` last used 2026-11-20) | 1, 2 |'
      )
      expect(summary).toContain(
        'Granted by: 1. managed policy arn:aws:iam::aws:policy/PowerUserAccess; 2. managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess.'
      )

      const json = planJson(migration)
      expect(json.usage).toHaveLength(1)
      expect(json.usage[0]).toMatchObject({
        user: 'broad',
        status: 'available',
        granted: 9,
        used: 4,
        permissions: 'copy',
        reduced: []
      })
      const dynamo = json.usage[0]?.services.find((s) => s.namespace === 'dynamodb')
      expect(dynamo?.jobs).toEqual([
        { file: '.github/workflows/deploy.yml', job: 'yearly-restore' }
      ])
      expect(json.usage[0]?.services.find((s) => s.namespace === 's3')?.jobs).toEqual([
        { file: '.github/workflows/deploy.yml', job: 'deploy' }
      ])
      const body = renderPullRequestBody(migration.pullRequest!.body)
      expect(body).toContain('the key used 4 of them in the tracking period')
      // The role copies: both managed policies stay attached.
      expect(
        migration.aws.pairs[0]?.roles[0]?.permissions?.attach.map((a) => a.arn).sort()
      ).toEqual([
        'arn:aws:iam::aws:policy/AmazonS3FullAccess',
        'arn:aws:iam::aws:policy/PowerUserAccess'
      ])
    } finally {
      restore()
    }
  })

  it('permissions: last-accessed: the pull request body lists every removed service with its last use', async () => {
    const accessKeyId = await seedBroadUser(api)
    const restore = answerLastAccessed(api.iam)
    try {
      const migration = await plan(accessKeyId, 'last-accessed')
      const body = renderPullRequestBody(migration.pullRequest!.body)
      expect(body).toContain('Removed from the role:')
      for (const removed of ['dynamodb', 'ec2', 'organizations', 'account', 's3-object-lambda']) {
        expect(body).toMatch(
          new RegExp(`\\|[^|\\n]*\`${removed}\`[^|\\n]*\\| never used in the tracking period \\|`)
        )
      }
      expect(body).toContain(
        '| `iam:CreateServiceLinkedRole` | never used in the tracking period (`iam` last used 2026-06-01) |'
      )
      expect(body).toMatch(
        /`dynamodb`[^\n]*⚠️ `.github\/workflows\/deploy.yml` job `yearly-restore`/
      )
      expect(body).not.toMatch(/`s3`[^|\n]*\| never used/)
      expect(planJson(migration).usage[0]?.permissions).toBe('last-accessed')
    } finally {
      restore()
    }
  })

  it('without last accessed data (moto alone) says so, and last-accessed falls back to copying', async () => {
    const accessKeyId = await seedBroadUser(api)
    const migration = await plan(accessKeyId, 'last-accessed')
    const summary = renderMigrationSummary(migration, null, { mode: 'plan' })
    expect(summary).toContain('**IAM user `broad`: no last accessed data**')
    expect(summary).toContain('**`permissions: last-accessed` fell back to copying**')
    const body = renderPullRequestBody(migration.pullRequest!.body)
    expect(body).toContain('fell back to copying')
    expect(planJson(migration).usage[0]).toMatchObject({
      status: 'unavailable',
      cause: 'error',
      permissions: 'copy-fallback'
    })
  })
})
