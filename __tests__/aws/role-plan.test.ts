/**
 * The pure planning of a role and its permissions, from hand-made facts: what is copied and how,
 * when documents merge, what a re-run leaves alone, and the errors that stop one pair.
 */
import { describe, expect, it } from '@jest/globals'
import { deployUses, REPOSITORY } from '../../__fixtures__/aws/findings.js'
import type { ManagedPolicy, UserInventory } from '../../src/aws/plan/facts.js'
import { jobUses } from '../../src/aws/plan/uses.js'
import { encodeAttached, TAGS } from '../../src/aws/plan/names.js'
import { planPermissions, PermissionsError } from '../../src/aws/plan/permissions.js'
import { policySize, type PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { planChainedRole } from '../../src/aws/plan/chained-role.js'
import {
  planNewRole,
  RolePlanError,
  type NewRoleFacts,
  type RoleSettings
} from '../../src/aws/plan/role.js'
import { DEFAULT_QUOTAS, type RoleState } from '../../src/aws/plan/facts.js'
import { oidcProviderArn } from '../../src/aws/plan/trust-policy.js'
import { subjectsForJobs } from '../../src/workflows/subjects.js'

const ACCOUNT = '123456789012'
const settings: RoleSettings = {
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}

const allow = (action: string, resource: string, extra: object = {}): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }]
})

function managed(arn: string, document: PolicyDocument): ManagedPolicy {
  return {
    arn,
    name: arn.split('/').pop() ?? arn,
    path: '/',
    awsManaged: arn.includes(':aws:policy/'),
    defaultVersionId: 'v1',
    document
  }
}

function inventory(overrides: Partial<UserInventory> = {}): UserInventory {
  const customer = managed(
    `arn:aws:iam::${ACCOUNT}:policy/deploy`,
    allow('s3:PutObject', 'arn:aws:s3:::b/*')
  )
  const home = managed(
    `arn:aws:iam::${ACCOUNT}:policy/home`,
    allow('s3:*', 'arn:aws:s3:::home/${aws:username}/*')
  )
  const aws = managed(
    'arn:aws:iam::aws:policy/IAMUserChangePassword',
    allow('iam:ChangePassword', 'arn:aws:iam::*:user/${aws:username}')
  )
  return {
    name: 'deployer',
    arn: `arn:aws:iam::${ACCOUNT}:user/deployer`,
    id: 'AIDAEXAMPLE',
    path: '/',
    tags: [{ key: 'team', value: 'platform' }],
    boundaryArn: null,
    attached: [customer.arn, home.arn, aws.arn],
    inline: [{ name: 'site', document: allow('lambda:UpdateFunctionCode', '*') }],
    groups: [
      {
        name: 'devs',
        attached: [customer.arn],
        inline: [{ name: 'logs', document: allow('logs:PutLogEvents', '*') }]
      }
    ],
    policies: new Map([customer, home, aws].map((p) => [p.arn, p])),
    ...overrides
  }
}

function facts(overrides: Partial<NewRoleFacts> = {}): NewRoleFacts {
  return {
    roleName: 'github-octo-org-octo-repo-deployer',
    accountId: ACCOUNT,
    partition: 'aws',
    accessKeyId: 'AKIAEXAMPLEKEY000001',
    inventory: inventory(),
    quotas: DEFAULT_QUOTAS,
    repository: REPOSITORY,
    subjects: subjectsForJobs(jobUses(deployUses()), REPOSITORY),
    workflowFiles: ['.github/workflows/deploy.yml'],
    providerArn: oidcProviderArn('aws', ACCOUNT, settings.oidcIssuer),
    existing: null,
    ownedPolicies: new Map(),
    rolesTrustingUser: [],
    now: '2026-01-02T00:00:00.000Z',
    ...overrides
  }
}

