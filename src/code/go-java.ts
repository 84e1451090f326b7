/**
 * Go and Java: static credentials built from the key pair.
 * - Go `credentials.NewStaticCredentials(id, secret, "")` (SDK v1) and
 *   `credentials.NewStaticCredentialsProvider(id, secret, "")` (SDK v2): the third argument is
 *   the session token; the fix puts `os.Getenv("AWS_SESSION_TOKEN")` there ("" where unset, as
 *   before).
 * - Java `new BasicAWSCredentials(id, secret)` (SDK v1) and `AwsBasicCredentials.create(id,
 *   secret)` (SDK v2) hold no token at all: the session classes need a token that is never
 *   null and other imports, so there is no minimal fix (`needs-declaration`): the finding says
 *   to use the default credentials provider.
 */
import type { CodeFinding, CodeTool, CodeVerdict, NoFixReason, CodeFix } from './contract.js'
import { closingBracket, commented, lineAt, partsBetween } from './text.js'

const GO_STATIC = /\bNewStaticCredentials(?:Provider)?\s*\(/g
const GO_ENV = /^os\.Getenv\(\s*"(AWS_[A-Z_]+)"\s*\)$/
const JAVA_BASIC = /\b(?:new\s+BasicAWSCredentials|AwsBasicCredentials\s*\.\s*create)\s*\(/g
const JAVA_ENV = /^System\.getenv\(\s*"(AWS_[A-Z_]+)"\s*\)$/
const LITERAL = /^(["`]).*\1$/

function finding(
  file: string,
  line: number,
  tool: CodeTool,
  verdict: CodeVerdict,
  fix: CodeFix | null,
  noFix: NoFixReason | null
): CodeFinding {
  const construct = tool === 'go' ? 'static-credentials' : 'basic-credentials'
  return { file, line, tool, construct, verdict, fix, noFix, job: null, step: null }
}

export function goFindings(file: string, text: string): CodeFinding[] {
  const out: CodeFinding[] = []
  for (const m of text.matchAll(GO_STATIC)) {
    if (commented(text, m.index)) continue
    const open = m.index + m[0].length - 1
    const close = closingBracket(text, open)
    if (close === -1) continue
    const [id, secret, token] = partsBetween(text, open, close)
    if (!id || !secret) continue
    const line = lineAt(text, m.index)
    const envOf = (t: string): string | null => GO_ENV.exec(t)?.[1] ?? null
    if (token && token.text !== '""' && token.text !== '``') {
      out.push(finding(file, line, 'go', 'passes-token', null, null))
    } else if (LITERAL.test(id.text) || LITERAL.test(secret.text)) {
      out.push(finding(file, line, 'go', 'static-only', null, 'literal-keys'))
    } else if (
      !token ||
      envOf(id.text) !== 'AWS_ACCESS_KEY_ID' ||
      envOf(secret.text) !== 'AWS_SECRET_ACCESS_KEY'
    ) {
      out.push(finding(file, line, 'go', 'drops-token', null, 'keys-not-from-env'))
    } else {
      const added = 'os.Getenv("AWS_SESSION_TOKEN")'
      const edit = { start: token.at, end: token.at + token.text.length, text: added }
      out.push(
        finding(
          file,
          line,
          'go',
          'drops-token',
          { choice: 'add-token', edits: [edit], added },
          null
        )
      )
    }
  }
  return out
}

export function javaFindings(file: string, text: string): CodeFinding[] {
  const out: CodeFinding[] = []
  for (const m of text.matchAll(JAVA_BASIC)) {
    if (commented(text, m.index)) continue
    const open = m.index + m[0].length - 1
    const close = closingBracket(text, open)
    if (close === -1) continue
    const [id, secret] = partsBetween(text, open, close)
    if (!id || !secret) continue
    const line = lineAt(text, m.index)
    const fromEnv =
      JAVA_ENV.exec(id.text)?.[1] === 'AWS_ACCESS_KEY_ID' &&
      JAVA_ENV.exec(secret.text)?.[1] === 'AWS_SECRET_ACCESS_KEY'
    if (LITERAL.test(id.text) || LITERAL.test(secret.text)) {
      out.push(finding(file, line, 'java', 'static-only', null, 'literal-keys'))
    } else {
      const noFix = fromEnv ? 'needs-declaration' : 'keys-not-from-env'
      out.push(finding(file, line, 'java', 'drops-token', null, noFix))
    }
  }
  return out
}
