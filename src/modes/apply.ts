/**
 * The write side of a migration, in order: the OIDC provider, the roles and their policies, then
 * the pull request. Every step re-checks what exists (the plan was made from fresh reads), so a
 * run that stopped half-way is completed by the next one. The pull request is opened only when
 * every role it refers to exists: a workflow must never assume a role that is not there.
 */
import { applyAwsPlan, type AwsApplyResult } from '../aws/apply.js'
import type { AwsApi } from '../aws/clients.js'
import { describeProviderWrite, describeWrite } from '../report/aws-writes.js'
import type { GitHubApi } from '../github/client.js'
import { renderPullRequestBody } from '../report/pr-body.js'
import { errorMessage } from '../errors.js'
import type { MigrationPlan } from '../migration/compose.js'
import type { MigrationResult } from '../migration/result.js'

export async function applyMigration(
  github: GitHubApi,
  aws: AwsApi,
  plan: MigrationPlan
): Promise<MigrationResult> {
  const result = await applyAwsPlan(aws, plan.aws)
  const awsWrites = [
    ...result.provider.writes.map((op) => describeProviderWrite(op, plan.aws.provider)),
    ...[...result.roles.values()].flatMap((o) => o.done.map(describeWrite))
  ]
  const errors = awsErrors(result)
  const done = { roleArns: result.roleArns, awsWrites, errors }
  if (!plan.pullRequest) return { ...done, pullRequest: null }
  if (errors.length > 0) {
    errors.push('pull request: not opened because the AWS side is incomplete; run again')
    return { ...done, pullRequest: null }
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
    return { ...done, pullRequest }
  } catch (error) {
    errors.push(`pull request: ${errorMessage(error)}`)
    return { ...done, pullRequest: null }
  }
}

/** What the AWS side could not do: the provider, and each role with the writes it did not make. */
function awsErrors(result: AwsApplyResult): string[] {
  const errors: string[] = []
  if (result.provider.error) errors.push(`OIDC provider: ${result.provider.error}`)
  for (const outcome of result.roles.values()) {
    const [failed] = outcome.notDone
    if (outcome.error && failed) {
      const failure = `could not ${describeWrite(failed)}: ${outcome.error}`
      const notDone = ` (not done: ${outcome.notDone.map(describeWrite).join('; ')})`
      errors.push(`role ${outcome.roleArn}: ${failure}${notDone}`)
    } else if (outcome.error) {
      errors.push(`role ${outcome.roleArn}: ${outcome.error}`)
    }
  }
  return errors
}
