/**
 * What the pull request says, as data (pure): the summary rows, the roles with their trust
 * policies, warnings, follow-ups, token permission changes and next steps. The migration plan
 * makes it; `src/report/pr-body.ts` words it.
 */
import type { ChangedDocument } from '../aws/plan/permissions.js'
import type { PermissionsValue } from '../workflows/findings.js'
import type { Widening } from '../workflows/subjects.js'
import type { RepositoryDefault } from '../workflows/permissions.js'
import type { CacInputsEdit, IdTokenEdit } from '../workflows/rewrite/contract.js'
import type { UnparsedFile } from './blocked.js'
import type { TrustCheck } from '../trust/check.js'
import type { IacPlan } from '../iac/files.js'
import type { UsageRecord } from '../aws/plan/usage.js'
import type { CodeReport } from '../code/contract.js'
import type { SecretSources } from './secret-sources.js'

export interface PullRequestBodyInput {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly summary: readonly SummaryRow[]
  readonly roles: readonly RoleSection[]
  readonly warnings: readonly string[]
  readonly followUps: readonly FollowUpItem[]
  readonly tokenPermissionChanges: readonly TokenPermissionChange[]
  readonly nextSteps: NextSteps
  /** Per role, its trust policy checked against its jobs' and adversarial claims. */
  readonly trustChecks?: readonly TrustCheck[]
  /** Link to the workflow run that made the pull request (its job summary has everything). */
  readonly runUrl?: string | null
  /** Workflow files that are not valid YAML (not scanned; GitHub rejects them too). */
  readonly notScanned?: readonly UnparsedFile[]
  /** The configure-aws-credentials steps moved to v6: the version each came from, inputs converted. */
  readonly cacSteps?: readonly CacStepUpgrade[]
  /** With `iac`: the code to apply before the merge (the roles do not exist yet). */
  readonly iac?: IacPlan | null
  /** The code the jobs run that hands the keys on, and its fixes (`src/code/`). */
  readonly code?: CodeReport | null
  /** Per IAM user: what its key used of what the user may do (last accessed data). */
  readonly usage?: readonly UsageRecord[]
  /** Where each job's key secrets are defined; shared organisation secrets are named. */
  readonly secretSources?: SecretSources | null
}

/** A rewritten configure-aws-credentials step as the pull request leaves it (from the edits). */
export interface CacStepUpgrade {
  readonly workflow: string
  readonly job: string
  /** Zero-based index of the step in the job's `steps`. */
  readonly step: number
  /** 1-based line of the step's `uses:` (or `with:`) on the default branch. */
  readonly line: number
  /** `uses:` before (`aws-actions/configure-aws-credentials@v4`) and after; null when on v6 already. */
  readonly from: string | null
  readonly to: string | null
  /** The version comment of a SHA pin before (`v4.0.2`), else null. */
  readonly fromComment: string | null
  /** Boolean inputs written the YAML 1.1 way (`no`), now `true`/`false`. */
  readonly converted: CacInputsEdit['converted']
}

/** One job that used a key pair. */
export interface SummaryRow {
  /** Workflow file path. */
  readonly workflow: string
  /** Job id; null for workflow-level or composite-action uses. */
  readonly job: string | null
  /** The secret names of the pair, e.g. `AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY`. */
  readonly keyPair: string
  /** The role the job now assumes; null when the use is not migrated (see follow-ups). */
  readonly roleArn: string | null
}

export interface RoleSection {
  readonly roleName: string
  readonly roleArn: string
  /** The IAM user whose keys the role replaces; null for a chained role. */
  readonly iamUser: string | null
  /** The keys only assumed this existing role; the role now also trusts GitHub. */
  readonly chained: boolean
  /**
   * The `role-to-assume` expressions found to be this chained role (it alone trusts the keys'
   * IAM user), and that user; null when the steps name the role literally.
   */
  readonly resolvedFrom: {
    readonly expressions: readonly string[]
    readonly iamUser: string
  } | null
  /** The trust policy document (an object, or its JSON text). */
  readonly trustPolicy: unknown
  /** Each `sub` pattern the trust policy admits, with the jobs that present it. */
  readonly admits: readonly AdmittedSubject[]
  /** How each of the user's policies is copied, one line each. */
  readonly permissionsCopied: readonly string[]
  /** The documents the role receives that differ from their source, with the changes. */
  readonly documentChanges: readonly ChangedDocument[]
  /** Policies merged to stay within IAM quotas, one line each. */
  readonly merges: readonly string[]
  /** Where the trust policy admits more than the workflows' filters (issue 10). */
  readonly widenings: readonly Widening[]
}

export interface AdmittedSubject {
  /** The `sub` pattern (IAM `StringLike`). */
  readonly subject: string
  /** `FILE (job JOB): EVENT ...`, one per job and trigger that presents it. */
  readonly sources: readonly string[]
}

export interface FollowUpItem {
  readonly file: string
  /** 1-based line in the file as it is on the default branch. */
  readonly line: number
  readonly message: string
}

/** A job given `id-token: write`: its permissions before, and the edit that changed them. */
export interface TokenPermissionChange {
  readonly workflow: string
  readonly job: string
  readonly before: PermissionsBefore
  readonly after: IdTokenEdit
}

/**
 * The permissions a job had: its own or the workflow's as written, else the repository default
 * (null when unknown).
 */
export type PermissionsBefore =
  | { readonly source: 'job' | 'workflow'; readonly value: PermissionsValue }
  | { readonly source: 'repository-default'; readonly value: RepositoryDefault | null }

export interface NextSteps {
  /** Workflows to run once merged, to see the roles assumed. */
  readonly workflowsToRun: readonly string[]
  /** The key secrets that can be deleted once the roles work. */
  readonly secretsToRetire: readonly string[]
  /** How to retire the keys with this action (e.g. the cleanup mode and its inputs). */
  readonly cleanup: string
}
