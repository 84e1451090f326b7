/**
 * Where a job needs AWS credentials after its static keys go, and the configure-aws-credentials
 * steps that provide them. The steps of a job are walked in order: each step that needs a key
 * pair's identity (step env keys, a docker login to ECR, or every step that is not a checkout or
 * setup step when the keys were in the job or workflow env) gets a new step before it, unless
 * the identity is already in force. Consecutive steps needing the same identity share one step.
 */
import { isScalar, type YAMLMap } from 'yaml'
import { newCacUses, type CacRef } from './action-pins.js'
import type { KeyPair } from '../findings.js'
import type { JobModel, StepModel } from './model.js'
import { scalarValue } from './model.js'
import { insertItemBefore, itemStyle, UnsupportedEdit, valueNode } from './yaml-edits.js'
import type { TextEdit } from './text-edits.js'
import { PLACEHOLDER_REGION } from './contract.js'

/** A key pair's identity after the rewrite: the role it assumes. */
export interface Identity {
  readonly pairKey: string
  readonly pair: KeyPair
  readonly arn: string
}

/** Why a step needs an identity. */
export interface StepNeed {
  readonly identity: Identity
  readonly source: 'step-env' | 'docker-login'
  /** A region the step itself shows (its env, or the ECR registry host), or null. */
  readonly region: string | null
}

/** What the job asks of the walk. */
export interface JobNeeds {
  readonly job: JobModel
  /** Keys that came from the job's or the workflow's env: every step that may use AWS needs them. */
  readonly ambient: { readonly identity: Identity } | null
  /** The region the job's or workflow's env sets (`${{ env.AWS_REGION }}`), or null. */
  readonly region: string | null
  /** Regions seen elsewhere in the file: per pair key (steps' own), then of existing steps. */
  readonly knownRegions: ReadonlyMap<string, string>
  readonly cacRegion: string | null
  readonly steps: ReadonlyMap<number, StepNeed>
  /**
   * configure-aws-credentials steps and what they leave in force: the pair key of a rewritten
   * non-chained step, or another identity (`role:...`, `step:N`) for chained or untouched ones.
   */
  readonly providers: ReadonlyMap<number, Identity | string>
}

export interface NewStep {
  readonly index: number
  readonly identity: Identity
  readonly region: string
  readonly ifText: string | null
  readonly regionMissing: boolean
}

const NO_AWS = /^actions\/(checkout|setup-[\w-]+)@/i

/** Steps that never use AWS credentials, so job-level keys are not needed before them. */
export function isNoAwsStep(step: StepModel): boolean {
  return step.uses !== null && NO_AWS.test(step.uses.trim())
}

