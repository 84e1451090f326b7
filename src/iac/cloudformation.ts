/**
 * The plan as one CloudFormation template in YAML (pure): the OIDC provider
 * (`AWS::IAM::OIDCProvider`, only when the account has none yet), per role an `AWS::IAM::Role`
 * with its trust policy, managed policy ARNs, inline policies, boundary, session and tags, an
 * `AWS::IAM::ManagedPolicy` per merged policy, and each role's ARN as an output.
 *
 * The trust policy is the planned document as it is, with the provider's ARN written out (it is
 * deterministic) rather than a `Ref`: what the trust check evaluates is then exactly what the
 * template holds. A role created next to the provider `DependsOn` it.
 *
 * Written as YAML 1.1, which CloudFormation reads: a string such as `yes` or `2010-09-09` is
 * quoted so that it stays a string; no anchors, no folded lines.
 */
import { stringify } from 'yaml'
import { MANAGED_BY_VALUE, TAGS } from '../aws/plan/names.js'
import type { TagPair } from '../aws/plan/facts.js'
import { logicalIds } from './labels.js'
import type { IacModel, IacRole } from './model.js'

export const TEMPLATE_FILE = 'template.yaml'
const PROVIDER_ID = 'GitHubOidcProvider'

/** The template's text. */
export function cloudFormationTemplate(model: IacModel): string {
  const roleIds = logicalIds(
    model.roles.map((r) => r.roleName),
    'Role'
  )
  const resources: Record<string, unknown> = {}
  if (!model.provider.exists) {
    resources[PROVIDER_ID] = {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: {
        Url: model.provider.url,
        ClientIdList: [...model.provider.clientIds],
        Tags: tags([{ key: TAGS.managedBy, value: MANAGED_BY_VALUE }])
      }
    }
  }
  const outputs: Record<string, unknown> = {}
  model.roles.forEach((role, i) => {
    const id = roleIds[i] ?? `Role${i + 1}`
    const mergedIds = logicalIds(
      role.merged.map((m) => m.name),
      'Policy'
    )
    role.merged.forEach((m, j) => {
      resources[mergedIds[j] ?? `${id}Policy${j + 1}`] = {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { ManagedPolicyName: m.name, Path: m.path, PolicyDocument: m.document }
      }
    })
    resources[id] = roleResource(role, mergedIds, !model.provider.exists)
    outputs[`${id}Arn`] = {
      Description: `ARN of role ${role.roleName}`,
      Value: { 'Fn::GetAtt': [id, 'Arn'] }
    }
  })
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `GitHub Actions OIDC roles of ${model.repository} (aws-keys-to-oidc)`,
    Resources: resources,
    ...(Object.keys(outputs).length > 0 ? { Outputs: outputs } : {})
  }
  return stringify(template, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })
}

function roleResource(role: IacRole, mergedIds: readonly string[], newProvider: boolean): unknown {
  const managed = [...role.attach, ...mergedIds.map((id) => ({ Ref: id }))]
  return {
    Type: 'AWS::IAM::Role',
    ...(newProvider ? { DependsOn: [PROVIDER_ID] } : {}),
    Properties: {
      RoleName: role.roleName,
      Path: role.path,
      AssumeRolePolicyDocument: role.trust,
      MaxSessionDuration: role.maxSessionDuration,
      ...(role.boundaryArn ? { PermissionsBoundary: role.boundaryArn } : {}),
      ...(managed.length > 0 ? { ManagedPolicyArns: managed } : {}),
      ...(role.inline.length > 0
        ? {
            Policies: role.inline.map((p) => ({
              PolicyName: p.name,
              PolicyDocument: p.document
            }))
          }
        : {}),
      Tags: tags(role.tags)
    }
  }
}

function tags(list: readonly TagPair[]): { Key: string; Value: string }[] {
  return list.map((t) => ({ Key: t.key, Value: t.value }))
}
