/**
 * Scanner speed against its floor: the corpus replicated in memory to at least 1,000 files,
 * each parsed by a bare `yaml.parseDocument`, then scanned by `scanWorkflows` (which parses once
 * itself). Prints files/s and MB/s (of CPU time) of both and their ratio; the target is a ratio of at most 1.5.
 */
import { parseDocument } from 'yaml'
import { bestOf, corpus, replicate, ROUNDS } from './corpus.js'
import { scanWorkflows } from '../src/workflows/scan/scan.js'

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
