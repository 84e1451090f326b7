import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { collectCodeFiles, collectWorkflowFiles } from '../local-files.js'
import { planWithCode, type CodePlan } from '../code/plan.js'
import { codeJson, renderCodeText, type CodeReport } from '../report/code/code-findings.js'
import { unifiedDiffs } from '../workflows/diff.js'
import { awsKeyFindings } from '../workflows/findings.js'
import { toSarif } from '../report/sarif.js'
import { renderText } from '../report/text.js'
import { VERSION } from '../version.js'
import type { RewriteOptions, RewriteResult } from '../workflows/rewrite/rewrite.js'
import {
  REWRITE_USAGE,
  renderDiff,
  renderFollowUps,
  rewriteJson,
  rewriteOptions,
  wantsRewrite,
  writeBlockers,
  writeRewrites,
  type RewriteFlags
} from './rewrite.js'

/** Where the command line writes; injected so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

export const EXIT = { ok: 0, error: 1, usage: 2, findings: 3 } as const

export const USAGE = `Usage: aws-keys-to-oidc plan [PATH] [options]

Scans GitHub Actions workflows for long-lived AWS access keys.
PATH is a repository root (its .github/ is scanned), a folder of workflow files, or one file
(default: the current directory).

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --fail-on-findings         exit 3 when static AWS keys are found
  --allow-pull-request-target
                             migrate pull_request_target jobs that check out and run the
                             pull request's head (refused by default: they are manual)
${REWRITE_USAGE}  -h, --help                 show this help
  -v, --version              show the version

--format json prints {"findings", "errors", "files", "roles", "notes", "code"}: the findings
(migration "automatic" exactly where --diff rewrites), the files that could not be parsed, per file
the edits and manual follow-ups, the roles the rewritten workflows assume, notes (placeholders,
offline assumptions), and the code the jobs run that hands the keys on (its fixes, the jobs kept on
their keys). With a repository root, its source files are read too (not node_modules, vendor, .git).

Exit status:
  0  success, with or without findings (also when --write leaves manual follow-ups)
  1  a workflow file is not valid YAML (for example a duplicate key, which GitHub also rejects):
     it is listed under errors and on standard error, and every other file is still scanned,
     reported (and rewritten with --write); or the command failed (PATH cannot be read)
  2  bad usage (also --write without a role ARN or region it needs)
  3  findings with --fail-on-findings, when no file has an error
`

const FORMATS = ['text', 'json', 'sarif'] as const
type Format = (typeof FORMATS)[number]

/** What `plan` was asked to do, checked: the command line after parsing. */
interface PlanRequest {
  readonly target: string
  readonly format: Format
  readonly output: string | undefined
  readonly failOnFindings: boolean
  /** `--allow-pull-request-target`: as the action's input of that name. */
  readonly allowPullRequestTarget: boolean
  readonly flags: RewriteFlags
  readonly options: RewriteOptions
}

/** Bad usage: exit 2 with the message, and the usage text where it helps. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage: boolean
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Runs the command line; returns the exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let request: PlanRequest | 'help' | 'version'
  try {
    request = parseCommandLine(argv)
  } catch (error) {
    io.stderr(
      `error: ${message(error)}\n${error instanceof UsageError && error.showUsage ? `\n${USAGE}` : ''}`
    )
    return EXIT.usage
  }
  if (request === 'help') {
    io.stdout(USAGE)
    return EXIT.ok
  }
  if (request === 'version') {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  try {
    return await runPlan(request, io)
  } catch (error) {
    io.stderr(`error: ${message(error)}\n`)
    return EXIT.error
  }
}

/** The arguments as a checked request; `--help` and `--version` win over everything else. */
function parseCommandLine(argv: readonly string[]): PlanRequest | 'help' | 'version' {
  const { values, positionals } = readArguments(argv)
  if (values.help) return 'help'
  if (values.version) return 'version'
  const [command, target = '.', ...rest] = positionals
  if (command !== 'plan') {
    throw new UsageError(
      `${command ? `unknown command '${command}'` : 'no command given'}; the command is 'plan'`,
      true
    )
  }
  if (rest.length > 0) {
    throw new UsageError(`plan takes one PATH, got ${positionals.length - 1}`, true)
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `--format '${values.format}' is not supported; use text, json or sarif`,
      false
    )
  }
  const flags: RewriteFlags = {
    diff: values.diff,
    write: values.write,
    roleArns: values['role-arn'],
    region: values.region
  }
  return {
    target,
    format,
    output: values.output,
    failOnFindings: values['fail-on-findings'],
    allowPullRequestTarget: values['allow-pull-request-target'],
    flags,
    options: checkedRewriteOptions(flags, format)
  }
}

