/** What a route handler receives and returns. */
import type { Caller } from './auth.js'
import type { RepositoryState, ServerModel } from './model.js'
import type { Urls } from './representations.js'

export interface Context {
  readonly model: ServerModel
  readonly urls: Urls
  readonly caller: Caller
  /** The repository named by `{owner}/{repo}` (the router answers 404 when there is none). */
  readonly repo: RepositoryState
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, unknown>>
  /** The parsed JSON body, already validated against the operation's schema. */
  readonly body: unknown
  /** GitHub's documentation URL of the operation (used in error bodies). */
  readonly docs: string
}

export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export type Handler = (ctx: Context) => Reply

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `per_page` / `page` slicing as GitHub's list endpoints do (default 30 per page). */
export function paginate<T>(items: readonly T[], query: Readonly<Record<string, unknown>>): T[] {
  const perPage = typeof query.per_page === 'number' ? query.per_page : 30
  const page = typeof query.page === 'number' ? query.page : 1
  return items.slice((page - 1) * perPage, page * perPage)
}
