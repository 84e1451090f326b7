/**
 * The one migration plan (pure): repository facts, the scan, the AWS plan and the
 * configure-aws-credentials release in; the rewritten workflows, the pull request (files, title,
 * body) and everything a reviewer needs out. Computed completely before the first write, in
 * steps: the files that stay as they were (`blocked.ts`), the rewrite of the others, the
 * follow-ups and warnings, then the pull request (`pull-request.ts`).
 *
 * A file is rewritten only when every key pair it migrates has a role: a file with a use of a
 * pair that cannot be migrated (no `keys` line, unknown key, another account...) is left as it
 * was and each of its uses becomes a follow-up, so no file is ever half-migrated.
 */
import { roleArnsBySecret, type AwsPlan } from '../aws/plan/plan.js'
import { usageRecords } from '../aws/plan/usage.js'
import type { FollowUpItem, PermissionsBefore, TokenPermissionChange } from './pull-request-body.js'
import type { RepositoryFacts, RepositoryFile } from '../workflows/repository.js'
import type { ResolvedCacRef } from '../workflows/rewrite/action-pins.js'
import { awsKeyFindings, type Finding } from '../workflows/findings.js'
import type { ScannedWorkflows } from '../workflows/scan/scan.js'
import { untrustedCheckoutWarnings } from '../workflows/scan/pull-request-target.js'
import { rewriteWorkflows, type RewriteResult } from '../workflows/rewrite/rewrite.js'
import {
  blockedFiles,
  blockedUseMessage,
  heldFiles,
  pairProblems,
  unparsedFiles,
  type BlockedFile,
  type PairProblems,
  type UnparsedFile
} from './blocked.js'
import type { PairSelection } from './pairs.js'
import {
  pullRequestDraft,
  type PullRequestDraft,
  type PullRequestSettings
} from './pull-request.js'
import type { TrustCheck } from '../trust/check.js'
import { planTrustChecks } from './trust.js'
import { withCode, type CodeInput } from './code.js'
import type { CodeReport } from '../code/contract.js'
import { planIac, type IacPlan, type IacSettings } from '../iac/files.js'
import { iacTrustChecks } from '../iac/checks.js'
import { planRoles } from './roles.js'
import { planSecretSources, type SecretListing, type SecretSources } from './secret-sources.js'

export interface ComposeSettings extends PullRequestSettings {
  readonly awsRegion: string
  /** `allow-pull-request-target`: the scan was told so too (default false). */
  readonly allowPullRequestTarget?: boolean
  /** `iac`: the provider and roles as code in the pull request, no IAM write (default none). */
  readonly iac?: IacSettings | null
}

export interface ComposeInput {
  readonly facts: RepositoryFacts
  /** The workflow files at `facts.headSha`. */
  readonly files: readonly RepositoryFile[]
  readonly scan: ScannedWorkflows
  readonly selection: PairSelection
  readonly aws: AwsPlan
  readonly cac: ResolvedCacRef
  readonly settings: ComposeSettings
  /** The code the jobs run (`src/code/`): its fixes go into the pull request. */
  readonly code?: CodeInput | null
  /** The secret names GitHub listed (`src/github/secrets.ts`); null or absent: not read. */
  readonly secrets?: SecretListing | null
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
  /** Workflow files that are not valid YAML: not scanned (the run fails at the end). */
  readonly unparsed: readonly UnparsedFile[]
  /** Per role, its planned trust policy checked against its jobs' and adversarial claims. */
  readonly trustChecks: readonly TrustCheck[]
  /** With `iac`: the code the pull request carries instead of IAM writes. */
  readonly iac?: IacPlan | null
  /** The code the jobs run that hands the keys on, and its fixes (`src/code/`). */
  readonly code?: CodeReport | null
  /** Where each job's key secrets are defined (`secret-sources.ts`); null when not read. */
  readonly secretSources?: SecretSources | null
}

export function composeMigrationPlan(input: ComposeInput): MigrationPlan {
  const { facts, scan, selection, aws, cac, settings } = input
  const roleArns = roleArnsBySecret(aws)
  const problems = pairProblems(aws, selection)
  // Files with a use the rewrite would migrate but whose key has no role stay as they are.
  const uses = awsKeyFindings(scan.findings)
  const blockedBy = blockedFiles(uses, selection, roleArns, problems)
  const findings = scan.findings.filter((f) => !blockedBy.has(f.file))

  const rewritten = rewriteWorkflows(
    input.files,
    findings,
    {
      roleArns: rewriteRoleArns(findings, selection, roleArns),
      region: settings.awsRegion,
      repositoryDefault: facts.workflowTokenDefault,
      cacRef: cac.ref,
      keep: blockedBy,
      chainedRoles: resolvedChains(aws)
    },
    scan.trees
  )
  const code = withCode(rewritten, input.code, input.files)
  const rewrite = code.rewrite
  requireEveryRole(rewrite)
  const followUps = followUpItems(rewrite, uses, (f) =>
    blockedBy.has(f.file) ? blockedUseMessage(f, blockedBy, selection, roleArns, problems) : null
  )
  const warnings = planWarnings(input, rewrite, problems)
  const pullRequest = pullRequestDraft({
    facts,
    files: input.files,
    settings,
    aws,
    selection,
    roleArns,
    rewrite,
    uses,
    migrated: migratedFindings(findings, rewrite),
    warnings,
    followUps,
    tokenPermissionChanges: tokenChanges(rewrite, scan.findings, facts)
  })
  const iac = settings.iac ? composeIac(input, settings.iac) : null
  const planned = planTrustChecks({ facts, files: input.files, selection, aws })
  // With iac, the check runs on the trust policies as the generated code holds them.
  const trustChecks = iac ? iacTrustChecks(planned, iac) : planned
  const secretSources = input.secrets ? planSecretSources(scan.findings, input.secrets) : null
  return {
    repository: `${facts.owner}/${facts.repo}`,
    defaultBranch: facts.defaultBranch,
    baseSha: facts.headSha,
    aws,
    roleArns,
    rewrite,
    blocked: [...[...blockedBy].map(([file, reason]) => ({ file, reason })), ...heldFiles(rewrite)],
    pairErrors: problems.errors,
    warnings,
    followUps,
    pullRequest: pullRequest && {
      ...pullRequest,
      files: [...pullRequest.files, ...(iac?.files ?? []), ...code.files],
      body: {
        ...pullRequest.body,
        trustChecks,
        notScanned: unparsedFiles(scan.errors),
        iac,
        code: code.report,
        usage: usageRecords(aws.pairs),
        secretSources
      }
    },
    unparsed: unparsedFiles(scan.errors),
    trustChecks,
    iac,
    code: code.report,
    secretSources
  }
}

