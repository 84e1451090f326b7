/**
 * What applying a plan did (pure records): the AWS writes made, the pull request opened or
 * updated, and what was not done. `src/modes/apply.ts` fills them; the job summary shows them.
 */

/** `created`: new; `updated`: something changed; `unchanged`: no write. */
export type Operation = 'created' | 'updated' | 'unchanged'

export interface PullRequestResult {
  /** `created`: a new pull request; `updated`: branch or pull request changed; `unchanged`: no write. */
  readonly operation: Operation
  readonly number: number
  readonly url: string
  /** What happened to the branch. */
  readonly branch: Operation
  /** The branch head after the run. */
  readonly headSha: string
}

export interface MigrationResult {
  /** Key secret name -> role ARN, for the pairs whose roles were all applied. */
  readonly roleArns: Readonly<Record<string, string>>
  /** Null when no pull request was needed or it was not attempted (see `errors`). */
  readonly pullRequest: PullRequestResult | null
  /** AWS writes made, described for a person, in order. */
  readonly awsWrites: readonly string[]
  /** What was not done and why; empty when everything was done. */
  readonly errors: readonly string[]
}
