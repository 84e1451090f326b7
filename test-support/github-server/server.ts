/**
 * The project's GitHub API server for tests and the demo: a stateful HTTP server on 127.0.0.1
 * serving the REST operations (and the GraphQL query) the action uses, backed by real bare git
 * repositories. Every request and response is checked against GitHub's OpenAPI description;
 * each mismatch is recorded in `violations` (tests assert there are none). It counts requests by
 * route and can be told to fail a request once (500, secondary rate limit, 422...).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import {
  authenticate,
  authorize,
  callerHeaders,
  HttpError,
  REQUIREMENTS,
  type Caller
} from './auth.js'
import type { Context, Handler, Reply } from './context.js'
import { executeGraphql } from './graphql.js'
import {
  FULL_APP_PERMISSIONS,
  ServerModel,
  type RepositorySeed,
  type RepositoryState,
  type TokenSpec
} from './model.js'
import { createFaults, faultReply, type Fault } from './faults.js'
import { openApi, type MatchedRoute } from './openapi.js'
import type { Urls } from './representations.js'
import { GIT_HANDLERS } from './routes-git.js'
import { REPOSITORY_HANDLERS } from './routes-repo.js'
import { RETIRE_HANDLERS } from './actions/retire.js'
import { ORG_HANDLERS } from './actions/org-secrets.js'

const HANDLERS: Readonly<Record<string, Handler>> = {
  ...GIT_HANDLERS,
  ...REPOSITORY_HANDLERS,
  ...RETIRE_HANDLERS
}

/** The route key GraphQL requests are counted under. */
export const GRAPHQL_ROUTE = 'POST /graphql'

/** A token with every permission the action uses (a GitHub App installation token). */
export const DEFAULT_TOKEN = 'ghs_testserverdefaulttoken0000000000000'

export interface StartGitHubServerOptions {
  readonly repositories?: readonly RepositorySeed[]
  /** Tokens by value. Default: {@link DEFAULT_TOKEN}, an App token with every permission. */
  readonly tokens?: Readonly<Record<string, TokenSpec>>
  /** Default 0: a free port. */
  readonly port?: number
  /** Blob texts over this many bytes are truncated in GraphQL (default 512 KiB). */
  readonly graphqlBlobTextLimit?: number
}

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  /** `METHOD /template` from GitHub's description; the raw path when undocumented. */
  readonly route: string
  readonly status: number
  /** True for requests that change state (every method but GET, HEAD and GraphQL queries). */
  readonly write: boolean
  readonly fault: Fault['kind'] | null
}

export interface GitHubServer {
  /** `http://127.0.0.1:PORT`: the API base URL (`GITHUB_API_URL`); `/api/v3` also works (GHES). */
  readonly url: string
  /** The default token (when `tokens` was not given). */
  readonly token: string
  readonly model: ServerModel
  /** Every request in order. */
  readonly requests: readonly RecordedRequest[]
  /** OpenAPI / GraphQL schema mismatches and server bugs; tests assert this stays empty. */
  readonly violations: readonly string[]
  repository(fullName: string): RepositoryState
  addRepository(seed: RepositorySeed): RepositoryState
  addToken(token: string, spec: TokenSpec): void
  /** Makes the next matching request(s) fail as described. */
  failNext(fault: Fault): void
  /** Forgets the faults not yet used and ends a `killed` cut. */
  heal(): void
  /** Requests so far by route key. */
  requestCounts(): Record<string, number>
  /** Forgets recorded requests (not violations). */
  resetRequests(): void
  close(): Promise<void>
}