function composeIac(input: ComposeInput, settings: IacSettings): IacPlan {
  const { facts, aws } = input
  // `iac` takes no `accounts` input (src/inputs.ts): the code is that of one account.
  const [account, ...others] = aws.accounts
  if (!account || others.length > 0) {
    throw new Error(`iac writes the code of one AWS account; the plan holds ${aws.accounts.length}`)
  }
  return planIac(
    {
      repository: `${facts.owner}/${facts.repo}`,
      accountId: account.accountId,
      provider: account.provider,
      roles: planRoles(aws).map((r) => r.role),
      region: input.settings.awsRegion
    },
    settings
  )
}

/**
 * The role each `role-to-assume` expression was found to be, over the pairs that can be
 * migrated. An expression two pairs resolved to different roles is resolved for neither.
 */
function resolvedChains(aws: AwsPlan): Map<string, string> {
  const out = new Map<string, string>()
  const conflicting = new Set<string>()
  for (const p of aws.pairs) {
    if (p.error !== null) continue
    for (const [expression, arn] of p.resolvedChains) {
      if ((out.get(expression) ?? arn) !== arn) conflicting.add(expression)
      out.set(expression, arn)
    }
  }
  for (const e of conflicting) out.delete(e)
  return out
}

/** A role for every rewritten pair is guaranteed by the blocked files: a placeholder is a bug. */
function requireEveryRole(rewrite: RewriteResult): void {
  const placeholders = rewrite.roles.filter((r) => r.placeholder)
  if (placeholders.length > 0) {
    throw new Error(
      `internal error: no role for ${placeholders.map((r) => r.pairKey).join(', ')} in a rewritten file`
    )
  }
}

/** The rewrite's follow-ups and every use in a blocked file, by file and line. */
function followUpItems(
  rewrite: RewriteResult,
  uses: readonly Finding[],
  blocked: (f: Finding) => string | null
): FollowUpItem[] {
  return [
    ...rewrite.files.flatMap((f) =>
      f.followUps.map((u) => ({ file: u.file, line: u.line, message: u.reason }))
    ),
    ...uses.flatMap((f) => {
      const message = blocked(f)
      return message === null ? [] : [{ file: f.file, line: f.line, message }]
    })
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
}

/** The facts', the release's and the rewrite's notes, the pairs not migrated, the roles' warnings. */
function planWarnings(
  input: ComposeInput,
  rewrite: RewriteResult,
  problems: PairProblems
): string[] {
  const { facts, cac, aws } = input
  return [
    ...facts.warnings,
    ...untrustedCheckoutWarnings(
      input.scan.untrustedCheckouts ?? [],
      input.settings.allowPullRequestTarget ?? false
    ),
    ...(cac.note ? [cac.note] : []),
    ...rewrite.notes,
    ...problems.errors.map((e) => `Not migrated: ${e}`),
    ...unique(aws.pairs.flatMap((p) => p.roles.flatMap((r) => r.warnings))),
    ...unique(aws.pairs.flatMap((p) => p.followUps)).map((u) => `Follow-up: ${u}`)
  ]
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

/** Each job of a changed file given `id-token: write`, with the permissions it had before. */
function tokenChanges(
  rewrite: RewriteResult,
  findings: readonly Finding[],
  facts: RepositoryFacts
): TokenPermissionChange[] {
  const out: TokenPermissionChange[] = []
  for (const file of rewrite.files.filter((f) => f.changed)) {
    for (const edit of file.edits) {
      if (edit.kind !== 'id-token') continue
      const context = findings.find((f) => f.file === file.path && f.job === edit.job)?.permissions
      const before: PermissionsBefore =
        context?.job != null
          ? { source: 'job', value: context.job }
          : context?.workflow != null
            ? { source: 'workflow', value: context.workflow }
            : { source: 'repository-default', value: facts.workflowTokenDefault }
      out.push({ workflow: file.path, job: edit.job, before, after: edit })
    }
  }
  return out
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
