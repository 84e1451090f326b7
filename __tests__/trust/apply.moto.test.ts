/**
 * The trust check of `migrate` on the trust policy READ BACK FROM IAM: moto_server (real SDK
 * clients) holds the roles, the project's GitHub API server the repository and the pull request.
 * Moto does not evaluate trust policies (any token would be accepted there), so what IAM holds
 * is evaluated by the action's own evaluator (src/trust/evaluate.ts, cross-checked against
 * iam-simulate in evaluate.test.ts). A plan whose written trust policy admits an adversarial
 * claim stops before the pull request, naming the role and the claim; one that is exact opens it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { seedDeployer } from '../../__fixtures__/aws/seed.js'
import { gatherMigration, type GatherSettings } from '../../src/modes/gather.js'
import { applyMigration } from '../../src/modes/apply.js'
import type { MigrationPlan } from '../../src/migration/compose.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { api as githubApi, writes } from '../github/helpers.js'

const FIXTURE = path.resolve('__fixtures__/trust/repo')
const KEY = 'token.actions.githubusercontent.com'
const { api } = useMoto()
let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      { fullName: 'octo-org/wide-repo', files: FIXTURE, environments: ['production'] },
      { fullName: 'octo-org/exact-repo', files: FIXTURE, environments: ['production'] }
    ]
  })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

async function plan(fullName: string, userName: string): Promise<MigrationPlan> {
  const user = await seedDeployer(api, userName)
  const settings: GatherSettings = {
    keys: [{ secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId }],
    roleName: 'github-{repo}-{user}',
    rolePath: '/github-actions/',
    audience: 'sts.amazonaws.com',
    oidcIssuer: `https://${KEY}`,
    maxSessionDuration: 3600,
    permissionsBoundary: null,
    awsRegion: 'eu-west-1',
    branch: 'aws-keys-to-oidc',
    prTitle: 'Replace long-lived AWS keys with OIDC role assumption',
    prLabels: [],
    draft: false
  }
  return gatherMigration({
    github: githubApi(server, fullName),
    aws: api,
    settings,
    now: new Date('2026-01-02T03:04:05Z')
  })
}

/** The plan with the trust policy its role is created with replaced (a planner bug, simulated). */
function writingTrust(p: MigrationPlan, trust: () => PolicyDocument): MigrationPlan {
  const pairs = p.aws.pairs.map((pair) => ({
    ...pair,
    roles: pair.roles.map((role) => ({
      ...role,
      writes: role.writes.map((w) => (w.op === 'CreateRole' ? { ...w, trust: trust() } : w))
    }))
  }))
  return { ...p, aws: { ...p.aws, pairs } }
}

function document(repository: string, repoId: string, statements: [string[], string[]][]) {
  return (): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: statements.map(([like, notLike]) => ({
      Effect: 'Allow' as const,
      Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${KEY}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com', [`${KEY}:repository_id`]: repoId },
        StringLike: { [`${KEY}:sub`]: like.map((l) => `repo:${repository}:${l}`) },
        ...(notLike.length > 0
          ? { StringNotLike: { [`${KEY}:sub`]: notLike.map((l) => `repo:${repository}:${l}`) } }
          : {})
      }
    }))
  })
}

function repoIdOf(p: MigrationPlan): string {
  const check = p.trustChecks[0]
  return check?.jobs[0]?.rows[0]?.claims.repositoryId ?? ''
}

describe('migrate: the trust check of the written trust policy', () => {
  it('stops before the pull request when IAM holds a policy that admits another branch', async () => {
    const planned = await plan('octo-org/wide-repo', 'deployer-wide')
    expect(planned.pullRequest).not.toBeNull()
    const wide = writingTrust(
      planned,
      document('octo-org/wide-repo', repoIdOf(planned), [[['*'], []]])
    )
    server.resetRequests()
    const result = await applyMigration(githubApi(server, 'octo-org/wide-repo'), api, wide)

    const role = planned.trustChecks[0]?.roleArn ?? ''
    expect(role).toContain('github-wide-repo-deployer-wide')
    expect(result.pullRequest).toBeNull()
    expect(result.errors).toContain(
      `role ${role}: the trust check of its trust policy as written in IAM failed: another branch is allowed (sub 'repo:octo-org/wide-repo:ref:refs/heads/main-evil', aud 'sts.amazonaws.com', repository_id ${repoIdOf(planned)}) and is not a listed widening`
    )
    expect(result.errors.at(-1)).toBe(
      'pull request: not opened because the trust check of a role failed; correct its trust policy and run again'
    )
    // Nothing was written on GitHub: no branch, no commit, no pull request.
    expect(writes(server)).toEqual([])
  })

  it('opens the pull request when the written policy allows every job and denies the rest', async () => {
    const planned = await plan('octo-org/exact-repo', 'deployer-exact')
    const exact = writingTrust(
      planned,
      document('octo-org/exact-repo', repoIdOf(planned), [
        [['ref:refs/heads/main', 'ref:refs/heads/release/*', 'environment:production'], []],
        [
          ['ref:refs/heads/feature/*'],
          ['ref:refs/heads/feature/*/*', 'ref:refs/heads/feature/secret']
        ],
        [['ref:refs/tags/v*'], ['ref:refs/tags/v*/*']]
      ])
    )
    const result = await applyMigration(githubApi(server, 'octo-org/exact-repo'), api, exact)
    expect(result.errors).toEqual([])
    expect(result.pullRequest).toMatchObject({ operation: 'created' })
  })
})
