/**
 * The AWS side end to end against moto_server on loopback, through the real SDK clients: plan,
 * apply, read back what IAM holds, and a second run that writes nothing (counted by an SDK
 * middleware). Moto checks neither trust policies nor quotas: the trust policies are checked with
 * the independent evaluator in trust-policy.test.ts, the quotas by the code from GetAccountSummary.
 */
import { describe, expect, it } from '@jest/globals'
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { deployUses, keyUse, REPOSITORY, trigger } from '../../__fixtures__/aws/findings.js'
import {
  awsPolicy,
  seedChaining,
  seedDeployer,
  seedOtherAccountKey,
  seedOverQuota
} from '../../__fixtures__/aws/seed.js'
import { countCalls } from '../../src/aws/clients.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { gatherAwsFacts, planAwsMigration } from '../../src/aws/gather.js'
import {
  planAws,
  type AwsMigrationRequest,
  type AwsSettings,
  type PairRequest
} from '../../src/aws/plan/plan.js'
import { parsePolicyDocument, policySize, samePolicy } from '../../src/aws/plan/policy-document.js'
import { TRUST_STATEMENT_SID } from '../../src/aws/plan/trust-policy.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { injectUserBoundary } from './support/moto-gaps.js'

const settings: AwsSettings = {
  roleName: 'github-{owner}-{repo}-{user}',
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}

const { moto, api } = useMoto()

function request(pairs: PairRequest[], overrides: Partial<AwsSettings> = {}): AwsMigrationRequest {
  return {
    pairs,
    repository: REPOSITORY,
    settings: { ...settings, ...overrides },
    now: new Date('2026-01-02T03:04:05Z')
  }
}

async function migrate(req: AwsMigrationRequest) {
  const plan = await planAwsMigration(api, req)
  const result = await applyAwsPlan(api, plan)
  return { plan, result }
}

async function roleInIam(roleName: string) {
  const role = (await api.iam.send(new GetRoleCommand({ RoleName: roleName }))).Role
  const attached = (
    await api.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))
  ).AttachedPolicies?.map((a) => a.PolicyArn ?? '')
  const names =
    (await api.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames ?? []
  const inline = new Map<string, ReturnType<typeof parsePolicyDocument>>()
  for (const name of names) {
    const r = await api.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
    inline.set(name, parsePolicyDocument(r.PolicyDocument ?? '', name))
  }
  return {
    role,
    trust: parsePolicyDocument(role?.AssumeRolePolicyDocument ?? '', 'trust'),
    attached: [...(attached ?? [])].sort(),
    inline
  }
}

