/**
 * The evidence of `mode: cleanup` (reads only): the roles this action manages for the
 * repository (each one key pair), the migration pull request, the default branch head
 * re-scanned, the runs of the migrated workflows, the secrets, and per pair its key and user.
 */
import type { AwsApi } from '../aws/clients.js'
import { readKey, readManagedRoles, readUser, readUserKeys, type ManagedRole } from '../aws/keys.js'
import { TAGS, tagOf } from '../aws/plan/names.js'
import type { Octokit } from '../github/octokit.js'
import { readMigrationPullRequest, readSuccessfulRuns } from '../github/runs.js'
import { listOrganizationSecrets, listRepositorySecrets } from '../github/secrets.js'
import type { KeyInput } from '../inputs.js'
import type {
  MigrationPullRequest,
  OrgSecretRef,
  PairEvidence,
  RetireEvidence,
  RetireKey,
  SecretReference,
  SecretRef
} from '../retire/evidence.js'
import { awsKeyFindings, type Finding } from '../workflows/findings.js'
import type { RepositoryFacts } from '../workflows/repository.js'
import { scanWorkflows } from '../workflows/scan/scan.js'

export interface GatherRequest {
  readonly octokit: Octokit
  readonly aws: AwsApi
  readonly facts: RepositoryFacts
  readonly rolePath: string
  readonly branch: string
  /** The `keys` input: when given, only the pairs of these key ids. */
  readonly keys: readonly KeyInput[]
  /** Whether the user's holdings are needed (`delete-user`). */
  readonly readUsers: boolean
}

export async function gatherRetireEvidence(request: GatherRequest): Promise<RetireEvidence> {
  const { octokit, aws, facts } = request
  const repository = { owner: facts.owner, repo: facts.repo }
  const managed = await readManagedRoles(aws, request.rolePath)
  const ours = managed.filter((r) => tagOf(r.tags, TAGS.repositoryId) === String(facts.repoId))
  const pullRequest = await readMigrationPullRequest(octokit, repository, request.branch)
  const findings = awsKeyFindings(scanWorkflows(facts.workflowFiles ?? []).findings)
  const needSecrets = ours.length > 0
  const secrets = needSecrets
    ? await listRepositorySecrets(octokit, repository, facts.environments ?? [])
    : []
  const orgSecrets = needSecrets ? await listOrganizationSecrets(octokit, repository) : []
  const pairs: PairEvidence[] = []
  for (const role of ours) {
    const pair = await pairEvidence(role, {
      request,
      managed,
      pullRequest,
      findings,
      secrets,
      orgSecrets
    })
    if (pair) pairs.push(pair)
  }
  return { repository: `${facts.owner}/${facts.repo}`, pullRequest, pairs }
}

interface PairContext {
  readonly request: GatherRequest
  readonly managed: readonly ManagedRole[]
  readonly pullRequest: MigrationPullRequest
  readonly findings: readonly Finding[]
  readonly secrets: readonly SecretRef[]
  readonly orgSecrets: readonly OrgSecretRef[]
}

/** The pair of one role; null when `keys` leaves it out. */
async function pairEvidence(role: ManagedRole, c: PairContext): Promise<PairEvidence | null> {
  const { request } = c
  const userName = tagOf(role.tags, TAGS.sourceUser) ?? ''
  const keyEnd = tagOf(role.tags, TAGS.sourceKeyEnd) ?? ''
  const given = request.keys.filter((k) => k.accessKeyId.endsWith(keyEnd))
  if (request.keys.length > 0 && given.length === 0) return null
  const secretNames = words(tagOf(role.tags, TAGS.secrets))
  const workflows = words(tagOf(role.tags, TAGS.workflows)) ?? []
  const userKeys = userName ? await readUserKeys(request.aws, userName) : null
  const matching = (userKeys ?? []).filter((k) =>
    given.length > 0 ? given.some((g) => g.accessKeyId === k.id) : k.id.endsWith(keyEnd)
  )
  const [only] = matching
  let key: RetireKey | null | 'ambiguous' = null
  if (matching.length > 1) key = 'ambiguous'
  else if (only) key = await readKey(request.aws, only)
  const names = new Set(secretNames ?? [])
  const references: SecretReference[] = c.findings.flatMap((f) =>
    f.secrets
      .filter((s) => names.has(s) || (secretNames === null && workflows.includes(f.file)))
      .map((secret) => ({ file: f.file, line: f.line, secret }))
  )
  const mergedAt = c.pullRequest.state === 'merged' ? c.pullRequest.mergedAt : null
  const runs = mergedAt
    ? await readSuccessfulRuns(
        request.octokit,
        { owner: request.facts.owner, repo: request.facts.repo },
        workflows,
        request.facts.defaultBranch,
        mergedAt
      )
    : []
  const otherMigrations = c.managed
    .filter(
      (r) =>
        r.name !== role.name &&
        tagOf(r.tags, TAGS.sourceUser) === userName &&
        tagOf(r.tags, TAGS.repositoryId) !== String(request.facts.repoId)
    )
    .map((r) => r.name)
  const user =
    userKeys !== null && request.readUsers
      ? await readUser(request.aws, userName, userKeys, only?.id ?? null, otherMigrations)
      : null
  return {
    roleName: role.name,
    roleArn: role.arn,
    userName,
    keyEnd,
    secretNames,
    workflows,
    roleLastUsed: role.lastUsed,
    deactivatedAt: tagOf(role.tags, TAGS.deactivatedAt),
    key,
    references,
    runs,
    secrets: c.secrets.filter((s) => names.has(s.name)),
    orgSecrets: c.orgSecrets.filter((s) => names.has(s.name)),
    user
  }
}

function words(value: string | null): string[] | null {
  return value === null ? null : value.split(/\s+/).filter(Boolean)
}
