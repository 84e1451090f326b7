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
  /** Rollback with `delete-role`: the role, once its policies are gone. */
  | { readonly op: 'DeleteRole'; readonly roleName: string }
