/**
 * Git objects as the test server hands them around, and the readers of git's plumbing output
 * (`cat-file`, `ls-tree -z`, `for-each-ref`, `diff-tree -z`) that make them. No git is run here:
 * `git.ts` runs it and passes the text in.
 */

export interface GitIdentity {
  readonly name: string
  readonly email: string
  /** ISO 8601 date. */
  readonly date: string
}

export interface CommitObject {
  readonly sha: string
  readonly tree: string
  readonly parents: readonly string[]
  readonly author: GitIdentity
  readonly committer: GitIdentity
  readonly message: string
}

export interface TagObject {
  readonly sha: string
  /** The tagged object and its type (a commit, usually; a tag for a tag of a tag). */
  readonly object: string
  readonly type: 'commit' | 'tree' | 'blob' | 'tag'
  /** The tag's name as written in the object. */
  readonly tag: string
  readonly tagger: GitIdentity
  readonly message: string
}

export interface RefEntry {
  readonly ref: string
  readonly sha: string
  /** The type of the object the ref points at (`tag` for an annotated tag). */
  readonly type: 'commit' | 'tree' | 'blob' | 'tag'
}

export interface TreeEntry {
  readonly mode: string
  readonly type: 'blob' | 'tree' | 'commit'
  readonly sha: string
  /** Path relative to the tree listed (a name unless listed recursively). */
  readonly path: string
  /** Blob size in bytes; undefined for trees and submodules. */
  readonly size?: number
}

/** One entry of a tree write with GitHub's semantics (`POST /git/trees`). */
export interface TreeWrite {
  readonly path: string
  readonly mode: string
  readonly type: 'blob' | 'tree' | 'commit'
  /** The object to point at; null deletes the path. Ignored when `content` is set. */
  readonly sha?: string | null
  readonly content?: string
}

export interface ChangedFile {
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed'
  readonly path: string
  /** Blob in the newer commit (the older one for removed files). */
  readonly sha: string
  readonly additions: number
  readonly deletions: number
}

/** An empty identity, for an object that names none. */
const noIdentity = (): GitIdentity => ({ name: '', email: '', date: '' })

/** One record of `git ls-tree -l -z`: `MODE TYPE SHA SIZE\tPATH`. */
export function parseTreeEntry(line: string): TreeEntry {
  const tab = line.indexOf('\t')
  const [mode = '', type = '', sha = '', size = '-'] = line.slice(0, tab).split(/\s+/)
  const entry: TreeEntry = {
    mode,
    type: type as TreeEntry['type'],
    sha,
    path: line.slice(tab + 1)
  }
  return size === '-' ? entry : { ...entry, size: Number(size) }
}

/** The input of `git mktree -z` for these entries. */
export function mktreeInput(entries: Iterable<TreeEntry>): string {
  return [...entries].map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.path}\0`).join('')
}

/** A commit from `git cat-file commit SHA`. */
export function parseCommit(sha: string, raw: string): CommitObject {
  const { headers, message } = parseObject(raw)
  let tree = ''
  const parents: string[] = []
  let author = noIdentity()
  let committer = author
  for (const [key = '', value = ''] of headers) {
    if (key === 'tree') tree = value
    else if (key === 'parent') parents.push(value)
    else if (key === 'author') author = parseIdentity(value)
    else if (key === 'committer') committer = parseIdentity(value)
  }
  return { sha, tree, parents, author, committer, message }
}

/** A tag object from `git cat-file tag SHA`. */
export function parseTag(sha: string, raw: string): TagObject {
  const { headers, message } = parseObject(raw)
  let object = ''
  let type = ''
  let tag = ''
  let tagger = noIdentity()
  for (const [key = '', value = ''] of headers) {
    if (key === 'object') object = value
    else if (key === 'type') type = value
    else if (key === 'tag') tag = value
    else if (key === 'tagger') tagger = parseIdentity(value)
  }
  return { sha, object, type: type as TagObject['type'], tag, tagger, message }
}

/** One line of `git for-each-ref --format='%(refname) %(objectname) %(objecttype)'`. */
export function parseRefLine(line: string): RefEntry {
  const [ref = '', sha = '', type = ''] = line.split(' ')
  return { ref, sha, type: type as RefEntry['type'] }
}

/**
 * The files of `git diff-tree -r -z --no-renames` (`raw`) with the line counts of the same
 * command with `--numstat` (`numstat`).
 */
export function parseChangedFiles(raw: string, numstat: string): ChangedFile[] {
  const records = raw.split('\0').filter((l) => l.length > 0)
  const counts = lineCounts(numstat)
  const out: ChangedFile[] = []
  for (let i = 0; i + 1 < records.length; i += 2) {
    const meta = records[i] ?? ''
    const file = records[i + 1] ?? ''
    const [, , oldSha = '', newSha = '', letter = ''] = meta.replace(/^:/, '').split(' ')
    const status = letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'modified'
    const [additions, deletions] = counts.get(file) ?? [0, 0]
    out.push({
      status,
      path: file,
      sha: status === 'removed' ? oldSha : newSha,
      additions,
      deletions
    })
  }
  return out
}

/** Path -> [added, deleted] lines from `--numstat -z` (binary files count 0). */
function lineCounts(numstat: string): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>()
  for (const line of numstat.split('\0')) {
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/.exec(line)
    if (m && m[3]) counts.set(m[3], [Number(m[1]) || 0, Number(m[2]) || 0])
  }
  return counts
}

/** The header lines (key, value) and the message of a commit or tag object. */
function parseObject(raw: string): { headers: string[][]; message: string } {
  const split = raw.indexOf('\n\n')
  const headers = raw
    .slice(0, split < 0 ? raw.length : split)
    .split('\n')
    .map((h) => [h.slice(0, h.indexOf(' ')), h.slice(h.indexOf(' ') + 1)])
  return { headers, message: split < 0 ? '' : raw.slice(split + 2) }
}

/** `NAME <EMAIL> SECONDS ZONE` as written in commit and tag objects. */
function parseIdentity(value: string): GitIdentity {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value)
  if (!m) return { name: value, email: '', date: '' }
  return {
    name: m[1] ?? '',
    email: m[2] ?? '',
    date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}
