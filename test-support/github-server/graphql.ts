/**
 * `POST /graphql`: queries are parsed, validated and executed by graphql-js against GitHub's own
 * public schema (`@octokit/graphql-schema`), so a query GitHub would reject is rejected here too.
 * The resolvers cover the repository, refs, commits, trees, blobs, environments and pull
 * requests, read from the bare git repository and the in-memory model.
 */
import { buildClientSchema, graphql, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import { schema as githubSchema } from '@octokit/graphql-schema'
import { holds, type Caller } from './auth.js'
import type { TreeEntry } from './git-objects.js'
import type { PullRequestState, RepositoryState, ServerModel } from './model.js'
import { nodeId, type Urls } from './representations.js'
import { organizationNode, PageSizeError } from './graphql/organization.js'

let built: GraphQLSchema | null = null

function schema(): GraphQLSchema {
  built ??= buildClientSchema(githubSchema.json as unknown as IntrospectionQuery)
  return built
}

export interface GraphqlOptions {
  readonly model: ServerModel
  readonly urls: Urls
  readonly caller: Caller
  /** Blob texts longer than this many bytes come back truncated (`isTruncated: true`). */
  readonly blobTextLimit: number
}

export interface GraphqlResult {
  readonly body: { data?: unknown; errors?: unknown[] }
  /** Errors GitHub would not produce for a valid query: schema violations or resolver bugs. */
  readonly violations: string[]
}

class GitHubGraphqlError extends Error {
  constructor(
    readonly type: 'NOT_FOUND' | 'FORBIDDEN',
    message: string
  ) {
    super(message)
  }
}

export async function executeGraphql(
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
  options: GraphqlOptions
): Promise<GraphqlResult> {
  if (typeof request.query !== 'string') {
    return {
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
      violations: ['graphql request without a query string']
    }
  }
  const result = await graphql({
    schema: schema(),
    source: request.query,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === 'string' ? request.operationName : null,
    rootValue: {
      repository: (args: { owner: string; name: string }) => {
        const repo = options.model.repository(args.owner, args.name)
        if (!repo || !canSee(options.caller, repo)) {
          throw new GitHubGraphqlError(
            'NOT_FOUND',
            `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`
          )
        }
        return repositoryNode(repo, options)
      },
      organization: ({ login }: { login: string }) => {
        const org = organizationNode(
          options.model,
          login,
          (r) => canSee(options.caller, r),
          (r) => repositoryNode(r, options)
        )
        if (org) return org
        throw new GitHubGraphqlError(
          'NOT_FOUND',
          `Could not resolve to an Organization with the login of '${login}'.`
        )
      }
    }
  })
  const violations: string[] = []
  const errors = (result.errors ?? []).map((e) => {
    const original = e.originalError
    if (original instanceof GitHubGraphqlError) {
      return { type: original.type, path: e.path, locations: e.locations, message: e.message }
    }
    if (original instanceof PageSizeError) {
      const { path, locations, message } = e
      return { type: 'EXCESSIVE_PAGINATION', path, locations, message }
    }
    violations.push(`graphql: ${e.message}${e.path ? ` at ${e.path.join('.')}` : ''}`)
    return { path: e.path, locations: e.locations, message: e.message }
  })
  const body = errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data }
  return { body, violations }
}

function canSee(caller: Caller, repo: RepositoryState): boolean {
  const spec = caller.spec
  if (spec.kind === 'classic') return repo.visibility === 'public' || spec.scopes.includes('repo')
  return true
}

function requireContents(caller: Caller, repo: RepositoryState): void {
  const spec = caller.spec
  if (spec.kind === 'classic' ? canSee(caller, repo) : holds(spec, 'contents', 'read')) return
  throw new GitHubGraphqlError(
    'FORBIDDEN',
    spec.kind === 'fine-grained'
      ? 'Resource not accessible by personal access token'
      : 'Resource not accessible by integration'
  )
}

function connection<T>(items: readonly T[], first: number | undefined) {
  const nodes = items.slice(0, first ?? 100)
  return {
    totalCount: items.length,
    nodes,
    edges: nodes.map((node, i) => ({
      node,
      cursor: Buffer.from(`cursor:${i + 1}`).toString('base64')
    })),
    pageInfo: {
      hasNextPage: nodes.length < items.length,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null
    }
  }
}

