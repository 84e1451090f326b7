/**
 * Plans the editable files of one rewrite in rounds: called workflows settle their outcome, and
 * a file is planned again only when the outcome of a workflow it calls changed. A called workflow
 * whose caller stays as it is is held (`callers.ts`) and everything is planned again, until no
 * more is held.
 */
import type { Finding, WorkflowFile } from '../findings.js'
import { scanWorkflows } from '../scan/scan.js'
import { localCallee } from '../scan/sites.js'
import { calleesToHold, heldFollowUps } from './callers.js'
import type { CallerHold } from './contract.js'
import { planFile, type CalleeOutcome, type FileContext, type FilePlan } from './file.js'
import type { FileModel } from './model.js'

/** The files the rewrite may edit, and their models. */
export interface FileModels {
  readonly editable: ReadonlySet<string>
  /** Files calling a reusable workflow of the repository, with their models (kept: read often). */
  readonly callers: ReadonlyMap<string, FileModel | null>
  get(file: WorkflowFile): FileModel | null
}

/**
 * Plans every editable file; `keep` are the files that stay as they are (path -> why), which a
 * called workflow then follows.
 */
export function planFiles(
  files: readonly WorkflowFile[],
  byFile: ReadonlyMap<string, readonly Finding[]>,
  models: FileModels,
  contextOf: (file: string) => Omit<FileContext, 'callee'>,
  keep: ReadonlyMap<string, string>
): Map<string, FilePlan> {
  const held = new Map<string, CallerHold>()
  for (;;) {
    const plans = planRounds(files, byFile, models, contextOf, held)
    const more = calleesToHold(
      models.callers,
      (file) => plans.get(file)?.outcome.assumesRole ?? false,
      (file) => keep.get(file) ?? plans.get(file)?.rejected ?? null
    )
    const added = [...more].filter(([file]) => !held.has(file))
    // Each round holds one more file at least: it ends within as many rounds as there are files.
    if (added.length === 0) return plans
    for (const [file, hold] of added) held.set(file, hold)
  }
}

/** A held called workflow: left as it was, its uses follow-ups naming the caller that holds it. */
function heldPlan(file: WorkflowFile, own: readonly Finding[], hold: CallerHold): FilePlan {
  return {
    after: file.text,
    edits: [],
    followUps: heldFollowUps(own, hold),
    roles: [],
    migrated: [],
    outcome: { assumesRole: false, released: new Set(), held: hold },
    usedTagForSha: false,
    regionsMissing: [],
    rejected: `held: job ${hold.job} of ${hold.caller} stays as it is`
  }
}

/** The workflows of the repository each caller calls. */
function callGraph(callers: ReadonlyMap<string, FileModel | null>): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>()
  for (const [p, model] of callers) {
    const targets = new Set<string>()
    for (const job of model?.jobs.values() ?? []) {
      const target = job.calls === null ? null : localCallee(job.calls)
      if (target !== null) targets.add(target)
    }
    calls.set(p, targets)
  }
  return calls
}

/**
 * Plans every editable file. Called workflows first settle their outcome; a file is planned
 * again only when the outcome of a workflow it calls changed.
 */
function planRounds(
  files: readonly WorkflowFile[],
  byFile: ReadonlyMap<string, readonly Finding[]>,
  models: FileModels,
  contextOf: (file: string) => Omit<FileContext, 'callee'>,
  held: ReadonlyMap<string, CallerHold>
): Map<string, FilePlan> {
  const outcomes = new Map<string, CalleeOutcome>()
  const plans = new Map<string, FilePlan>()
  const calls = callGraph(models.callers)
  const callee = (uses: string): CalleeOutcome | null => {
    const target = localCallee(uses)
    return target === null ? null : (outcomes.get(target) ?? null)
  }
  let pending = new Set(models.editable)
  for (let round = 0; round <= files.length && pending.size > 0; round++) {
    const changed = new Set<string>()
    for (const file of files) {
      if (!pending.has(file.path)) continue
      const own = byFile.get(file.path) ?? []
      const ctx = { ...contextOf(file.path), callee }
      const hold = held.get(file.path)
      const plan = hold
        ? heldPlan(file, own, hold)
        : checked(file, own, planFile(file.path, file.text, models.get(file), own, ctx))
      plans.set(file.path, plan)
      if (!sameOutcome(outcomes.get(file.path), plan.outcome)) {
        outcomes.set(file.path, plan.outcome)
        changed.add(file.path)
      }
    }
    pending = new Set(
      [...calls]
        .filter(
          ([p, targets]) => models.editable.has(p) && [...targets].some((t) => changed.has(t))
        )
        .map(([p]) => p)
    )
  }
  return plans
}

/**
 * Re-scans a rewritten file: it must parse, and for every finding kind and set of secrets hold
 * no more findings than before minus those migrated (secrets, not pairs: alone, the file cannot
 * complete a pair from the other files). Otherwise the file stays as it was.
 */
function checked(file: WorkflowFile, before: readonly Finding[], plan: FilePlan): FilePlan {
  if (plan.after === file.text) return plan
  const rescan = scanWorkflows([{ path: file.path, text: plan.after }])
  const key = (f: Finding): string => `${f.kind}|${f.secrets.join(',')}`
  const budget = new Map<string, number>()
  for (const f of before) budget.set(key(f), (budget.get(key(f)) ?? 0) + 1)
  for (const f of plan.migrated) budget.set(key(f), (budget.get(key(f)) ?? 0) - 1)
  let left: Finding | null = null
  for (const f of rescan.findings) {
    const n = (budget.get(key(f)) ?? 0) - 1
    budget.set(key(f), n)
    if (n < 0 || f.migration === 'automatic') left ??= f
  }
  const problem =
    rescan.errors[0]?.message ??
    (left ? `the rewritten file still has ${left.kind} keys at line ${left.line}` : null)
  if (problem === null) return plan
  const reason = `Not rewritten: ${problem}; the file is left as it was.`
  return {
    ...plan,
    after: file.text,
    edits: [],
    roles: [],
    migrated: [],
    regionsMissing: [],
    outcome: { assumesRole: false, released: new Set() },
    followUps: [
      ...plan.migrated.map((f) => ({
        file: f.file,
        line: f.line,
        reason: `The static keys ${f.secrets.join(' and ')} stay: this file could not be rewritten (${problem}); migrate this use by hand.`,
        kind: f.kind
      })),
      // Follow-ups the rewrite raised itself (regions, callers) no longer apply.
      ...plan.followUps.filter((u) => u.kind !== null),
      { file: file.path, line: 1, reason, kind: null }
    ].sort((a, b) => a.line - b.line),
    rejected: reason
  }
}

function sameOutcome(a: CalleeOutcome | undefined, b: CalleeOutcome): boolean {
  if ((a?.held ?? null) !== (b.held ?? null)) return false
  const aRole = a?.assumesRole ?? false
  const aReleased = a?.released ?? new Set<string>()
  return (
    aRole === b.assumesRole &&
    aReleased.size === b.released.size &&
    [...b.released].every((s) => aReleased.has(s))
  )
}
