/**
 * What the AWS side reads, as plain records (pure): the caller, the key owners, a user's
 * inventory, the account's quotas, the OIDC provider, existing roles and the managed policies
 * this action made. The readers (`owners.ts`, `inventory.ts`, `state.ts`, `gather.ts` in
 * `src/aws/`) fill them; the planners take them, so the plan never sees an SDK type.
 */
import type { PolicyDocument } from './policy-document.js'
import type { KeyUses } from './uses.js'

export interface TagPair {
  readonly key: string
  readonly value: string
}

export interface InlinePolicy {
  readonly name: string
  readonly document: PolicyDocument
}

export interface ManagedPolicy {
  readonly arn: string
  readonly name: string
  readonly path: string
  /** `arn:PARTITION:iam::aws:policy/...` */
  readonly awsManaged: boolean
  readonly defaultVersionId: string
  readonly document: PolicyDocument
}

export interface GroupInventory {
  readonly name: string
  /** Attached managed policy ARNs. */
  readonly attached: readonly string[]
  readonly inline: readonly InlinePolicy[]
}

export interface UserInventory {
  readonly name: string
  readonly arn: string
  readonly id: string
  readonly path: string
  readonly tags: readonly TagPair[]
  /** The user's permissions boundary ARN; null when none. */
  readonly boundaryArn: string | null
  /** Managed policy ARNs attached to the user directly. */
  readonly attached: readonly string[]
  readonly inline: readonly InlinePolicy[]
  readonly groups: readonly GroupInventory[]
  /** Every managed policy attached to the user or its groups, by ARN, with its default version. */
  readonly policies: ReadonlyMap<string, ManagedPolicy>
}

/** The IAM quotas this action must respect, from `iam:GetAccountSummary`. */
export interface AccountQuotas {
  /** `AttachedPoliciesPerRoleQuota` (10 by default, up to 20). */
  readonly attachedPoliciesPerRole: number
  /** `RolePolicySizeQuota`: all inline policies of a role together (10,240). */
  readonly rolePolicySize: number
  /** `PolicySizeQuota`: one managed policy (6,144). */
  readonly policySize: number
  /** `AssumeRolePolicySizeQuota`: the trust policy (2,048 by default). */
  readonly assumeRolePolicySize: number
  /** `VersionsPerPolicyQuota` (5). */
  readonly versionsPerPolicy: number
}

export const DEFAULT_QUOTAS: AccountQuotas = {
  attachedPoliciesPerRole: 10,
  rolePolicySize: 10240,
  policySize: 6144,
  assumeRolePolicySize: 2048,
  versionsPerPolicy: 5
}

export interface ProviderState {
  readonly arn: string
  readonly clientIds: readonly string[]
  readonly tags: readonly TagPair[]
}

export interface RoleState {
  readonly name: string
  readonly arn: string
  readonly path: string
  readonly trust: PolicyDocument
  readonly description: string | null
  readonly maxSessionDuration: number
  readonly boundaryArn: string | null
  readonly tags: readonly TagPair[]
  /** Attached managed policy ARNs; empty when read without policies. */
  readonly attached: readonly string[]
  /** Inline policies with their documents; empty when read without policies. */
  readonly inline: readonly InlinePolicy[]
}

/** A customer-managed policy this action may have made: its default document and tags. */
export interface ManagedPolicyState {
  readonly arn: string
  readonly defaultVersionId: string
  readonly document: PolicyDocument
  readonly tags: readonly TagPair[]
}

/** The administrator credentials the action runs with. */
export interface CallerIdentity {
  readonly accountId: string
  readonly arn: string
  /** `aws`, `aws-cn`, `aws-us-gov`, from the caller's ARN. */
  readonly partition: string
}

/**
 * A key to migrate, as a `keys` line gives it: the name of the secret that holds it and its id
 * (never the secret key), or the IAM user in place of the id (`SECRET=user:NAME`).
 */
