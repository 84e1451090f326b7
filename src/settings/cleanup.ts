/**
 * The inputs of `mode: cleanup`, validated once (the values come from
 * `src/inputs.ts`, which reads every input; defaults live in action.yml only).
 */
import type { ActionInput } from '../action-inputs.js'
import { InputError } from '../errors.js'

export interface CleanupSettings {
  readonly deleteKeys: boolean
  /** `grace-period` in milliseconds. */
  readonly gracePeriodMs: number
  /** `evidence-delay` in milliseconds. */
  readonly evidenceDelayMs: number
  readonly deleteUser: boolean
  readonly deleteOrgSecrets: boolean
  readonly force: boolean
  /** Rollback: delete the roles this action created (`delete-role`). */
  readonly deleteRole: boolean
}

/** The raw inputs: durations as written, booleans as `src/inputs.ts` read them. */
export interface CleanupInputs {
  readonly deleteKeys: boolean
  readonly gracePeriod: string
  readonly evidenceDelay: string
  readonly deleteUser: boolean
  readonly deleteOrgSecrets: boolean
  readonly force: boolean
  readonly deleteRole?: boolean
}

/** How `src/inputs.ts` reads an input (its defaults from action.yml, its boolean messages). */
export interface InputReader {
  boolean(name: ActionInput): boolean
  text(name: ActionInput): string
}

export function readCleanupSettings(read: InputReader): CleanupSettings {
  return cleanupSettings({
    deleteKeys: read.boolean('delete-keys'),
    gracePeriod: read.text('grace-period'),
    evidenceDelay: read.text('evidence-delay'),
    deleteUser: read.boolean('delete-user'),
    deleteOrgSecrets: read.boolean('delete-org-secrets'),
    force: read.boolean('force'),
    deleteRole: read.boolean('delete-role')
  })
}

export function cleanupSettings(raw: CleanupInputs): CleanupSettings {
  return {
    deleteKeys: raw.deleteKeys,
    gracePeriodMs: duration('grace-period', raw.gracePeriod),
    evidenceDelayMs: duration('evidence-delay', raw.evidenceDelay),
    deleteUser: raw.deleteUser,
    deleteOrgSecrets: raw.deleteOrgSecrets,
    force: raw.force,
    deleteRole: raw.deleteRole ?? false
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000 }
/** Ten years: longer is a typo, and past it dates leave what IAM and GitHub store. */
const MAX_MS = 3650 * 86_400_000

/** `Nd`, `Nh` or `Nm` (whole N, 0 allowed) in milliseconds; anything else names the input. */
export function duration(input: string, raw: string): number {
  const m = /^(\d{1,7})([dhm])$/.exec(raw.trim())
  const ms = m && m[1] && m[2] ? Number(m[1]) * (UNIT_MS[m[2]] ?? NaN) : NaN
  if (!Number.isFinite(ms) || ms > MAX_MS) {
    throw new InputError(
      input,
      `'${raw.trim()}' is not a duration; use a whole number of days, hours or minutes: e.g. 7d, 4h, 30m (at most 3650d)`
    )
  }
  return ms
}
