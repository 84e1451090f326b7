/**
 * The pull request body a reviewer decides from (pure): the summary table, each role with its
 * trust policy and the jobs it admits, the permissions copied and merged, warnings, manual
 * follow-ups with file:line, token permission changes per job, and the next steps.
 *
 * GitHub refuses bodies over 65,536 characters. Long sections fold into `<details>`; when the
 * whole body is still too long, the largest sections are cut (whole lines) with a note saying
 * how much was left out and where to find all of it.
 */
import type { BodySection as Section } from './body-section.js'
import { policyChangeLines } from './policy-changes.js'
import type {
  NextSteps,
  PermissionsBefore,
  PullRequestBodyInput,
  RoleSection,
  TokenPermissionChange
} from '../migration/pull-request-body.js'
import type { PermissionsValue } from '../workflows/findings.js'
import { idTokenChangeText } from './edits.js'
import { WIDENINGS_LABEL, wideningLines } from './widenings.js'
import { trustCheckBodySections } from './trust-check.js'
import { usageBodySections } from './usage/sections.js'
import { cacStepBodySections } from './cac-steps.js'
import { notScannedBodySections } from './not-scanned.js'
import { codeBodySections } from './code/code-findings.js'
import { iacBodySections } from './iac/sections.js'
import { rolesNotYetSentence } from './iac/words.js'
import { sharedSecretBodySections } from './secrets/sections.js'

/** GitHub's limit on a pull request body. */
export const BODY_LIMIT = 65_536
/** Sections with more lines or characters than this fold into `<details>`. */
const FOLD_LINES = 25
const FOLD_CHARS = 4_000
/** A single line longer than this is shortened. */
const LINE_MAX = 2_000
/** Headroom kept under the limit for the notes added when cutting. */
const MARGIN = 512

export function renderPullRequestBody(input: PullRequestBodyInput, limit = BODY_LIMIT): string {
  const sections = buildSections(input)
  const kept = sections.map((s) => s.lines.length)
  const dropped = new Set<number>()
  const render = (): string => renderKept(sections, kept, dropped, input)
  let body = render()
  // Cut the largest section of the lowest priority until the body fits.
  for (let guard = 0; body.length > limit - MARGIN && guard < 200; guard++) {
    let largest = -1
    let rank = [Infinity, 0]
    sections.forEach((s, i) => {
      const length = s.lines.slice(0, kept[i]).join('\n').length
      const better =
        s.priority < (rank[0] ?? 0) || (s.priority === rank[0] && length > (rank[1] ?? 0))
      if (!s.fixed && (kept[i] ?? 0) > 0 && better) {
        largest = i
        rank = [s.priority, length]
      }
    })
    if (largest < 0) break
    const section = sections[largest]
    if (!section) break
    // Room for the note that says what was cut.
    const excess = body.length - (limit - MARGIN) + 200
    let k = kept[largest] ?? 0
    let removed = 0
    while (k > 0 && removed < excess) {
      k--
      removed += (section.lines[k] ?? '').length + 1
    }
    kept[largest] = k
    body = render()
  }
  // Headings alone can still be too long (hundreds of roles): whole sections go, lowest priority
  // and last first, so that the fixed ones (the header, the next steps) stay.
  while (body.length > limit - MARGIN) {
    const next = droppable(sections, dropped)
    if (next < 0) break
    dropped.add(next)
    body = render()
  }
  return body.length > limit
    ? `${body.slice(0, limit - 40)}\n\n…(cut at ${limit} characters)\n`
    : body
}

/** The next section to drop whole: not fixed, the lowest priority, the last of those. */
function droppable(sections: readonly Section[], dropped: ReadonlySet<number>): number {
  let pick = -1
  sections.forEach((s, i) => {
    if (s.fixed || dropped.has(i)) return
    if (pick < 0 || s.priority <= (sections[pick]?.priority ?? 0)) pick = i
  })
  return pick
}

/** The body from the sections as cut, with one note where whole sections were dropped. */
function renderKept(
  sections: readonly Section[],
  kept: readonly number[],
  dropped: ReadonlySet<number>,
  input: PullRequestBodyInput
): string {
  const parts: string[] = []
  let noted = false
  sections.forEach((s, i) => {
    if (!dropped.has(i)) {
      parts.push(renderSection(s, kept[i] ?? 0, input))
      return
    }
    if (noted) return
    noted = true
    const where = input.runUrl ? `the [job summary](${input.runUrl})` : 'the job summary of the run'
    parts.push(
      `_…${dropped.size} more ${dropped.size === 1 ? 'section' : 'sections'} cut to fit GitHub's 65,536-character limit (${droppedHeadings(sections, dropped)}); see ${where}._`
    )
  })
  return parts.join('\n\n') + '\n'
}

