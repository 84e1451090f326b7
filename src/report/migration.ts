/**
 * What a migration shows (pure): the `plan` output as JSON, and the job summary: what was done
 * and what was not, then the plan itself (key owners, roles with trust policies and permissions,
 * workflow changes with their diffs, warnings and follow-ups).
 */
import type { RolePlan } from '../aws/plan/role.js'
import { unifiedDiffs } from '../workflows/diff.js'
import type { MigrationResult } from '../modes/apply.js'
import { planRoles, type MigrationPlan } from '../migration/compose.js'

/** The `plan` output: everything decided, no access key id and no policy text beyond IAM's own. */
export function planJson(plan: MigrationPlan): object {
  return {
    repository: plan.repository,
    defaultBranch: plan.defaultBranch,
    baseSha: plan.baseSha,
    accountId: plan.aws.accountId,
    provider: plan.aws.provider,
    pairs: plan.aws.pairs.map((p) => ({
      secretName: p.secretName,
      user: p.owner?.userName ?? null,
      account: p.owner?.accountId ?? null,
      lastUsed: p.owner?.lastUsed ?? null,
      error: p.error,
      followUps: p.followUps,
      roles: p.roles.map(roleJson)
    })),
    roleArns: plan.roleArns,
    workflows: plan.rewrite.files
      .filter((f) => f.changed || f.followUps.length > 0)
      .map((f) => ({ path: f.path, changed: f.changed, edits: f.edits, followUps: f.followUps })),
    blocked: plan.blocked,
    pairErrors: plan.pairErrors,
    warnings: plan.warnings,
    followUps: plan.followUps,
    pullRequest: plan.pullRequest
      ? {
          branch: plan.pullRequest.branch,
          base: plan.pullRequest.baseBranch,
          title: plan.pullRequest.title,
          files: plan.pullRequest.files.map((f) => f.path)
        }
      : null
  }
}

function roleJson(r: RolePlan): object {
  return {
    kind: r.kind,
    roleName: r.roleName,
    roleArn: r.roleArn,
    change: r.change,
    trustPolicy: r.trust.document,
    subjects: r.subjects,
    boundaryArn: r.boundaryArn,
    maxSessionDuration: r.maxSessionDuration,
    permissions: r.permissions
      ? {
          attach: r.permissions.attach,
          inline: r.permissions.inline.map((i) => ({ name: i.name, source: i.source })),
          merged: r.permissions.merged.map((m) => ({
            name: m.name,
            arn: m.arn,
            sources: m.sources
          })),
          copies: r.permissions.copies
        }
      : null,
    changes: r.changes,
    warnings: r.warnings
  }
}

export interface SummaryOptions {
  /** `migrate` when writes were made (or attempted), `plan` when only planned. */
  readonly mode: 'plan' | 'migrate'
}

export function renderMigrationSummary(
  plan: MigrationPlan,
  result: MigrationResult | null,
  options: SummaryOptions
): string {
  const out: string[] = [`## AWS keys to OIDC: ${options.mode} \`${plan.repository}\``, '']
  if (result) out.push(...doneSection(plan, result))
  else
    out.push(
      `Planned only: nothing was created or changed. Run with \`mode: migrate\` to apply this plan.`,
      ''
    )

  out.push(
    '### Key pairs',
    '',
    '| Secret | IAM user | Account | Last used | Role |',
    '|---|---|---|---|---|'
  )
  for (const p of plan.aws.pairs) {
    const last = p.owner?.lastUsed
    const used = last?.date
      ? `${last.date.slice(0, 10)} ${[last.serviceName, last.region].filter(Boolean).join(' ')}`
      : 'never'
    const role = p.error
      ? `not migrated: ${cell(p.error)}`
      : p.roles.map((r) => `\`${r.roleName}\` (${r.change})`).join(', ')
    out.push(
      `| \`${p.secretName}\` | ${p.owner ? `\`${p.owner.userName}\`` : '—'} | ${p.owner?.accountId ?? '—'} | ${p.owner ? used : '—'} | ${role} |`
    )
  }
  out.push('')
  out.push(`OIDC provider \`${plan.aws.provider.arn}\`: ${plan.aws.provider.change}.`, '')

  for (const { role } of planRoles(plan.aws)) out.push(...roleSection(role))

  out.push('### Workflow changes', '')
  const changed = plan.rewrite.files.filter((f) => f.changed)
  if (changed.length === 0) out.push('No workflow file changes.', '')
  for (const f of changed) {
    out.push(`- \`${f.path}\``)
    for (const e of f.edits) out.push(`  - line ${e.line}: ${e.description}`)
  }
  if (changed.length > 0) {
    out.push(
      '',
      '<details><summary>Diff</summary>',
      '',
      '```diff',
      unifiedDiffs(changed).trimEnd(),
      '```',
      '',
      '</details>',
      ''
    )
  }
  for (const b of plan.blocked)
    out.push(`- \`${b.file}\`: its key uses are not migrated: ${b.reason}`)
  if (plan.blocked.length > 0) out.push('')

  if (plan.followUps.length > 0) {
    out.push('### Manual follow-ups', '')
    for (const u of plan.followUps) out.push(`- \`${u.file}:${u.line}\`: ${u.message}`)
    out.push('')
  }
  if (plan.warnings.length > 0) {
    out.push('### Warnings', '')
    for (const w of plan.warnings) out.push(`- ${w}`)
    out.push('')
  }
  return out.join('\n')
}

function doneSection(plan: MigrationPlan, result: MigrationResult): string[] {
  const out: string[] = ['### What was done', '']
  if (result.awsWrites.length === 0) out.push('- AWS: nothing to change (already as planned).')
  for (const w of result.awsWrites) out.push(`- AWS: ${w}`)
  const pr = result.pullRequest
  if (pr) out.push(`- Pull request [#${pr.number}](${pr.url}): ${pr.operation}.`)
  else if (!plan.pullRequest) out.push('- Pull request: none needed (no workflow file changes).')
  out.push('')
  if (result.errors.length > 0) {
    out.push('### Not done', '', ...result.errors.map((e) => `- ${e}`), '')
    out.push(
      'Run the action again with the same inputs to complete the migration; nothing is created twice.',
      ''
    )
  }
  return out
}

function roleSection(role: RolePlan): string[] {
  const out = [
    `### Role \`${role.roleName}\` (${role.change})`,
    '',
    `\`${role.roleArn}\`${role.kind === 'chained-role' ? ': an existing role the keys assumed; a GitHub trust statement is added.' : ''}`,
    '',
    '**Jobs it admits**',
    ''
  ]
  for (const s of role.subjects) {
    out.push(`- \`${s.pattern}\``)
    for (const src of s.sources) out.push(`  - ${src}`)
  }
  out.push(
    '',
    '<details><summary>Trust policy</summary>',
    '',
    '```json',
    JSON.stringify(role.trust.document, null, 2),
    '```',
    '',
    '</details>',
    ''
  )
  if (role.permissions) {
    out.push('**Permissions copied**', '')
    for (const c of role.permissions.copies) out.push(`- ${c}`)
    out.push('')
  }
  const changes = role.changes.filter((c) => c.change !== 'unchanged')
  if (changes.length > 0) {
    out.push('**Changes**', '')
    for (const c of changes) out.push(`- ${c.change}: ${c.resource}`)
    out.push('')
  }
  return out
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
