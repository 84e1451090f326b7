/**
 * The demo's flow as a test: the committed bundle dist/index.js, run as the runner runs it
 * (INPUT_* environment, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), against moto and the
 * project's GitHub API server, both on loopback and seeded by the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListRolesCommand
} from '@aws-sdk/client-iam'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Actionlint } from '../../test-support/actionlint.js'
import { runAction, type ActionRun } from '../../test-support/runner.js'
import { migrateInputs, startSandbox, type Sandbox } from '../../test-support/sandbox.js'

const entry = path.resolve('dist/index.js')
const WORKFLOWS = '.github/workflows'

let sandbox: Sandbox
let iam: IAMClient

beforeAll(async () => {
  sandbox = await startSandbox()
  iam = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    }
  })
}, 120_000)

afterAll(async () => {
  iam?.destroy()
  await sandbox?.stop()
})

function migrate(extra: Record<string, string> = {}, token?: string): Promise<ActionRun> {
  return runAction(entry, {
    inputs: migrateInputs(sandbox, {
      ...extra,
      'github-token': token ?? sandbox.env.GITHUB_TOKEN
    }),
    env: { ...sandbox.env }
  })
}

/** `mode: plan` with `keys`, scanning `workingDirectory`, the workspace being this checkout. */
function planWithKeys(workingDirectory: string): Promise<ActionRun> {
  return runAction(entry, {
    inputs: {
      mode: 'plan',
      'working-directory': workingDirectory,
      keys: sandbox.keys,
      'github-token': sandbox.env.GITHUB_TOKEN,
      repository: sandbox.env.GITHUB_REPOSITORY,
      'aws-region': sandbox.env.AWS_REGION
    },
    env: { ...sandbox.env, GITHUB_WORKSPACE: process.cwd() }
  })
}

async function roleNames(): Promise<string[]> {
  const { Roles } = await iam.send(new ListRolesCommand({}))
  return (Roles ?? []).map((r) => r.RoleName ?? '').sort()
}

