/**
 * `mode: rollback`: undo a migration as far as it can be undone. Gather (the roles this action
 * manages for the repository, their keys, the migration pull request, the repository secrets),
 * plan (`src/retire/rollback.ts`, pure), check the token, then: re-activate the keys this
 * action deactivated (and drop the record), close the migration pull request when still open
 * or open a revert pull request when it was merged. A re-run finds the keys active and the
 * revert pull request unchanged.
 */
import * as core from '@actions/core'
import { createAwsClients, type AwsApi } from '../aws/clients.js'
import { readManagedRoles, readUserKeys, setKeyStatus, untagDeactivated } from '../aws/keys.js'
import { applyWrites } from '../aws/apply.js'
import { isAwsManaged } from '../aws/plan/facts.js'
import { decodeAttached, MANAGED_BY_VALUE, TAGS, tagOf } from '../aws/plan/names.js'
import { readManagedPolicyState, readRole } from '../aws/state.js'
import { errorMessage } from '../errors.js'
import { checkPullRequestBranch, readRepositoryFacts } from '../github/facts.js'
import { apiBaseUrl, createOctokit, type Octokit } from '../github/octokit.js'
import { openOrUpdatePullRequest } from '../github/pull-request.js'
import { closePullRequest, readFilesBeforeMerge, readMigrationPullRequest } from '../github/runs.js'
import { listRepositorySecrets } from '../github/secrets.js'
import { detectTokenCapability, requireMigrateCapability } from '../github/token-capability.js'
import { requireRepository, type Settings } from '../inputs.js'
import {
  planRollback,
  type RollbackEvidence,
  type RollbackPairEvidence,
  type RollbackPlan,
  type RoleRemovalEvidence
} from '../retire/rollback.js'
import {
  renderRollbackSummary,
  REVERT_TITLE,
  revertBody,
  revertCommitMessage,
  type RollbackOutcome
} from '../report/retire/rollback.js'
import type { RepositoryFacts } from '../workflows/repository.js'

export interface RollbackDeps {
  readonly aws?: AwsApi
  readonly octokit?: Octokit
}

export async function runRollback(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  deps: RollbackDeps = {}
): Promise<{ plan: RollbackPlan; outcome: RollbackOutcome }> {
  const repository = requireRepository(settings.repository)
  const octokit =
    deps.octokit ?? createOctokit({ token: settings.githubToken, baseUrl: apiBaseUrl(env) })
  const aws = deps.aws ?? createAwsClients({ region: settings.awsRegion })
  const facts = await readRepositoryFacts(octokit, repository, { workflowFiles: true })
  const plan = planRollback(await gatherRollback(octokit, aws, facts, settings))
  if (plan.pullRequestAction.action !== 'none') {
    requireMigrateCapability(
      await detectTokenCapability(octokit, repository, settings.githubToken),
      repository
    )
  }
  const outcome = await applyRollback(plan, { octokit, aws, facts, settings })
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderRollbackSummary(plan, outcome)).write()
  }
  core.setOutput('pull-request-number', outcome.revert ? String(outcome.revert.number) : '')
  core.setOutput('pull-request-url', outcome.revert?.url ?? '')
  core.setOutput('pull-request-operation', outcome.revert?.operation ?? '')
  if (outcome.errors.length > 0) {
    core.setFailed(`The rollback is incomplete: ${outcome.errors.join('; ')}`)
  }
  return { plan, outcome }
}

async function gatherRollback(
  octokit: Octokit,
  aws: AwsApi,
  facts: RepositoryFacts,
  settings: Settings
): Promise<RollbackEvidence> {
  const repository = { owner: facts.owner, repo: facts.repo }
  const roles = (await readManagedRoles(aws, settings.rolePath)).filter(
    (r) => tagOf(r.tags, TAGS.repositoryId) === String(facts.repoId)
  )
  const pullRequest = await readMigrationPullRequest(octokit, repository, settings.branch)
  const secrets = roles.length > 0 ? await listRepositorySecrets(octokit, repository, []) : []
  const pairs: RollbackPairEvidence[] = []
  for (const role of roles) {
    const userName = tagOf(role.tags, TAGS.sourceUser) ?? ''
    const keyEnd = tagOf(role.tags, TAGS.sourceKeyEnd) ?? ''
    if (settings.keys.length > 0 && !settings.keys.some((k) => k.accessKeyId.endsWith(keyEnd))) {
      continue
    }
    const keys = (userName ? await readUserKeys(aws, userName) : null) ?? []
    const matching = keys.filter((k) => k.id.endsWith(keyEnd))
    const [only] = matching
    const names = tagOf(role.tags, TAGS.secrets)
    pairs.push({
      roleName: role.name,
      userName,
      keyEnd,
      deactivatedAt: tagOf(role.tags, TAGS.deactivatedAt),
      key:
        matching.length > 1
          ? 'ambiguous'
          : only
            ? { accessKeyId: only.id, status: only.status }
            : null,
      secretNames: names === null ? null : names.split(/\s+/).filter(Boolean),
      repositorySecrets: secrets.map((s) => s.name)
    })
  }
  const removals = settings.cleanup.deleteRole
    ? await roleRemovalEvidence(aws, [...new Set(pairs.map((p) => p.roleName))], facts)
    : []
  return { repository: `${facts.owner}/${facts.repo}`, pullRequest, pairs, roles: removals }
}

