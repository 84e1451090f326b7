/**
 * Issue 14 item 2: different keys under the same secret name in two environments (`staging` and
 * `production`, two IAM users). `keys` lines scoped to an environment (`ENV/SECRET=...`, or
 * `ENV/SECRET=user:NAME` from the `key-owners` of a job of that environment) give each
 * environment's jobs their own pair: two roles, each admitting only its environment's subject,
 * one rewritten file. Against moto_server through the real SDK clients; moto checks no trust
 * policy, so each planned trust policy is evaluated by the trust check (`plan.trustChecks`).
 */
import { describe, expect, it } from '@jest/globals'
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand
} from '@aws-sdk/client-iam'
import { keyOwnerLines } from '../../src/migration/pairs.js'
import { Actionlint } from '../../test-support/actionlint.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { planMigration, workflowFiles } from './support/compose-harness.js'

const { api } = useMoto()
const linter = new Actionlint()

const job = (id: string, environment: string, needs = '') => `  ${id}:
    runs-on: ubuntu-latest
    environment: ${environment}
${needs}    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: aws s3 sync site s3://${environment}-site
`

const files = workflowFiles({
  '.github/workflows/deploy.yml': `name: deploy
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
${job('staging', 'staging')}${job('production', 'production', '    needs: staging\n')}`
})

async function user(name: string): Promise<string> {
  await api.iam.send(new CreateUserCommand({ UserName: name }))
  await api.iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'site',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${name}/*` }]
      })
    })
  )
  const key = await api.iam.send(new CreateAccessKeyCommand({ UserName: name }))
  return key.AccessKey?.AccessKeyId ?? ''
}

describe('the same secret name in two environments, two IAM users', () => {
  it('gives each environment its own role, admitting only that environment; one file, one PR', async () => {
    const stagingKey = await user('deployer-staging')
    await user('deployer-prod')
    const { aws, migration } = await planMigration(api, files, [
      { secretName: 'staging/AWS_ACCESS_KEY_ID', accessKeyId: stagingKey },
      { secretName: 'production/AWS_ACCESS_KEY_ID', accessKeyId: '', userName: 'deployer-prod' }
    ])
    expect(aws.pairs.map((p) => [p.secretName, p.error, p.owner?.userName])).toEqual([
      ['staging/AWS_ACCESS_KEY_ID', null, 'deployer-staging'],
      ['production/AWS_ACCESS_KEY_ID', null, 'deployer-prod']
    ])
    const roles = aws.pairs.map((p) =>
      p.roles.map((r) => [r.roleName, r.subjects.map((s) => s.pattern)])
    )
    expect(roles).toEqual([
      [
        [
          'github-octo-org-octo-repo-deployer-staging',
          ['repo:octo-org/octo-repo:environment:staging']
        ]
      ],
      [
        [
          'github-octo-org-octo-repo-deployer-prod',
          ['repo:octo-org/octo-repo:environment:production']
        ]
      ]
    ])
    // Each trust policy admits its environment's job and refuses the other environment.
    for (const check of migration.trustChecks) expect(check.passed).toBe(true)
    expect(migration.trustChecks.map((c) => c.jobs.map((j) => j.job))).toEqual([
      ['staging'],
      ['production']
    ])

    const [file] = migration.rewrite.files
    expect(file?.changed).toBe(true)
    const after = file?.after ?? ''
    const arn = (name: string) => `arn:aws:iam::123456789012:role/github-actions/${name}`
    const staging = after.slice(after.indexOf('  staging:'), after.indexOf('  production:'))
    const production = after.slice(after.indexOf('  production:'))
    expect(staging).toContain(
      `role-to-assume: ${arn('github-octo-org-octo-repo-deployer-staging')}`
    )
    expect(production).toContain(
      `role-to-assume: ${arn('github-octo-org-octo-repo-deployer-prod')}`
    )
    expect(after).not.toContain('aws-access-key-id')
    expect(await linter.lint(after, file!.path)).toEqual([])
    expect(migration.pullRequest?.files.map((f) => f.path)).toEqual([
      '.github/workflows/deploy.yml'
    ])

    // What a job of each environment hands on (no key id in it).
    expect(keyOwnerLines(aws.pairs)).toBe(
      'staging/AWS_ACCESS_KEY_ID=user:deployer-staging\nproduction/AWS_ACCESS_KEY_ID=user:deployer-prod'
    )
    expect(keyOwnerLines(aws.pairs)).not.toContain(stagingKey)
  })

  it('an unscoped line serves the environments that have no line of their own', async () => {
    const key = await user('deployer-all')
    const { aws, migration } = await planMigration(api, files, [
      { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: key }
    ])
    expect(aws.pairs[0]?.roles[0]?.subjects.map((s) => s.pattern).sort()).toEqual([
      'repo:octo-org/octo-repo:environment:production',
      'repo:octo-org/octo-repo:environment:staging'
    ])
    expect(migration.rewrite.files[0]?.changed).toBe(true)
  })

  it("a job of an environment without a line: the follow-up says how to give that environment's key", async () => {
    const stagingKey = await user('deployer-staging')
    const { migration } = await planMigration(api, files, [
      { secretName: 'staging/AWS_ACCESS_KEY_ID', accessKeyId: stagingKey }
    ])
    expect(migration.pairErrors).toEqual([
      expect.stringContaining(
        "jobs of environment production read that environment's AWS_ACCESS_KEY_ID when it has one: give it as production/AWS_ACCESS_KEY_ID=... from a job of that environment"
      )
    ])
  })

  it('a user: line whose user has no single active key fails that pair alone, naming why', async () => {
    const stagingKey = await user('deployer-staging')
    await user('two-keys')
    await api.iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }))
    const idle = await user('idle')
    await api.iam.send(
      new UpdateAccessKeyCommand({ UserName: 'idle', AccessKeyId: idle, Status: 'Inactive' })
    )
    const plan = (userName: string) =>
      planMigration(api, files, [
        { secretName: 'staging/AWS_ACCESS_KEY_ID', accessKeyId: stagingKey },
        { secretName: 'production/AWS_ACCESS_KEY_ID', accessKeyId: '', userName }
      ])
    const cases: [string, string][] = [
      ['two-keys', 'IAM user two-keys has 2 active access keys'],
      ['idle', 'IAM user idle has no active access key'],
      ['ghost', 'account 123456789012 has no IAM user ghost']
    ]
    for (const [name, says] of cases) {
      const { aws, migration } = await plan(name)
      expect(aws.pairs[0]?.error).toBeNull()
      expect(aws.pairs[1]?.error).toContain(
        `production/AWS_ACCESS_KEY_ID names user:${name}, but ${says}`
      )
      // The file uses both pairs: it stays whole, and the staging use says which pair holds it.
      expect(migration.rewrite.files[0]?.changed ?? false).toBe(false)
      const staging = migration.followUps.find((u) =>
        u.message.includes('staging/AWS_ACCESS_KEY_ID')
      )
      expect(staging?.message).toContain('key pair staging/AWS_ACCESS_KEY_ID can be migrated')
    }
  })
})
