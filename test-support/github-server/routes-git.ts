/**
 * The Git Data API (refs, tags, commits, trees, blobs) and compare, over the repository's real
 * bare git repository, with GitHub's validation errors.
 */
import { authorizeWorkflowWrite, HttpError, validationFailed } from './auth.js'
import type { Context, Handler, Reply } from './context.js'
import type { TreeWrite } from './git-objects.js'
import * as gitRep from './git-representations.js'
import * as rep from './representations.js'
import type { RepositoryState } from './model.js'

const SHA = /^[0-9a-f]{40}$/

function notFound(ctx: Context): never {
  throw new HttpError(404, 'Not Found', ctx.docs)
}

/** A branch, tag or sha as GitHub resolves `{base}`/`{head}` in compare. */
function resolveCommitish(repo: RepositoryState, name: string): string | null {
  const bare = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name
  if (SHA.test(bare)) return repo.git.objectType(bare) === 'commit' ? bare : null
  return repo.git.readRef(`refs/heads/${bare}`) ?? repo.git.readRef(`refs/tags/${bare}`) ?? null
}

const getRef: Handler = (ctx) => {
  const ref = `refs/${ctx.params.ref ?? ''}`
  const found = ctx.repo.git.listRefs(ref).find((r) => r.ref === ref)
  if (!found) notFound(ctx)
  return { status: 200, body: gitRep.gitRef(ctx.urls, ctx.repo, ref, found.sha, found.type) }
}

/**
 * Every ref whose full name starts with `refs/{ref}` (a plain string prefix: `tags/v6.` matches
 * `refs/tags/v6.10.0`, not `refs/tags/v60.0.0` nor `refs/tags/v6`), sorted by name; `[]` when
 * none does. Annotated tags point at their tag object.
 */
const listMatchingRefs: Handler = (ctx) => {
  const prefix = `refs/${ctx.params.ref ?? ''}`
  const refs = ctx.repo.git.listRefs().filter((r) => r.ref.startsWith(prefix))
  return {
    status: 200,
    body: refs.map((r) => gitRep.gitRef(ctx.urls, ctx.repo, r.ref, r.sha, r.type))
  }
}

/** An annotated tag object; 404 for any other sha (a lightweight tag's commit included). */
const getTag: Handler = (ctx) => {
  const sha = ctx.params.tag_sha ?? ''
  if (ctx.repo.git.objectType(sha) !== 'tag') notFound(ctx)
  return { status: 200, body: gitRep.gitTag(ctx.urls, ctx.repo, ctx.repo.git.readTag(sha)) }
}

const createRef: Handler = (ctx) => {
  const { ref, sha } = ctx.body as { ref: string; sha: string }
  if (!/^refs\/[^/]+\/.+/.test(ref)) {
    throw validationFailed(
      ctx.docs,
      [],
      "Reference name must start with 'refs/' and have at least two slashes."
    )
  }
  if (!SHA.test(sha) || !ctx.repo.git.objectType(sha))
    throw validationFailed(ctx.docs, [], 'Object does not exist')
  if (ctx.repo.git.readRef(ref)) throw validationFailed(ctx.docs, [], 'Reference already exists')
  try {
    ctx.repo.git.updateRef(ref, sha, null)
  } catch {
    throw validationFailed(ctx.docs, [], 'Reference already exists')
  }
  return {
    status: 201,
    body: gitRep.gitRef(ctx.urls, ctx.repo, ref, sha, ctx.repo.git.objectType(sha) ?? 'commit'),
    headers: { location: `${ctx.urls.api}/repos/${ctx.repo.fullName}/git/${ref}` }
  }
}

const updateRef: Handler = (ctx) => {
  const ref = `refs/${ctx.params.ref ?? ''}`
  const { sha, force } = ctx.body as { sha: string; force?: boolean }
  const current = ctx.repo.git.readRef(ref)
  if (!current) throw validationFailed(ctx.docs, [], 'Reference does not exist')
  if (!SHA.test(sha) || ctx.repo.git.objectType(sha) !== 'commit') {
    throw validationFailed(ctx.docs, [], 'Object does not exist')
  }
  if (!force && !ctx.repo.git.isAncestor(current, sha)) {
    throw validationFailed(ctx.docs, [], 'Update is not a fast forward')
  }
  try {
    ctx.repo.git.updateRef(ref, sha, current)
  } catch {
    throw validationFailed(ctx.docs, [], 'Reference cannot be updated')
  }
  return { status: 200, body: gitRep.gitRef(ctx.urls, ctx.repo, ref, sha) }
}

