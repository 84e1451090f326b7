// Generated from action.yml by `npm run docs` (scripts/action-docs.ts); do not edit.

/**
 * Every input of action.yml with its default as written there. A `${{ ... }}` default is the
 * runner's to evaluate: outside a runner such an input has no value. `src/inputs.ts` reads
 * inputs through these names only.
 */
export const ACTION_INPUTS = {
  mode: 'plan',
  'working-directory': '${{ github.workspace }}',
  'sarif-file': '',
  'fail-on-findings': 'false',
  'allow-pull-request-target': 'false',
  keys: '',
  accounts: '',
  'aws-region': 'us-east-1',
  'role-name': 'github-{owner}-{repo}-{user}',
  'role-path': '/github-actions/',
  audience: 'sts.amazonaws.com',
  'oidc-issuer': 'https://token.actions.githubusercontent.com',
  'max-session-duration': '3600',
  'permissions-boundary': '',
  permissions: 'copy',
  'github-token': '${{ github.token }}',
  repository: '${{ github.repository }}',
  branch: 'aws-keys-to-oidc',
  'pr-title': 'Replace long-lived AWS keys with OIDC role assumption',
  'pr-labels': '',
  draft: 'false',
  iac: 'none',
  'iac-path': 'infra/aws-keys-to-oidc/',
  'delete-keys': 'false',
  'grace-period': '7d',
  'evidence-delay': '4h',
  'delete-user': 'false',
  'delete-org-secrets': 'false',
  'delete-role': 'false',
  force: 'false',
  organization: '',
  'repository-filter': '*',
  'include-archived': 'false'
} as const

/** The name of an input of action.yml. */
export type ActionInput = keyof typeof ACTION_INPUTS
