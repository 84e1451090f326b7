/**
 * Organisation Actions secrets on the test server: seeded by a test with
 * `addOrganizationSecret(server.model, {org, name, visibility, repositories})` (names only: values
 * are never needed), listed per repository as GitHub does (`all`: every repository of the
 * organisation, `private`: its private and internal ones, `selected`: the ones chosen), and read
 * and deleted through the organisation routes. Those need the organisation permission "Secrets"
 * (`organization_secrets`; the workflow's GITHUB_TOKEN never has it) or, for a classic token,
 * the `admin:org` scope.
 */
import { holds, HttpError } from '../auth.js'
import { now, paginate, type Context, type Handler, type Reply } from '../context.js'
import type { RepositoryState, ServerModel } from '../model.js'
import * as rep from '../representations.js'

export type OrgSecretVisibility = 'all' | 'private' | 'selected'

export interface OrgSecretState {
  readonly name: string
  visibility: OrgSecretVisibility
  /** With `selected`: the ids of the repositories that see it. */
  selectedRepositoryIds: number[]
  readonly createdAt: string
  updatedAt: string
}

export interface OrgSecretSeed {
  readonly org: string
  readonly name: string
  readonly visibility: OrgSecretVisibility
  /** With `selected`: the repositories (`OWNER/NAME`, seeded already) that see it. */
  readonly repositories?: readonly string[]
}

/** Adds (or replaces) an organisation secret. */
export function addOrganizationSecret(model: ServerModel, seed: OrgSecretSeed): OrgSecretState {
  const ids = (seed.repositories ?? []).map((fullName) => {
    const [owner = '', name = ''] = fullName.split('/')
    const repo = model.repository(owner, name)
    if (!repo) throw new Error(`organisation secret ${seed.name}: no repository ${fullName}`)
    return repo.id
  })
  const time = now()
  const state: OrgSecretState = {
    name: seed.name.toUpperCase(),
    visibility: seed.visibility,
    selectedRepositoryIds: ids,
    createdAt: time,
    updatedAt: time
  }
  secretsOf(model, seed.org).set(state.name, state)
  return state
}

function secretsOf(model: ServerModel, org: string): Map<string, OrgSecretState> {
  const key = org.toLowerCase()
  const found = model.organizationSecrets.get(key)
  if (found) return found
  const created = new Map<string, OrgSecretState>()
  model.organizationSecrets.set(key, created)
  return created
}

/** Whether `repo` sees the secret (GitHub's visibility rules). */
function visibleTo(secret: OrgSecretState, repo: RepositoryState): boolean {
  if (secret.visibility === 'all') return true
  if (secret.visibility === 'private') return repo.visibility !== 'public'
  return secret.selectedRepositoryIds.includes(repo.id)
}

function sorted(secrets: Iterable<OrgSecretState>): OrgSecretState[] {
  return [...secrets].sort((a, b) => a.name.localeCompare(b.name))
}

/** `GET /repos/{owner}/{repo}/actions/organization-secrets` (the router checked `secrets: read`). */
export const listRepoOrganizationSecrets: Handler = (ctx) => {
  const repo = ctx.repo
  const all =
    repo.owner.type === 'Organization'
      ? sorted(secretsOf(ctx.model, repo.owner.login).values()).filter((s) => visibleTo(s, repo))
      : []
  return {
    status: 200,
    body: {
      total_count: all.length,
      secrets: paginate(all, ctx.query).map((s) => ({
        name: s.name,
        created_at: s.createdAt,
        updated_at: s.updatedAt
      }))
    }
  }
}

/** What an organisation route receives: the context without a repository, and the org. */
export type OrgContext = Omit<Context, 'repo'> & { readonly org: string }
export type OrgHandler = (ctx: OrgContext) => Reply

/** The organisation's repositories; 404 when there is no such organisation. */
function organization(ctx: OrgContext): RepositoryState[] {
  const login = ctx.org.toLowerCase()
  const repos = [...ctx.model.repositories.values()].filter(
    (r) => r.owner.login.toLowerCase() === login && r.owner.type === 'Organization'
  )
  if (repos.length === 0) throw new HttpError(404, 'Not Found', ctx.docs)
  return repos
}

/** The organisation permission "Secrets" (App and fine-grained tokens) or `admin:org` (classic). */
function authorizeOrg(ctx: OrgContext, access: 'read' | 'write'): void {
  const { spec } = ctx.caller
  if (spec.kind === 'classic') {
    if (!spec.scopes.includes('admin:org')) throw new HttpError(403, 'Forbidden', ctx.docs)
    return
  }
  if (spec.kind === 'installation' && spec.githubActions) {
    throw new HttpError(403, 'Resource not accessible by integration', ctx.docs)
  }
  if (!holds(spec, 'organization_secrets', access)) {
    throw new HttpError(
      403,
      spec.kind === 'fine-grained'
        ? 'Resource not accessible by personal access token'
        : 'Resource not accessible by integration',
      ctx.docs
    )
  }
}

function secretOf(ctx: OrgContext, access: 'read' | 'write'): OrgSecretState {
  organization(ctx)
  authorizeOrg(ctx, access)
  const s = secretsOf(ctx.model, ctx.org).get((ctx.params.secret_name ?? '').toUpperCase())
  if (!s) throw new HttpError(404, 'Not Found', ctx.docs)
  return s
}

const getOrgSecret: OrgHandler = (ctx) => {
  const s = secretOf(ctx, 'read')
  return {
    status: 200,
    body: {
      name: s.name,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
      visibility: s.visibility,
      ...(s.visibility === 'selected'
        ? {
            selected_repositories_url: `${ctx.urls.api}/orgs/${ctx.org}/actions/secrets/${s.name}/repositories`
          }
        : {})
    }
  }
}

const listSelectedRepos: OrgHandler = (ctx) => {
  const s = secretOf(ctx, 'read')
  // GitHub refuses the list for a secret that is not `selected`.
  if (s.visibility !== 'selected') throw new HttpError(409, 'Conflict', ctx.docs)
  const repos = organization(ctx)
    .filter((r) => s.selectedRepositoryIds.includes(r.id))
    .sort((a, b) => a.id - b.id)
  return {
    status: 200,
    body: {
      total_count: repos.length,
      repositories: paginate(repos, ctx.query).map((r) => rep.repository(ctx.urls, r, null, false))
    }
  }
}

const deleteOrgSecret: OrgHandler = (ctx) => {
  const s = secretOf(ctx, 'write')
  secretsOf(ctx.model, ctx.org).delete(s.name)
  return { status: 204 }
}

/** The organisation routes, dispatched by the server before the repository routes. */
export const ORG_HANDLERS: Readonly<Record<string, OrgHandler>> = {
  'actions/get-org-secret': getOrgSecret,
  'actions/list-selected-repos-for-org-secret': listSelectedRepos,
  'actions/delete-org-secret': deleteOrgSecret
}
