import * as core from '@actions/core'
import { ACTION_INPUTS, type ActionInput } from './action-inputs.js'
import type { KeyRef } from './aws/plan/facts.js'
import { roleNameTemplateProblem } from './aws/plan/names.js'
import { InputError } from './errors.js'
import { parseKeys } from './settings/keys.js'
import { POLICY_ARN, REGION } from './formats.js'
import {
  audience,
  labels,
  list,
  MAX_BRANCH_BYTES,
  prTitle,
  sarifFile,
  short,
  workingDirectory
} from './input-limits.js'
import type { RepositoryRef } from './workflows/repository.js'
import { permissionsMode, type PermissionsMode } from './settings/permissions.js'
import { readCleanupSettings, type CleanupSettings } from './settings/cleanup.js'
import { discoverSettings, type DiscoverSettings } from './settings/discover.js'
import { iacSettings } from './settings/iac.js'
import { parseAccounts } from './settings/accounts.js'
import type { IacSettings } from './iac/files.js'

/**
 * Every input of action.yml, read and validated once. Defaults live in action.yml only: an
 * empty input reads as its action.yml default (`src/action-inputs.ts`, generated from it).
 */
export interface Settings {
  /** `plan` scans and reports; `migrate` also creates roles and opens the pull request. */
  readonly mode: Mode
  /**
   * Absolute or relative path of the repository checkout that is scanned; empty (no runner to
   * evaluate `${{ github.workspace }}`) is the current directory.
   */
  readonly workingDirectory: string
  /** Where to write SARIF; null when not asked for. */
  readonly sarifFile: string | null
  readonly failOnFindings: boolean
  /** `allow-pull-request-target`: rewrite pull_request_target jobs that run the PR head. */
  readonly allowPullRequestTarget: boolean
  /** Access key ids to migrate, by the secret name that holds them. Values are masked. */
  readonly keys: readonly KeyInput[]
  readonly awsRegion: string
  /** Role name template with `{owner}`, `{repo}`, `{user}`. */
  readonly roleName: string
  readonly rolePath: string
  readonly audience: string
  readonly oidcIssuer: string
  readonly maxSessionDuration: number
  /** An explicit boundary ARN; null means "copy the IAM user's own boundary". */
  readonly permissionsBoundary: string | null
  /** `permissions`: copy the user's policies, or reduce them to what the key used. */
  readonly permissions: PermissionsMode
  readonly githubToken: string
  /** Null when the input is empty (plan mode outside a workflow run). */
  readonly repository: RepositoryRef | null
  readonly branch: string
  readonly prTitle: string
  readonly prLabels: readonly string[]
  readonly draft: boolean
  /** `iac` and `iac-path`: the provider and roles as code in the pull request; null: by IAM API. */
  readonly iac: IacSettings | null
  /** `accounts`: further account id -> the administrator role assumed there. */
  readonly accounts: ReadonlyMap<string, string>
  /** `mode: cleanup`: delete-keys, grace-period, evidence-delay, delete-user, delete-org-secrets, force. */
  readonly cleanup: CleanupSettings
  /** `mode: discover`: organization, repository-filter, include-archived. */
  readonly discover: DiscoverSettings
}

export type Mode = 'plan' | 'migrate' | 'cleanup' | 'rollback' | 'discover'
export const MODES: readonly Mode[] = ['plan', 'migrate', 'cleanup', 'rollback', 'discover']

/** A `keys` line: the secret that holds the access key id (e.g. `AWS_ACCESS_KEY_ID`) and the id. */
export type KeyInput = KeyRef

export { InputError, list, parseKeys }

const ROLE_PATH = /^\/(?:[\u0021-\u007e]+\/)?$/
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/

/** Reads and validates every input. Never call `core.getInput` elsewhere. */
export function getSettings(): Settings {
  // Mask before anything that could log a value, including a validation error.
  const keys = parseKeys(input('keys'), (value) => core.setSecret(value))
  return {
    mode: oneOf('mode', input('mode'), MODES),
    workingDirectory: workingDirectory(input('working-directory')),
    sarifFile: sarifFile(input('sarif-file')),
    failOnFindings: boolean('fail-on-findings'),
    allowPullRequestTarget: boolean('allow-pull-request-target'),
    keys,
    awsRegion: region(input('aws-region')),
    roleName: roleNameTemplate(input('role-name')),
    rolePath: rolePath(input('role-path')),
    audience: audience(input('audience')),
    oidcIssuer: issuer(input('oidc-issuer')),
    maxSessionDuration: sessionDuration(input('max-session-duration')),
    permissionsBoundary: boundary(input('permissions-boundary')),
    permissions: permissionsMode(input('permissions')),
    githubToken: token(input('github-token')),
    repository: repository(input('repository')),
    branch: branch(input('branch')),
    prTitle: prTitle(input('pr-title')),
    prLabels: labels(input('pr-labels')),
    draft: boolean('draft'),
    ...iacAndAccounts(
      iacSettings(input('iac'), input('iac-path')),
      parseAccounts(input('accounts'))
    ),
    cleanup: readCleanupSettings({ boolean, text: input }),
    discover: discoverSettings(
      input('mode') === 'discover',
      input('organization'),
      input('repository-filter'),
      boolean('include-archived')
    )
  }
}

/** `iac` writes the code of one account: it takes no further `accounts`. */
function iacAndAccounts(iac: IacSettings | null, accounts: ReadonlyMap<string, string>) {
  if (iac && accounts.size > 0) {
    throw new InputError(
      'accounts',
      `must be empty with iac: ${iac.format} (the code is that of one account; run once per account)`
    )
  }
  return { iac, accounts }
}

