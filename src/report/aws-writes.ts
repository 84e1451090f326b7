/**
 * The AWS writes of a migration, described for a person (pure): `applyProviderPlan` reports the
 * IAM operations it made by name and `applyRolePlan` the writes (records) it made or did not
 * make; the words are made here, where they are shown.
 */
import type { ProviderPlan } from '../aws/plan/provider.js'
import type { AwsWrite } from '../aws/plan/writes.js'

/** One write of `applyProviderPlan` (an IAM operation name), described for a person. */
export function describeProviderWrite(op: string, plan: ProviderPlan): string {
  if (op === 'CreateOpenIDConnectProvider') {
    return `create OIDC provider ${plan.arn} (audience ${plan.audience})`
  }
  if (op === 'AddClientIDToOpenIDConnectProvider') {
    return `add audience ${plan.audience} to OIDC provider ${plan.arn}`
  }
  return op
}

/** One line for a person: what the write does. */
export function describeWrite(write: AwsWrite): string {
  switch (write.op) {
    case 'CreatePolicy':
      return `create managed policy ${write.name}`
    case 'CreatePolicyVersion':
      return `update managed policy ${write.arn} (new default version)`
    case 'CreateRole':
      return `create role ${write.path}${write.roleName}`
    case 'UpdateAssumeRolePolicy':
      return `update the trust policy of role ${write.roleName}`
    case 'UpdateRole':
      return `update role ${write.roleName} (description, max session ${write.maxSessionDuration}s)`
    case 'PutRolePermissionsBoundary':
      return `set the permissions boundary of role ${write.roleName} to ${write.boundaryArn}`
    case 'DeleteRolePermissionsBoundary':
      return `remove the permissions boundary of role ${write.roleName}`
    case 'TagRole':
      return `tag role ${write.roleName} (${write.tags.map((t) => t.key).join(', ')})`
    case 'UntagRole':
      return `untag role ${write.roleName} (${write.keys.join(', ')})`
    case 'DetachRolePolicy':
      return `detach ${write.arn} from role ${write.roleName}`
    case 'DeleteRolePolicy':
      return `delete inline policy ${write.name} of role ${write.roleName}`
    case 'AttachRolePolicy':
      return `attach ${write.arn} to role ${write.roleName}`
    case 'PutRolePolicy':
      return `put inline policy ${write.name} on role ${write.roleName}`
    case 'DeletePolicy':
      return `delete managed policy ${write.arn} (no longer needed)`
    case 'DeleteRole':
      return `delete role ${write.roleName}`
  }
}
