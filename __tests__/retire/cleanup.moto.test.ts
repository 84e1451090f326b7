/**
 * `mode: cleanup` end to end, in-process, against moto and the project's GitHub API server (the
 * sandbox, seeded with examples/legacy-repo), with a clock the test controls: migrate, then
 * cleanup before the merge (refuses every pair, writes nothing), merge at T, wait for the
 * evidence, a key use after T refused, a secret still referenced on the default branch, the
 * deactivation and secret deletion, the grace period, the key deletion; a re-run after each step
 * writes nothing. Moto records no `RoleLastUsed` and no key use: the IAM evidence proxy in front
 * of moto (test-support/iam-evidence-proxy.ts) supplies them, as the workflow run that used the
 * role would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListAccessKeysCommand,
  ListRolesCommand,
  GetUserCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { readFileSync } from 'node:fs'
import { createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { TAGS } from '../../src/aws/plan/names.js'
import type { StepName } from '../../src/retire/plan.js'
import {
  mergePullRequest,
  recordWorkflowRun
} from '../../test-support/github-server/actions/retire.js'
import type { RepositoryState } from '../../test-support/github-server/index.js'
import { startRetireHarness, type RetireHarness } from '../../test-support/retire-harness.js'

const T = '2026-11-02T10:00:00.000Z'
const at = (hours: number): string => new Date(Date.parse(T) + hours * 3_600_000).toISOString()

let h: RetireHarness
let repo: RepositoryState
let roleName: string
const WRITES = new Set([
  'TagRole',
  'UntagRole',
  'UpdateAccessKey',
  'DeleteAccessKey',
  'DeleteUser',
  'DetachUserPolicy',
  'DeleteUserPolicy',
  'RemoveUserFromGroup'
])

beforeAll(async () => {
  h = await startRetireHarness({ unspacedGitHub: true })
  repo = h.sandbox.github.repository(h.sandbox.env.GITHUB_REPOSITORY)
  // Created by others: a secret of another name, a user with a key and a role under the path.
  repo.secrets.set('SLACK_WEBHOOK', {
    name: 'SLACK_WEBHOOK',
    createdAt: T,
    updatedAt: T,
    encryptedValue: '',
    keyId: repo.publicKey.keyId
  })
  const production = repo.environments.get('production')
  production?.secrets.set('AWS_SECRET_ACCESS_KEY', {
    name: 'AWS_SECRET_ACCESS_KEY',
    createdAt: T,
    updatedAt: T,
    encryptedValue: '',
    keyId: repo.publicKey.keyId
  })
  await h.iam.send(new CreateUserCommand({ UserName: 'bystander' }))
  await h.iam.send(new CreateAccessKeyCommand({ UserName: 'bystander' }))
  await h.iam.send(
    new CreateRoleCommand({
      RoleName: 'someone-elses-role',
      Path: '/github-actions/',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] })
    })
  )
}, 120_000)

afterAll(async () => {
  await h?.stop()
  process.exitCode = 0
})

async function keyStatus(): Promise<string | null> {
  const { AccessKeyMetadata } = await h.iam.send(
    new ListAccessKeysCommand({ UserName: h.sandbox.keyOwner.userName })
  )
  const key = (AccessKeyMetadata ?? []).find(
    (k) => k.AccessKeyId === h.sandbox.keyOwner.accessKeyId
  )
  return key?.Status ?? null
}

/** Runs cleanup at `now` and returns the step states of the one pair and the writes made. */
async function cleanup(now: string, extra: Record<string, string> = {}, aws?: AwsApi) {
  const githubBefore = h.sandbox.github.requests.length
  const awsBefore = h.evidence.actions.length
  const run = await h.cleanup(now, extra, aws)
  const githubWrites = h.sandbox.github.requests.slice(githubBefore).filter((r) => r.write)
  const awsWrites = h.evidence.actions.slice(awsBefore).filter((a) => WRITES.has(a))
  const pair = run.value.plan.pairs[0]
  const states = Object.fromEntries((pair?.steps ?? []).map((s) => [s.step, s.state])) as Record<
    StepName,
    string
  >
  const output = run.commands.find((c) => c.command === 'set-output')
  return { run, pair, states, githubWrites, awsWrites, output, summary: run.summary }
}

