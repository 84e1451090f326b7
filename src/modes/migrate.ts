import * as core from '@actions/core'
import { assumeRoleClients, type AccountClients } from '../aws/accounts.js'
import { createAwsClients, type AwsApi } from '../aws/clients.js'
import { sessionName } from '../settings/accounts.js'
import { createGitHubApi, type GitHubApi } from '../github/client.js'
import { apiBaseUrl } from '../github/octokit.js'
import { InputError, requireRepository, type Settings } from '../inputs.js'
import type { RepositoryRef } from '../workflows/repository.js'
import { applyMigration } from './apply.js'
import { gatherMigration } from './gather.js'
import { renderMigrationSummary, summariseProblems } from '../report/migration-summary.js'
import { planJson } from '../report/plan-json.js'
import { notScannedProblem } from '../report/not-scanned.js'
import { renderIacSummary } from '../report/iac/sections.js'
import { outputIacFiles } from './iac-output.js'
import { wrapError } from '../errors.js'
import type { MigrationPlan } from '../migration/compose.js'
import { keyOwnerLines } from '../migration/pairs.js'
import type { MigrationResult } from '../migration/result.js'

/** What a run may be given instead of making it (tests: a GitHub client with their timing). */
export interface MigrationDeps {
  readonly github?: GitHubApi
}

/**
 * `mode: migrate` (apply) and `mode: plan` with `keys` (plan only): read everything, build one
 * plan, show it, then (migrate) apply it: OIDC provider, roles, pull request.
 */
export async function runMigration(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  mode: 'plan' | 'migrate',
  deps: MigrationDeps = {}
): Promise<{ plan: MigrationPlan; result: MigrationResult | null }> {
  const repository = requireRepository(settings.repository)
  if (settings.keys.length === 0) {
    throw new InputError(
      'keys',
      `mode '${mode}' with AWS needs at least one SECRET_NAME=ACCESS_KEY_ID line, e.g. AWS_ACCESS_KEY_ID=\${{ secrets.AWS_ACCESS_KEY_ID }}`
    )
  }
  const github =
    deps.github ??
    createGitHubApi({ token: settings.githubToken, repository, baseUrl: apiBaseUrl(env) })
  const aws = createAwsClients({ region: settings.awsRegion })
  const accounts = assumeRoleClients(aws, settings.accounts, {
    sessionName: sessionName(env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT),
    mask: (value) => core.setSecret(value)
  })

  // Before any read of substance: a token that cannot push workflow files fails here, clearly.
  if (mode === 'migrate') await checkToken(github)

  const plan = await readPlan(github, { aws, accounts }, settings, repository)
  core.setOutput('plan', JSON.stringify(planJson(plan)))
  core.setOutput('key-owners', keyOwnerLines(plan.aws.pairs, settings.accounts.size > 0))
  if (plan.iac) await outputIacFiles(plan.iac, mode, env)
  // Every refusal the plan and a few reads can tell, before the first write.
  if (mode === 'migrate') {
    try {
      await checkBeforeWriting(github, plan, settings)
    } catch (error) {
      // The plan that was refused, whole (the error names only the first problems).
      await writeSummary(plan, null, 'migrate', env)
      throw error
    }
  }
  const result = mode === 'migrate' ? await applyPlan(github, { aws, accounts }, plan) : null
  await reportOutcome(plan, result, mode, env)
  return { plan, result }
}

/** The base account's clients and those of the `accounts` input. */
interface AwsSide {
  readonly aws: AwsApi
  readonly accounts: AccountClients
}

async function readPlan(
  github: GitHubApi,
  { aws, accounts }: AwsSide,
  settings: Settings,
  repository: RepositoryRef
): Promise<MigrationPlan> {
  return core.group(`Reading ${repository.owner}/${repository.repo} and AWS`, async () => {
    try {
      const plan = await gatherMigration({ github, aws, accounts, settings, now: new Date() })
      for (const line of planLines(plan)) core.info(line)
      return plan
    } catch (error) {
      if (error instanceof InputError) throw error
      throw wrapError('could not build the migration plan', error)
    }
  })
}

/** The writes, then the outputs that name what they made. */
async function applyPlan(
  github: GitHubApi,
  { aws, accounts }: AwsSide,
  plan: MigrationPlan
): Promise<MigrationResult> {
  core.startGroup('Applying: OIDC provider, roles, pull request')
  const result = await applyMigration(github, aws, plan, accounts)
  for (const w of result.awsWrites) core.info(`AWS: ${w}`)
  core.endGroup()
  core.setOutput('role-arns', JSON.stringify(result.roleArns))
  core.setOutput('pull-request-number', result.pullRequest ? String(result.pullRequest.number) : '')
  core.setOutput('pull-request-url', result.pullRequest?.url ?? '')
  core.setOutput('pull-request-operation', result.pullRequest?.operation ?? '')
  if (result.pullRequest) {
    core.info(
      `Pull request #${result.pullRequest.number} ${result.pullRequest.operation}: ${result.pullRequest.url}`
    )
  }
  return result
}