const deleteRef: Handler = (ctx) => {
  const ref = `refs/${ctx.params.ref ?? ''}`
  if (!ctx.repo.git.readRef(ref)) throw validationFailed(ctx.docs, [], 'Reference does not exist')
  ctx.repo.git.deleteRef(ref)
  return { status: 204 }
}

const getCommit: Handler = (ctx) => {
  const sha = ctx.params.commit_sha ?? ''
  if (ctx.repo.git.objectType(sha) !== 'commit') notFound(ctx)
  return { status: 200, body: gitRep.gitCommit(ctx.urls, ctx.repo, ctx.repo.git.readCommit(sha)) }
}

interface CommitBody {
  message: string
  tree: string
  parents?: string[]
  author?: { name: string; email: string; date?: string }
  committer?: { name?: string; email?: string; date?: string }
}

const createCommit: Handler = (ctx) => {
  const b = ctx.body as CommitBody
  const git = ctx.repo.git
  if (git.objectType(b.tree) !== 'tree')
    throw validationFailed(ctx.docs, [], 'Tree SHA does not exist')
  for (const p of b.parents ?? []) {
    if (git.objectType(p) !== 'commit') {
      throw validationFailed(ctx.docs, [], 'Parent SHA does not exist or is not a commit object')
    }
  }
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  const user = rep.actor(ctx.urls, ctx.caller.login)
  const defaultAuthor = {
    name: ctx.caller.login,
    email: `${String(user.id)}+${ctx.caller.login}@users.noreply.github.com`,
    date
  }
  const author = b.author ? { ...b.author, date: b.author.date ?? date } : defaultAuthor
  // Without a committer GitHub commits as itself and signs the commit (web-flow).
  const committer = b.committer
    ? {
        name: b.committer.name ?? author.name,
        email: b.committer.email ?? author.email,
        date: b.committer.date ?? date
      }
    : { name: 'GitHub', email: 'noreply@github.com', date }
  const sha = git.writeCommit(b.tree, b.parents ?? [], b.message, author, committer)
  return {
    status: 201,
    body: gitRep.gitCommit(ctx.urls, ctx.repo, git.readCommit(sha)),
    headers: { location: `${ctx.urls.api}/repos/${ctx.repo.fullName}/git/commits/${sha}` }
  }
}

