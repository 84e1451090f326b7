/**
 * The edits of single nodes: a configure-aws-credentials step losing its key inputs and gaining
 * `role-to-assume` (and moving to v6 in the same pinning style), env entries going, a docker login
 * to ECR losing its username/password, a reusable workflow's key secrets becoming optional, a
 * caller no longer passing them.
 */
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml'
import { cacPinFor, isVersionComment, type CacRef } from './action-pins.js'
import { lineEnd, lineStart, type TextEdit } from './text-edits.js'
import { referencesIn } from '../expressions.js'
import { COMMIT_SHA } from '../../formats.js'
import { ecrRegion } from '../scan/hints.js'
import { STANDARD_ENV } from '../key-names.js'
import { get, scalarValue, type Held, type StepModel } from './model.js'
import {
  indent,
  keyString,
  pairStart,
  pairValueEnd,
  removeEntries,
  replaceScalar,
  UnsupportedEdit,
  valueNode,
  type AnyPair
} from './yaml-edits.js'
import { insertLinesBefore } from './text-edits.js'
import { yamlScalar } from './steps.js'

export const CAC_KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']

/** The secret names an expression value references (`${{ secrets.X }}`). */
export function secretsOf(node: Node | null): string[] {
  const text = scalarValue(node)
  return text === null ? [] : referencesIn(text).secrets.map((s) => s.name)
}

/**
 * A configure-aws-credentials step: the key inputs go; `role-to-assume: ARN` takes the place of
 * the first one unless the step already names a role (role chaining keeps it).
 */
export function cacStepEdits(
  text: string,
  step: StepModel,
  arn: string | null,
  converted: ReadonlyMap<AnyPair, string> = new Map()
): TextEdit[] {
  const withMap = step.with?.map
  if (!withMap || !step.with) {
    throw new UnsupportedEdit('a configure-aws-credentials step without a with: map', 0)
  }
  const keys = withMap.items.filter((p) =>
    CAC_KEY_INPUTS.includes(keyString(p as AnyPair) ?? '')
  ) as AnyPair[]
  if (keys.length === 0) return []
  const role = arn === null ? null : `role-to-assume: ${yamlScalar(arn)}`
  if (withMap.flow) {
    const items: string[] = []
    let placed = false
    for (const p of withMap.items as AnyPair[]) {
      if (keys.includes(p)) {
        if (role && !placed) items.push(role)
        placed = true
        continue
      }
      items.push(converted.get(p) ?? text.slice(pairStart(p), pairValueEnd(p)))
    }
    const [start, end] = [withMap.range![0], withMap.range![1]]
    const inner = text.slice(start + 1, end - 1)
    if (inner.includes('\n'))
      throw new UnsupportedEdit('a with: flow map over several lines', start)
    const pad = inner.startsWith(' ') ? ' ' : ''
    return [{ start, end, text: `{${pad}${items.join(', ')}${pad}}` }]
  }
  const edits = removeEntries(text, withMap, keys, null)
  if (role) {
    const first = keys[0]!
    const at = pairStart(first)
    edits.unshift(insertLinesBefore(text, at, indent([role], at - lineStart(text, at))))
  }
  return edits
}

