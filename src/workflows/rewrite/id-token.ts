/**
 * The text edits that give a job `id-token: write` (see `../permissions.ts` for which change):
 * upgrade or add the entry in the job's own map (block or flow), expand the job's `read-all`
 * into a block map (`write-all` already grants it and stays), or add a job-level block map before
 * the job's `steps:` (or the `uses:` of a reusable-workflow call). Each comes with the edit
 * recorded as data (`IdTokenEdit`); the words are the renderers'.
 */
import { isScalar } from 'yaml'
import type { PermissionsValue } from '../findings.js'
import { insertLinesAfter, type TextEdit } from './text-edits.js'
import {
  ID_TOKEN,
  idTokenChange,
  type IdTokenChange,
  type RepositoryDefault,
  type ScopeMap
} from '../permissions.js'
import type { EditFields, IdTokenEdit } from './contract.js'
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
  /** What changed, as data; null when nothing had to change. */
  readonly edit: EditFields<IdTokenEdit> | null
  /** Offset the edit is recorded at. */
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
  const context = {
    workflow: writtenPermissions(model.permissions),
    job: writtenPermissions(job.permissions)
  }
  const change = idTokenChange(context, repositoryDefault)
  switch (change.kind) {
    case 'none':
      return { edits: [], edit: null, offset: keyStart(job.pair) }
    case 'set-entry':
      return setEntry(model.text, job)
    case 'expand':
      return expandReadAll(model.text, job, change.scopes, unit)
    case 'add-job':
      return addJobBlock(model.text, job, change, repositoryDefault, unit)
  }
}

/** Upgrades the entry of the job's own map, or appends it. */
function setEntry(text: string, job: JobModel): PermissionsEdit {
  const map = job.permissions!.map!
  const existing = get(map, ID_TOKEN)
  const offset = keyStart(job.permissions!.pair)
  const about = { kind: 'id-token', job: job.id } as const
  if (existing) {
    const v = valueNode(existing)
    if (!v) throw new UnsupportedEdit('an empty id-token permission', offset)
    return {
      edits: [replaceScalar(v, 'write')],
      edit: { ...about, change: 'upgrade', from: String(isScalar(v) ? v.value : '') },
      offset
    }
  }
  return {
    edits: [appendEntries(text, map, [`${ID_TOKEN}: write`], [`${ID_TOKEN}: write`])],
    edit: { ...about, change: 'add-entry' },
    offset
  }
}

/** Replaces the job's `read-all` with the block map of the same meaning plus the entry. */
function expandReadAll(
  text: string,
  job: JobModel,
  scopes: ScopeMap,
  unit: number
): PermissionsEdit {
  const pair = job.permissions!.pair
  const value = job.permissions!.value!
  const key = pair.key
  const keyEnd = isScalar(key) ? (key.range?.[1] ?? 0) : 0
  const colon = text.indexOf(':', keyEnd)
  const column = isScalar(key) ? key.range![0] - text.lastIndexOf('\n', key.range![0] - 1) - 1 : 0
  const lines = indent(renderScopes(scopes), column + unit)
  return {
    edits: [
      { start: colon + 1, end: pairValueEnd(pair), text: '' },
      insertLinesAfter(text, value.range![1] - 1, lines)
    ],
    edit: { kind: 'id-token', job: job.id, change: 'expand', from: 'read-all', scopes },
    offset: keyStart(pair)
  }
}

/** Adds a job-level block map before the job's `steps:` (or `uses:`). */
function addJobBlock(
  text: string,
  job: JobModel,
  change: Extract<IdTokenChange, { kind: 'add-job' }>,
  repositoryDefault: RepositoryDefault,
  unit: number
): PermissionsEdit {
  const jobStart = keyStart(job.pair)
  const anchor = (job.stepsPair ?? job.usesPair) as AnyPair | null
  if (!anchor) throw new UnsupportedEdit(`job ${job.id} has neither steps nor uses`, jobStart)
  const index = job.map.items.indexOf(anchor as never)
  const after = index > 0 ? (job.map.items[index - 1] as AnyPair) : null
  const lines = ['permissions:', ...indent(renderScopes(change.scopes), unit)]
  const about = { kind: 'id-token', job: job.id, change: 'add-block' } as const
  const { scopes } = change
  return {
    edits: [insertEntries(text, job.map, lines, after, anchor)],
    edit:
      change.from === 'workflow'
        ? { ...about, from: 'workflow', scopes }
        : { ...about, from: 'repository-default', repositoryDefault, scopes },
    offset: jobStart
  }
}

/** Where a pair's key starts in the text (0 when it has none). */
function keyStart(pair: { readonly key: unknown }): number {
  return isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0
}

function renderScopes(scopes: ScopeMap): string[] {
  return Object.entries(scopes).map(([scope, level]) => `${scope}: ${level}`)
}
