/**
 * What a job declares that later stages need, read as written: its `environment` name and the
 * `permissions:` values of the workflow and of the job.
 */
import type { PermissionsValue } from '../findings.js'
import { entries, entry, items, scalarText, type Reached, type Source } from './yaml-nodes.js'

/** The job's environment: `environment: NAME` or `environment: {name: NAME}`; null when none. */
export function readEnvironment(src: Source, job: Reached): string | null {
  const env = entry(src, job, 'environment')
  if (!env) return null
  const direct = scalarText(env.node)
  if (direct !== null) return direct
  const name = entry(src, env, 'name')
  return name ? scalarText(name.node) : null
}

/** A `permissions:` value of a map (workflow root or job); null when absent. */
export function readPermissions(src: Source, owner: Reached): PermissionsValue | null {
  const p = entry(src, owner, 'permissions')
  if (!p) return null
  const text = scalarText(p.node)
  if (text === 'read-all' || text === 'write-all') return text
  const scopes: Record<string, string> = {}
  for (const e of entries(src, p)) {
    const v = scalarText(e.node)
    if (v !== null) scopes[e.key] = v
  }
  return scopes
}

/** Scalar values of `strategy.matrix` by name, from its lists and its `include` entries. */
export function matrixValues(src: Source, job: Reached): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const strategy = entry(src, job, 'strategy')
  const matrix = strategy ? entry(src, strategy, 'matrix') : undefined
  const add = (name: string, value: unknown): void => {
    const t = scalarText(value)
    if (t === null) return
    const list = out.get(name) ?? []
    if (!list.includes(t)) list.push(t)
    out.set(name, list)
  }
  for (const e of matrix ? entries(src, matrix) : []) {
    const rows = items(src, e)
    if (e.key === 'include' || e.key === 'exclude') {
      if (e.key === 'exclude') continue
      for (const row of rows) for (const cell of entries(src, row)) add(cell.key, cell.node)
    } else {
      for (const row of rows) add(e.key, row.node)
    }
  }
  return out
}
