/**
 * What the keys used, in words (pure): per IAM user, "the policies grant N services; the key used
 * M of them in the tracking period", what `permissions` did with it, the services (and tracked
 * actions) not used with the policies that grant them and the jobs whose commands name them,
 * and the used services not used for a long time. Shown in the job summary and the pull request
 * body (`sections.ts`); the `plan` output carries the records (`json.ts`).
 */
import type { RightSizing } from '../../aws/plan/right-size.js'
import type { JobRef, ServiceGrant, UsageRecord } from '../../aws/plan/usage.js'

/** A used service whose last use is older than this (before the report) is "not used since". */
const STALE_DAYS = 90

/** The sentence above the users. */
export function usageIntro(records: readonly UsageRecord[]): string {
  const applied = records.some((r) => r.rightSizing?.applied)
  return applied
    ? 'From IAM service last accessed data (about the last 400 days): what each key used, and the roles reduced to it (`permissions: last-accessed`). A service a rare job needs (a yearly job, a disaster-recovery path) may look unused: check the jobs named below before merging.'
    : 'From IAM service last accessed data (about the last 400 days): what each key used of what its user may do. With `permissions: last-accessed` the roles get only that.'
}

/** The bold headline of one user. */
export function userHeadline(record: UsageRecord): string {
  const u = record.usage
  if (u.status === 'unavailable') {
    return `**IAM user \`${u.userName}\`: no last accessed data**`
  }
  const used = u.services.filter((s) => s.lastUsed !== null).length
  return `**IAM user \`${u.userName}\`: the policies grant ${count(u.services.length, 'service')}; the key used ${used} of them in the tracking period**`
}

/** Everything under the headline. */
export function userLines(record: UsageRecord): string[] {
  const u = record.usage
  const mode = permissionsLine(record.rightSizing, record.roleName)
  if (u.status === 'unavailable') {
    return [
      `IAM gave no report (${u.detail}); what the key used cannot be compared with what the user may do.`,
      ...(mode ? ['', mode] : [])
    ]
  }
  const used = u.services.filter((s) => s.lastUsed !== null)
  const lines = [`Report of ${day(u.generatedAt)}.${mode ? ` ${mode}` : ''}`, '']
  if (used.length > 0) {
    lines.push(
      `Used: ${used.map((s) => `\`${s.namespace}\` (${lastUse(s, u.generatedAt)})`).join(', ')}.`,
      ''
    )
  }
  const table = unusedTable(record, u.services)
  if (table.length > 0) {
    lines.push(
      `${record.rightSizing?.applied ? 'Removed from the role' : 'Not used'}:`,
      '',
      ...table
    )
  }
  const whole = record.rightSizing?.applied
    ? record.rightSizing.sources.flatMap((s) => s.keptWhole.map((st) => `${s.source}, ${st}`))
    : []
  if (whole.length > 0) {
    lines.push(
      '',
      `Kept whole (a NotAction that excludes only some actions of a used service cannot be narrowed to an Action list): ${whole.join('; ')}.`
    )
  }
  return lines
}

function permissionsLine(rightSizing: RightSizing | null, roleName: string | null): string {
  const role = roleName ? `role \`${roleName}\`` : 'the role'
  if (rightSizing === null) {
    return `The ${role} gets the user's policies as they are (\`permissions: copy\`).`
  }
  if (rightSizing.applied) {
    return `The ${role} gets the user's statements reduced to what was used (\`permissions: last-accessed\`).`
  }
  return `**\`permissions: last-accessed\` fell back to copying** the user's policies to ${role} as they are: ${reason(rightSizing.cause)}.`
}

function reason(cause: Extract<RightSizing, { applied: false }>['cause']): string {
  switch (cause) {
    case 'timeout':
      return 'the last accessed report did not complete in time'
    case 'failed':
      return 'IAM could not make the last accessed report'
    case 'error':
      return 'the last accessed report could not be read'
    case 'not-read':
      return 'no last accessed report was read'
  }
}

