/**
 * The code scan: the workflows (for their jobs and `run:` scripts) and the candidate source
 * files in; every place the runner's key pair is handed on, the files each job runs, the jobs
 * that must stay on their keys, and the fixed files out. Pure.
 *
 * The rule it feeds the workflow scan (`ScanOptions.codeHolds`): a job that runs code found
 * `drops-token` or `static-only` that the pull request does not fix stays on its keys; the
 * hold names the file and line. Fixed code does not hold its job: the fix goes in the same pull
 * request. A fix of a workflow's own `run:` script goes into the rewritten workflow
 * (`patch.ts`); it needs its line to be the only one like it in the file, else it holds.
 */
import type { CodeHold, WorkflowFile } from '../workflows/findings.js'
import type { CodeFile, CodeFinding, JobLink } from './contract.js'
import { toolOf } from './candidates.js'
import { composeFindings, serverlessFindings, terraformFindings } from './config-files.js'
import { goFindings, javaFindings } from './go-java.js'
import { javascriptFindings } from './javascript.js'
import { dockerFiles, fileIndex, jobRuns, namedFiles, type RunScript } from './link.js'
import { pythonFindings } from './python.js'
import { scriptFindings } from './shell.js'
import { applyEdits, lineEndOf, lineStartOf } from './text.js'

export interface FixedFile {
  readonly path: string
  readonly before: string
  readonly after: string
}

export interface CodeScan {
  /** Every hand-off found, by file and line. */
  readonly findings: readonly CodeFinding[]
  /** Per job, the source files its steps name. */
  readonly links: readonly JobLink[]
  /** Jobs that stay on their keys, with the code that holds each. */
  readonly holds: readonly CodeHold[]
  /** Source files (not workflows) with their fixes applied. */
  readonly fixed: readonly FixedFile[]
  /** Source files read. */
  readonly read: number
}

/** Words a detector needs in a file before it reads it closely (a cheap first look). */
const TRIGGERS: Readonly<Record<string, RegExp>> = {
  python: /aws_(?:access_key_id|secret_access_key)/,
  javascript: /accessKeyId|Credentials\s*\(/,
  go: /NewStaticCredentials/,
  java: /BasicAWSCredentials|AwsBasicCredentials/,
  terraform: /provider\s+"aws"/,
  serverless: /AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)/,
  'docker-compose': /AWS_SECRET_ACCESS_KEY/,
  shell: /AWS_SECRET_ACCESS_KEY/
}

/** The findings of one source file (none for a Dockerfile or a file of no known tool). */
export function fileFindings(file: CodeFile): CodeFinding[] {
  const tool = toolOf(file.path)
  if (tool === null || tool === 'dockerfile' || !TRIGGERS[tool]!.test(file.text)) return []
  switch (tool) {
    case 'python':
      return pythonFindings(file.path, file.text)
    case 'javascript':
      return javascriptFindings(file.path, file.text)
    case 'go':
      return goFindings(file.path, file.text)
    case 'java':
      return javaFindings(file.path, file.text)
    case 'terraform':
      return terraformFindings(file.path, file.text)
    case 'serverless':
      return serverlessFindings(file.path, file.text)
    case 'docker-compose':
      return composeFindings(file.path, file.text)
    case 'shell':
      return scriptFindings(file.text, {
        file: file.path,
        tool: 'shell',
        job: null,
        step: null,
        start: 0,
        end: file.text.length,
        lines: true
      })
  }
}

function runFindings(text: string, s: RunScript): CodeFinding[] {
  if (!/AWS_SECRET_ACCESS_KEY/.test(s.text)) return []
  return scriptFindings(text, {
    file: s.file,
    tool: 'workflow-run',
    job: s.job,
    step: s.step,
    start: s.start,
    end: s.end,
    lines: s.lines
  }).map((f) => (f.fix && !uniqueLines(text, f) ? { ...f, fix: null, noFix: 'not-a-line' } : f))
}

/** Whether each line a fix edits is the only one like it in the file (so it can be found again). */
function uniqueLines(text: string, f: CodeFinding): boolean {
  const lines = text.split('\n')
  return (f.fix?.edits ?? []).every((e) => {
    const line = text.slice(lineStartOf(text, e.start), lineEndOf(text, e.start))
    return lines.filter((l) => l === line).length === 1
  })
}

export function scanCode(workflows: readonly WorkflowFile[], files: readonly CodeFile[]): CodeScan {
  const index = fileIndex(files)
  const texts = new Map(workflows.map((w) => [w.path, w.text]))
  const { jobs, actions } = jobRuns(workflows)
  const findings: CodeFinding[] = files.flatMap(fileFindings)
  for (const [path, scripts] of actions) {
    for (const s of scripts) findings.push(...runFindings(texts.get(path) ?? '', s))
  }
  for (const j of jobs) {
    for (const s of j.scripts) findings.push(...runFindings(texts.get(j.workflow) ?? '', s))
  }
  const blocking = findings.filter((f) => f.verdict !== 'passes-token' && f.fix === null)
  const links: JobLink[] = []
  const holds: CodeHold[] = []
  for (const j of jobs) {
    const scripts = [...j.scripts, ...j.actions.flatMap((a) => actions.get(a) ?? [])]
    const named = new Set<string>()
    for (const s of scripts)
      for (const p of namedFiles(s.text, s.workingDirectory, index)) named.add(p)
    for (const [context, file] of j.builds) {
      for (const p of dockerFiles('', context, file, index.byPath)) named.add(p)
    }
    const linked = [...named].sort()
    if (linked.length > 0) links.push({ workflow: j.workflow, job: j.job, files: linked })
    const own = (f: CodeFinding): boolean =>
      f.tool === 'workflow-run'
        ? (f.file === j.workflow && f.job === j.job) || j.actions.includes(f.file)
        : named.has(f.file)
    const first = blocking.find(own)
    if (first) {
      holds.push({
        file: j.workflow,
        job: j.job,
        codeFile: first.file,
        line: first.line,
        verdict: first.verdict === 'static-only' ? 'static-only' : 'drops-token'
      })
    }
  }
  const fixed: FixedFile[] = []
  for (const f of files) {
    const edits = findings.filter((x) => x.file === f.path && x.fix).flatMap((x) => x.fix!.edits)
    if (edits.length > 0)
      fixed.push({ path: f.path, before: f.text, after: applyEdits(f.text, edits) })
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  return { findings, links, holds, fixed, read: files.length }
}
