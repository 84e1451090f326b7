/**
 * `organization(login)` of the GraphQL API: the organisation's repositories as a cursor-paginated
 * connection (`first` at most 100, `after`, `isArchived`, `isFork`, ordered by name as
 * `orderBy: {field: NAME}` asks), each the same `Repository` node `repository(owner, name)`
 * gives. Only repositories the caller can see are listed, as GitHub does.
 */
import type { RepositoryState, ServerModel } from '../model.js'

interface RepositoriesArgs {
  readonly first?: number
  readonly after?: string | null
  readonly isArchived?: boolean | null
  readonly isFork?: boolean | null
  readonly orderBy?: { readonly field: string; readonly direction: string } | null
}

/** GitHub refuses a page larger than 100 with this message. */
export class PageSizeError extends Error {}

export function organizationNode(
  model: ServerModel,
  login: string,
  visible: (repo: RepositoryState) => boolean,
  repositoryNode: (repo: RepositoryState) => unknown
): unknown {
  const own = [...model.repositories.values()].filter(
    (r) => r.owner.login.toLowerCase() === login.toLowerCase()
  )
  const owner = own[0]?.owner
  if (!owner || owner.type !== 'Organization') return null
  return {
    __typename: 'Organization',
    id: Buffer.from(`04:Organization${owner.id}`).toString('base64'),
    databaseId: owner.id,
    login: owner.login,
    repositories: (args: RepositoriesArgs) => {
      const first = args.first ?? 30
      if (first > 100 || first < 1) {
        throw new PageSizeError(
          `Requesting ${first} records on the \`repositories\` connection exceeds the \`first\` limit of 100 records.`
        )
      }
      const listed = own
        .filter(visible)
        .filter((r) => args.isArchived == null || r.archived === args.isArchived)
        // The simulated repositories are never forks.
        .filter(() => args.isFork !== true)
        .sort((a, b) => order(a, b, args.orderBy))
      const start = args.after ? cursorIndex(args.after) : 0
      const nodes = listed.slice(start, start + first)
      const cursor = (i: number): string =>
        Buffer.from(`cursor:v2:${start + i + 1}`).toString('base64')
      return {
        totalCount: listed.length,
        nodes: nodes.map(repositoryNode),
        edges: nodes.map((r, i) => ({ node: repositoryNode(r), cursor: cursor(i) })),
        pageInfo: {
          hasNextPage: start + nodes.length < listed.length,
          hasPreviousPage: start > 0,
          startCursor: nodes.length > 0 ? cursor(0) : null,
          endCursor: nodes.length > 0 ? cursor(nodes.length - 1) : null
        }
      }
    }
  }
}

function order(a: RepositoryState, b: RepositoryState, by: RepositoriesArgs['orderBy']): number {
  const sign = by?.direction === 'DESC' ? -1 : 1
  if (by?.field === 'NAME') return sign * (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)
  return sign * (a.id - b.id)
}

function cursorIndex(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  return m ? Number(m[1]) : 0
}
