/**
 * The cleanup plan (pure): from the evidence and a clock (`now`, an input so that tests control
 * time), per key pair the preconditions and the next steps, in their fixed order
 *
 *   deactivate the key → delete its secrets → (delete-keys) delete the key → (delete-user) delete the user
 *
 * each `done` (the evidence shows it already), `do` (this run does it), `waiting` (until when
 * and why), `refused` (the evidence against it), `blocked` (an earlier step does not hold) or
 * `not-asked` (its input is off). A step runs only when every earlier one holds, and only once:
 * a re-run plans again from fresh evidence and finds it `done`.
 *
 * `force` skips the evidence checks (evidence delay, role use, workflow runs, key use), never
 * the order, the merged pull request, the references on the default branch or the grace period.
 */
import type {
  KeyLastUse,
  MigrationPullRequest,
  OrgSecretRef,
  PairEvidence,
  RetireEvidence,
  RetireUser,
  SecretReference,
  SecretRef,
  UserLeftovers
} from './evidence.js'

export interface RetireOptions {
  /** ISO 8601: the clock of this run. */
  readonly now: string
  readonly evidenceDelayMs: number
  readonly gracePeriodMs: number
  readonly deleteKeys: boolean
  readonly deleteUser: boolean
  readonly deleteOrgSecrets: boolean
  readonly force: boolean
}

export type StepName = 'deactivate-key' | 'delete-secrets' | 'delete-key' | 'delete-user'
export const STEP_ORDER: readonly StepName[] = [
  'deactivate-key',
  'delete-secrets',
  'delete-key',
  'delete-user'
]

/** Why a step waits; it may run on a later run without anyone acting. */
export type WaitReason =
  | { readonly reason: 'evidence-delay'; readonly until: string }
  | { readonly reason: 'role-not-used'; readonly since: string }
  | {
      readonly reason: 'no-successful-run'
      readonly files: readonly string[]
      readonly since: string
    }
  | { readonly reason: 'grace-period'; readonly until: string }

/** Why a step is refused: someone must act (or the evidence must change). */
export type Refusal =
  | { readonly reason: 'not-merged'; readonly pullRequest: MigrationPullRequest }
  | { readonly reason: 'still-referenced'; readonly references: readonly SecretReference[] }
  | { readonly reason: 'key-used'; readonly lastUse: KeyLastUse; readonly since: string }
  | { readonly reason: 'ambiguous-key'; readonly keyEnd: string }
  | { readonly reason: 'no-secret-names' }
  | { readonly reason: 'deactivated-elsewhere' }
  | { readonly reason: 'user-leftovers'; readonly leftovers: UserLeftovers }

/** An organisation secret of the pair: deleted only when asked and no other repository sees it. */
export interface OrgSecretDecision {
  readonly secret: OrgSecretRef
  readonly delete: boolean
  /** Why it stays: not asked (`delete-org-secrets`), or other repositories see it. */
  readonly keep: 'not-asked' | 'shared' | 'unknown-visibility' | null
}

/** What a `do` step writes. */
export type StepWrites =
  | {
      readonly step: 'deactivate-key'
      readonly accessKeyId: string
      readonly userName: string
      readonly roleName: string
    }
  | {
      readonly step: 'delete-secrets'
      readonly secrets: readonly SecretRef[]
      readonly orgSecrets: readonly string[]
    }
  | { readonly step: 'delete-key'; readonly accessKeyId: string; readonly userName: string }
  | { readonly step: 'delete-user'; readonly user: RetireUser }

export type StepDecision =
  | { readonly step: StepName; readonly state: 'done' }
  | { readonly step: StepName; readonly state: 'do'; readonly writes: StepWrites }
  | {
      readonly step: StepName
      readonly state: 'waiting'
      /** The earliest time it can run, when one is known. */
      readonly until: string | null
      readonly because: readonly WaitReason[]
    }
  | { readonly step: StepName; readonly state: 'refused'; readonly because: readonly Refusal[] }
  | { readonly step: StepName; readonly state: 'blocked'; readonly by: StepName }
  | {
      readonly step: StepName
      readonly state: 'not-asked'
      readonly input: 'delete-keys' | 'delete-user'
    }

