/** The project's GitHub API server for tests and the demo (see server.ts). */
export {
  startGitHubServer,
  DEFAULT_TOKEN,
  GRAPHQL_ROUTE,
  type GitHubServer,
  type RecordedRequest,
  type StartGitHubServerOptions
} from './server.js'
export {
  FULL_APP_PERMISSIONS,
  SEED_IDENTITY,
  type OidcSubjectCustomization,
  type PullRequestState,
  type RepositorySeed,
  type RepositoryState,
  type TagSeed,
  type RepositoryPermission,
  type TokenSpec,
  type WorkflowPermissions
} from './model.js'
export type { Fault } from './faults.js'
export { BareRepository } from './git.js'
export type { CommitObject, TagObject, TreeEntry } from './git-objects.js'
export { CONFIGURE_AWS_CREDENTIALS } from './seeds.js'
