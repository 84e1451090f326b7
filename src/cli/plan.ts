import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { collectWorkflowFiles } from '../local-files.js'
import { awsKeyFindings } from '../report/counts.js'
import { toSarif } from '../report/sarif.js'
import { renderText } from '../report/text.js'
import { VERSION } from '../version.js'
import { planWorkflows } from '../workflows/plan.js'
import type { RewriteOptions } from '../workflows/rewrite/rewrite.js'
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
${REWRITE_USAGE}  -h, --help                 show this help
  -v, --version              show the version

--format json prints {"findings", "errors", "files", "roles", "notes"}: the findings (migration
"automatic" exactly where --diff rewrites), the files that could not be parsed, per file the edits
and manual follow-ups, the roles the rewritten workflows assume, and notes (placeholders, offline
assumptions).

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

/** Runs the command line; returns the exit status. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'fail-on-findings': { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        'role-arn': { type: 'string', multiple: true, default: [] },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    io.stderr(`error: ${message(error)}\n\n${USAGE}`)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return EXIT.ok
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  const [command, target = '.', ...rest] = positionals
  if (command !== 'plan') {
    io.stderr(
      `error: ${command ? `unknown command '${command}'` : 'no command given'}; the command is 'plan'\n\n${USAGE}`
    )
    return EXIT.usage
  }
  if (rest.length > 0) {
    io.stderr(`error: plan takes one PATH, got ${positionals.length - 1}\n\n${USAGE}`)
    return EXIT.usage
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) {
    io.stderr(`error: --format '${values.format}' is not supported; use text, json or sarif\n`)
    return EXIT.usage
  }
  const flags: RewriteFlags = {
    diff: values.diff,
    write: values.write,
    roleArns: values['role-arn'],
    region: values.region
  }
  let options: RewriteOptions
  try {
    options = rewriteOptions(flags)
    if (wantsRewrite(flags) && format === 'sarif')
      throw new Error('--format sarif does not take --diff, --write, --role-arn or --region')
  } catch (error) {
    io.stderr(`error: ${message(error)}\n`)
    return EXIT.usage
  }

  try {
    const { root, files } = await collectWorkflowFiles(target)
    // The rewrite always runs: it settles which findings are automatic, even without --diff.
    const { result, rewrite: rewritten } = planWorkflows(files, options)
    let written: string[] = []
    if (flags.write) {
      const blockers = writeBlockers(rewritten)
      for (const b of blockers) io.stderr(`error: --write: ${b}\n`)
      if (blockers.length > 0) return EXIT.usage
      written = await writeRewrites(root, rewritten)
    }
    const report =
      format === 'json'
        ? JSON.stringify(
            {
              findings: result.findings,
              errors: result.errors,
              ...rewriteJson(rewritten, flags.diff)
            },
            null,
            2
          ) + '\n'
        : flags.diff || flags.write
          ? (flags.diff ? renderDiff(rewritten) : renderFollowUps(rewritten)) +
            (flags.write
              ? `Rewrote ${written.length} file(s)${written.map((p) => `\n  ${p}`).join('')}\n`
              : '')
          : format === 'sarif'
            ? JSON.stringify(toSarif(result, { toolVersion: VERSION }), null, 2) + '\n'
            : renderText(result)
    if (values.output) {
      await fs.mkdir(path.dirname(path.resolve(values.output)), { recursive: true })
      await fs.writeFile(values.output, report)
    } else {
      io.stdout(report)
    }
    for (const e of result.errors) io.stderr(`error: ${e.file}:${e.line}: ${e.message}\n`)
    if (result.errors.length > 0) return EXIT.error
    if (values['fail-on-findings'] && awsKeyFindings(result.findings).length > 0) {
      return EXIT.findings
    }
    return EXIT.ok
  } catch (error) {
    io.stderr(`error: ${message(error)}\n`)
    return EXIT.error
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
