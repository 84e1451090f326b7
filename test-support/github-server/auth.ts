/**
 * Who is calling and what they may do: tokens resolve to a `TokenSpec`; each operation needs a
 * repository permission (App and fine-grained tokens) or an OAuth scope (classic tokens), and the
 * refusals carry GitHub's messages and statuses.
 */
import type { Access, RepositoryPermission, RepositoryState, TokenSpec } from './model.js'

/** An error response with GitHub's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl = 'https://docs.github.com/rest',
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      ...this.extra,
      documentation_url: this.documentationUrl,
      status: String(this.status)
    }
  }
}

/** `422 Validation Failed` with GitHub's `errors` list. */
export function validationFailed(
  documentationUrl: string,
  errors: readonly Record<string, unknown>[],
  message = 'Validation Failed'
): HttpError {
  return new HttpError(422, message, documentationUrl, { errors })
}

/** What an operation needs: the permission of App/fine-grained tokens, and write or read. */
export interface Requirement {
  readonly permission: RepositoryPermission
  readonly access: Access
  /** An alternative permission that also allows it (labels: issues or pull_requests). */
  readonly or?: RepositoryPermission
}

/** The permission each implemented operation needs (GitHub's "permissions required" tables). */
export const REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  'repos/get': { permission: 'metadata', access: 'read' },
  'repos/compare-commits-with-basehead': { permission: 'contents', access: 'read' },
  'git/get-ref': { permission: 'contents', access: 'read' },
  'git/list-matching-refs': { permission: 'contents', access: 'read' },
  'git/get-tag': { permission: 'contents', access: 'read' },
  'git/get-commit': { permission: 'contents', access: 'read' },
  'git/get-tree': { permission: 'contents', access: 'read' },
  'git/get-blob': { permission: 'contents', access: 'read' },
  'git/create-tree': { permission: 'contents', access: 'write' },
  'git/create-commit': { permission: 'contents', access: 'write' },
  'git/create-ref': { permission: 'contents', access: 'write' },
  'git/update-ref': { permission: 'contents', access: 'write' },
  'git/delete-ref': { permission: 'contents', access: 'write' },
  'pulls/list': { permission: 'pull_requests', access: 'read' },
  'pulls/get': { permission: 'pull_requests', access: 'read' },
  'pulls/list-files': { permission: 'pull_requests', access: 'read' },
  'pulls/create': { permission: 'pull_requests', access: 'write' },
  'pulls/update': { permission: 'pull_requests', access: 'write' },
  'issues/add-labels': { permission: 'issues', access: 'write', or: 'pull_requests' },
  'issues/list-labels-on-issue': { permission: 'issues', access: 'read', or: 'pull_requests' },
  'actions/get-custom-oidc-sub-claim-for-repo': { permission: 'actions', access: 'read' },
  'actions/get-github-actions-default-workflow-permissions-repository': {
    permission: 'administration',
    access: 'read'
  },
  'repos/get-all-environments': { permission: 'actions', access: 'read' },
  'repos/get-environment': { permission: 'actions', access: 'read' },
  'actions/list-repo-secrets': { permission: 'secrets', access: 'read' },
  'actions/get-repo-secret': { permission: 'secrets', access: 'read' },
  'actions/get-repo-public-key': { permission: 'secrets', access: 'read' },
  'actions/create-or-update-repo-secret': { permission: 'secrets', access: 'write' },
  'actions/delete-repo-secret': { permission: 'secrets', access: 'write' },
  'actions/list-environment-secrets': { permission: 'environments', access: 'read' },
  'actions/delete-environment-secret': { permission: 'environments', access: 'write' },
  'actions/list-repo-variables': { permission: 'variables', access: 'read' },
  'pulls/merge': { permission: 'contents', access: 'write' },
  'actions/list-workflow-runs': { permission: 'actions', access: 'read' },
  'actions/list-repo-organization-secrets': { permission: 'secrets', access: 'read' },
  graphql: { permission: 'metadata', access: 'read' }
}

export interface Caller {
  readonly token: string
  readonly spec: TokenSpec
  /** The login commits and pull requests are attributed to. */
  readonly login: string
}

