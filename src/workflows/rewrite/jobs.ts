/**
 * The job-level part of a file's rewrite: env entries removed, new configure-aws-credentials
 * steps where jobs need them (with a region found in the file when possible), and
 * `id-token: write` for every job that now requests an OIDC token.
 */
import { insertCacStep, planNewSteps, regionIn, type JobNeeds } from './steps.js'
import { removeHeld } from './nodes.js'
import {
  get,
  lineOf,
  scalarValue,
  type FileModel,
  type Held,
  type JobModel,
  type StepModel
} from './model.js'
import { idTokenEdits } from './id-token.js'
import { recordEdit, type Work } from './work.js'
import { pairStart, valueNode, type AnyPair } from './yaml-edits.js'
import { SHA_PINNED_USES } from '../../formats.js'

/**
 * New configure-aws-credentials steps, env removals and permissions, job by job. Returns whether
 * any job now requests an OIDC token.
 */
const CAC_USES = /^aws-actions\/configure-aws-credentials@/i

export function finish(work: Work): boolean {
  const { model, ctx } = work
  const text = model.text
  for (const [held, entries] of work.envRemovals)
    work.edits.push(...removeHeld(text, held, entries))
  // Every in-repo caller of a reusable workflow that now assumes a role needs id-token: write.
  for (const job of model.jobs.values()) {
    if (job.calls && ctx.callee(job.calls)?.assumesRole) work.idToken.add(job.id)
  }
  const fileUnit = indentUnit(model)
  const preferSha = pinsBySha(model)
  // File-wide facts, computed once per file rather than once per job.
  const fileRegion = fileCacRegion(model)
  let units: ((job: JobModel) => number | null) | null = null
  const nestedUnit = (job: JobModel): number | null => (units ??= nestedUnits(model))(job)
  const knownRegions = new Map<string, string>()
  for (const n of work.needs.values()) {
    for (const need of n.steps.values()) {
      if (need.region && !need.region.includes('${{')) {
        if (!knownRegions.has(need.identity.pairKey))
          knownRegions.set(need.identity.pairKey, need.region)
      }
    }
  }
  for (const [id, n] of work.needs) {
    const job = model.jobs.get(id)!
    // configure-aws-credentials steps left as they are (OIDC already) also set credentials.
    for (const s of job.stepModels) {
      if (!n.providers.has(s.index) && s.uses && CAC_USES.test(s.uses.trim())) {
        n.providers.set(s.index, `step:${s.index + 1}`)
      }
    }
    const scopeRegion = regionIn(job.env?.map ?? null) ?? regionIn(model.env?.map ?? null)
    const needs: JobNeeds = {
      job,
      ambient: n.ambient,
      region: scopeRegion ? `\${{ env.${scopeRegion.name} }}` : null,
      knownRegions,
      cacRegion: cacRegion(job, fileRegion),
      steps: n.steps,
      providers: n.providers
    }
    const added = planNewSteps(needs, ctx.region)
    const unit = nestedUnit(job) ?? fileUnit
    if (added.length > 0 || n.providers.size > 0) work.idToken.add(id)
    for (const step of added) {
      work.edits.push(insertCacStep(text, job, step, { cacRef: ctx.cacRef, preferSha, unit }))
      if (preferSha && !('sha' in ctx.cacRef)) work.usedTagForSha = true
      const at = job.stepModels.find((s) => s.index === step.index)!.map.range![0]
      recordEdit(work, at, {
        kind: 'cac-step-added',
        job: id,
        before: step.index,
        roleArn: step.identity.arn,
        region: step.region,
        if: step.ifText
      })
      if (step.regionMissing) {
        work.regionsMissing.push(lineOf(model, at))
        work.followUps.push({
          file: model.path,
          line: lineOf(model, at),
          reason: `The new configure-aws-credentials step of job ${id} has no region: replace ${step.region} with the AWS region (or pass --region).`,
          kind: null
        })
      }
    }
  }
  const callOnly = model.triggers.length > 0 && model.triggers.every((t) => t === 'workflow_call')
  if (work.idToken.size > 0 && model.triggers.includes('workflow_call')) {
    work.followUps.push({
      file: model.path,
      line: model.callOffset > 0 ? lineOf(model, model.callOffset) : 1,
      reason:
        'This reusable workflow now requests an OIDC token: every calling job needs id-token: write. This pull request changes it only together with every caller in this repository; callers in other repositories are never updated by it: give their calling jobs id-token: write before merging.',
      kind: null
    })
  }
  for (const id of work.idToken) {
    const job = model.jobs.get(id)!
    // A called workflow without permissions runs with its caller's: the callers get the entry.
    if (callOnly && !model.permissions && !job.permissions) continue
    const change = idTokenEdits(model, job, ctx.repositoryDefault, nestedUnit(job) ?? fileUnit)
    work.edits.push(...change.edits)
    if (change.edit) recordEdit(work, change.offset, change.edit)
  }
  return work.idToken.size > 0
}