export interface PairRetirement {
  readonly evidence: PairEvidence
  /** The four steps in `STEP_ORDER`. */
  readonly steps: readonly StepDecision[]
  readonly orgSecrets: readonly OrgSecretDecision[]
  /** The evidence checks `force` skipped (for the warning heading the summary). */
  readonly forced: readonly (WaitReason | Refusal)[]
}

export interface RetirePlan {
  readonly repository: string
  readonly pullRequest: MigrationPullRequest
  readonly options: RetireOptions
  readonly pairs: readonly PairRetirement[]
}

/** Every pair's steps from the evidence at `options.now`. */
export function planRetirement(evidence: RetireEvidence, options: RetireOptions): RetirePlan {
  return {
    repository: evidence.repository,
    pullRequest: evidence.pullRequest,
    options,
    pairs: evidence.pairs.map((p) => planPair(p, evidence, options))
  }
}

/** The `do` steps of a plan, in order: what a cleanup run writes. */
export function retireWrites(plan: RetirePlan): StepWrites[] {
  return plan.pairs.flatMap((p) => p.steps.flatMap((s) => (s.state === 'do' ? [s.writes] : [])))
}

function planPair(p: PairEvidence, e: RetireEvidence, o: RetireOptions): PairRetirement {
  const forced: (WaitReason | Refusal)[] = []
  const orgSecrets = p.orgSecrets.map((s) => orgSecretDecision(s, e.repository, o))
  const deactivate = deactivateStep(p, e.pullRequest, o, forced)
  const secrets = after('delete-secrets', deactivate, () => secretsStep(p, orgSecrets))
  const key: StepDecision = o.deleteKeys
    ? after('delete-key', secrets, () => deleteKeyStep(p, deactivate, o, forced))
    : { step: 'delete-key', state: 'not-asked', input: 'delete-keys' }
  const user: StepDecision = o.deleteUser
    ? after('delete-user', key, () => deleteUserStep(p))
    : { step: 'delete-user', state: 'not-asked', input: 'delete-user' }
  return { evidence: p, steps: [deactivate, secrets, key, user], orgSecrets, forced }
}

/** A later step is planned only when the earlier one holds (done, or done by this run). */
function after(step: StepName, earlier: StepDecision, next: () => StepDecision): StepDecision {
  if (earlier.state === 'done' || earlier.state === 'do') return next()
  return { step, state: 'blocked', by: earlier.state === 'blocked' ? earlier.by : earlier.step }
}

/** The hard preconditions and the evidence that *T* (the merge) changed the workflows' keys. */
function deactivateStep(
  p: PairEvidence,
  pr: MigrationPullRequest,
  o: RetireOptions,
  forced: (WaitReason | Refusal)[]
): StepDecision {
  const step = 'deactivate-key'
  if (p.key === 'ambiguous') {
    return { step, state: 'refused', because: [{ reason: 'ambiguous-key', keyEnd: p.keyEnd }] }
  }
  if (p.key === null || p.key.status === 'Inactive') return { step, state: 'done' }
  const refusals: Refusal[] = []
  if (pr.state !== 'merged' || !pr.mergedAt) {
    return { step, state: 'refused', because: [{ reason: 'not-merged', pullRequest: pr }] }
  }
  const t = pr.mergedAt
  if (p.references.length > 0) {
    refusals.push({ reason: 'still-referenced', references: p.references })
  }
  const waits: WaitReason[] = []
  const evidenceFrom = plus(t, o.evidenceDelayMs)
  if (before(o.now, evidenceFrom)) waits.push({ reason: 'evidence-delay', until: evidenceFrom })
  if (!p.roleLastUsed || !isAfter(p.roleLastUsed, t))
    waits.push({ reason: 'role-not-used', since: t })
  const missing = p.workflows.filter(
    (file) => !p.runs.some((r) => r.file === file && isAfter(r.at, t))
  )
  if (missing.length > 0) waits.push({ reason: 'no-successful-run', files: missing, since: t })
  const lastUse = p.key.lastUse
  if (lastUse && isAfter(lastUse.at, t)) refusals.push({ reason: 'key-used', lastUse, since: t })
  // The hard refusals (references) stand even with force; the evidence is what force skips.
  const evidence = [...waits, ...refusals.filter((r) => r.reason === 'key-used')]
  if (o.force) forced.push(...evidence)
  const hard = refusals.filter((r) => r.reason !== 'key-used')
  const shownRefusals = o.force ? hard : refusals
  if (shownRefusals.length > 0) return { step, state: 'refused', because: shownRefusals }
  if (!o.force && waits.length > 0) return waiting(step, waits)
  return {
    step,
    state: 'do',
    writes: { step, accessKeyId: p.key.accessKeyId, userName: p.userName, roleName: p.roleName }
  }
}

