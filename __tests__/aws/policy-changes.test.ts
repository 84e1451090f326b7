/**
 * Every change a copy makes to a document is said (issue 19): `${aws:username}` made literal in a
 * user's inline, a group's inline and a customer-managed policy, statements merged into a merged
 * policy and Sids renamed there, each with its source and before/after; a document copied as is
 * has no change. Pure planning over hand-made inventories, then the renderers.
 */
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_QUOTAS, type ManagedPolicy, type UserInventory } from '../../src/aws/plan/facts.js'
import { changedDocuments, planPermissions } from '../../src/aws/plan/permissions.js'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { describePolicyChange, policyChangeLines } from '../../src/report/policy-changes.js'

const ACCOUNT = '123456789012'

const doc = (...statements: object[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements.map((s) => ({ Effect: 'Allow', ...s }))
})

function managed(name: string, document: PolicyDocument): ManagedPolicy {
  return {
    arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
    name,
    path: '/',
    awsManaged: false,
    defaultVersionId: 'v1',
    document
  }
}

const home = managed(
  'home',
  doc({ Sid: 'Home', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' })
)
const plain = managed('plain', doc({ Action: 'sqs:SendMessage', Resource: '*' }))

function inventory(overrides: Partial<UserInventory> = {}): UserInventory {
  return {
    name: 'deployer',
    arn: `arn:aws:iam::${ACCOUNT}:user/deployer`,
    id: 'AIDAEXAMPLE',
    path: '/',
    tags: [],
    boundaryArn: null,
    attached: [home.arn, plain.arn],
    inline: [
      {
        name: 'home-prefix',
        document: doc(
          {
            Action: 's3:ListBucket',
            Resource: 'arn:aws:s3:::scratch',
            Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } }
          },
          {
            Sid: 'Objects',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::scratch/${aws:username}/*', 'arn:aws:s3:::shared/*']
          }
        )
      },
      { name: 'site', document: doc({ Action: 'lambda:UpdateFunctionCode', Resource: '*' }) }
    ],
    groups: [
      {
        name: 'devs',
        attached: [],
        inline: [
          {
            name: 'logs',
            document: doc({
              Sid: 'Objects',
              Action: 'logs:PutLogEvents',
              Resource: 'arn:aws:logs:*:*:log-group:${aws:username}'
            })
          }
        ]
      }
    ],
    policies: new Map([home, plain].map((p) => [p.arn, p])),
    ...overrides
  }
}

const input = {
  inventory: inventory(),
  quotas: DEFAULT_QUOTAS,
  roleName: 'r',
  rolePath: '/github-actions/',
  accountId: ACCOUNT,
  partition: 'aws',
  foreignAttached: 0,
  foreignInlineSize: 0
}

describe('changes made to copied documents', () => {
  const plan = planPermissions(input)
  const inline = (name: string) => plan.inline.find((p) => p.name === name)

  it("a user's inline policy: each value with ${aws:username} made literal, before and after", () => {
    expect(inline('from-user.home-prefix')?.changes).toEqual([
      {
        kind: 'username-made-literal',
        source: 'user deployer inline policy home-prefix',
        statement: 'statement 1',
        before: '${aws:username}/*',
        after: 'deployer/*'
      },
      {
        kind: 'username-made-literal',
        source: 'user deployer inline policy home-prefix',
        statement: 'statement Objects',
        before: 'arn:aws:s3:::scratch/${aws:username}/*',
        after: 'arn:aws:s3:::scratch/deployer/*'
      }
    ])
    expect(plan.copies).toContain(
      'user deployer inline policy home-prefix: put as inline policy from-user.home-prefix (${aws:username} made literal)'
    )
  })

  it("a group's inline and a customer-managed policy are marked the same way", () => {
    expect(inline('from-group.devs.logs')?.changes).toEqual([
      {
        kind: 'username-made-literal',
        source: 'group devs inline policy logs',
        statement: 'statement Objects',
        before: 'arn:aws:logs:*:*:log-group:${aws:username}',
        after: 'arn:aws:logs:*:*:log-group:deployer'
      }
    ])
    const copied = plan.inline.find((p) => p.source === `managed policy ${home.arn}`)
    expect(copied?.changes).toEqual([
      expect.objectContaining({
        kind: 'username-made-literal',
        before: 'arn:aws:s3:::home/${aws:username}/*',
        after: 'arn:aws:s3:::home/deployer/*'
      })
    ])
    expect(plan.copies).toContain(
      `managed policy ${home.arn}: put as inline policy ${copied?.name} (\${aws:username} made literal)`
    )
  })

  it('a document copied as is has no change and is not listed', () => {
    expect(inline('from-user.site')?.changes).toEqual([])
    expect(plan.attach.map((a) => a.arn)).toEqual([plain.arn])
    expect(changedDocuments(plan).map((d) => `${d.kind} ${d.name}`)).toEqual([
      'inline from-policy.home',
      'inline from-user.home-prefix',
      'inline from-group.devs.logs'
    ])
  })

  it('a merged policy lists every source merged in, the literal values it carries and the Sids renamed', () => {
    // One managed policy per role and a tiny inline budget: everything merges into one policy.
    const tight = planPermissions({
      ...input,
      quotas: { ...DEFAULT_QUOTAS, attachedPoliciesPerRole: 1, rolePolicySize: 10 }
    })
    expect(tight.inline).toEqual([])
    expect(tight.merged).toHaveLength(1)
    const changes = tight.merged[0]?.changes ?? []
    expect(
      changes
        .filter((c) => c.kind === 'merged')
        .map((c) => c.source)
        .sort()
    ).toEqual(
      [
        `managed policy ${home.arn}`,
        `managed policy ${plain.arn}`,
        'group devs inline policy logs',
        'user deployer inline policy home-prefix',
        'user deployer inline policy site'
      ].sort()
    )
    expect(changes).toContainEqual({
      kind: 'username-made-literal',
      source: 'group devs inline policy logs',
      statement: 'statement Objects',
      before: 'arn:aws:logs:*:*:log-group:${aws:username}',
      after: 'arn:aws:logs:*:*:log-group:deployer'
    })
    // Two statements named Objects (user inline, group inline) meet in one policy.
    const renamed = changes.filter((c) => c.kind === 'sid-renamed')
    expect(renamed).toEqual([
      expect.objectContaining({ kind: 'sid-renamed', before: 'Objects', after: 'Objects2' })
    ])
    const sids = tight.merged[0]?.document.Statement.map((s) => s.Sid).filter(Boolean)
    expect(new Set(sids).size).toBe(sids?.length)
    expect(sids).toContain('Objects2')
  })

  it('renders each change with its source and a before/after', () => {
    const lines = policyChangeLines(changedDocuments(plan))
    expect(lines).toContain('- inline policy from-user.home-prefix')
    expect(lines).toContain(
      '  - user deployer inline policy home-prefix, statement Objects: ${aws:username} made literal: `arn:aws:s3:::scratch/${aws:username}/*` → `arn:aws:s3:::scratch/deployer/*`'
    )
    expect(
      describePolicyChange({ kind: 'merged', source: 'user u inline policy p', statements: 2 })
    ).toBe('user u inline policy p: 2 statements merged in')
    expect(
      describePolicyChange({
        kind: 'sid-renamed',
        source: 'group g inline policy q',
        before: 'A',
        after: 'A2'
      })
    ).toBe('group g inline policy q: Sid `A` renamed `A2` (unique in the merged policy)')
  })
})
