/**
 * A real bare git repository driven through the git CLI: blobs, trees, commits and refs made by
 * the test server are git objects that `git` itself can read back. The objects' shapes and the
 * readers of git's output are in `git-objects.ts`.
 *
 * Objects are named by their content, so a read of an object by its sha (a blob, a tree, a
 * commit, a tag) gives the same answer for ever: it is kept, and asked of git once. Reads
 * through a ref (`main`, `refs/heads/x`) always ask git: refs move.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  mktreeInput,
  parseChangedFiles,
  parseCommit,
  parseRefLine,
  parseTag,
  parseTreeEntry,
  type ChangedFile,
  type CommitObject,
  type GitIdentity,
  type RefEntry,
  type TagObject,
  type TreeEntry,
  type TreeWrite
} from './git-objects.js'

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string
  ) {
    super(message)
    this.name = 'GitError'
  }
}

const SHA = /^[0-9a-f]{40}$/

export class BareRepository {
  /** Answers about objects named by their sha (immutable), by question and sha. */
  private readonly known = new Map<string, unknown>()

  private constructor(readonly gitDir: string) {}

  /** `read()` once per object and question when `treeish` is a sha; always when it is a ref. */
  private once<T>(question: string, treeish: string, read: () => T): T {
    if (!SHA.test(treeish)) return read()
    const key = `${question}\u0000${treeish}`
    if (this.known.has(key)) return this.known.get(key) as T
    const value = read()
    this.known.set(key, value)
    return value
  }

  /** `git init --bare` in a fresh temporary folder. */
  static create(defaultBranch: string): BareRepository {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gh-server-repo-'))
    execFileSync('git', ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, dir])
    return new BareRepository(dir)
  }

  /** Runs git in this repository; returns stdout. */
  git(args: readonly string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    try {
      return execFileSync('git', [...args], {
        env: { ...process.env, ...env, GIT_DIR: this.gitDir },
        input,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe']
      })
    } catch (error) {
      const e = error as { stderr?: string; message: string }
      throw new GitError(`git ${args.join(' ')}: ${e.stderr?.trim() || e.message}`, e.stderr ?? '')
    }
  }

  hashBlob(content: string | Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], content).trim()
  }

  /** The object's type, or null when it does not exist. */
  objectType(sha: string): 'blob' | 'tree' | 'commit' | 'tag' | null {
    if (!SHA.test(sha)) return null
    const key = `type\u0000${sha}`
    const known = this.known.get(key) as 'blob' | 'tree' | 'commit' | 'tag' | undefined
    if (known) return known
    try {
      const type = this.git(['cat-file', '-t', sha]).trim() as 'blob' | 'tree' | 'commit' | 'tag'
      this.known.set(key, type)
      return type
    } catch {
      // Not kept: the object may be written later.
      return null
    }
  }

  readBlob(sha: string): Buffer {
    const blob = this.once('blob', sha, () =>
      execFileSync('git', ['cat-file', 'blob', sha], {
        env: { ...process.env, GIT_DIR: this.gitDir },
        maxBuffer: 256 * 1024 * 1024
      })
    )
    // A copy: the caller may change its buffer, the kept one stays as git gave it.
    return Buffer.from(blob)
  }

  /** Entries of a tree (`git ls-tree -l`), recursively when asked (trees listed too). */
  listTree(treeish: string, recursive = false): TreeEntry[] {
    const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), treeish]
    const entries = this.once(recursive ? 'ls-tree -r' : 'ls-tree', treeish, () =>
      this.git(args)
        .split('\0')
        .filter((line) => line.length > 0)
        .map(parseTreeEntry)
    )
    return entries.map((e) => ({ ...e }))
  }

  /** The entry at `path` inside a commit or tree, or null. */
  entryAt(treeish: string, filePath: string): TreeEntry | null {
    if (filePath === '' || filePath === '.') {
      const sha = this.git(['rev-parse', `${treeish}^{tree}`]).trim()
      return { mode: '040000', type: 'tree', sha, path: '' }
    }
    const entry = this.once(`ls-tree ${filePath}`, treeish, () => {
      const found = this.git(['ls-tree', '-l', '-z', treeish, '--', filePath])
      const line = found.split('\0').find((l) => l.length > 0)
      return line ? parseTreeEntry(line) : null
    })
    return entry ? { ...entry } : null
  }

  /**
   * Writes a tree the way `POST /git/trees` does: the entries are applied on top of `baseTree`
   * (or on an empty tree); nested paths create or update subtrees; `sha: null` deletes.
   */
  writeTree(baseTree: string | null, writes: readonly TreeWrite[]): string {
    const base = new Map<string, TreeEntry>()
    if (baseTree) for (const e of this.listTree(baseTree)) base.set(e.path, e)
    const direct = new Map<string, TreeWrite>()
    const nested = new Map<string, TreeWrite[]>()
    for (const w of writes) {
      const slash = w.path.indexOf('/')
      if (slash < 0) direct.set(w.path, w)
      else {
        const head = w.path.slice(0, slash)
        const list = nested.get(head) ?? []
        list.push({ ...w, path: w.path.slice(slash + 1) })
        nested.set(head, list)
      }
    }
    for (const [name, w] of direct) {
      if (w.content !== undefined) {
        base.set(name, { mode: w.mode, type: 'blob', sha: this.hashBlob(w.content), path: name })
      } else if (w.sha === null || w.sha === undefined) {
        base.delete(name)
      } else {
        base.set(name, { mode: w.mode, type: w.type, sha: w.sha, path: name })
      }
    }
    for (const [name, subWrites] of nested) {
      const current = base.get(name)
      const sub = this.writeTree(current?.type === 'tree' ? current.sha : null, subWrites)
      if (this.listTree(sub).length === 0) base.delete(name)
      else base.set(name, { mode: '040000', type: 'tree', sha: sub, path: name })
    }
    return this.git(['mktree', '-z'], mktreeInput(base.values())).trim()
  }

  /** `git commit-tree` with explicit identities; returns the new commit's sha. */
  writeCommit(
    tree: string,
    parents: readonly string[],
    message: string,
    author: GitIdentity,
    committer: GitIdentity
  ): string {
    const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-']
    return this.git(args, message, {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: committer.date
    }).trim()
  }

  /** A commit object (`git cat-file commit`). */
  readCommit(sha: string): CommitObject {
    const text = this.once('commit', sha, () => this.git(['cat-file', 'commit', sha]))
    return parseCommit(sha, text)
  }

  /** The sha a ref points at, or null (`refs/heads/main`). */
  readRef(ref: string): string | null {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${ref}^{}`]).trim() || null
    } catch {
      return null
    }
  }

  /**
   * Refs under `prefix` (whole path components, as `git for-each-ref` matches), sorted by name,
   * with the object each points at: an annotated tag points at its tag object, not peeled.
   */
  listRefs(prefix = 'refs/'): RefEntry[] {
    return this.git(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix])
      .split('\n')
      .filter((l) => l.length > 0)
      .map(parseRefLine)
  }

  /**
   * `git tag NAME TARGET`: a lightweight tag, or, with `annotation`, an annotated tag (a tag
   * object with its message and tagger). Returns the sha `refs/tags/NAME` points at.
   */
  createTag(
    name: string,
    target: string,
    annotation?: { readonly message: string; readonly tagger: GitIdentity }
  ): string {
    if (!annotation) {
      this.git(['tag', name, target])
    } else {
      const { message, tagger } = annotation
      this.git(['tag', '--annotate', '--cleanup=verbatim', '--file=-', name, target], message, {
        GIT_COMMITTER_NAME: tagger.name,
        GIT_COMMITTER_EMAIL: tagger.email,
        GIT_COMMITTER_DATE: tagger.date
      })
    }
    return this.git(['rev-parse', '--verify', `refs/tags/${name}`]).trim()
  }

  /** A tag object (`git cat-file tag`). */
  readTag(sha: string): TagObject {
    const text = this.once('tag', sha, () => this.git(['cat-file', 'tag', sha]))
    return parseTag(sha, text)
  }

  /**
   * Points `ref` at `sha`. With `expected` the update is atomic: it fails when the ref no longer
   * holds that value (`null` expects the ref to be absent).
   */
  updateRef(ref: string, sha: string, expected?: string | null): void {
    const args = ['update-ref', ref, sha]
    if (expected !== undefined) args.push(expected ?? '0'.repeat(40))
    this.git(args)
  }

  deleteRef(ref: string): void {
    this.git(['update-ref', '-d', ref])
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant])
      return true
    } catch {
      return false
    }
  }

  mergeBase(a: string, b: string): string | null {
    try {
      return this.git(['merge-base', a, b]).trim() || null
    } catch {
      return null
    }
  }

  /** Commits reachable from `head` and not from `base`, oldest first. */
  commitsBetween(base: string, head: string): string[] {
    return this.git(['rev-list', '--reverse', head, `^${base}`])
      .split('\n')
      .filter((l) => l.length > 0)
  }

  /** Files that differ between two commits, with blob shas and line counts. */
  changedFiles(from: string, to: string): ChangedFile[] {
    const args = ['diff-tree', '-r', '-z', '--no-renames']
    return parseChangedFiles(
      this.git([...args, from, to]),
      this.git([...args, '--numstat', from, to])
    )
  }

  /** The unified diff between two commits (for people reading a pull request). */
  diff(from: string, to: string): string {
    return this.git(['diff', '--no-color', from, to])
  }

  /**
   * Commits the files of a folder on disk as the only commit of `branch` (or on top of it).
   * Uses a temporary index, so the folder is read as-is (including dot-folders like `.github`).
   */
  commitDirectory(dir: string, branch: string, message: string, identity: GitIdentity): string {
    const index = path.join(mkdtempSync(path.join(os.tmpdir(), 'gh-server-index-')), 'index')
    const env = { GIT_INDEX_FILE: index, GIT_WORK_TREE: dir }
    const files = listFiles(dir)
    this.git(['update-index', '--add', '-z', '--stdin'], files.map((f) => `${f}\0`).join(''), env)
    const tree = this.git(['write-tree'], undefined, env).trim()
    const parent = this.readRef(`refs/heads/${branch}`)
    const sha = this.writeCommit(tree, parent ? [parent] : [], message, identity, identity)
    this.updateRef(`refs/heads/${branch}`, sha, parent)
    return sha
  }

  /** Writes files (null deletes) on top of `branch` as one commit, the way a push would. */
  commitFiles(
    branch: string,
    files: Readonly<Record<string, string | null>>,
    message: string,
    identity: GitIdentity
  ): string {
    const parent = this.readRef(`refs/heads/${branch}`)
    const baseTree = parent ? this.readCommit(parent).tree : null
    const writes: TreeWrite[] = Object.entries(files).map(([p, content]) =>
      content === null
        ? { path: p, mode: '100644', type: 'blob', sha: null }
        : { path: p, mode: '100644', type: 'blob', content }
    )
    const tree = this.writeTree(baseTree, writes)
    const sha = this.writeCommit(tree, parent ? [parent] : [], message, identity, identity)
    this.updateRef(`refs/heads/${branch}`, sha, parent)
    return sha
  }
}

/** Every file under `dir`, relative, with `/` separators, skipping `.git`. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    if (name === '.git') continue
    const rel = prefix ? `${prefix}/${name}` : name
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel))
    else out.push(rel)
  }
  return out
}
