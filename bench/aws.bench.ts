/**
 * IAM calls per key pair against the lower bound of its policy graph, measured against moto_server
 * through the real SDK clients (calls counted by an SDK middleware, one count per logical call).
 *
 * The bound per pair: 2 key lookups, GetUser, one call per page of the user's three lists, one
 * per inline document, the lists and documents of groups and managed policies not already read
 * for another pair (GetPolicy + GetPolicyVersion each), GetRole, and for an existing role one
 * call per page of its two lists and per inline document, plus one read per merged policy, and
 * per user the request for its last accessed report (GenerateServiceLastAccessedDetails, issue
 * 18; moto lacks the API, so the report is never polled here: against IAM at least one
 * GetServiceLastAccessedDetails follows). The
 * run as a whole adds GetCallerIdentity, GetAccountSummary, GetOpenIDConnectProvider and one
 * ListRoles page (only when some pair gets a new role); reads/pair leaves these 4 out. Writes are reported for a first run and a re-run (which must be 0).
 */
import {
  CreateUserCommand,
  PutUserPolicyCommand,
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  AttachGroupPolicyCommand,
  CreatePolicyCommand
} from '@aws-sdk/client-iam'
import { inventoryReadBound, KEY_LOOKUP_CALLS, type Known } from '../__fixtures__/aws/call-bound.js'
import { deployUses, REPOSITORY } from '../__fixtures__/aws/findings.js'
import { awsPolicy, seedChaining, seedDeployer, seedOverQuota } from '../__fixtures__/aws/seed.js'
import { countCalls, createAwsClients, type AwsApi } from '../src/aws/clients.js'
import { createInventoryCache, readUserInventory } from '../src/aws/inventory.js'
import { applyAwsPlan } from '../src/aws/apply-plan.js'
import { planAwsMigration } from '../src/aws/gather.js'
import type { AwsPlan, PairRequest } from '../src/aws/plan/plan.js'
import { MOTO_CREDENTIALS, startMoto } from '../test-support/moto.js'
import { report } from './processes.js'

const RUN_LEVEL_READS = 4

const settings = {
  roleName: 'github-{owner}-{repo}-{user}',
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}

interface Scenario {
  readonly name: string
  readonly seed: (api: AwsApi) => Promise<PairRequest[]>
}

async function seedTeam(api: AwsApi, users: number): Promise<PairRequest[]> {
  const { iam } = api
  await iam.send(new CreateGroupCommand({ GroupName: 'team' }))
  await iam.send(
    new AttachGroupPolicyCommand({
      GroupName: 'team',
      PolicyArn: awsPolicy('AmazonS3ReadOnlyAccess')
    })
  )
  const shared = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'team-deploy',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::team/*' }]
      })
    })
  )
  await iam.send(
    new AttachGroupPolicyCommand({ GroupName: 'team', PolicyArn: shared.Policy?.Arn ?? '' })
  )
  const pairs: PairRequest[] = []
  for (let i = 0; i < users; i++) {
    const userName = `member-${i}`
    await iam.send(new CreateUserCommand({ UserName: userName }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'team', UserName: userName }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: 'own',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Resource: `arn:aws:sqs:us-east-1:123456789012:q-${i}`
            }
          ]
        })
      })
    )
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
    const secret = `MEMBER_${i}_KEY_ID`
    pairs.push({
      key: { secretName: secret, accessKeyId: key.AccessKey?.AccessKeyId ?? '' },
      uses: deployUses(secret)
    })
  }
  return pairs
}

const scenarios: Scenario[] = [
  {
    name: 'one user: managed, inline, group policies',
    seed: async (api) => {
      const u = await seedDeployer(api)
      return [
        { key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: u.accessKeyId }, uses: deployUses() }
      ]
    }
  },
  { name: '10 users sharing a group and its policies', seed: (api) => seedTeam(api, 10) },
  {
    name: 'one user over the role quotas (merged policies)',
    seed: async (api) => {
      const u = await seedOverQuota(api)
      return [
        {
          key: { secretName: 'BULKY_KEY_ID', accessKeyId: u.accessKeyId },
          uses: deployUses('BULKY_KEY_ID')
        }
      ]
    }
  },
  {
    name: 'role chaining (keys only assume a role)',
    seed: async (api) => {
      const u = await seedChaining(api)
      const uses = deployUses().map((f) => ({ ...f, roleToAssume: u.roleArn }))
      return [{ key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: u.accessKeyId }, uses }]
    }
  }
]

/** The lower bound of read calls for the plan's pairs, given what IAM holds (read without counting). */
async function readBound(api: AwsApi, plan: AwsPlan): Promise<{ bound: number; runLevel: number }> {
  const known: Known = { groups: new Set(), policies: new Set() }
  const cache = createInventoryCache()
  // ListRoles (roles trusting the users) is read only when some pair gets a new role.
  const newRoles = plan.pairs.some((p) => p.roles.some((r) => r.kind === 'new-role'))
  const runLevel = RUN_LEVEL_READS - (newRoles ? 0 : 1)
  let bound = runLevel
  const reported = new Set<string>()
  for (const pair of plan.pairs) {
    bound += KEY_LOOKUP_CALLS
    for (const role of pair.roles) {
      if (role.kind === 'chained-role') {
        bound += 1 // GetRole of the chained role
        continue
      }
      const inv = await readUserInventory(api, pair.owner?.userName ?? '', cache)
      bound += inventoryReadBound(inv, known)
      if (!reported.has(inv.arn)) bound += 1 // GenerateServiceLastAccessedDetails
      reported.add(inv.arn)
      bound += 1 // GetRole
      if (role.change !== 'create') {
        const inline = role.permissions?.inline.length ?? 0
        bound += 2 + inline // ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy each
      }
      // GetPolicy per merged policy (+ GetPolicyVersion when it exists)
      bound += (role.permissions?.merged.length ?? 0) * (role.change === 'create' ? 1 : 2)
    }
  }
  return { bound, runLevel }
}

export async function bench(): Promise<void> {
  const moto = await startMoto()
  const api = createAwsClients({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: MOTO_CREDENTIALS
  })
  try {
    console.log('scenario | pairs | run | reads | bound | reads/pair | bound/pair | writes')
    for (const scenario of scenarios) {
      await moto.reset()
      const pairs = await scenario.seed(api)
      const request = { pairs, repository: REPOSITORY, settings, now: new Date() }
      for (const run of ['first', 're-run']) {
        const counter = countCalls(api)
        const plan = await planAwsMigration(api, request)
        const reads = counter.total() - counter.writes()
        counter.reset()
        await applyAwsPlan(api, plan)
        const writes = counter.writes()
        const applyReads = counter.total() - writes
        counter.detach()
        const { bound, runLevel } = await readBound(api, plan)
        const n = pairs.length
        console.log(
          `${scenario.name} | ${n} | ${run} | ${reads} | ${bound} | ${((reads - runLevel) / n).toFixed(1)} | ${((bound - runLevel) / n).toFixed(1)} | ${writes}${applyReads ? ` (+${applyReads} reads while applying: waiters, policy versions)` : ''}`
        )
        for (const p of plan.pairs)
          if (p.error) console.log(`  error for ${p.secretName}: ${p.error}`)
        report(
          `iam reads per key pair (${scenario.name}, ${run})`,
          (reads - runLevel) / n,
          'calls',
          { lowerBound: (bound - runLevel) / n, pairs: n, writes },
          (bound - runLevel) / n
        )
      }
    }
  } finally {
    api.iam.destroy()
    api.sts.destroy()
    await moto.stop()
  }
}