function readArguments(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'fail-on-findings': { type: 'boolean', default: false },
        'allow-pull-request-target': { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        'role-arn': { type: 'string', multiple: true, default: [] },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    throw new UsageError(message(error), true)
  }
}

/** The rewrite flags as options; SARIF has no place for a rewrite. */
function checkedRewriteOptions(flags: RewriteFlags, format: Format): RewriteOptions {
  try {
    const options = rewriteOptions(flags)
    if (wantsRewrite(flags) && format === 'sarif')
      throw new Error('--format sarif does not take --diff, --write, --role-arn or --region')
    return options
  } catch (error) {
    throw new UsageError(message(error), false)
  }
}

/** Scans (and with --write rewrites) the target, delivers the report, and sets the exit status. */
async function runPlan(request: PlanRequest, io: CliIo): Promise<number> {
  const { root, files } = await collectWorkflowFiles(request.target)
  // The rewrite always runs: it settles which findings are automatic, even without --diff.
  const plan = planWithCode(files, await collectCodeFiles(request.target), request.options, {
    allowPullRequestTarget: request.allowPullRequestTarget
  })
  const { result, rewrite } = plan
  let written: readonly string[] = []
  if (request.flags.write) {
    const blockers = writeBlockers(rewrite)
    for (const b of blockers) io.stderr(`error: --write: ${b}\n`)
    if (blockers.length > 0) return EXIT.usage
    written = [
      ...(await writeRewrites(root, rewrite)),
      ...(await writeRewrites(root, fixedAsRewrite(plan)))
    ]
  }
  await deliver(renderReport(request, plan, written), request.output, io)
  for (const e of result.errors) io.stderr(`error: ${e.file}:${e.line}: ${e.message}\n`)
  if (result.errors.length > 0) return EXIT.error
  if (request.failOnFindings && awsKeyFindings(result.findings).length > 0) return EXIT.findings
  return EXIT.ok
}

/** The report in the asked format; with --diff or --write, the rewrite's own text report. */
function renderReport(request: PlanRequest, plan: CodePlan, written: readonly string[]): string {
  const { format, flags } = request
  const { result, rewrite } = plan
  const code: CodeReport = {
    findings: plan.code.findings,
    applied: plan.applied,
    holds: plan.code.holds
  }
  if (format === 'json') {
    const report = {
      findings: result.findings,
      errors: result.errors,
      ...rewriteJson(rewrite, flags.diff),
      code: {
        ...codeJson(code),
        ...(flags.diff ? { diff: unifiedDiffs(plan.fixed) } : {})
      }
    }
    return JSON.stringify(report, null, 2) + '\n'
  }
  if (flags.diff || flags.write) {
    const fixes = flags.diff ? unifiedDiffs(plan.fixed) : ''
    const changes = flags.diff ? renderDiff(rewrite) : renderFollowUps(rewrite)
    const rewrote = `Rewrote ${written.length} file(s)${written.map((p) => `\n  ${p}`).join('')}\n`
    return (
      (fixes ? `${fixes}\n` : '') + changes + renderCodeText(code) + (flags.write ? rewrote : '')
    )
  }
  if (format === 'sarif') {
    return JSON.stringify(toSarif(result, { toolVersion: VERSION }), null, 2) + '\n'
  }
  return renderText(result) + renderCodeText(code)
}

/** The fixed source files in the shape `writeRewrites` takes. */
function fixedAsRewrite(plan: CodePlan): RewriteResult {
  return {
    ...plan.rewrite,
    files: plan.fixed.map((f) => ({ ...f, changed: true, edits: [], followUps: [] }))
  }
}

/** Writes the report to `--output FILE` (making its folder), else to standard output. */
async function deliver(report: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output) {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true })
    await fs.writeFile(output, report)
  } else {
    io.stdout(report)
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
