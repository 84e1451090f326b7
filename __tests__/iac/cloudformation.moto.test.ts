/**
 * `iac: cloudformation` for the example repository, against two sandboxes (each the project's
 * GitHub API server with examples/legacy-repo and moto seeded with its key owner): in one,
 * `migrate` creates the roles by API; in the other, `migrate` with `iac` writes nothing to IAM
 * (the IAM fault proxy records every call) and opens the pull request with the template, which
 * is then deployed to moto's CloudFormation (@aws-sdk/client-cloudformation). The roles in both
 * moto IAMs are compared: trust policy, inline policies, boundary, session, path, tags.
 *
 * What moto's CloudFormation does not do (moto 5.2) is checked against the CloudFormation
 * resource specification instead (cloudformation-properties.json, sources in the file):
 * it ignores `AWS::IAM::OIDCProvider` (no provider is created) and the `ManagedPolicyArns` of
 * `AWS::IAM::Role` (nothing is attached, AWS-managed or not), so the template's provider and
 * managed policy ARNs are compared with what the API migration made.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand
} from '@aws-sdk/client-cloudformation'
import {
  GetOpenIDConnectProviderCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand
} from '@aws-sdk/client-iam'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import type { AwsApi } from '../../src/aws/clients.js'
import { samePolicy, type PolicyDocument } from '../../src/aws/plan/policy-document.js'
import type { InlinePolicy, RoleState, TagPair } from '../../src/aws/plan/facts.js'
import { TAGS } from '../../src/aws/plan/names.js'
import { readRole } from '../../src/aws/state.js'
import { applyMigration } from '../../src/modes/apply.js'
import type { MigrationPlan } from '../../src/migration/compose.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { MOTO_CREDENTIALS } from '../../test-support/moto.js'
import { startSandbox, type Sandbox } from '../../test-support/sandbox.js'
import { awsOf, githubOf, iamWrites, planMigration } from './support.js'

const IAC = { format: 'cloudformation', directory: 'infra/aws-keys-to-oidc/' } as const
const TEMPLATE = 'infra/aws-keys-to-oidc/template.yaml'

const spec = JSON.parse(
  readFileSync(path.resolve('__tests__/iac/cloudformation-properties.json'), 'utf8')
) as {
  resources: Record<string, { required: string[]; optional: string[] } & Record<string, unknown>>
  resourceAttributes: string[]
}

interface Resource {
  Type: string
  DependsOn?: string[]
  Properties: Record<string, unknown>
}
interface Template {
  Resources: Record<string, Resource>
  Outputs?: Record<string, { Value: unknown }>
}

let byApi: Sandbox
let byCode: Sandbox
let apiAws: AwsApi
let codeAws: AwsApi
let plan: MigrationPlan

beforeAll(async () => {
  ;[byApi, byCode] = await Promise.all([startSandbox(), startSandbox({ iamFaultProxy: true })])
  apiAws = awsOf(byApi)
  codeAws = awsOf(byCode)
  plan = await planMigration(byCode, codeAws, IAC)
}, 180_000)

afterAll(async () => {
  for (const a of [apiAws, codeAws]) {
    a?.iam.destroy()
    a?.sts.destroy()
  }
  await Promise.all([byApi?.stop(), byCode?.stop()])
})

function templateText(p: MigrationPlan = plan): string {
  const file = p.pullRequest?.files.find((f) => f.path === TEMPLATE)
  expect(file).toBeDefined()
  return file?.content ?? ''
}

function template(): Template {
  return parse(templateText()) as Template
}

/** Tags to compare across the two sandboxes: not the time, nor the key (each seeds its own). */
function comparable(tags: readonly TagPair[]): TagPair[] {
  return tags
    .filter((t) => t.key !== TAGS.createdAt && t.key !== TAGS.sourceKeyEnd)
    .sort((a, b) => (a.key < b.key ? -1 : 1))
}

