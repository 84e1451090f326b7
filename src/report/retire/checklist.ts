/**
 * The words of `mode: cleanup` (pure): the job summary as a checklist per key pair (done,
 * waiting until when and why, refused with the evidence) and the `cleanup` output (JSON per
 * pair). Everything here reads the plan's records; nothing is parsed back.
 */
import type { KeyLastUse, SecretRef } from '../../retire/evidence.js'
import type {
  OrgSecretDecision,
  PairRetirement,
  Refusal,
  RetirePlan,
  StepDecision,
  StepName,
  WaitReason
} from '../../retire/plan.js'

/** What applying the plan did, per write (a failed write stops its pair's later steps). */
export interface RetireOutcome {
  /** Steps done by this run, by pair role name. */
  readonly done: ReadonlyMap<string, readonly StepName[]>
  /** Secrets this run deleted, by pair role name. */
  readonly deletedSecrets: ReadonlyMap<string, readonly SecretRef[]>
  /** The failure that stopped a pair, by role name. */
  readonly errors: ReadonlyMap<string, string>
}

const STEP_TITLE: Readonly<Record<StepName, string>> = {
  'deactivate-key': 'Deactivate the access key',
  'delete-secrets': 'Delete the secrets that held the pair',
  'delete-key': 'Delete the access key',
  'delete-user': 'Delete the IAM user'
}

/** The job summary of a cleanup run (`outcome` null: nothing was applied). */
export function renderCleanupSummary(plan: RetirePlan, outcome: RetireOutcome | null): string {
  const lines: string[] = []
  if (plan.options.force) {
    lines.push(
      '> [!WARNING]',
      '> **force: true** — the evidence checks (evidence delay, role use, workflow runs, key use) were skipped. The order of the steps, the merged pull request, the references on the default branch and the grace period still hold.',
      ''
    )
  }
  lines.push(`## aws-keys-to-oidc cleanup: ${plan.repository}`, '')
  lines.push(`Migration pull request: ${pullRequestLine(plan)}`, '')
  lines.push(`Clock: ${plan.options.now}`, '')
  if (plan.pairs.length === 0) {
    lines.push('No key pair: no role this action manages serves this repository.')
  }
  for (const pair of plan.pairs) lines.push(...pairSection(pair, outcome), '')
  return `${lines.join('\n').trimEnd()}\n`
}

function pullRequestLine(plan: RetirePlan): string {
  const pr = plan.pullRequest
  const ref = pr.number === null ? '' : `#${pr.number} `
  switch (pr.state) {
    case 'merged':
      return `${ref}merged at ${pr.mergedAt ?? '?'}`
    case 'absent':
      return 'none found from the migration branch'
    default:
      return `${ref}${pr.state}, not merged`
  }
}

function pairSection(pair: PairRetirement, outcome: RetireOutcome | null): string[] {
  const e = pair.evidence
  const lines = [`### IAM user \`${e.userName}\`, key …${e.keyEnd} → role \`${e.roleName}\``, '']
  const done = outcome?.done.get(e.roleName) ?? []
  const error = outcome?.errors.get(e.roleName) ?? null
  for (const s of pair.steps)
    lines.push(`- ${stepLine(s, done, error !== null && !done.includes(s.step))}`)
  if (error) lines.push('', `Stopped: ${error}`)
  const deleted = outcome?.deletedSecrets.get(e.roleName) ?? []
  if (deleted.length > 0) lines.push('', `Secrets deleted: ${deleted.map(secretName).join(', ')}`)
  const org = pair.orgSecrets.filter((o) => !o.delete)
  if (org.length > 0) {
    lines.push('', 'Organisation secrets the repository can see (follow-up):')
    for (const o of org) lines.push(`- ${orgLine(o)}`)
  }
  return lines
}

function stepLine(s: StepDecision, done: readonly StepName[], failed: boolean): string {
  const title = STEP_TITLE[s.step]
  switch (s.state) {
    case 'done':
      return `[x] ${title}: done earlier`
    case 'do':
      if (done.includes(s.step)) return `[x] ${title}: done now`
      return failed ? `[ ] ${title}: failed` : `[ ] ${title}: to do`
    case 'waiting':
      return `[ ] ${title}: waiting${s.until ? ` until ${s.until}` : ''} (${s.because.map(waitText).join('; ')})`
    case 'refused':
      return `[ ] ${title}: **refused** (${s.because.map(refusalText).join('; ')})`
    case 'blocked':
      return `[ ] ${title}: after “${STEP_TITLE[s.by].toLowerCase()}”`
    case 'not-asked':
      return `[ ] ${title}: not asked (set \`${s.input}: true\`)`
  }
}

function waitText(w: WaitReason): string {
  switch (w.reason) {
    case 'evidence-delay':
      return `IAM records last use with a delay: the evidence counts from ${w.until} (evidence-delay)`
    case 'role-not-used':
      return `the role has not been used since the merge at ${w.since}`
    case 'no-successful-run':
      return `no successful run on the default branch since ${w.since} of ${w.files.join(', ')}`
    case 'grace-period':
      return `the grace period after deactivation ends at ${w.until}`
  }
}

