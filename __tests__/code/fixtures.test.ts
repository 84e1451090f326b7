/**
 * The code scan over the small repositories of `__fixtures__/code/` (one per language and
 * tool): each holds the files a job runs, `expected.json` (the findings, the files each job runs,
 * the jobs held on their keys) and `fixed/` (each fixed file as it must read). The fixed Python,
 * JavaScript and shell files must still parse (`python3 -m py_compile`, `node --check`,
 * `bash -n`), and a second scan of the fixed files finds nothing left to fix (idempotent).
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { scanCode } from '../../src/code/scan.js'
import { FIXTURES, fixtureRepo, walk } from './fixture-repo.js'

const ROOT = FIXTURES

/** Whether the fixed file still parses, by the language's own tool. */
function parses(file: string, text: string): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'code-fix-'))
  try {
    const target = path.join(tmp, path.basename(file))
    writeFileSync(target, text)
    if (file.endsWith('.py')) execFileSync('python3', ['-m', 'py_compile', target])
    else if (/\.[cm]?js$/.test(file)) execFileSync('node', ['--check', target])
    else if (/\.(sh|bash)$/.test(file)) execFileSync('bash', ['-n', target])
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

const fixtures = readdirSync(ROOT).filter((n) => statSync(path.join(ROOT, n)).isDirectory())

describe('code scan fixtures', () => {
  it('has a fixture per language and tool', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2)
  })

  it.each(fixtures)('%s: findings, links, holds and fixed files', (name) => {
    const dir = path.join(ROOT, name)
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'))
    const { workflows, files } = fixtureRepo(name)
    const scan = scanCode(workflows, files)
    expect(
      scan.findings.map((f) => ({
        file: f.file,
        line: f.line,
        construct: f.construct,
        verdict: f.verdict,
        fixed: f.fix !== null
      }))
    ).toEqual(expected.findings)
    expect(scan.links).toEqual(expected.links)
    expect(scan.holds).toEqual(expected.holds)
    const fixedDir = path.join(dir, 'fixed')
    const want = statSync(fixedDir, { throwIfNoEntry: false }) ? walk(fixedDir).sort() : []
    expect(scan.fixed.map((f) => f.path).sort()).toEqual(want)
    for (const f of scan.fixed) {
      expect(f.after).toBe(readFileSync(path.join(fixedDir, f.path), 'utf8'))
      parses(f.path, f.after)
    }
    // Idempotent: the fixed files have nothing left to fix.
    const again = scanCode(
      workflows,
      files.map((f) => ({
        path: f.path,
        text: scan.fixed.find((x) => x.path === f.path)?.after ?? f.text
      }))
    )
    expect(again.fixed).toEqual([])
  })
})