describe('planPermissions', () => {
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

  it('attaches managed policies once, copies inline ones, and rewrites ${aws:username} documents', () => {
    const plan = planPermissions(input)
    expect(plan.attach.map((a) => [a.arn, a.sources])).toEqual([
      ['arn:aws:iam::aws:policy/IAMUserChangePassword', ['user deployer']],
      [`arn:aws:iam::${ACCOUNT}:policy/deploy`, ['user deployer', 'group devs']]
    ])
    expect(plan.inline.map((p) => p.name)).toEqual([
      'from-policy.home',
      'from-user.site',
      'from-group.devs.logs'
    ])
    expect(plan.inline[0]?.document.Statement[0]?.Resource).toBe('arn:aws:s3:::home/deployer/*')
    expect(plan.merged).toEqual([])
    expect(plan.warnings.join('\n')).toMatch(/IAMUserChangePassword uses \$\{aws:username\}/)
    expect(plan.copies).toContain(
      `user deployer, group devs: arn:aws:iam::${ACCOUNT}:policy/deploy attached`
    )
  })

  it('merges customer documents when the attachments exceed the quota, and is deterministic', () => {
    const base = inventory()
    const extra = managed(`arn:aws:iam::${ACCOUNT}:policy/queue`, allow('sqs:SendMessage', '*'))
    const tight = {
      ...input,
      inventory: {
        ...base,
        attached: [...base.attached, extra.arn],
        policies: new Map([...base.policies, [extra.arn, extra]])
      },
      quotas: { ...DEFAULT_QUOTAS, attachedPoliciesPerRole: 2 }
    }
    const a = planPermissions(tight)
    const b = planPermissions(tight)
    expect(a).toEqual(b)
    expect(a.attach.map((x) => x.arn)).toEqual(['arn:aws:iam::aws:policy/IAMUserChangePassword'])
    expect(a.merged.map((m) => m.name)).toEqual(['r-merged-1'])
    expect(a.merged[0]?.arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/github-actions/r-merged-1`)
    expect([...(a.merged[0]?.sources ?? [])].sort()).toEqual([
      `managed policy arn:aws:iam::${ACCOUNT}:policy/deploy`,
      `managed policy arn:aws:iam::${ACCOUNT}:policy/queue`
    ])
    // Policies attached by others count against the quota too.
    expect(() => planPermissions({ ...tight, foreignAttached: 1 })).toThrow(PermissionsError)
  })

  it('moves the largest inline documents into merged policies when inline text exceeds the quota', () => {
    const big = (n: number): PolicyDocument => ({
      Version: '2012-10-17',
      Statement: Array.from({ length: n }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow' as const,
        Action: 'sqs:SendMessage',
        Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-with-a-long-name-${i}`
      }))
    })
    const inv = inventory({
      attached: [],
      groups: [],
      policies: new Map(),
      inline: [
        { name: 'a', document: big(40) },
        { name: 'b', document: big(10) },
        { name: 'c', document: big(40) }
      ]
    })
    const plan = planPermissions({ ...input, inventory: inv })
    const inlineTotal = plan.inline.reduce((n, p) => n + policySize(p.document), 0)
    expect(inlineTotal).toBeLessThanOrEqual(DEFAULT_QUOTAS.rolePolicySize)
    expect(plan.inline.map((p) => p.name)).toContain('from-user.b')
    expect(plan.merged.length).toBeGreaterThan(0)
    for (const m of plan.merged) {
      expect(policySize(m.document)).toBeLessThanOrEqual(DEFAULT_QUOTAS.policySize)
      const sids = m.document.Statement.map((s) => s.Sid)
      expect(new Set(sids).size).toBe(sids.length)
    }
    const statements =
      plan.inline.flatMap((p) => p.document.Statement).length +
      plan.merged.flatMap((m) => m.document.Statement).length
    expect(statements).toBe(90)
  })
})

