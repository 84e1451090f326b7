/**
 * The pull request a plan opens (pure): the rewritten files it commits, its commit message, and
 * what its body says (`pull-request-body.ts` holds that record; `src/report/pr-body.ts` words
 * it). `src/github/pull-request.ts` makes the commit and the pull request.
 */
import type { AwsPlan } from '../aws/plan/plan.js'
import type { Finding } from '../workflows/findings.js'
import type { RepositoryFacts, RepositoryFile } from '../workflows/repository.js'
import type { RewriteResult } from '../workflows/rewrite/contract.js'
import type { PairSelection } from './pairs.js'
import type {
  CacStepUpgrade,
  FollowUpItem,
  PullRequestBodyInput,
  SummaryRow,
  TokenPermissionChange
} from './pull-request-body.js'
import { roleSections } from './roles.js'

/** A file the pull request commits. */
export interface FileChange {
  /** Repository path, `/` separators. */
  readonly path: string
  /** The complete new text. */
  readonly content: string
  /** Git file mode (default `100644`); keep the mode the file had. */
  readonly mode?: string
}

/** The inputs of action.yml the pull request uses (a subset of `Settings`). */
export interface PullRequestSettings {
  readonly branch: string
  readonly prTitle: string
  readonly prLabels: readonly string[]
  readonly draft: boolean
}

export interface PullRequestDraft {
  readonly branch: string
  readonly baseBranch: string
  readonly baseSha: string
  readonly baseTreeSha: string
  readonly title: string
  readonly body: PullRequestBodyInput
  readonly commitMessage: string
  readonly labels: readonly string[]
  readonly draft: boolean
  readonly files: readonly FileChange[]
}

/** The parts of the plan the pull request is made of. */
export interface DraftInput {
  readonly facts: RepositoryFacts
  /** The workflow files at `facts.headSha` (for their modes). */
  readonly files: readonly RepositoryFile[]
  readonly settings: PullRequestSettings
  readonly aws: AwsPlan
  readonly selection: PairSelection
  readonly roleArns: Readonly<Record<string, string>>
  readonly rewrite: RewriteResult
  /** The findings of AWS keys, and those of them the rewrite migrated. */
  readonly uses: readonly Finding[]
  readonly migrated: ReadonlySet<Finding>
  readonly warnings: readonly string[]
  readonly followUps: readonly FollowUpItem[]
  readonly tokenPermissionChanges: readonly TokenPermissionChange[]
}

/** The pull request of the plan; null when no workflow file changes. */
export function pullRequestDraft(input: DraftInput): PullRequestDraft | null {
  const { facts, settings } = input
  const changed = input.rewrite.files.filter((f) => f.changed)
  if (changed.length === 0) return null
  const modes = new Map(input.files.map((f) => [f.path, f.mode]))
  return {
    branch: settings.branch,
    baseBranch: facts.defaultBranch,
    baseSha: facts.headSha,
    baseTreeSha: facts.headTreeSha,
    title: settings.prTitle,
    body: pullRequestBody(input),
    commitMessage: commitMessage(
      changed.map((f) => f.path),
      input.roleArns
    ),
    labels: settings.prLabels,
    draft: settings.draft,
    files: changed.map((f) => ({
      path: f.path,
      content: f.after,
      mode: modes.get(f.path) ?? '100644'
    }))
  }
}

function pullRequestBody(input: DraftInput): PullRequestBodyInput {
  const { uses, migrated, selection } = input
  return {
    repository: `${input.facts.owner}/${input.facts.repo}`,
    summary: summaryRows(uses, migrated, selection, input.roleArns),
    roles: roleSections(input.aws),
    warnings: input.warnings,
    followUps: input.followUps,
    tokenPermissionChanges: input.tokenPermissionChanges,
    nextSteps: {
      workflowsToRun: input.rewrite.files.filter((f) => f.changed).map((f) => f.path),
      secretsToRetire: secretsToRetire(uses, migrated, selection),
      cleanup:
        'deactivate each old access key (`aws iam update-access-key --status Inactive`), watch the workflows for a week, then delete the key and the repository secrets. Until the key is deleted, reactivating it undoes the change.'
    },
    // No link to the run: the body must not change from one run to the next (idempotence).
    runUrl: null,
    cacSteps: cacStepUpgrades(input.rewrite)
  }
}

/** Each rewritten configure-aws-credentials step whose pin or inputs changed, in file order. */
function cacStepUpgrades(rewrite: RewriteResult): CacStepUpgrade[] {
  const out = new Map<string, CacStepUpgrade>()
  for (const file of rewrite.files.filter((f) => f.changed)) {
    for (const edit of file.edits) {
      if (edit.kind !== 'action-pin' && edit.kind !== 'cac-inputs') continue
      const id = `${file.path}\u0000${edit.job}\u0000${edit.step}`
      const known = out.get(id)
      const base: CacStepUpgrade = known ?? {
        workflow: file.path,
        job: edit.job,
        step: edit.step,
        line: edit.line,
        from: null,
        to: null,
        fromComment: null,
        converted: []
      }
      out.set(
        id,
        edit.kind === 'action-pin'
          ? {
              ...base,
              line: edit.line,
              from: edit.from,
              to: edit.to,
              fromComment: edit.fromComment
            }
          : { ...base, converted: edit.converted }
      )
    }
  }
  return [...out.values()]
}

/** One row per file, job and key pair; the role once the rewrite migrated that use. */
function summaryRows(
  uses: readonly Finding[],
  migrated: ReadonlySet<Finding>,
  selection: PairSelection,
  roleArns: Readonly<Record<string, string>>
): SummaryRow[] {
  const rows = new Map<string, SummaryRow>()
  for (const f of uses) {
    const keyPair = [f.pair.accessKeyId, f.pair.secretAccessKey].filter(Boolean).join(' / ')
    const id = `${f.file}\u0000${f.job ?? ''}\u0000${keyPair}`
    const key = selection.keysOf(f).find((k) => roleArns[k])
    const roleArn = migrated.has(f) && key ? (roleArns[key] ?? null) : null
    const known = rows.get(id)
    if (!known || (known.roleArn === null && roleArn !== null)) {
      rows.set(id, { workflow: f.file, job: f.job, keyPair, roleArn })
    }
  }
  return [...rows.values()]
}

/** The repository secrets of keys lines whose every use was migrated. */
function secretsToRetire(
  uses: readonly Finding[],
  migrated: ReadonlySet<Finding>,
  selection: PairSelection
): string[] {
  const byKey = new Map<string, Finding[]>()
  for (const f of uses) {
    for (const key of selection.keysOf(f)) byKey.set(key, [...(byKey.get(key) ?? []), f])
  }
  const out: string[] = []
  for (const [key, list] of byKey) {
    if (!list.every((f) => migrated.has(f))) continue
    out.push(key)
    // The other secrets of the pair, as the repository names them (not a called workflow's).
    for (const f of list) {
      if (f.pair.accessKeyId?.toLowerCase() !== key.toLowerCase()) continue
      for (const s of [f.pair.secretAccessKey, f.pair.sessionToken]) {
        if (s && !out.includes(s)) out.push(s)
      }
    }
  }
  return out
}

function commitMessage(
  paths: readonly string[],
  roleArns: Readonly<Record<string, string>>
): string {
  const roles = [...new Set(Object.values(roleArns))]
  return [
    'Replace long-lived AWS keys with OIDC role assumption',
    '',
    `Workflows: ${paths.join(', ')}`,
    `Roles: ${roles.join(', ')}`
  ].join('\n')
}