describe('a user with managed, inline and group policies, a boundary and tags', () => {
  it('becomes a role with the same permissions, and a second run writes nothing', async () => {
    const user = await seedDeployer(api)
    const removeGap = injectUserBoundary(api, user.userName, user.boundaryArn)
    try {
      const req = request([
        {
          key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId },
          uses: deployUses()
        }
      ])
      const { plan, result } = await migrate(req)

      expect(plan.accounts.map((a) => a.provider.change)).toEqual(['create'])
      const pair = plan.pairs[0]
      expect(pair?.error).toBeNull()
      expect(pair?.owner).toMatchObject({ userName: 'deployer', accountId: '123456789012' })
      const role = pair?.roles[0]
      expect(role?.kind).toBe('new-role')
      expect(role?.change).toBe('create')
      expect(role?.roleName).toBe('github-octo-org-octo-repo-deployer')
      expect(role?.roleArn).toBe(
        'arn:aws:iam::123456789012:role/github-actions/github-octo-org-octo-repo-deployer'
      )
      // managed policies of user and group, deduplicated, with their sources
      expect(role?.permissions?.attach).toEqual([
        { arn: awsPolicy('AmazonEC2ReadOnlyAccess'), awsManaged: true, sources: ['user deployer'] },
        {
          arn: awsPolicy('AmazonS3ReadOnlyAccess'),
          awsManaged: true,
          sources: ['group deployer-developers']
        },
        {
          arn: 'arn:aws:iam::123456789012:policy/deployer-deploy-s3',
          awsManaged: false,
          sources: ['user deployer', 'group deployer-developers']
        }
      ])
      expect(role?.permissions?.inline.map((p) => p.name)).toEqual([
        'from-user.site',
        'from-group.deployer-developers.logs'
      ])
      expect(JSON.stringify(role?.permissions?.inline[0]?.document)).toContain(
        'arn:aws:s3:::home-bucket/deployer/*'
      )
      expect(role?.warnings.join('\n')).toMatch(/OfficeOnly.*aws:SourceIp/)
      expect(role?.boundaryArn).toBe(user.boundaryArn)
      expect(result.providers.map((p) => ({ writes: p.writes, error: p.error }))).toEqual([
        { writes: ['CreateOpenIDConnectProvider'], error: null }
      ])
      expect(result.roles.get(role?.roleArn ?? '')?.error).toBeNull()
      expect(result.roleArns).toEqual({ AWS_ACCESS_KEY_ID: role?.roleArn })

      // What IAM holds now
      const held = await roleInIam('github-octo-org-octo-repo-deployer')
      expect(held.role?.Path).toBe('/github-actions/')
      expect(held.role?.MaxSessionDuration).toBe(3600)
      expect(held.role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(user.boundaryArn)
      expect(samePolicy(held.trust, role?.trust.document ?? { Statement: [] })).toBe(true)
      // `v*` does not cross '/': its own statement excludes `v*/*` (issue 10).
      expect(held.trust.Statement.map((s) => s.Condition)).toEqual([
        {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:repository_id': '2002',
            'token.actions.githubusercontent.com:sub': [
              'repo:octo-org/octo-repo:environment:production',
              'repo:octo-org/octo-repo:pull_request',
              'repo:octo-org/octo-repo:ref:refs/heads/main'
            ]
          }
        },
        {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:repository_id': '2002'
          },
          StringLike: {
            'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/tags/v*'
          },
          StringNotLike: {
            'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/tags/v*/*'
          }
        }
      ])
      expect(held.attached).toEqual(
        [
          'arn:aws:iam::123456789012:policy/deployer-deploy-s3',
          awsPolicy('AmazonEC2ReadOnlyAccess'),
          awsPolicy('AmazonS3ReadOnlyAccess')
        ].sort()
      )
      expect([...held.inline.keys()].sort()).toEqual([
        'from-group.deployer-developers.logs',
        'from-user.site'
      ])
      const tags = Object.fromEntries((held.role?.Tags ?? []).map((t) => [t.Key, t.Value]))
      expect(tags).toMatchObject({
        team: 'platform',
        'cost-center': '42',
        'aws-keys-to-oidc:managed-by': 'aws-keys-to-oidc',
        'aws-keys-to-oidc:source-user': 'deployer',
        'aws-keys-to-oidc:source-key-last4': user.accessKeyId.slice(-4),
        'aws-keys-to-oidc:repository': 'octo-org/octo-repo',
        'aws-keys-to-oidc:repository-id': '2002',
        'aws-keys-to-oidc:workflows': '.github/workflows/ci.yml .github/workflows/deploy.yml',
        'aws-keys-to-oidc:created-at': '2026-01-02T03:04:05.000Z'
      })

      // Second run, later: nothing to write, and nothing written.
      const counter = countCalls(api)
      const again = await migrate({ ...req, now: new Date('2026-02-01T00:00:00Z') })
      counter.detach()
      expect(again.plan.accounts.map((a) => a.provider.change)).toEqual(['unchanged'])
      expect(again.plan.pairs[0]?.roles[0]?.change).toBe('unchanged')
      expect(again.plan.pairs[0]?.roles[0]?.writes).toEqual([])
      expect(counter.writeLog()).toEqual([])
      expect(counter.total()).toBeGreaterThan(0)
    } finally {
      removeGap()
    }
  })

  it('updates only the trust policy when the workflows change, and only what it made when the user changes', async () => {
    const user = await seedDeployer(api)
    const key = { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId }
    await migrate(request([{ key, uses: deployUses() }]))
    const roleName = 'github-octo-org-octo-repo-deployer'

    // Another job now uses the key, in environment staging.
    const uses = [
      ...deployUses(),
      keyUse({
        file: '.github/workflows/stage.yml',
        job: 'stage',
        triggers: [trigger('workflow_dispatch')],
        environment: 'staging'
      })
    ]
    let counter = countCalls(api)
    const changed = await migrate(request([{ key, uses }]))
    counter.detach()
    expect(changed.plan.pairs[0]?.roles[0]?.change).toBe('update')
    expect(counter.writeLog()).toEqual(['UpdateAssumeRolePolicy', 'TagRole'])
    const held = await roleInIam(roleName)
    expect(JSON.stringify(held.trust)).toContain('repo:octo-org/octo-repo:environment:staging')

    // Someone attaches a policy and puts an inline policy by hand; the user loses a policy and
    // gains an inline one. Only what the action made follows the user.
    await api.iam.send(
      new AttachRolePolicyCommand({
        RoleName: roleName,
        PolicyArn: awsPolicy('AmazonSQSReadOnlyAccess')
      })
    )
    await api.iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'hand-made',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }]
        })
      })
    )
    await api.iam.send(
      new DetachUserPolicyCommand({
        UserName: 'deployer',
        PolicyArn: awsPolicy('AmazonEC2ReadOnlyAccess')
      })
    )
    await api.iam.send(
      new PutUserPolicyCommand({
        UserName: 'deployer',
        PolicyName: 'extra',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]
        })
      })
    )
    counter = countCalls(api)
    await migrate(request([{ key, uses }]))
    counter.detach()
    // The record of attached policies shrinks only after the detach (issue 10 §4).
    expect(counter.writeLog()).toEqual(['DetachRolePolicy', 'PutRolePolicy', 'TagRole'])
    const after = await roleInIam(roleName)
    expect(after.attached).toEqual(
      [
        'arn:aws:iam::123456789012:policy/deployer-deploy-s3',
        awsPolicy('AmazonS3ReadOnlyAccess'),
        awsPolicy('AmazonSQSReadOnlyAccess')
      ].sort()
    )
    expect([...after.inline.keys()].sort()).toEqual([
      'from-group.deployer-developers.logs',
      'from-user.extra',
      'from-user.site',
      'hand-made'
    ])
  })
})