/** What the dropped sections were, by heading kind (`3 roles, warnings`). */
function droppedHeadings(sections: readonly Section[], dropped: ReadonlySet<number>): string {
  const counts = new Map<string, number>()
  for (const i of dropped) {
    const heading = (sections[i]?.heading ?? '').replace(/^#+\s*/, '')
    // A role's unheaded parts (permissions, merges) go with its heading.
    if (heading === '') continue
    const kind = heading.startsWith('Role ') ? 'roles' : heading
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return [...counts].map(([k, n]) => (k === 'roles' ? `${n} roles` : k)).join(', ')
}

function buildSections(input: PullRequestBodyInput): Section[] {
  // With iac, the body opens with the call to apply the code before the merge.
  const sections: Section[] = input.iac ? iacBodySections(input.iac, input.repository) : []
  const files = new Set(input.summary.filter((r) => r.roleArn !== null).map((r) => r.workflow))
  sections.push({
    heading: '## Replace long-lived AWS keys with OIDC role assumption',
    head: [
      `This pull request was opened by [aws-keys-to-oidc](https://github.com/aws-keys-to-oidc/aws-keys-to-oidc). It changes ${plural(files.size, 'workflow file')} of \`${input.repository}\` so that ${input.summary.length === 1 ? 'the job that used' : 'the jobs that used'} long-lived AWS access keys assume IAM roles through GitHub's OIDC provider instead. ${input.iac ? rolesNotYetSentence(input.iac) : 'The roles below exist already; nothing uses them until this is merged.'}`
    ],
    lines: [],
    tail: [],
    unit: 'lines',
    fixed: true,
    priority: 9
  })
  sections.push({
    heading: '### Summary',
    head: ['| Workflow | Job | Key pair | Role |', '|---|---|---|---|'],
    lines: input.summary.map(
      (r) =>
        `| ${code(r.workflow)} | ${r.job === null ? '—' : code(r.job)} | ${code(r.keyPair)} | ${r.roleArn === null ? 'not migrated (see follow-ups)' : code(r.roleArn)} |`
    ),
    tail: [],
    unit: 'rows',
    fixed: false,
    priority: 2
  })
  for (const role of input.roles) sections.push(...roleSections(role))
  sections.push(...usageBodySections(input.usage ?? []))
  sections.push(...trustCheckBodySections(input.trustChecks ?? []))
  sections.push(...cacStepBodySections(input.cacSteps ?? []))
  sections.push(...notScannedBodySections(input.notScanned ?? []))
  sections.push(...codeBodySections(input.code))
  sections.push(...sharedSecretBodySections(input.secretSources))
  if (input.warnings.length > 0) {
    sections.push(
      list(
        '### Warnings',
        input.warnings.map((w) => `- ${w}`),
        'warnings'
      )
    )
  }
  if (input.followUps.length > 0) {
    sections.push(
      list(
        '### Manual follow-ups',
        input.followUps.map((f) => `- [ ] ${code(`${f.file}:${f.line}`)}: ${f.message}`),
        'follow-ups',
        ['These uses were not rewritten; each needs a person:']
      )
    )
  }
  if (input.tokenPermissionChanges.length > 0) {
    sections.push({
      heading: '### Token permission changes',
      head: [
        'Assuming a role needs `id-token: write`. A `permissions:` block sets every scope it does not list to `none`, so the scopes the job had are kept:',
        '',
        '| Workflow | Job | Before | After |',
        '|---|---|---|---|'
      ],
      lines: input.tokenPermissionChanges.map((change) => {
        const c = tokenPermissionRow(change)
        return `| ${code(c.workflow)} | ${code(c.job)} | ${c.before} | ${c.after} |`
      }),
      tail: [],
      unit: 'rows',
      fixed: false,
      priority: 1
    })
  }
  sections.push({
    heading: '### Next steps',
    head: nextSteps(input.nextSteps),
    lines: [],
    tail: [],
    unit: 'lines',
    fixed: true,
    priority: 9
  })
  return sections
}

/** A token permission change in words: the cells of its row (Markdown). */
export function tokenPermissionRow(change: TokenPermissionChange): {
  readonly workflow: string
  readonly job: string
  readonly before: string
  readonly after: string
} {
  const { workflow, job } = change
  return {
    workflow,
    job,
    before: beforeText(change.before),
    after: idTokenChangeText(change.after)
  }
}

function beforeText(before: PermissionsBefore): string {
  switch (before.source) {
    case 'job':
      return permissionsText(before.value)
    case 'workflow':
      return `${permissionsText(before.value)} (workflow)`
    case 'repository-default':
      return `repository default (${before.value ?? 'unknown, assumed restricted'})`
  }
}

function permissionsText(value: PermissionsValue): string {
  if (typeof value === 'string') return `\`${value}\``
  const entries = Object.entries(value)
  return entries.length === 0 ? '`{}`' : entries.map(([k, v]) => `\`${k}: ${v}\``).join(', ')
}

/** Why an expression in role-to-assume is taken to be this role, and what to check. */
function resolvedNote(role: RoleSection): string {
  const found = role.resolvedFrom
  if (found === null) return ''
  const list = found.expressions.map(code).join(', ')
  return ` The steps name it as role-to-assume ${list}, whose value the action cannot read: this is the only role of the account that trusts IAM user ${code(found.iamUser)}, so it is the one they assume. **Check** that ${list} holds this ARN before merging: if it names a role of another account, those steps fail after the merge.`
}

function roleSections(role: RoleSection): Section[] {
  const what = role.chained
    ? `An existing role the keys used to assume; it now also trusts GitHub directly.${resolvedNote(role)}`
    : `Replaces the access keys of IAM user ${code(role.iamUser ?? '?')}.`
  const json =
    typeof role.trustPolicy === 'string'
      ? role.trustPolicy
      : JSON.stringify(role.trustPolicy, null, 2)
  const sections: Section[] = [
    {
      heading: `### Role ${code(role.roleName)}${role.chained ? ' (existing role)' : ''}`,
      head: [`${what} ARN: ${code(role.roleArn)}`, '', '**Trust policy**', ''],
      lines: json.split('\n'),
      tail: [],
      unit: 'lines of the trust policy',
      fixed: false,
      fence: 'json',
      priority: 3
    },
    list(
      '',
      role.admits.flatMap((a) => [`- ${code(a.subject)}`, ...a.sources.map((s) => `  - ${s}`)]),
      'lines',
      [`**Jobs it admits** (${plural(role.admits.length, 'subject')})`],
      2
    )
  ]
  if (role.widenings.length > 0)
    sections.push(list('', wideningLines(role.widenings), 'widenings', [WIDENINGS_LABEL]))
  if (!role.chained) {
    sections.push(
      list(
        '',
        role.permissionsCopied.map((p) => `- ${p}`),
        'policies',
        ['**Permissions copied from the user**']
      )
    )
    if (role.documentChanges.length > 0) {
      sections.push(
        list('', policyChangeLines(role.documentChanges), 'lines', [
          '**Changed on the way** (documents that differ from their source)'
        ])
      )
    }
    if (role.merges.length > 0) {
      sections.push(
        list(
          '',
          role.merges.map((m) => `- ${m}`),
          'merges',
          ['**Policies merged to stay within IAM quotas**']
        )
      )
    }
  }
  return sections
}

function list(
  heading: string,
  lines: readonly string[],
  unit: string,
  head: readonly string[] = [],
  priority = 1
): Section {
  return { heading, head, lines, tail: [], unit, fixed: false, priority }
}

function nextSteps(n: NextSteps): string[] {
  const run =
    n.workflowsToRun.length > 0
      ? `Run ${n.workflowsToRun.map(code).join(', ')} (or wait for the next run) and check that the AWS steps succeed with the role.`
      : 'Run a migrated workflow and check that the AWS steps succeed with the role.'
  const retire =
    n.secretsToRetire.length > 0
      ? `Once the roles work, retire the keys (the secrets ${n.secretsToRetire.map(code).join(', ')} are then unused): ${n.cleanup}`
      : `Once the roles work, retire the keys: ${n.cleanup}`
  return [
    '1. Review the trust policies: each role admits only the subjects listed. Merge this pull request.',
    `2. ${run}`,
    `3. ${retire}`,
    '',
    'To change the subject scope or a role name, re-run the action with other inputs; this pull request is updated in place.'
  ]
}

function renderSection(s: Section, keep: number, input: PullRequestBodyInput): string {
  const shown = s.lines.slice(0, keep).map(shorten)
  const body = [
    ...(s.fence === undefined ? [] : ['```' + s.fence]),
    ...shown,
    ...(s.fence === undefined ? [] : ['```']),
    ...s.tail
  ]
  const cut = s.lines.length - keep
  if (cut > 0) {
    const where = input.runUrl ? `the [job summary](${input.runUrl})` : 'the job summary of the run'
    body.push(
      '',
      `_…${cut} more ${s.unit} cut to fit GitHub's 65,536-character limit; see ${where}._`
    )
  }
  const text = [...s.head, ...body].join('\n')
  const heading = s.heading ? `${s.heading}\n\n` : ''
  if (s.fixed || (shown.length <= FOLD_LINES && text.length <= FOLD_CHARS && cut === 0)) {
    return `${heading}${text}`
  }
  // Folded: what precedes the bold label stays visible, the label becomes the summary.
  const at = s.head.findIndex((l) => l.startsWith('**'))
  const label = at >= 0 ? (s.head[at] ?? '') : `${s.lines.length} ${s.unit}`
  const outside = trimBlank(at >= 0 ? s.head.slice(0, at) : [])
  const inside = trimBlank([...(at >= 0 ? s.head.slice(at + 1) : s.head), ...body])
  const before = outside.length > 0 ? `${outside.join('\n')}\n\n` : ''
  return `${heading}${before}<details><summary>${label.replace(/\*\*/g, '')}</summary>\n\n${inside.join('\n')}\n\n</details>`
}

function trimBlank(lines: readonly string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && lines[start]?.trim() === '') start++
  while (end > start && lines[end - 1]?.trim() === '') end--
  return lines.slice(start, end)
}

function shorten(line: string): string {
  return line.length > LINE_MAX ? `${line.slice(0, LINE_MAX)}…` : line
}

/** Inline code that survives backticks and pipes inside table cells. */
function code(text: string): string {
  const clean = text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
