/**
 * Shell: scripts (`*.sh`, `*.bash`) and the `run:` scripts of workflows and composite actions
 * that hand the runner's key variables on, line by line:
 * - `aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"` (`aws-configure`),
 * - a credentials file (`aws_secret_access_key = $AWS_SECRET_ACCESS_KEY` in a here-document,
 *   `echo ... >> ~/.aws/credentials`: `credentials-file`),
 * - `docker run -e AWS_SECRET_ACCESS_KEY` / `--env` (`docker-env`),
 * - `echo "AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY" >> "$GITHUB_ENV"` (`github-env`) or
 *   into another file such as an `--env-file` (`env-file`),
 * - `--build-arg` (`build-arg`), `terraform -var` (`terraform-var`), `export OTHER=$AWS_...`
 *   (`export-other-name`): no minimal fix (a Docker ARG, a Terraform variable, or a reader
 *   that only knows its own names has to change too).
 * A script that mentions the session token anywhere passes it. The fix repeats the hand-off for
 * the token: the line again below it with the names changed (`aws configure set
 * aws_session_token "$AWS_SESSION_TOKEN"`; empty where unset, which the AWS tools ignore), or
 * `-e AWS_SESSION_TOKEN` after `-e AWS_SECRET_ACCESS_KEY` on the same line.
 */
import type { CodeConstruct, CodeFinding, CodeFix, CodeTool, NoFixReason } from './contract.js'
import { lineAt, tokenTwin, twinLine } from './text.js'

/** Where a script sits in its file, and whether lines can be added to it. */
export interface ScriptPlace {
  readonly file: string
  readonly tool: Extract<CodeTool, 'shell' | 'workflow-run'>
  readonly job: string | null
  readonly step: number | null
  /** The script's offsets in the file (a `run:` value), or the whole file. */
  readonly start: number
  readonly end: number
  /** Lines can be added (a shell file, or a literal block `run: |`). */
  readonly lines: boolean
}

/** A reference to the runner's secret key variable (not `${{ secrets.X }}`: the scan has those). */
const SECRET_VAR = /\$\{?AWS_SECRET_ACCESS_KEY\b|\$\{\{\s*env\.AWS_SECRET_ACCESS_KEY\s*\}\}/
const DOCKER_ENV = /(?:^|\s)(?:-e|--env)(?:\s+|=)(["']?)AWS_SECRET_ACCESS_KEY\b[^\s"']*\1/
const TOKEN = /AWS_SESSION_TOKEN|aws_session_token/
const LITERAL_ID =
  /aws_access_key_id["']?\s*[= ]\s*["']?(?:AKIA|ASIA)[0-9A-Z]{12}(?<!EXAMPLE)[0-9A-Z]{4}\b/i

export function scriptFindings(text: string, place: ScriptPlace): CodeFinding[] {
  const script = text.slice(place.start, place.end)
  const passes = TOKEN.test(script)
  const out: CodeFinding[] = []
  let offset = place.start
  let continued = false
  for (const line of script.split('\n')) {
    const at = offset
    offset += line.length + 1
    const wasContinued = continued
    continued = /\\\r?$/.test(line)
    if (/^\s*#/.test(line)) continue
    const found = lineFinding(line, wasContinued || continued)
    if (!found) continue
    const base = {
      file: place.file,
      line: lineAt(text, at),
      tool: place.tool,
      construct: found.construct,
      job: place.job,
      step: place.step
    }
    if (passes) {
      out.push({ ...base, verdict: 'passes-token', fix: null, noFix: null })
    } else if (found.construct === 'aws-configure' && LITERAL_ID.test(script)) {
      out.push({ ...base, verdict: 'static-only', fix: null, noFix: 'literal-keys' })
    } else {
      const { fix, noFix } = fixOf(text, at, line, found, place.lines)
      out.push({ ...base, verdict: 'drops-token', fix, noFix })
    }
  }
  return out
}

interface LineHandOff {
  readonly construct: CodeConstruct
  /** How it can be fixed: a line below, inline after a `-e`, or not at all. */
  readonly how: 'twin-line' | 'inline' | NoFixReason
}

function lineFinding(line: string, inContinuation: boolean): LineHandOff | null {
  const docker = DOCKER_ENV.test(line)
  if (!docker && !SECRET_VAR.test(line)) return null
  const twin = inContinuation ? 'not-a-line' : 'twin-line'
  if (docker) return { construct: 'docker-env', how: 'inline' }
  if (/--build-arg\b/.test(line)) return { construct: 'build-arg', how: 'needs-declaration' }
  if (/(?:^|\s)-var[\s=]/.test(line))
    return { construct: 'terraform-var', how: 'needs-declaration' }
  if (/\baws\s+configure\s+set\s+(?:[\w.]*\.)?aws_secret_access_key\b/.test(line))
    return { construct: 'aws-configure', how: twin }
  const standard = /\bAWS_SECRET_ACCESS_KEY\s*=/.test(line.replace(SECRET_VAR, ''))
  if (/GITHUB_ENV\b/.test(line))
    return { construct: 'github-env', how: standard ? twin : 'other-name' }
  if (/^\s*aws_secret_access_key\s*=/.test(line) || /\.aws\/credentials/.test(line))
    return { construct: 'credentials-file', how: twin }
  const exported = /^\s*export\s+([A-Za-z_]\w*)=/.exec(line)
  if (exported && exported[1] !== 'AWS_SECRET_ACCESS_KEY')
    return { construct: 'export-other-name', how: 'other-name' }
  if (/>>?|\btee\b/.test(line))
    return { construct: 'env-file', how: standard ? twin : 'other-name' }
  return null
}

function fixOf(
  text: string,
  at: number,
  line: string,
  found: LineHandOff,
  lines: boolean
): { fix: CodeFix | null; noFix: NoFixReason | null } {
  if (found.how === 'inline') {
    const m = DOCKER_ENV.exec(line)!
    const arg = m[0].trimStart()
    const end = at + m.index + m[0].length
    const added = tokenTwin(arg)
    return {
      fix: { choice: 'add-token', edits: [{ start: end, end, text: ` ${added}` }], added },
      noFix: null
    }
  }
  if (found.how === 'twin-line') {
    if (!lines) return { fix: null, noFix: 'not-a-line' }
    const { edit, added } = twinLine(text, at)
    if (found.construct === 'credentials-file' || found.construct === 'aws-configure')
      return { fix: { choice: 'add-token', edits: [edit], added }, noFix: null }
    // The line below appends: a second `> file` would empty what the first wrote.
    const append = (t: string): string =>
      t.replace(/(^|[^>&\d])>(?!>)/, '$1>>').replace(/\btee\s+(?!-a\b)/, 'tee -a ')
    return {
      fix: {
        choice: 'add-token',
        edits: [{ ...edit, text: append(edit.text) }],
        added: append(added)
      },
      noFix: null
    }
  }
  return { fix: null, noFix: found.how }
}
