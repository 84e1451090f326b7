/**
 * The `plan` output (pure): everything the migration plan decided, as JSON, with no access key
 * id and no policy text beyond IAM's own. A contract: its fields only grow, never change or go
 * (the end-to-end tests compare it), so each level has a named type here.
 */
import type { KeyLastUse } from '../aws/plan/facts.js'
import type { AttachedPolicyPlan, PolicyChange } from '../aws/plan/permissions.js'
import type { PairPlan } from '../aws/plan/plan.js'
import type { ProviderPlan } from '../aws/plan/provider.js'
import type { Change, ResourceChange, RolePlan } from '../aws/plan/role.js'
import type { PolicyDocument } from '../aws/plan/policy-document.js'
import type { BlockedFile } from '../migration/blocked.js'
import type { MigrationPlan } from '../migration/compose.js'
import type { FileRewrite, FollowUp, RewriteEdit } from '../workflows/rewrite/contract.js'
import type { SubjectPattern, Widening } from '../workflows/subjects.js'
import { editJson } from './edits.js'
import type { TrustCheck } from '../trust/check.js'
import { usageRecords } from '../aws/plan/usage.js'
import { usageJson, type UsageJson } from './usage/json.js'
import { codeJson, type CodeJson } from './code/code-findings.js'
import { secretSourcesJson, type SecretSourcesJson } from './secrets/sections.js'

export interface PlanJson {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly defaultBranch: string
  readonly baseSha: string
  /**
   * The first account of `accounts` and its OIDC provider (the base credentials' account in a
   * migration of one account); null when no account could be read.
   */
  readonly accountId: string | null
  readonly provider: ProviderPlan | null
  /** Every account the pairs are planned in, each with its own OIDC provider. */
  readonly accounts: readonly { readonly accountId: string; readonly provider: ProviderPlan }[]
  readonly pairs: readonly PairJson[]
  /** Key secret name -> the role its jobs will assume. */
  readonly roleArns: Readonly<Record<string, string>>
  /** The files the plan changes or leaves follow-ups in. */
  readonly workflows: readonly WorkflowJson[]
  readonly blocked: readonly BlockedFile[]
  readonly pairErrors: readonly string[]
  readonly warnings: readonly string[]
  readonly followUps: MigrationPlan['followUps']
  /** Null when no workflow file changes. */
  readonly pullRequest: PullRequestJson | null
  /** Per IAM user: what its key used of what the user may do (IAM last accessed data). */
  readonly usage: readonly UsageJson[]
  /** The code the jobs run that hands the keys on, with its fixes; null when not read. */
  readonly code: CodeJson | null
  /** Where each job's key secrets are defined; null when the secrets were not read. */
  readonly secretSources: SecretSourcesJson | null
}

/** One `keys` line: its key's owner and the roles its jobs will assume. */
export interface PairJson {
  readonly secretName: string
  readonly user: string | null
  /** The account of the key's owner; null when the key could not be resolved. */
  readonly account: string | null
  /** The account the pair was planned in (its entry in `accounts` has the provider). */
  readonly plannedIn: string
  readonly lastUsed: KeyLastUse | null
  /** Null when the pair can be migrated. */
  readonly error: string | null
  readonly followUps: readonly string[]
  readonly roles: readonly RoleJson[]
}

export interface RoleJson {
  readonly kind: RolePlan['kind']
  readonly roleName: string
  readonly roleArn: string
  readonly change: Change
  readonly trustPolicy: PolicyDocument
  readonly subjects: readonly SubjectPattern[]
  /** Where the trust policy admits more than the workflows' filters, with an example each. */
  readonly widenings: readonly Widening[]
  readonly boundaryArn: string | null
  readonly maxSessionDuration: number
  /** Null for a chained role (its permissions are not touched). */
  readonly permissions: PermissionsJson | null
  readonly changes: readonly ResourceChange[]
  readonly warnings: readonly string[]
  /** The planned trust policy checked against the jobs' and adversarial claims; null when not checked. */
  readonly trustCheck: TrustCheck | null
}