describe('planNewRole', () => {
  it('plans a new role with every write marked create', () => {
    const plan = planNewRole(facts(), settings)
    expect(plan.change).toBe('create')
    expect(plan.writes.map((w) => w.op)).toEqual([
      'CreateRole',
      'AttachRolePolicy',
      'AttachRolePolicy',
      'PutRolePolicy',
      'PutRolePolicy',
      'PutRolePolicy'
    ])
    expect(plan.tags.map((t) => t.key)).toEqual([
      'team',
      TAGS.managedBy,
      TAGS.sourceUser,
      TAGS.sourceKeyEnd,
      TAGS.repository,
      TAGS.repositoryId,
      TAGS.workflows,
      TAGS.createdAt,
      TAGS.attached
    ])
  })

  it('refuses a role of that name it did not create, or made for another user', () => {
    const foreign: RoleState = {
      name: 'github-octo-org-octo-repo-deployer',
      arn: `arn:aws:iam::${ACCOUNT}:role/github-octo-org-octo-repo-deployer`,
      path: '/',
      trust: { Statement: [] },
      description: null,
      maxSessionDuration: 3600,
      boundaryArn: null,
      tags: [],
      attached: [],
      inline: []
    }
    expect(() => planNewRole(facts({ existing: foreign }), settings)).toThrow(RolePlanError)
    expect(() =>
      planNewRole(
        facts({
          existing: {
            ...foreign,
            tags: [
              { key: TAGS.managedBy, value: 'aws-keys-to-oidc' },
              { key: TAGS.sourceUser, value: 'someone-else' }
            ]
          }
        }),
        settings
      )
    ).toThrow(/made for IAM user someone-else/)
  })

  it('records the repository id and only the last four characters of the key id', () => {
    const plan = planNewRole(facts(), settings)
    const tags = Object.fromEntries(plan.tags.map((t) => [t.key, t.value]))
    expect(tags[TAGS.repositoryId]).toBe('2002')
    expect(tags[TAGS.repository]).toBe('octo-org/octo-repo')
    expect(tags[TAGS.sourceKeyEnd]).toBe('0001')
    expect(JSON.stringify(plan)).not.toContain('AKIAEXAMPLEKEY000001')
  })

  describe('a role serves one repository', () => {
    /** The role as an earlier run left it, with its tags edited by `tags`. */
    function existingFrom(
      tags: (t: readonly { key: string; value: string }[]) => { key: string; value: string }[]
    ): RoleState {
      const first = planNewRole(facts(), settings)
      const create = first.writes.find((w) => w.op === 'CreateRole')
      if (create?.op !== 'CreateRole') throw new Error('no CreateRole')
      return {
        name: create.roleName,
        arn: first.roleArn,
        path: create.path,
        trust: create.trust,
        description: create.description,
        maxSessionDuration: create.maxSessionDuration,
        boundaryArn: create.boundaryArn,
        tags: tags(create.tags),
        attached: first.permissions?.attach.map((a) => a.arn) ?? [],
        inline: first.permissions?.inline.map((p) => ({ name: p.name, document: p.document })) ?? []
      }
    }
    const other = { ...REPOSITORY, repo: 'other-repo', repoId: 3003 }

    it('refuses the role of another repository id, naming the role, that repository and role-name', () => {
      const existing = existingFrom((t) => [...t])
      expect(() => planNewRole(facts({ existing, repository: other }), settings)).toThrow(
        /role github-octo-org-octo-repo-deployer serves repository octo-org\/octo-repo \(id 2002\), not octo-org\/other-repo \(id 3003\).*change the role-name input/
      )
      // The same repository under a new name (same id) is the same repository: its name tag follows.
      const renamed = planNewRole(
        facts({ existing, repository: { ...REPOSITORY, repo: 'new-name' } }),
        settings
      )
      expect(renamed.writes).toContainEqual({
        op: 'TagRole',
        roleName: existing.name,
        tags: [{ key: TAGS.repository, value: 'octo-org/new-name' }]
      })
    })

    it('reads roles made before the id tag by their OWNER/REPO tag, and adds the id', () => {
      const old = existingFrom((t) => [
        ...t.filter((x) => x.key !== TAGS.repositoryId && x.key !== TAGS.sourceKeyEnd),
        { key: TAGS.legacySourceKey, value: 'AKIAEXAMPLEKEY000001' }
      ])
      expect(() => planNewRole(facts({ existing: old, repository: other }), settings)).toThrow(
        /serves repository octo-org\/octo-repo, not octo-org\/other-repo/
      )
      const same = planNewRole(
        facts({ existing: old, repository: { ...REPOSITORY, owner: 'Octo-Org' } }),
        settings
      )
      const tagged = same.writes.flatMap((w) => (w.op === 'TagRole' ? w.tags : []))
      expect(tagged).toEqual(
        expect.arrayContaining([
          { key: TAGS.sourceKeyEnd, value: '0001' },
          { key: TAGS.repositoryId, value: '2002' }
        ])
      )
      // The plain key id is removed, and appears in no write.
      expect(same.writes).toContainEqual(
        expect.objectContaining({ op: 'UntagRole', keys: [TAGS.legacySourceKey] })
      )
      expect(JSON.stringify(same.writes)).not.toContain('AKIAEXAMPLEKEY000001')
      // A managed role that records no repository at all is not taken over either.
      const unknown = existingFrom((t) =>
        t.filter((x) => x.key !== TAGS.repositoryId && x.key !== TAGS.repository)
      )
      expect(() => planNewRole(facts({ existing: unknown }), settings)).toThrow(
        /serves a repository it does not record/
      )
    })

    it('does not re-trust a chained role this action made for another repository', () => {
      const existing = existingFrom((t) => [...t])
      const chain = {
        role: existing,
        accountId: ACCOUNT,
        userName: 'deployer',
        quotas: DEFAULT_QUOTAS,
        repository: other,
        subjects: subjectsForJobs(jobUses(deployUses()), other),
        providerArn: oidcProviderArn('aws', ACCOUNT, settings.oidcIssuer)
      }
      expect(() => planChainedRole(chain, settings)).toThrow(RolePlanError)
      expect(() => planChainedRole(chain, settings)).toThrow(
        /serves repository octo-org\/octo-repo/
      )
    })
  })

  it('keeps the creation time and writes nothing when the role already matches', () => {
    const first = planNewRole(facts(), settings)
    const create = first.writes.find((w) => w.op === 'CreateRole')
    if (create?.op !== 'CreateRole') throw new Error('no CreateRole')
    const existing: RoleState = {
      name: create.roleName,
      arn: first.roleArn,
      path: create.path,
      trust: create.trust,
      description: create.description,
      maxSessionDuration: create.maxSessionDuration,
      boundaryArn: create.boundaryArn,
      tags: create.tags,
      attached: first.permissions?.attach.map((a) => a.arn) ?? [],
      inline: first.permissions?.inline.map((p) => ({ name: p.name, document: p.document })) ?? []
    }
    const again = planNewRole(facts({ existing, now: '2030-01-01T00:00:00.000Z' }), settings)
    expect(again.change).toBe('unchanged')
    expect(again.writes).toEqual([])
    expect(again.changes.map((c) => c.change)).toEqual(again.changes.map(() => 'unchanged'))
    expect(first.changes).toEqual([
      { resource: 'role github-octo-org-octo-repo-deployer', change: 'create' },
      { resource: 'trust policy of github-octo-org-octo-repo-deployer', change: 'create' },
      { resource: 'arn:aws:iam::aws:policy/IAMUserChangePassword attached', change: 'create' },
      { resource: `arn:aws:iam::${ACCOUNT}:policy/deploy attached`, change: 'create' },
      { resource: 'inline policy from-policy.home', change: 'create' },
      { resource: 'inline policy from-user.site', change: 'create' },
      { resource: 'inline policy from-group.devs.logs', change: 'create' }
    ])
    expect(again.tags.find((t) => t.key === TAGS.createdAt)?.value).toBe('2026-01-02T00:00:00.000Z')

    // A user policy removed: only what the action recorded is detached; others' stay.
    const withForeign = {
      ...existing,
      attached: [...existing.attached, 'arn:aws:iam::aws:policy/Hand']
    }
    const inv = inventory({ attached: [`arn:aws:iam::${ACCOUNT}:policy/home`] })
    const after = planNewRole(facts({ existing: withForeign, inventory: inv }), settings)
    expect(after.changes.filter((c) => c.change !== 'unchanged')).toEqual([
      { resource: 'role github-octo-org-octo-repo-deployer', change: 'update' },
      { resource: 'arn:aws:iam::aws:policy/IAMUserChangePassword attached', change: 'delete' }
    ])
    expect(after.writes.filter((w) => w.op === 'DetachRolePolicy')).toEqual([
      {
        op: 'DetachRolePolicy',
        roleName: existing.name,
        arn: 'arn:aws:iam::aws:policy/IAMUserChangePassword'
      }
    ])
    expect(encodeAttached(['arn:aws:iam::aws:policy/Hand']).tags[0]?.value).toBe('aws:policy/Hand')
  })

  it('lists roles that trust the user as follow-ups', () => {
    const plan = planNewRole(
      facts({ rolesTrustingUser: [`arn:aws:iam::${ACCOUNT}:role/legacy`] }),
      settings
    )
    expect(plan.followUps).toEqual([
      expect.stringMatching(/role arn:aws:iam::123456789012:role\/legacy trusts IAM user deployer/)
    ])
  })

  it('drops user tags that do not fit next to its own, with a warning', () => {
    const tags = Array.from({ length: 48 }, (_, i) => ({ key: `t${i}`, value: 'v' }))
    const plan = planNewRole(facts({ inventory: inventory({ tags }) }), settings)
    expect(plan.tags.length).toBe(50)
    expect(plan.warnings.join('\n')).toMatch(/the user has 48 tags; only 42 fit/)
  })
})

