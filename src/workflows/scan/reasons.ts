/**
 * The one-sentence `reason` of each finding: what was found and, unless automatic, why it is
 * not rewritten and what a person should do.
 */
import type { FindingKind, Migration, ReasonCode } from '../findings.js'

export type { ReasonCode }

export interface Why {
  readonly kind: FindingKind
  readonly migration: Migration
  readonly reason: ReasonCode
}

export interface ReasonFacts {
  readonly names: readonly string[]
  /** The env variable, input or secret entry the finding sits at. */
  readonly entry?: string | null
  /** The env variable, input or dynamic index the keys come through. */
  readonly via?: string | null
  readonly roleToAssume?: string | null
  readonly uses?: string | null
  readonly callee?: string
  readonly partition?: string | null
  /** Other secrets in the same env map. */
  readonly others?: number
  /** The "generated, do not edit" comment of the file. */
  readonly header?: string
  /** The endpoint variable or input that points away from AWS. */
  readonly endpoint?: string | null
}

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  'configure-aws-credentials': 'configure-aws-credentials step',
  env: 'env map',
  'action-input': 'action step',
  'reusable-workflow-secret': 'reusable workflow',
  'reusable-workflow-caller': 'reusable workflow call',
  'reusable-workflow-inherit': 'reusable workflow call',
  'dynamic-secret': 'step',
  'key-export': 'step',
  'non-aws': 'step',
  ambiguous: 'step'
}