function treeBody(ctx: Context, sha: string, recursive: boolean): Reply {
  const api = `${ctx.urls.api}/repos/${ctx.repo.fullName}`
  const tree = ctx.repo.git.listTree(sha, recursive).map((e) => ({
    path: e.path,
    mode: e.mode,
    type: e.type,
    sha: e.sha,
    ...(e.size === undefined ? {} : { size: e.size }),
    url: `${api}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
  }))
  return { status: 200, body: { sha, url: `${api}/git/trees/${sha}`, tree, truncated: false } }
}

const getTree: Handler = (ctx) => {
  const name = ctx.params.tree_sha ?? ''
  const sha = SHA.test(name) ? name : resolveCommitish(ctx.repo, name)
  if (!sha) notFound(ctx)
  const type = ctx.repo.git.objectType(sha)
  if (type !== 'tree' && type !== 'commit') notFound(ctx)
  const treeSha = type === 'commit' ? ctx.repo.git.readCommit(sha).tree : sha
  const recursive =
    ctx.query.recursive !== undefined &&
    ctx.query.recursive !== '0' &&
    ctx.query.recursive !== 'false'
  return treeBody(ctx, treeSha, recursive)
}

interface TreeBody {
  base_tree?: string
  tree: {
    path: string
    mode: string
    type: 'blob' | 'tree' | 'commit'
    sha?: string | null
    content?: string
  }[]
}

const createTree: Handler = (ctx) => {
  const b = ctx.body as TreeBody
  const git = ctx.repo.git
  if (b.base_tree !== undefined && git.objectType(b.base_tree) !== 'tree') {
    throw validationFailed(ctx.docs, [], 'base_tree is not a valid tree oid')
  }
  const writes: TreeWrite[] = []
  for (const [index, e] of b.tree.entries()) {
    if (e.content !== undefined && e.sha !== undefined) {
      throw validationFailed(
        ctx.docs,
        [{ resource: 'Tree', field: 'tree', code: 'invalid', index }],
        'Must supply either tree.sha or tree.content. Request will be rejected if both are present.'
      )
    }
    if (e.sha && git.objectType(e.sha) === null) {
      throw validationFailed(
        ctx.docs,
        [],
        `GitRPC::BadObjectState: tree.sha ${e.sha} is not a valid ${e.type}`
      )
    }
    writes.push(
      e.content !== undefined
        ? { path: e.path, mode: e.mode, type: e.type, content: e.content }
        : { path: e.path, mode: e.mode, type: e.type, sha: e.sha ?? null }
    )
  }
  const touched = b.tree.map((e) =>
    e.type === 'tree' && '.github/workflows'.startsWith(e.path) ? '.github/workflows' : e.path
  )
  authorizeWorkflowWrite(ctx.caller, touched, ctx.docs)
  const sha = git.writeTree(b.base_tree ?? null, writes)
  const reply = treeBody(ctx, sha, false)
  return {
    status: 201,
    body: reply.body,
    headers: { location: `${ctx.urls.api}/repos/${ctx.repo.fullName}/git/trees/${sha}` }
  }
}

const getBlob: Handler = (ctx) => {
  const sha = ctx.params.file_sha ?? ''
  if (ctx.repo.git.objectType(sha) !== 'blob') notFound(ctx)
  const content = ctx.repo.git.readBlob(sha)
  return {
    status: 200,
    body: {
      sha,
      node_id: rep.nodeId('Blob', sha),
      size: content.length,
      url: `${ctx.urls.api}/repos/${ctx.repo.fullName}/git/blobs/${sha}`,
      content: content.toString('base64'),
      encoding: 'base64'
    }
  }
}

const compare: Handler = (ctx) => {
  const basehead = ctx.params.basehead ?? ''
  const m = /^(.+?)\.\.\.?(.+)$/.exec(basehead)
  if (!m || !m[1] || !m[2]) notFound(ctx)
  const git = ctx.repo.git
  const base = resolveCommitish(ctx.repo, m[1])
  const head = resolveCommitish(ctx.repo, m[2])
  if (!base || !head) notFound(ctx)
  const mergeBase = git.mergeBase(base, head)
  if (!mergeBase) notFound(ctx)
  const ahead = git.commitsBetween(base, head)
  const behind = git.commitsBetween(head, base)
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged'
  const api = `${ctx.urls.api}/repos/${ctx.repo.fullName}`
  const html = `${ctx.urls.html}/${ctx.repo.fullName}`
  const files = git.changedFiles(mergeBase, head)
  return {
    status: 200,
    body: {
      url: `${api}/compare/${basehead}`,
      html_url: `${html}/compare/${basehead}`,
      permalink_url: `${html}/compare/${base}...${head}`,
      diff_url: `${html}/compare/${basehead}.diff`,
      patch_url: `${html}/compare/${basehead}.patch`,
      base_commit: gitRep.commit(ctx.urls, ctx.repo, git.readCommit(base)),
      merge_base_commit: gitRep.commit(ctx.urls, ctx.repo, git.readCommit(mergeBase)),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: ahead.slice(0, 250).map((c) => gitRep.commit(ctx.urls, ctx.repo, git.readCommit(c))),
      files: files.slice(0, 300).map((f) => gitRep.diffEntry(ctx.urls, ctx.repo, head, f))
    }
  }
}

export const GIT_HANDLERS: Readonly<Record<string, Handler>> = {
  'git/get-ref': getRef,
  'git/list-matching-refs': listMatchingRefs,
  'git/get-tag': getTag,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/delete-ref': deleteRef,
  'git/get-commit': getCommit,
  'git/create-commit': createCommit,
  'git/get-tree': getTree,
  'git/create-tree': createTree,
  'git/get-blob': getBlob,
  'repos/compare-commits-with-basehead': compare
}
