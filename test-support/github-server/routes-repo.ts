/**
 * Repository metadata, pull requests and labels, and the Actions settings the action reads or
 * cleans up: OIDC subject customization, default workflow permissions, environments, secrets
 * and variables.
 */
import { HttpError, validationFailed } from './auth.js'
import { now, paginate, type Context, type Handler } from './context.js'
import * as gitRep from './git-representations.js'
import type { PullRequestState, SecretState } from './model.js'
import * as rep from './representations.js'

function notFound(ctx: Context): never {
  throw new HttpError(404, 'Not Found', ctx.docs)
}

const getRepository: Handler = (ctx) => {
  const spec = ctx.caller.spec
  // GitHub reports the caller's role for user tokens; App installation tokens get none.
  const permissions =
    spec.kind === 'installation'
      ? null
      : spec.kind === 'classic'
        ? { admin: true, maintain: true, push: true, triage: true, pull: true }
        : {
            admin: spec.permissions.administration === 'write',
            maintain: false,
            push: spec.permissions.contents === 'write',
            triage: false,
            pull: true
          }
  return { status: 200, body: rep.repository(ctx.urls, ctx.repo, permissions, true) }
}

function pull(ctx: Context, full: boolean) {
  return (p: PullRequestState) =>
    rep.pullRequest(ctx.urls, ctx.repo, p, (n) => ctx.model.label(ctx.repo, n), full)
}

function findPull(ctx: Context, number: string | undefined): PullRequestState {
  const found = ctx.repo.pulls.find((p) => String(p.number) === number)
  if (!found) notFound(ctx)
  return found
}

const listPulls: Handler = (ctx) => {
  const state = (ctx.query.state as string | undefined) ?? 'open'
  const head = ctx.query.head as string | undefined
  const base = ctx.query.base as string | undefined
  const matches = ctx.repo.pulls.filter((p) => {
    if (state !== 'all' && p.state !== state) return false
    if (head !== undefined) {
      const [owner, branch] = head.includes(':') ? head.split(':', 2) : [ctx.repo.owner.login, head]
      if (owner?.toLowerCase() !== ctx.repo.owner.login.toLowerCase() || branch !== p.head)
        return false
    }
    return base === undefined || p.base === base
  })
  const sorted = ctx.query.direction === 'asc' ? matches : [...matches].reverse()
  return { status: 200, body: paginate(sorted, ctx.query).map(pull(ctx, false)) }
}

const getPull: Handler = (ctx) => ({
  status: 200,
  body: pull(ctx, true)(findPull(ctx, ctx.params.pull_number))
})

const listPullFiles: Handler = (ctx) => {
  const p = findPull(ctx, ctx.params.pull_number)
  const git = ctx.repo.git
  const head = git.readRef(`refs/heads/${p.head}`)
  const base = git.readRef(`refs/heads/${p.base}`)
  if (!head || !base) return { status: 200, body: [] }
  const files = git.changedFiles(git.mergeBase(base, head) ?? base, head)
  return {
    status: 200,
    body: paginate(files, ctx.query).map((f) => gitRep.diffEntry(ctx.urls, ctx.repo, head, f))
  }
}

interface CreatePullBody {
  title?: string
  head: string
  base: string
  body?: string
  draft?: boolean
}

