/**
 * A small HCL writer (pure) whose output is what `terraform fmt` leaves: two spaces per level,
 * and the `=` of consecutive one-line attributes aligned. That is hclwrite's rule
 * (hashicorp/hcl `hclwrite/format.go`, `formatCells`): a line is in an alignment chain when it
 * assigns a value that opens no bracket it does not close; any other line (a block header, a
 * value spanning lines, a closing bracket, a blank line) ends the chain.
 */

/** An expression written as is (a reference such as `aws_iam_role.deploy.name`). */
export class HclRaw {
  constructor(readonly raw: string) {}
}

/** `name(argument)`, e.g. `jsonencode({...})`. Classes, so that no object key is mistaken for one. */
export class HclCall {
  constructor(
    readonly call: string,
    readonly argument: HclValue
  ) {}
}

export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclRaw
  | HclCall
  | readonly HclValue[]
  | { readonly [key: string]: HclValue }

export interface HclAttribute {
  readonly kind: 'attribute'
  readonly name: string
  readonly value: HclValue
}

export interface HclBlock {
  readonly kind: 'block'
  readonly type: string
  readonly labels: readonly string[]
  readonly body: readonly HclItem[]
}

/** A blank line between groups of a block's items. */
export interface HclBlank {
  readonly kind: 'blank'
}

export type HclItem = HclAttribute | HclBlock | HclBlank

export const blank: HclBlank = { kind: 'blank' }

export function attribute(name: string, value: HclValue): HclAttribute {
  return { kind: 'attribute', name, value }
}

export function block(type: string, labels: readonly string[], body: readonly HclItem[]): HclBlock {
  return { kind: 'block', type, labels, body }
}

export function raw(expression: string): HclRaw {
  return new HclRaw(expression)
}

export function call(name: string, argument: HclValue): HclCall {
  return new HclCall(name, argument)
}

/** A file of top-level blocks, one blank line between them, ending in a newline. */
export function renderHcl(blocks: readonly HclBlock[]): string {
  return `${blocks.map((b) => align(blockLines(b, 0)).join('\n')).join('\n\n')}\n`
}

/** One output line: its indent, the part before `=` (when it is an alignable assignment), the rest. */
interface Line {
  readonly indent: number
  readonly lead: string
  /** `= value` of a one-line assignment; null for any other line. */
  readonly assign: string | null
}

function align(lines: readonly Line[]): string[] {
  const out: string[] = []
  let chain: Line[] = []
  const flush = (): void => {
    const width = Math.max(0, ...chain.map((l) => l.lead.length))
    for (const l of chain) out.push(`${pad(l.indent)}${l.lead.padEnd(width)} ${l.assign ?? ''}`)
    chain = []
  }
  for (const line of lines) {
    if (line.assign !== null) {
      chain.push(line)
      continue
    }
    flush()
    out.push(line.lead === '' ? '' : `${pad(line.indent)}${line.lead}`)
  }
  flush()
  return out
}

function pad(indent: number): string {
  return '  '.repeat(indent)
}

function blockLines(b: HclBlock, indent: number): Line[] {
  const header = [b.type, ...b.labels.map(quote)].join(' ')
  if (b.body.length === 0) return [{ indent, lead: `${header} {}`, assign: null }]
  return [
    { indent, lead: `${header} {`, assign: null },
    ...b.body.flatMap((item) => itemLines(item, indent + 1)),
    { indent, lead: '}', assign: null }
  ]
}

function itemLines(item: HclItem, indent: number): Line[] {
  switch (item.kind) {
    case 'blank':
      return [{ indent: 0, lead: '', assign: null }]
    case 'block':
      return blockLines(item, indent)
    case 'attribute':
      return assignment(item.name, item.value, indent)
  }
}

/** `key = value`: one alignable line, or an opening line, the value's lines and a closing one. */
function assignment(key: string, value: HclValue, indent: number): Line[] {
  const inline = inlineValue(value)
  if (inline !== null) return [{ indent, lead: key, assign: `= ${inline}` }]
  const [open, inner, close] = multiline(value, indent)
  return [
    { indent, lead: `${key} = ${open}`, assign: null },
    ...inner,
    { indent, lead: close, assign: null }
  ]
}

/** The value on one line, or null when it spans lines (a non-empty object, a list of those). */
function inlineValue(value: HclValue): string | null {
  if (value === null) return 'null'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (isRaw(value)) return value.raw
  if (isCall(value)) {
    const argument = inlineValue(value.argument)
    return argument === null ? null : `${value.call}(${argument})`
  }
  if (isList(value)) {
    const items = value.map(inlineValue)
    if (items.some((i) => i === null || isComposite(value))) return null
    return `[${items.join(', ')}]`
  }
  return Object.keys(value).length === 0 ? '{}' : null
}

/** A list of lists or objects is written one element per line. */
function isComposite(list: readonly HclValue[]): boolean {
  return list.some((v) => v !== null && typeof v === 'object' && !isRaw(v))
}

/** The opening text, the inner lines and the closing text of a value spanning lines. */
function multiline(value: HclValue, indent: number): [string, Line[], string] {
  if (isCall(value)) {
    const [open, inner, close] = multiline(value.argument, indent)
    return [`${value.call}(${open}`, inner, `${close})`]
  }
  if (isList(value)) {
    const inner = value.flatMap((v) => element(v, indent + 1))
    return ['[', inner, ']']
  }
  const object = value as { readonly [key: string]: HclValue }
  const inner = Object.entries(object).flatMap(([k, v]) => assignment(objectKey(k), v, indent + 1))
  return ['{', inner, '}']
}

/** A list element with its trailing comma. */
function element(value: HclValue, indent: number): Line[] {
  const inline = inlineValue(value)
  if (inline !== null) return [{ indent, lead: `${inline},`, assign: null }]
  const [open, inner, close] = multiline(value, indent)
  return [
    { indent, lead: open, assign: null },
    ...inner,
    { indent, lead: `${close},`, assign: null }
  ]
}

/** An object key: bare when it is an identifier, else a quoted string. */
function objectKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !['true', 'false', 'null'].includes(key)
    ? key
    : quote(key)
}

/** An HCL string literal: escapes, and `${` / `%{` doubled so that nothing is interpolated. */
export function quote(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += '\\\\'
    else if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `"${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`
}

function isRaw(value: HclValue): value is HclRaw {
  return value instanceof HclRaw
}

function isCall(value: HclValue): value is HclCall {
  return value instanceof HclCall
}

function isList(value: HclValue): value is readonly HclValue[] {
  return Array.isArray(value)
}
