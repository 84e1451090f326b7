/**
 * One measurement in a fresh process (`bench/processes.ts` runs it): `node --import tsx
 * bench/probe.ts <task>` does the task's work once and prints `{ms, rssMiB}`: the CPU time of
 * the work (user + system, not the module loading) and the process's peak resident set.
 *
 * Tasks: `<parse|scan|plan>:<corpus|large>`: the bare `yaml.parseDocument` of every file, the
 * scan, or the scan then the rewrite (`planWorkflows`), over the corpus replicated to 1,040
 * files or one 10 MB workflow (`large-file.ts`).
 */
import { parseDocument } from 'yaml'
import { corpus, replicate } from './corpus.js'
import { largeWorkflow } from './large-file.js'
import type { WorkflowFile } from '../src/workflows/findings.js'
import { planWorkflows } from '../src/workflows/plan.js'
import { scanWorkflows } from '../src/workflows/scan/scan.js'

export const LARGE_BYTES = 10e6

const [work, input] = (process.argv[2] ?? '').split(':')
const files: WorkflowFile[] =
  input === 'large'
    ? [{ path: '.github/workflows/large.yml', text: largeWorkflow(LARGE_BYTES) }]
    : input === 'corpus'
      ? replicate(corpus())
      : []
if (files.length === 0) throw new Error(`unknown input in '${process.argv[2]}'`)
const tasks: Record<string, () => number> = {
  parse: () => files.reduce((n, f) => n + parseDocument(f.text).errors.length, 0),
  scan: () => scanWorkflows(files).findings.length,
  plan: () => planWorkflows(files).rewrite.files.length
}
const task = tasks[work ?? '']
if (!task) throw new Error(`unknown task in '${process.argv[2]}'`)
const start = process.cpuUsage()
const sink = task()
const used = process.cpuUsage(start)
console.log(
  JSON.stringify({
    ms: (used.user + used.system) / 1000,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    sink
  })
)