describe('dist/index.js in migrate mode', () => {
  it('plan mode with keys shows the whole plan and writes nothing', async () => {
    sandbox.github.resetRequests()
    const run = await planWithKeys(path.resolve('examples/legacy-repo'))
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.outputs.plan ?? '{}') as {
      provider: { change: string }
      pairs: {
        roles: {
          change: string
          permissions: { inline: { name: string; changes: Record<string, unknown>[] }[] }
        }[]
      }[]
      pullRequest: { files: string[] } | null
    }
    expect(plan.provider.change).toBe('create')
    expect(plan.pairs[0]?.roles.map((r) => r.change)).toEqual(['create'])
    // The user's inline policy uses ${aws:username}: the copy says what it changed (issue 19).
    const inline = plan.pairs[0]?.roles[0]?.permissions.inline ?? []
    expect(inline.find((p) => p.name === 'from-user.site')?.changes).toEqual([
      {
        kind: 'username-made-literal',
        source: 'user legacy-deployer inline policy site',
        statement: 'statement OwnPrefix',
        before: 'arn:aws:s3:::home-bucket/${aws:username}/*',
        after: 'arn:aws:s3:::home-bucket/legacy-deployer/*'
      }
    ])
    expect(inline.find((p) => p.name !== 'from-user.site')?.changes).toEqual([])
    expect(run.summary).toContain(
      '- user legacy-deployer inline policy site: put as inline policy from-user.site (${aws:username} made literal)'
    )
    expect(run.summary).toContain(
      '  - user legacy-deployer inline policy site, statement OwnPrefix: ${aws:username} made literal: `arn:aws:s3:::home-bucket/${aws:username}/*` → `arn:aws:s3:::home-bucket/legacy-deployer/*`'
    )
    expect(plan.pullRequest?.files).toHaveLength(2)
    expect(run.outputs['findings-count']).toBe('3')
    // One annotation per finding, not a second one for the plan's follow-ups.
    expect(run.commands.filter((c) => c.command === 'warning')).toHaveLength(3)
    expect(run.outputs['pull-request-number']).toBeUndefined()
    expect(run.summary).toContain('Planned only: nothing was created or changed')
    expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
    expect(await roleNames()).toEqual([])
    const providers = await iam.send(new ListOpenIDConnectProvidersCommand({}))
    expect(providers.OpenIDConnectProviderList ?? []).toEqual([])
  }, 120_000)

  it('plan mode with keys on a folder that is not the repository: each summary names its files', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'not-the-repo-'))
    try {
      const run = await planWithKeys(elsewhere)
      expect(run.code).toBe(0)
      expect(run.outputs['findings-count']).toBe('0')
      expect(run.summary).toContain(`Scanned: the workflow files under \`${elsewhere}\`.`)
      expect(run.summary).not.toContain('Nothing to migrate')
      expect(run.summary).toContain(
        `Workflow files of \`${sandbox.env.GITHUB_REPOSITORY}\` read through the GitHub API`
      )
      const plan = JSON.parse(run.outputs.plan ?? '{}') as { pullRequest: { files: string[] } }
      expect(plan.pullRequest.files).toHaveLength(2)
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  }, 120_000)

  it('creates the provider and the role, opens the pull request, and sets every output', async () => {
    const run = await migrate()
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)

    // Outputs.
    const roleArns = JSON.parse(run.outputs['role-arns'] ?? '{}') as Record<string, string>
    expect(Object.keys(roleArns)).toEqual(['AWS_ACCESS_KEY_ID'])
    const roleArn = roleArns.AWS_ACCESS_KEY_ID!
    const roleName = roleArn.split('/').pop()!
    expect(roleArn).toBe(
      `arn:aws:iam::123456789012:role/github-actions/github-octo-org-legacy-repo-${sandbox.keyOwner.userName}`
    )
    expect(run.outputs['pull-request-number']).toBe('1')
    expect(run.outputs['pull-request-url']).toBe(
      `${sandbox.env.GITHUB_API_URL}/${sandbox.env.GITHUB_REPOSITORY}/pull/1`
    )
    expect(run.outputs['pull-request-operation']).toBe('created')
    const plan = JSON.parse(run.outputs.plan ?? '{}') as {
      pairs: { secretName: string; user: string; roles: { roleArn: string; change: string }[] }[]
      pullRequest: { files: string[] }
      followUps: { file: string }[]
    }
    expect(plan.pairs).toEqual([
      expect.objectContaining({
        secretName: 'AWS_ACCESS_KEY_ID',
        user: sandbox.keyOwner.userName,
        roles: [expect.objectContaining({ roleArn, change: 'create' })]
      })
    ])
    expect(plan.pullRequest.files).toEqual([`${WORKFLOWS}/ci.yml`, `${WORKFLOWS}/deploy.yml`])
    expect(plan.followUps.map((f) => f.file)).toEqual([`${WORKFLOWS}/nightly.yml`])
    // The access key id never appears unmasked in the plan.
    expect(run.outputs.plan).not.toContain(sandbox.keyOwner.accessKeyId)
    expect(run.summary).not.toContain(sandbox.keyOwner.accessKeyId)

    // AWS: the provider and a role that trusts exactly the intended jobs, with the user's permissions.
    const providers = await iam.send(new ListOpenIDConnectProvidersCommand({}))
    expect(providers.OpenIDConnectProviderList?.map((p) => p.Arn)).toEqual([
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    ])
    const role = await iam.send(new GetRoleCommand({ RoleName: roleName }))
    const trust = JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')) as {
      Statement: {
        Principal: { Federated: string }
        Action: string
        Condition: Record<string, Record<string, string | string[]>>
      }[]
    }
    const statement = trust.Statement[0]!
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity')
    expect(statement.Principal.Federated).toBe(
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    )
    expect(statement.Condition.StringEquals!['token.actions.githubusercontent.com:aud']).toBe(
      'sts.amazonaws.com'
    )
    expect(
      [statement.Condition.StringLike!['token.actions.githubusercontent.com:sub']].flat().sort()
    ).toEqual([
      'repo:octo-org/legacy-repo:environment:production',
      'repo:octo-org/legacy-repo:pull_request',
      'repo:octo-org/legacy-repo:ref:refs/heads/main',
      'repo:octo-org/legacy-repo:ref:refs/heads/release/*'
    ])
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))
    expect(attached.AttachedPolicies?.map((p) => p.PolicyArn).sort()).toEqual(
      [
        'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess',
        'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        `arn:aws:iam::123456789012:policy/${sandbox.keyOwner.userName}-deploy-s3`
      ].sort()
    )
    const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))
    expect(inline.PolicyNames?.length).toBe(2)

    // GitHub: one pull request whose branch changes exactly the two rewritten workflows.
    const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
    expect(repo.pulls).toHaveLength(1)
    const pull = repo.pulls[0]!
    expect(pull.base).toBe('main')
    // The body is public to everyone who can read the repository: no key id in it.
    expect(pull.body).toContain(roleArn)
    expect(pull.body).not.toContain(sandbox.keyOwner.accessKeyId)
    const diff = repo.pullRequestDiff(1)
    expect([...diff.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1])).toEqual([
      `${WORKFLOWS}/ci.yml`,
      `${WORKFLOWS}/deploy.yml`
    ])
    const linter = new Actionlint()
    for (const file of ['ci.yml', 'deploy.yml']) {
      const after = repo.readFile(`${WORKFLOWS}/${file}`, pull.head) ?? ''
      expect(after).toContain(`role-to-assume: ${roleArn}`)
      expect(after).toContain('id-token: write')
      expect(after).not.toMatch(/secrets\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)/)
      expect(await linter.lint(after, file)).toEqual([])
    }
    expect(repo.readFile(`${WORKFLOWS}/nightly.yml`, pull.head)).toBe(
      repo.readFile(`${WORKFLOWS}/nightly.yml`)
    )

    // The job summary: what was done, then the plan a person reviews.
    expect(run.summary).toContain('### What was done')
    expect(run.summary).toContain(`Pull request [#1](`)
    expect(run.summary).toContain(`### Role \`${roleName}\` (create)`)
    expect(run.summary).toContain('```diff')
    expect(run.summary).toContain('nightly.yml:16')
    expect(sandbox.github.violations).toEqual([])
  }, 120_000)

  it('converges: a re-run with the same inputs makes no write on AWS or GitHub', async () => {
    const rolesBefore = await roleNames()
    sandbox.github.resetRequests()
    const run = await migrate()
    expect(run.code).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('unchanged')
    expect(run.outputs['pull-request-number']).toBe('1')
    expect(run.stdout).not.toMatch(/^AWS: /m)
    expect(run.summary).toContain('AWS: nothing to change')
    expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
    expect(await roleNames()).toEqual(rolesBefore)
    expect(sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY).pulls).toHaveLength(1)
    expect(sandbox.github.violations).toEqual([])
  }, 120_000)

  it('a key that cannot be migrated: a warning in plan mode, a failure at the end of migrate', async () => {
    // A keys line whose key id IAM does not know; the other pair goes on.
    const keys = `${sandbox.keys}\nSTAGING_AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`
    const plan = await runAction(entry, {
      inputs: {
        mode: 'plan',
        'working-directory': path.resolve('examples/legacy-repo'),
        keys,
        'github-token': sandbox.env.GITHUB_TOKEN,
        repository: sandbox.env.GITHUB_REPOSITORY,
        'aws-region': sandbox.env.AWS_REGION
      },
      env: { ...sandbox.env, GITHUB_WORKSPACE: process.cwd() }
    })
    expect(plan.code).toBe(0)
    expect(plan.stdout).toMatch(/::warning::Cannot be migrated: STAGING_AWS_ACCESS_KEY_ID: /)
    const run = await migrate({ keys })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::The migration is incomplete: STAGING_AWS_ACCESS_KEY_ID: /)
    // The key id is only ever handed to the runner to mask.
    const unmasked = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(unmasked.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE')
    // The other pair went on: its role exists and its pull request is there.
    expect(run.outputs['pull-request-url']).toMatch(/\/pull\/\d+$/)
    expect(Object.keys(JSON.parse(run.outputs['role-arns'] ?? '{}') as object)).toEqual([
      'AWS_ACCESS_KEY_ID'
    ])
  }, 120_000)

  it('a re-run with another role name updates the same pull request', async () => {
    const run = await migrate({ 'role-name': 'gha-{repo}-{user}' })
    expect(run.code).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('updated')
    const arn = (JSON.parse(run.outputs['role-arns'] ?? '{}') as Record<string, string>)
      .AWS_ACCESS_KEY_ID
    expect(arn).toMatch(/:role\/github-actions\/gha-legacy-repo-/)
    const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
    expect(repo.pulls).toHaveLength(1)
    expect(repo.readFile(`${WORKFLOWS}/deploy.yml`, repo.pulls[0]!.head)).toContain(
      `role-to-assume: ${arn}`
    )
  }, 120_000)

  it('without AWS credentials: a message naming the step to add, nothing written', async () => {
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...env } = sandbox.env
    const home = mkdtempSync(path.join(os.tmpdir(), 'no-aws-'))
    sandbox.github.resetRequests()
    try {
      const run = await runAction(entry, {
        inputs: {
          mode: 'migrate',
          keys: sandbox.keys,
          'github-token': sandbox.env.GITHUB_TOKEN,
          repository: sandbox.env.GITHUB_REPOSITORY
        },
        // No credentials anywhere: no keys, no profile files, no instance metadata.
        env: { ...env, HOME: home, AWS_EC2_METADATA_DISABLED: 'true' }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /::error::could not build the migration plan: could not identify the AWS credentials .*Set administrator credentials before this step, e\.g\. with aws-actions\/configure-aws-credentials/
      )
      expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  }, 120_000)

  it('refuses a personal access token without the workflow scope before any write', async () => {
    const token = 'ghp_classicwithoutworkflowscope000000000000'
    sandbox.github.addToken(token, { kind: 'classic', scopes: ['repo'] })
    const rolesBefore = await roleNames()
    sandbox.github.resetRequests()
    const run = await migrate({ 'role-name': 'never-{user}' }, token)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toMatch(/::error::.*the `workflow` scope/)
    expect(run.stdout).toContain('create-github-app-token')
    expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
    expect(await roleNames()).toEqual(rolesBefore)
  }, 120_000)

  it('names the token needed when GitHub refuses to push workflow files (GITHUB_TOKEN)', async () => {
    // An installation token's permissions cannot be read before writing: GitHub refuses the
    // push, the roles (unused until a merge) stay, and no pull request is opened.
    const token = 'ghs_githubtokenwithoutworkflows00000000000'
    sandbox.github.addToken(token, {
      kind: 'installation',
      githubActions: true,
      permissions: {
        metadata: 'read',
        contents: 'write',
        pull_requests: 'write',
        actions: 'read',
        administration: 'read'
      }
    })
    const branch = 'aws-keys-to-oidc-refused'
    const run = await migrate({ branch }, token)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toMatch(/::error::.*pull request: .*workflows/)
    expect(run.stdout).toContain('create-github-app-token')
    expect(run.summary).toContain('### Not done')
    const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
    expect(repo.pulls.filter((p) => p.head === branch)).toEqual([])
    expect(repo.git.readRef(`refs/heads/${branch}`)).toBeNull()
  }, 120_000)

  it('says what was not done when the pull request fails, and a re-run completes it', async () => {
    const branch = 'aws-keys-to-oidc-retry'
    sandbox.github.failNext({ route: 'POST /repos/{owner}/{repo}/pulls', kind: 'validation' })
    const first = await migrate({ branch, 'role-name': 'retry-{user}' })
    expect(first.code).not.toBe(0)
    expect(first.summary).toContain('### Not done')
    expect(first.summary).toMatch(/- pull request: /)
    expect(first.outputs['pull-request-number']).toBe('')
    // The role exists already; the next run only opens the pull request.
    expect(await roleNames()).toContain(`retry-${sandbox.keyOwner.userName}`)
    const second = await migrate({ branch, 'role-name': 'retry-{user}' })
    expect(second.code).toBe(0)
    expect(second.summary).toContain('AWS: nothing to change')
    expect(second.outputs['pull-request-operation']).toBe('created')
    const pulls = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY).pulls
    expect(pulls.filter((p) => p.head === branch)).toHaveLength(1)
  }, 120_000)
})
