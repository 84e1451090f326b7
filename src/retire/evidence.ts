/**
 * What `mode: cleanup` and `mode: rollback` know about a migration, as plain records (pure):
 * the migration pull request, and per key pair (one role the action manages for this
 * repository) the key, its last use, the role's last use, the runs of the migrated workflows,
 * the workflow files that still refer to the pair's secrets, the secrets that still hold it and
 * what else is left on the IAM user. `src/modes/cleanup.ts` gathers them; `plan.ts` decides.
 * Times are ISO 8601 strings.
 */
import type { OrgSecretRef, SecretRef } from '../migration/secret-sources.js'

/** The migration pull request (branch `aws-keys-to-oidc` or the `branch` input). */
export interface MigrationPullRequest {
  /** `absent`: no pull request from the branch. */
  readonly state: 'open' | 'closed' | 'merged' | 'absent'
  readonly number: number | null
  readonly url: string | null
  /** *T*: when it was merged. */
  readonly mergedAt: string | null
  readonly mergeCommitSha: string | null
}

/** `GetAccessKeyLastUsed`: when, with which service and in which region. */
export interface KeyLastUse {
  readonly at: string
  readonly service: string | null
  readonly region: string | null
}

/** The access key the role replaced (found by the user and the last four characters). */
export interface RetireKey {
  readonly accessKeyId: string
  readonly status: 'Active' | 'Inactive'
  readonly lastUse: KeyLastUse | null
}

/** A secret that held the pair; an organisation secret of the pair's name the repository sees. */
export type { OrgSecretRef, SecretRef }

/** A line of a workflow on the default branch head that still uses one of the pair's secrets. */
export interface SecretReference {
  readonly file: string
  readonly line: number
  readonly secret: string
}

/** A successful run of a migrated workflow file on the default branch. */
export interface WorkflowRunRecord {
  readonly file: string
  readonly runId: number
  readonly at: string
}

/** What else the IAM user holds; `delete-user` deletes it only when all of this is empty. */
export interface UserLeftovers {
  /** Access keys other than the pair's. */
  readonly otherKeys: readonly string[]
  readonly loginProfile: boolean
  readonly mfaDevices: number
  readonly signingCertificates: number
  readonly sshPublicKeys: number
  readonly serviceSpecificCredentials: number
  /** Roles of this action for another repository that replace keys of this user. */
  readonly otherMigrations: readonly string[]
}

/** The IAM user of the pair; null when it does not exist (any more). */
export interface RetireUser {
  readonly name: string
  readonly leftovers: UserLeftovers
  /** What `delete-user` detaches and deletes with it. */
  readonly attachedPolicies: readonly string[]
  readonly inlinePolicies: readonly string[]
  readonly groups: readonly string[]
}

/** One key pair of a completed migration, as found. */
export interface PairEvidence {
  readonly roleName: string
  readonly roleArn: string
  readonly userName: string
  /** The last four characters of the key id (the role's tag). */
  readonly keyEnd: string
  /** The secret names that held the pair (the role's tag); null when the role records none. */
  readonly secretNames: readonly string[] | null
  /** The migrated workflow files (the role's tag). */
  readonly workflows: readonly string[]
  /** `RoleLastUsed.LastUsedDate`; null when IAM records none. */
  readonly roleLastUsed: string | null
  /** When this action deactivated the key (the role's tag); null when it did not. */
  readonly deactivatedAt: string | null
  /**
   * The key; null when the user has no key ending in `keyEnd` (deleted). `ambiguous` when
   * several keys of the user end so (then nothing is done to any of them).
   */
  readonly key: RetireKey | null | 'ambiguous'
  readonly references: readonly SecretReference[]
  readonly runs: readonly WorkflowRunRecord[]
  /** Repository and environment secrets of the pair's names that exist now. */
  readonly secrets: readonly SecretRef[]
  readonly orgSecrets: readonly OrgSecretRef[]
  readonly user: RetireUser | null
}

/** Everything one cleanup run decides from. */
export interface RetireEvidence {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly pullRequest: MigrationPullRequest
  readonly pairs: readonly PairEvidence[]
}