function repositoryNode(repo: RepositoryState, o: GraphqlOptions) {
  const git = repo.git
  const url = `${o.urls.html}/${repo.fullName}`
  const ownerNode = {
    __typename: repo.owner.type,
    id: nodeId(repo.owner.type, repo.owner.id),
    databaseId: repo.owner.id,
    login: repo.owner.login,
    url: `${o.urls.html}/${repo.owner.login}`
  }
  const self = {
    __typename: 'Repository',
    id: nodeId('Repository', repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    url,
    visibility: repo.visibility.toUpperCase(),
    isPrivate: repo.visibility !== 'public',
    isArchived: repo.archived,
    isFork: false,
    createdAt: repo.createdAt,
    owner: ownerNode,
    viewerPermission:
      o.caller.spec.kind === 'classic'
        ? 'ADMIN'
        : holds(o.caller.spec, 'contents', 'write')
          ? 'WRITE'
          : 'READ',
    defaultBranchRef: () => refNode(`refs/heads/${repo.defaultBranch}`),
    ref: ({ qualifiedName }: { qualifiedName: string }) => {
      const full = qualifiedName.startsWith('refs/') ? qualifiedName : `refs/heads/${qualifiedName}`
      return git.listRefs(full).some((r) => r.ref === full) ? refNode(full) : null
    },
    object: ({ oid, expression }: { oid?: string; expression?: string }) => {
      requireContents(o.caller, repo)
      if (oid) return objectNode(oid, null)
      if (!expression) return null
      const colon = expression.indexOf(':')
      if (colon < 0) {
        const sha = git.readRef(expression) ?? git.readRef(`refs/heads/${expression}`)
        return sha ? objectNode(sha, null) : null
      }
      const rev = expression.slice(0, colon) || 'HEAD'
      const commitSha = /^[0-9a-f]{40}$/.test(rev)
        ? rev
        : (git.readRef(`refs/heads/${rev}`) ?? git.readRef(rev))
      if (!commitSha) return null
      const filePath = expression.slice(colon + 1)
      const entry = git.entryAt(commitSha, filePath)
      return entry ? objectNode(entry.sha, filePath) : null
    },
    environments: ({ first }: { first?: number }) =>
      connection(
        [...repo.environments.values()].map((e) => ({
          __typename: 'Environment',
          id: nodeId('Environment', e.id),
          databaseId: e.id,
          name: e.name
        })),
        first
      ),
    pullRequests: (args: {
      first?: number
      states?: string[]
      headRefName?: string
      baseRefName?: string
    }) =>
      connection(
        repo.pulls
          .filter((p) => !args.states || args.states.includes(p.state.toUpperCase()))
          .filter((p) => args.headRefName === undefined || p.head === args.headRefName)
          .filter((p) => args.baseRefName === undefined || p.base === args.baseRefName)
          .map(pullNode),
        args.first
      )
  }

  function pullNode(p: PullRequestState) {
    return {
      __typename: 'PullRequest',
      id: nodeId('PullRequest', p.id),
      databaseId: p.id,
      number: p.number,
      title: p.title,
      body: p.body,
      url: `${url}/pull/${p.number}`,
      state: p.state.toUpperCase(),
      isDraft: p.draft,
      headRefName: p.head,
      baseRefName: p.base,
      headRefOid: git.readRef(`refs/heads/${p.head}`),
      labels: ({ first }: { first?: number }) =>
        connection(
          p.labels.map((name) => ({ __typename: 'Label', name, id: nodeId('Label', name) })),
          first
        )
    }
  }

  function refNode(qualified: string) {
    return {
      __typename: 'Ref',
      id: nodeId('Ref', `${repo.id}:${qualified}`),
      name: qualified.replace(/^refs\/(heads|tags)\//, ''),
      prefix: /^refs\/[^/]+\//.exec(qualified)?.[0] ?? 'refs/',
      target: () => {
        requireContents(o.caller, repo)
        const sha = git.readRef(qualified)
        return sha ? objectNode(sha, null) : null
      }
    }
  }

  function objectNode(sha: string, filePath: string | null): unknown {
    const type = git.objectType(sha)
    if (type === 'commit') return commitNode(sha)
    if (type === 'tree') return treeNode(sha, filePath ?? '')
    if (type === 'blob') return blobNode(sha)
    return null
  }

  function commitNode(sha: string) {
    const c = git.readCommit(sha)
    return {
      __typename: 'Commit',
      id: nodeId('Commit', sha),
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      message: c.message.replace(/\n$/, ''),
      messageHeadline: c.message.split('\n')[0] ?? '',
      committedDate: c.committer.date,
      authoredDate: c.author.date,
      url: `${url}/commit/${sha}`,
      tree: () => treeNode(c.tree, ''),
      parents: ({ first }: { first?: number }) => connection(c.parents.map(commitNode), first),
      file: ({ path }: { path: string }) => {
        requireContents(o.caller, repo)
        const clean = path.replace(/^\/+|\/+$/g, '')
        const entry = git.entryAt(sha, clean)
        return entry
          ? entryNode(entry, clean.includes('/') ? clean.slice(0, clean.lastIndexOf('/')) : '')
          : null
      }
    }
  }

  function treeNode(sha: string, dirPath: string) {
    return {
      __typename: 'Tree',
      id: nodeId('Tree', sha),
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      entries: () => git.listTree(sha).map((e) => entryNode(e, dirPath))
    }
  }

  function entryNode(e: TreeEntry, dir: string) {
    const name = e.path.includes('/') ? e.path.slice(e.path.lastIndexOf('/') + 1) : e.path
    const full = dir ? `${dir}/${name}` : name
    const dot = name.lastIndexOf('.')
    return {
      name,
      nameRaw: Buffer.from(name).toString('base64'),
      path: full,
      pathRaw: Buffer.from(full).toString('base64'),
      type: e.type,
      mode: parseInt(e.mode, 8),
      oid: e.sha,
      size: e.size ?? 0,
      extension: dot > 0 ? name.slice(dot) : null,
      isGenerated: false,
      submodule: null,
      object: () =>
        e.type === 'tree' ? treeNode(e.sha, full) : e.type === 'blob' ? blobNode(e.sha) : null
    }
  }

  function blobNode(sha: string) {
    const content = git.readBlob(sha)
    const binary = content.includes(0)
    const truncated = content.length > o.blobTextLimit
    return {
      __typename: 'Blob',
      id: nodeId('Blob', sha),
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      byteSize: content.length,
      isBinary: binary,
      isTruncated: truncated,
      text: binary
        ? null
        : content.subarray(0, truncated ? o.blobTextLimit : content.length).toString('utf8')
    }
  }

  return self
}