function refusalText(r: Refusal): string {
  switch (r.reason) {
    case 'not-merged':
      return r.pullRequest.state === 'absent'
        ? 'no migration pull request found'
        : `the migration pull request${r.pullRequest.number === null ? '' : ` #${r.pullRequest.number}`} is ${r.pullRequest.state}, not merged`
    case 'still-referenced':
      return `the default branch still uses the pair's secrets: ${r.references.map((x) => `${x.file}:${x.line} (${x.secret})`).join(', ')}`
    case 'key-used':
      return `the key was used at ${useText(r.lastUse)}, after ${r.since}: someone else still holds it`
    case 'ambiguous-key':
      return `the user has several keys ending in ${r.keyEnd}; retire it by hand`
    case 'no-secret-names':
      return "the role records no secret names (made before cleanup existed); delete the pair's secrets by hand"
    case 'deactivated-elsewhere':
      return 'the key was deactivated outside this action (no time recorded on the role); delete it by hand'
    case 'user-leftovers':
      return `the user still has ${leftoverText(r.leftovers)}`
  }
}

function useText(u: KeyLastUse): string {
  return `${u.at} with ${u.service ?? 'an unknown service'} in ${u.region ?? 'an unknown region'}`
}

function leftoverText(l: Extract<Refusal, { reason: 'user-leftovers' }>['leftovers']): string {
  const parts = [
    ...(l.otherKeys.length > 0 ? [`${l.otherKeys.length} other access key(s)`] : []),
    ...(l.loginProfile ? ['a console password'] : []),
    ...(l.mfaDevices > 0 ? [`${l.mfaDevices} MFA device(s)`] : []),
    ...(l.signingCertificates > 0 ? [`${l.signingCertificates} signing certificate(s)`] : []),
    ...(l.sshPublicKeys > 0 ? [`${l.sshPublicKeys} SSH key(s)`] : []),
    ...(l.serviceSpecificCredentials > 0
      ? [`${l.serviceSpecificCredentials} service-specific credential(s)`]
      : []),
    ...(l.otherMigrations.length > 0
      ? [`keys migrated by other repositories (${l.otherMigrations.join(', ')})`]
      : [])
  ]
  return parts.join(', ')
}

function orgLine(o: OrgSecretDecision): string {
  const seen =
    o.secret.repositories === null ? 'unknown repositories' : o.secret.repositories.join(', ')
  const why =
    o.keep === 'not-asked'
      ? 'kept (set `delete-org-secrets: true` to delete it when no other repository sees it)'
      : o.keep === 'shared'
        ? 'kept: other repositories can see it'
        : 'kept: GitHub did not say which repositories see it'
  return `\`${o.secret.name}\` (visibility ${o.secret.visibility}; seen by ${seen}): ${why}`
}

function secretName(s: SecretRef): string {
  return s.scope === 'repository'
    ? `\`${s.name}\``
    : `\`${s.name}\` (environment ${s.environment ?? '?'})`
}

/** The `cleanup` output: one record per pair. */
export interface CleanupJsonPair {
  readonly user: string
  readonly role: string
  readonly keyEnd: string
  readonly keyState: 'active' | 'inactive' | 'deleted' | 'unknown'
  readonly secretsDeleted: readonly SecretRef[]
  readonly steps: readonly {
    readonly step: StepName
    readonly state: string
    readonly until?: string
    readonly why?: string
  }[]
}

export function cleanupJson(plan: RetirePlan, outcome: RetireOutcome | null): CleanupJsonPair[] {
  return plan.pairs.map((pair) => {
    const e = pair.evidence
    const done = outcome?.done.get(e.roleName) ?? []
    return {
      user: e.userName,
      role: e.roleName,
      keyEnd: e.keyEnd,
      keyState: keyState(pair, done),
      secretsDeleted: outcome?.deletedSecrets.get(e.roleName) ?? [],
      steps: pair.steps.map((s) => stepJson(s, done))
    }
  })
}

function keyState(pair: PairRetirement, done: readonly StepName[]): CleanupJsonPair['keyState'] {
  const key = pair.evidence.key
  if (key === 'ambiguous') return 'unknown'
  if (key === null || done.includes('delete-key')) return 'deleted'
  if (key.status === 'Inactive' || done.includes('deactivate-key')) return 'inactive'
  return 'active'
}

function stepJson(s: StepDecision, done: readonly StepName[]): CleanupJsonPair['steps'][number] {
  switch (s.state) {
    case 'do':
      return { step: s.step, state: done.includes(s.step) ? 'done' : 'not-done' }
    case 'waiting':
      return {
        step: s.step,
        state: 'waiting',
        ...(s.until ? { until: s.until } : {}),
        why: s.because.map(waitText).join('; ')
      }
    case 'refused':
      return { step: s.step, state: 'refused', why: s.because.map(refusalText).join('; ') }
    case 'blocked':
      return { step: s.step, state: 'blocked', why: `after ${s.by}` }
    case 'not-asked':
      return { step: s.step, state: 'not-asked', why: `${s.input} is false` }
    case 'done':
      return { step: s.step, state: 'done' }
  }
}
