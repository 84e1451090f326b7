/**
 * The plan as Terraform (pure): `versions.tf` pinning the AWS provider's major version, the
 * provider and its one variable (the region: IAM is global, the choice is the user's), the OIDC
 * provider (with an `import` block when it exists already), per role an `aws_iam_role` with its
 * trust policy as `jsonencode(...)`, an `aws_iam_policy` per merged policy, an
 * `aws_iam_role_policy_attachment` per managed policy and an `aws_iam_role_policy` per inline
 * policy, and the role ARNs as an output. Roles and merged policies an earlier API run made are
 * imported too, so that `terraform apply` adopts them instead of failing on a name that exists.
 *
 * Resource types and arguments are those of the AWS provider's documentation
 * (hashicorp/terraform-provider-aws `website/docs/r/iam_*.html.markdown`); the trust policy is
 * written out literally (the ARN of the provider is deterministic), with `depends_on` ordering
 * the role after the provider.
 */
import type { PolicyDocument } from '../aws/plan/policy-document.js'
import type { TagPair } from '../aws/plan/facts.js'
import { MANAGED_BY_VALUE, TAGS } from '../aws/plan/names.js'
import {
  attribute,
  blank,
  block,
  call,
  raw,
  renderHcl,
  type HclBlock,
  type HclItem,
  type HclValue
} from './hcl.js'
import { terraformLabels } from './labels.js'
import type { IacModel, IacRole } from './model.js'

/** The AWS provider major the code is written for (`thumbprint_list` optional since 5.81). */
export const AWS_PROVIDER_VERSION = '~> 6.0'
/** `import` blocks need Terraform 1.5. */
export const TERRAFORM_VERSION = '>= 1.5.0'

const PROVIDER = 'aws_iam_openid_connect_provider.github'

export interface TerraformOptions {
  /** The default of the `region` variable (the `aws-region` input). */
  readonly region: string
}

/** File name -> content, in the order the files are listed. */
export function terraformFiles(model: IacModel, options: TerraformOptions): [string, string][] {
  const labels = terraformLabels(model.roles.map((r) => r.roleName))
  return [
    ['versions.tf', renderHcl([versions()])],
    [
      'provider.tf',
      renderHcl([block('provider', ['aws'], [attribute('region', raw('var.region'))])])
    ],
    ['variables.tf', renderHcl([regionVariable(options.region)])],
    ['oidc-provider.tf', renderHcl(providerBlocks(model))],
    ['roles.tf', renderHcl(model.roles.flatMap((r, i) => roleBlocks(r, labels[i] ?? r.roleName)))],
    ['outputs.tf', renderHcl([outputs(model, labels)])]
  ]
}

function versions(): HclBlock {
  return block(
    'terraform',
    [],
    [
      attribute('required_version', TERRAFORM_VERSION),
      blank,
      block(
        'required_providers',
        [],
        [attribute('aws', { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION })]
      )
    ]
  )
}

function regionVariable(region: string): HclBlock {
  return block(
    'variable',
    ['region'],
    [
      attribute('description', 'Region of the AWS provider (IAM is global: any region will do).'),
      attribute('type', raw('string')),
      attribute('default', region)
    ]
  )
}

function providerBlocks(model: IacModel): HclBlock[] {
  const { provider } = model
  const resource = block(
    'resource',
    ['aws_iam_openid_connect_provider', 'github'],
    [
      attribute('url', provider.url),
      attribute('client_id_list', [...provider.clientIds]),
      // An imported provider keeps the tags it has; a new one is marked as this action's.
      ...(provider.exists
        ? []
        : [blank, attribute('tags', tagMap([{ key: TAGS.managedBy, value: MANAGED_BY_VALUE }]))])
    ]
  )
  return provider.exists ? [importBlock(PROVIDER, provider.arn), resource] : [resource]
}

function importBlock(to: string, id: string): HclBlock {
  return block('import', [], [attribute('to', raw(to)), attribute('id', id)])
}

function roleBlocks(role: IacRole, label: string): HclBlock[] {
  const ref = `aws_iam_role.${label}`
  const mergedLabels = terraformLabels(role.merged.map((m) => `${label}_${m.name}`))
  const attachLabels = terraformLabels(
    [...role.attach, ...role.merged.map((m) => m.arn)].map((arn) => `${label}_${policyName(arn)}`)
  )
  const inlineLabels = terraformLabels(role.inline.map((p) => `${label}_${p.name}`))
  const blocks: HclBlock[] = []
  if (role.exists) blocks.push(importBlock(ref, role.roleName))
  blocks.push(
    block(
      'resource',
      ['aws_iam_role', label],
      [
        attribute('name', role.roleName),
        attribute('path', role.path),
        attribute('max_session_duration', role.maxSessionDuration),
        ...(role.boundaryArn ? [attribute('permissions_boundary', role.boundaryArn)] : []),
        blank,
        attribute('assume_role_policy', jsonencode(role.trust)),
        blank,
        attribute('tags', tagMap(role.tags)),
        blank,
        attribute('depends_on', [raw(PROVIDER)])
      ]
    )
  )
  role.merged.forEach((m, i) => {
    const mergedLabel = mergedLabels[i] ?? m.name
    if (m.exists) blocks.push(importBlock(`aws_iam_policy.${mergedLabel}`, m.arn))
    blocks.push(
      block(
        'resource',
        ['aws_iam_policy', mergedLabel],
        [
          attribute('name', m.name),
          attribute('path', m.path),
          blank,
          attribute('policy', jsonencode(m.document)),
          blank,
          attribute('tags', tagMap(m.tags))
        ]
      )
    )
  })
  const attachments: HclValue[] = [
    ...role.attach,
    ...mergedLabels.map((l) => raw(`aws_iam_policy.${l}.arn`))
  ]
  attachments.forEach((arn, i) => {
    blocks.push(
      block(
        'resource',
        ['aws_iam_role_policy_attachment', attachLabels[i] ?? `${label}_${i}`],
        [attribute('role', raw(`${ref}.name`)), attribute('policy_arn', arn)]
      )
    )
  })
  role.inline.forEach((p, i) => {
    blocks.push(
      block('resource', ['aws_iam_role_policy', inlineLabels[i] ?? `${label}_${p.name}`], [
        attribute('name', p.name),
        attribute('role', raw(`${ref}.id`)),
        blank,
        attribute('policy', jsonencode(p.document))
      ] satisfies HclItem[])
    )
  })
  return blocks
}

function outputs(model: IacModel, labels: readonly string[]): HclBlock {
  const value: Record<string, HclValue> = {}
  model.roles.forEach((r, i) => {
    value[r.roleName] = raw(`aws_iam_role.${labels[i] ?? r.roleName}.arn`)
  })
  return block(
    'output',
    ['role_arns'],
    [attribute('description', 'The ARN of each role, by role name.'), attribute('value', value)]
  )
}

function jsonencode(document: PolicyDocument): HclValue {
  return call('jsonencode', document as unknown as HclValue)
}

function tagMap(tags: readonly TagPair[]): HclValue {
  return Object.fromEntries(tags.map((t) => [t.key, t.value]))
}

/** The name part of a policy ARN (`arn:aws:iam::aws:policy/service-role/NAME` -> NAME). */
function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1)
}
