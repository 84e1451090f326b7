/**
 * The rewriter's contract: what it needs (role ARNs, region, repository default permissions,
 * configure-aws-credentials release) and what it returns per file (text before and after, the
 * edits made, the manual follow-ups) plus notes for the whole run.
 */
import type { CacRef } from './action-pins.js'
import type { Finding, FindingKind, KeyPair } from '../findings.js'
import type { RepositoryDefault, ScopeMap } from '../permissions.js'

/** The placeholder written when no role ARN is known for a key pair. */
export const PLACEHOLDER_ARN = 'arn:aws:iam::<account>:role/<name>'
/** The placeholder written when a new step needs a region and none is known. */
export const PLACEHOLDER_REGION = '<region>'

export interface RewriteOptions {
  /**
   * Role ARN per access-key-id secret name (as the workflow names it, e.g. `PROD_AWS_ACCESS_KEY_ID`),
   * or per `ENV/NAME` for the jobs of environment ENV (which read that environment's secret).
   */
  readonly roleArns?: Readonly<Record<string, string>>
  /** Role ARN for every pair without its own entry in `roleArns`. */
  readonly defaultRoleArn?: string | null
  /** Region for new configure-aws-credentials steps when the workflow does not show one. */
  readonly region?: string | null
  /** The repository's default token permissions; null when unknown (assumed restricted, noted). */
  readonly repositoryDefault?: RepositoryDefault | null
  /** configure-aws-credentials release to move to; default the tag `v6` (offline). */
  readonly cacRef?: CacRef
  /**
   * Files that stay as they are, path -> why (a file the migration plan blocks). A called
   * workflow changes only together with every caller in the repository: one such caller holds it.
   */
  readonly keep?: ReadonlyMap<string, string>
  /**
   * `role-to-assume` expressions of chaining steps, by the role each was found to be (the one
   * role of the account trusting the keys' IAM user, `mode: migrate`): their keys go too.
   */
  readonly chainedRoles?: ReadonlyMap<string, string>
}

/**
 * One change made in a file, as data: where (line in the original file), which job and what.
 * The words are made by the renderers (`src/report/edits.ts`), never here.
 */
export type RewriteEdit =
  | IdTokenEdit
  | ActionPinEdit
  | CacInputsEdit
  | RoleToAssumeEdit
  | CacStepAddedEdit
  | EnvRemovedEdit
  | DockerLoginEdit
  | SecretsNotPassedEdit
  | SecretsOptionalEdit

/** An edit before its line is known: what {@link RewriteEdit} holds besides `line`. */
export type EditFields<E extends RewriteEdit = RewriteEdit> = E extends unknown
  ? Omit<E, 'line'>
  : never

interface JobEdit {
  readonly line: number
  readonly job: string
}

/**
 * The job's `permissions:` now grant `id-token: write` (see `idTokenChange` in
 * `../permissions.ts`): the entry upgraded (`from` the level it had) or added to the job's map,
 * the job's `read-all` written out as `scopes`, or a block of `scopes` added, copied from the
 * workflow's permissions or from the repository default.
 */
export type IdTokenEdit = JobEdit & { readonly kind: 'id-token' } & (
    | { readonly change: 'upgrade'; readonly from: string }
    | { readonly change: 'add-entry' }
    | { readonly change: 'expand'; readonly from: 'read-all'; readonly scopes: ScopeMap }
    | { readonly change: 'add-block'; readonly from: 'workflow'; readonly scopes: ScopeMap }
    | {
        readonly change: 'add-block'
        readonly from: 'repository-default'
        readonly repositoryDefault: RepositoryDefault
        readonly scopes: ScopeMap
      }
  )

/** A step's `uses:` moved to another ref (configure-aws-credentials to its release). */
export interface ActionPinEdit extends JobEdit {
  readonly kind: 'action-pin'
  /** The `uses:` value before and after, e.g. `aws-actions/configure-aws-credentials@v1`. */
  readonly from: string
  readonly to: string
  /** Zero-based index of the step in the job's `steps`. */
  readonly step: number
  /** The version comment of a SHA pin before (`v4.0.2`), else null. */
  readonly fromComment: string | null
}

/** Boolean inputs of a configure-aws-credentials step written the YAML 1.1 way, now `true`/`false`. */
export interface CacInputsEdit extends JobEdit {
  readonly kind: 'cac-inputs'
  /** Zero-based index of the step in the job's `steps`. */
  readonly step: number
  readonly converted: readonly {
    readonly input: string
    readonly from: string
    readonly to: 'true' | 'false'
  }[]
}

