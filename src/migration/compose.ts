/**
 * The one migration plan (pure): repository facts, the scan, the AWS plan and the
 * configure-aws-credentials release in; the rewritten workflows, the pull request (files, title,
 * body) and everything a reviewer needs out. Computed completely before the first write.
 *
 * A file is rewritten only when every key pair it migrates has a role: a file with a use of a
 * pair that cannot be migrated (no `keys` line, unknown key, another account...) is left as it
 * was and each of its uses becomes a follow-up, so no file is ever half-migrated.
 */
import type { AwsPlan } from '../aws/migration.js'
import { roleArnsBySecret } from '../aws/apply.js'
import type { FileChange } from '../github/pull-request.js'
import type {
  FollowUpItem,
  PullRequestBodyInput,
  RoleSection,
  SummaryRow,
  TokenPermissionChange
} from '../github/pr-body.js'
import type { RepositoryFacts, RepositoryFile } from '../github/facts.js'
import type { ResolvedCacRef } from '../workflows/action-pins.js'
import type { Finding, PermissionsValue, ScanResult } from '../workflows/findings.js'
import { mayRewrite, rewriteWorkflows, type RewriteResult } from '../workflows/rewrite.js'
import { migratable, type PairSelection } from './pairs.js'

export interface ComposeSettings {
  readonly awsRegion: string
  readonly branch: string
  readonly prTitle: string
  readonly prLabels: readonly string[]
  readonly draft: boolean
}

export interface ComposeInput {
  readonly facts: RepositoryFacts
  /** The workflow files at `facts.headSha`. */
  readonly files: readonly RepositoryFile[]
  readonly scan: ScanResult
  readonly selection: PairSelection
  readonly aws: AwsPlan
  readonly cac: ResolvedCacRef
  readonly settings: ComposeSettings
}

/** A file left as it was because one of its key pairs cannot be migrated. */
export interface BlockedFile {
  readonly file: string
  readonly reason: string
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

export interface MigrationPlan {
  /** `OWNER/REPO`. */
  readonly repository: string
  readonly defaultBranch: string
  readonly baseSha: string
  readonly aws: AwsPlan
  /** Key secret name -> the role its jobs will assume (only pairs that can be migrated). */
  readonly roleArns: Readonly<Record<string, string>>
  readonly rewrite: RewriteResult
  readonly blocked: readonly BlockedFile[]
  /** Pairs that are not migrated and why (`SECRET: reason`). */
  readonly pairErrors: readonly string[]
  readonly warnings: readonly string[]
  readonly followUps: readonly FollowUpItem[]
  /** Null when no workflow file changes. */
  readonly pullRequest: PullRequestDraft | null
}

export function composeMigrationPlan(input: ComposeInput): MigrationPlan {
  const { facts, scan, selection, aws, cac, settings } = input
  const repository = `${facts.owner}/${facts.repo}`
  const roleArns = roleArnsBySecret(aws)

  const pairErrors = [
    ...aws.pairs.flatMap((p) => (p.error ? [`${p.secretName}: ${p.error}`] : [])),
    ...selection.unmatched.map((u) => `${u.secretName ?? '(no access key id)'}: ${u.reason}`)
  ]
  const reasonFor = (secret: string | null): string => {
    const pair = aws.pairs.find((p) => p.secretName === secret)
    if (pair?.error) return pair.error
    return (
      selection.unmatched.find((u) => u.secretName === secret)?.reason ?? 'the key pair has no role'
    )
  }

  // Files with a use the rewrite would migrate but whose pair has no role stay as they are.
  const blockedBy = new Map<string, string>()
  for (const f of migratable(scan.findings)) {
    const secret = f.pair.accessKeyId
    if (!mayRewrite(f) || (secret !== null && roleArns[secret])) continue
    if (!blockedBy.has(f.file)) {
      blockedBy.set(f.file, `key pair ${secret ?? '(no access key id)'}: ${reasonFor(secret)}`)
    }
  }
  const blocked = [...blockedBy].map(([file, reason]) => ({ file, reason }))
  const findings = scan.findings.filter((f) => !blockedBy.has(f.file))

  const rewrite = rewriteWorkflows(input.files, findings, {
    roleArns,
    region: settings.awsRegion,
    repositoryDefault: facts.workflowTokenDefault,
    cacRef: cac.ref
  })
  const placeholders = rewrite.roles.filter((r) => r.placeholder)
  if (placeholders.length > 0) {
    // A role for every rewritten pair is guaranteed above; a placeholder here is a bug.
    throw new Error(
      `internal error: no role for ${placeholders.map((r) => r.pairKey).join(', ')} in a rewritten file`
    )
  }

  const followUps: FollowUpItem[] = [
    ...rewrite.files.flatMap((f) =>
      f.followUps.map((u) => ({ file: u.file, line: u.line, message: u.reason }))
    ),
    ...scan.findings
      .filter((f) => blockedBy.has(f.file) && f.migration !== 'not-migrated')
      .map((f) => ({
        file: f.file,
        line: f.line,
        message: `not rewritten: ${blockedBy.get(f.file) ?? ''}`
      }))
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))

