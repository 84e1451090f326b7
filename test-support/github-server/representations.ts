/**
 * JSON bodies in the shapes GitHub's REST API returns them (every required property of the
 * OpenAPI schema is present; the server validates each response before it is sent): the users,
 * the repository and what it holds (pull requests, labels, environments, secrets, variables).
 * Commits, refs, tags and diff entries are in `git-representations.ts`.
 */
import type {
  EnvironmentState,
  LabelState,
  PullRequestState,
  RepositoryState,
  SecretState,
  VariableState
} from './model.js'

/** A JSON body as sent. */
export type Body = Record<string, unknown>

/** Where the server is reachable: `api` for API URLs, `html` for web URLs (same server). */
export interface Urls {
  readonly api: string
  readonly html: string
}

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '')
}

export function simpleUser(urls: Urls, login: string, id: number, type: string): Body {
  const escaped = encodeURIComponent(login)
  const u = `${urls.api}/users/${escaped}`
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: `${urls.html}/avatars/${escaped}`,
    gravatar_id: '',
    url: u,
    html_url: `${urls.html}/${escaped}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    site_admin: false,
    user_view_type: 'public'
  }
}

/** A login that acts (a bot for App tokens, a user for PATs), with a stable id. */
export function actor(urls: Urls, login: string): Body {
  const bot = login.endsWith('[bot]')
  const id = [...login].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 100_000_000, 7)
  return simpleUser(urls, login, id, bot ? 'Bot' : 'User')
}

const REPO_URL_SUFFIXES: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}'
}

/** `repository` / `full-repository`; `permissions` is what the caller may do (user tokens). */
export function repository(
  urls: Urls,
  repo: RepositoryState,
  permissions: Body | null,
  full: boolean
): Body {
  const api = `${urls.api}/repos/${repo.fullName}`
  const html = `${urls.html}/${repo.fullName}`
  const body: Body = {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(urls, repo.owner.login, repo.owner.id, repo.owner.type),
    private: repo.visibility !== 'public',
    html_url: html,
    description: null,
    fork: false,
    url: api,
    clone_url: `${html}.git`,
    git_url: `${html.replace(/^https?:/, 'git:')}.git`,
    ssh_url: `git@localhost:${repo.fullName}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues: repo.pulls.filter((p) => p.state === 'open').length,
    open_issues_count: repo.pulls.filter((p) => p.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.visibility,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null
  }
  for (const [key, suffix] of Object.entries(REPO_URL_SUFFIXES)) body[key] = `${api}${suffix}`
  if (permissions) body.permissions = permissions
  if (full) {
    body.network_count = 0
    body.subscribers_count = 0
    body.allow_merge_commit = true
    body.allow_squash_merge = true
    body.allow_rebase_merge = true
    body.delete_branch_on_merge = false
  }
  return body
}

export function label(urls: Urls, repo: RepositoryState, l: LabelState): Body {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false
  }
}

/** `pull-request` (full: also counts and mergeability) or `pull-request-simple`. */
export function pullRequest(
  urls: Urls,
  repo: RepositoryState,
  pr: PullRequestState,
  labelsOf: (name: string) => LabelState,
  full: boolean
): Body {
  const api = `${urls.api}/repos/${repo.fullName}`
  const html = `${urls.html}/${repo.fullName}/pull/${pr.number}`
  const headSha = repo.git.readRef(`refs/heads/${pr.head}`) ?? '0'.repeat(40)
  const baseSha = repo.git.readRef(`refs/heads/${pr.base}`) ?? '0'.repeat(40)
  const owner = simpleUser(urls, repo.owner.login, repo.owner.id, repo.owner.type)
  const repoBody = repository(urls, repo, null, false)
  const link = (href: string): Body => ({ href })
  const body: Body = {
    url: `${api}/pulls/${pr.number}`,
    id: pr.id,
    node_id: nodeId('PullRequest', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: actor(urls, pr.user),
    body: pr.body,
    labels: pr.labels.map((n) => label(urls, repo, labelsOf(n))),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.state === 'closed' ? pr.updatedAt : null,
    merged_at: pr.mergedAt ?? null,
    merge_commit_sha: pr.mergeCommitSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${repo.owner.login}:${pr.head}`,
      ref: pr.head,
      sha: headSha,
      user: owner,
      repo: repoBody
    },
    base: {
      label: `${repo.owner.login}:${pr.base}`,
      ref: pr.base,
      sha: baseSha,
      user: owner,
      repo: repoBody
    },
    _links: {
      self: link(`${api}/pulls/${pr.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pr.number}`),
      comments: link(`${api}/issues/${pr.number}/comments`),
      review_comments: link(`${api}/pulls/${pr.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pr.number}/commits`),
      statuses: link(`${api}/statuses/${headSha}`)
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: pr.draft
  }
  if (full) {
    const base = repo.git.mergeBase(baseSha, headSha) ?? baseSha
    const files = headSha === '0'.repeat(40) ? [] : repo.git.changedFiles(base, headSha)
    Object.assign(body, {
      merged: pr.mergedAt !== undefined,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: headSha === '0'.repeat(40) ? 0 : repo.git.commitsBetween(baseSha, headSha).length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      changed_files: files.length
    })
  }
  return body
}

export function environment(urls: Urls, repo: RepositoryState, e: EnvironmentState): Body {
  return {
    id: e.id,
    node_id: nodeId('Environment', e.id),
    name: e.name,
    url: `${urls.api}/repos/${repo.fullName}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${urls.html}/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: [],
    deployment_branch_policy: null
  }
}

export function secret(s: SecretState): Body {
  return { name: s.name, created_at: s.createdAt, updated_at: s.updatedAt }
}

export function variable(v: VariableState): Body {
  return { name: v.name, value: v.value, created_at: v.createdAt, updated_at: v.updatedAt }
}
