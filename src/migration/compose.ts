/**
 * The one migration plan (pure): repository facts, the scan, the AWS plan and the
 * configure-aws-credentials release in; the rewritten workflows, the pull request (files, title,
 * body) and everything a reviewer needs out. Computed completely before the first write.
 *
 * A file is rewritten only when every key pair it migrates has a role: a file with a use of a
 * pair that cannot be migrated (no `keys` line, unknown key, another account...) is left as it
 * was and each of its uses becomes a follow-up, so no file is ever half-migrated.
 */
import type { AwsPlan, PairPlan } from '../aws/migration.js'
import type { RolePlan } from '../aws/plan/role.js'
import { roleArnsBySecret } from '../aws/apply.js'
import type { FileChange } from '../github/pull-request.js'
import type {
  FollowUpItem,
  PullRequestBodyInput,
  RoleSection,
  SummaryRow,
  TokenPermissionChange
} from '../report/pr-body.js'
import type { RepositoryFacts, RepositoryFile } from '../github/facts.js'
import type { ResolvedCacRef } from '../workflows/rewrite/action-pins.js'
import type { Finding, PermissionsValue, ScanResult } from '../workflows/findings.js'
import { mayRewrite, rewriteWorkflows, type RewriteResult } from '../workflows/rewrite/rewrite.js'
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

  // Files with a use the rewrite would migrate but whose key has no role stay as they are.
  const uses = migratable(scan.findings)
  const blockedBy = new Map<string, string>()
  for (const f of uses) {
    if (!mayRewrite(f) || blockedBy.has(f.file)) continue
    const keys = selection.keysOf(f)
    const names = selection.candidates(f)
    if (keys.length > 1 || (keys.length > 0 && names.length > keys.length)) {
      // A called workflow assumes one role, whoever calls it.
      blockedBy.set(
        f.file,
        `its callers pass different keys (${names.join(', ')}) under one name; one role cannot replace them all: give every caller the same key, or migrate it by hand`
      )
      continue
    }
    const missing =
      keys.length === 0 ? (f.pair.accessKeyId ?? null) : keys.find((k) => !roleArns[k])
    if (missing === undefined) continue
    blockedBy.set(f.file, `key pair ${missing ?? '(no access key id)'}: ${reasonFor(missing)}`)
  }
  const blocked = [...blockedBy].map(([file, reason]) => ({ file, reason }))
  const findings = scan.findings.filter((f) => !blockedBy.has(f.file))

  const rewrite = rewriteWorkflows(input.files, findings, {
    roleArns: rewriteRoleArns(findings, selection, roleArns),
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
    ...uses
      .filter((f) => blockedBy.has(f.file))
      .map((f) => ({
        file: f.file,
        line: f.line,
        message: `not migrated: ${blockedBy.get(f.file) ?? ''}`
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
    summary: summaryRows(uses, migrated, selection, roleArns),
    roles: roleSections(aws),
    warnings,
    followUps,
    tokenPermissionChanges: tokenChanges(rewrite, scan.findings, facts),
    nextSteps: {
      workflowsToRun: changed.map((f) => f.path),
      secretsToRetire: secretsToRetire(uses, migrated, selection),
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

/**
 * Role ARNs by secret name as the files write them: the `keys` lines, and the names a called
 * workflow declares when they stand for exactly one role.
 */
function rewriteRoleArns(
  findings: readonly Finding[],
  selection: PairSelection,
  roleArns: Readonly<Record<string, string>>
): Record<string, string> {
  const out: Record<string, string> = { ...roleArns }
  const seen = new Map<string, Set<string>>()
  for (const f of findings) {
    const name = f.pair.accessKeyId
    if (!name || roleArns[name]) continue
    const arns = seen.get(name) ?? new Set<string>()
    for (const key of selection.keysOf(f)) if (roleArns[key]) arns.add(roleArns[key])
    seen.set(name, arns)
  }
  for (const [name, arns] of seen) if (arns.size === 1) out[name] = [...arns][0]!
  return out
}

/** Findings the rewrite migrated: those it settled as automatic in a file it changed. */
function migratedFindings(findings: readonly Finding[], rewrite: RewriteResult): Set<Finding> {
  const changed = new Set(rewrite.files.filter((f) => f.changed).map((f) => f.path))
  const out = new Set<Finding>()
  findings.forEach((f, i) => {
    if (changed.has(f.file) && rewrite.findings[i]?.migration === 'automatic') out.add(f)
  })
  return out
}

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

/** Each role of the plan once (a role shared by pairs of one user), with the first pair using it. */
export function planRoles(aws: AwsPlan): { readonly role: RolePlan; readonly pair: PairPlan }[] {
  const seen = new Map<string, { role: RolePlan; pair: PairPlan }>()
  for (const pair of aws.pairs) {
    for (const role of pair.roles)
      if (!seen.has(role.roleArn)) seen.set(role.roleArn, { role, pair })
  }
  return [...seen.values()]
}

function roleSections(aws: AwsPlan): RoleSection[] {
  return planRoles(aws).map(({ role, pair }) => {
    const chained = role.kind === 'chained-role'
    return {
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
    }
  })
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