  const warnings = [
    ...facts.warnings,
    ...(cac.note ? [cac.note] : []),
    ...rewrite.notes,
    ...pairErrors.map((e) => `Not migrated: ${e}`),
    ...unique(aws.pairs.flatMap((p) => p.roles.flatMap((r) => r.warnings))),
    ...unique(aws.pairs.flatMap((p) => p.followUps)).map((u) => `Follow-up: ${u}`)
  ]

  const changed = rewrite.files.filter((f) => f.changed)
  const modes = new Map(input.files.map((f) => [f.path, f.mode]))
  const migrated = migratedFindings(findings, rewrite)
  const body: PullRequestBodyInput = {
    repository,
    summary: summaryRows(migratable(scan.findings), migrated, roleArns),
    roles: roleSections(aws),
    warnings,
    followUps,
    tokenPermissionChanges: tokenChanges(rewrite, scan.findings, facts),
    nextSteps: {
      workflowsToRun: changed.map((f) => f.path),
      secretsToRetire: secretsToRetire(migratable(scan.findings), migrated),
      cleanup:
        'deactivate each old access key (`aws iam update-access-key --status Inactive`), watch the workflows for a week, then delete the key and the repository secrets. Until the key is deleted, reactivating it undoes the change.'
    },
    // No link to the run: the body must not change from one run to the next (idempotence).
    runUrl: null
  }
  const pullRequest: PullRequestDraft | null =
    changed.length === 0
      ? null
      : {
          branch: settings.branch,
          baseBranch: facts.defaultBranch,
          baseSha: facts.headSha,
          baseTreeSha: facts.headTreeSha,
          title: settings.prTitle,
          body,
          commitMessage: commitMessage(
            changed.map((f) => f.path),
            roleArns
          ),
          labels: settings.prLabels,
          draft: settings.draft,
          files: changed.map((f) => ({
            path: f.path,
            content: f.after,
            mode: modes.get(f.path) ?? '100644'
          }))
        }
  return {
    repository,
    defaultBranch: facts.defaultBranch,
    baseSha: facts.headSha,
    aws,
    roleArns,
    rewrite,
    blocked,
    pairErrors,
    warnings,
    followUps,
    pullRequest
  }
}

/** Findings the rewrite migrated: rewritable uses in changed files, not turned into follow-ups. */
function migratedFindings(findings: readonly Finding[], rewrite: RewriteResult): Set<Finding> {
  const changed = new Map(rewrite.files.filter((f) => f.changed).map((f) => [f.path, f]))
  const out = new Set<Finding>()
  for (const f of findings) {
    const file = changed.get(f.file)
    if (!file || !mayRewrite(f)) continue
    if (file.followUps.some((u) => u.line === f.line && u.kind === f.kind)) continue
    out.add(f)
  }
  return out
}

