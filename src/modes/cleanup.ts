/**
 * `mode: cleanup`: retire the old keys of a completed migration, on evidence. Gather (reads
 * only), plan (`src/retire/plan.ts`, pure, with the run's clock), check the token, then apply
 * the `do` steps in order per pair: tag the deactivation time and deactivate the key, delete
 * the secrets, delete the key, delete the user. A failed write stops that pair's later steps;
 * a re-run plans again from fresh evidence and does only what is left.
 */
import * as core from '@actions/core'
import { createAwsClients, type AwsApi } from '../aws/clients.js'
import { deleteKey, deleteUser, setKeyStatus, tagDeactivated } from '../aws/keys.js'
import { errorMessage } from '../errors.js'
import { readRepositoryFacts } from '../github/facts.js'
import { apiBaseUrl, createOctokit, type Octokit } from '../github/octokit.js'
import { deleteOrgSecret, deleteSecret } from '../github/secrets.js'
import { detectTokenCapability, TokenCapabilityError } from '../github/token-capability.js'
import { requireRepository, type Settings } from '../inputs.js'
import type { SecretRef } from '../retire/evidence.js'
import {
  planRetirement,
  retireWrites,
  type RetirePlan,
  type StepName,
  type StepWrites
} from '../retire/plan.js'
import {
  cleanupJson,
  renderCleanupSummary,
  type RetireOutcome
} from '../report/retire/checklist.js'
import type { RepositoryRef } from '../workflows/repository.js'
import { gatherRetireEvidence } from './cleanup-gather.js'

/** What tests and the demo replace: the clock and the clients. */
export interface CleanupDeps {
  readonly now?: () => Date
  readonly aws?: AwsApi
  readonly octokit?: Octokit
}

export async function runCleanup(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  deps: CleanupDeps = {}
): Promise<{ plan: RetirePlan; outcome: RetireOutcome }> {
  const repository = requireRepository(settings.repository)
  const octokit =
    deps.octokit ?? createOctokit({ token: settings.githubToken, baseUrl: apiBaseUrl(env) })
  const aws = deps.aws ?? createAwsClients({ region: settings.awsRegion })
  const now = (deps.now ?? (() => new Date()))().toISOString()

  const plan = await core.group(
    `Reading the migration of ${repository.owner}/${repository.repo}`,
    async () => {
      const facts = await readRepositoryFacts(octokit, repository, { workflowFiles: true })
      const evidence = await gatherRetireEvidence({
        octokit,
        aws,
        facts,
        rolePath: settings.rolePath,
        branch: settings.branch,
        keys: settings.keys,
        readUsers: settings.cleanup.deleteUser
      })
      return planRetirement(evidence, { now, ...settings.cleanup })
    }
  )
  const writes = retireWrites(plan)
  if (writes.some((w) => w.step === 'delete-secrets')) {
    await requireSecretsWrite(octokit, repository, settings.githubToken)
  }
  if (settings.cleanup.force) {
    core.warning(
      'force: true: the evidence checks of the cleanup were skipped (see the job summary)'
    )
  }
  const outcome = await applyRetirement(plan, { aws, octokit, repository })
  core.setOutput('cleanup', JSON.stringify(cleanupJson(plan, outcome)))
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderCleanupSummary(plan, outcome)).write()
  }
  if (outcome.errors.size > 0) {
    core.setFailed(
      `The cleanup is incomplete: ${[...outcome.errors].map(([role, e]) => `${role}: ${e}`).join('; ')}`
    )
  }
  return { plan, outcome }
}

interface ApplyContext {
  readonly aws: AwsApi
  readonly octokit: Octokit
  readonly repository: RepositoryRef
}

/** The `do` steps per pair, in order; the first failure stops that pair. */
export async function applyRetirement(plan: RetirePlan, c: ApplyContext): Promise<RetireOutcome> {
  const done = new Map<string, StepName[]>()
  const deletedSecrets = new Map<string, SecretRef[]>()
  const errors = new Map<string, string>()
  for (const pair of plan.pairs) {
    const role = pair.evidence.roleName
    const pairDone: StepName[] = []
    const pairSecrets: SecretRef[] = []
    done.set(role, pairDone)
    deletedSecrets.set(role, pairSecrets)
    for (const step of pair.steps) {
      if (step.state !== 'do') continue
      try {
        await applyStep(step.writes, plan.options.now, c, pairSecrets)
        pairDone.push(step.step)
        core.info(`${role}: ${step.step} done`)
      } catch (error) {
        errors.set(role, `${step.step}: ${errorMessage(error)}`)
        break
      }
    }
  }
  return { done, deletedSecrets, errors }
}

async function applyStep(
  w: StepWrites,
  now: string,
  c: ApplyContext,
  deleted: SecretRef[]
): Promise<void> {
  switch (w.step) {
    case 'deactivate-key':
      // The time first: a run cut between the two writes leaves a tag and an active key, which
      // the next run deactivates again (rollback re-activates only tagged keys).
      await tagDeactivated(c.aws, w.roleName, now)
      await setKeyStatus(c.aws, w.userName, w.accessKeyId, 'Inactive')
      return
    case 'delete-secrets':
      for (const s of w.secrets) {
        await deleteSecret(c.octokit, c.repository, s)
        deleted.push(s)
      }
      for (const name of w.orgSecrets) await deleteOrgSecret(c.octokit, c.repository.owner, name)
      return
    case 'delete-key':
      await deleteKey(c.aws, w.userName, w.accessKeyId)
      return
    case 'delete-user':
      await deleteUser(c.aws, w.user)
      return
  }
}

/**
 * Before the first secret is deleted: what the token is known to lack. Classic tokens report
 * scopes (`repo` is needed); user tokens report whether they may push (secrets need write
 * access). App tokens report neither: they listed the secrets already (secrets read) and a
 * refused delete names the permission.
 */
async function requireSecretsWrite(
  octokit: Octokit,
  repository: RepositoryRef,
  token: string
): Promise<void> {
  const capability = await detectTokenCapability(octokit, repository, token)
  const missing: string[] = []
  if (capability.scopes !== null && !capability.scopes.includes('repo')) {
    missing.push('the `repo` scope')
  }
  if (capability.canPush === false) missing.push('write access to the repository')
  if (missing.length > 0) {
    throw new TokenCapabilityError(
      `the token cannot delete the Actions secrets of ${repository.owner}/${repository.repo}: it lacks ${missing.join(' and ')}. Cleanup needs a GitHub App installation token with secrets write (and environments write for environment secrets), or a personal access token (classic) with the \`repo\` scope.`
    )
  }
}
