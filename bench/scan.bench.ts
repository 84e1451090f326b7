/**
 * The workflow engine against its floor, the bare `yaml.parseDocument` of the same text, each in
 * fresh processes run alternately with it (`processes.ts`): the scan, and the scan then the
 * rewrite (`planWorkflows`), over the corpus replicated to 1,040 files and over one 10 MB
 * workflow (`large-file.ts`). Ratios of CPU time, medians over the rounds; and the peak memory of
 * the scan + rewrite of the 1,040 files.
 *
 * Targets (issue 15): the 10 MB file's scan + rewrite within 3x its parse; the 1,040 files'
 * peak under 250 MiB. The corpus ratios keep the targets this bench had: scan <= 1.5x,
 * scan + rewrite <= 3x.
 */
import { alternate, median, medianRatio, probe, PROCESS_ROUNDS, report } from './processes.js'

const INPUTS = [
  { input: 'corpus', label: 'corpus x16 (1,040 files)', scan: 1.5, plan: 3 },
  { input: 'large', label: 'one 10 MB workflow', scan: undefined, plan: 3 }
] as const

export async function bench(): Promise<void> {
  for (const { input, label, scan, plan } of INPUTS) {
    const { floor, subjects } = await alternate(
      () => probe(`parse:${input}`),
      [() => probe(`scan:${input}`), () => probe(`plan:${input}`)]
    )
    const [scans, plans] = subjects as [typeof floor, typeof floor]
    const ms = (s: typeof floor): number => Number(median(s.map((x) => x.ms)).toFixed(0))
    const detail = { input: label, rounds: PROCESS_ROUNDS, parseMs: ms(floor) }
    report(
      `scan/parse ${input}`,
      medianRatio(floor, scans),
      'ratio',
      { ...detail, scanMs: ms(scans) },
      scan
    )
    report(
      `scan+rewrite/parse ${input}`,
      medianRatio(floor, plans),
      'ratio',
      { ...detail, planMs: ms(plans) },
      plan
    )
    const peak = (s: typeof floor): number => median(s.map((x) => x.rssMiB))
    report(
      `peak memory scan+rewrite ${input}`,
      peak(plans),
      'MiB',
      { input: label, parseMiB: Number(peak(floor).toFixed(0)) },
      input === 'corpus' ? 250 : undefined
    )
  }
}
