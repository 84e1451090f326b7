import type { FindingKind } from '../workflows/findings.js'

/** What each finding kind means and how to fix it: SARIF rules, summaries and help text. */
export interface KindInfo {
  readonly title: string
  readonly help: string
}

export const KIND_INFO: Readonly<Record<FindingKind, KindInfo>> = {
  'configure-aws-credentials': {
    title: 'configure-aws-credentials uses long-lived access keys',
    help:
      'Replace aws-access-key-id / aws-secret-access-key (and aws-session-token) with role-to-assume: ' +
      'the ARN of an IAM role whose trust policy admits this repository through the GitHub OIDC provider, ' +
      'and give the job `permissions: id-token: write` without dropping the scopes it already has. ' +
      '`aws-keys-to-oidc` mode `migrate` creates the role and opens the pull request.'
  },
  env: {
    title: 'AWS access keys exported through env',
    help:
      'Remove the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN entries and add an ' +
      'aws-actions/configure-aws-credentials@v6 step with role-to-assume before the first step that ' +
      'needs AWS; the job needs `id-token: write`.'
  },
  'action-input': {
    title: 'AWS access keys passed to another action',
    help:
      'Authenticate with aws-actions/configure-aws-credentials@v6 and role-to-assume first, then let ' +
      'the action use the ambient credentials (for docker/login-action to ECR: omit username and ' +
      'password). If the action cannot use ambient credentials, check its documentation for OIDC support.'
  },
  'reusable-workflow-secret': {
    title: 'Reusable workflow takes AWS access keys as secrets',
    help:
      'Let the called workflow assume the role itself with configure-aws-credentials and role-to-assume; ' +
      'make the key secrets `required: false` (callers elsewhere may still pass them) and stop using them. ' +
      'Every calling job needs `id-token: write`.'
  },
  'reusable-workflow-caller': {
    title: 'AWS access keys passed to a reusable workflow',
    help:
      'Stop passing the key secrets once the called workflow assumes a role through OIDC, and give the ' +
      'calling job `id-token: write` (a called workflow cannot have more permissions than its caller).'
  },
  'reusable-workflow-inherit': {
    title: 'secrets: inherit hands AWS access keys to a reusable workflow',
    help:
      'The called workflow uses long-lived keys. Migrate it to role-to-assume and give this calling job ' +
      '`id-token: write`.'
  },
  'dynamic-secret': {
    title: 'AWS access key secret chosen at run time',
    help:
      'The secret name is computed (matrix, format, conditional), so the role cannot be chosen ' +
      'statically. Map each case to a role ARN (for example a matrix entry with role-to-assume) and ' +
      'migrate by hand.'
  },
  'key-export': {
    title: 'AWS access keys leave the runner login',
    help:
      'The keys are written to files, scripts, build arguments, containers or other variables. After ' +
      'assuming a role with configure-aws-credentials, pass the temporary credentials instead ' +
      '(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the step environment), or ' +
      'let the tool use the default credential chain. Migrate by hand.'
  },
  'non-aws': {
    title: 'S3-compatible keys for a service that is not AWS',
    help:
      'These keys are for an S3-compatible service (Cloudflare R2, MinIO, a custom endpoint), not AWS ' +
      'IAM. They cannot be replaced by an AWS role and are left as they are.'
  },
  ambiguous: {
    title: 'AWS-named keys beside an S3-compatible endpoint that is not AWS',
    help:
      'The secrets are named for AWS, but an endpoint of another object store (MinIO, R2, a custom ' +
      'AWS_ENDPOINT_URL) is set where they are used. Check which service the keys are for: if AWS, ' +
      'scope the endpoint to the step that needs it and migrate the keys to role-to-assume; if not, ' +
      'name the secrets for that service so they are no longer taken for AWS keys.'
  }
}
