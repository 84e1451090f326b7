/**
 * The parts of one parsed workflow the rewriter edits, with their nodes: workflow `env`,
 * `permissions`, triggers, and per job its map, `env`, `permissions`, `steps` (each step's
 * `uses`, `if`, `env`, `with`), and reusable-workflow `uses`/`secrets`. Read-only; the text edits
 * are made elsewhere from these nodes' source ranges.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq
} from 'yaml'
import { keyString, UnsupportedEdit, valueNode, type AnyPair } from './yaml-edits.js'
import { lineAt, lineStarts, type LineStarts } from '../lines.js'

/** A map held by an entry of its parent (`env:`, `with:`, `permissions:`, `secrets:`). */
export interface Held {
  readonly pair: AnyPair
  /** The map holding the entry. */
  readonly parent: YAMLMap
  /** The value: a map, a scalar (`read-all`, `inherit`), or null when empty. */
  readonly value: Node | null
  readonly map: YAMLMap | null
}

export interface StepModel {
  readonly index: number
  readonly map: YAMLMap
  readonly uses: string | null
  readonly usesNode: Node | null
  /** The `if:` value's source text, or null. */
  readonly ifText: string | null
  readonly env: Held | null
  readonly with: Held | null
  readonly name: string | null
  /** The step's source text (for telling whether it uses AWS). */
  readonly source: string
}

export interface JobModel {
  readonly id: string
  readonly pair: AnyPair
  readonly map: YAMLMap
  readonly env: Held | null
  readonly permissions: Held | null
  readonly stepsPair: AnyPair | null
  readonly steps: YAMLSeq | null
  readonly stepModels: readonly StepModel[]
  /** `uses:` of a job calling a reusable workflow. */
  readonly usesPair: AnyPair | null
  readonly calls: string | null
  readonly secrets: Held | null
}

export interface FileModel {
  readonly path: string
  readonly text: string
  readonly doc: Document.Parsed
  readonly root: YAMLMap
  readonly env: Held | null
  readonly permissions: Held | null
  readonly triggers: readonly string[]
  /** `on.workflow_call.secrets` map, if any. */
  readonly callSecrets: YAMLMap | null
  /** Offset of the `workflow_call` trigger (0 when none). */
  readonly callOffset: number
  readonly jobs: ReadonlyMap<string, JobModel>
  readonly composite: boolean
  /** Where the text's lines start (`lineOf`). */
  readonly lines: LineStarts
}

/** The model of a workflow text; `doc`, when given, is that text already parsed (by the scan). */
export function parseModel(
  path: string,
  text: string,
  doc: Document.Parsed = parseDocument(text)
): FileModel | null {
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null
  const root = doc.contents as YAMLMap
  const jobs = new Map<string, JobModel>()
  const jobsMap = mapOf(get(root, 'jobs'))
  for (const pair of jobsMap?.items ?? []) {
    const id = keyString(pair)
    const map = mapOf(pair)
    if (id === null || !map) continue
    jobs.set(id, jobModel(text, id, pair, map))
  }
  const on = get(root, 'on') ?? get(root, 'true')
  const onValue = on ? valueNode(on) : null
  const triggers = isScalar(onValue)
    ? [String(onValue.value)]
    : isSeq(onValue)
      ? onValue.items.map((i) => (isScalar(i) ? String(i.value) : '')).filter((t) => t !== '')
      : isMap(onValue)
        ? onValue.items.map((p) => keyString(p) ?? '').filter((t) => t !== '')
        : []
  const callPair = isMap(onValue) ? get(onValue, 'workflow_call') : undefined
  const call = mapOf(callPair)
  return {
    path,
    text,
    doc,
    root,
    env: held(root, 'env'),
    permissions: held(root, 'permissions'),
    triggers,
    callSecrets: call ? mapOf(get(call, 'secrets')) : null,
    callOffset: isScalar(callPair?.key) ? (callPair.key.range?.[0] ?? 0) : 0,
    jobs,
    composite: !jobsMap && get(root, 'runs') !== undefined,
    lines: lineStarts(text)
  }
}

function jobModel(text: string, id: string, pair: AnyPair, map: YAMLMap): JobModel {
  const stepsPair = get(map, 'steps') ?? null
  const stepsNode = stepsPair ? valueNode(stepsPair) : null
  const steps = isSeq(stepsNode) ? stepsNode : null
  const stepModels: StepModel[] = []
  steps?.items.forEach((item, index) => {
    if (!isMap(item)) return
    const usesPair = get(item, 'uses')
    const usesNode = usesPair ? valueNode(usesPair) : null
    const ifPair = get(item, 'if')
    const ifNode = ifPair ? valueNode(ifPair) : null
    const nameNode = get(item, 'name')
    stepModels.push({
      index,
      map: item,
      uses: isScalar(usesNode) ? String(usesNode.value) : null,
      usesNode,
      ifText: isScalar(ifNode) ? (ifNode.source ?? String(ifNode.value)) : null,
      env: held(item, 'env'),
      with: held(item, 'with'),
      name: nameNode && isScalar(nameNode.value) ? String(nameNode.value.value) : null,
      source: item.range ? text.slice(item.range[0], item.range[1]) : ''
    })
  })
  const usesPair = get(map, 'uses') ?? null
  const usesNode = usesPair ? valueNode(usesPair) : null
  return {
    id,
    pair,
    map,
    env: held(map, 'env'),
    permissions: held(map, 'permissions'),
    stepsPair,
    steps,
    stepModels,
    usesPair,
    calls: isScalar(usesNode) ? String(usesNode.value) : null,
    secrets: held(map, 'secrets')
  }
}

/** The entry of a map with this key (no `<<` merges: merged entries are never edited). */
export function get(map: YAMLMap, key: string): AnyPair | undefined {
  return map.items.find((p) => keyString(p) === key) as AnyPair | undefined
}

function mapOf(pair: AnyPair | undefined): YAMLMap | null {
  const v = pair ? valueNode(pair) : null
  return isMap(v) ? v : null
}

function held(parent: YAMLMap, key: string): Held | null {
  const pair = get(parent, key)
  if (!pair) return null
  const value = valueNode(pair)
  return { pair, parent, value, map: isMap(value) ? value : null }
}

/** Throws when a node to edit is an alias or carries an anchor (the edit would reach other places). */
export function assertUnshared(node: unknown, what: string): void {
  if (isAlias(node)) throw new UnsupportedEdit(`${what} is a YAML alias`, aliasOffset(node))
  if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor !== undefined) {
    throw new UnsupportedEdit(`${what} carries a YAML anchor`, node.range?.[0] ?? 0)
  }
}

function aliasOffset(node: unknown): number {
  return isAlias(node) ? (node.range?.[0] ?? 0) : 0
}

/** The text of a scalar value (the expression as written), or null. */
export function scalarValue(node: Node | null): string | null {
  if (!isScalar(node)) return null
  const v = node.value
  return v === null || v === undefined ? null : String(v)
}

/** 1-based line of an offset (a line break counts to the line it ends). */
export function lineOf(model: FileModel, offset: number): number {
  return lineAt(model.lines, offset)
}
