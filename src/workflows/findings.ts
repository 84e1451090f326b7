/**
 * The scanner's output contract. `plan --format json` prints `{findings, errors}` with
 * exactly these field names; later stages add fields but never rename or remove one.
 */

/** What kind of static-key use a finding is. One SARIF rule per kind. */
export type FindingKind =
  /** `aws-actions/configure-aws-credentials` given key inputs (role chaining when `roleToAssume` is set). */
  | 'configure-aws-credentials'
  /** `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` set from secrets in an `env:` map. */
  | 'env'
  /** Key secrets fed to another action's `with:` inputs (docker/login-action, composite or third-party actions). */
  | 'action-input'
  /** A reusable workflow declaring key secrets under `on.workflow_call.secrets`. */
  | 'reusable-workflow-secret'
  /** A job calling a reusable workflow and passing key secrets in `secrets:`. */
  | 'reusable-workflow-caller'
  /** A job calling, with `secrets: inherit`, a reusable workflow of this repository that uses keys. */
  | 'reusable-workflow-inherit'
  /** A secret name computed at run time (`secrets[format(...)]`, `secrets[matrix.x]`). */
  | 'dynamic-secret'
  /** Keys leave the runner's own login: run scripts, credentials files, TF_VAR_*, build args, containers, toJSON(secrets). */
  | 'key-export'
  /** Keys for an S3-compatible service that is not AWS (R2, MinIO, custom AWS_ENDPOINT_URL): never migrated. */
  | 'non-aws'
  /** Keys named for AWS beside an S3-compatible endpoint that is not AWS: the evidence disagrees; counts, migrate by hand. */
  | 'ambiguous'

export const FINDING_KINDS: readonly FindingKind[] = [
  'configure-aws-credentials',
  'env',
  'action-input',
  'reusable-workflow-secret',
  'reusable-workflow-caller',
  'reusable-workflow-inherit',
  'dynamic-secret',
  'key-export',
  'non-aws',
  'ambiguous'
]

/**
 * What the rewriter may do with a finding.
 * - `automatic`: rewritten to OIDC role assumption.
 * - `manual`: a person must act (the finding's `reason` says what and why).
 * - `not-migrated`: deliberately left alone (not AWS, test data, ...); reported for completeness.
 */
export type Migration = 'automatic' | 'manual' | 'not-migrated'

/** Why a finding has its `migration`, for programs (`reason` says it in words). */
export type ReasonCode =
  | 'cac'
  | 'cac-chain'
  | 'cac-chain-unknown'
  | 'cac-dynamic'
  | 'cac-input'
  | 'cac-expression'
  | 'session-token'
  | 'partition'
  | 'env-app-config'
  | 'with-hand-on'
  | 'run-expression'
  | 'run-input'
  | 'generated'
  | 'composite-secrets'
  | 'shared'
  | 'all-secrets'
  | 'dynamic'
  | 'non-aws'
  | 'env'
  | 'env-other-name'
  | 'env-input'
  | 'env-mixed-names'
  | 'env-action'
  | 'container'
  | 'with'
  | 'with-local'
  | 'run'
  | 'caller'
  | 'condition'
  | 'other'
  | 'callee'
  | 'inherit'
  | 'docker-ecr'
  | 'callee-migrated'
  | 'caller-migrated'
  | 'inherit-migrated'
  | 'callers-differ'
  | 'env-step-by-hand'
  | 'pull-request-target-head'
  | 'ambiguous-endpoint'
  | 'cac-chain-resolved'
  | 'rewrite-left'
  | 'code-drops-token'
  /** A job reads a key secret defined in none of its environment, repository, organisation. */
  | 'secret-undefined'

/**
 * A key is the pair (access-key-id secret, secret-access-key secret), named by secret names
 * (never values). A side is null when the workflow does not show it (e.g. only the id is passed).
 */
export interface KeyPair {
  readonly accessKeyId: string | null
  readonly secretAccessKey: string | null
  readonly sessionToken: string | null
}

export interface StepRef {
  /** Zero-based index in the job's `steps` (or the composite action's `runs.steps`). */
  readonly index: number
  readonly name: string | null
  readonly id: string | null
  readonly uses: string | null
}

