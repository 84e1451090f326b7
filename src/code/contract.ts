import type { CodeHold } from '../workflows/findings.js'

/**
 * The code scan's contract: what the jobs run (repository source files and the `run:` scripts
 * of workflows and composite actions) in, the places that hand the runner's AWS key pair on out,
 * each with what it does with the session token and, where it can be fixed, the edits that fix
 * it. Records only: the words are made by `src/report/code/`.
 */

/** A repository file handed to the code scan (pure: no I/O here). */
export interface CodeFile {
  /** Path relative to the repository root, `/` separators. */
  readonly path: string
  readonly text: string
}

/**
 * What the code does with the keys:
 * - `passes-token`: the session token is handed on too; nothing to do.
 * - `drops-token`: the key pair is handed on without the token; it breaks once the keys are
 *   temporary (after the migration).
 * - `static-only`: hard-wired to long-lived keys (literal keys, keys from somewhere other than
 *   the runner's AWS variables, keys copied into a deployed function): no token can follow.
 */
export type CodeVerdict = 'passes-token' | 'drops-token' | 'static-only'

/** The language or tool a finding is in; one detector each. */
export type CodeTool =
  | 'python'
  | 'javascript'
  | 'go'
  | 'java'
  | 'terraform'
  | 'serverless'
  | 'docker-compose'
  | 'shell'
  | 'workflow-run'

/**
 * The construct found, for the renderer:
 * - python: `boto3-call` (client, resource, Session, create_client with aws_access_key_id=)
 * - javascript: `sdk-v3-credentials` / `sdk-v2-config` (an object literal with accessKeyId and
 *   secretAccessKey), `sdk-v2-credentials` (new AWS.Credentials(id, secret))
 * - go: `static-credentials` (NewStaticCredentials, NewStaticCredentialsProvider)
 * - java: `basic-credentials` (BasicAWSCredentials, AwsBasicCredentials.create)
 * - terraform: `provider-keys` (provider "aws" with access_key)
 * - serverless: `function-environment` (provider.environment copying the keys)
 * - docker-compose: `service-environment`
 * - shell / workflow-run: `aws-configure`, `credentials-file`, `docker-env`, `build-arg`,
 *   `terraform-var`, `export-other-name`, `github-env`, `env-file`
 */
export type CodeConstruct =
  | 'boto3-call'
  | 'sdk-v3-credentials'
  | 'sdk-v2-config'
  | 'sdk-v2-credentials'
  | 'static-credentials'
  | 'basic-credentials'
  | 'provider-keys'
  | 'function-environment'
  | 'service-environment'
  | 'aws-configure'
  | 'credentials-file'
  | 'docker-env'
  | 'build-arg'
  | 'terraform-var'
  | 'export-other-name'
  | 'github-env'
  | 'env-file'

/** One replacement in the original text: `[start, end)` becomes `text`. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * How a finding is fixed: `add-token` hands the session token on beside the key pair (the
 * chosen fix everywhere: it keeps whatever the explicit keys override, such as a profile or a
 * credentials file, and works as before where the token is unset). `edits` are minimal and
 * idempotent: the fixed code is found `passes-token`.
 */
export interface CodeFix {
  readonly choice: 'add-token'
  readonly edits: readonly TextEdit[]
  /** What was added, as written into the file (`aws_session_token=os.getenv('AWS_SESSION_TOKEN')`). */
  readonly added: string
}

/**
 * Why a `drops-token` or `static-only` finding has no fix (the renderer words each):
 * - `keys-not-from-env`: the keys come from somewhere other than the runner's AWS variables;
 * - `needs-declaration`: the token needs a new declaration elsewhere (a Docker ARG, a Terraform
 *   variable, a class in Java) that a minimal edit cannot make safely;
 * - `other-name`: the keys are copied under other names, which only the reader knows;
 * - `literal-keys`: long-lived keys written in the file;
 * - `deployed`: the keys are copied into what is deployed (a function's environment), where
 *   temporary credentials expire; give it its own role instead;
 * - `not-a-line`: the script is not a literal block (`run: |`), so a line cannot be added.
 */
export type NoFixReason =
  | 'keys-not-from-env'
  | 'needs-declaration'
  | 'other-name'
  | 'literal-keys'
  | 'deployed'
  | 'not-a-line'

export interface CodeFinding {
  /** The file the code is in: a source file, or the workflow / action holding the `run:`. */
  readonly file: string
  /** 1-based line of the construct (the secret key's hand-off where there is one). */
  readonly line: number
  readonly tool: CodeTool
  readonly construct: CodeConstruct
  readonly verdict: CodeVerdict
  /** The fix; null for `passes-token` and where no minimal fix is safe (see `noFix`). */
  readonly fix: CodeFix | null
  readonly noFix: NoFixReason | null
  /** For a `run:` script: the job (null in a composite action) and the step's index. */
  readonly job: string | null
  readonly step: number | null
}

/** A job that runs code, and the files and lines it runs (from the steps naming them). */
export interface JobLink {
  /** The workflow file. */
  readonly workflow: string
  readonly job: string
  /** Source files the job's steps name (sorted, unique). */
  readonly files: readonly string[]
}

/** What a report shows of the code the jobs run (CLI, job summary, pull request body, JSON). */
export interface CodeReport {
  readonly findings: readonly CodeFinding[]
  /** The findings whose fix the plan makes (rewritten workflow, fixed file). */
  readonly applied: readonly CodeFinding[]
  readonly holds: readonly CodeHold[]
  /** Set when the read stopped at its budget (mode: migrate). */
  readonly budget?: { readonly bytes: number; readonly skipped: number } | null
}
