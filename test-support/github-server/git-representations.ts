/**
 * JSON bodies of the Git Data and commit APIs in GitHub's shapes: git commits, commits as
 * compare lists them, refs, annotated tags and the files of a diff (the server validates each
 * response against the OpenAPI description before it is sent).
 */
import type { ChangedFile, CommitObject, TagObject } from './git-objects.js'
import type { RepositoryState } from './model.js'
import { nodeId, type Body, type Urls } from './representations.js'

export function gitCommit(urls: Urls, repo: RepositoryState, c: CommitObject): Body {
  const api = `${urls.api}/repos/${repo.fullName}`
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${urls.html}/${repo.fullName}/commit/${c.sha}`,
    author: { name: c.author.name, email: c.author.email, date: c.author.date },
    committer: { name: c.committer.name, email: c.committer.email, date: c.committer.date },
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    message: c.message.replace(/\n$/, ''),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${urls.html}/${repo.fullName}/commit/${p}`
    })),
    verification: verification(c)
  }
}

/**
 * Commits made through the API without a custom author are signed by GitHub; the server marks
 * them verified the way GitHub reports it (it holds no signing key, so `signature` is null).
 */
function verification(c: CommitObject): Body {
  const signed = c.committer.name === 'GitHub' && c.committer.email === 'noreply@github.com'
  return {
    verified: signed,
    reason: signed ? 'valid' : 'unsigned',
    signature: null,
    payload: null,
    verified_at: signed ? c.committer.date : null
  }
}

/** `commit` (as listed by compare). */
export function commit(urls: Urls, repo: RepositoryState, c: CommitObject): Body {
  const api = `${urls.api}/repos/${repo.fullName}`
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    html_url: `${urls.html}/${repo.fullName}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: { name: c.author.name, email: c.author.email, date: c.author.date },
      committer: { name: c.committer.name, email: c.committer.email, date: c.committer.date },
      message: c.message.replace(/\n$/, ''),
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      verification: verification(c)
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${urls.html}/${repo.fullName}/commit/${p}`
    }))
  }
}

export function diffEntry(urls: Urls, repo: RepositoryState, head: string, f: ChangedFile): Body {
  const api = `${urls.api}/repos/${repo.fullName}`
  return {
    sha: f.sha,
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${urls.html}/${repo.fullName}/blob/${head}/${f.path}`,
    raw_url: `${urls.html}/${repo.fullName}/raw/${head}/${f.path}`,
    contents_url: `${api}/contents/${f.path}?ref=${head}`
  }
}

/** The Git Data API URL of an object by its type (`.../git/commits/SHA`, `.../git/tags/SHA`). */
function gitObjectUrl(urls: Urls, repo: RepositoryState, type: string, sha: string): string {
  return `${urls.api}/repos/${repo.fullName}/git/${type}s/${sha}`
}

/** `git-ref`; `type` is what the ref points at (`tag` for an annotated tag's tag object). */
export function gitRef(
  urls: Urls,
  repo: RepositoryState,
  ref: string,
  sha: string,
  type: 'commit' | 'tree' | 'blob' | 'tag' = 'commit'
): Body {
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${urls.api}/repos/${repo.fullName}/git/${ref}`,
    object: { type, sha, url: gitObjectUrl(urls, repo, type, sha) }
  }
}

/** `git-tag`: an annotated tag object (the server holds no signing key: unsigned). */
export function gitTag(urls: Urls, repo: RepositoryState, t: TagObject): Body {
  return {
    node_id: nodeId('Tag', t.sha),
    tag: t.tag,
    sha: t.sha,
    url: gitObjectUrl(urls, repo, 'tag', t.sha),
    message: t.message.replace(/\n$/, ''),
    tagger: { date: t.tagger.date, email: t.tagger.email, name: t.tagger.name },
    object: { sha: t.object, type: t.type, url: gitObjectUrl(urls, repo, t.type, t.object) },
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null
    }
  }
}