/**
 * The `aws-region` of the configure-aws-credentials steps of the job, else of the file, when
 * they all agree (an expression only from the same job: it may read job-level context).
 */
function cacRegion(job: JobModel, fileRegion: string | null): string | null {
  const own = cacRegions(job.stepModels)
  if (own.size === 1) return [...own][0]!
  if (own.size > 1) return null
  return fileRegion
}

/** The `aws-region` all configure-aws-credentials steps of the file agree on, when literal. */
function fileCacRegion(model: FileModel): string | null {
  const all = cacRegions([...model.jobs.values()].flatMap((j) => j.stepModels))
  const only = [...all][0]
  return all.size === 1 && only !== undefined && !only.includes('${{') ? only : null
}

function cacRegions(steps: readonly StepModel[]): Set<string> {
  const out = new Set<string>()
  for (const s of steps) {
    if (!s.uses || !CAC_USES.test(s.uses.trim())) continue
    const pair = s.with?.map ? get(s.with.map, 'aws-region') : undefined
    const value = pair ? scalarValue(valueNode(pair)) : null
    if (value) out.add(value)
  }
  return out
}

/** The indentation step of nested maps (job keys relative to job ids), default 2. */
function indentUnit(model: FileModel): number {
  for (const job of model.jobs.values()) {
    const first = job.map.items[0] as AnyPair | undefined
    const key = job.pair.key as { range?: [number, number, number] } | null
    if (!first || job.map.flow || !key?.range) continue
    const col = (o: number): number => o - model.text.lastIndexOf('\n', o - 1) - 1
    const unit = col(pairStart(first)) - col(key.range[0])
    if (unit > 0) return unit
  }
  return 2
}

/**
 * The indentation of maps nested under a key as a job writes them (`permissions:`, `env:`,
 * `secrets:`, a step's `with:` or `env:`), else as the workflow's and the other jobs' do; null
 * when the file has none (the job keys' unit is used). Each job's own unit is read once per file.
 */
function nestedUnits(model: FileModel): (job: JobModel) => number | null {
  const first = (helds: readonly (Held | null)[]): number | null => {
    for (const held of helds) {
      const unit = held ? heldUnit(model.text, held) : null
      if (unit !== null) return unit
    }
    return null
  }
  const own = new Map<JobModel, number | null>()
  for (const j of model.jobs.values()) {
    own.set(
      j,
      first([j.permissions, j.env, j.secrets, ...j.stepModels.flatMap((s) => [s.with, s.env])])
    )
  }
  const workflow = first([model.permissions, model.env])
  // The first two jobs with a unit: another job's is the first unless that is the job itself.
  const [a, b] = [...own].filter(([, unit]) => unit !== null)
  return (job) => own.get(job) ?? workflow ?? (a && a[0] !== job ? a[1] : (b?.[1] ?? null))
}

/** How far a block map's first entry is indented from the key that holds it. */
function heldUnit(text: string, held: Held): number | null {
  const first = held.map?.items[0] as AnyPair | undefined
  const key = held.pair.key as { range?: [number, number, number] } | null
  if (!first || !held.map || held.map.flow || !key?.range) return null
  const col = (o: number): number => o - text.lastIndexOf('\n', o - 1) - 1
  const unit = col(pairStart(first)) - col(key.range[0])
  return unit > 0 ? unit : null
}

/** Whether most remote actions of the file are pinned by commit SHA. */
function pinsBySha(model: FileModel): boolean {
  let sha = 0
  let other = 0
  for (const job of model.jobs.values()) {
    for (const s of job.stepModels) {
      if (!s.uses || s.uses.startsWith('./') || s.uses.startsWith('docker://')) continue
      if (SHA_PINNED_USES.test(s.uses.trim())) sha++
      else other++
    }
  }
  return sha > other
}
