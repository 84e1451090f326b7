/**
 * What GitHub tells about a repository, as plain records (pure): who it is, how GitHub writes
 * its OIDC subject, its token default and environments, and the files of its default branch
 * head. `src/github/facts.ts` reads them; the subjects, the plan and the composition take them,
 * so nothing past the reader sees an Octokit type.
 */
import type { WorkflowFile } from './findings.js'
import type { RepositoryDefault } from './permissions.js'

/** A repository by owner and name (the `repository` input, the API's path). */
export interface RepositoryRef {
  readonly owner: string
  readonly repo: string
}

/** The answer of `GET /repos/{owner}/{repo}/actions/oidc/customization/sub`, in camel case. */
export interface OidcSubjectFormat {
  /** `use_default`: true means the default template (`repo` + `context`). */
  readonly useDefault: boolean
  /** `include_claim_keys` of a custom template (ignored when `useDefault`). */
  readonly includeClaimKeys: readonly string[]
  /** `use_immutable_subject`: `repo:OWNER@OWNER_ID/REPO@REPO_ID` instead of `repo:OWNER/REPO`. */
  readonly useImmutableSubject: boolean
  /** `sub_claim_prefix` when GitHub returns it (e.g. `repo:octo-org/octo-repo`); else null. */
  readonly subClaimPrefix: string | null
}

/** A file of the default branch head, with the git facts needed to rewrite it. */
export interface RepositoryFile extends WorkflowFile {
  /** The git blob id of the text. */
  readonly sha: string
  /** The git file mode, e.g. `100644`. */
  readonly mode: string
}

/** Every fact the plan is built from; `owner` and `repo` as GitHub spells them. */
export interface RepositoryFacts extends RepositoryRef {
  readonly ownerId: number
  readonly repoId: number
  readonly ownerType: 'User' | 'Organization'
  readonly visibility: 'public' | 'private' | 'internal'
  /** ISO 8601; repositories created since 2026-07-15 emit immutable subjects. */
  readonly createdAt: string
  readonly defaultBranch: string
  /** The default branch head the files were read from (the base of the pull request). */
  readonly headSha: string
  readonly headTreeSha: string
  /** The subject format (`GET .../actions/oidc/customization/sub`); null when it could not be read. */
  readonly oidcSubject: OidcSubjectFormat | null
  /** The GITHUB_TOKEN default (`read` → restricted, `write` → permissive); null when unreadable. */
  readonly workflowTokenDefault: RepositoryDefault | null
  /** Whether GitHub Actions may create and approve pull requests; null when unreadable. */
  readonly actionsCanApprovePullRequests: boolean | null
  /** Environment names; null when they could not be read. */
  readonly environments: readonly string[] | null
  /** Workflow and composite-action files at `headSha`; null when not asked for. */
  readonly workflowFiles: readonly RepositoryFile[] | null
  /** Facts that could not be read and why, for the job summary. */
  readonly warnings: readonly string[]
}