/** Text in a step that shows it talks to AWS: the CLI, S3 URLs, SDKs, AWS deploy tools, ECR hosts, AWS_* variables. */
const AWS_TEXT =
  /\baws\s+[a-z0-9][\w-]*|s3:\/\/|\bboto(3|core)?\b|\bawscli\b|\b(sam|cdk|eksctl|copilot|serverless|sls|amplify|terraform|terragrunt|pulumi|chalice|zappa)\s+[a-z]|\.dkr\.ecr\.|public\.ecr\.aws|\$\{?AWS_[A-Z_]+|\benv\.AWS_[A-Z_]+|\baws-actions\/|amazonaws\.com/

/**
 * Whether a job shows that it uses AWS. Keys set in the workflow env reach every job; only the
 * jobs that show AWS use get a configure-aws-credentials step (a job that does not use AWS should
 * not start requesting OIDC tokens, which fail for pull requests from forks).
 */
export function showsAwsUse(job: JobModel): boolean {
  return job.stepModels.some((s) => AWS_TEXT.test(s.source))
}

/**
 * The configure-aws-credentials steps a job needs. Throws {@link UnsupportedEdit} when another
 * identity is in force where a new step would go: later steps would run under a different role
 * than before, which only a person can decide.
 */
export function planNewSteps(needs: JobNeeds, fallbackRegion: string | null): NewStep[] {
  const out: NewStep[] = []
  // The identity in force: a pair key, or `maybe:KEY` after a conditional step.
  let active: string | null = null
  // What steps without a need of their own ran under before the rewrite: the env keys, or the
  // last configure-aws-credentials step (an Identity when it can be assumed again).
  let inherited: Identity | string | null = needs.ambient?.identity ?? null
  let segment: Segment | null = null
  const close = (): void => {
    if (!segment) return
    const step = newStep(segment, needs, fallbackRegion)
    out.push(step)
    active = step.ifText === null ? step.identity.pairKey : `maybe:${step.identity.pairKey}`
    segment = null
  }
  const plain = (key: string | null): string | null => key?.replace(/^maybe:/, '') ?? null
  for (const step of needs.job.stepModels) {
    const provided = needs.providers.get(step.index)
    if (provided !== undefined) {
      close()
      const key = typeof provided === 'string' ? provided : provided.pairKey
      if (needs.ambient && key !== needs.ambient.identity.pairKey) {
        throw new UnsupportedEdit(
          `job ${needs.job.id} takes keys from env and also runs configure-aws-credentials for another identity; which one later steps use cannot be kept automatically`,
          step.map.range?.[0] ?? 0
        )
      }
      active = step.ifText === null ? key : `maybe:${key}`
      inherited = provided
      continue
    }
    const own = needs.steps.get(step.index) ?? null
    let identity = own?.identity ?? null
    if (!identity && inherited !== null && !isNoAwsStep(step)) {
      const key = typeof inherited === 'string' ? inherited : inherited.pairKey
      // Before the job's own configure-aws-credentials step for these keys, only steps that
      // show AWS use need them earlier (the job's author put the login where it is needed).
      if (nextProvider(needs, step.index) === key && !AWS_TEXT.test(step.source)) continue
      const current = segment ? segment.identity.pairKey : plain(active)
      if (current !== key) {
        if (typeof inherited === 'string') {
          throw new UnsupportedEdit(
            `job ${needs.job.id}: step ${step.index + 1} ran with the credentials of an earlier configure-aws-credentials step, which a new step before it would replace`,
            step.map.range?.[0] ?? 0
          )
        }
        identity = inherited
      } else if (!segment) {
        continue
      }
    }
    if (!identity) continue
    if (segment?.identity.pairKey === identity.pairKey) {
      segment.needs.push(own)
      segment.steps.push(step)
      continue
    }
    close()
    if (active === identity.pairKey) continue
    segment = { start: step.index, identity, needs: [own], steps: [step] }
  }
  close()
  return out
}

/** The identity key of the first configure-aws-credentials step after `index`, or null. */
function nextProvider(needs: JobNeeds, index: number): string | null {
  for (const s of needs.job.stepModels) {
    if (s.index <= index) continue
    const p = needs.providers.get(s.index)
    if (p !== undefined) return typeof p === 'string' ? p : p.pairKey
  }
  return null
}

interface Segment {
  readonly start: number
  readonly identity: Identity
  /** Per step: its own need, or null when it needs the job's ambient keys. */
  readonly needs: (StepNeed | null)[]
  readonly steps: StepModel[]
}

function newStep(segment: Segment, needs: JobNeeds, fallbackRegion: string | null): NewStep {
  // Copy the steps' `if:` only when every step of the segment has its own need and the same condition.
  const ifs = new Set(segment.steps.map((s) => s.ifText))
  const ifText = segment.needs.every((n) => n !== null) && ifs.size === 1 ? [...ifs][0]! : null
  const own = segment.needs.filter((n): n is StepNeed => n !== null)
  const region =
    own.find((n) => n.source === 'docker-login' && n.region)?.region ??
    own.find((n) => n.region)?.region ??
    needs.region ??
    needs.knownRegions.get(segment.identity.pairKey) ??
    needs.cacRegion ??
    fallbackRegion
  return {
    index: segment.start,
    identity: segment.identity,
    region: region ?? PLACEHOLDER_REGION,
    ifText,
    regionMissing: region === null
  }
}

/** Rendering settings for a new step. */
export interface StepRender {
  readonly cacRef: CacRef
  /** Pin new steps by SHA (when the file pins its actions by SHA and a SHA is known). */
  readonly preferSha: boolean
  /** Indentation unit of nested maps in this file. */
  readonly unit: number
}

/** The text edit inserting one new configure-aws-credentials step. */
export function insertCacStep(
  text: string,
  job: JobModel,
  step: NewStep,
  render: StepRender
): TextEdit {
  if (!job.steps) throw new UnsupportedEdit(`job ${job.id} has no steps list`, 0)
  const style = itemStyle(text, job.steps, step.index)
  const pin = newCacUses(render.cacRef, render.preferSha)
  const pad = ' '.repeat(render.unit)
  const lines = [
    'name: Configure AWS credentials',
    ...(step.ifText !== null ? [`if: ${step.ifText}`] : []),
    `uses: ${pin.uses}${pin.comment ? ` # ${pin.comment}` : ''}`,
    'with:',
    `${pad}role-to-assume: ${yamlScalar(step.identity.arn)}`,
    `${pad}aws-region: ${yamlScalar(step.region)}`
  ]
  return insertItemBefore(text, job.steps, step.index, lines, style)
}

/** A value as a plain YAML scalar when that reads back as the same string, else single-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    value.trim() === value &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|[\n\r\t]/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(
      value
    )
  return plain || value.startsWith('${{') ? value : `'${value.replace(/'/g, "''")}'`
}

/** The region a map of env entries sets (`AWS_REGION`, else `AWS_DEFAULT_REGION`), as its text. */
export function regionIn(map: YAMLMap | null): { name: string; value: string } | null {
  if (!map) return null
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === name)
    if (!pair) continue
    const value = scalarValue(valueNode(pair as never))
    if (value !== null && value.trim() !== '') return { name, value }
  }
  return null
}