/** A `permissions:` value as written: `read-all`, `write-all`, or a scope map (possibly `{}`). */
export type PermissionsValue = 'read-all' | 'write-all' | Readonly<Record<string, string>>

/** The token permissions in force where a finding sits, as written in the file. */
export interface PermissionsContext {
  /** Top-level `permissions:`; null when absent. */
  readonly workflow: PermissionsValue | null
  /** The job's `permissions:`; null when absent (or at workflow level). */
  readonly job: PermissionsValue | null
}

/** One event of the workflow's `on:` with the filters that shape the OIDC subject. */
export interface Trigger {
  /** `push`, `pull_request`, `schedule`, `workflow_dispatch`, `workflow_call`, ... */
  readonly event: string
  /** `branches` filter (push, pull_request, pull_request_target, merge_group, workflow_run); null when absent. */
  readonly branches: readonly string[] | null
  readonly branchesIgnore: readonly string[] | null
  /** `tags` filter (push); null when absent. */
  readonly tags: readonly string[] | null
  readonly tagsIgnore: readonly string[] | null
  /** `types` filter (release, pull_request, workflow_run, ...); null when absent. */
  readonly types: readonly string[] | null
}

export interface Finding {
  /** Path relative to the scanned root, with `/` separators (e.g. `.github/workflows/deploy.yml`). */
  readonly file: string
  /** 1-based line and column of the node the finding is about (the secret reference or the key). */
  readonly line: number
  readonly column: number
  /** Job id; null at workflow level (`env:` of the workflow, `on.workflow_call.secrets`) and in composite actions. */
  readonly job: string | null
  readonly step: StepRef | null
  readonly kind: FindingKind
  readonly migration: Migration
  /** One sentence a person can act on: what was found and, unless automatic, why it is not rewritten. */
  readonly reason: string
  /** The cause `reason` words: e.g. `cac`, `cac-chain-unknown` (role-to-assume is an expression). */
  readonly code: ReasonCode
  /** Every secret name the finding references (sorted, unique). */
  readonly secrets: readonly string[]
  readonly pair: KeyPair
  /** The YAML path of the node, e.g. `['jobs', 'deploy', 'steps', 2, 'with', 'aws-access-key-id']`. */
  readonly path: readonly (string | number)[]
  /** `role-to-assume` of the same configure-aws-credentials step when keys are chained onto a role. */
  readonly roleToAssume: string | null
  /** The workflow's triggers (for a composite action: empty). */
  readonly triggers: readonly Trigger[]
  /** The job's `environment` name (string form or `environment.name`); null when none. */
  readonly environment: string | null
  readonly permissions: PermissionsContext
}

export interface ScanError {
  readonly file: string
  /** 1-based; 1 when the parser gives no position. */
  readonly line: number
  readonly message: string
}

export interface ScanResult {
  readonly findings: readonly Finding[]
  readonly errors: readonly ScanError[]
}

/** A workflow or composite-action file handed to the scanner (pure: no I/O in the scanner). */
export interface WorkflowFile {
  /** Path relative to the repository root, `/` separators. */
  readonly path: string
  readonly text: string
}

/**
 * A job that runs code handing the keys on without the session token, which the migration does
 * not fix (`src/code/`): the job stays on its keys (`ScanOptions.codeHolds`).
 */
export interface CodeHold {
  /** The workflow file and job. */
  readonly file: string
  readonly job: string
  /** The code that holds it: file and 1-based line. */
  readonly codeFile: string
  readonly line: number
  readonly verdict: 'drops-token' | 'static-only'
}

/** A stable identity for a key pair, used to map pairs to roles (`SECRET_ID/SECRET_KEY`). */
export function pairKey(pair: KeyPair): string {
  return `${pair.accessKeyId ?? '?'}/${pair.secretAccessKey ?? '?'}`
}

/**
 * The findings that are uses of AWS key material (automatic or manual migration): what
 * `fail-on-findings` counts and what a migration takes part in. Keys of an S3-compatible service
 * that is not AWS (not-migrated) are reported but never count.
 */
export function awsKeyFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.migration !== 'not-migrated')
}
