/**
 * Start-up of the bundle against a bare `node -e 0`, each run in a fresh process alternately
 * with the floor, per mode: `plan` on an empty workspace, a bad input (fails before any mode
 * loads), and `migrate` without a token (loads the migrate chunk, then fails at its first check).
 * The ratio is of CPU time (user + system, read at exit; the machine is shared), the median over
 * the rounds; wall time is given beside it. And the bundle's size: what loads first (dist/index.js
 * and the chunks it imports statically) and all of dist/.
 *
 * Targets (issue 15): plan <= 1.6x; what loads first < 1.5 MB; dist/ < 3 MB.
 */
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { median, report, ROOT } from './processes.js'

const ROUNDS = 11
const MODES = [
  { name: 'plan', inputs: { mode: 'plan' }, target: 1.6 },
  { name: 'bad input', inputs: { mode: 'no-such-mode' }, target: undefined },
  {
    name: 'migrate (no token)',
    inputs: { mode: 'migrate', keys: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE' },
    target: undefined
  }
] as const

export async function bench(): Promise<void> {
  const entry = path.join(ROOT, 'dist', 'index.js')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'))
  try {
    const workspace = path.join(dir, 'workspace')
    mkdirSync(workspace)
    const cpuFile = path.join(dir, 'cpu')
    const run = (args: readonly string[], inputs: Record<string, string>): [number, number] => {
      for (const f of ['cpu', 'output', 'summary']) writeFileSync(path.join(dir, f), '')
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: path.join(dir, 'output'),
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
        BENCH_CPU_OUT: cpuFile
      }
      for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
      const start = process.hrtime.bigint()
      spawnSync(
        process.execPath,
        ['--import', path.join(ROOT, 'bench', 'cpu-at-exit.mjs'), ...args],
        { cwd: workspace, env, stdio: 'ignore' }
      )
      const wall = Number(process.hrtime.bigint() - start) / 1e6
      return [Number(readFileSync(cpuFile, 'utf8').trim()), wall]
    }
    for (const mode of MODES) {
      const cpu: number[] = []
      const wall: number[] = []
      const floorCpu: number[] = []
      for (let r = 0; r < ROUNDS; r++) {
        const [fc, fw] = run(['-e', '0'], {})
        const [c, w] = run([entry], mode.inputs)
        floorCpu.push(fc)
        cpu.push(c / fc)
        wall.push(w / fw)
      }
      report(
        `start-up/bare node ${mode.name}`,
        median(cpu),
        'ratio',
        {
          of: 'CPU time',
          wallRatio: Number(median(wall).toFixed(2)),
          bareMs: median(floorCpu),
          rounds: ROUNDS
        },
        mode.target
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const dist = path.join(ROOT, 'dist')
  report(
    'bundle loaded first',
    firstLoad(dist, 'index.js') / 1e6,
    'MB',
    { files: 'dist/index.js and its static imports' },
    1.5
  )
  report('bundle dist/ total', total(dist) / 1e6, 'MB', {}, 3)
}

/** Bytes of a module and every module it imports statically (relative imports in dist/). */
function firstLoad(dir: string, file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0
  seen.add(file)
  const text = readFileSync(path.join(dir, file), 'utf8')
  let bytes = Buffer.byteLength(text)
  // Static imports only (`import ... from "./x.js"`, `import "./x.js"`), not `import("./x.js")`.
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) {
    bytes += firstLoad(dir, m[1]!, seen)
  }
  return bytes
}

function total(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const p = path.join(dir, name)
    return n + (statSync(p).isDirectory() ? total(p) : statSync(p).size)
  }, 0)
}
