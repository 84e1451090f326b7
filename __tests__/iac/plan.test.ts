/**
 * The infrastructure code from role plans (pure, no server): a new role with managed, inline
 * and merged policies, the same role when an earlier API run made it (Terraform imports it), a
 * chained role (no resource: a note and the statement to add), the `created-at` time left out
 * so that the code does not change with the clock, and the trust check re-run on the documents
 * the code holds.
 */
import { describe, expect, it } from '@jest/globals'
import { parse } from '@cdktf/hcl2json'
import { parse as parseYaml } from 'yaml'
import { deployUses, REPOSITORY } from '../../__fixtures__/aws/findings.js'
import { planChainedRole } from '../../src/aws/plan/chained-role.js'
import { DEFAULT_QUOTAS, type RoleState } from '../../src/aws/plan/facts.js'
import { TAGS } from '../../src/aws/plan/names.js'
import type { PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { planProvider } from '../../src/aws/plan/provider.js'
import { planNewRole, type RolePlan, type RoleSettings } from '../../src/aws/plan/role.js'
import { oidcProviderArn } from '../../src/aws/plan/trust-policy.js'
import { jobUses } from '../../src/aws/plan/uses.js'
import { planIac, type IacSettings } from '../../src/iac/files.js'
import { iacBodySections } from '../../src/report/iac/sections.js'
import { subjectsForJobs } from '../../src/workflows/subjects.js'

const ACCOUNT = '123456789012'
const ISSUER = 'https://token.actions.githubusercontent.com'
const PROVIDER = oidcProviderArn('aws', ACCOUNT, ISSUER)
const settings: RoleSettings = {
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: ISSUER,
  maxSessionDuration: 7200,
  permissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/boundary`
}
const TF: IacSettings = { format: 'terraform', directory: 'infra/oidc/' }
const CFN: IacSettings = { format: 'cloudformation', directory: 'infra/oidc/' }

const allow = (action: string, resource: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource }]
})

function newRole(existing: RoleState | null = null, now = '2026-01-02T00:00:00.000Z'): RolePlan {
  const customer = `arn:aws:iam::${ACCOUNT}:policy/deploy`
  const readOnly = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
  return planNewRole(
    {
      roleName: 'github-octo-org-octo-repo-deployer',
      accountId: ACCOUNT,
      partition: 'aws',
      accessKeyId: 'AKIAEXAMPLEKEY000001',
      inventory: {
        name: 'deployer',
        arn: `arn:aws:iam::${ACCOUNT}:user/deployer`,
        id: 'AIDAEXAMPLE',
        path: '/',
        tags: [{ key: 'team', value: 'platform' }],
        boundaryArn: null,
        attached: [customer, readOnly],
        inline: [
          { name: 'home', document: allow('s3:PutObject', 'arn:aws:s3:::h/${aws:username}/*') }
        ],
        groups: [],
        policies: new Map([
          [
            customer,
            {
              arn: customer,
              name: 'deploy',
              path: '/',
              awsManaged: false,
              defaultVersionId: 'v1',
              document: allow('s3:*', '*')
            }
          ],
          [
            readOnly,
            {
              arn: readOnly,
              name: 'ReadOnlyAccess',
              path: '/',
              awsManaged: true,
              defaultVersionId: 'v1',
              document: allow('*:Get*', '*')
            }
          ]
        ])
      },
      quotas: DEFAULT_QUOTAS,
      repository: REPOSITORY,
      subjects: subjectsForJobs(jobUses(deployUses()), REPOSITORY),
      workflowFiles: ['.github/workflows/deploy.yml'],
      providerArn: PROVIDER,
      existing,
      ownedPolicies: new Map(),
      rolesTrustingUser: [],
      now
    },
    settings
  )
}

function chainedRole(): RolePlan {
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
  return planChainedRole(
    {
      role,
      accountId: ACCOUNT,
      userName: 'ci',
      quotas: DEFAULT_QUOTAS,
      repository: REPOSITORY,
      subjects: subjectsForJobs(jobUses(deployUses()), REPOSITORY),
      providerArn: PROVIDER
    },
    settings
  )
}

function iac(roles: readonly RolePlan[], format: IacSettings, providerExists = false) {
  const provider = planProvider(
    providerExists ? { arn: PROVIDER, clientIds: ['sts.amazonaws.com'], tags: [] } : null,
    { arn: PROVIDER, issuer: ISSUER, audience: 'sts.amazonaws.com' }
  )
  return planIac(
    { repository: 'octo-org/octo-repo', accountId: ACCOUNT, provider, roles, region: 'eu-west-1' },
    format
  )
}

type Blocks = Record<string, Record<string, Record<string, unknown>[]>>

async function tf(plan: ReturnType<typeof iac>, name: string): Promise<Record<string, unknown>> {
  const file = plan.files.find((f) => f.path === `infra/oidc/${name}`)
  expect(file).toBeDefined()
  return (await parse(name, file?.content ?? '')) as Record<string, unknown>
}

describe('planIac', () => {
  it('does not change with the clock: the created-at tag is left out', () => {
    const a = iac([newRole(null, '2026-01-02T00:00:00.000Z')], TF)
    const b = iac([newRole(null, '2027-06-30T12:00:00.000Z')], TF)
    expect(a.files).toEqual(b.files)
    expect(a.files.map((f) => f.content).join('')).not.toContain(TAGS.createdAt)
    expect(iac([newRole()], CFN).files).toEqual(
      iac([newRole(null, '2030-01-01T00:00:00Z')], CFN).files
    )
  })

  it('writes the role with its boundary, session, attachments and inline policies', async () => {
    const json = await tf(iac([newRole()], TF), 'roles.tf')
    const resource = json.resource as Blocks
    const role = Object.values(resource.aws_iam_role ?? {})[0]?.[0] ?? {}
    expect(role.permissions_boundary).toBe(settings.permissionsBoundary)
    expect(role.max_session_duration).toBe(7200)
    expect(role.path).toBe('/github-actions/')
    expect(
      Object.values(resource.aws_iam_role_policy_attachment ?? {})
        .map((b) => String(b[0]?.policy_arn))
        .sort()
    ).toEqual([`arn:aws:iam::${ACCOUNT}:policy/deploy`, 'arn:aws:iam::aws:policy/ReadOnlyAccess'])
    const inline = Object.values(resource.aws_iam_role_policy ?? {}).map((b) => b[0] ?? {})
    expect(inline.map((b) => b.name)).toEqual(['from-user.home'])
    // The username variable became the user's name; nothing is left for Terraform to interpolate.
    expect(String(inline[0]?.policy)).toContain('arn:aws:s3:::h/deployer/*')
  })

  it('creates the provider, or imports the one that exists', async () => {
    const fresh = await tf(iac([newRole()], TF), 'oidc-provider.tf')
    expect(fresh.import).toBeUndefined()
    const imported = await tf(iac([newRole()], TF, true), 'oidc-provider.tf')
    expect(imported.import).toEqual([
      { to: '${aws_iam_openid_connect_provider.github}', id: PROVIDER }
    ])
    const template = parseYaml(iac([newRole()], CFN, true).files[0]?.content ?? '') as {
      Resources: Record<string, { Type: string; DependsOn?: string[] }>
    }
    expect(Object.values(template.Resources).map((r) => r.Type)).toEqual(['AWS::IAM::Role'])
    expect(Object.values(template.Resources)[0]?.DependsOn).toBeUndefined()
  })

  it('imports a role an earlier API run made, and names it for CloudFormation', async () => {
    const first = newRole()
    const create = first.writes.find((w) => w.op === 'CreateRole')
    if (create?.op !== 'CreateRole') throw new Error('no CreateRole')
    const existing: RoleState = {
      name: first.roleName,
      arn: first.roleArn,
      path: '/github-actions/',
      trust: first.trust.document,
      description: create.description,
      maxSessionDuration: 7200,
      boundaryArn: settings.permissionsBoundary,
      tags: first.tags,
      attached: [],
      inline: []
    }
    const again = newRole(existing)
    const json = await tf(iac([again], TF), 'roles.tf')
    expect(json.import).toEqual([
      { to: '${aws_iam_role.github-octo-org-octo-repo-deployer}', id: first.roleName }
    ])
    expect(iac([again], CFN).existing).toEqual([{ kind: 'role', name: first.roleName }])
  })

  it('leaves a chained role to a person: no resource, the statement to add', async () => {
    const chained = chainedRole()
    const plan = iac([newRole(), chained], TF)
    const roles = (await tf(plan, 'roles.tf')).resource as Blocks
    expect(Object.values(roles.aws_iam_role ?? {}).map((b) => b[0]?.name)).toEqual([
      'github-octo-org-octo-repo-deployer'
    ])
    expect(plan.chained).toEqual([
      {
        roleName: 'target',
        roleArn: chained.roleArn,
        statements: chained.trust.statements,
        upToDate: false
      }
    ])
    expect(plan.trustPolicies.get(chained.roleArn)).toEqual(chained.trust.document)
    const sections = iacBodySections(plan, 'octo-org/octo-repo')
    const statement = sections.find((s) => s.heading.includes('role target'))
    expect(statement?.fence).toBe('json')
    expect(JSON.parse(statement?.lines.join('\n') ?? '')).toEqual(chained.trust.statements)
    expect(sections[0]?.lines.join('\n')).toContain(
      `Role \`${chained.roleArn}\` exists and is not the code's to own`
    )
  })
})
