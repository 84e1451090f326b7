/**
 * The text edits that give a job `id-token: write` (see `../permissions.ts` for which change):
 * upgrade or add the entry in the job's own map (block or flow), expand the job's `read-all`
 * into a block map (`write-all` already grants it and stays), or add a job-level block map before
 * the job's `steps:` (or the `uses:` of a reusable-workflow call).
 */
import { isScalar } from 'yaml'
import type { PermissionsValue } from '../findings.js'
import { insertLinesAfter, type TextEdit } from './text-edits.js'
import { ID_TOKEN, idTokenChange, type RepositoryDefault, type ScopeMap } from '../permissions.js'
import { get, type FileModel, type JobModel } from './model.js'
import {
  appendEntries,
  indent,
  insertEntries,
  keyString,
  pairValueEnd,
  replaceScalar,
  UnsupportedEdit,
  valueNode,
  type AnyPair
} from './yaml-edits.js'

export interface PermissionsEdit {
  readonly edits: readonly TextEdit[]
  /** What changed, for people; null when nothing had to change. */
  readonly description: string | null
  /** Offset the description refers to. */
  readonly offset: number
}

/** The permissions as written at a level (`read-all`, a map), null when absent. */
export function writtenPermissions(held: FileModel['permissions']): PermissionsValue | null {
  if (!held) return null
  const v = held.value
  const at = isScalar(held.pair.key) ? (held.pair.key.range?.[0] ?? 0) : 0
  if (isScalar(v) && v.value !== null) {
    const s = String(v.value)
    if (s === 'read-all' || s === 'write-all') return s
    throw new UnsupportedEdit(
      `permissions: '${s}' is not read-all, write-all or a map`,
      v.range?.[0] ?? 0
    )
  }
  if (!held.map) throw new UnsupportedEdit('a permissions: entry that is empty or not a map', at)
  const out: Record<string, string> = {}
  for (const p of held.map.items) {
    const k = keyString(p as AnyPair)
    const val = valueNode(p as AnyPair)
    if (k !== null && isScalar(val)) out[k] = String(val.value)
  }
  return out
}

/** The edits that give `job` `id-token: write`, or none when its effective permissions have it. */
export function idTokenEdits(
  model: FileModel,
  job: JobModel,
  repositoryDefault: RepositoryDefault,
  unit: number
): PermissionsEdit {
  const text = model.text
  const context = {
    workflow: writtenPermissions(model.permissions),
    job: writtenPermissions(job.permissions)
  }
  const change = idTokenChange(context, repositoryDefault)
  const jobStart = job.pair.key && isScalar(job.pair.key) ? (job.pair.key.range?.[0] ?? 0) : 0
  switch (change.kind) {
    case 'none':
      return { edits: [], description: null, offset: jobStart }
    case 'set-entry': {
      const map = job.permissions!.map!
      const existing = get(map, ID_TOKEN)
      const at = job.permissions!.pair.key
      const offset = isScalar(at) ? (at.range?.[0] ?? 0) : 0
      if (existing) {
        const v = valueNode(existing)
        if (!v) throw new UnsupportedEdit('an empty id-token permission', offset)
        return {
          edits: [replaceScalar(v, 'write')],
          description: `job ${job.id}: permissions id-token ${String(isScalar(v) ? v.value : '')} -> write`,
          offset
        }
      }
      return {
        edits: [appendEntries(text, map, [`${ID_TOKEN}: write`], [`${ID_TOKEN}: write`])],
        description: `job ${job.id}: permissions gain id-token: write`,
        offset
      }
    }
    case 'expand': {
      const pair = job.permissions!.pair
      const value = job.permissions!.value!
      const key = pair.key
      const keyEnd = isScalar(key) ? (key.range?.[1] ?? 0) : 0
      const colon = text.indexOf(':', keyEnd)
      const column = isScalar(key)
        ? key.range![0] - text.lastIndexOf('\n', key.range![0] - 1) - 1
        : 0
      const lines = indent(renderScopes(change.scopes), column + unit)
      return {
        edits: [
          { start: colon + 1, end: pairValueEnd(pair), text: '' },
          insertLinesAfter(text, value.range![1] - 1, lines)
        ],
        description: `job ${job.id}: permissions ${change.from} written out as a map with id-token: write`,
        offset: key && isScalar(key) ? (key.range?.[0] ?? 0) : 0
      }
    }
    case 'add-job': {
      const anchor = (job.stepsPair ?? job.usesPair) as AnyPair | null
      if (!anchor) throw new UnsupportedEdit(`job ${job.id} has neither steps nor uses`, jobStart)
      const index = job.map.items.indexOf(anchor as never)
      const after = index > 0 ? (job.map.items[index - 1] as AnyPair) : null
      const lines = ['permissions:', ...indent(renderScopes(change.scopes), unit)]
      const from =
        change.from === 'workflow'
          ? 'a copy of the workflow permissions'
          : `the repository default (${repositoryDefault})`
      return {
        edits: [insertEntries(text, job.map, lines, after, anchor)],
        description: `job ${job.id}: permissions added: ${from} plus id-token: write`,
        offset: jobStart
      }
    }
  }
}

function renderScopes(scopes: ScopeMap): string[] {
  return Object.entries(scopes).map(([scope, level]) => `${scope}: ${level}`)
}