describe('two keys of the same user', () => {
  it('share one role whose trust admits the jobs of both', async () => {
    const user = await seedDeployer(api)
    const second = await api.iam.send(new CreateAccessKeyCommand({ UserName: 'deployer' }))
    const nightly = keyUse({
      file: '.github/workflows/nightly.yml',
      job: 'sync',
      triggers: [trigger('schedule')],
      secretId: 'NIGHTLY_KEY_ID'
    })
    const req = request([
      {
        key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId },
        uses: deployUses()
      },
      {
        key: { secretName: 'NIGHTLY_KEY_ID', accessKeyId: second.AccessKey?.AccessKeyId ?? '' },
        uses: [nightly]
      }
    ])
    const counter = countCalls(api)
    const { plan, result } = await migrate(req)
    counter.detach()
    const [a, b] = plan.pairs
    expect(a?.roles[0]).toBe(b?.roles[0])
    expect(a?.roles[0]?.trust.subjects).toEqual([
      'repo:octo-org/octo-repo:environment:production',
      'repo:octo-org/octo-repo:pull_request',
      'repo:octo-org/octo-repo:ref:refs/heads/main',
      'repo:octo-org/octo-repo:ref:refs/tags/v*'
    ])
    expect(
      a?.roles[0]?.subjects.find((s) => s.pattern.endsWith('refs/heads/main'))?.sources
    ).toContain('.github/workflows/nightly.yml (job sync): schedule (default branch)')
    expect(result.roles.size).toBe(1)
    expect(result.roleArns).toEqual({
      AWS_ACCESS_KEY_ID: a?.roles[0]?.roleArn,
      NIGHTLY_KEY_ID: a?.roles[0]?.roleArn
    })
    expect(counter.calls.get('GetRole')).toBe(2) // one read for both pairs, one by the waiter after CreateRole
    expect(counter.calls.get('CreateRole')).toBe(1)
  })
})

