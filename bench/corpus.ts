/**
 * What the benchmarks share: the corpus replicated in memory to at least 1,000 files, and the
 * best CPU time of interleaved runs in one process (`code.bench.ts`; the scan's figures are
 * medians over separate processes, `processes.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WorkflowFile } from '../src/workflows/findings.js'

export const MIN_FILES = 1000
export const ROUNDS = 5

/** The corpus files (`../shared/corpus/workflows`), or the project's fixtures when it is absent. */
export function corpus(): WorkflowFile[] {
  // BENCH_ROOT: set by `processes.ts` for a probe bundled outside the repository's tree.
  const root =
    process.env.BENCH_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const dir = path.resolve(root, '..', 'shared', 'corpus', 'workflows')
  const fixtures = path.join(root, '__fixtures__', 'workflows')
  const source = existsSync(dir) ? dir : fixtures
  if (source !== dir) console.log(`corpus absent (${dir}); using ${fixtures}`)
  return readdirSync(source)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => ({ path: n, text: readFileSync(path.join(source, n), 'utf8') }))
}

/** The corpus repeated under distinct paths until there are at least MIN_FILES files. */
export function replicate(base: readonly WorkflowFile[]): WorkflowFile[] {
  const out: WorkflowFile[] = []
  for (let copy = 0; out.length < MIN_FILES; copy++) {
    for (const f of base) out.push({ path: `copy-${copy}/${f.path}`, text: f.text })
  }
  return out
}

/**
 * Best CPU time (ms, user + system of this process) of each run over ROUNDS interleaved rounds,
 * after one warm-up of each. CPU time rather than wall time: the machine is shared, and other
 * processes' load must not count against either side.
 */
export function bestOf(runs: readonly (() => unknown)[]): number[] {
  for (const run of runs) run()
  const best = runs.map(() => Infinity)
  for (let i = 0; i < ROUNDS; i++) {
    runs.forEach((run, k) => {
      const start = process.cpuUsage()
      run()
      const used = process.cpuUsage(start)
      best[k] = Math.min(best[k]!, (used.user + used.system) / 1000)
    })
  }
  return best
}
