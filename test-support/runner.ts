/**
 * Runs a bundled action the way the GitHub runner does: a fresh node process with `INPUT_*`
 * variables, and `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files that are read back afterwards.
 * Used by the end-to-end tests and the demo. `captureOutput` is the same for code run in-process
 * (a test calling `getSettings()`): stdout goes to the result, not to the test log.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface ActionRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** Outputs written to GITHUB_OUTPUT, by name. */
  readonly outputs: Readonly<Record<string, string>>
  /** The markdown written to GITHUB_STEP_SUMMARY. */
  readonly summary: string
  /** `::warning file=...::message` style commands from stdout. */
  readonly commands: readonly WorkflowCommand[]
}

export interface WorkflowCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

export interface RunActionOptions {
  /** Action inputs by their action.yml name (`working-directory`, ...). */
  readonly inputs: Readonly<Record<string, string>>
  /** Extra environment (GITHUB_*, AWS_*); the parent's INPUT_* and GITHUB_* are never inherited. */
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
}

export async function runAction(entry: string, options: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !k.startsWith('INPUT_') &&
      !k.startsWith('GITHUB_') &&
      !k.startsWith('AWS_')
    ) {
      env[k] = v
    }
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  Object.assign(env, options.env ?? {}, {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir
  })
  try {
    const { code, stdout, stderr } = await new Promise<{
      code: number
      stdout: string
      stderr: string
    }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.resolve(entry)], {
        cwd: options.cwd ?? process.cwd(),
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      let err = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('error', reject)
      child.on('close', (c) => resolve({ code: c ?? 1, stdout: out, stderr: err }))
    })
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      commands: parseCommands(stdout)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Parses the `name<<DELIMITER\nvalue\nDELIMITER` format @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (m?.[1] && m[2]) {
      const end = lines.indexOf(m[2], i + 1)
      outputs[m[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      const eq = (lines[i] ?? '').indexOf('=')
      if (eq > 0) outputs[(lines[i] ?? '').slice(0, eq)] = (lines[i] ?? '').slice(eq + 1)
    }
  }
  return outputs
}

/** Parses `::command key=value,key=value::message` lines (values and message unescaped). */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const unescape = (s: string): string =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m?.[1]) continue
    const properties: Record<string, string> = {}
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=')
      properties[part.slice(0, eq)] = unescape(part.slice(eq + 1))
    }
    commands.push({ command: m[1], properties, message: unescape(m[3] ?? '') })
  }
  return commands
}

/** What an in-process call wrote to stdout, as the runner would read it. */
export interface CapturedOutput<T> {
  readonly value: T
  readonly stdout: string
  readonly commands: readonly WorkflowCommand[]
}

/**
 * Runs code of the action in-process (e.g. `getSettings()`) with stdout captured, as the runner
 * captures a step's output: `::add-mask::` and the other workflow commands go to the result,
 * not to the test log, where they would look like leaks. Synchronous code only; for
 * asynchronous code use {@link captureOutputAsync}.
 */
export function captureOutput<T>(fn: () => T): CapturedOutput<T> {
  const { stop, read } = interceptStdout()
  let value: T
  try {
    value = fn()
  } finally {
    stop()
  }
  const stdout = read()
  return { value, stdout, commands: parseCommands(stdout) }
}

/** {@link captureOutput} for asynchronous code; stdout stays captured until it settles. */
export async function captureOutputAsync<T>(fn: () => Promise<T>): Promise<CapturedOutput<T>> {
  const { stop, read } = interceptStdout()
  let value: T
  try {
    value = await fn()
  } finally {
    stop()
  }
  const stdout = read()
  return { value, stdout, commands: parseCommands(stdout) }
}

/** Replaces stdout with a buffer until `stop()`; `read()` gives what was written. */
export function interceptStdout(): { stop: () => void; read: () => string } {
  const original = process.stdout.write.bind(process.stdout)
  let text = ''
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    const callback = rest.find((r): r is () => void => typeof r === 'function')
    callback?.()
    return true
  }) as typeof process.stdout.write
  return {
    stop: () => {
      process.stdout.write = original
    },
    read: () => text
  }
}
