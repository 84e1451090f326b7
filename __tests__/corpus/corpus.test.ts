import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import type { WorkflowFile } from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { EXPECTED_ERRORS, EXPECTED_FINDINGS } from './expected.js'

// Real public workflows kept next to the repository (never copied into it). CI has them; a
// clone elsewhere does not, and then these tests say so and skip.
const CORPUS = path.resolve('..', 'shared', 'corpus', 'workflows')
const present = existsSync(CORPUS)
if (!present) {
  console.log(`corpus tests skipped: ${CORPUS} is absent (it is present in CI)`)
}

function corpusFiles(): WorkflowFile[] {
  return readdirSync(CORPUS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(path.join(CORPUS, name), 'utf8') }))
}

const suite = present ? describe : describe.skip

suite('scanWorkflows over the corpus', () => {
  const files = present ? corpusFiles() : []
  const result = present ? scanWorkflows(files) : { findings: [], errors: [] }

  it('has every expected file in the corpus and the corpus is not empty', () => {
    const names = new Set(files.map((f) => f.path))
    expect(files.length).toBeGreaterThanOrEqual(65)
    for (const name of [...Object.keys(EXPECTED_FINDINGS), ...Object.keys(EXPECTED_ERRORS)]) {
      expect(names.has(name)).toBe(true)
    }
  })

  it.each(present ? corpusFiles().map((f) => f.path) : [])('%s', (name) => {
    const actual = result.findings
      .filter((f) => f.file === name)
      .map((f) => [f.line, f.kind, f.migration, [...f.secrets]])
    expect(actual).toEqual(
      (EXPECTED_FINDINGS[name] ?? []).map((e) => [e[0], e[1], e[2], [...e[3]]])
    )
    const errors = result.errors.filter((e) => e.file === name).map((e) => [e.line, e.message])
    expect(errors).toEqual(EXPECTED_ERRORS[name] ?? [])
  })

  it('never reports non-key secrets (bucket, region, role ARN, account id) as keys', () => {
    const notKeys = /BUCKET|REGION|ROLE|ARN|ACCOUNT|GITHUB_TOKEN|ENDPOINT/i
    for (const f of result.findings) {
      for (const s of f.secrets)
        expect(`${f.file}: ${s}`).not.toMatch(new RegExp(`: .*(${notKeys.source})`, 'i'))
    }
  })

  it('gives paths that name existing nodes of the file', () => {
    const texts = new Map(files.map((f) => [f.path, f.text]))
    for (const f of result.findings) {
      const doc = parseDocument(texts.get(f.file)!)
      expect([f.file, f.path, doc.hasIn(f.path)]).toEqual([f.file, f.path, true])
    }
  })

  it('points line and column at the reference in the file (CRLF and mixed EOL included)', () => {
    const texts = new Map(files.map((f) => [f.path, f.text]))
    for (const f of result.findings) {
      const line = texts.get(f.file)!.split('\n')[f.line - 1]!
      const at = line.slice(f.column - 1)
      const expected =
        f.kind === 'reusable-workflow-secret' || (f.kind === 'non-aws' && f.path[0] === 'on')
          ? new RegExp(`^${String(f.path[f.path.length - 1])}:`)
          : /^(secrets|env\.|inputs\.|toJSON|\$\{\{|steps\.)/i
      expect(`${f.file}:${f.line}: ${at}`).toMatch(
        new RegExp(`^[^:]+:\\d+: ${expected.source.slice(1)}`, 'i')
      )
    }
  })

  it('scans one file at a time the same as all together (no cross-file effect in the corpus)', () => {
    const one = files.flatMap((f) => scanWorkflows([f]).findings)
    expect(one.map((f) => [f.file, f.line, f.kind])).toEqual(
      result.findings.map((f) => [f.file, f.line, f.kind])
    )
  })

  it('never throws, also on every file cut short at several points', () => {
    for (const f of files) {
      for (const cut of [0.17, 0.33, 0.5, 0.71, 0.9]) {
        const text = f.text.slice(0, Math.floor(f.text.length * cut))
        expect(() => scanWorkflows([{ path: f.path, text }])).not.toThrow()
      }
    }
  })
})
