/**
 * Rewriter speed against its floor: the corpus replicated in memory to at least 1,000 files,
 * each parsed by a bare `yaml.parseDocument`, then scanned and rewritten (`scanWorkflows` then
 * `rewriteWorkflows`, which takes the scan's trees of the files it edits, or parses them when
 * run alone, and checks each rewritten file by parsing and re-scanning it). Prints files/s and
 * MB/s (of CPU time) of each and the ratio of scan + rewrite to the bare parse; the target is at
 * most 3. Each run gets fresh file objects: the scan's trees are for the file objects it was
 * given (`src/workflows/parsed.ts`), and each is taken once.
 */
import { parseDocument } from 'yaml'
import { bestOf, corpus, replicate, ROUNDS } from './corpus.js'
import type { WorkflowFile } from '../src/workflows/findings.js'
import { rewriteWorkflows } from '../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../src/workflows/scan/scan.js'

const TARGET = 3

export async function bench(): Promise<void> {
  const files = replicate(corpus())
  const mb = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6
  const findings = scanWorkflows(files).findings
  const changed = rewriteWorkflows(files, findings).files.filter((f) => f.changed).length
  const fresh = (): WorkflowFile[] => files.map((f) => ({ path: f.path, text: f.text }))
  let sink = 0
  const [parseMs, scanMs, rewriteMs, bothMs] = bestOf([
    () => {
      for (const f of files) sink += parseDocument(f.text).errors.length
    },
    () => {
      sink += scanWorkflows(fresh()).findings.length
    },
    () => {
      sink += rewriteWorkflows(fresh(), findings).files.length
    },
    () => {
      const own = fresh()
      const scan = scanWorkflows(own)
      sink += rewriteWorkflows(own, scan.findings, {}, scan.trees).files.length
    }
  ]) as [number, number, number, number]
  const line = (label: string, ms: number): string =>
    `${label.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  ${((files.length / ms) * 1000).toFixed(0).padStart(6)} files/s  ${((mb / ms) * 1000).toFixed(2).padStart(6)} MB/s`
  console.log(
    `${files.length} files (${changed} rewritten), ${mb.toFixed(2)} MB (CPU time, best of ${ROUNDS})`
  )
  console.log(line('yaml.parseDocument', parseMs))
  console.log(line('scanWorkflows', scanMs))
  console.log(line('rewriteWorkflows', rewriteMs))
  console.log(line('scan + rewrite', bothMs))
  const ratio = bothMs / parseMs
  console.log(
    `ratio (scan + rewrite)/parse: ${ratio.toFixed(2)} (target <= ${TARGET})${ratio > TARGET ? '  OVER TARGET' : ''}`
  )
  if (sink < 0) console.log(sink)
  await Promise.resolve()
}
