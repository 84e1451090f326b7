/**
 * Rewrites one file from its findings: every automatic finding becomes edits, the rest become
 * follow-ups. Either every edit applies and the result parses, or the file is left as it was and
 * the findings it would have migrated become follow-ups saying why.
 */
import { applyEdits } from './text-edits.js'
import { SHA_PINNED_USES } from '../../formats.js'
import type { Finding } from '../findings.js'
import { pairSecrets } from '../key-names.js'
import { finish } from './jobs.js'
import { lineOf, type FileModel, type Held } from './model.js'
import { cacInputs } from './cac-inputs.js'
import {
  cacPinEdits,
  cacStepEdits,
  dockerLoginEdits,
  keyEnvEntries,
  optionalSecretEdits,
  secretsOf
} from './nodes.js'
import { regionIn, showsAwsUse } from './steps.js'
import { callerOfHeldFollowUp } from './callers.js'
import type { FollowUp, RewriteEdit } from './contract.js'
import {
  capital,
  followUp,
  jobOf,
  manualByStep,
  needsOf,
  recordEdit,
  stepKey,
  type CalleeOutcome,
  type FileContext,
  type RoleUse,
  type Work
} from './work.js'
import { keyString, pairStart, UnsupportedEdit, valueNode, type AnyPair } from './yaml-edits.js'

export type { CalleeOutcome, FileContext, RoleUse } from './work.js'

export interface FilePlan {
  readonly after: string
  readonly edits: RewriteEdit[]
  readonly followUps: FollowUp[]
  readonly roles: RoleUse[]
  /** Findings migrated (for the re-scan check). */
  readonly migrated: Finding[]
  readonly outcome: CalleeOutcome
  readonly usedTagForSha: boolean
  /** Lines (original file) of new steps written with the placeholder region. */
  readonly regionsMissing: readonly number[]
  /** Set when the file was left as it was although it had findings to migrate. */
  readonly rejected: string | null
}

