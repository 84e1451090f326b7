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
import { fitSections, STEP_SUMMARY_LIMIT, type FitSection } from './fit.js'
import { PLAN_SUMMARY_LIMIT } from './summary.js'
import { wideningBlock } from './widenings.js'
import { trustCheckFitSections } from './trust-check.js'
import { usageRecords } from '../aws/plan/usage.js'
import { usageFitSections } from './usage/sections.js'
import { notScannedLine } from './not-scanned.js'
import { codeFitSections } from './code/code-findings.js'
import { secretSourceFitSections } from './secrets/sections.js'

export interface SummaryOptions {
  /** `migrate` when writes were made (or attempted), `plan` when only planned. */
  readonly mode: 'plan' | 'migrate'
  /**
   * Bytes the summary may take (default 768 KiB: in plan mode it follows the findings summary,
   * `summary.ts`, which takes at most 256 KiB; the runner takes 1 MiB per step).
   */
  readonly limit?: number
}

export const MIGRATION_SUMMARY_LIMIT = STEP_SUMMARY_LIMIT - PLAN_SUMMARY_LIMIT

/**
 * Within the limit, cut by the pull request body's priorities: the diffs, follow-ups and
 * warnings first, then the key pair rows, the roles (with their trust policies) last; what was
 * done never.
 */
export function renderMigrationSummary(
  plan: MigrationPlan,
  result: MigrationResult | null,
  options: SummaryOptions
): string {
  const sections: FitSection[] = [
    fixed([
      `## AWS keys to OIDC: ${options.mode} \`${plan.repository}\``,
      '',
      `Workflow files of \`${plan.repository}\` read through the GitHub API at \`${plan.defaultBranch}\` (\`${plan.baseSha.slice(0, 7)}\`), the head the pull request is based on.`,
      '',
      ...(result
        ? doneSection(plan, result)
        : [
            options.mode === 'migrate'
              ? 'Stopped before any write: nothing was created or changed (the step error says why). The plan it refused follows.'
              : `Planned only: nothing was created or changed. Run with \`mode: migrate\` to apply this plan.`,
            ''
          ])
    ]),
    ...pairsSection(plan),
    ...secretSourceFitSections(plan),
    {
      head: [],
      items: planRoles(plan.aws).map(({ role }) => roleSection(role).join('\n')),
      tail: [],
      priority: 3,
      fixed: false,
      unit: 'roles'
    },
    ...usageFitSections(usageRecords(plan.aws.pairs)),
    ...trustCheckFitSections(plan.trustChecks),
    ...workflowsSection(plan),
    ...codeFitSections(plan.code),
    listSection(
      '### Manual follow-ups',
      plan.followUps.map((u) => `\`${u.file}:${u.line}\`: ${u.message}`),
      'follow-ups'
    ),
    listSection('### Warnings', plan.warnings, 'warnings'),
    listSection('### Workflow files not scanned', plan.unparsed.map(notScannedLine), 'files')
  ]
  return fitSections(
    sections.filter((x) => x.head.length + x.items.length + x.tail.length > 0),
    options.limit ?? MIGRATION_SUMMARY_LIMIT,
    (cut, unit) =>
      `_…${cut} more ${unit} cut to fit the job summary's 1 MiB limit; the \`plan\` output has all of them._`
  )
}

function fixed(lines: readonly string[]): FitSection {
  return { head: lines, items: [], tail: [], priority: 9, fixed: true, unit: 'lines' }
}

function pairsSection(plan: MigrationPlan): FitSection[] {
  const rows: string[] = []
  for (const p of plan.aws.pairs) {
    const last = p.owner?.lastUsed
    const used = last?.date
      ? `${last.date.slice(0, 10)} ${[last.serviceName, last.region].filter(Boolean).join(' ')}`
      : 'never'
    const role = p.error
      ? `not migrated: ${cell(p.error)}`
      : p.roles.map((r) => `\`${r.roleName}\` (${r.change})`).join(', ')
    rows.push(
      `| \`${p.secretName}\` | ${p.owner ? `\`${p.owner.userName}\`` : '—'} | ${p.owner?.accountId ?? '—'} | ${p.owner ? used : '—'} | ${role} |`
    )
  }
  return [
    {
      head: [
        '### Key pairs',
        '',
        '| Secret | IAM user | Account | Last used | Role |',
        '|---|---|---|---|---|'
      ],
      items: rows,
      tail: [
        '',
        ...plan.aws.accounts.map(
          ({ provider }) => `OIDC provider \`${provider.arn}\`: ${provider.change}.`
        ),
        ''
      ],
      priority: 2,
      fixed: false,
      unit: 'key pair rows'
    }
  ]
}

function workflowsSection(plan: MigrationPlan): FitSection[] {
  const changed = plan.rewrite.files.filter((f) => f.changed)
  const list: FitSection = {
    head: [
      '### Workflow changes',
      '',
      ...(changed.length === 0 ? ['No workflow file changes.', ''] : [])
    ],
    items: changed.map((f) =>
      [`- \`${f.path}\``, ...f.edits.map((e) => `  - line ${e.line}: ${describeEdit(e)}`)].join(
        '\n'
      )
    ),
    tail: [],
    priority: 1,
    fixed: false,
    unit: 'changed files'
  }
  const diff: FitSection = {
    head: changed.length > 0 ? ['', '<details><summary>Diff</summary>', '', '```diff'] : [],
    items: changed.map((f) => unifiedDiffs([f]).trimEnd()).filter((d) => d !== ''),
    tail: changed.length > 0 ? ['```', '', '</details>', ''] : [],
    priority: 1,
    fixed: false,
    unit: 'file diffs'
  }
  const blocked: FitSection = {
    head: [],
    items: plan.blocked.map((b) => `- \`${b.file}\`: its key uses are not migrated: ${b.reason}`),
    tail: plan.blocked.length > 0 ? [''] : [],
    priority: 1,
    fixed: false,
    unit: 'files left as they were'
  }
  return [list, diff, blocked]
}

/** A heading and one bullet per item; nothing when there are none. */
function listSection(heading: string, items: readonly string[], unit: string): FitSection {
  return items.length === 0
    ? { head: [], items: [], tail: [], priority: 1, fixed: false, unit }
    : {
        head: [heading, ''],
        items: items.map((i) => `- ${i}`),
        tail: [''],
        priority: 1,
        fixed: false,
        unit
      }
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
  out.push(...wideningBlock(role.trust.widenings))
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

/**
 * The problems of a run in one line that stays short: the first few, then how many more (500
 * `keys` lines that cannot be migrated must not make a 60 KB error). The summary lists them all.
 */
export function summariseProblems(problems: readonly string[], shown = 5): string {
  if (problems.length <= shown) return problems.join('; ')
  return `${problems.slice(0, shown).join('; ')}; and ${problems.length - shown} more (${problems.length} in all; see the job summary)`
}
