/**
 * JavaScript and TypeScript: the AWS SDK given the key pair by hand.
 * - an object literal with `accessKeyId` and `secretAccessKey` (SDK v3 `credentials: {...}`,
 *   SDK v2 `AWS.config.update({...})`, `new AWS.Credentials({...})`): the fix adds
 *   `sessionToken: process.env.AWS_SESSION_TOKEN` after the secret key, read as the secret is;
 * - SDK v2 `new AWS.Credentials(id, secret)`: the fix adds `process.env.AWS_SESSION_TOKEN` as
 *   the third argument.
 * Undefined where the token is unset: the SDK then signs as before.
 */
import type { CodeConstruct, CodeFinding, CodeFix, CodeVerdict, NoFixReason } from './contract.js'
import {
  closingBracket,
  commented,
  enclosingOpen,
  insertAfter,
  lineAt,
  partsBetween,
  tokenTwin,
  type Part
} from './text.js'

const OBJECT_KEY = /\b(?:accessKeyId|secretAccessKey)\b\s*['"]?\s*[:,}]/g
const V2_CREDENTIALS = /\bnew\s+(?:AWS\.)?Credentials\s*\(/g
/** `process.env.AWS_X`, `process.env['AWS_X']`, with `!`, `as string`, `?? ''`, `|| ''` after. */
const ENV_READ =
  /^process\.env(?:\.(AWS_[A-Z_]+)|\[\s*(['"])(AWS_[A-Z_]+)\2\s*\])(?:!|\s+as\s+string|\s*(?:\?\?|\|\|)\s*(['"])\4)?$/
const LITERAL = /^(['"`]).*\1$/

export function javascriptFindings(file: string, text: string): CodeFinding[] {
  const out: CodeFinding[] = []
  const seen = new Set<number>()
  for (const m of text.matchAll(OBJECT_KEY)) {
    if (commented(text, m.index)) continue
    const open = enclosingOpen(text, m.index)
    if (open === -1 || text[open] !== '{' || seen.has(open)) continue
    seen.add(open)
    const close = closingBracket(text, open)
    if (close === -1) continue
    const found = objectFinding(file, text, open, partsBetween(text, open, close))
    if (found) out.push(found)
  }
  for (const m of text.matchAll(V2_CREDENTIALS)) {
    if (commented(text, m.index)) continue
    const open = m.index + m[0].length - 1
    const close = closingBracket(text, open)
    if (close === -1) continue
    const parts = partsBetween(text, open, close)
    if (parts.length === 0 || parts[0]!.text.startsWith('{')) continue
    out.push(positionalFinding(file, text, m.index, parts))
  }
  return out.sort((a, b) => a.line - b.line)
}

function entry(parts: readonly Part[], name: string): { part: Part; value: string } | null {
  for (const part of parts) {
    const m = new RegExp(`^['"]?${name}['"]?\\s*(?::\\s*([\\s\\S]*))?$`).exec(part.text)
    if (m) return { part, value: (m[1] ?? name).trim() }
  }
  return null
}

function constructOf(text: string, open: number): CodeConstruct {
  const before = text.slice(Math.max(0, open - 60), open)
  if (/config\s*\.\s*update\s*\(\s*$/.test(before)) return 'sdk-v2-config'
  if (/new\s+(?:AWS\.)?Credentials\s*\(\s*$/.test(before)) return 'sdk-v2-credentials'
  return 'sdk-v3-credentials'
}

function finding(
  file: string,
  line: number,
  construct: CodeConstruct,
  verdict: CodeVerdict,
  fix: CodeFix | null,
  noFix: NoFixReason | null
): CodeFinding {
  return { file, line, tool: 'javascript', construct, verdict, fix, noFix, job: null, step: null }
}

function envName(value: string): string | null {
  const m = ENV_READ.exec(value)
  return m ? (m[1] ?? m[3] ?? null) : null
}

function objectFinding(
  file: string,
  text: string,
  open: number,
  parts: readonly Part[]
): CodeFinding | null {
  const id = entry(parts, 'accessKeyId')
  const secret = entry(parts, 'secretAccessKey')
  if (!id || !secret) return null
  const construct = constructOf(text, open)
  const line = lineAt(text, secret.part.at)
  if (entry(parts, 'sessionToken'))
    return finding(file, line, construct, 'passes-token', null, null)
  if (LITERAL.test(id.value) || LITERAL.test(secret.value))
    return finding(file, line, construct, 'static-only', null, 'literal-keys')
  if (
    envName(id.value) !== 'AWS_ACCESS_KEY_ID' ||
    envName(secret.value) !== 'AWS_SECRET_ACCESS_KEY'
  )
    return finding(file, line, construct, 'drops-token', null, 'keys-not-from-env')
  const added = `sessionToken: ${tokenTwin(secret.value)}`
  const fix: CodeFix = {
    choice: 'add-token',
    edits: insertAfter(text, secret.part, added),
    added
  }
  return finding(file, line, construct, 'drops-token', fix, null)
}

function positionalFinding(
  file: string,
  text: string,
  at: number,
  parts: readonly Part[]
): CodeFinding {
  const line = lineAt(text, at)
  const construct = 'sdk-v2-credentials'
  if (parts.length >= 3) return finding(file, line, construct, 'passes-token', null, null)
  const [id, secret] = parts
  if (!id || !secret)
    return finding(file, line, construct, 'drops-token', null, 'keys-not-from-env')
  if (LITERAL.test(id.text) || LITERAL.test(secret.text))
    return finding(file, line, construct, 'static-only', null, 'literal-keys')
  if (envName(id.text) !== 'AWS_ACCESS_KEY_ID' || envName(secret.text) !== 'AWS_SECRET_ACCESS_KEY')
    return finding(file, line, construct, 'drops-token', null, 'keys-not-from-env')
  const added = tokenTwin(secret.text)
  const fix: CodeFix = { choice: 'add-token', edits: insertAfter(text, secret, added), added }
  return finding(file, line, construct, 'drops-token', fix, null)
}
