/**
 * The trust check of every role of the plan (pure): per role, the jobs that will assume it (from
 * the findings of its key pairs, split as the AWS plan splits them: direct uses for the new
 * role, the chaining jobs for a chained role), the callers of those jobs' reusable workflows
 * (read from the workflow files themselves), and the PLANNED trust policy, handed to
 * `src/trust/check.ts`. `src/modes/apply.ts` checks the same claims again on the policy read
 * back from IAM.
 */
import { parse } from 'yaml'
import { accountOfPair, type AwsPlan } from '../aws/plan/plan.js'
import type { RolePlan } from '../aws/plan/role.js'
import { issuerKeyPrefix, repositoryIdConditionSupported } from '../aws/plan/trust-policy.js'
import { splitUses } from '../aws/plan/uses.js'
import { checkTrust, type ListedWidening, type TrustCheck } from '../trust/check.js'
import type { CallerJob, TrustJob } from '../trust/claims.js'
import type { Finding, Trigger, WorkflowFile } from '../workflows/findings.js'
import { callsLocalWorkflow } from '../workflows/parsed.js'
import type { Widening } from '../workflows/subjects.js'
import type { RepositoryFacts } from '../workflows/repository.js'
import type { PairSelection } from './pairs.js'
import { planRoles } from './roles.js'

export interface TrustChecksInput {
  readonly facts: RepositoryFacts
  readonly files: readonly WorkflowFile[]
  readonly selection: PairSelection
  readonly aws: AwsPlan
}

/** Findings that stand for a job calling a reusable workflow, not for a job assuming a role. */
const NOT_ASSUMING: ReadonlySet<Finding['kind']> = new Set([
  'reusable-workflow-caller',
  'reusable-workflow-inherit',
  'reusable-workflow-secret'
])

/** One check per role of the plan, in the plan's order. */
export function planTrustChecks(input: TrustChecksInput): TrustCheck[] {
  const { facts, aws } = input
  const callers = callerIndex(input.files)
  return planRoles(aws).map(({ role, pair }) => {
    // The provider of the role's own account: each account has its own. A role is planned only
    // in an account that was read, so it is always there; never check against another's.
    const provider = accountOfPair(aws, pair)?.provider
    if (!provider) throw new Error(`role ${role.roleArn}: its account is not in the AWS plan`)
    return checkTrust({
      roleName: role.roleName,
      roleArn: role.roleArn,
      document: role.trust.document,
      jobs: roleJobs(role, input, callers),
      facts: {
        owner: facts.owner,
        repo: facts.repo,
        ownerId: facts.ownerId,
        repoId: facts.repoId,
        defaultBranch: facts.defaultBranch,
        oidcSubject: facts.oidcSubject,
        environments: facts.environments,
        audience: provider.audience
      },
      providerArn: provider.arn,
      issuerKey: issuerKeyPrefix(provider.url),
      repositoryIdKey: repositoryIdConditionSupported(provider.url),
      widenings: trustWidenings(role)
    })
  })
}

/**
 * The widenings the trust plan lists (`TrustPolicy.widenings`: filters IAM cannot express, a
 * pull_request_target base, patterns merged to fit the quota), as the check matches them.
 */
export function trustWidenings(role: RolePlan): ListedWidening[] {
  // A plan made before widenings were recorded (a test's fake) lists none.
  const listed: readonly Widening[] = role.trust.widenings ?? []
  return listed.map((w) => ({
    pattern: w.pattern,
    filter: w.kind === 'quota-merge' ? null : w.patterns.join(', '),
    example: w.example
  }))
}

/** The jobs that assume the role: one per file and job. */
function roleJobs(
  role: RolePlan,
  { selection, aws }: TrustChecksInput,
  callers: ReadonlyMap<string, readonly CallerJob[]>
): TrustJob[] {
  const secrets = new Set(
    aws.pairs
      .filter((p) => p.roles.some((r) => r.roleArn === role.roleArn))
      .map((p) => p.secretName)
  )
  const uses = selection.requests
    .filter((r) => secrets.has(r.key.secretName))
    .flatMap((r) => r.uses)
  const split = splitUses(uses)
  const resolved = new Set(
    aws.pairs.flatMap((p) =>
      secrets.has(p.secretName)
        ? [...p.resolvedChains].filter(([, arn]) => arn === role.roleArn).map(([e]) => e)
        : []
    )
  )
  const findings =
    role.kind === 'new-role'
      ? split.direct
      : [
          ...(split.chains.get(role.roleArn) ?? []),
          ...split.unresolved.filter((f) => resolved.has(f.roleToAssume?.trim() ?? ''))
        ]
  const jobs = new Map<string, TrustJob>()
  for (const f of findings) {
    if (NOT_ASSUMING.has(f.kind) || f.job === null) continue
    const id = `${f.file}\u0000${f.job}`
    if (jobs.has(id)) continue
    jobs.set(id, {
      file: f.file,
      job: f.job,
      triggers: f.triggers,
      environment: f.environment,
      callers: callers.get(f.file) ?? []
    })
  }
  return [...jobs.values()]
}

/**
 * Called workflow path → the jobs of the repository's workflows that call it (`uses:
 * ./.github/workflows/...`). Only the files that call one are parsed (the rewrite's test,
 * `callsLocalWorkflow`): the others cannot add a caller.
 */
export function callerIndex(files: readonly WorkflowFile[]): Map<string, CallerJob[]> {
  const index = new Map<string, CallerJob[]>()
  for (const file of files) {
    if (!callsLocalWorkflow(file.text)) continue
    let doc: unknown
    try {
      doc = parse(file.text)
    } catch {
      continue
    }
    if (!isRecord(doc) || !isRecord(doc.jobs)) continue
    const triggers = readTriggers(doc.on ?? doc.true)
    for (const [job, body] of Object.entries(doc.jobs)) {
      const uses = isRecord(body) && typeof body.uses === 'string' ? body.uses.trim() : ''
      if (!uses.startsWith('./')) continue
      const called = uses.slice(2).replace(/@.*$/, '')
      index.set(called, [...(index.get(called) ?? []), { file: file.path, job, triggers }])
    }
  }
  return index
}

/** A workflow's `on:` (string, list or map) as triggers with their ref filters. */
function readTriggers(on: unknown): Trigger[] {
  const bare = (event: string): Trigger => ({
    event,
    branches: null,
    branchesIgnore: null,
    tags: null,
    tagsIgnore: null,
    types: null
  })
  if (typeof on === 'string') return [bare(on)]
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === 'string').map(bare)
  if (!isRecord(on)) return []
  return Object.entries(on).map(([event, body]) => {
    const list = (key: string): string[] | null => {
      const v = isRecord(body) ? body[key] : undefined
      if (typeof v === 'string') return [v]
      return Array.isArray(v) ? v.map(String) : null
    }
    return {
      event,
      branches: list('branches'),
      branchesIgnore: list('branches-ignore'),
      tags: list('tags'),
      tagsIgnore: list('tags-ignore'),
      types: list('types')
    }
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