const createPull: Handler = (ctx) => {
  const b = ctx.body as CreatePullBody
  const { spec } = ctx.caller
  if (
    spec.kind === 'installation' &&
    spec.githubActions &&
    !ctx.repo.workflowPermissions.canApprovePullRequestReviews
  ) {
    throw new HttpError(
      403,
      'GitHub Actions is not permitted to create or approve pull requests.',
      ctx.docs
    )
  }
  const [owner, branch] = b.head.includes(':')
    ? b.head.split(':', 2)
    : [ctx.repo.owner.login, b.head]
  const git = ctx.repo.git
  const headSha =
    owner?.toLowerCase() === ctx.repo.owner.login.toLowerCase() && branch
      ? git.readRef(`refs/heads/${branch}`)
      : null
  if (!headSha || !branch) {
    throw validationFailed(ctx.docs, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }])
  }
  const baseSha = git.readRef(`refs/heads/${b.base}`)
  if (!baseSha)
    throw validationFailed(ctx.docs, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }])
  if (!b.title)
    throw validationFailed(ctx.docs, [
      { resource: 'PullRequest', field: 'title', code: 'missing_field' }
    ])
  if (ctx.repo.pulls.some((p) => p.state === 'open' && p.head === branch && p.base === b.base)) {
    throw validationFailed(ctx.docs, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${ctx.repo.owner.login}:${branch}.`
      }
    ])
  }
  if (git.commitsBetween(baseSha, headSha).length === 0) {
    throw validationFailed(ctx.docs, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${b.base} and ${branch}`
      }
    ])
  }
  const time = now()
  const p: PullRequestState = {
    number: ctx.repo.pulls.length + 1,
    id: ctx.model.newId(),
    title: b.title,
    body: b.body ?? '',
    state: 'open',
    draft: b.draft ?? false,
    head: branch,
    base: b.base,
    labels: [],
    user: ctx.caller.login,
    createdAt: time,
    updatedAt: time
  }
  ctx.repo.pulls.push(p)
  return {
    status: 201,
    body: pull(ctx, true)(p),
    headers: { location: `${ctx.urls.api}/repos/${ctx.repo.fullName}/pulls/${p.number}` }
  }
}

const updatePull: Handler = (ctx) => {
  const p = findPull(ctx, ctx.params.pull_number)
  const b = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string }
  if (b.base !== undefined) {
    if (!ctx.repo.git.readRef(`refs/heads/${b.base}`)) {
      throw validationFailed(ctx.docs, [
        { resource: 'PullRequest', field: 'base', code: 'invalid' }
      ])
    }
    p.base = b.base
  }
  if (b.title !== undefined) p.title = b.title
  if (b.body !== undefined) p.body = b.body
  if (b.state !== undefined) p.state = b.state
  p.updatedAt = now()
  return { status: 200, body: pull(ctx, true)(p) }
}

const addLabels: Handler = (ctx) => {
  const p = findPull(ctx, ctx.params.issue_number)
  const raw = ctx.body as { labels?: unknown[] } | unknown[]
  const list = Array.isArray(raw) ? raw : (raw.labels ?? [])
  for (const item of list) {
    const name = typeof item === 'string' ? item : (item as { name: string }).name
    const l = ctx.model.label(ctx.repo, name)
    if (!p.labels.includes(l.name)) p.labels.push(l.name)
  }
  p.updatedAt = now()
  return {
    status: 200,
    body: p.labels.map((n) => rep.label(ctx.urls, ctx.repo, ctx.model.label(ctx.repo, n)))
  }
}

const listIssueLabels: Handler = (ctx) => {
  const p = findPull(ctx, ctx.params.issue_number)
  return {
    status: 200,
    body: p.labels.map((n) => rep.label(ctx.urls, ctx.repo, ctx.model.label(ctx.repo, n)))
  }
}

const getOidcSubject: Handler = (ctx) => {
  const o = ctx.repo.oidcSubject
  const immutable = o.useImmutableSubject === true
  const prefix = immutable
    ? `repo:${ctx.repo.owner.login}@${ctx.repo.owner.id}/${ctx.repo.name}@${ctx.repo.id}`
    : `repo:${ctx.repo.fullName}`
  return {
    status: 200,
    body: {
      use_default: o.useDefault,
      ...(o.useDefault ? {} : { include_claim_keys: [...o.includeClaimKeys] }),
      ...(o.useImmutableSubject === undefined ? {} : { use_immutable_subject: immutable }),
      sub_claim_prefix: prefix
    }
  }
}

const getWorkflowPermissions: Handler = (ctx) => ({
  status: 200,
  body: {
    default_workflow_permissions: ctx.repo.workflowPermissions.defaultWorkflowPermissions,
    can_approve_pull_request_reviews: ctx.repo.workflowPermissions.canApprovePullRequestReviews
  }
})

