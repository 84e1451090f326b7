/**
 * Runs the writes of a role plan, in order. Each write was decided by comparing fresh reads with
 * the desired state, so a re-run plans again and converges; a write that finds its work already
 * done (detaching what is gone, creating a policy that exists with our tag) goes on. Every create
 * that meets a conflict (the SDK's retry after a lost answer meets `EntityAlreadyExists`) reads
 * what exists and goes on only when it is this run's own write. A new role or
 * policy is waited for with the SDK's waiters (IAM is eventually consistent). The OIDC provider is
 * written first (`applyProviderPlan`, apply-plan.ts), the roles only when it exists.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListPolicyVersionsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  waitUntilPolicyExists,
  waitUntilRoleExists,
  type Tag
} from '@aws-sdk/client-iam'
import { errorMessage } from '../errors.js'
import type { AwsApi } from './clients.js'
import { errorName } from './owners.js'
import type { TagPair } from './plan/facts.js'
import { MANAGED_BY_VALUE, TAGS, tagOf } from './plan/names.js'
import { policyJson, samePolicy } from './plan/policy-document.js'
import type { RolePlan } from './plan/role.js'
import type { AwsWrite } from './plan/writes.js'
import { isNotFound, readManagedPolicyState, readRole } from './state.js'

export interface ApplyOptions {
  /** Longest wait for a new role or policy to become visible, in seconds (default 120). */
  readonly maxWaitSeconds?: number
}

export interface ApplyOutcome {
  readonly roleArn: string
  /** The writes made, in order. */
  readonly done: readonly AwsWrite[]
  /** The writes not made because an earlier one failed (the failed one first). */
  readonly notDone: readonly AwsWrite[]
  /** Null when every write succeeded; else the IAM error of the first of `notDone`. */
  readonly error: string | null
}

/** Applies the plan's writes; never throws for an IAM error (it is in `error`). */
export async function applyRolePlan(
  api: AwsApi,
  plan: RolePlan,
  options: ApplyOptions = {}
): Promise<ApplyOutcome> {
  return applyWrites(api, plan.roleArn, plan.writes, options)
}

/** A role's writes in order, stopping at the first that fails (the rest are `notDone`). */
export async function applyWrites(
  api: AwsApi,
  roleArn: string,
  writes: readonly AwsWrite[],
  options: ApplyOptions = {}
): Promise<ApplyOutcome> {
  const done: AwsWrite[] = []
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i] as AwsWrite
    try {
      await runWrite(api, write, options.maxWaitSeconds ?? 120)
      done.push(write)
    } catch (error) {
      return { roleArn, done, notDone: writes.slice(i), error: errorMessage(error) }
    }
  }
  return { roleArn, done, notDone: [], error: null }
}

/** One write: the role's own settings, or one of its policies. */
async function runWrite(api: AwsApi, write: AwsWrite, maxWaitTime: number): Promise<void> {
  switch (write.op) {
    case 'CreateRole':
    case 'UpdateAssumeRolePolicy':
    case 'UpdateRole':
    case 'PutRolePermissionsBoundary':
    case 'DeleteRolePermissionsBoundary':
    case 'TagRole':
    case 'UntagRole':
    case 'DeleteRole':
      return runRoleWrite(api, write, maxWaitTime)
    default:
      return runPolicyWrite(api, write, maxWaitTime)
  }
}

type RoleWrite = Extract<
  AwsWrite,
  {
    op:
      | 'CreateRole'
      | 'UpdateAssumeRolePolicy'
      | 'UpdateRole'
      | 'PutRolePermissionsBoundary'
      | 'DeleteRolePermissionsBoundary'
      | 'TagRole'
      | 'UntagRole'
      | 'DeleteRole'
  }
>

async function runRoleWrite(api: AwsApi, write: RoleWrite, maxWaitTime: number): Promise<void> {
  const iam = api.iam
  switch (write.op) {
    case 'CreateRole':
      try {
        await iam.send(
          new CreateRoleCommand({
            RoleName: write.roleName,
            Path: write.path,
            AssumeRolePolicyDocument: policyJson(write.trust),
            Description: write.description,
            MaxSessionDuration: write.maxSessionDuration,
            ...(write.boundaryArn ? { PermissionsBoundary: write.boundaryArn } : {}),
            Tags: sdkTags(write.tags)
          })
        )
      } catch (error) {
        if (errorName(error) !== 'EntityAlreadyExistsException') throw error
        await requireOwnRole(api, write, error)
      }
      await waitUntilRoleExists({ client: iam, maxWaitTime }, { RoleName: write.roleName })
      return
    case 'UpdateAssumeRolePolicy':
      await iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: write.roleName,
          PolicyDocument: policyJson(write.trust)
        })
      )
      return
    case 'UpdateRole':
      await iam.send(
        new UpdateRoleCommand({
          RoleName: write.roleName,
          Description: write.description,
          MaxSessionDuration: write.maxSessionDuration
        })
      )
      return
    case 'PutRolePermissionsBoundary':
      await iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: write.roleName,
          PermissionsBoundary: write.boundaryArn
        })
      )
      return
    case 'DeleteRolePermissionsBoundary':
      await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: write.roleName }))
      return
    case 'TagRole':
      await iam.send(new TagRoleCommand({ RoleName: write.roleName, Tags: sdkTags(write.tags) }))
      return
    case 'UntagRole':
      await iam.send(new UntagRoleCommand({ RoleName: write.roleName, TagKeys: [...write.keys] }))
      return
    case 'DeleteRole':
      // Gone already (a re-run after a lost answer) is done.
      return ignoreNotFound(() => iam.send(new DeleteRoleCommand({ RoleName: write.roleName })))
  }
}