/** Resolves the `Authorization` header; 401 with GitHub's message when it is missing or unknown. */
export function authenticate(
  header: string | undefined,
  tokens: ReadonlyMap<string, TokenSpec>
): Caller {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')
  if (!m || !m[1]) throw new HttpError(401, 'Requires authentication')
  const spec = tokens.get(m[1])
  if (!spec) throw new HttpError(401, 'Bad credentials')
  const login =
    spec.login ??
    (spec.kind === 'installation'
      ? spec.githubActions
        ? 'github-actions[bot]'
        : 'migrator-app[bot]'
      : 'octocat')
  return { token: m[1], spec, login }
}

/** Headers GitHub sends with every answer to this caller (`X-OAuth-Scopes` for classic tokens). */
export function callerHeaders(
  caller: Caller | null,
  requirement: Requirement | undefined
): Record<string, string> {
  const headers: Record<string, string> = {}
  if (caller?.spec.kind === 'classic') {
    headers['x-oauth-scopes'] = caller.spec.scopes.join(', ')
    headers['x-accepted-oauth-scopes'] = requirement?.access === 'write' ? 'repo' : ''
  } else if (requirement) {
    headers['x-accepted-github-permissions'] = `${requirement.permission}=${requirement.access}`
  }
  return headers
}

const RANK: Record<Access, number> = { read: 1, write: 2 }

/** Whether an App or fine-grained token holds `permission` at `access` or better. */
export function holds(spec: TokenSpec, permission: RepositoryPermission, access: Access): boolean {
  if (spec.kind === 'classic') return false
  if (permission === 'metadata') return true
  if (permission === 'workflows' && spec.kind === 'installation' && spec.githubActions) return false
  const granted = spec.permissions[permission]
  return granted !== undefined && RANK[granted] >= RANK[access]
}

function refusal(spec: TokenSpec, documentationUrl: string): HttpError {
  return new HttpError(
    403,
    spec.kind === 'fine-grained'
      ? 'Resource not accessible by personal access token'
      : 'Resource not accessible by integration',
    documentationUrl
  )
}

/**
 * Refuses the call when the caller may not do it: a repository the token cannot see is 404 (as
 * GitHub hides private repositories), a missing permission is 403 with GitHub's message.
 */
export function authorize(
  caller: Caller,
  repo: RepositoryState | null,
  requirement: Requirement | undefined,
  documentationUrl: string
): void {
  if (!requirement) return
  const { spec } = caller
  if (spec.kind === 'classic') {
    const scopes = new Set(spec.scopes)
    const canRead = repo?.visibility === 'public' || scopes.has('repo')
    const canWrite =
      scopes.has('repo') || (repo?.visibility === 'public' && scopes.has('public_repo'))
    if (!canRead || (requirement.access === 'write' && !canWrite)) {
      throw new HttpError(404, 'Not Found', documentationUrl)
    }
    return
  }
  const ok =
    holds(spec, requirement.permission, requirement.access) ||
    (requirement.or !== undefined && holds(spec, requirement.or, requirement.access))
  if (!ok) throw refusal(spec, documentationUrl)
}

/**
 * GitHub refuses tree writes under `.github/workflows/` from tokens without the workflows
 * permission (App and fine-grained tokens: 403 "Resource not accessible by integration", as
 * reported for `POST /git/trees`) or without the `workflow` scope (classic tokens; the message of
 * GitHub's push refusal).
 */
export function authorizeWorkflowWrite(
  caller: Caller,
  paths: readonly string[],
  documentationUrl: string
): void {
  const workflow = paths.find(
    (p) => p === '.github/workflows' || p.startsWith('.github/workflows/')
  )
  if (!workflow) return
  const { spec } = caller
  if (spec.kind === 'classic') {
    if (!spec.scopes.includes('workflow')) {
      throw new HttpError(
        403,
        `refusing to allow a Personal Access Token to create or update workflow \`${workflow}\` without \`workflow\` scope`,
        documentationUrl
      )
    }
    return
  }
  if (!holds(spec, 'workflows', 'write')) throw refusal(spec, documentationUrl)
}
