/**
 * Reading a workflow's `on:` into {@link Trigger}s: string, list or map form; the key may be
 * written `on`, `'on'`, `"on"` or parsed as boolean `true` (YAML 1.1 readers).
 */
import type { Trigger } from '../findings.js'
import { entries, entry, items, scalarText, type Reached, type Source } from './yaml-nodes.js'

/** The `on:` entry of the workflow root (also a `true:` key). */
export function onEntry(src: Source, root: Reached): Reached | undefined {
  return entry(src, root, 'on') ?? entry(src, root, 'true')
}

export function readTriggers(src: Source, root: Reached): Trigger[] {
  const on = onEntry(src, root)
  if (!on) return []
  const single = scalarText(on.node)
  if (single !== null) return [bare(single)]
  const list = items(src, on)
  if (list.length > 0) {
    return list
      .map((i) => scalarText(i.node))
      .filter((e): e is string => e !== null)
      .map(bare)
  }
  return entries(src, on).map((e) => ({
    event: e.key,
    branches: filter(src, e, 'branches'),
    branchesIgnore: filter(src, e, 'branches-ignore'),
    tags: filter(src, e, 'tags'),
    tagsIgnore: filter(src, e, 'tags-ignore'),
    types: filter(src, e, 'types')
  }))
}

function bare(event: string): Trigger {
  return { event, branches: null, branchesIgnore: null, tags: null, tagsIgnore: null, types: null }
}

/** A filter as a list (a single string becomes a one-element list); null when absent. */
function filter(src: Source, event: Reached, name: string): string[] | null {
  const f = entry(src, event, name)
  if (!f) return null
  const one = scalarText(f.node)
  if (one !== null) return [one]
  return items(src, f)
    .map((i) => scalarText(i.node))
    .filter((s): s is string => s !== null)
}