/**
 * The input as given, else its action.yml default. The runner fills defaults in, but not for an
 * input given as '' (`with: mode: ${{ inputs.mode }}` of a caller that sets none), nor does a
 * run outside a runner (tests, the runner emulation): empty means the default there too. A
 * `${{ ... }}` default stays empty: only the runner can evaluate it.
 */
function input(name: ActionInput): string {
  const given = core.getInput(name)
  if (given) return given
  const fallback: string = ACTION_INPUTS[name]
  return fallback.includes('${{') ? '' : fallback
}

/** `true`/`false` as `core.getBooleanInput` reads them, with a message naming the input. */
function boolean(name: ActionInput): boolean {
  // getBooleanInput refuses an empty input: that is the action.yml default, written `'false'`.
  if (!core.getInput(name)) return input(name) === 'true'
  try {
    return core.getBooleanInput(name)
  } catch {
    throw new InputError(name, `'${core.getInput(name)}' is not a boolean; use true or false`)
  }
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim()
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(name, `'${value}' is not supported; use one of: ${allowed.join(', ')}`)
}

function region(raw: string): string {
  const value = raw.trim()
  if (!REGION.test(value)) {
    throw new InputError('aws-region', `'${value}' is not an AWS region (e.g. us-east-1)`)
  }
  return value
}

function roleNameTemplate(raw: string): string {
  const value = raw.trim()
  const unknown = [...value.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((n) => !['owner', 'repo', 'user'].includes(n ?? ''))
  if (!value || unknown.length > 0) {
    throw new InputError(
      'role-name',
      `'${value}' may use only the placeholders {owner}, {repo} and {user}`
    )
  }
  // A name that keeps no placeholder value is one role for every repository: refused here, before any write.
  const problem = roleNameTemplateProblem(value)
  if (problem) throw new InputError('role-name', problem)
  return value
}

function rolePath(raw: string): string {
  const value = raw.trim()
  if (value.length > 512 || !ROLE_PATH.test(value)) {
    throw new InputError(
      'role-path',
      `'${value}' is not an IAM path: it must start and end with '/', e.g. /github-actions/`
    )
  }
  return value
}

function issuer(raw: string): string {
  const value = raw.trim().replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('oidc-issuer', `'${value}' is not a URL`)
  }
  // IAM takes the issuer as the provider URL: https only, no query (CreateOpenIDConnectProvider);
  // user info would put credentials into the provider's URL and ARN.
  const shown = url.username || url.password ? '(a URL with user info)' : `'${value}'`
  if (
    url.protocol !== 'https:' ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    /[?#]/.test(value)
  ) {
    throw new InputError(
      'oidc-issuer',
      `${shown} must be an https URL without user info, query or fragment, e.g. https://token.actions.githubusercontent.com`
    )
  }
  return value
}

function sessionDuration(raw: string): number {
  // Decimal digits only: Number() also reads '0x1000', '1e4' and ' 3600.0 '.
  const value = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN
  if (!Number.isInteger(value) || value < 3600 || value > 43200) {
    throw new InputError(
      'max-session-duration',
      `'${raw.trim()}' must be a whole number of seconds from 3600 to 43200`
    )
  }
  return value
}

function boundary(raw: string): string | null {
  const value = raw.trim()
  if (!value) return null
  if (!POLICY_ARN.test(value)) {
    throw new InputError(
      'permissions-boundary',
      `'${value}' is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`
    )
  }
  return value
}

/** A token is one word: whitespace inside would break the Authorization header. */
function token(raw: string): string {
  const value = raw.trim()
  if (/\s/.test(value)) {
    throw new InputError(
      'github-token',
      'contains whitespace; give one token (a GitHub App installation token or a PAT with the workflow scope)'
    )
  }
  return value
}

function repository(raw: string): RepositoryRef | null {
  const value = raw.trim()
  if (!value) return null
  const match = REPOSITORY.exec(value)
  if (!match || !match[1] || !match[2]) {
    throw new InputError('repository', `'${value}' is not OWNER/REPO`)
  }
  return { owner: match[1], repo: match[2] }
}

function branch(raw: string): string {
  const value = raw.trim()
  if (!isValidBranchName(value)) {
    throw new InputError(
      'branch',
      `'${short(value)}' is not a valid git branch name (git check-ref-format --branch: no space, ~ ^ : ? * [ \\, '..', '@{', '//', no part starting with '.', not ending with '/', '.' or '.lock')`
    )
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_BRANCH_BYTES) {
    throw new InputError(
      'branch',
      `'${short(value)}' is ${Buffer.byteLength(value, 'utf8')} bytes long; GitHub takes branch names of at most ${MAX_BRANCH_BYTES} bytes`
    )
  }
  return value
}

/** The rules of `git check-ref-format --branch`, without running git. */
function isValidBranchName(name: string): boolean {
  if (!name || name === '@' || name.startsWith('-') || name.startsWith('/')) return false
  if (name === 'HEAD' || name.endsWith('/') || name.endsWith('.')) return false
  // No '..', '//', '@{' or backslash; no component starting with '.' or ending with '.lock'.
  if (/\.\.|\/\/|\/\.|^\.|@\{|\\|\.lock(?:\/|$)/.test(name)) return false
  return [...name].every((ch) => {
    const code = ch.charCodeAt(0)
    return code > 0x20 && code !== 0x7f && !'~^:?*['.includes(ch)
  })
}

/** The `repository` input of a mode that reads one: refused before any read when it is empty. */
export function requireRepository(repository: RepositoryRef | null): RepositoryRef {
  if (!repository) {
    throw new InputError(
      'repository',
      'is empty; give OWNER/REPO (the default is the repository of the workflow run)'
    )
  }
  return repository
}