interface Unused {
  /** A service prefix, or an action `SERVICE:Action`. */
  readonly item: string
  readonly ns: string
  readonly action: boolean
  readonly grantedBy: readonly string[]
}

/** The services and tracked actions never used (those removed from the role when applied). */
function unusedItems(record: UsageRecord, services: readonly ServiceGrant[]): Unused[] {
  const rs = record.rightSizing
  if (rs?.applied) {
    const removed = new Map<string, string[]>()
    for (const src of rs.sources) {
      for (const item of [...src.removedServices, ...src.removedActions]) {
        removed.set(item, [...(removed.get(item) ?? []), src.source])
      }
    }
    return [...removed]
      .sort(([a], [b]) => cmp(a, b))
      .map(([item, grantedBy]) => ({
        item,
        ns: item.split(':')[0] ?? item,
        action: item.includes(':'),
        grantedBy
      }))
  }
  return services.flatMap((s) => [
    ...(s.lastUsed === null
      ? [{ item: s.namespace, ns: s.namespace, action: false, grantedBy: s.grantedBy }]
      : []),
    ...s.unusedActions.map((a) => ({
      item: a,
      ns: s.namespace,
      action: true,
      grantedBy: s.grantedBy
    }))
  ])
}

/**
 * The table of what was not used: a row of its own for each service a job's commands name (a
 * rare job may need it), the other services in one row per set of granting policies, the
 * tracked actions in one row per service; the policies numbered once below the table.
 */
function unusedTable(record: UsageRecord, services: readonly ServiceGrant[]): string[] {
  const items = unusedItems(record, services)
  if (items.length === 0) return []
  const byNs = new Map(services.map((s) => [s.namespace, s]))
  const policies: string[] = []
  const refs = (labels: readonly string[]): string =>
    labels
      .map((label) => {
        if (!policies.includes(label)) policies.push(label)
        return policies.indexOf(label) + 1
      })
      .sort((a, b) => a - b)
      .join(', ')
  const rows = new Map<string, { items: string[]; last: string; refs: string; jobs: string }>()
  for (const u of items) {
    const s = byNs.get(u.ns)
    const jobs = s?.jobs ?? []
    const ref = refs(u.grantedBy)
    const key = u.action
      ? `action ${u.ns} ${ref}`
      : jobs.length > 0
        ? `own ${u.item}`
        : `services ${ref}`
    const label =
      !u.action && jobs.length > 0 && s && s.name !== s.namespace
        ? `\`${cell(u.item)}\` ${cell(s.name)}`
        : `\`${cell(u.item)}\``
    const known = rows.get(key)
    if (known) {
      known.items.push(label)
      continue
    }
    rows.set(key, {
      items: [label],
      last:
        u.action && s?.lastUsed
          ? `never used in the tracking period (\`${u.ns}\` last used ${day(s.lastUsed)})`
          : 'never used in the tracking period',
      refs: ref || '—',
      jobs: jobs.length > 0 ? `⚠️ ${jobs.map(jobText).join(', ')}` : '—'
    })
  }
  return [
    '| Service or action | Last use | Granted by | Jobs whose commands name it |',
    '|---|---|---|---|',
    ...[...rows.values()].map(
      (r) => `| ${r.items.join(', ')} | ${r.last} | ${r.refs} | ${r.jobs} |`
    ),
    '',
    `Granted by: ${policies.map((p, i) => `${i + 1}. ${cell(p)}`).join('; ')}.`
  ]
}

function jobText(j: JobRef): string {
  return `\`${cell(j.file)}\` job \`${cell(j.job)}\``
}

function lastUse(s: ServiceGrant, reportAt: string): string {
  if (!s.lastUsed) return 'never used in the tracking period'
  const age = Date.parse(reportAt) - Date.parse(s.lastUsed)
  const where = s.region ? ` in ${s.region}` : ''
  return age > STALE_DAYS * 86_400_000
    ? `not used since ${day(s.lastUsed)}${where}`
    : `last used ${day(s.lastUsed)}${where}`
}

function day(iso: string): string {
  return iso.slice(0, 10)
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
