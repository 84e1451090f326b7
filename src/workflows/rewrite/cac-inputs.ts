/**
 * The inputs of a configure-aws-credentials step moved to v6. v6 reads its boolean inputs with
 * `core.getBooleanInput`, which takes only the YAML 1.2 booleans (`true`/`True`/`TRUE`,
 * `false`/...): a step of v1–v5 written with `mask-aws-account-id: no` or
 * `role-skip-session-tagging: yes` would fail. Such values are converted to `true`/`false` on the
 * steps the rewrite touches. An input that v6 does not declare is named in a follow-up (the
 * runner warns about it and the action ignores it).
 *
 * The lists are those of v6's action.yml as its README documents it (aws-actions/
 * configure-aws-credentials, options list of v6.1.0). No input of v1–v5 was renamed or dropped
 * in v6: the older releases' inputs are all still declared.
 */
import { isScalar } from 'yaml'
import type { TextEdit } from './text-edits.js'
import { lineOf, type StepModel } from './model.js'
import { recordEdit, type Work } from './work.js'
import { keyString, pairStart, replaceScalar, valueNode, type AnyPair } from './yaml-edits.js'

/** The boolean inputs of v6. */
export const CAC_V6_BOOLEAN_INPUTS: ReadonlySet<string> = new Set([
  'mask-aws-account-id',
  'role-chaining',
  'role-skip-session-tagging',
  'output-credentials',
  'output-env-credentials',
  'unset-current-credentials',
  'disable-retry',
  'special-characters-workaround',
  'use-existing-credentials',
  'force-skip-oidc',
  'overwrite-aws-profile'
])

/** Every input v6 declares. */
export const CAC_V6_INPUTS: ReadonlySet<string> = new Set([
  ...CAC_V6_BOOLEAN_INPUTS,
  'aws-region',
  'aws-profile',
  'role-to-assume',
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
  'web-identity-token-file',
  'audience',
  'http-proxy',
  'role-duration-seconds',
  'role-external-id',
  'role-session-name',
  'transitive-tag-keys',
  'inline-session-policy',
  'managed-session-policies',
  'retry-max-attempts',
  'allowed-account-ids',
  'action-timeout-s'
])

/** YAML 1.1 spellings of a boolean that v6 refuses, and what they meant. */
const OLD_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['on', true],
  ['y', true],
  ['no', false],
  ['off', false],
  ['n', false]
])

/** One boolean input whose value was rewritten. */
export interface BooleanConversion {
  readonly input: string
  /** The value as written (without quotes), e.g. `no`. */
  readonly from: string
  readonly to: 'true' | 'false'
}

/** Entries of a `with:` map written again: the pair -> its new `key: value` text. */
export type ConvertedEntries = ReadonlyMap<AnyPair, string>

export interface CacInputChanges {
  readonly edits: TextEdit[]
  readonly entries: Map<AnyPair, string>
  readonly converted: BooleanConversion[]
  /** Inputs of the step that v6 does not declare, with the offset of each. */
  readonly unknown: { readonly input: string; readonly offset: number }[]
}

/** The value v6 needs for a boolean written as `value`, or null when it reads it already. */
export function v6Boolean(value: string): 'true' | 'false' | null {
  if (value === 'true' || value === 'false') return null
  const lower = value.toLowerCase()
  if (lower === 'true' || lower === 'false') return lower
  const old = OLD_BOOLEANS.get(lower)
  return old === undefined ? null : old ? 'true' : 'false'
}

/** The conversions and unknown inputs of a step's `with:` map. */
export function cacInputEdits(text: string, step: StepModel): CacInputChanges {
  const out: CacInputChanges = { edits: [], entries: new Map(), converted: [], unknown: [] }
  for (const p of (step.with?.map?.items ?? []) as AnyPair[]) {
    const input = keyString(p)
    if (input === null) continue
    const key = p.key as { range?: [number, number, number] } | null
    if (!CAC_V6_INPUTS.has(input)) {
      out.unknown.push({ input, offset: key?.range?.[0] ?? 0 })
      continue
    }
    if (!CAC_V6_BOOLEAN_INPUTS.has(input)) continue
    const value = valueNode(p)
    if (!isScalar(value) || value.value === null || !value.range) continue
    // As written: `True` is a boolean to the parser, a string to v6.
    const source = text.slice(value.range[0], value.range[1])
    const written = /^(['"]).*\1$/s.test(source) ? source.slice(1, -1) : source
    const to = v6Boolean(written)
    if (to === null) continue
    out.edits.push(replaceScalar(value, to))
    out.entries.set(p, `${text.slice(pairStart(p), value.range[0])}${to}`)
    out.converted.push({ input, from: written, to })
  }
  return out
}

/** v6's boolean inputs written the YAML 1.1 way become `true`/`false`; inputs v6 lacks are named. */
export function cacInputs(work: Work, job: string, step: StepModel): ConvertedEntries {
  const changes = cacInputEdits(work.model.text, step)
  // A flow map is written again whole by `cacStepEdits`: it takes the converted entries instead.
  const flow = step.with?.map?.flow === true
  if (!flow) work.edits.push(...changes.edits)
  if (changes.converted.length > 0) {
    const at = step.with!.pair.key as { range?: [number, number, number] }
    recordEdit(work, at.range?.[0] ?? 0, {
      kind: 'cac-inputs',
      job,
      step: step.index,
      converted: changes.converted
    })
  }
  for (const u of changes.unknown) {
    work.followUps.push({
      file: work.model.path,
      line: lineOf(work.model, u.offset),
      reason: `configure-aws-credentials v6 has no input ${u.input} (job ${job}, step ${step.index + 1}): the runner warns about it and the action ignores it; remove it, or replace it with the v6 input it stood for.`,
      kind: null
    })
  }
  return flow ? changes.entries : new Map()
}
