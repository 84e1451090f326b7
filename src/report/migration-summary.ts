/**
 * The job summary of a migration (pure): what was done and what was not, then the plan itself
 * (key owners, roles with trust policies and permissions, workflow changes with their diffs,
 * warnings and follow-ups). The same plan as JSON is `plan-json.ts`.
 */
import { changedDocuments } from '../aws/plan/permissions.js'
import { policyChangeLines } from './policy-changes.js'
import type { RolePlan } from '../aws/plan/role.js'
import { unifiedDiffs } from '../workflows/diff.js'
import type { MigrationResult } from '../migration/result.js'
import type { MigrationPlan } from '../migration/compose.js'
import { planRoles } from '../migration/roles.js'
import { describeEdit } from './edits.js'

export interface SummaryOptions {
  /** `migrate` when writes were made (or attempted), `plan` when only planned. */
  readonly mode: 'plan' | 'migrate'
}

export function renderMigrationSummary(
  plan: MigrationPlan,
  result: MigrationResult | null,
  options: SummaryOptions
): string {
  return [
    `## AWS keys to OIDC: ${options.mode} \`${plan.repository}\``,
    '',
    ...(result
      ? doneSection(plan, result)
      : [
          `Planned only: nothing was created or changed. Run with \`mode: migrate\` to apply this plan.`,
          ''
        ]),
    ...pairsSection(plan),
    ...planRoles(plan.aws).flatMap(({ role }) => roleSection(role)),
    ...workflowsSection(plan),
    ...listSection(
      '### Manual follow-ups',
      plan.followUps.map((u) => `\`${u.file}:${u.line}\`: ${u.message}`)
    ),
    ...listSection('### Warnings', plan.warnings)
  ].join('\n')
}

function pairsSection(plan: MigrationPlan): string[] {
  const out = [
    '### Key pairs',
    '',
    '| Secret | IAM user | Account | Last used | Role |',
    '|---|---|---|---|---|'
  ]
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
  return out
}

function workflowsSection(plan: MigrationPlan): string[] {
  const out = ['### Workflow changes', '']
  const changed = plan.rewrite.files.filter((f) => f.changed)
  if (changed.length === 0) out.push('No workflow file changes.', '')
  for (const f of changed) {
    out.push(`- \`${f.path}\``)
    for (const e of f.edits) out.push(`  - line ${e.line}: ${describeEdit(e)}`)
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
  return out
}

/** A heading and one bullet per item; nothing when there are none. */
function listSection(heading: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [heading, '', ...items.map((i) => `- ${i}`), '']
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
    const changed = changedDocuments(role.permissions)
    if (changed.length > 0) {
      out.push('**Changed on the way** (documents that differ from their source)', '')
      out.push(...policyChangeLines(changed), '')
    }
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
