/**
 * Malformed values for every input of action.yml, each with the message that must name the
 * input and say what is allowed. `__tests__/inputs-malformed.test.ts` runs the `settings` rows
 * through `getSettings` and fails when an input of action.yml has no row;
 * `__tests__/e2e/refusals.test.ts` runs the `facts` rows (the checks that need the repository or
 * the account: the plan and a few reads) against the sandbox and checks nothing was written.
 */

export interface MalformedInput {
  /** The input, as action.yml names it. */
  readonly input: string
  /** What is wrong, for the test's name. */
  readonly what: string
  readonly value: string
  /** What the message must say besides naming the input (what is allowed). */
  readonly allowed: RegExp
  /** `settings`: refused by `getSettings`; `facts`: refused after the reads, before any write. */
  readonly check: 'settings' | 'facts'
  /** Other inputs the case needs (e.g. `mode: migrate`). */
  readonly with?: Readonly<Record<string, string>>
}

/** Stands for a key id IAM knows (the sandbox's); replaced by the end-to-end test. */
export const SANDBOX_KEY_ID = 'AKIASANDBOXKEYOWNER0'

const UNKNOWN_KEY_IDS = Array.from(
  { length: 500 },
  (_, i) => `UNKNOWN_${i}_AWS_ACCESS_KEY_ID=AKIA${String(i).padStart(16, '0')}`
).join('\n')