export async function startGitHubServer(
  options: StartGitHubServerOptions = {}
): Promise<GitHubServer> {
  const api = openApi()
  const model = new ServerModel()
  const tokens = options.tokens ?? {
    [DEFAULT_TOKEN]: { kind: 'installation', permissions: FULL_APP_PERMISSIONS }
  }
  for (const [t, spec] of Object.entries(tokens)) model.tokens.set(t, spec)
  for (const seed of options.repositories ?? []) model.addRepository(seed)

  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const faults = createFaults()
  let urls: Urls = { api: '', html: '' }
  let requestId = 0
  const takeFault = (route: string): Fault | null => faults.take(route)

  async function handle(
    req: http.IncomingMessage,
    raw: string
  ): Promise<{ reply: Reply; route: string; write: boolean; fault: Fault['kind'] | null }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '')
    if (pathname === '/api/graphql') pathname = '/graphql'
    const method = (req.method ?? 'GET').toUpperCase()
    let body: unknown
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        violations.push(`${method} ${pathname}: the body is not JSON`)
        return {
          reply: errorReply(new HttpError(400, 'Problems parsing JSON')),
          route: `${method} ${pathname}`,
          write: false,
          fault: null
        }
      }
    }
    if (method === 'POST' && pathname === '/graphql') {
      return { ...(await handleGraphql(req, body)), route: GRAPHQL_ROUTE, write: false }
    }
    const match = api.match(method, pathname)
    if (!match) {
      violations.push(`${method} ${pathname}: GitHub documents no such operation`)
      return {
        reply: errorReply(new HttpError(404, 'Not Found')),
        route: `${method} ${pathname}`,
        write: false,
        fault: null
      }
    }
    const write = method !== 'GET' && method !== 'HEAD'
    const checked = api.validateRequest(match, url.searchParams, body as never)
    if (checked.problems.length > 0) {
      violations.push(...checked.problems.map((p) => `${match.route}: ${p}`))
      return {
        reply: errorReply(new HttpError(400, `OpenAPI violation: ${checked.problems.join('; ')}`)),
        route: match.route,
        write,
        fault: null
      }
    }
    const docs = api.documentationUrl(match)
    let caller: Caller | null = null
    try {
      caller = authenticate(req.headers.authorization, model.tokens)
      const fault = takeFault(match.route)
      if (fault && fault.kind !== 'lost-response' && fault.kind !== 'killed')
        return { reply: faultReply(fault, docs), route: match.route, write, fault: fault.kind }
      const reply = run(match, caller, checked.query, body, docs)
      const withHeaders = {
        ...reply,
        headers: { ...callerHeaders(caller, REQUIREMENTS[match.operationId]), ...reply.headers }
      }
      if (fault)
        return { reply: faultReply(fault, docs), route: match.route, write, fault: fault.kind }
      return { reply: checkResponse(match, withHeaders), route: match.route, write, fault: null }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      const reply = errorReply(error, callerHeaders(caller, REQUIREMENTS[match.operationId]))
      return { reply: checkResponse(match, reply), route: match.route, write, fault: null }
    }
  }

  function run(
    match: MatchedRoute,
    caller: Caller,
    query: Record<string, unknown>,
    body: unknown,
    docs: string
  ): Reply {
    const orgHandler = ORG_HANDLERS[match.operationId]
    if (orgHandler) {
      const org = match.params.org ?? ''
      return orgHandler({ model, urls, caller, org, params: match.params, query, body, docs })
    }
    const handler = HANDLERS[match.operationId]
    if (!handler) {
      violations.push(
        `${match.route} (${match.operationId}) is documented but the test server does not implement it`
      )
      return errorReply(
        new HttpError(501, `The test server does not implement ${match.operationId}`)
      )
    }
    const { owner, repo: name } = match.params
    const repo = owner && name ? model.repository(owner, name) : undefined
    if (!repo) throw new HttpError(404, 'Not Found', docs)
    if (
      caller.spec.kind === 'classic' &&
      repo.visibility !== 'public' &&
      !caller.spec.scopes.includes('repo')
    ) {
      throw new HttpError(404, 'Not Found', docs)
    }
    authorize(caller, repo, REQUIREMENTS[match.operationId], docs)
    const ctx: Context = { model, urls, caller, repo, params: match.params, query, body, docs }
    return handler(ctx)
  }

  function checkResponse(match: MatchedRoute, reply: Reply): Reply {
    const problems = api.validateResponse(match, reply.status, reply.body as never)
    if (problems.length === 0) return reply
    violations.push(...problems.map((p) => `${match.route}: ${p}`))
    return errorReply(
      new HttpError(
        500,
        `The test server's answer breaks GitHub's description: ${problems.join('; ')}`
      )
    )
  }

  async function handleGraphql(
    req: http.IncomingMessage,
    body: unknown
  ): Promise<{ reply: Reply; fault: Fault['kind'] | null }> {
    let caller: Caller
    try {
      caller = authenticate(req.headers.authorization, model.tokens)
    } catch (error) {
      return { reply: errorReply(error as HttpError), fault: null }
    }
    const fault = takeFault(GRAPHQL_ROUTE)
    if (fault && fault.kind !== 'lost-response' && fault.kind !== 'killed')
      return { reply: faultReply(fault, 'https://docs.github.com/graphql'), fault: fault.kind }
    const result = await executeGraphql((body ?? {}) as Record<string, unknown>, {
      model,
      urls,
      caller,
      blobTextLimit: options.graphqlBlobTextLimit ?? 512 * 1024
    })
    violations.push(...result.violations)
    if (fault)
      return { reply: faultReply(fault, 'https://docs.github.com/graphql'), fault: fault.kind }
    return {
      reply: {
        status: 200,
        body: result.body,
        headers: callerHeaders(caller, REQUIREMENTS.graphql)
      },
      fault: null
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (faults.cut) {
        req.socket.destroy()
        return
      }
      const raw = Buffer.concat(chunks).toString('utf8')
      handle(req, raw)
        .catch((error: unknown) => {
          const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
          violations.push(
            `${req.method ?? ''} ${req.url ?? ''}: the test server failed: ${message}`
          )
          return {
            reply: errorReply(new HttpError(500, `The test server failed: ${message}`)),
            route: `${req.method ?? ''} ${req.url ?? ''}`,
            write: false,
            fault: null
          }
        })
        .then(({ reply, route, write, fault }) => {
          const id = `TEST:${String(++requestId).padStart(6, '0')}`
          requests.push({
            method: req.method ?? '',
            path: req.url ?? '',
            route,
            status: reply.status,
            write,
            fault
          })
          if (fault === 'killed') {
            faults.kill()
            req.socket.destroy()
            return
          }
          const headers: Record<string, string> = {
            'x-github-request-id': id,
            'x-github-api-version-selected': '2022-11-28',
            'x-ratelimit-limit': '5000',
            // Never 0: a long sandbox session must not look rate limited.
            'x-ratelimit-remaining': String(5000 - (requestId % 4999)),
            'x-ratelimit-used': String(requestId % 4999),
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
            'x-ratelimit-resource': route === GRAPHQL_ROUTE ? 'graphql' : 'core',
            ...reply.headers
          }
          if (reply.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8'
          res.writeHead(reply.status, headers)
          res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body))
        })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  urls = { api: base, html: base }

  let closed = false
  return {
    url: base,
    token: Object.keys(tokens)[0] ?? DEFAULT_TOKEN,
    model,
    requests,
    violations,
    repository(fullName) {
      const [owner = '', name = ''] = fullName.split('/')
      const repo = model.repository(owner, name)
      if (!repo) throw new Error(`the test server has no repository ${fullName}`)
      return repo
    },
    addRepository: (seed) => model.addRepository(seed),
    addToken: (token, spec) => {
      model.tokens.set(token, spec)
    },
    failNext: (fault) => faults.add(fault),
    heal: () => faults.heal(),
    requestCounts() {
      const counts: Record<string, number> = {}
      for (const r of requests) counts[r.route] = (counts[r.route] ?? 0) + 1
      return counts
    },
    resetRequests() {
      requests.length = 0
    },
    async close() {
      if (closed) return
      closed = true
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      for (const repo of model.repositories.values())
        rmSync(repo.git.gitDir, { recursive: true, force: true })
    }
  }
}

function errorReply(error: HttpError, headers: Record<string, string> = {}): Reply {
  return { status: error.status, body: error.body(), headers: { ...headers, ...error.headers } }
}