const listEnvironments: Handler = (ctx) => {
  const all = [...ctx.repo.environments.values()]
  return {
    status: 200,
    body: {
      total_count: all.length,
      environments: paginate(all, ctx.query).map((e) => rep.environment(ctx.urls, ctx.repo, e))
    }
  }
}

const getEnvironment: Handler = (ctx) => {
  const e = ctx.repo.environments.get(ctx.params.environment_name ?? '')
  if (!e) notFound(ctx)
  return { status: 200, body: rep.environment(ctx.urls, ctx.repo, e) }
}

function secretList(secrets: Map<string, SecretState>, ctx: Context) {
  const all = [...secrets.values()].sort((a, b) => a.name.localeCompare(b.name))
  return {
    status: 200,
    body: { total_count: all.length, secrets: paginate(all, ctx.query).map(rep.secret) }
  }
}

const listSecrets: Handler = (ctx) => secretList(ctx.repo.secrets, ctx)

const getSecret: Handler = (ctx) => {
  const s = ctx.repo.secrets.get(ctx.params.secret_name ?? '')
  if (!s) notFound(ctx)
  return { status: 200, body: rep.secret(s) }
}

const getPublicKey: Handler = (ctx) => ({
  status: 200,
  body: { key_id: ctx.repo.publicKey.keyId, key: ctx.repo.publicKey.key }
})

const putSecret: Handler = (ctx) => {
  const name = ctx.params.secret_name ?? ''
  const b = ctx.body as { encrypted_value: string; key_id: string }
  if (b.key_id !== ctx.repo.publicKey.keyId) {
    throw validationFailed(ctx.docs, [{ resource: 'Secret', field: 'key_id', code: 'invalid' }])
  }
  const existing = ctx.repo.secrets.get(name)
  if (existing) {
    existing.encryptedValue = b.encrypted_value
    existing.updatedAt = now()
    return { status: 204 }
  }
  const time = now()
  ctx.repo.secrets.set(name, {
    name,
    createdAt: time,
    updatedAt: time,
    encryptedValue: b.encrypted_value,
    keyId: b.key_id
  })
  return { status: 201, body: {} }
}

const deleteSecret: Handler = (ctx) => {
  if (!ctx.repo.secrets.delete(ctx.params.secret_name ?? '')) notFound(ctx)
  return { status: 204 }
}

const listEnvironmentSecrets: Handler = (ctx) => {
  const e = ctx.repo.environments.get(ctx.params.environment_name ?? '')
  if (!e) notFound(ctx)
  return secretList(e.secrets, ctx)
}

const deleteEnvironmentSecret: Handler = (ctx) => {
  const e = ctx.repo.environments.get(ctx.params.environment_name ?? '')
  if (!e || !e.secrets.delete(ctx.params.secret_name ?? '')) notFound(ctx)
  return { status: 204 }
}

const listVariables: Handler = (ctx) => {
  const all = [...ctx.repo.variables.values()].sort((a, b) => a.name.localeCompare(b.name))
  return {
    status: 200,
    body: { total_count: all.length, variables: paginate(all, ctx.query).map(rep.variable) }
  }
}

export const REPOSITORY_HANDLERS: Readonly<Record<string, Handler>> = {
  'repos/get': getRepository,
  'pulls/list': listPulls,
  'pulls/get': getPull,
  'pulls/list-files': listPullFiles,
  'pulls/create': createPull,
  'pulls/update': updatePull,
  'issues/add-labels': addLabels,
  'issues/list-labels-on-issue': listIssueLabels,
  'actions/get-custom-oidc-sub-claim-for-repo': getOidcSubject,
  'actions/get-github-actions-default-workflow-permissions-repository': getWorkflowPermissions,
  'repos/get-all-environments': listEnvironments,
  'repos/get-environment': getEnvironment,
  'actions/list-repo-secrets': listSecrets,
  'actions/get-repo-secret': getSecret,
  'actions/get-repo-public-key': getPublicKey,
  'actions/create-or-update-repo-secret': putSecret,
  'actions/delete-repo-secret': deleteSecret,
  'actions/list-environment-secrets': listEnvironmentSecrets,
  'actions/delete-environment-secret': deleteEnvironmentSecret,
  'actions/list-repo-variables': listVariables
}
