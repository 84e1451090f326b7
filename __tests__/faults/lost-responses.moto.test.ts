/**
 * Lost responses are not failures (issue 16 §2): a create whose answer is lost is retried by the
 * client and meets its own write; the run reads what exists and carries on when it is exactly
 * what it asked for, and fails naming the resource when it is not. IAM through the fault proxy
 * in front of moto (moto never loses an answer); GitHub through the test server's faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import type { AwsMigrationRequest } from '../../src/aws/plan/plan.js'
import { BranchConflictError } from '../../src/github/pull-request.js'
import { iamState } from '../../test-support/fault-state.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { startIamFaultProxy, type IamFaultProxy } from '../../test-support/iam-fault-proxy.js'
import { MOTO_CREDENTIALS } from '../../test-support/moto.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { deployerRequest } from '../aws/support/compose-harness.js'
import { api as gitHubApi, EXAMPLE, migrate as openPullRequest } from '../github/helpers.js'

const { moto, api } = useMoto()
let proxy: IamFaultProxy
let faulty: AwsApi
let server: GitHubServer

beforeAll(async () => {
  proxy = await startIamFaultProxy(moto.endpoint)
  faulty = createAwsClients({
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    credentials: MOTO_CREDENTIALS,
    maxAttempts: 3
  })
  server = await startGitHubServer()
})

afterEach(() => {
  proxy.heal()
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  faulty?.iam.destroy()
  faulty?.sts.destroy()
  await proxy?.close()
  await server?.close()
})

const request = (): Promise<AwsMigrationRequest> => deployerRequest(api)

async function roleCount(): Promise<number> {
  return ((await api.iam.send(new ListRolesCommand({}))).Roles ?? []).length
}

describe('IAM creates whose answer is lost', () => {
  it.each(['CreateOpenIDConnectProvider', 'CreateRole', 'AttachRolePolicy', 'PutRolePolicy'])(
    '%s: the retry meets the run’s own write and the run finishes as without the fault',
    async (action) => {
      const req = await request()
      const clean = await applyAwsPlan(api, await planAwsMigration(api, req))
      expect([...clean.roles.values()].map((r) => r.error)).toEqual([null])
      const want = await iamState(api.iam)

      await moto.reset()
      const again = await request()
      proxy.fail({ action, kind: 'lost-response' })
      const result = await applyAwsPlan(faulty, await planAwsMigration(faulty, again))
      // The fault happened: moto applied the call, the client heard nothing and retried.
      expect(
        proxy.calls.filter((c) => c.action === action && c.fault === 'lost-response')
      ).not.toEqual([])
      expect(result.providers.map((p) => p.error)).toEqual([null])
      expect([...result.roles.values()].map((r) => r.error)).toEqual([null])
      expect(await roleCount()).toBe(1)
      expect(await iamState(api.iam)).toEqual(want)
    },
    60_000
  )

  it('CreateRole that meets a role this run did not ask for fails, naming the role', async () => {
    const plan = await planAwsMigration(api, await request())
    const role = plan.pairs[0]?.roles[0]
    expect(role?.change).toBe('create')
    // Someone else makes a role of that name between the plan and the write.
    await api.iam.send(
      new CreateRoleCommand({
        RoleName: role?.roleName ?? '',
        Path: '/github-actions/',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole'
            }
          ]
        })
      })
    )
    const result = await applyAwsPlan(api, plan)
    const outcome = result.roles.get(role?.roleArn ?? '')
    expect(outcome?.error).toMatch(
      new RegExp(
        `role ${role?.roleName} was created meanwhile by someone else \\(its trust policy differs\\)`
      )
    )
    expect(outcome?.done.map((w) => w.op)).not.toContain('CreateRole')
    expect(await roleCount()).toBe(1)
  })
})

describe('GitHub creates whose answer is lost', () => {
  const REF = 'POST /repos/{owner}/{repo}/git/refs'

  it('POST git/refs: the retry finds the branch at this run’s commit and goes on', async () => {
    const clean = server.addRepository({ fullName: 'octo-org/ref-clean', files: EXAMPLE })
    const repo = server.addRepository({ fullName: 'octo-org/ref-lost', files: EXAMPLE })
    await openPullRequest(gitHubApi(server, clean.fullName))
    server.resetRequests()
    server.failNext({ route: REF, kind: 'lost-response' })
    const run = await openPullRequest(gitHubApi(server, repo.fullName))
    expect(server.requests.filter((r) => r.route === REF).map((r) => r.fault)).toEqual([
      'lost-response',
      null
    ])
    expect(run.result).toMatchObject({ operation: 'created', branch: 'created', number: 1 })
    expect(repo.git.readRef('refs/heads/aws-keys-to-oidc')).toBe(run.result.headSha)
    expect(repo.pulls).toHaveLength(1)
    const tree = (r: typeof repo): string =>
      r.git.git(['rev-parse', 'refs/heads/aws-keys-to-oidc^{tree}']).trim()
    expect(tree(repo)).toBe(tree(clean))
  })

  it('POST git/refs refused with the branch not at this run’s commit: a branch conflict', async () => {
    const repo = server.addRepository({ fullName: 'octo-org/ref-refused', files: EXAMPLE })
    server.failNext({ route: REF, kind: 'validation' })
    await expect(openPullRequest(gitHubApi(server, repo.fullName))).rejects.toBeInstanceOf(
      BranchConflictError
    )
    expect(repo.git.readRef('refs/heads/aws-keys-to-oidc')).toBeNull()
    expect(repo.pulls).toHaveLength(0)
  })
})
