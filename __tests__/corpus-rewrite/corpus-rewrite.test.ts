/**
 * Every corpus workflow rewritten as `plan --diff` does (no role ARNs given: placeholders; no
 * region given), compared with the diff reviewed by hand in `expected/NN.diff` (no file: the
 * workflow must stay as it was). Each rewritten file passes actionlint with no error the
 * original did not have, rewrites to itself, and re-scans without automatic findings.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { unifiedDiff } from '../../src/workflows/diff.js'
import type { WorkflowFile } from '../../src/workflows/findings.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { Actionlint, newErrors } from '../../test-support/actionlint.js'

// Real public workflows kept next to the repository (never copied into it). CI has them; a
// clone elsewhere does not, and then these tests say so and skip.
const CORPUS = path.resolve('..', 'shared', 'corpus', 'workflows')
const EXPECTED = path.join('__tests__', 'corpus-rewrite', 'expected')
/** Lines of context in the kept diffs: enough to review, little of the corpus repeated. */
const CONTEXT = 1
/**
 * Carriage returns are kept visible as U+240D in the stored diffs (the repository normalises line
 * endings, and CRLF files must show that their endings stayed).
 */
const CR = '\u240d'
const present = existsSync(CORPUS)
if (!present) {
  console.log(`corpus rewrite tests skipped: ${CORPUS} is absent (it is present in CI)`)
}

function corpusFiles(): WorkflowFile[] {
  return readdirSync(CORPUS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(path.join(CORPUS, name), 'utf8') }))
}

const suite = present ? describe : describe.skip
const files = present ? corpusFiles() : []
const scan = scanWorkflows(files)
const result = rewriteWorkflows(files, scan.findings, {})
const linter = new Actionlint()
afterAll(() => {
  if (present) console.log(`actionlint restarts over the corpus: ${linter.restarts}`)
})

function expectedDiff(name: string): string | null {
  const file = path.join(EXPECTED, `${name.slice(0, 2)}.diff`)
  return existsSync(file) ? readFileSync(file, 'utf8') : null
}

suite('rewriteWorkflows over the corpus', () => {
  it('rewrites a good share of the corpus and keeps a reviewed diff for each rewritten file', () => {
    const changed = result.files.filter((f) => f.changed)
    expect(files.length).toBeGreaterThanOrEqual(65)
    expect(changed.length).toBeGreaterThanOrEqual(25)
    const kept = readdirSync(EXPECTED).filter((n) => n.endsWith('.diff'))
    expect(kept.sort()).toEqual(changed.map((f) => `${f.path.slice(0, 2)}.diff`).sort())
  })

  it.each(files.map((f) => f.path))('%s', async (name) => {
    const f = result.files.find((x) => x.path === name)!
    const diff = unifiedDiff(f, CONTEXT).replace(/\r/g, CR)
    expect(diff === '' ? null : diff).toEqual(expectedDiff(name))
    if (!f.changed) return
    expect(f.edits.length).toBeGreaterThan(0)

    const before = await linter.lint(f.before, name)
    const after = await linter.lint(f.after, name)
    expect(newErrors(before, after)).toEqual([])

    const rescan = scanWorkflows([{ path: name, text: f.after }])
    expect(rescan.errors).toEqual([])
    expect(rescan.findings.filter((x) => x.migration === 'automatic')).toEqual([])
    const again = rewriteWorkflows([{ path: name, text: f.after }], rescan.findings, {})
    expect(again.files[0]!.after).toBe(f.after)
  })

  it('migrates exactly the findings the scan marks automatic, and follows up every other', () => {
    // The plan settles nothing over the corpus: the scan already says what the rewrite does.
    expect(result.findings).toEqual(scan.findings)
    for (const f of scan.findings.filter((x) => x.kind !== 'non-aws')) {
      const file = result.files.find((x) => x.path === f.file)!
      const followed = file.followUps.some((u) => u.line === f.line && u.kind === f.kind)
      expect({
        f: `${f.file}:${f.line}`,
        migration: f.migration,
        changed: file.changed,
        followed
      }).toEqual({
        f: `${f.file}:${f.line}`,
        migration: f.migration,
        changed: f.migration === 'automatic' ? true : file.changed,
        followed: f.migration !== 'automatic'
      })
    }
  })

  it('leaves every file it does not rewrite byte for byte; each manual finding is migrated or followed up', () => {
    for (const f of result.files.filter((x) => !x.changed)) expect(f.after).toBe(f.before)
    const rescan = scanWorkflows(result.files.map((f) => ({ path: f.path, text: f.after })))
    const key = (x: { file: string; kind: string | null }): string => `${x.file}|${x.kind}`
    const count = (list: readonly { file: string; kind: string | null }[]): Map<string, number> => {
      const m = new Map<string, number>()
      for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
      return m
    }
    const manual = scan.findings.filter((x) => x.migration === 'manual')
    const left = count(rescan.findings.filter((x) => x.migration === 'manual'))
    const followed = count(result.files.flatMap((f) => f.followUps).filter((u) => u.kind !== null))
    expect(rescan.findings.filter((x) => x.migration === 'automatic')).toEqual([])
    for (const [k, n] of count(manual)) {
      // Every manual finding still in the output has its follow-up; the others were migrated.
      expect({ k, followed: followed.get(k) ?? 0 }).toEqual({ k, followed: left.get(k) ?? 0 })
      expect(left.get(k) ?? 0).toBeLessThanOrEqual(n)
    }
    // Declared key secrets made optional and no longer read are not findings any more.
    const released = scan.findings.filter(
      (x) => x.kind === 'reusable-workflow-secret' && x.migration === 'automatic'
    )
    expect(released.length).toBeGreaterThan(0)
    for (const r of released) {
      expect(rescan.findings.filter((x) => x.file === r.file && x.kind === r.kind)).toEqual([])
    }
  })
})