function secretsStep(p: PairEvidence, org: readonly OrgSecretDecision[]): StepDecision {
  const step = 'delete-secrets'
  if (p.secretNames === null) {
    return { step, state: 'refused', because: [{ reason: 'no-secret-names' }] }
  }
  const orgDeletes = org.filter((s) => s.delete).map((s) => s.secret.name)
  if (p.secrets.length === 0 && orgDeletes.length === 0) return { step, state: 'done' }
  return { step, state: 'do', writes: { step, secrets: p.secrets, orgSecrets: orgDeletes } }
}

function deleteKeyStep(
  p: PairEvidence,
  deactivate: StepDecision,
  o: RetireOptions,
  forced: (WaitReason | Refusal)[]
): StepDecision {
  const step = 'delete-key'
  if (p.key === null) return { step, state: 'done' }
  if (p.key === 'ambiguous') {
    return { step, state: 'refused', because: [{ reason: 'ambiguous-key', keyEnd: p.keyEnd }] }
  }
  // Deactivated by this run: the grace period starts now.
  const since = deactivate.state === 'do' ? o.now : p.deactivatedAt
  if (since === null)
    return { step, state: 'refused', because: [{ reason: 'deactivated-elsewhere' }] }
  const until = plus(since, Math.max(o.gracePeriodMs, o.evidenceDelayMs))
  if (before(o.now, until)) return waiting(step, [{ reason: 'grace-period', until }])
  const lastUse = p.key.lastUse
  if (lastUse && isAfter(lastUse.at, since)) {
    const used: Refusal = { reason: 'key-used', lastUse, since }
    if (!o.force) return { step, state: 'refused', because: [used] }
    forced.push(used)
  }
  return {
    step,
    state: 'do',
    writes: { step, accessKeyId: p.key.accessKeyId, userName: p.userName }
  }
}

function deleteUserStep(p: PairEvidence): StepDecision {
  const step = 'delete-user'
  if (p.user === null) return { step, state: 'done' }
  const l = p.user.leftovers
  const empty =
    l.otherKeys.length === 0 &&
    !l.loginProfile &&
    l.mfaDevices === 0 &&
    l.signingCertificates === 0 &&
    l.sshPublicKeys === 0 &&
    l.serviceSpecificCredentials === 0 &&
    l.otherMigrations.length === 0
  if (!empty)
    return { step, state: 'refused', because: [{ reason: 'user-leftovers', leftovers: l }] }
  return { step, state: 'do', writes: { step, user: p.user } }
}

function orgSecretDecision(
  secret: OrgSecretRef,
  repository: string,
  o: RetireOptions
): OrgSecretDecision {
  if (!o.deleteOrgSecrets) return { secret, delete: false, keep: 'not-asked' }
  if (secret.repositories === null) return { secret, delete: false, keep: 'unknown-visibility' }
  const others = secret.repositories.filter((r) => r.toLowerCase() !== repository.toLowerCase())
  if (secret.visibility !== 'selected' || others.length > 0) {
    return { secret, delete: false, keep: 'shared' }
  }
  return { secret, delete: true, keep: null }
}

function waiting(step: StepName, because: readonly WaitReason[]): StepDecision {
  const times = because.flatMap((w) => ('until' in w ? [w.until] : []))
  // Only a wait every reason of which has a time has a known end.
  const until = times.length === because.length ? ([...times].sort().at(-1) ?? null) : null
  return { step, state: 'waiting', until, because }
}

function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString()
}

function before(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b)
}

/** `a` strictly after `b`. */
function isAfter(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b)
}