describe('planChainedRole', () => {
  const role: RoleState = {
    name: 'target',
    arn: `arn:aws:iam::${ACCOUNT}:role/target`,
    path: '/',
    trust: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/ci` },
          Action: 'sts:AssumeRole'
        }
      ]
    },
    description: null,
    maxSessionDuration: 3600,
    boundaryArn: null,
    tags: [],
    attached: [],
    inline: []
  }
  const chain = {
    role,
    accountId: ACCOUNT,
    userName: 'ci',
    quotas: DEFAULT_QUOTAS,
    repository: REPOSITORY,
    subjects: subjectsForJobs(jobUses(deployUses()), REPOSITORY),
    providerArn: oidcProviderArn('aws', ACCOUNT, settings.oidcIssuer)
  }

  it('adds one statement and keeps the others', () => {
    const plan = planChainedRole(chain, settings)
    expect(plan.writes.map((w) => w.op)).toEqual(['UpdateAssumeRolePolicy'])
    expect(plan.trust.document.Statement[0]).toEqual(role.trust.Statement[0])
    expect(plan.permissions).toBeNull()
    expect(plan.writes.some((w) => w.op === 'TagRole')).toBe(false)
  })

  it('warns when the role is not opted in to chaining (role-chaining.json needs the tag)', () => {
    const untagged = planChainedRole(chain, settings)
    expect(untagged.warnings.join('\n')).toMatch(
      /role target has no tag aws-keys-to-oidc:allow-chaining=true/
    )
    const optedIn = planChainedRole(
      { ...chain, role: { ...role, tags: [{ key: TAGS.allowChaining, value: 'true' }] } },
      settings
    )
    expect(optedIn.warnings.join('\n')).not.toMatch(/allow-chaining/)
  })

  it('refuses a role of another account', () => {
    expect(() =>
      planChainedRole(
        { ...chain, role: { ...role, arn: 'arn:aws:iam::999999999999:role/target' } },
        settings
      )
    ).toThrow(/account 999999999999/)
  })
})