function summaryRows(
  uses: readonly Finding[],
  migrated: ReadonlySet<Finding>,
  roleArns: Readonly<Record<string, string>>
): SummaryRow[] {
  const rows = new Map<string, SummaryRow>()
  for (const f of uses) {
    const keyPair = [f.pair.accessKeyId, f.pair.secretAccessKey].filter(Boolean).join(' / ')
    const id = `${f.file}\u0000${f.job ?? ''}\u0000${keyPair}`
    const roleArn = migrated.has(f) ? (roleArns[f.pair.accessKeyId ?? ''] ?? null) : null
    const known = rows.get(id)
    if (!known || (known.roleArn === null && roleArn !== null)) {
      rows.set(id, { workflow: f.file, job: f.job, keyPair, roleArn })
    }
  }
  return [...rows.values()]
}

function roleSections(aws: AwsPlan): RoleSection[] {
  const seen = new Set<string>()
  const out: RoleSection[] = []
  for (const pair of aws.pairs) {
    for (const role of pair.roles) {
      if (seen.has(role.roleArn)) continue
      seen.add(role.roleArn)
      const chained = role.kind === 'chained-role'
      out.push({
        roleName: role.roleName,
        roleArn: role.roleArn,
        iamUser: chained ? null : (pair.owner?.userName ?? null),
        chained,
        trustPolicy: role.trust.document,
        admits: role.subjects.map((s) => ({ subject: s.pattern, sources: s.sources })),
        permissionsCopied: role.permissions?.copies ?? [],
        merges: [
          ...role.trust.merges,
          ...(role.permissions?.merged ?? []).map(
            (m) => `${m.name} (customer managed) merges: ${m.sources.join(', ')}`
          )
        ]
      })
    }
  }
  return out
}

const PERMISSIONS_EDIT = /^job (\S+): permissions (.*)$/

function tokenChanges(
  rewrite: RewriteResult,
  findings: readonly Finding[],
  facts: RepositoryFacts
): TokenPermissionChange[] {
  const out: TokenPermissionChange[] = []
  for (const file of rewrite.files.filter((f) => f.changed)) {
    for (const edit of file.edits) {
      const m = PERMISSIONS_EDIT.exec(edit.description)
      if (!m) continue
      const job = m[1] ?? null
      const context = findings.find((f) => f.file === file.path && f.job === job)?.permissions
      const before =
        context?.job != null
          ? permissionsText(context.job)
          : context?.workflow != null
            ? `${permissionsText(context.workflow)} (workflow)`
            : `repository default (${facts.workflowTokenDefault ?? 'unknown, assumed restricted'})`
      out.push({ workflow: file.path, job, before, after: m[2] ?? '' })
    }
  }
  return out
}

function permissionsText(value: PermissionsValue): string {
  if (typeof value === 'string') return `\`${value}\``
  const entries = Object.entries(value)
  return entries.length === 0 ? '`{}`' : entries.map(([k, v]) => `\`${k}: ${v}\``).join(', ')
}

/** The secrets of pairs whose every use was migrated. */
function secretsToRetire(uses: readonly Finding[], migrated: ReadonlySet<Finding>): string[] {
  const byPair = new Map<string, Finding[]>()
  for (const f of uses) {
    if (!f.pair.accessKeyId) continue
    byPair.set(f.pair.accessKeyId, [...(byPair.get(f.pair.accessKeyId) ?? []), f])
  }
  const out: string[] = []
  for (const list of byPair.values()) {
    if (!list.every((f) => migrated.has(f))) continue
    const p = list[0]!.pair
    for (const s of [p.accessKeyId, p.secretAccessKey, p.sessionToken]) {
      if (s && !out.includes(s)) out.push(s)
    }
  }
  return out
}

function commitMessage(
  paths: readonly string[],
  roleArns: Readonly<Record<string, string>>
): string {
  const roles = unique(Object.values(roleArns))
  return [
    'Replace long-lived AWS keys with OIDC role assumption',
    '',
    `Workflows: ${paths.join(', ')}`,
    `Roles: ${roles.join(', ')}`
  ].join('\n')
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