describe('a user over the role quotas', () => {
  it('gets customer-managed and inline documents merged into few managed policies', async () => {
    const user = await seedOverQuota(api)
    const req = request([
      {
        key: { secretName: 'BULKY_KEY_ID', accessKeyId: user.accessKeyId },
        uses: deployUses('BULKY_KEY_ID')
      }
    ])
    const { plan, result } = await migrate(req)
    const role = plan.pairs[0]?.roles[0]
    expect(plan.pairs[0]?.error).toBeNull()
    const merged = role?.permissions?.merged ?? []
    expect(merged.length).toBeGreaterThan(0)
    for (const m of merged) expect(policySize(m.document)).toBeLessThanOrEqual(6144)
    expect(role?.permissions?.attach.map((a) => a.arn)).toEqual([
      awsPolicy('AmazonS3ReadOnlyAccess'),
      awsPolicy('AmazonSQSReadOnlyAccess')
    ])
    expect(result.roles.get(role?.roleArn ?? '')?.error).toBeNull()

    const held = await roleInIam(role?.roleName ?? '')
    expect(held.attached.length).toBeLessThanOrEqual(10)
    const inlineSize = [...held.inline.values()].reduce((n, d) => n + policySize(d), 0)
    expect(inlineSize).toBeLessThanOrEqual(10240)
    // Every statement of the user's documents is in the role's documents, once.
    const roleStatements = [...held.inline.values()].flatMap((d) => d.Statement)
    for (const m of merged) {
      const p = (await api.iam.send(new GetPolicyCommand({ PolicyArn: m.arn }))).Policy
      expect(p?.Tags).toEqual(
        expect.arrayContaining([{ Key: 'aws-keys-to-oidc:managed-by', Value: 'aws-keys-to-oidc' }])
      )
      const v = await api.iam.send(
        new GetPolicyVersionCommand({ PolicyArn: m.arn, VersionId: p?.DefaultVersionId ?? 'v1' })
      )
      roleStatements.push(...parsePolicyDocument(v.PolicyVersion?.Document ?? '', m.arn).Statement)
    }
    const resources = roleStatements.map((s) => String(s.Resource)).sort()
    const expected = [
      ...Array.from(
        { length: 12 },
        (_, i) => `arn:aws:dynamodb:us-east-1:123456789012:table/table-${i + 1}`
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        Array.from(
          { length: 24 },
          (_, j) => `arn:aws:sqs:us-east-1:123456789012:queue-${i + 1}-${j}`
        )
      ).flat()
    ].sort()
    expect(resources).toEqual(expected)

    const counter = countCalls(api)
    await migrate(req)
    counter.detach()
    expect(counter.writeLog()).toEqual([])
  })

  it('fails for that pair alone when even merging cannot fit', async () => {
    const user = await seedOverQuota(api)
    const good = await seedDeployer(api)
    // A role allowed only one managed policy cannot hold two AWS-managed ones.
    const req = request([
      {
        key: { secretName: 'BULKY_KEY_ID', accessKeyId: user.accessKeyId },
        uses: deployUses('BULKY_KEY_ID')
      },
      {
        key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: good.accessKeyId },
        uses: deployUses()
      }
    ])
    const facts = await gatherAwsFacts(api, req)
    expect(facts.quotas.attachedPoliciesPerRole).toBe(10)
    expect(planAws(facts, req).pairs.map((p) => p.error)).toEqual([null, null])
    const tight = planAws(
      { ...facts, quotas: { ...facts.quotas, attachedPoliciesPerRole: 2 } },
      req
    )
    expect(tight.pairs[0]?.error).toMatch(/more than the 2 managed policies a role may have/)
    expect(tight.pairs[1]?.error).toMatch(/more than the 2 managed policies/)
    const roomy = planAws(
      { ...facts, quotas: { ...facts.quotas, attachedPoliciesPerRole: 3 } },
      req
    )
    expect(roomy.pairs[0]?.error).toMatch(/more than the 3/)
    expect(roomy.pairs[1]?.error).toBeNull()
  })
})

