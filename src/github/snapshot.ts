/**
 * One GraphQL query reads the repository's identity, its default branch head and every workflow
 * file under `.github/workflows` with its text, plus the layout of `.github/actions` (four
 * levels deep). Composite-action files (`action.yml`) are then read in one more query by blob id,
 * however many there are (up to 100 per query). The number of requests therefore does not grow
 * with the number of workflow files; the REST alternative (git trees + one blob read per file)
 * would. Deeper action folders cost one recursive tree read; a blob GitHub truncates in GraphQL
 * is read over REST.
 */
import type { RepositoryFile } from '../workflows/repository.js'
import type { Octokit } from './octokit.js'

export interface RepositorySnapshot {
  readonly owner: string
  readonly repo: string
  readonly ownerType: 'User' | 'Organization'
  readonly ownerId: number
  readonly repoId: number
  readonly visibility: 'public' | 'private' | 'internal'
  readonly createdAt: string
  readonly defaultBranch: string
  readonly headSha: string
  readonly headTreeSha: string
  /** Workflow and composite-action files, sorted by path; null when not asked for. */
  readonly files: readonly RepositoryFile[] | null
  /** Files that could not be read as text (binary), with the reason. */
  readonly skipped: readonly string[]
}

interface Entry {
  name: string
  path: string | null
  type: string
  mode: number
  oid: string
  object?: {
    entries?: Entry[]
    text?: string | null
    isBinary?: boolean | null
    isTruncated?: boolean
  } | null
}

interface SnapshotData {
  repository: {
    databaseId: number
    name: string
    visibility: 'PUBLIC' | 'PRIVATE' | 'INTERNAL'
    createdAt: string
    owner: { __typename: 'User' | 'Organization'; login: string; databaseId?: number }
    defaultBranchRef: {
      name: string
      target: {
        oid: string
        tree: { oid: string }
        workflows?: { type: string; object: { entries?: Entry[] } | null } | null
        actions?: { type: string; oid: string; object: { entries?: Entry[] } | null } | null
      } | null
    } | null
  }
}

const ENTRY = 'name path type mode oid'
/** Nested selections of `.github/actions`: four levels of folders. */
const ACTIONS_TREE = [1, 2, 3, 4].reduce(
  (inner) => `entries { ${ENTRY} object { ... on Tree { ${inner} } } }`,
  `entries { ${ENTRY} }`
)

function snapshotQuery(withFiles: boolean): string {
  const files = withFiles
    ? `
          workflows: file(path: ".github/workflows") {
            type
            object { ... on Tree { entries { ${ENTRY} object { ... on Blob { text isBinary isTruncated } } } } }
          }
          actions: file(path: ".github/actions") {
            type
            oid
            object { ... on Tree { ${ACTIONS_TREE} } }
          }`
    : ''
  return `query RepositorySnapshot($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    databaseId
    name
    visibility
    createdAt
    owner { __typename login ... on User { databaseId } ... on Organization { databaseId } }
    defaultBranchRef {
      name
      target {
        ... on Commit {
          oid
          tree { oid }${files}
        }
      }
    }
  }
}`
}

const WORKFLOW = /\.ya?ml$/i
const ACTION = /(^|\/)action\.ya?ml$/i

