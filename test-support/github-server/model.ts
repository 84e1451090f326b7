/**
 * The in-memory side of the test server: repositories (each backed by a bare git repository),
 * pull requests, labels, Actions secrets and variables, environments, OIDC subject
 * customization, default workflow token permissions, and tokens with what they may do.
 */
import { BareRepository } from './git.js'
import type { GitIdentity } from './git-objects.js'
import type { WorkflowRunState } from './actions/retire.js'
import type { OrgSecretState } from './actions/org-secrets.js'

/** Repository permissions of a GitHub App installation token or a fine-grained PAT. */
export type RepositoryPermission =
  | 'metadata'
  | 'contents'
  | 'pull_requests'
  | 'issues'
  | 'workflows'
  | 'secrets'
  | 'variables'
  | 'actions'
  | 'administration'
  | 'environments'
  /** An organisation permission: the organisation's Actions secrets (`actions/org-secrets.ts`). */
  | 'organization_secrets'
export type Access = 'read' | 'write'

export type TokenSpec =
  /** A GitHub App installation token (`ghs_...`): permissions, no scopes header. */
  | {
      readonly kind: 'installation'
      readonly permissions: Readonly<Partial<Record<RepositoryPermission, Access>>>
      /** The workflow's GITHUB_TOKEN: never `workflows`; PR creation follows the repository setting. */
      readonly githubActions?: boolean
      readonly login?: string
    }
  /** A fine-grained personal access token (`github_pat_...`). */
  | {
      readonly kind: 'fine-grained'
      readonly permissions: Readonly<Partial<Record<RepositoryPermission, Access>>>
      readonly login?: string
    }
  /** A classic personal access token or OAuth token (`ghp_...`, `gho_...`): `X-OAuth-Scopes`. */
  | { readonly kind: 'classic'; readonly scopes: readonly string[]; readonly login?: string }

/** Every permission the action's migrate mode uses, for the default test token. */
export const FULL_APP_PERMISSIONS: Readonly<Record<RepositoryPermission, Access>> = {
  metadata: 'read',
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  workflows: 'write',
  secrets: 'write',
  variables: 'write',
  actions: 'read',
  administration: 'read',
  environments: 'write',
  organization_secrets: 'read'
}

export interface OidcSubjectCustomization {
  readonly useDefault: boolean
  readonly includeClaimKeys: readonly string[]
  /** Whether the repository emits the immutable `repo:O@OWNER_ID/R@REPO_ID` subject format. */
  readonly useImmutableSubject?: boolean
}

export interface WorkflowPermissions {
  readonly defaultWorkflowPermissions: 'read' | 'write'
  readonly canApprovePullRequestReviews: boolean
}

/** How a test describes a repository to create. */
export interface RepositorySeed {
  /** `OWNER/NAME`. */
  readonly fullName: string
  readonly ownerType?: 'User' | 'Organization'
  readonly id?: number
  readonly ownerId?: number
  readonly defaultBranch?: string
  readonly visibility?: 'public' | 'private' | 'internal'
  /** A folder whose files become the first commit, or the files themselves by path. */
  readonly files?: string | Readonly<Record<string, string>>
  readonly environments?: readonly string[]
  readonly oidcSubject?: OidcSubjectCustomization
  readonly workflowPermissions?: WorkflowPermissions
  /** Repository Actions secret names (values are never needed). */
  readonly secrets?: readonly string[]
  /** Environment secrets by environment name. */
  readonly environmentSecrets?: Readonly<Record<string, readonly string[]>>
  readonly variables?: Readonly<Record<string, string>>
  readonly labels?: readonly string[]
  /** An archived repository (read-only; listed by `organization.repositories`). */
  readonly archived?: boolean
  readonly createdAt?: string
  /** Tags made with `git tag` after the first commit, in the order given. */
  readonly tags?: readonly TagSeed[]
}

/**
 * A tag to seed. Without `at`, a new commit on the default branch changes `files` (default:
 * `VERSION` holds the tag name) and the tag points at it, so every release has its own commit.
 */
export interface TagSeed {
  readonly name: string
  /** An annotated tag: a tag object with this message, tagged by the seed identity. */
  readonly message?: string
  /** Tag this earlier tag or branch (a moving `v6` tag) instead of a new commit. */
  readonly at?: string
  readonly files?: Readonly<Record<string, string>>
}