describe('iac: cloudformation, migrate', () => {
  it('writes nothing to IAM and opens the pull request with the workflows and the template', async () => {
    // The run reads through the proxy (so it is in the path), then writes nothing.
    byCode.iamProxy?.resetCalls()
    plan = await planMigration(byCode, codeAws, IAC)
    const result = await applyMigration(githubOf(byCode), codeAws, plan)
    expect(result.errors).toEqual([])
    expect(result.pullRequest?.operation).toBe('created')
    expect(byCode.iamProxy?.calls.length).toBeGreaterThan(0)
    expect(iamWrites(byCode)).toEqual([])
    const paths = plan.pullRequest?.files.map((f) => f.path) ?? []
    expect(paths).toContain(TEMPLATE)
    expect(paths.some((p) => p.startsWith('.github/workflows/'))).toBe(true)
    const body = renderPullRequestBody(plan.pullRequest!.body)
    expect(body.split('\n')[1]).toContain(
      '**Apply the CloudFormation code in `infra/aws-keys-to-oidc/` before merging.**'
    )
    expect(body).toContain(`--template-file ${TEMPLATE}`)
  })

  it('converges: the same facts give the same template, and the pull request is unchanged', async () => {
    const again = await planMigration(byCode, codeAws, IAC)
    expect(templateText(again)).toBe(templateText())
    const result = await applyMigration(githubOf(byCode), codeAws, again)
    expect(result.pullRequest?.operation).toBe('unchanged')
    expect(iamWrites(byCode)).toEqual([])
  })

  it('uses only resource types and properties of the CloudFormation resource specification', () => {
    for (const [id, resource] of Object.entries(template().Resources)) {
      const known = spec.resources[resource.Type]
      expect({ id, type: resource.Type, known: known !== undefined }).toEqual({
        id,
        type: resource.Type,
        known: true
      })
      expect(Object.keys(resource).filter((k) => !spec.resourceAttributes.includes(k))).toEqual([])
      const props = Object.keys(resource.Properties)
      const allowed = [...(known?.required ?? []), ...(known?.optional ?? [])]
      expect({ id, unknown: props.filter((p) => !allowed.includes(p)) }).toEqual({
        id,
        unknown: []
      })
      expect({ id, missing: (known?.required ?? []).filter((p) => !props.includes(p)) }).toEqual({
        id,
        missing: []
      })
      for (const nested of ['Policies', 'Tags']) {
        const keys = known?.[nested] as string[] | undefined
        for (const item of (resource.Properties[nested] ?? []) as Record<string, unknown>[]) {
          expect(Object.keys(item).sort()).toEqual([...(keys ?? [])].sort())
        }
      }
    }
  })
})

/**
 * The inline policies of a role as moto's IAM holds them. moto 5.2's CloudFormation stores an
 * inline policy document as the Python repr of the parsed template value (`{'Version': ...}`),
 * which is not JSON: such a text is read with Python's own literal parser.
 */
async function inlinePolicies(aws: AwsApi, roleName: string): Promise<InlinePolicy[]> {
  const { PolicyNames } = await aws.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))
  const out: InlinePolicy[] = []
  for (const name of PolicyNames ?? []) {
    const r = await aws.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
    const text = decodeURIComponent(r.PolicyDocument ?? '')
    let document: PolicyDocument
    try {
      document = JSON.parse(text) as PolicyDocument
    } catch {
      expect(text.startsWith("{'")).toBe(true)
      const json = execFileSync(
        'python3',
        ['-c', 'import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))'],
        { input: text, encoding: 'utf8' }
      )
      document = JSON.parse(json) as PolicyDocument
    }
    out.push({ name, document })
  }
  return out
}