/**
 * `CreateRole` met a role of that name, though the plan saw none: the SDK's retry after a lost
 * answer (this run's own role), or another run. Carry on only when the role is exactly what this
 * write asked for (path, trust, settings, boundary, every tag); anything else is not ours to take.
 */
async function requireOwnRole(
  api: AwsApi,
  write: Extract<AwsWrite, { op: 'CreateRole' }>,
  conflict: unknown
): Promise<void> {
  const role = await readRole(api, write.roleName, { policies: false })
  const problem = !role
    ? 'it is gone again'
    : role.path !== write.path
      ? `its path is ${role.path}`
      : !samePolicy(role.trust, write.trust)
        ? 'its trust policy differs'
        : role.maxSessionDuration !== write.maxSessionDuration ||
            (role.description ?? '') !== write.description ||
            role.boundaryArn !== write.boundaryArn
          ? 'its settings differ'
          : write.tags.some((t) => tagOf(role.tags, t.key) !== t.value)
            ? 'its tags differ'
            : null
  if (problem) {
    throw new Error(
      `role ${write.roleName} was created meanwhile by someone else (${problem}); run again to plan from what exists`,
      { cause: conflict }
    )
  }
}

async function runPolicyWrite(
  api: AwsApi,
  write: Exclude<AwsWrite, RoleWrite>,
  maxWaitTime: number
): Promise<void> {
  const iam = api.iam
  switch (write.op) {
    case 'CreatePolicy':
      return createManagedPolicy(api, write, maxWaitTime)
    case 'CreatePolicyVersion':
      return newDefaultVersion(api, write.arn, policyJson(write.document))
    case 'DetachRolePolicy':
      return ignoreNotFound(() =>
        iam.send(new DetachRolePolicyCommand({ RoleName: write.roleName, PolicyArn: write.arn }))
      )
    case 'DeleteRolePolicy':
      return ignoreNotFound(() =>
        iam.send(new DeleteRolePolicyCommand({ RoleName: write.roleName, PolicyName: write.name }))
      )
    case 'AttachRolePolicy':
      await iam.send(
        new AttachRolePolicyCommand({ RoleName: write.roleName, PolicyArn: write.arn })
      )
      return
    case 'PutRolePolicy':
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: write.roleName,
          PolicyName: write.name,
          PolicyDocument: policyJson(write.document)
        })
      )
      return
    case 'DeletePolicy':
      return ignoreNotFound(() => deleteManagedPolicy(api, write.arn))
  }
}

async function createManagedPolicy(
  api: AwsApi,
  write: Extract<AwsWrite, { op: 'CreatePolicy' }>,
  maxWaitTime: number
): Promise<void> {
  try {
    await api.iam.send(
      new CreatePolicyCommand({
        PolicyName: write.name,
        Path: write.path,
        PolicyDocument: policyJson(write.document),
        Description: `aws-keys-to-oidc: merged permissions (${TAGS.role} tag names the role)`,
        Tags: sdkTags(write.tags)
      })
    )
  } catch (error) {
    if (errorName(error) !== 'EntityAlreadyExistsException') throw error
    // Left by a run that stopped before creating the role: take it over if it is ours.
    const state = await readManagedPolicyState(api, write.arn)
    if (!state || tagOf(state.tags, TAGS.managedBy) !== MANAGED_BY_VALUE) {
      throw new Error(`policy ${write.arn} exists and was not created by aws-keys-to-oidc`, {
        cause: error
      })
    }
    if (!samePolicy(state.document, write.document)) {
      await newDefaultVersion(api, write.arn, policyJson(write.document))
    }
  }
  await waitUntilPolicyExists({ client: api.iam, maxWaitTime }, { PolicyArn: write.arn })
}

/** Its non-default versions first: IAM deletes a policy only with its default version left. */
async function deleteManagedPolicy(api: AwsApi, arn: string): Promise<void> {
  const versions = await api.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))
  for (const v of versions.Versions ?? []) {
    if (!v.IsDefaultVersion && v.VersionId) {
      await api.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId }))
    }
  }
  await api.iam.send(new DeletePolicyCommand({ PolicyArn: arn }))
}

/** A new default version; the oldest non-default version goes first when IAM's 5 are used. */
async function newDefaultVersion(api: AwsApi, arn: string, document: string): Promise<void> {
  const versions =
    (await api.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? []
  if (versions.length >= 5) {
    const oldest = versions
      .filter((v) => !v.IsDefaultVersion && v.VersionId)
      .sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0))[0]
    if (oldest?.VersionId) {
      await api.iam.send(
        new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: oldest.VersionId })
      )
    }
  }
  await api.iam.send(
    new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: document, SetAsDefault: true })
  )
}

async function ignoreNotFound(call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}

function sdkTags(tags: readonly TagPair[]): Tag[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }))
}