export interface PullRequestState {
  readonly number: number
  readonly id: number
  title: string
  body: string
  state: 'open' | 'closed'
  draft: boolean
  /** Branch names in this repository. */
  readonly head: string
  base: string
  /** Label names, in the order they were added. */
  labels: string[]
  readonly user: string
  readonly createdAt: string
  updatedAt: string
  /** Set when merged (`actions/retire.ts`); a merged pull request is `closed`. */
  mergedAt?: string
  mergeCommitSha?: string
}

export interface LabelState {
  readonly id: number
  readonly name: string
  readonly color: string
  readonly description: string | null
}

export interface SecretState {
  readonly name: string
  readonly createdAt: string
  updatedAt: string
  encryptedValue: string
  keyId: string
}

export interface VariableState {
  readonly name: string
  value: string
  readonly createdAt: string
  updatedAt: string
}

export interface EnvironmentState {
  readonly id: number
  readonly name: string
  readonly createdAt: string
  updatedAt: string
  readonly secrets: Map<string, SecretState>
}

/** The identity the server commits seeded content with (fixed date: stable shas). */
export const SEED_IDENTITY: GitIdentity = {
  name: 'Seed',
  email: 'seed@example.com',
  date: '2025-01-01T00:00:00Z'
}

export class RepositoryState {
  readonly pulls: PullRequestState[] = []
  readonly labels = new Map<string, LabelState>()
  readonly secrets = new Map<string, SecretState>()
  readonly variables = new Map<string, VariableState>()
  readonly environments = new Map<string, EnvironmentState>()
  /** Workflow runs recorded by tests and the demo (`actions/retire.ts`). */
  readonly runs: WorkflowRunState[] = []
  oidcSubject: OidcSubjectCustomization
  workflowPermissions: WorkflowPermissions
  readonly archived: boolean
  /** The key secrets are sealed with (`GET .../actions/secrets/public-key`). */
  readonly publicKey = { keyId: '3380204578043523366', key: Buffer.alloc(32, 7).toString('base64') }

  constructor(
    readonly id: number,
    readonly owner: {
      readonly login: string
      readonly id: number
      readonly type: 'User' | 'Organization'
    },
    readonly name: string,
    readonly defaultBranch: string,
    readonly visibility: 'public' | 'private' | 'internal',
    readonly createdAt: string,
    readonly git: BareRepository,
    options: RepositorySeed
  ) {
    this.archived = options.archived ?? false
    this.oidcSubject = options.oidcSubject ?? { useDefault: true, includeClaimKeys: [] }
    this.workflowPermissions = options.workflowPermissions ?? {
      defaultWorkflowPermissions: 'read',
      canApprovePullRequestReviews: false
    }
  }

  get fullName(): string {
    return `${this.owner.login}/${this.name}`
  }

  /** The commit the default branch points at. */
  get head(): string {
    const sha = this.git.readRef(`refs/heads/${this.defaultBranch}`)
    if (!sha) throw new Error(`${this.fullName} has no commit on ${this.defaultBranch}`)
    return sha
  }

  /**
   * The unified diff of a pull request as GitHub shows it (merge base of base and head → head),
   * for people reading what the action proposes.
   */
  pullRequestDiff(number: number): string {
    const pull = this.pulls.find((p) => p.number === number)
    if (!pull) throw new Error(`${this.fullName} has no pull request #${number}`)
    const head = this.git.readRef(`refs/heads/${pull.head}`)
    const base = this.git.readRef(`refs/heads/${pull.base}`)
    if (!head || !base) return ''
    return this.git.diff(this.git.mergeBase(base, head) ?? base, head)
  }

  /** The file at `path` on `ref` (a branch name or a sha), or null. */
  readFile(filePath: string, ref = this.defaultBranch): string | null {
    const sha = /^[0-9a-f]{40}$/.test(ref) ? ref : this.git.readRef(`refs/heads/${ref}`)
    if (!sha) return null
    const entry = this.git.entryAt(sha, filePath)
    return entry?.type === 'blob' ? this.git.readBlob(entry.sha).toString('utf8') : null
  }
}