/** The `uses:` of a rewritten configure-aws-credentials step, moved to v6 in the same pin style. */
export function cacPinEdits(
  text: string,
  step: StepModel,
  target: CacRef
): {
  edits: TextEdit[]
  from: string
  fromComment: string | null
  to: string
  toTag: boolean
} | null {
  const node = step.usesNode
  if (!isScalar(node) || !node.range || step.uses === null) return null
  const [start, valueEnd] = [node.range[0], node.range[1]]
  const source = text.slice(start, valueEnd)
  const at = source.lastIndexOf('@')
  if (at < 0) return null
  const quote = source.startsWith('"') || source.startsWith("'") ? 1 : 0
  const refStart = start + at + 1
  const refEnd = valueEnd - quote
  const eol = lineEnd(text, valueEnd)
  // The first '#' of the rest of the line, not searched past it (a file can be large).
  const inLine = text.slice(valueEnd, eol).indexOf('#')
  const hash = inLine < 0 ? -1 : valueEnd + inLine
  const comment = hash >= 0 && hash < eol ? text.slice(hash, eol).trimEnd() : null
  const versionComment = comment !== null && isVersionComment(comment) ? comment : null
  const current = versionComment === null ? null : versionComment.replace(/^#\s*(pin@)?/i, '')
  const pin = cacPinFor(step.uses, target, current)
  if (!pin.changed) return null
  const newRef = pin.uses.slice(pin.uses.lastIndexOf('@') + 1)
  const edits: TextEdit[] = [{ start: refStart, end: refEnd, text: newRef }]
  if (pin.comment !== null) {
    if (versionComment !== null) {
      edits.push({ start: hash, end: hash + versionComment.length, text: `# ${pin.comment}` })
    } else if (comment === null) {
      edits.push({ start: valueEnd, end: valueEnd, text: ` # ${pin.comment}` })
    }
  } else if (versionComment !== null && COMMIT_SHA.test(text.slice(refStart, refEnd))) {
    // SHA -> tag (offline): the version comment described the SHA; drop it with its spaces.
    let from = hash
    while (from > valueEnd && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--
    edits.push({ start: from, end: hash + versionComment.length, text: '' })
  }
  return {
    edits,
    from: step.uses.trim(),
    fromComment: current,
    to: pin.uses,
    toTag: !('sha' in target) || pin.comment === null
  }
}

/** The entries of an env map that set the runner's keys from the pair's secrets. */
export function keyEnvEntries(env: Held, secrets: readonly string[]): AnyPair[] {
  if (!env.map) return []
  return (env.map.items as AnyPair[]).filter((p) => {
    const name = keyString(p)
    if (name === null || !(name in STANDARD_ENV)) return false
    const refs = secretsOf(valueNode(p))
    return refs.length > 0 && refs.every((r) => secrets.includes(r))
  })
}

/** Removes entries from a held map (the holder goes when none remain). */
export function removeHeld(text: string, held: Held, remove: readonly AnyPair[]): TextEdit[] {
  if (!held.map) throw new UnsupportedEdit('a value that is not a map', pairStart(held.pair))
  return removeEntries(text, held.map, remove, held.pair, held.parent)
}

/**
 * A docker/login-action step logging in to ECR with the pair as username/password: the two
 * inputs go (the action then uses the ambient AWS credentials). Null when the step is not that.
 */
export function dockerLoginEdits(
  text: string,
  step: StepModel,
  secrets: { id: string; secret: string }
): { edits: TextEdit[]; region: string } | null {
  if (!step.uses || !/^docker\/login-action@/i.test(step.uses.trim()) || !step.with?.map)
    return null
  const map = step.with.map
  const registry = get(map, 'registry')
  const region = ecrRegion(registry ? scalarValue(valueNode(registry)) : null)
  if (region === null) return null
  const user = get(map, 'username')
  const pass = get(map, 'password')
  if (!user || !pass) return null
  const [u, p] = [secretsOf(valueNode(user)), secretsOf(valueNode(pass))]
  if (u.length !== 1 || u[0] !== secrets.id || p.length !== 1 || p[0] !== secrets.secret)
    return null
  return { edits: removeEntries(text, map, [user, pass], step.with.pair, step.with.parent), region }
}

/** `required: true` of declared workflow_call secrets becomes `required: false`. */
export function optionalSecretEdits(
  callSecrets: YAMLMap,
  names: readonly string[]
): { edits: TextEdit[]; changed: string[]; offset: number } {
  const edits: TextEdit[] = []
  const changed: string[] = []
  let offset = 0
  for (const p of callSecrets.items as AnyPair[]) {
    const name = keyString(p)
    if (name === null || !names.includes(name)) continue
    const v = valueNode(p)
    if (!isMap(v)) continue
    const required = get(v, 'required')
    const value = required ? valueNode(required) : null
    if (!isScalar(value) || value.value !== true) continue
    edits.push(replaceScalar(value, 'false'))
    changed.push(name)
    offset = offset || pairStart(p)
  }
  return { edits, changed, offset }
}
