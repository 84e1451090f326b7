/**
 * The write side of a migration, in order: the OIDC provider, the roles and their policies, then
 * the pull request. Every step re-checks what exists (the plan was made from fresh reads), so a
 * run that stopped half-way is completed by the next one. The pull request is opened only when
 * every role it refers to exists: a workflow must never assume a role that is not there.
 */
import { applyAwsPlan, type AwsApplyResult } from '../aws/apply.js'
import type { AwsApi } from '../aws/clients.js'
import { describeProviderWrite } from '../aws/provider.js'
import type { GitHubApi } from '../github/client.js'
import { renderPullRequestBody } from '../report/pr-body.js'
import type { PullRequestResult } from '../github/pull-request.js'
import { errorMessage } from '../errors.js'
import type { MigrationPlan } from '../migration/compose.js'

export interface MigrationResult {
  readonly aws: AwsApplyResult
  /** Null when no pull request was needed or it was not attempted (see `errors`). */
  readonly pullRequest: PullRequestResult | null
  /** AWS writes made, described for a person, in order. */
  readonly awsWrites: readonly string[]
  /** What was not done and why; empty when everything was done. */
  readonly errors: readonly string[]
}

export async function applyMigration(
  github: GitHubApi,
  aws: AwsApi,
  plan: MigrationPlan
): Promise<MigrationResult> {
  const result = await applyAwsPlan(aws, plan.aws)
  const awsWrites = [
    ...result.provider.writes.map((op) => describeProviderWrite(op, plan.aws.provider)),
    ...[...result.roles.values()].flatMap((o) => o.done)
  ]
  const errors: string[] = []
  if (result.provider.error) errors.push(`OIDC provider: ${result.provider.error}`)
  for (const outcome of result.roles.values()) {
    if (outcome.error) {
      const notDone = outcome.notDone.length ? ` (not done: ${outcome.notDone.join('; ')})` : ''
      errors.push(`role ${outcome.roleArn}: ${outcome.error}${notDone}`)
    }
  }
  if (!plan.pullRequest) return { aws: result, pullRequest: null, awsWrites, errors }
  if (errors.length > 0) {
    errors.push('pull request: not opened because the AWS side is incomplete; run again')
    return { aws: result, pullRequest: null, awsWrites, errors }
  }
  const draft = plan.pullRequest
  try {
    const pullRequest = await github.openOrUpdatePullRequest({
      baseBranch: draft.baseBranch,
      baseSha: draft.baseSha,
      baseTreeSha: draft.baseTreeSha,
      branch: draft.branch,
      files: draft.files,
      commitMessage: draft.commitMessage,
      title: draft.title,
      body: renderPullRequestBody(draft.body),
      labels: draft.labels,
      draft: draft.draft
    })
    return { aws: result, pullRequest, awsWrites, errors }
  } catch (error) {
    errors.push(`pull request: ${errorMessage(error)}`)
    return { aws: result, pullRequest: null, awsWrites, errors }
  }
}