describe('role chaining', () => {
  it('adds a GitHub trust statement to the assumed role, keeps its statements, creates no role', async () => {
    const user = await seedChaining(api)
    const uses = [
      keyUse({
        file: '.github/workflows/deploy.yml',
        job: 'deploy',
        triggers: [trigger('push', { branches: ['main'] })],
        roleToAssume: user.roleArn
      })
    ]
    const req = request([
      { key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId }, uses }
    ])
    const { plan, result } = await migrate(req)
    const role = plan.pairs[0]?.roles[0]
    expect(plan.pairs[0]?.roles).toHaveLength(1)
    expect(role?.kind).toBe('chained-role')
    expect(role?.roleArn).toBe(user.roleArn)
    expect(role?.writes.map((w) => w.op)).toEqual(['UpdateAssumeRolePolicy'])
    expect(result.roleArns).toEqual({ AWS_ACCESS_KEY_ID: user.roleArn })
    const trust = parsePolicyDocument(
      (await api.iam.send(new GetRoleCommand({ RoleName: 'assumer-deploy-target' }))).Role
        ?.AssumeRolePolicyDocument ?? '',
      'trust'
    )
    expect(trust.Statement[0]).toEqual(user.trust.Statement[0])
    expect(trust.Statement[1]?.Sid).toBe(TRUST_STATEMENT_SID)
    expect(JSON.stringify(trust.Statement[1])).toContain(
      'repo:octo-org/octo-repo:ref:refs/heads/main'
    )
    await expect(
      api.iam.send(new GetRoleCommand({ RoleName: 'github-octo-org-octo-repo-assumer' }))
    ).rejects.toThrow()

    const counter = countCalls(api)
    await migrate(req)
    counter.detach()
    expect(counter.writeLog()).toEqual([])
  })
})

describe('keys that cannot be migrated', () => {
  it('reports a key of another account and a deleted key per pair; the other pairs go on', async () => {
    const good = await seedDeployer(api)
    const other = await seedOtherAccountKey(api, moto.endpoint)
    const req = request([
      {
        key: { secretName: 'OTHER_ACCOUNT_KEY', accessKeyId: other.accessKeyId },
        uses: deployUses('OTHER_ACCOUNT_KEY')
      },
      {
        key: { secretName: 'GONE_KEY', accessKeyId: 'AKIAIOSFODNN7GONE000' },
        uses: deployUses('GONE_KEY')
      },
      {
        key: { secretName: 'SESSION_KEY', accessKeyId: 'ASIAIOSFODNN7SESSION' },
        uses: deployUses('SESSION_KEY')
      },
      {
        key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: good.accessKeyId },
        uses: deployUses()
      }
    ])
    const { plan, result } = await migrate(req)
    expect(plan.pairs.map((p) => [p.secretName, p.error])).toEqual([
      [
        'OTHER_ACCOUNT_KEY',
        expect.stringMatching(/belongs to AWS account 210987654321.*account 123456789012/)
      ],
      ['GONE_KEY', expect.stringMatching(/does not exist in account 123456789012/)],
      ['SESSION_KEY', expect.stringMatching(/temporary \(session\) key/)],
      ['AWS_ACCESS_KEY_ID', null]
    ])
    for (const p of plan.pairs) expect(p.error ?? '').not.toContain(p.accessKeyId)
    expect(Object.keys(result.roleArns)).toEqual(['AWS_ACCESS_KEY_ID'])
  })
})