export function kindReason(why: Why, f: ReasonFacts): string {
  const keys = f.names.length > 0 ? f.names.join(' and ') : 'the keys'
  const entry = f.entry ?? '?'
  switch (why.reason) {
    case 'cac':
      return `configure-aws-credentials logs in with the static keys ${keys}; rewritten to role-to-assume with id-token: write.`
    case 'cac-chain':
      return `configure-aws-credentials uses the static keys ${keys} only to assume ${f.roleToAssume ?? 'a role'} (role chaining); rewritten to assume a role through OIDC.`
    case 'cac-chain-unknown':
      return `configure-aws-credentials uses the static keys ${keys} only to assume the role in role-to-assume (${f.roleToAssume ?? ''}), which is not a literal role ARN: that role trusts the IAM user, not GitHub, so the keys stay. Write the role's ARN in role-to-assume instead; the migration then makes that role trust GitHub and removes the keys. With AWS credentials, mode: migrate and plan with keys also take the one role of the account that trusts the keys' IAM user, when there is exactly one.`
    case 'cac-dynamic':
      return `configure-aws-credentials takes keys chosen at run time (${f.via ?? keys}), so no single role can replace them; map each case to a role by hand.`
    case 'cac-input':
      return `configure-aws-credentials takes keys from the input ${f.via ?? '?'}, not from a secret; change this action together with its callers so they pass a role instead.`
    case 'cac-expression':
      return 'configure-aws-credentials takes keys from an expression that is not a secret (step or job outputs); trace where they come from and migrate by hand.'
    case 'session-token':
      return `Temporary credentials are stored as secrets (${keys}); find the principal that issues them and migrate by hand.`
    case 'partition':
      return `The keys ${keys} are for the ${f.partition ?? 'aws-cn'} partition, which needs its own OIDC provider and role there; migrate by hand.`
    case 'env-app-config':
      return `The keys ${keys} sit among ${f.others ?? 0} other secrets in this env map, the configuration of a program or test suite; check that it accepts temporary credentials (AWS_SESSION_TOKEN) and migrate by hand.`
    case 'with-hand-on':
      return `The keys ${keys} are handed on through the input ${entry} of ${f.uses ?? 'an action'} (build arguments, scripts or env of another process); migrate by hand.`
    case 'run-expression':
      return `A run script writes keys that come from ${f.via ?? 'an expression'}, not from a GitHub secret (for example a vault); migrate by hand.`
    case 'cac-chain-resolved':
      return `configure-aws-credentials uses the static keys ${keys} only to assume the role in role-to-assume (${f.roleToAssume ?? ''}); ${f.via ?? 'one role'} is the only role of the account that trusts their IAM user, so it is made to trust GitHub and the keys are removed (check that role-to-assume holds that role).`
    case 'code-drops-token':
      return `This job runs code that hands the keys ${keys} on ${f.via ?? ''}; after the migration the keys are temporary and need AWS_SESSION_TOKEN too, so the job keeps its keys: fix that code (see the code findings), then migrate.`
    case 'rewrite-left':
      return 'Not rewritten automatically (the rewrite left this use); migrate it by hand.'
    case 'ambiguous-endpoint':
      return `The keys ${keys} are named for AWS, but ${f.endpoint ?? 'an endpoint'} in scope points at an S3-compatible service that is not AWS; check which service these keys are for: if AWS, scope the endpoint to the step that needs it and migrate; if not, name the secrets for that service.`
    case 'run-input':
      return `A composite action's run script writes the keys from its input ${f.via ?? '?'} into the AWS login (aws configure, a credentials file); change this action together with its callers so they pass a role instead.`
    case 'generated':
      return `The ${KIND_LABEL[why.kind]} uses the static keys ${keys}, but this file says it is generated or synced ("${f.header ?? ''}"); migrate its source instead.`
    case 'composite-secrets':
      return `A composite action reads the secrets ${keys}, which the secrets context does not provide there; fix the action by hand.`
    case 'shared':
      return `The keys ${keys} sit in a YAML anchor or alias shared with other places; edit by hand.`
    case 'all-secrets':
      return 'The whole secrets context is handed over (toJSON(secrets)), so key secrets may leave the workflow unseen; review what the receiver does with AWS keys.'
    case 'dynamic':
      return `The key secret is chosen at run time (${f.via ?? keys}); map each case to a role by hand.`
    case 'non-aws':
      return `The keys ${keys} are for an S3-compatible service that is not AWS (custom endpoint, R2, MinIO); they cannot become an AWS role and are left as they are.`
    case 'env':
      return `The env map sets the runner's AWS credentials from ${keys}; replaced by a configure-aws-credentials step with role-to-assume.`
    case 'env-other-name':
      return `The keys ${keys} are copied into ${entry}, a variable the AWS tools do not read by themselves (a program, test or later step reads it); migrate by hand.`
    case 'env-input':
      return `The AWS credentials come from the input ${f.via ?? '?'}, not from a secret; change this action together with its callers by hand.`
    case 'env-mixed-names':
      return `The same env map also passes ${keys} under other names, so a program reads them directly; migrate by hand.`
    case 'env-action':
      return `The action ${f.uses ?? '?'} reads the keys ${keys} from its env; check that it accepts temporary credentials (AWS_SESSION_TOKEN) before migrating by hand.`
    case 'container':
      return `The keys ${keys} are passed into a job or service container's env; migrate by hand.`
    case 'with':
      return `The keys ${keys} are passed to ${f.uses ?? 'an action'} as input ${entry}; migrate by hand: authenticate with role-to-assume first and drop the inputs if the action can use ambient credentials.`
    case 'with-local':
      return `The keys ${keys} are passed to the local action ${f.uses ?? '?'} as input ${entry}; change that action and this step together by hand.`
    case 'run':
      return `A run script writes or passes the keys ${keys} itself (files, env, CLI arguments); migrate by hand.`
    case 'caller':
      return `The keys ${keys} are passed to a reusable workflow as secret ${entry}; stop passing them once it assumes a role, and give this job id-token: write.`
    case 'condition':
      return `A condition tests the key secret ${keys}; it changes meaning once the keys are retired, so review it by hand.`
    case 'other':
      return `The key secret ${keys} is used in ${entry}; migrate by hand.`
    case 'callee':
      return `This reusable workflow takes ${keys} as secrets from its callers; make them optional and assume a role instead.`
    case 'docker-ecr':
      return `docker/login-action logs in to ECR with the static keys ${keys} as username and password; rewritten to a configure-aws-credentials step with role-to-assume before it, and the login uses the role's credentials.`
    case 'callee-migrated':
      return `This reusable workflow takes ${keys} as secrets from its callers and every use of them in it is rewritten: they become optional (required: false), unused, and the workflow assumes a role itself.`
    case 'caller-migrated':
      return `The keys ${keys} are passed to ${f.callee ?? 'a reusable workflow'}, which now assumes a role itself; rewritten: this job stops passing them and gets id-token: write.`
    case 'inherit-migrated':
      return `secrets: inherit hands ${keys} to ${f.callee ?? 'a reusable workflow'}, which now assumes a role instead of using them; rewritten: this job gets id-token: write.`
    case 'callers-differ':
      return `Callers pass different keys (${f.via ?? '?'}) as the secrets ${keys} of this reusable workflow, so no single role replaces them; give it a role input and migrate by hand.`
    case 'env-step-by-hand':
      return `The step's env sets the keys ${keys}, and the same step also uses keys by hand (line ${f.via ?? '?'}); its env entries cannot go alone: migrate the step by hand.`
    case 'pull-request-target-head':
      return `This job runs on pull_request_target and checks out the pull request's head (${f.via ?? '?'}) and runs it, so code from any fork would run with the AWS role; the keys ${keys} are not rewritten: check out the base instead, or set allow-pull-request-target: true.`
    case 'secret-undefined':
      return `The job reads the secret ${keys}, which is defined nowhere it can read it (${f.via ?? 'its environment, the repository, the organisation'}): the step gets an empty value. Define it there, or remove the use.`
    case 'inherit':
      return `secrets: inherit hands ${keys} to ${f.callee ?? 'a reusable workflow'}, which uses them as AWS keys; migrate it by hand and give this job id-token: write.`
  }
}