describe('iac: cloudformation, the template deployed to moto', () => {
  let apiRole: RoleState | null
  let codeRole: RoleState | null

  beforeAll(async () => {
    const apiPlan = await planMigration(byApi, apiAws, null)
    const applied = await applyMigration(githubOf(byApi), apiAws, apiPlan)
    expect(applied.errors).toEqual([])
    const cfn = new CloudFormationClient({
      region: byCode.env.AWS_REGION,
      endpoint: byCode.moto.endpoint,
      credentials: MOTO_CREDENTIALS
    })
    try {
      await cfn.send(
        new CreateStackCommand({
          StackName: 'aws-keys-to-oidc-legacy-repo',
          TemplateBody: templateText(),
          Capabilities: ['CAPABILITY_NAMED_IAM']
        })
      )
      const { Stacks } = await cfn.send(
        new DescribeStacksCommand({ StackName: 'aws-keys-to-oidc-legacy-repo' })
      )
      expect(Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE')
      const outputs = (Stacks?.[0]?.Outputs ?? []).map((o) => o.OutputValue)
      expect(outputs).toEqual(plan.iac?.roles.map((r) => r.roleArn))
    } finally {
      cfn.destroy()
    }
    const name = plan.iac?.roles[0]?.roleName ?? ''
    apiRole = await readRole(apiAws, name, { policies: true })
    const deployed = await readRole(codeAws, name, { policies: false })
    codeRole = deployed && { ...deployed, inline: await inlinePolicies(codeAws, name) }
  }, 60_000)

  it('yields the role the API migration creates: trust, inline policies, boundary, session, tags', () => {
    expect(apiRole).not.toBeNull()
    expect(codeRole).not.toBeNull()
    if (!apiRole || !codeRole) return
    expect(codeRole.arn).toBe(apiRole.arn)
    expect(codeRole.path).toBe(apiRole.path)
    expect(samePolicy(codeRole.trust, apiRole.trust)).toBe(true)
    expect(codeRole.maxSessionDuration).toBe(apiRole.maxSessionDuration)
    expect(codeRole.boundaryArn).toBe(apiRole.boundaryArn)
    expect(comparable(codeRole.tags)).toEqual(comparable(apiRole.tags))
    const inline = (r: RoleState): string[] => r.inline.map((p) => p.name).sort()
    expect(inline(codeRole)).toEqual(inline(apiRole))
    expect(inline(codeRole).length).toBeGreaterThan(0)
    for (const p of apiRole.inline) {
      const deployed = codeRole.inline.find((q) => q.name === p.name)
      expect(deployed && samePolicy(deployed.document, p.document)).toBe(true)
    }
  })

  it('lists the managed policies the API migration attaches (moto CloudFormation ignores ManagedPolicyArns)', () => {
    // moto 5.2 creates the role without attaching anything: compare the template's list instead.
    expect(codeRole?.attached).toEqual([])
    const resources = template().Resources
    const role = Object.values(resources).find((r) => r.Type === 'AWS::IAM::Role')
    const arns = ((role?.Properties.ManagedPolicyArns ?? []) as unknown[]).map((a) => {
      if (typeof a === 'string') return a
      const ref = resources[(a as { Ref: string }).Ref]?.Properties ?? {}
      return `arn:aws:iam::${plan.aws.accounts[0]?.accountId ?? ''}:policy${String(ref.Path)}${String(ref.ManagedPolicyName)}`
    })
    expect([...arns].sort()).toEqual([...(apiRole?.attached ?? [])].sort())
    expect(arns.length).toBeGreaterThan(0)
  })

  it('declares the provider the API migration creates (moto CloudFormation ignores AWS::IAM::OIDCProvider)', async () => {
    const provider = Object.values(template().Resources).find(
      (r) => r.Type === 'AWS::IAM::OIDCProvider'
    )
    expect(provider).toBeDefined()
    const made = await apiAws.iam.send(
      new GetOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: plan.aws.accounts[0]?.provider.arn
      })
    )
    expect(`https://${made.Url?.replace(/^https:\/\//, '') ?? ''}`).toBe(provider?.Properties.Url)
    expect(made.ClientIDList).toEqual(provider?.Properties.ClientIdList)
    // The roles wait for the provider that their trust policies name.
    const role = Object.values(template().Resources).find((r) => r.Type === 'AWS::IAM::Role')
    expect(role?.DependsOn).toEqual(['GitHubOidcProvider'])
  })
})