/**
 * `delete-role`: each role with its policies, the customer-managed ones this action made (by
 * their tag, attached or recorded on the role), and the default-branch files that still name it.
 */
async function roleRemovalEvidence(
  aws: AwsApi,
  names: readonly string[],
  facts: RepositoryFacts
): Promise<RoleRemovalEvidence[]> {
  const out: RoleRemovalEvidence[] = []
  for (const name of names) {
    const role = await readRole(aws, name, { policies: true })
    if (!role) continue
    const partition = role.arn.split(':')[1] ?? 'aws'
    const candidates = [...new Set([...role.attached, ...decodeAttached(role.tags, partition)])]
    const ownPolicies: string[] = []
    for (const arn of candidates.filter((a) => !isAwsManaged(a))) {
      const policy = await readManagedPolicyState(aws, arn)
      if (policy && tagOf(policy.tags, TAGS.managedBy) === MANAGED_BY_VALUE) ownPolicies.push(arn)
    }
    const assumedBy = (facts.workflowFiles ?? [])
      .filter((f) => f.text.includes(role.arn))
      .map((f) => f.path)
    out.push({ role, ownPolicies, assumedBy })
  }
  return out
}

interface ApplyContext {
  readonly octokit: Octokit
  readonly aws: AwsApi
  readonly facts: RepositoryFacts
  readonly settings: Settings
}

async function applyRollback(plan: RollbackPlan, c: ApplyContext): Promise<RollbackOutcome> {
  const reactivated: string[] = []
  const errors: string[] = []
  for (const pair of plan.pairs) {
    const k = pair.key
    try {
      if (k.action === 'reactivate') {
        // Active first, then the record: a run cut between them untags on the next run.
        await setKeyStatus(c.aws, k.userName, k.accessKeyId, 'Active')
        await untagDeactivated(c.aws, k.roleName)
        reactivated.push(k.roleName)
      } else if (k.action === 'untag') {
        await untagDeactivated(c.aws, k.roleName)
      }
    } catch (error) {
      errors.push(`${pair.evidence.roleName}: ${errorMessage(error)}`)
    }
  }
  const rolesDeleted: string[] = []
  let closed: number | null = null
  let revert: RollbackOutcome['revert'] = null
  const a = plan.pullRequestAction
  const repository = { owner: c.facts.owner, repo: c.facts.repo }
  try {
    if (a.action === 'close') {
      await closePullRequest(c.octokit, repository, a.number)
      closed = a.number
    } else if (a.action === 'revert') {
      revert = await openRevert(plan, a.number, a.mergeCommitSha, c)
    }
  } catch (error) {
    errors.push(errorMessage(error))
  }
  // After the pull request: a role goes only when no workflow of the default branch assumes it.
  for (const r of plan.roles) {
    if (r.action !== 'delete') continue
    const result = await applyWrites(c.aws, r.roleArn, r.writes)
    if (result.error) errors.push(`role ${r.roleName}: ${result.error}`)
    else rolesDeleted.push(r.roleName)
  }
  return { reactivated, revert, closed, errors, rolesDeleted }
}

/** The revert pull request from `<branch>-revert`: the changed files as before the merge. */
async function openRevert(
  plan: RollbackPlan,
  number: number,
  mergeCommitSha: string,
  c: ApplyContext
): Promise<RollbackOutcome['revert']> {
  const repository = { owner: c.facts.owner, repo: c.facts.repo }
  const { files } = await readFilesBeforeMerge(c.octokit, repository, mergeCommitSha)
  const branch = `${c.settings.branch}-revert`
  await checkPullRequestBranch(c.octokit, repository, branch, c.facts.headSha)
  const atHead = new Map((c.facts.workflowFiles ?? []).map((f) => [f.path, f.text]))
  const changes = files.filter((f) => atHead.get(f.path) !== f.content)
  if (changes.length === 0) return null
  const result = await openOrUpdatePullRequest(c.octokit, {
    ...repository,
    baseBranch: c.facts.defaultBranch,
    baseSha: c.facts.headSha,
    baseTreeSha: c.facts.headTreeSha,
    branch,
    files: changes.map((f) => ({ path: f.path, content: f.content, mode: f.mode })),
    commitMessage: revertCommitMessage(number),
    title: REVERT_TITLE,
    body: revertBody(
      plan,
      number,
      changes.map((f) => f.path)
    ),
    labels: c.settings.prLabels,
    draft: false
  })
  return { number: result.number, url: result.url, operation: result.operation }
}
