/**
 * What `mode: discover` reads from GitHub: the organisation's repositories (GraphQL, 100 a page),
 * then their workflow files in batches, many repositories per query (one aliased
 * `repository(owner, name)` each, the blobs of `.github/workflows` at the default branch head).
 * Reads only; requests per organisation: ceil(repositories / 100) + ceil(matched / batch).
 */
import type { WorkflowFile } from '../workflows/findings.js'
import type { Octokit } from './octokit.js'

export interface OrgRepository {
  readonly name: string
  readonly fullName: string
  readonly archived: boolean
}

/** Repositories per workflow-file query: each brings its workflow blobs, within GitHub's limits. */
export const DISCOVER_BATCH = 25
const PAGE = 100

interface RepositoriesPage {
  readonly organization: {
    readonly repositories: {
      readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null }
      readonly nodes: readonly {
        readonly name: string
        readonly nameWithOwner: string
        readonly isArchived: boolean
      }[]
    }
  } | null
}

const REPOSITORIES = `query($login: String!, $first: Int!, $after: String, $archived: Boolean) {
  organization(login: $login) {
    repositories(first: $first, after: $after, isArchived: $archived, orderBy: {field: NAME, direction: ASC}) {
      pageInfo { hasNextPage endCursor }
      nodes { name nameWithOwner isArchived }
    }
  }
}`

/** Every repository of the organisation the token can see, by name; archived ones on request. */
export async function listOrgRepositories(
  octokit: Octokit,
  organization: string,
  includeArchived: boolean
): Promise<OrgRepository[]> {
  const out: OrgRepository[] = []
  let after: string | null = null
  for (;;) {
    const data: RepositoriesPage = await octokit.graphql<RepositoriesPage>(REPOSITORIES, {
      login: organization,
      first: PAGE,
      after,
      // Without the filter GitHub lists both; false leaves the archived ones out.
      archived: includeArchived ? null : false
    })
    const page = data.organization?.repositories
    if (!page)
      throw new Error(`organization ${organization}: not found or not visible to the token`)
    for (const n of page.nodes) {
      out.push({ name: n.name, fullName: n.nameWithOwner, archived: n.isArchived })
    }
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return out
    after = page.pageInfo.endCursor
  }
}

interface TreeData {
  readonly object: {
    readonly entries?: readonly {
      readonly name: string
      readonly type: string
      readonly object: { readonly text?: string | null; readonly isTruncated?: boolean } | null
    }[]
  } | null
}

/**
 * The workflow files (`.github/workflows/*.yml|yaml`) of each repository at its default branch
 * head, by full name; a repository without the folder has none. Truncated (very large) files are
 * left out and named in `skipped`.
 */
export async function readWorkflowFiles(
  octokit: Octokit,
  organization: string,
  repositories: readonly OrgRepository[],
  batch = DISCOVER_BATCH
): Promise<{ files: Map<string, WorkflowFile[]>; skipped: string[] }> {
  const files = new Map<string, WorkflowFile[]>()
  const skipped: string[] = []
  for (let i = 0; i < repositories.length; i += batch) {
    const group = repositories.slice(i, i + batch)
    const vars: Record<string, string> = { owner: organization }
    const parts = group.map((r, k) => {
      vars[`n${k}`] = r.name
      return `r${k}: repository(owner: $owner, name: $n${k}) {
    object(expression: "HEAD:.github/workflows") {
      ... on Tree { entries { name type object { ... on Blob { text isTruncated } } } }
    }
  }`
    })
    const declared = group.map((_, k) => `$n${k}: String!`).join(', ')
    const query = `query($owner: String!, ${declared}) {\n  ${parts.join('\n  ')}\n}`
    const data = await octokit.graphql<Record<string, TreeData | null>>(query, vars)
    group.forEach((r, k) => {
      const own: WorkflowFile[] = []
      for (const e of data[`r${k}`]?.object?.entries ?? []) {
        if (e.type !== 'blob' || !/\.ya?ml$/i.test(e.name)) continue
        const path = `.github/workflows/${e.name}`
        if (e.object?.isTruncated || typeof e.object?.text !== 'string') {
          skipped.push(`${r.fullName}: ${path}`)
          continue
        }
        own.push({ path, text: e.object.text })
      }
      files.set(r.fullName, own)
    })
  }
  return { files, skipped }
}
