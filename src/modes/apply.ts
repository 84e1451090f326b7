/**
 * The write side of a migration, in order: the OIDC provider, the roles and their policies, then
 * the pull request. Every step re-checks what exists (the plan was made from fresh reads), so a
 * run that stopped half-way is completed by the next one. The pull request is opened only when
 * every role it refers to exists: a workflow must never assume a role that is not there.
 */
import { applyAwsPlan, type AwsApplyResult } from '../aws/apply-plan.js'
import { NO_OTHER_ACCOUNTS, type AccountClients } from '../aws/accounts.js'
import type { AwsApi } from '../aws/clients.js'
import { describeProviderWrite, describeWrite } from '../report/aws-writes.js'
import type { GitHubApi } from '../github/client.js'
import { renderPullRequestBody } from '../report/pr-body.js'
import { errorMessage } from '../errors.js'
import type { MigrationPlan } from '../migration/compose.js'
import type { MigrationResult } from '../migration/result.js'
import { planRoles } from '../migration/roles.js'
import { samePolicy } from '../aws/plan/policy-document.js'
import { readRole } from '../aws/state.js'
import { recheckTrust } from '../trust/check.js'
import { trustCheckErrors } from '../report/trust-check.js'

/**
 * Applies the plan. `accounts` gives the clients of each further account (the `accounts`
 * input); the base account's are `aws`.
 */
export async function applyMigration(
  github: GitHubApi,
  aws: AwsApi,
  plan: MigrationPlan,
  accounts: AccountClients = NO_OTHER_ACCOUNTS
): Promise<MigrationResult> {
  // A pair is planned in a further account only when that account is in the input.
  const clientsFor = (accountId: string): Promise<AwsApi> =>
    accounts.roles.has(accountId) ? accounts.clientsFor(accountId) : Promise.resolve(aws)
  // With iac the code in the pull request creates the provider and roles: no IAM write here,
  // and no read-back (the roles exist only once the code is applied).
  const result: AwsApplyResult = plan.iac
    ? { providers: [], roles: new Map(), roleArns: plan.roleArns }
    : await applyAwsPlan(aws, plan.aws, clientsFor)
  const awsWrites = [
    ...result.providers.flatMap((p) => p.writes.map((op) => describeProviderWrite(op, p.provider))),
    ...[...result.roles.values()].flatMap((o) => o.done.map(describeWrite))
  ]
  const errors = awsErrors(result)
  // Only a complete AWS side is checked: what IAM holds now, against the plan's claims.
  const trustErrors =
    errors.length > 0
      ? []
      : await writtenTrustErrors(clientsFor, plan, result).catch((error: unknown) => [
          `trust check: ${errorMessage(error)}`
        ])
  errors.push(...trustErrors)
  const done = { roleArns: result.roleArns, awsWrites, errors }
  if (!plan.pullRequest) return { ...done, pullRequest: null }
  if (errors.length > 0) {
    errors.push(
      trustErrors.length > 0
        ? 'pull request: not opened because the trust check of a role failed; correct its trust policy and run again'
        : 'pull request: not opened because the AWS side is incomplete; run again'
    )
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
  for (const p of result.providers) {
    const which = result.providers.length > 1 ? ` of account ${p.accountId}` : ''
    if (p.error) errors.push(`OIDC provider${which}: ${p.error}`)
  }
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

/**
 * The trust check of each applied role on its trust policy READ BACK FROM IAM, so that what is
 * checked is what AWS holds. IAM is eventually consistent: a policy that still differs from the
 * planned one is read again a few times before its check counts.
 */
async function writtenTrustErrors(
  clientsFor: (accountId: string) => Promise<AwsApi>,
  plan: MigrationPlan,
  result: AwsApplyResult,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
): Promise<string[]> {
  const planned = new Map(planRoles(plan.aws).map((r) => [r.role.roleArn, r]))
  const errors: string[] = []
  for (const check of plan.trustChecks) {
    if (result.roles.get(check.roleArn)?.error !== null) continue
    const entry = planned.get(check.roleArn)
    if (!entry) throw new Error(`role ${check.roleArn}: checked, but not in the plan`)
    const want = entry.role.trust.document
    const aws = await clientsFor(entry.pair.accountId)
    let role = await readRole(aws, check.roleName, { policies: false })
    for (let i = 0; i < 3 && role && want && !samePolicy(role.trust, want); i++) {
      await pause(2_000)
      role = await readRole(aws, check.roleName, { policies: false })
    }
    if (!role) {
      errors.push(
        `role ${check.roleArn}: not found when its trust policy was read back for the trust check`
      )
      continue
    }
    errors.push(...trustCheckErrors(recheckTrust(check, role.trust, 'written')))
  }
  return errors
}
