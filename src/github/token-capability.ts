/**
 * What the token can do, found out before any write, and GitHub's refusals turned into messages
 * that say what token is needed.
 *
 * - Classic personal access tokens and OAuth tokens report their scopes in `X-OAuth-Scopes`:
 *   migrate needs `repo` (or `public_repo` for a public repository) and `workflow`.
 * - User tokens get the caller's role in `permissions` of `GET /repos/{owner}/{repo}`: migrate
 *   needs `push`.
 * - GitHub App installation tokens (the workflow's GITHUB_TOKEN is one) and fine-grained tokens
 *   report neither; GitHub refuses their first write under `.github/workflows/` (the tree) with
 *   403 when they lack `workflows: write`, before anything is stored. That refusal is mapped by
 *   {@link explainWriteRefusal}.
 */
import type { RepositoryRef } from '../workflows/repository.js'
import { githubMessage, httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'

export type TokenKind =
  'classic' | 'oauth' | 'fine-grained' | 'installation' | 'user-to-server' | 'unknown'

export interface TokenCapability {
  readonly kind: TokenKind
  /** Scopes from `X-OAuth-Scopes` (classic and OAuth tokens); null when GitHub sent none. */
  readonly scopes: readonly string[] | null
  /** Whether the caller may push, when GitHub says (user tokens); null otherwise. */
  readonly canPush: boolean | null
  readonly visibility: 'public' | 'private' | 'internal'
  /** What migrate mode is known to lack; empty when nothing is known to be missing. */
  readonly missingForMigrate: readonly string[]
}

/** What a token for migrate mode needs, for every message that names it. */
export const MIGRATE_TOKEN_HELP =
  'migrate mode needs a GitHub App installation token (for example from actions/create-github-app-token) with contents, pull requests and workflows write (and secrets write for the cleanup), or a personal access token (classic) with the `repo` and `workflow` scopes. The default GITHUB_TOKEN can never change files under .github/workflows/.'

export class TokenCapabilityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TokenCapabilityError'
  }
}

/** The kind of a token from its prefix (GitHub's documented token formats); never logs it. */
export function tokenKind(token: string): TokenKind {
  if (token.startsWith('ghp_')) return 'classic'
  if (token.startsWith('gho_')) return 'oauth'
  if (token.startsWith('github_pat_')) return 'fine-grained'
  if (token.startsWith('ghs_')) return 'installation'
  if (token.startsWith('ghu_')) return 'user-to-server'
  return 'unknown'
}

/** One read (`GET /repos/{owner}/{repo}`): scopes, role and visibility. */
export async function detectTokenCapability(
  octokit: Octokit,
  repository: RepositoryRef,
  token: string
): Promise<TokenCapability> {
  const { owner, repo } = repository
  let response
  try {
    response = await octokit.rest.repos.get({ owner, repo })
  } catch (error) {
    const status = httpStatus(error)
    if (status === 404 || status === 403 || status === 401) {
      throw new TokenCapabilityError(
        `the token cannot see ${owner}/${repo} (HTTP ${status}: ${githubMessage(error)}); check the 'repository' input and the token's access`,
        { cause: error }
      )
    }
    throw error
  }
  const header = response.headers['x-oauth-scopes']
  const scopes =
    typeof header === 'string'
      ? header
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0)
      : null
  const visibility = (response.data.visibility ??
    (response.data.private ? 'private' : 'public')) as TokenCapability['visibility']
  const canPush = response.data.permissions ? response.data.permissions.push : null
  const kind = tokenKind(token)
  const missing: string[] = []
  if (scopes !== null) {
    const has = new Set(scopes)
    if (!has.has('repo') && !(visibility === 'public' && has.has('public_repo'))) {
      missing.push(
        visibility === 'public' ? 'the `public_repo` (or `repo`) scope' : 'the `repo` scope'
      )
    }
    if (!has.has('workflow')) missing.push('the `workflow` scope')
  }
  if (canPush === false) missing.push('write access to the repository')
  return {
    kind: scopes !== null && kind === 'unknown' ? 'classic' : kind,
    scopes,
    canPush,
    visibility,
    missingForMigrate: missing
  }
}

/** Fails before any write when the token is known not to be enough for migrate mode. */
export function requireMigrateCapability(
  capability: TokenCapability,
  repository: RepositoryRef
): void {
  if (capability.missingForMigrate.length === 0) return
  throw new TokenCapabilityError(
    `the token cannot open the pull request on ${repository.owner}/${repository.repo}: it lacks ${capability.missingForMigrate.join(' and ')}. ${MIGRATE_TOKEN_HELP}`
  )
}

/**
 * Turns GitHub's refusal of a write into an error that names the token needed, or returns null
 * when the error is not a refusal. `step` says what was being written.
 */
export function explainWriteRefusal(error: unknown, step: string): TokenCapabilityError | null {
  const status = httpStatus(error)
  const message = githubMessage(error)
  if (status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
    return new TokenCapabilityError(
      `GitHub refused to ${step}: ${message} The token is the workflow's GITHUB_TOKEN; ${MIGRATE_TOKEN_HELP}`,
      { cause: error }
    )
  }
  if (
    (status === 403 && /resource not accessible|refusing to allow|workflow/i.test(message)) ||
    (status === 404 && /not found/i.test(message))
  ) {
    return new TokenCapabilityError(
      `GitHub refused to ${step} (HTTP ${status}: ${message}); the token lacks a permission. ${MIGRATE_TOKEN_HELP}`,
      { cause: error }
    )
  }
  return null
}