/**
 * A configure-aws-credentials step's key inputs went: it assumes `roleArn` with OIDC, the ARN of
 * the pair's role or, when `chained`, the step's own `role-to-assume` (the role the keys assumed).
 */
export interface RoleToAssumeEdit extends JobEdit {
  readonly kind: 'role-to-assume'
  /** Zero-based index of the step in the job's `steps`. */
  readonly step: number
  readonly roleArn: string
  readonly chained: boolean
}

/** A configure-aws-credentials step added to the job, with the inputs it was written with. */
export interface CacStepAddedEdit extends JobEdit {
  readonly kind: 'cac-step-added'
  /** Zero-based index of the step it goes before (the words count from 1). */
  readonly before: number
  readonly roleArn: string
  /** `aws-region` as written: a region, an expression, or {@link PLACEHOLDER_REGION}. */
  readonly region: string
  /** The `if:` it carries (that of the steps it serves), or null. */
  readonly if: string | null
}

/**
 * Key entries removed from an `env:` map: the workflow's (`job` null), a job's (`step` null) or
 * a step's (zero-based `step`).
 */
export interface EnvRemovedEdit {
  readonly line: number
  readonly kind: 'env-removed'
  readonly job: string | null
  readonly step: number | null
  /** The env names removed, in file order. */
  readonly names: readonly string[]
}

/** A docker/login-action step logging in to ECR: username/password went, it uses the role's. */
export interface DockerLoginEdit extends JobEdit {
  readonly kind: 'docker-login'
  /** Zero-based index of the step in the job's `steps`. */
  readonly step: number
}

/** A job calling a reusable workflow no longer passes the key secrets it stopped using. */
export interface SecretsNotPassedEdit extends JobEdit {
  readonly kind: 'secrets-not-passed'
  /** The `secrets:` entries removed, in file order. */
  readonly secrets: readonly string[]
  /** The called workflow (`uses:`), e.g. `./.github/workflows/deploy.yml`. */
  readonly workflow: string
}

/** Declared `workflow_call` secrets no longer used: now `required: false`. */
export interface SecretsOptionalEdit {
  readonly line: number
  readonly kind: 'secrets-optional'
  readonly secrets: readonly string[]
}

/** Something a person must do by hand. */
export interface FollowUp {
  readonly file: string
  /** 1-based line in the original file. */
  readonly line: number
  readonly reason: string
  /** The finding kind it comes from, or null for one the rewriter raised itself. */
  readonly kind: FindingKind | null
}

/** Why a called workflow stays as it was: the first calling job that cannot follow it. */
export interface CallerHold {
  /** The caller's file (repository path). */
  readonly caller: string
  readonly job: string
  /** Why the caller stays as it is. */
  readonly why: string
}

export interface FileRewrite {
  readonly path: string
  readonly before: string
  readonly after: string
  readonly changed: boolean
  readonly edits: readonly RewriteEdit[]
  readonly followUps: readonly FollowUp[]
  /** Set when this called workflow stays as it was because a caller stays (`callers.ts`). */
  readonly heldBy?: CallerHold
}

/** A role the rewritten workflows assume. */
export interface AssumedRole {
  /** Identity of the key pair (`ID_SECRET/SECRET_SECRET`, see `pairKey`). */
  readonly pairKey: string
  readonly pair: KeyPair
  readonly arn: string
  /** True when the ARN is {@link PLACEHOLDER_ARN}. */
  readonly placeholder: boolean
  /** Role chaining: the role the keys used to assume, now assumed directly (trust it from GitHub). */
  readonly chained: boolean
  readonly files: readonly string[]
}

export interface RewriteResult {
  /** Every input file, in input order. */
  readonly files: readonly FileRewrite[]
  readonly roles: readonly AssumedRole[]
  /** Notes for the whole run (offline pinning, assumed default permissions, placeholders). */
  readonly notes: readonly string[]
  /** New steps written with {@link PLACEHOLDER_REGION} (no region in the file nor in the options). */
  readonly missingRegions: readonly { readonly file: string; readonly line: number }[]
  /**
   * The findings given, in their order, as the rewrite settled them: `automatic` exactly where
   * the rewrite migrated the use. An automatic finding of a file the rewrite had to leave as it
   * was is `manual`, its reason the follow-up's. This is what a plan shows.
   */
  readonly findings: readonly Finding[]
}