export const MALFORMED_INPUTS: readonly MalformedInput[] = [
  { input: 'mode', what: 'an unknown mode', value: 'apply', allowed: /plan, migrate/, check: 'settings' },
  {
    input: 'working-directory',
    what: 'a directory that does not exist',
    value: '/nonexistent/aws-keys-to-oidc',
    allowed: /not a directory; give the root of the checked-out repository/,
    check: 'settings'
  },
  {
    input: 'working-directory',
    what: 'a file',
    value: 'action.yml',
    allowed: /not a directory/,
    check: 'settings'
  },
  {
    input: 'sarif-file',
    what: 'a directory',
    value: '__tests__',
    allowed: /is a directory; give the path of a file/,
    check: 'settings'
  },
  {
    input: 'sarif-file',
    what: 'a path ending in /',
    value: 'out/',
    allowed: /is a directory/,
    check: 'settings'
  },
  {
    input: 'fail-on-findings',
    what: 'not a boolean',
    value: 'yes',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'keys',
    what: 'a line without =',
    value: 'AKIAIOSFODNN7EXAMPLE',
    allowed: /SECRET_NAME=ACCESS_KEY_ID/,
    check: 'settings'
  },
  {
    input: 'keys',
    what: 'a secret access key as the value',
    value: 'AWS_ACCESS_KEY_ID=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    allowed: /not an access key id \(16 to 128 upper-case letters and digits/,
    check: 'settings'
  },
  {
    input: 'keys',
    what: 'only a key id IAM does not know',
    value: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    allowed: /no line gives a key pair that can be migrated, so nothing was created/,
    check: 'facts'
  },
  {
    input: 'keys',
    what: 'only names no job uses',
    // The e2e test puts the sandbox key owner's own key id in place of SANDBOX_KEY_ID.
    value: `NOBODY_USES_THIS_KEY_ID=${SANDBOX_KEY_ID}`,
    allowed: /no line gives a key pair that can be migrated.*NOBODY_USES_THIS_KEY_ID/,
    check: 'facts'
  },
  {
    input: 'keys',
    what: '500 lines of unknown key ids',
    value: UNKNOWN_KEY_IDS,
    allowed: /and \d+ more \(\d+ in all; see the job summary\)/,
    check: 'facts'
  },
  {
    input: 'accounts',
    what: 'a line without a role ARN',
    value: '222233334444=migration-admin',
    allowed: /not ACCOUNT_ID=ROLE_ARN \(a 12-digit account id, then the ARN of the role/,
    check: 'settings'
  },
  {
    input: 'accounts',
    what: 'a role of another account than the line names',
    value: '222233334444=arn:aws:iam::333344445555:role/migration-admin',
    allowed: /is in account 333344445555, not 222233334444/,
    check: 'settings'
  },
  {
    input: 'accounts',
    what: "the account of the action's own credentials",
    value: '123456789012=arn:aws:iam::123456789012:role/migration-admin',
    allowed: /is the account of the action's own AWS credentials; list only further accounts/,
    check: 'facts'
  },
  {
    input: 'accounts',
    what: 'further accounts with iac',
    value: '222233334444=arn:aws:iam::222233334444:role/migration-admin',
    allowed: /must be empty with iac: terraform \(the code is that of one account/,
    check: 'settings',
    with: { iac: 'terraform' }
  },
  {
    input: 'aws-region',
    what: 'not a region',
    value: 'Europe',
    allowed: /not an AWS region \(e\.g\. us-east-1\)/,
    check: 'settings'
  },
  {
    input: 'role-name',
    what: 'an unknown placeholder',
    value: 'gh-{repository}',
    allowed: /only the placeholders \{owner\}, \{repo\} and \{user\}/,
    check: 'settings'
  },
  {
    input: 'role-path',
    what: 'no slashes',
    value: 'github',
    allowed: /start and end with '\/'/,
    check: 'settings'
  },
  {
    input: 'audience',
    what: '300 characters',
    value: 'a'.repeat(300),
    allowed: /is 300 characters long; IAM takes audiences .* of 1 to 255 characters/,
    check: 'settings'
  },
  {
    input: 'oidc-issuer',
    what: 'http',
    value: 'http://token.actions.githubusercontent.com',
    allowed: /https URL without user info, query or fragment/,
    check: 'settings'
  },
  {
    input: 'oidc-issuer',
    what: 'user info',
    value: 'https://user:pass@token.actions.githubusercontent.com',
    allowed: /^Input 'oidc-issuer': \(a URL with user info\) must be an https URL without user info/,
    check: 'settings'
  },
  {
    input: 'oidc-issuer',
    what: 'a query',
    value: 'https://token.actions.githubusercontent.com/?x=1',
    allowed: /without user info, query or fragment/,
    check: 'settings'
  },
  {
    input: 'oidc-issuer',
    what: 'a fragment',
    value: 'https://token.actions.githubusercontent.com/#x',
    allowed: /without user info, query or fragment/,
    check: 'settings'
  },
  {
    input: 'max-session-duration',
    what: 'hexadecimal',
    value: '0x1000',
    allowed: /whole number of seconds from 3600 to 43200/,
    check: 'settings'
  },
  {
    input: 'max-session-duration',
    what: 'an exponent',
    value: '4e3',
    allowed: /3600 to 43200/,
    check: 'settings'
  },
  {
    input: 'max-session-duration',
    what: 'too short',
    value: '60',
    allowed: /3600 to 43200/,
    check: 'settings'
  },
  {
    input: 'permissions-boundary',
    what: 'not an ARN',
    value: 'Boundary',
    allowed: /managed policy ARN/,
    check: 'settings'
  },
  {
    input: 'permissions-boundary',
    what: 'a policy that does not exist',
    value: 'arn:aws:iam::123456789012:policy/NoSuchBoundary',
    allowed: /does not exist in the account; give the ARN of an existing managed policy/,
    check: 'facts'
  },
  {
    input: 'github-token',
    what: 'two words',
    value: 'ghs_one ghs_two',
    allowed: /contains whitespace; give one token/,
    check: 'settings'
  },
  {
    input: 'repository',
    what: 'no owner',
    value: 'just-a-name',
    allowed: /is not OWNER\/REPO/,
    check: 'settings'
  },
  {
    input: 'branch',
    what: "git's '..'",
    value: 'bad..branch',
    allowed: /not a valid git branch name \(git check-ref-format --branch/,
    check: 'settings'
  },
  {
    input: 'branch',
    what: "a component ending in '.lock'",
    value: 'x.lock/y',
    allowed: /not a valid git branch name/,
    check: 'settings'
  },
  {
    input: 'branch',
    what: '300 characters',
    value: 'b'.repeat(300),
    allowed: /is 300 bytes long; GitHub takes branch names of at most 244 bytes/,
    check: 'settings'
  },
  {
    input: 'branch',
    what: 'the default branch',
    value: 'main',
    allowed: /is the default branch; the pull request needs a branch of its own/,
    check: 'facts'
  },
  {
    input: 'pr-title',
    what: '10,000 characters',
    value: 't'.repeat(10_000),
    allowed: /is 10000 characters long; GitHub takes pull request titles of at most 256/,
    check: 'settings'
  },
  {
    input: 'pr-labels',
    what: '2,000 labels',
    value: Array.from({ length: 2000 }, (_, i) => `label-${i}`).join(','),
    allowed: /names 2000 labels; a pull request carries at most 100/,
    check: 'settings'
  },
  {
    input: 'pr-labels',
    what: 'a 5,000-character label',
    value: `ok, ${'l'.repeat(5000)}`,
    allowed: /is 5000 characters long; GitHub takes label names of at most 50/,
    check: 'settings'
  },
  {
    input: 'draft',
    what: 'not a boolean',
    value: 'maybe',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'delete-keys',
    what: 'not a boolean',
    value: 'perhaps',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'delete-user',
    what: 'not a boolean',
    value: 'perhaps',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'delete-org-secrets',
    what: 'not a boolean',
    value: 'perhaps',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'force',
    what: 'not a boolean',
    value: 'perhaps',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'grace-period',
    what: 'a week written as 1w',
    value: '1w',
    allowed: /is not a duration; use a whole number of days, hours or minutes: e\.g\. 7d, 4h, 30m/,
    check: 'settings'
  },
  {
    input: 'evidence-delay',
    what: 'an ISO 8601 duration',
    value: 'PT4H',
    allowed: /is not a duration; use a whole number of days, hours or minutes: e\.g\. 7d, 4h, 30m/,
    check: 'settings'
  },
  {
    // Issue 10's boolean; a row for an input action.yml does not declare (yet) is skipped.
    input: 'allow-pull-request-target',
    what: 'not a boolean',
    value: 'sometimes',
    allowed: /use true or false/,
    check: 'settings'
  },
  {
    input: 'keys',
    what: 'an environment-scoped line without an environment',
    value: '/AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    allowed: /names no environment before the '\/' \(ENVIRONMENT\/SECRET_NAME/,
    check: 'settings'
  },
  {
    input: 'keys',
    what: 'user: with a name IAM cannot have',
    value: 'production/AWS_ACCESS_KEY_ID=user:has space',
    allowed: /is not an IAM user name \(1 to 64 letters, digits and \+=,\.@_-; user:ACCOUNT_ID:NAME/,
    check: 'settings'
  },
  {
    input: 'permissions',
    what: 'an unknown mode',
    value: 'least',
    allowed: /use copy .* or last-accessed/,
    check: 'settings'
  },
  {
    input: 'iac',
    what: 'an unknown format',
    value: 'pulumi',
    allowed: /use one of: none, terraform, cloudformation/,
    check: 'settings'
  },
  {
    input: 'iac-path',
    what: 'a path out of the repository',
    value: '../infra',
    allowed: /give a directory of the repository relative to its root/,
    check: 'settings',
    with: { iac: 'terraform' }
  },
  {
    input: 'organization',
    what: 'missing with mode: discover',
    value: '',
    allowed: /required with mode: discover/,
    check: 'settings',
    with: { mode: 'discover' }
  },
  {
    input: 'repository-filter',
    what: 'a character no repository name has',
    value: 'web/*',
    allowed: /is not a glob on repository names/,
    check: 'settings'
  },
  {
    input: 'include-archived',
    what: 'not a YAML 1.2 boolean',
    value: 'yes',
    allowed: /true|false/,
    check: 'settings'
  },
  {
    input: 'delete-role',
    what: 'not a YAML 1.2 boolean',
    value: 'maybe',
    allowed: /true|false/,
    check: 'settings'
  }
]