/** The job summary, the follow-up annotations, and the failure (migrate) or warnings (plan). */
async function reportOutcome(
  plan: MigrationPlan,
  result: MigrationResult | null,
  mode: 'plan' | 'migrate',
  env: NodeJS.ProcessEnv
): Promise<void> {
  await writeSummary(plan, result, mode, env)
  // A job reading a key secret that no place defines: the scan of the files could not know.
  for (const f of plan.secretSources?.findings ?? []) {
    core.warning(f.reason, { title: 'Key secret defined nowhere', file: f.file, startLine: f.line })
  }
  // (Plan mode has annotated every finding already.)
  if (mode === 'migrate') {
    for (const f of plan.followUps) {
      core.warning(f.message, { title: 'Manual follow-up', file: f.file, startLine: f.line })
    }
  }
  const problems = [
    ...plan.pairErrors,
    ...plan.unparsed.map(notScannedProblem),
    ...(result?.errors ?? [])
  ]
  if (problems.length > 0 && mode === 'migrate') {
    core.setFailed(`The migration is incomplete: ${summariseProblems(problems)}`)
  } else if (problems.length > 0) {
    // Plan mode fails only with fail-on-findings; what migrate would refuse is a warning here.
    for (const p of problems.slice(0, MAX_WARNINGS)) core.warning(`Cannot be migrated: ${p}`)
    if (problems.length > MAX_WARNINGS) {
      core.warning(
        `Cannot be migrated: ${problems.length - MAX_WARNINGS} more key pair(s); see the job summary`
      )
    }
  }
}

/** Annotations per step are few on GitHub (10 warnings are shown): the rest is in the summary. */
const MAX_WARNINGS = 10

/**
 * The refusals known before any write: no key pair will get a role (then not even the provider
 * is created), the pull-request branch is the default branch, or it exists and holds commits the
 * action did not make.
 */
async function checkBeforeWriting(
  github: GitHubApi,
  plan: MigrationPlan,
  settings: Settings
): Promise<void> {
  if (!plan.aws.pairs.some((p) => p.roles.length > 0)) {
    throw new InputError(
      'keys',
      `no line gives a key pair that can be migrated, so nothing was created: ${summariseProblems(plan.pairErrors)}. Give SECRET_NAME=ACCESS_KEY_ID lines for keys that the repository's workflows use, of the account of these credentials or of the accounts input`
    )
  }
  if (settings.branch === plan.defaultBranch) {
    throw new InputError(
      'branch',
      `'${settings.branch}' is the default branch; the pull request needs a branch of its own (the default is aws-keys-to-oidc)`
    )
  }
  if (plan.pullRequest) await github.checkPullRequestBranch(settings.branch, plan.baseSha)
}

async function writeSummary(
  plan: MigrationPlan,
  result: MigrationResult | null,
  mode: 'plan' | 'migrate',
  env: NodeJS.ProcessEnv
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return
  // A blank line first: in plan mode this follows the findings summary.
  const iac = plan.iac ? `\n${renderIacSummary(plan.iac, plan.repository)}` : ''
  await core.summary.addRaw(`\n${renderMigrationSummary(plan, result, { mode })}${iac}`).write()
}

async function checkToken(github: GitHubApi): Promise<void> {
  const capability = await github.requireMigrateCapability()
  core.info(
    `GitHub token: ${capability.kind}${capability.scopes ? ` (scopes: ${capability.scopes.join(', ')})` : ''}`
  )
}

function planLines(plan: MigrationPlan): string[] {
  const lines = plan.aws.accounts.map(
    (a) => `AWS account ${a.accountId}; OIDC provider: ${a.provider.change}`
  )
  for (const p of plan.aws.pairs) {
    lines.push(
      p.error
        ? `${p.secretName}: not migrated: ${p.error}`
        : `${p.secretName}: IAM user ${p.owner?.userName ?? '?'} -> ${p.roles.map((r) => `${r.roleArn} (${r.change})`).join(', ')}`
    )
  }
  const changed = plan.rewrite.files.filter((f) => f.changed).map((f) => f.path)
  lines.push(`Workflow files to change: ${changed.length > 0 ? changed.join(', ') : 'none'}`)
  return lines
}