describe('mode: cleanup over the life of a migration', () => {
  it('migrate records the pair on the role: user, key end, secrets, workflows', async () => {
    const migrated = await h.migrate()
    expect(migrated.value).toBeTruthy()
    const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
    const ours = (Roles ?? []).filter((r) => r.RoleName !== 'someone-elses-role')
    expect(ours).toHaveLength(1)
    roleName = ours[0]?.RoleName ?? ''
    const role = await h.iam.send(new GetRoleCommand({ RoleName: roleName }))
    const tags = Object.fromEntries((role.Role?.Tags ?? []).map((t) => [t.Key, t.Value]))
    expect(tags[TAGS.sourceUser]).toBe(h.sandbox.keyOwner.userName)
    expect(tags[TAGS.sourceKeyEnd]).toBe(h.sandbox.keyOwner.accessKeyId.slice(-4))
    expect(tags[TAGS.secrets]).toBe('AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY')
    expect(repo.pulls).toHaveLength(1)
  }, 120_000)

  it('right after migrate (nothing merged) refuses every pair and writes nothing', async () => {
    const c = await cleanup(at(1))
    expect(c.run.value.plan.pairs).toHaveLength(1)
    expect(c.states['deactivate-key']).toBe('refused')
    expect(c.states['delete-secrets']).toBe('blocked')
    expect(c.summary).toMatch(/#1 is open, not merged/)
    expect(c.githubWrites).toEqual([])
    expect(c.awsWrites).toEqual([])
    expect(await keyStatus()).toBe('Active')
  }, 60_000)

  it('after the merge at T, waits for the evidence delay, the role use and a run', async () => {
    mergePullRequest(repo, 1, T)
    // The manual follow-up the migration left (nightly.yml writes the keys to a file) is done
    // by hand on the default branch; until then the pair's secrets are still referenced.
    const before = await cleanup(at(1))
    const refused = before.pair?.steps[0]
    expect(refused?.state === 'refused' && refused.because.map((b) => b.reason)).toEqual([
      'still-referenced'
    ])
    expect(before.summary).toContain('.github/workflows/nightly.yml:16 (AWS_ACCESS_KEY_ID)')
    const nightly = repo.readFile('.github/workflows/nightly.yml') ?? ''
    repo.git.commitFiles(
      'main',
      {
        '.github/workflows/nightly.yml': nightly.replace(
          / {6}- name: Write a credentials file[\s\S]*?credentials\n/,
          ''
        )
      },
      'nightly: the reporting tool uses the runner role',
      { name: 'Owner', email: 'owner@example.com', date: at(0.5) }
    )
    const c = await cleanup(at(1))
    expect(c.states['deactivate-key']).toBe('waiting')
    const step = c.pair?.steps[0]
    expect(step?.state === 'waiting' && step.because.map((b) => b.reason)).toEqual([
      'evidence-delay',
      'role-not-used',
      'no-successful-run'
    ])
    expect(c.summary).toContain(`the evidence counts from ${at(4)}`)
    expect(c.awsWrites).toEqual([])
    expect(c.githubWrites).toEqual([])
  }, 60_000)

  it('a key used after the merge is refused with when, which service and which region', async () => {
    h.evidence.roleUsed(roleName, at(2), 'eu-west-1')
    for (const file of [
      '.github/workflows/deploy.yml',
      '.github/workflows/nightly.yml',
      '.github/workflows/ci.yml'
    ]) {
      recordWorkflowRun(repo, { path: file, conclusion: 'success', createdAt: at(2) })
    }
    h.evidence.keyUsed(h.sandbox.keyOwner.accessKeyId, {
      at: at(3),
      service: 's3',
      region: 'eu-central-1'
    })
    const c = await cleanup(at(5))
    const step = c.pair?.steps[0]
    expect(step?.state).toBe('refused')
    expect(step?.state === 'refused' && step.because).toEqual([
      {
        reason: 'key-used',
        lastUse: { at: at(3), service: 's3', region: 'eu-central-1' },
        since: T
      }
    ])
    expect(c.summary).toContain(`the key was used at ${at(3)} with s3 in eu-central-1`)
    expect(c.output?.message).toContain('"state":"refused"')
    expect(c.awsWrites).toEqual([])
    expect(await keyStatus()).toBe('Active')
  }, 60_000)

  it("a workflow on the default branch still using the pair's secrets blocks the pair", async () => {
    // The key's last use was before the merge: the evidence now holds.
    h.evidence.keyUsed(h.sandbox.keyOwner.accessKeyId, {
      at: at(-5),
      service: 'sts',
      region: 'eu-west-1'
    })
    repo.git.commitFiles(
      'main',
      {
        '.github/workflows/late.yml': [
          'on: push',
          'jobs:',
          '  x:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: aws s3 ls',
          '        env:',
          '          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
          '          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
          ''
        ].join('\n')
      },
      'a late workflow with keys',
      { name: 'Someone', email: 'someone@example.com', date: at(4) }
    )
    const c = await cleanup(at(5))
    const step = c.pair?.steps[0]
    expect(step?.state === 'refused' && step.because.map((b) => b.reason)).toEqual([
      'still-referenced'
    ])
    expect(c.summary).toContain('.github/workflows/late.yml:8 (AWS_ACCESS_KEY_ID)')
    expect(c.awsWrites).toEqual([])
    expect(c.githubWrites).toEqual([])
    repo.git.commitFiles('main', { '.github/workflows/late.yml': null }, 'remove it', {
      name: 'Someone',
      email: 'someone@example.com',
      date: at(4)
    })
  }, 60_000)

  it('a token that cannot delete secrets is refused before any write, naming what it lacks', async () => {
    // A fine-grained token that may read everything cleanup reads, but write nothing: GitHub
    // reports `push: false` for it. (An App installation token reports nothing; a refused
    // delete then names the permission, after the reversible deactivation.)
    const token = 'github_pat_readonlycleanup000000000000000000'
    h.sandbox.github.addToken(token, {
      kind: 'fine-grained',
      permissions: {
        metadata: 'read',
        contents: 'read',
        pull_requests: 'read',
        actions: 'read',
        secrets: 'read',
        environments: 'read'
      }
    })
    const githubBefore = h.sandbox.github.requests.length
    const awsBefore = h.evidence.actions.length
    await expect(h.cleanup(at(5), { 'github-token': token })).rejects.toThrow(
      /cannot delete the Actions secrets of octo-org\/legacy-repo: it lacks write access/
    )
    expect(h.sandbox.github.requests.slice(githubBefore).filter((r) => r.write)).toEqual([])
    expect(h.evidence.actions.slice(awsBefore).filter((a) => WRITES.has(a))).toEqual([])
    expect(await keyStatus()).toBe('Active')
  }, 60_000)

  it("deactivates the key, records when, and deletes the pair's secrets; a re-run does nothing", async () => {
    const c = await cleanup(at(5))
    expect(c.run.value.outcome.errors.size).toBe(0)
    expect(c.states).toEqual({
      'deactivate-key': 'do',
      'delete-secrets': 'do',
      'delete-key': 'not-asked',
      'delete-user': 'not-asked'
    })
    expect(c.awsWrites).toEqual(['TagRole', 'UpdateAccessKey'])
    expect(await keyStatus()).toBe('Inactive')
    const role = await h.iam.send(new GetRoleCommand({ RoleName: roleName }))
    expect(role.Role?.Tags?.find((t) => t.Key === TAGS.deactivatedAt)?.Value).toBe(at(5))
    // AWS_S3_BUCKET is a secret of the workflows but not of the key pair: it stays.
    expect([...repo.secrets.keys()].sort()).toEqual(['AWS_S3_BUCKET', 'SLACK_WEBHOOK'])
    expect([...(repo.environments.get('production')?.secrets.keys() ?? [])]).toEqual([])
    expect(c.githubWrites.map((r) => r.route).sort()).toEqual([
      'DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}',
      'DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}',
      'DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}'
    ])

    const again = await cleanup(at(6))
    expect(again.awsWrites).toEqual([])
    expect(again.githubWrites).toEqual([])
    expect(again.states['deactivate-key']).toBe('done')
    expect(again.states['delete-secrets']).toBe('done')
  }, 60_000)

  it('with delete-keys, waits for the grace period, then deletes the key; a re-run does nothing', async () => {
    const waiting = await cleanup(at(24), { 'delete-keys': 'true' })
    const step = waiting.pair?.steps[2]
    expect(step?.state === 'waiting' && step.until).toBe(at(5 + 7 * 24))
    expect(waiting.awsWrites).toEqual([])

    const c = await cleanup(at(6 + 7 * 24), { 'delete-keys': 'true' })
    expect(c.states['delete-key']).toBe('do')
    expect(c.awsWrites).toEqual(['DeleteAccessKey'])
    expect(await keyStatus()).toBeNull()
    expect(c.output?.message).toContain('"keyState":"deleted"')

    const again = await cleanup(at(7 + 7 * 24), { 'delete-keys': 'true' })
    expect(again.states['delete-key']).toBe('done')
    expect(again.awsWrites).toEqual([])
    expect(again.githubWrites).toEqual([])
  }, 60_000)

  it('with only policies/cleanup.json and permission checks on, delete-user deletes the emptied user', async () => {
    // Moto checks the actions, against the resource `*` only, and evaluates no condition: the
    // policy's resources are widened to `*` here (as __tests__/aws/policies.moto.test.ts does).
    const policy = JSON.parse(readFileSync('policies/cleanup.json', 'utf8')) as {
      Statement: Record<string, unknown>[]
    }
    const widened = { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Resource: '*' })) }
    await h.iam.send(new CreateUserCommand({ UserName: 'cleaner' }))
    await h.iam.send(
      new PutUserPolicyCommand({
        UserName: 'cleaner',
        PolicyName: 'cleanup',
        PolicyDocument: JSON.stringify(widened)
      })
    )
    const key = await h.iam.send(new CreateAccessKeyCommand({ UserName: 'cleaner' }))
    const cleaner = createAwsClients({
      region: h.sandbox.env.AWS_REGION,
      endpoint: h.evidence.endpoint,
      credentials: {
        accessKeyId: key.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: key.AccessKey?.SecretAccessKey ?? ''
      }
    })
    await h.sandbox.moto.enableAuth()
    try {
      const c = await cleanup(
        at(8 + 7 * 24),
        { 'delete-keys': 'true', 'delete-user': 'true' },
        cleaner
      )
      expect(c.run.value.outcome.errors).toEqual(new Map())
      expect(c.states['delete-user']).toBe('do')
      expect(c.awsWrites).toEqual(
        expect.arrayContaining([
          'DetachUserPolicy',
          'DeleteUserPolicy',
          'RemoveUserFromGroup',
          'DeleteUser'
        ])
      )
    } finally {
      await h.sandbox.moto.disableAuth()
      cleaner.iam.destroy()
      cleaner.sts.destroy()
    }
    await expect(
      h.iam.send(new GetUserCommand({ UserName: h.sandbox.keyOwner.userName }))
    ).rejects.toThrow(/cannot be found|NoSuchEntity/)
    const again = await cleanup(at(9 + 7 * 24), { 'delete-keys': 'true', 'delete-user': 'true' })
    expect(again.states['delete-user']).toBe('done')
    expect(again.awsWrites).toEqual([])
  }, 60_000)

  it('touched nothing created by others, and the GitHub server saw only documented requests', async () => {
    expect([...repo.secrets.keys()].sort()).toEqual(['AWS_S3_BUCKET', 'SLACK_WEBHOOK'])
    const { AccessKeyMetadata } = await h.iam.send(
      new ListAccessKeysCommand({ UserName: 'bystander' })
    )
    expect(AccessKeyMetadata?.[0]?.Status).toBe('Active')
    const other = await h.iam.send(new GetRoleCommand({ RoleName: 'someone-elses-role' }))
    expect(other.Role?.Tags ?? []).toEqual([])
    expect(h.sandbox.github.violations).toEqual([])
  })
})