/** Every repository and token the server knows, and the id counters. */
export class ServerModel {
  readonly repositories = new Map<string, RepositoryState>()
  readonly tokens = new Map<string, TokenSpec>()
  /** Organisation secrets by organisation login (lower case), then name (`actions/org-secrets.ts`). */
  readonly organizationSecrets = new Map<string, Map<string, OrgSecretState>>()
  private nextId = 1000

  newId(): number {
    return this.nextId++
  }

  repository(owner: string, name: string): RepositoryState | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase())
  }

  addRepository(seed: RepositorySeed): RepositoryState {
    const [owner, name, extra] = seed.fullName.split('/')
    if (!owner || !name || extra !== undefined) {
      throw new Error(`repository '${seed.fullName}' is not OWNER/NAME`)
    }
    if (this.repository(owner, name)) throw new Error(`repository ${seed.fullName} exists`)
    const defaultBranch = seed.defaultBranch ?? 'main'
    const git = BareRepository.create(defaultBranch)
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    const repo = new RepositoryState(
      seed.id ?? this.newId(),
      { login: owner, id: seed.ownerId ?? this.newId(), type: seed.ownerType ?? 'Organization' },
      name,
      defaultBranch,
      seed.visibility ?? 'private',
      seed.createdAt ?? now,
      git,
      seed
    )
    if (typeof seed.files === 'string') {
      git.commitDirectory(seed.files, defaultBranch, 'Initial commit', SEED_IDENTITY)
    } else {
      git.commitFiles(
        defaultBranch,
        seed.files ?? { 'README.md': `# ${name}\n` },
        'Initial commit',
        SEED_IDENTITY
      )
    }
    for (const tag of seed.tags ?? []) seedTag(repo, tag)
    for (const env of seed.environments ?? []) this.addEnvironment(repo, env, now)
    for (const [env, names] of Object.entries(seed.environmentSecrets ?? {})) {
      const e = repo.environments.get(env) ?? this.addEnvironment(repo, env, now)
      for (const n of names) e.secrets.set(n, secret(n, now, repo.publicKey.keyId))
    }
    for (const n of seed.secrets ?? []) repo.secrets.set(n, secret(n, now, repo.publicKey.keyId))
    for (const [n, value] of Object.entries(seed.variables ?? {})) {
      repo.variables.set(n, { name: n, value, createdAt: now, updatedAt: now })
    }
    for (const l of seed.labels ?? []) this.label(repo, l)
    this.repositories.set(seed.fullName.toLowerCase(), repo)
    return repo
  }

  addEnvironment(repo: RepositoryState, name: string, now: string): EnvironmentState {
    const env: EnvironmentState = {
      id: this.newId(),
      name,
      createdAt: now,
      updatedAt: now,
      secrets: new Map()
    }
    repo.environments.set(name, env)
    return env
  }

  /** The label with this name (case-insensitive), created when missing, as GitHub does. */
  label(repo: RepositoryState, name: string): LabelState {
    const existing = [...repo.labels.values()].find(
      (l) => l.name.toLowerCase() === name.toLowerCase()
    )
    if (existing) return existing
    const label: LabelState = { id: this.newId(), name, color: 'ededed', description: '' }
    repo.labels.set(name, label)
    return label
  }
}

function seedTag(repo: RepositoryState, tag: TagSeed): void {
  const git = repo.git
  let target: string
  if (tag.at === undefined) {
    const files = tag.files ?? { VERSION: `${tag.name}\n` }
    target = git.commitFiles(repo.defaultBranch, files, `Release ${tag.name}`, SEED_IDENTITY)
  } else {
    const found = git.readRef(`refs/tags/${tag.at}`) ?? git.readRef(`refs/heads/${tag.at}`)
    if (!found) throw new Error(`tag ${tag.name} of ${repo.fullName}: no tag or branch ${tag.at}`)
    target = found
  }
  git.createTag(
    tag.name,
    target,
    tag.message === undefined ? undefined : { message: tag.message, tagger: SEED_IDENTITY }
  )
}

function secret(name: string, now: string, keyId: string): SecretState {
  return { name, createdAt: now, updatedAt: now, encryptedValue: '', keyId }
}
