/**
 * Scanner speed against its floor: the corpus replicated in memory to at least 1,000 files,
 * each parsed by a bare `yaml.parseDocument`, then scanned by `scanWorkflows` (which parses once
 * itself). Prints files/s and MB/s (of CPU time) of both and their ratio; the target is a ratio of at most 1.5.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import type { WorkflowFile } from '../src/workflows/findings.js'
import { scanWorkflows } from '../src/workflows/scan.js'

const MIN_FILES = 1000
const ROUNDS = 5

function corpus(): WorkflowFile[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const dir = path.resolve(root, '..', 'shared', 'corpus', 'workflows')
  const fixtures = path.join(root, '__fixtures__', 'workflows')
  const source = existsSync(dir) ? dir : fixtures
  if (source !== dir) console.log(`corpus absent (${dir}); using ${fixtures}`)
  return readdirSync(source)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => ({ path: n, text: readFileSync(path.join(source, n), 'utf8') }))
}

/** The corpus repeated under distinct paths until there are at least MIN_FILES files. */
function replicate(base: readonly WorkflowFile[]): WorkflowFile[] {
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
function bestOf(runs: readonly (() => unknown)[]): number[] {
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

export async function bench(): Promise<void> {
  const files = replicate(corpus())
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0)
  const mb = bytes / 1e6
  let sink = 0
  const [parseMs, scanMs] = bestOf([
    () => {
      for (const f of files) sink += parseDocument(f.text).errors.length
    },
    () => {
      sink += scanWorkflows(files).findings.length
    }
  ]) as [number, number]
  const line = (label: string, ms: number): string =>
    `${label.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${((files.length / ms) * 1000).toFixed(0).padStart(6)} files/s  ${((mb / ms) * 1000).toFixed(2).padStart(6)} MB/s`
  console.log(`${files.length} files, ${mb.toFixed(2)} MB (CPU time, best of ${ROUNDS})`)
  console.log(line('yaml.parseDocument', parseMs))
  console.log(line('scanWorkflows', scanMs))
  const ratio = scanMs / parseMs
  console.log(
    `ratio scan/parse: ${ratio.toFixed(2)} (target <= 1.5)${ratio > 1.5 ? '  OVER TARGET' : ''}`
  )
  if (sink < 0) console.log(sink)
  await Promise.resolve()
}
