/**
 * Figures measured in separate processes: each sample is one fresh `node` running a probe, and
 * a subject is always run alternately with its floor (floor, subjects, floor, subjects, ...), so
 * that the load of a shared machine falls on both sides alike. A ratio is the median over the
 * rounds of subject/floor within a round; one figure is one JSON line (`figure`).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PROCESS_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

/** What a probe reports: CPU time of the measured work, and the process's peak RSS. */
export interface Sample {
  readonly ms: number
  readonly rssMiB: number
}

let bundled: string | null = null

/**
 * The probe bundled once into plain JavaScript (esbuild, as `scripts/bundle.mjs` bundles the
 * action), so that a sample is a bare `node` process: no TypeScript loader in its time or memory.
 */
async function probeFile(): Promise<string> {
  if (bundled) return bundled
  const { build } = await import('esbuild')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-probe-'))
  const outfile = path.join(dir, 'probe.mjs')
  await build({
    entryPoints: [path.join(ROOT, 'bench', 'probe.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    },
    // yaml's ESM build, as scripts/bundle.mjs ships it (no CommonJS getters between our code and it).
    plugins: [
      {
        name: 'yaml-esm',
        setup(b) {
          b.onResolve({ filter: /^yaml$/ }, () => ({
            path: path.join(ROOT, 'node_modules', 'yaml', 'browser', 'index.js')
          }))
        }
      }
    ],
    logLevel: 'warning'
  })
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  bundled = outfile
  return outfile
}

/** Runs `bench/probe.ts <task>` in a fresh process. */
export async function probe(task: string): Promise<Sample> {
  const file = await probeFile()
  const out = execFileSync(process.execPath, [file, task], {
    cwd: ROOT,
    env: { ...process.env, BENCH_ROOT: ROOT },
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Rounds of `floor` then each subject, each in its own process; the samples per task. */
export async function alternate(
  floor: () => Promise<Sample>,
  subjects: readonly (() => Promise<Sample>)[],
  rounds = PROCESS_ROUNDS
): Promise<{ floor: Sample[]; subjects: Sample[][] }> {
  const floors: Sample[] = []
  const subs: Sample[][] = subjects.map(() => [])
  for (let r = 0; r < rounds; r++) {
    floors.push(await floor())
    for (const [k, s] of subjects.entries()) subs[k]!.push(await s())
  }
  return { floor: floors, subjects: subs }
}

/** The median over rounds of subject/floor (of `key`). */
export function medianRatio(
  floor: readonly Sample[],
  subject: readonly Sample[],
  key: keyof Sample = 'ms'
): number {
  return median(subject.map((s, i) => s[key] / floor[i]![key]))
}

export interface Figure {
  readonly figure: string
  readonly value: number
  readonly unit: string
  /** The target as text (`<= 3`), when the issue sets one. */
  readonly target?: string
  readonly met?: boolean
  readonly [detail: string]: unknown
}

/** Prints one figure as one JSON line; `max` sets the target `value <= max`. */
export function report(
  figure: string,
  value: number,
  unit: string,
  detail: Record<string, unknown> = {},
  max?: number
): Figure {
  const line: Figure = {
    figure,
    value: Number(value.toFixed(unit === 'ratio' ? 3 : 2)),
    unit,
    ...(max === undefined ? {} : { target: `<= ${max}`, met: value <= max }),
    ...detail
  }
  console.log(JSON.stringify(line))
  return line
}