export async function readSnapshot(
  octokit: Octokit,
  owner: string,
  repo: string,
  withFiles: boolean
): Promise<RepositorySnapshot> {
  const data = await octokit.graphql<SnapshotData>(snapshotQuery(withFiles), { owner, name: repo })
  const r = data.repository
  const head = r.defaultBranchRef?.target
  if (!r.defaultBranchRef || !head) {
    throw new Error(
      `${owner}/${repo} has no default branch with a commit (is the repository empty?)`
    )
  }
  const base = {
    owner: r.owner.login,
    repo: r.name,
    ownerType: r.owner.__typename,
    ownerId: r.owner.databaseId ?? 0,
    repoId: r.databaseId,
    visibility: r.visibility.toLowerCase() as RepositorySnapshot['visibility'],
    createdAt: r.createdAt,
    defaultBranch: r.defaultBranchRef.name,
    headSha: head.oid,
    headTreeSha: head.tree.oid
  }
  if (!withFiles) return { ...base, files: null, skipped: [] }

  const files: RepositoryFile[] = []
  const skipped: string[] = []
  const pending: { path: string; sha: string; mode: string }[] = []
  for (const e of head.workflows?.type === 'tree' ? (head.workflows.object?.entries ?? []) : []) {
    if (e.type !== 'blob' || !WORKFLOW.test(e.name)) continue
    const path = `.github/workflows/${e.name}`
    const mode = e.mode.toString(8)
    const blob = e.object
    if (blob?.isBinary) skipped.push(`${path}: binary file`)
    else if (blob && typeof blob.text === 'string' && !blob.isTruncated)
      files.push({ path, text: blob.text, sha: e.oid, mode })
    else pending.push({ path, sha: e.oid, mode })
  }
  if (head.actions?.type === 'tree') {
    const { found, deeper } = walkActions(head.actions.object?.entries ?? [], '.github/actions', 1)
    const actionFiles = deeper
      ? await actionFilesFromRestTree(octokit, owner, repo, head.actions.oid)
      : found
    pending.push(...actionFiles)
  }
  const read = await readBlobs(octokit, owner, repo, pending)
  for (const f of read) {
    if (f.text === null) skipped.push(`${f.path}: binary file`)
    else files.push({ path: f.path, text: f.text, sha: f.sha, mode: f.mode })
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { ...base, files, skipped }
}

/** `action.yml` files in the nested listing; `deeper` when folders go past what was listed. */
function walkActions(
  entries: readonly Entry[],
  dir: string,
  depth: number
): { found: { path: string; sha: string; mode: string }[]; deeper: boolean } {
  const found: { path: string; sha: string; mode: string }[] = []
  let deeper = false
  for (const e of entries) {
    const path = `${dir}/${e.name}`
    if (e.type === 'blob' && ACTION.test(path))
      found.push({ path, sha: e.oid, mode: e.mode.toString(8) })
    else if (e.type === 'tree') {
      if (!e.object || e.object.entries === undefined) {
        deeper = true
        continue
      }
      const sub = walkActions(e.object.entries, path, depth + 1)
      found.push(...sub.found)
      deeper ||= sub.deeper
    }
  }
  return { found, deeper }
}

async function actionFilesFromRestTree(
  octokit: Octokit,
  owner: string,
  repo: string,
  treeSha: string
): Promise<{ path: string; sha: string; mode: string }[]> {
  const { data } = await octokit.rest.git.getTree({
    owner,
    repo,
    tree_sha: treeSha,
    recursive: 'true'
  })
  if (data.truncated) {
    throw new Error(`${owner}/${repo}: .github/actions holds too many files to list in one request`)
  }
  return data.tree
    .filter((e) => e.type === 'blob' && e.path !== undefined && ACTION.test(e.path) && e.sha)
    .map((e) => ({
      path: `.github/actions/${e.path ?? ''}`,
      sha: e.sha ?? '',
      mode: e.mode ?? '100644'
    }))
}

interface BlobData {
  text: string | null
  isBinary: boolean | null
  isTruncated: boolean
}

/** Reads blob texts by id: one GraphQL query per 100 blobs; truncated ones over REST. */
export async function readBlobs(
  octokit: Octokit,
  owner: string,
  repo: string,
  blobs: readonly { path: string; sha: string; mode: string }[]
): Promise<{ path: string; sha: string; mode: string; text: string | null }[]> {
  const out: { path: string; sha: string; mode: string; text: string | null }[] = []
  for (let start = 0; start < blobs.length; start += 100) {
    const chunk = blobs.slice(start, start + 100)
    const vars = chunk.map((_, i) => `$b${i}: GitObjectID!`).join(', ')
    const fields = chunk
      .map((_, i) => `b${i}: object(oid: $b${i}) { ... on Blob { text isBinary isTruncated } }`)
      .join('\n    ')
    const query = `query RepositoryBlobs($owner: String!, $name: String!, ${vars}) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`
    const variables: Record<string, string> = { owner, name: repo }
    chunk.forEach((b, i) => (variables[`b${i}`] = b.sha))
    const data = await octokit.graphql<{ repository: Record<string, BlobData | null> }>(
      query,
      variables
    )
    for (const [i, b] of chunk.entries()) {
      const blob = data.repository[`b${i}`]
      if (!blob) throw new Error(`${owner}/${repo}: blob ${b.sha} of ${b.path} could not be read`)
      if (blob.isBinary) out.push({ ...b, text: null })
      else if (blob.isTruncated || blob.text === null)
        out.push({ ...b, text: await restBlob(octokit, owner, repo, b.sha) })
      else out.push({ ...b, text: blob.text })
    }
  }
  return out
}

async function restBlob(
  octokit: Octokit,
  owner: string,
  repo: string,
  sha: string
): Promise<string> {
  const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha })
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8')
}
