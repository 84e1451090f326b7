/**
 * Python: boto3 / botocore calls given the key pair as keyword arguments
 * (`boto3.client('s3', aws_access_key_id=..., aws_secret_access_key=...)`, `boto3.resource`,
 * `boto3.Session`, `session.create_client`). The fix adds
 * `aws_session_token=os.getenv('AWS_SESSION_TOKEN')` after the secret key, in the getter the
 * call already uses (`os.environ['X']` becomes `os.environ.get(...)`: None where unset, as before).
 */
import type { CodeFinding, CodeFix, CodeVerdict, NoFixReason } from './contract.js'
import {
  closingBracket,
  enclosingOpen,
  insertAfter,
  lineAt,
  partsBetween,
  type Part
} from './text.js'

const KEYWORD = /\baws_(?:access_key_id|secret_access_key)\s*=(?!=)/g
/** `os.getenv('AWS_X')`, `getenv("AWS_X", None)`, `os.environ.get('AWS_X')`, `os.environ['AWS_X']`. */
const GETTER = /^((?:[\w.]+\.)?(?:getenv|environ\.get))\(\s*(['"])(AWS_[A-Z_]+)\2\s*(?:,[^)]*)?\)$/
const SUBSCRIPT = /^((?:[\w.]+\.)?environ)\[\s*(['"])(AWS_[A-Z_]+)\2\s*\]$/
const LITERAL = /^[rbuf]*(['"]).*\1$/i

export function pythonFindings(file: string, text: string): CodeFinding[] {
  const out: CodeFinding[] = []
  const seen = new Set<number>()
  for (const m of text.matchAll(KEYWORD)) {
    const at = m.index
    const lineStart = text.lastIndexOf('\n', at - 1) + 1
    if (text.slice(lineStart, at).includes('#')) continue
    const open = enclosingOpen(text, at)
    if (open === -1 || text[open] !== '(' || seen.has(open)) continue
    seen.add(open)
    const close = closingBracket(text, open)
    if (close === -1) continue
    const parts = partsBetween(text, open, close)
    const one = callFinding(file, text, parts)
    if (!one) continue
    const { at: pos, ...rest } = one
    out.push({ ...rest, line: lineAt(text, pos) })
  }
  return out
}

function keyword(parts: readonly Part[], name: string): { part: Part; value: string } | null {
  for (const part of parts) {
    const m = new RegExp(`^${name}\\s*=(?!=)\\s*([\\s\\S]*)$`).exec(part.text)
    if (m) return { part, value: m[1]!.replace(/\s*#.*$/gm, '').trim() }
  }
  return null
}

type Found = Omit<CodeFinding, 'line'> & { at: number }

function callFinding(file: string, text: string, parts: readonly Part[]): Found | null {
  const id = keyword(parts, 'aws_access_key_id')
  const secret = keyword(parts, 'aws_secret_access_key')
  const lead = secret ?? id
  if (!lead) return null
  const base = {
    file,
    tool: 'python' as const,
    construct: 'boto3-call' as const,
    job: null,
    step: null,
    at: lead.part.at
  }
  const result = (verdict: CodeVerdict, fix: CodeFix | null, noFix: NoFixReason | null): Found => ({
    ...base,
    verdict,
    fix,
    noFix
  })
  if (keyword(parts, 'aws_session_token')) return result('passes-token', null, null)
  const values = [id?.value ?? '', secret?.value ?? '']
  // `aws_access_key_id=None`: no key handed over, the default credential chain applies.
  if (values.every((v) => v === 'None' || v === '')) return null
  if (values.some((v) => LITERAL.test(v))) return result('static-only', null, 'literal-keys')
  const token = secret && id ? tokenGetter(id.value, secret.value) : null
  if (!token || !secret) return result('drops-token', null, 'keys-not-from-env')
  const added = `aws_session_token=${token}`
  return result(
    'drops-token',
    { choice: 'add-token', edits: insertAfter(text, secret.part, added), added },
    null
  )
}

/** The getter reading AWS_SESSION_TOKEN the way the call reads the keys, or null. */
function tokenGetter(id: string, secret: string): string | null {
  const read = (v: string): { fn: string; quote: string; name: string } | null => {
    const g = GETTER.exec(v)
    if (g) return { fn: g[1]!, quote: g[2]!, name: g[3]! }
    const s = SUBSCRIPT.exec(v)
    return s ? { fn: `${s[1]!}.get`, quote: s[2]!, name: s[3]! } : null
  }
  const a = read(id)
  const b = read(secret)
  if (!a || !b || a.name !== 'AWS_ACCESS_KEY_ID' || b.name !== 'AWS_SECRET_ACCESS_KEY') return null
  return `${b.fn}(${b.quote}AWS_SESSION_TOKEN${b.quote})`
}
