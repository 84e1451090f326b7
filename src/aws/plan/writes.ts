/**
 * The IAM writes a plan lists (pure data): one entry per API call to make, named after the IAM
 * operation, with everything the call needs. `applyRolePlan` runs them in order.
 */
import type { TagPair } from './facts.js'
import type { PolicyDocument } from './policy-document.js'

export type AwsWrite =
  | {
      readonly op: 'CreatePolicy'
      readonly arn: string
      readonly name: string
      readonly path: string
      readonly document: PolicyDocument
      readonly tags: readonly TagPair[]
    }
  | { readonly op: 'CreatePolicyVersion'; readonly arn: string; readonly document: PolicyDocument }
  | {
      readonly op: 'CreateRole'
      readonly roleName: string
      readonly path: string
      readonly trust: PolicyDocument
      readonly description: string
      readonly maxSessionDuration: number
      readonly boundaryArn: string | null
      readonly tags: readonly TagPair[]
    }
  | {
      readonly op: 'UpdateAssumeRolePolicy'
      readonly roleName: string
      readonly trust: PolicyDocument
    }
  | {
      readonly op: 'UpdateRole'
      readonly roleName: string
      readonly description: string
      readonly maxSessionDuration: number
    }
  | {
      readonly op: 'PutRolePermissionsBoundary'
      readonly roleName: string
      readonly boundaryArn: string
    }
  | { readonly op: 'DeleteRolePermissionsBoundary'; readonly roleName: string }
  | { readonly op: 'TagRole'; readonly roleName: string; readonly tags: readonly TagPair[] }
  | { readonly op: 'UntagRole'; readonly roleName: string; readonly keys: readonly string[] }
  | { readonly op: 'DetachRolePolicy'; readonly roleName: string; readonly arn: string }
  | { readonly op: 'DeleteRolePolicy'; readonly roleName: string; readonly name: string }
  | { readonly op: 'AttachRolePolicy'; readonly roleName: string; readonly arn: string }
  | {
      readonly op: 'PutRolePolicy'
      readonly roleName: string
      readonly name: string
      readonly document: PolicyDocument
    }
  | { readonly op: 'DeletePolicy'; readonly arn: string }

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
  }
}
