/**
 * Configuration that hands the keys on: Terraform, Serverless and docker-compose.
 * - Terraform `provider "aws" { access_key = ... secret_key = ... }` (the block read between
 *   its braces): with `token =` it passes the token; with literal keys it is `static-only`;
 *   otherwise the keys come from variables the job feeds (`-var`, `TF_VAR_*`), and a token needs
 *   a new variable and a new feed too (`needs-declaration`, no minimal fix).
 * - Serverless `provider.environment` / `functions.*.environment` copying the keys into the
 *   deployed functions: `static-only` (temporary credentials expire there; the function's own
 *   role is the fix, `deployed`).
 * - docker-compose `services.*.environment` passing the key variables into a container: the fix
 *   adds the `AWS_SESSION_TOKEN` entry in the same form on the line after the secret key's.
 * YAML is read with the `yaml` package; a file it cannot parse yields nothing.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import type { CodeFinding, CodeFix, CodeTool, CodeVerdict, NoFixReason } from './contract.js'
import { closingBracket, lineAt, startsLine, twinLine } from './text.js'

const TF_PROVIDER = /\bprovider\s+"aws"\s*\{/g
const TF_ATTR = (name: string): RegExp => new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*(.*)$`, 'm')
const AKIA_LITERAL = /^"(?:AKIA|ASIA)[0-9A-Z]{16}"$/
const KEY_REF = /AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)/
const SECRET_REF = /AWS_SECRET_ACCESS_KEY/
const TOKEN_REF = /AWS_SESSION_TOKEN/

function finding(
  file: string,
  line: number,
  tool: CodeTool,
  verdict: CodeVerdict,
  fix: CodeFix | null,
  noFix: NoFixReason | null
): CodeFinding {
  const construct =
    tool === 'terraform'
      ? 'provider-keys'
      : tool === 'serverless'
        ? 'function-environment'
        : 'service-environment'
  return { file, line, tool, construct, verdict, fix, noFix, job: null, step: null }
}

export function terraformFindings(file: string, text: string): CodeFinding[] {
  const out: CodeFinding[] = []
  for (const m of text.matchAll(TF_PROVIDER)) {
    const open = m.index + m[0].length - 1
    const close = closingBracket(text, open, 20000)
    if (close === -1) continue
    const body = text.slice(open + 1, close)
    const access = TF_ATTR('access_key').exec(body)
    const secret = TF_ATTR('secret_key').exec(body)
    if (!access && !secret) continue
    const line = lineAt(text, open + 1 + (secret ?? access)!.index)
    const values = [access?.[1] ?? '', secret?.[1] ?? ''].map((v) =>
      v.replace(/\s*(#|\/\/).*$/, '').trim()
    )
    if (TF_ATTR('token').test(body))
      out.push(finding(file, line, 'terraform', 'passes-token', null, null))
    else if (values.some((v) => AKIA_LITERAL.test(v) || /^"[^"$]+"$/.test(v)))
      out.push(finding(file, line, 'terraform', 'static-only', null, 'literal-keys'))
    else out.push(finding(file, line, 'terraform', 'drops-token', null, 'needs-declaration'))
  }
  return out
}

function parseYaml(text: string): { doc: Node | null; lines: LineCounter } | null {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  if (doc.errors.length > 0) return null
  return { doc: doc.contents, lines }
}

function get(node: Node | null | undefined, key: string): Node | null {
  if (!isMap(node)) return null
  for (const item of node.items) {
    if (isScalar(item.key) && String(item.key.value) === key)
      return (item.value as Node | null) ?? null
  }
  return null
}

/** An env block's entries: name, the value's text (as written), and the offset of the entry. */
function entries(node: Node | null): { name: string; value: string; at: number }[] {
  if (isMap(node)) {
    return node.items.flatMap((item) =>
      isPair(item) && isScalar(item.key)
        ? [
            {
              name: String(item.key.value),
              value: isScalar(item.value) ? String(item.value.value ?? '') : '',
              at: item.key.range?.[0] ?? 0
            }
          ]
        : []
    )
  }
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      if (!isScalar(item)) return []
      const [name = '', ...rest] = String(item.value).split('=')
      return [
        { name, value: rest.length > 0 ? rest.join('=') : `\${${name}}`, at: item.range?.[0] ?? 0 }
      ]
    })
  }
  return []
}

export function serverlessFindings(file: string, text: string): CodeFinding[] {
  const parsed = parseYaml(text)
  if (!parsed) return []
  const blocks = [get(parsed.doc, 'provider')]
  const functions = get(parsed.doc, 'functions')
  if (isMap(functions)) blocks.push(...functions.items.map((i) => i.value as Node | null))
  const out: CodeFinding[] = []
  for (const block of blocks) {
    const env = entries(get(block, 'environment'))
    const keyed = env.filter((e) => KEY_REF.test(e.value) || KEY_REF.test(e.name))
    const lead = keyed.find((e) => SECRET_REF.test(e.value) || SECRET_REF.test(e.name)) ?? keyed[0]
    if (!lead) continue
    out.push(
      finding(
        file,
        parsed.lines.linePos(lead.at).line,
        'serverless',
        'static-only',
        null,
        'deployed'
      )
    )
  }
  return out
}

export function composeFindings(file: string, text: string): CodeFinding[] {
  const parsed = parseYaml(text)
  if (!parsed) return []
  const services = get(parsed.doc, 'services')
  if (!isMap(services)) return []
  const out: CodeFinding[] = []
  for (const service of services.items) {
    const env = entries(get(service.value as Node | null, 'environment'))
    const secret = env.find((e) => SECRET_REF.test(e.value))
    if (!secret) continue
    const line = parsed.lines.linePos(secret.at).line
    if (env.some((e) => TOKEN_REF.test(e.name) || TOKEN_REF.test(e.value))) {
      out.push(finding(file, line, 'docker-compose', 'passes-token', null, null))
    } else if (secret.name !== 'AWS_SECRET_ACCESS_KEY') {
      out.push(finding(file, line, 'docker-compose', 'drops-token', null, 'other-name'))
    } else if (
      !startsLine(text, secret.at) &&
      !/^[ \t]*-[ \t]*$/.test(lineBefore(text, secret.at))
    ) {
      out.push(finding(file, line, 'docker-compose', 'drops-token', null, 'not-a-line'))
    } else {
      const { edit, added } = twinLine(text, secret.at)
      out.push(
        finding(
          file,
          line,
          'docker-compose',
          'drops-token',
          { choice: 'add-token', edits: [edit], added },
          null
        )
      )
    }
  }
  return out
}

/** The text between the line's start and `at`. */
function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at)
}