export function planFile(
  path: string,
  text: string,
  model: FileModel | null,
  findings: readonly Finding[],
  ctx: FileContext
): FilePlan {
  const unchanged = (followUps: FollowUp[], rejected: string | null): FilePlan => ({
    after: text,
    edits: [],
    followUps,
    roles: [],
    migrated: [],
    outcome: { assumesRole: false, released: new Set() },
    usedTagForSha: false,
    regionsMissing: [],
    rejected
  })
  if (!model) return unchanged(findings.filter((f) => f.kind !== 'non-aws').map(followUp), null)
  const work: Work = {
    model,
    ctx,
    findings,
    manualByStep: manualByStep(findings),
    edits: [],
    recorded: [],
    followUps: [],
    roles: [],
    migrated: [],
    needs: new Map(),
    envRemovals: new Map(),
    idToken: new Set(),
    usedTagForSha: false,
    regionsMissing: []
  }
  try {
    for (const f of findings) classify(work, f)
    const released = releasedSecrets(work, findings)
    const assumesRole = finish(work)
    const after = applyEdits(text, work.edits)
    return {
      after,
      edits: work.recorded.sort((a, b) => a.line - b.line),
      followUps: work.followUps,
      roles: work.roles,
      migrated: work.migrated,
      outcome: { assumesRole, released },
      usedTagForSha: work.usedTagForSha,
      regionsMissing: work.regionsMissing,
      rejected: null
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const offset = error instanceof UnsupportedEdit ? error.offset : 0
    const rejected = `not rewritten: ${why}; the file is left as it was`
    const ups = findings
      .filter((f) => f.kind !== 'non-aws')
      .map((f) =>
        f.migration === 'automatic'
          ? {
              ...followUp(f),
              reason: `The static keys ${f.secrets.join(' and ')} stay: this file could not be rewritten (${why}); migrate this use by hand.`
            }
          : followUp(f)
      )
    ups.push({
      file: path,
      line: offset > 0 ? lineOf(model, offset) : 1,
      reason: `${capital(rejected)}.`,
      kind: null
    })
    return unchanged(ups, rejected)
  }
}

/** Whether two findings are about the same key material (they share a secret of their pairs). */
function sharesKeys(a: Finding, b: Finding): boolean {
  const names = pairSecrets(b.pair)
  return [...a.secrets, ...pairSecrets(a.pair)].some((s) => names.includes(s))
}

/**
 * Turns one finding into edits and needs, or a follow-up. Only automatic findings are rewritten
 * (the scanner marks exactly what this rewrite does); a declared workflow_call secret is decided
 * once the file's other findings are.
 */
function classify(work: Work, f: Finding): void {
  const p = f.path
  if (f.kind === 'non-aws') return
  if (f.kind === 'reusable-workflow-secret') return
  if (f.migration === 'automatic') {
    if (f.kind === 'configure-aws-credentials' && p[0] === 'jobs') return cacStep(work, f)
    if (f.kind === 'env') return envKeys(work, f)
    if (f.kind === 'action-input' && p[0] === 'jobs' && dockerLogin(work, f)) return
    if (f.kind === 'reusable-workflow-caller' || f.kind === 'reusable-workflow-inherit') {
      if (caller(work, f)) return
      const calls = jobOf(work, f).calls
      const held = calls ? work.ctx.callee(calls)?.held : undefined
      if (calls && held) return void work.followUps.push(callerOfHeldFollowUp(f, calls, held))
    }
  }
  work.followUps.push(followUp(f))
}

function cacStep(work: Work, f: Finding): void {
  const job = jobOf(work, f)
  const step = job.stepModels.find((s) => s.index === f.path[3])
  if (!step) throw new UnsupportedEdit(`step ${String(f.path[3])} of job ${job.id} not found`, 0)
  const chained = f.roleToAssume !== null
  // Role chaining: the keys go only when the role they assume will trust GitHub.
  const chainArn = chained ? work.ctx.chainedRole(f.roleToAssume!) : null
  if (chained && chainArn === null) return void work.followUps.push(unknownChain(f))
  const identity = work.ctx.identity(f.pair, f.environment)
  const text = work.model.text
  const converted = cacInputs(work, job.id, step)
  work.edits.push(...cacStepEdits(text, step, chained ? null : identity.arn, converted))
  const at = step.with!.pair.key as { range?: [number, number, number] }
  recordEdit(work, at.range?.[0] ?? 0, {
    kind: 'role-to-assume',
    job: job.id,
    step: step.index,
    roleArn: chainArn ?? identity.arn,
    chained
  })
  const pin = cacPinEdits(text, step, work.ctx.cacRef)
  if (pin) {
    work.edits.push(...pin.edits)
    if (pin.toTag && SHA_PINNED_USES.test(pin.from)) work.usedTagForSha = true
    const { from, to, fromComment } = pin
    recordEdit(work, step.usesNode!.range![0], {
      kind: 'action-pin',
      job: job.id,
      step: step.index,
      from,
      to,
      fromComment
    })
  }
  needsOf(work, job.id).providers.set(step.index, chainArn ? `role:${chainArn}` : identity)
  work.idToken.add(job.id)
  work.roles.push(
    chainArn
      ? { identity: { ...identity, arn: chainArn }, chained: true }
      : { identity, chained: false }
  )
  work.migrated.push(f)
}

/** A step chaining onto a role given by an expression no one resolved: its keys stay. */
function unknownChain(f: Finding): FollowUp {
  return {
    ...followUp(f),
    reason: `configure-aws-credentials uses the keys ${f.secrets.join(' and ')} only to assume the role in role-to-assume (${f.roleToAssume ?? ''}), which is not a literal role ARN: that role trusts the IAM user, not GitHub, so the keys stay. Write the role's ARN in role-to-assume (the migration then makes it trust GitHub), or run mode: migrate, which looks for the role among those trusting the key's IAM user.`
  }
}

function envKeys(work: Work, f: Finding): void {
  const p = f.path
  const identity = work.ctx.identity(f.pair, f.environment)
  const secrets = pairSecrets(f.pair)
  const model = work.model
  let held: Held | null
  if (p.length === 2 && p[0] === 'env') {
    held = model.env
    const unused: string[] = []
    for (const job of model.jobs.values()) {
      if (!job.steps) continue
      if (job.env?.map && job.env.map.items.some((e) => keyString(e as AnyPair) === p[1])) continue
      if (!showsAwsUse(job)) {
        unused.push(job.id)
        continue
      }
      const n = needsOf(work, job.id)
      n.ambient ??= { identity }
    }
    if (unused.length > 0) {
      work.followUps.push({
        file: model.path,
        line: f.line,
        reason:
          unused.length === 1
            ? `The workflow env gave the keys ${secrets.join(' and ')} to every job; job ${unused[0]} shows no AWS use and gets no configure-aws-credentials step: add one if it needs AWS.`
            : `The workflow env gave the keys ${secrets.join(' and ')} to every job; the jobs ${unused.join(', ')} show no AWS use and get no configure-aws-credentials step: add one to any of them that needs AWS.`,
        kind: null
      })
    }
  } else if (p.length === 4 && p[0] === 'jobs' && p[2] === 'env') {
    const job = jobOf(work, f)
    held = job.env
    needsOf(work, job.id).ambient = { identity }
  } else if (p.length === 6 && p[0] === 'jobs' && p[2] === 'steps' && p[4] === 'env') {
    const job = jobOf(work, f)
    const step = job.stepModels.find((s) => s.index === p[3])
    if (!step) throw new UnsupportedEdit(`step ${String(p[3])} of job ${job.id} not found`, 0)
    held = step.env
    const prefix = stepKey(['jobs', job.id, 'steps', step.index])!
    const other = work.manualByStep.get(prefix)?.find((g) => sharesKeys(g, f))
    if (other) {
      throw new UnsupportedEdit(
        `job ${job.id} step ${step.index + 1} also uses the keys by hand (line ${other.line}); its env keys cannot go alone`,
        step.map.range?.[0] ?? 0
      )
    }
    const region = regionIn(step.env?.map ?? null)
    needsOf(work, job.id).steps.set(step.index, {
      identity,
      source: 'step-env',
      region: region?.value ?? null
    })
  } else {
    throw new UnsupportedEdit(`keys in env at ${p.join('.')}`, 0)
  }
  if (!held) throw new UnsupportedEdit(`env map at ${p.join('.')} not found`, 0)
  const entries = keyEnvEntries(held, secrets)
  if (entries.length === 0)
    throw new UnsupportedEdit(`no key entries found in env at ${p.join('.')}`, 0)
  const list = work.envRemovals.get(held) ?? []
  list.push(...entries.filter((e) => !list.includes(e)))
  work.envRemovals.set(held, list)
  recordEdit(work, pairStart(entries[0]!), {
    kind: 'env-removed',
    job: p.length === 2 ? null : String(p[1]),
    step: p.length === 6 ? Number(p[3]) : null,
    names: entries.map((e) => keyString(e) ?? '')
  })
  work.roles.push({ identity, chained: false })
  work.migrated.push(f)
}

function dockerLogin(work: Work, f: Finding): boolean {
  const job = jobOf(work, f)
  const step = job.stepModels.find((s) => s.index === f.path[3])
  const { accessKeyId: id, secretAccessKey: secret } = f.pair
  if (!step || id === null || secret === null || f.secrets.some((s) => s !== id && s !== secret)) {
    return false
  }
  const login = dockerLoginEdits(work.model.text, step, { id, secret })
  if (!login) return false
  const identity = work.ctx.identity(f.pair, f.environment)
  work.edits.push(...login.edits)
  needsOf(work, job.id).steps.set(step.index, {
    identity,
    source: 'docker-login',
    region: login.region
  })
  work.idToken.add(job.id)
  recordEdit(work, pairStart(step.with!.pair), {
    kind: 'docker-login',
    job: job.id,
    step: step.index
  })
  work.roles.push({ identity, chained: false })
  work.migrated.push(f)
  return true
}

function caller(work: Work, f: Finding): boolean {
  const job = jobOf(work, f)
  const outcome = job.calls ? work.ctx.callee(job.calls) : null
  if (!outcome?.assumesRole) return false
  if (f.kind === 'reusable-workflow-caller') {
    const secrets = pairSecrets(f.pair)
    const entries = (job.secrets?.map?.items ?? []).filter((e) => {
      const name = keyString(e as AnyPair)
      const refs = secretsOf(valueNode(e as AnyPair))
      return (
        name !== null &&
        outcome.released.has(name) &&
        refs.length > 0 &&
        refs.every((r) => secrets.includes(r))
      )
    }) as AnyPair[]
    if (entries.length === 0) return false
    const list = work.envRemovals.get(job.secrets!) ?? []
    list.push(...entries.filter((e) => !list.includes(e)))
    work.envRemovals.set(job.secrets!, list)
    recordEdit(work, pairStart(entries[0]!), {
      kind: 'secrets-not-passed',
      job: job.id,
      secrets: entries.map((e) => keyString(e) ?? ''),
      workflow: job.calls!
    })
  }
  work.idToken.add(job.id)
  work.migrated.push(f)
  return true
}

/**
 * Declared workflow_call secrets of a pair whose every use in this file was migrated: made
 * optional, and callers may stop passing them. Pairs with a use left to a person stay as they are.
 */
function releasedSecrets(work: Work, findings: readonly Finding[]): Set<string> {
  const released = new Set<string>()
  const declared = work.model.callSecrets
  for (const f of findings) {
    if (f.kind !== 'reusable-workflow-secret') continue
    const names = pairSecrets(f.pair)
    const users = findings.filter(
      (g) =>
        g !== f && g.kind !== 'reusable-workflow-secret' && g.secrets.some((s) => names.includes(s))
    )
    if (
      f.migration !== 'automatic' ||
      !declared ||
      users.length === 0 ||
      !users.every((g) => work.migrated.includes(g))
    ) {
      work.followUps.push(followUp(f))
      continue
    }
    const { edits, changed, offset } = optionalSecretEdits(declared, names)
    work.edits.push(...edits)
    if (changed.length > 0) {
      recordEdit(work, offset, { kind: 'secrets-optional', secrets: changed })
    }
    for (const n of names) released.add(n)
    work.migrated.push(f)
  }
  return released
}
