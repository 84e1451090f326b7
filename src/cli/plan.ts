import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { collectWorkflowFiles } from '../local-files.js'
import { awsKeyFindings } from '../report/counts.js'
import { toSarif } from '../report/sarif.js'
import { renderText } from '../report/text.js'
import { VERSION } from '../version.js'
import { scanWorkflows } from '../workflows/scan.js'
import {
  REWRITE_USAGE,
  renderDiff,
  renderFollowUps,
  rewriteJson,
  rewriteOptions,
  rewriteScanned,
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

Exit status: 0 success (with or without findings, also when --write leaves manual follow-ups),
1 errors (a file could not be read or parsed, or the command failed), 2 bad usage (also --write
without a role ARN or region it needs), 3 findings with --fail-on-findings.
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
  const rewrite = wantsRewrite(flags)
  try {
    if (rewrite) rewriteOptions(flags)
    if (rewrite && format === 'sarif')
      throw new Error('--format sarif does not take --diff, --write, --role-arn or --region')
  } catch (error) {
    io.stderr(`error: ${message(error)}\n`)
    return EXIT.usage
  }

  try {
    const { root, files } = await collectWorkflowFiles(target)
    const result = scanWorkflows(files)
    const rewritten = rewrite ? rewriteScanned(files, result.findings, flags) : null
    let written: string[] = []
    if (rewritten && flags.write) {
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
              ...(rewritten ? rewriteJson(rewritten, flags.diff) : {})
            },
            null,
            2
          ) + '\n'
        : rewritten && (flags.diff || flags.write)
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