export interface KeyRef {
  /**
   * The line's name: the secret (`AWS_ACCESS_KEY_ID`), or `ENV/SECRET` for a line that holds
   * environment ENV's secret of that name (a job of that environment reads it). See `keyScope`.
   */
  readonly secretName: string
  /** The access key id; empty for a `user:` line (the user's one active key is looked up). */
  readonly accessKeyId: string
  /** `user:NAME` lines: the IAM user named in place of the key id; absent otherwise. */
  readonly userName?: string
  /**
   * `user:ACCOUNT_ID:NAME` lines: the account of that user (else the base credentials'); for a
   * key id, its account once looked up (`sts:GetAccessKeyInfo`) to route the pair.
   */
  readonly accountId?: string
}

/** The environment a `keys` line is scoped to (null: the repository's secret) and the secret. */
export function keyScope(key: Pick<KeyRef, 'secretName'>): {
  readonly environment: string | null
  readonly secret: string
} {
  const slash = key.secretName.lastIndexOf('/')
  return slash < 0
    ? { environment: null, secret: key.secretName }
    : { environment: key.secretName.slice(0, slash), secret: key.secretName.slice(slash + 1) }
}

export interface KeyLastUse {
  /** ISO time of the last use; null when never used. */
  readonly date: string | null
  readonly serviceName: string | null
  readonly region: string | null
}

export interface KeyOwner {
  readonly secretName: string
  readonly accessKeyId: string
  readonly accountId: string
  readonly userName: string
  readonly lastUsed: KeyLastUse
}

export type OwnerLookup =
  | { readonly ok: true; readonly owner: KeyOwner }
  | {
      readonly ok: false
      readonly secretName: string
      readonly accessKeyId: string
      /** One sentence naming the secret (never the key) and what to do. */
      readonly error: string
    }

/** What was read for one key pair. */
export interface PairFacts {
  readonly key: KeyRef
  /** The pair's jobs, split once into direct uses and role chains (see `splitUses`). */
  readonly uses: KeyUses
  readonly owner: KeyOwner | null
  readonly error: string | null
  readonly inventory: UserInventory | null
  readonly roleName: string | null
  readonly existing: RoleState | null
  readonly ownedPolicies: ReadonlyMap<string, ManagedPolicyState>
  /** Roles the keys assume (role chaining), as they are now, by ARN. */
  readonly chained: ReadonlyMap<string, RoleState | null>
  /** What the user's key used (IAM service last accessed data); absent when not read. */
  readonly usage?: UsageFacts
}

/**
 * IAM service last accessed data of a user (`iam:GetServiceLastAccessedDetails`, action level):
 * every service its permissions policies grant, used or not; or why there is none.
 */
export type UsageFacts =
  | {
      readonly status: 'available'
      /** ISO time the report was completed. */
      readonly generatedAt: string
      readonly services: readonly ServiceUsage[]
    }
  | {
      readonly status: 'unavailable'
      /** The job did not complete in time, IAM reported it failed, or the call was refused. */
      readonly cause: 'timeout' | 'failed' | 'error'
      /** IAM's own message (or the error), for the reader. */
      readonly detail: string
    }

/** One service the user's policies grant, and its last use. */
export interface ServiceUsage {
  /** The service prefix (`s3`, `ec2`), as actions name it. */
  readonly namespace: string
  readonly name: string
  /** ISO time of the last authenticated attempt; null when never in the tracking period. */
  readonly lastAuthenticated: string | null
  readonly region: string | null
  /** The ARN of the principal that made it (the user itself for a user's report). */
  readonly entity: string | null
  /** Per tracked action (name without the prefix) when IAM tracks actions of this service. */
  readonly actions: readonly ActionUsage[] | null
}

export interface ActionUsage {
  readonly name: string
  readonly lastAccessed: string | null
  readonly region: string | null
}

/** Everything the AWS plan is made from. */
export interface AwsFacts {
  readonly caller: CallerIdentity
  readonly quotas: AccountQuotas
  readonly providerArn: string
  readonly provider: ProviderState | null
  readonly pairs: readonly PairFacts[]
  readonly rolesTrusting: ReadonlyMap<string, readonly string[]>
}

/** `arn:aws:iam::aws:policy/...` (any partition). */
export function isAwsManaged(arn: string): boolean {
  return /^arn:[\w-]+:iam::aws:policy\//.test(arn)
}

/** The account field of an ARN (`arn:aws:iam::ACCOUNT:role/x`); undefined when there is none. */
export function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4]
}