/** The role's permissions by source, without the policy documents. */
export interface PermissionsJson {
  readonly attach: readonly AttachedPolicyPlan[]
  /** `changes`: what the copy changed from the source document (empty when copied as is). */
  readonly inline: readonly {
    readonly name: string
    readonly source: string
    readonly changes: readonly PolicyChange[]
  }[]
  readonly merged: readonly {
    readonly name: string
    readonly arn: string
    readonly sources: readonly string[]
    readonly changes: readonly PolicyChange[]
  }[]
  readonly copies: readonly string[]
}

export interface WorkflowJson {
  readonly path: string
  readonly changed: boolean
  readonly edits: readonly PlanEditJson[]
  readonly followUps: readonly FollowUp[]
}

/** One edit of a workflow file: the rewrite's record, with its words. */
export type PlanEditJson = RewriteEdit & { readonly description: string }

export interface PullRequestJson {
  readonly branch: string
  readonly base: string
  readonly title: string
  /** The paths it commits. */
  readonly files: readonly string[]
}

export function planJson(plan: MigrationPlan): PlanJson {
  return {
    repository: plan.repository,
    defaultBranch: plan.defaultBranch,
    baseSha: plan.baseSha,
    accountId: plan.aws.accounts[0]?.accountId ?? null,
    provider: plan.aws.accounts[0]?.provider ?? null,
    accounts: plan.aws.accounts.map((a) => ({ accountId: a.accountId, provider: a.provider })),
    pairs: plan.aws.pairs.map((p) => pairJson(p, plan.trustChecks)),
    roleArns: plan.roleArns,
    workflows: plan.rewrite.files
      .filter((f) => f.changed || f.followUps.length > 0)
      .map(workflowJson),
    blocked: plan.blocked,
    pairErrors: plan.pairErrors,
    warnings: plan.warnings,
    followUps: plan.followUps,
    pullRequest: plan.pullRequest
      ? {
          branch: plan.pullRequest.branch,
          base: plan.pullRequest.baseBranch,
          title: plan.pullRequest.title,
          files: plan.pullRequest.files.map((f) => f.path)
        }
      : null,
    usage: usageJson(usageRecords(plan.aws.pairs)),
    code: plan.code ? codeJson(plan.code) : null,
    secretSources: secretSourcesJson(plan.secretSources)
  }
}

function pairJson(p: PairPlan, checks: readonly TrustCheck[]): PairJson {
  return {
    secretName: p.secretName,
    user: p.owner?.userName ?? null,
    account: p.owner?.accountId ?? null,
    plannedIn: p.accountId,
    lastUsed: p.owner?.lastUsed ?? null,
    error: p.error,
    followUps: p.followUps,
    roles: p.roles.map((r) => ({
      ...roleJson(r),
      trustCheck: checks.find((c) => c.roleArn === r.roleArn) ?? null
    }))
  }
}

function roleJson(r: RolePlan): Omit<RoleJson, 'trustCheck'> {
  return {
    kind: r.kind,
    roleName: r.roleName,
    roleArn: r.roleArn,
    change: r.change,
    trustPolicy: r.trust.document,
    subjects: r.subjects,
    widenings: r.trust.widenings,
    boundaryArn: r.boundaryArn,
    maxSessionDuration: r.maxSessionDuration,
    permissions: r.permissions
      ? {
          attach: r.permissions.attach,
          inline: r.permissions.inline.map((i) => ({
            name: i.name,
            source: i.source,
            changes: i.changes
          })),
          merged: r.permissions.merged.map((m) => ({
            name: m.name,
            arn: m.arn,
            sources: m.sources,
            changes: m.changes
          })),
          copies: r.permissions.copies
        }
      : null,
    changes: r.changes,
    warnings: r.warnings
  }
}

function workflowJson(f: FileRewrite): WorkflowJson {
  return { path: f.path, changed: f.changed, edits: f.edits.map(editJson), followUps: f.followUps }
}
