/**
 * The scan returns its parsed trees for the rewrite (src/workflows/parsed.ts): only when asked
 * (`keepTrees`, as `planWorkflows` and `mode: migrate` do), only for the files the rewrite
 * parses again, once, for the same file object and text, never in the result's JSON, within the
 * memory budget of `treeKeepers` (largest files first); and the rewrite's result is the same
 * whether it got the trees or parsed the texts itself.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { WorkflowFile } from '../../src/workflows/findings.js'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows, TREE_BUDGET_FLOOR, treeKeepers } from '../../src/workflows/scan/scan.js'

function read(dir: string): WorkflowFile[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(path.join(dir, name), 'utf8') }))
}

const fixtures = read(path.join('__fixtures__', 'workflows'))
const corpusDir = path.resolve('..', 'shared', 'corpus', 'workflows')
const corpus = existsSync(corpusDir) ? read(corpusDir) : []

const KEYS = `name: Publish
on:
  push:
jobs:
  publish:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-region: us-east-2
          aws-access-key-id: \${{ secrets.SITE_AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.SITE_AWS_SECRET_ACCESS_KEY }}
      - run: aws s3 sync site s3://bucket
`
const NO_KEYS = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`

const KEEP = { keepTrees: true }

describe('trees handed from the scan to the rewrite', () => {
  it('are kept only when the caller will rewrite (keepTrees)', () => {
    const keys = { path: 'keys.yml', text: KEYS }
    expect(scanWorkflows([keys]).trees.take(keys)).toBeNull()
    expect(scanWorkflows([keys], KEEP).trees.take(keys)?.toString()).toBe(KEYS)
  })

  it('are kept only for files the rewrite parses, and taken once', () => {
    const keys = { path: 'keys.yml', text: KEYS }
    const plain = { path: 'plain.yml', text: NO_KEYS }
    const scan = scanWorkflows([keys, plain], KEEP)
    expect(scan.findings.some((f) => f.file === 'keys.yml' && f.migration === 'automatic')).toBe(
      true
    )
    const doc = scan.trees.take(keys)
    expect(doc?.toString()).toBe(KEYS)
    expect(scan.trees.take(keys)).toBeNull()
    expect(scan.trees.take(plain)).toBeNull()
    // Same path and text, another object: nothing.
    const again = scanWorkflows([keys], KEEP)
    expect(again.trees.take({ ...keys })).toBeNull()
  })

  it('never reach the JSON of the result', () => {
    const scan = scanWorkflows([{ path: 'keys.yml', text: KEYS }], KEEP)
    expect(Object.keys(scan)).toEqual(['findings', 'errors'])
    expect(JSON.parse(JSON.stringify(scan))).toEqual({
      findings: JSON.parse(JSON.stringify(scan.findings)),
      errors: []
    })
  })

  it('are not used when the text of the file object changed after the scan', () => {
    const file = { path: 'keys.yml', text: KEYS }
    const { trees } = scanWorkflows([file], KEEP)
    file.text = NO_KEYS
    expect(trees.take(file)).toBeNull()
  })

  it.each([
    ['fixtures', fixtures],
    ['corpus', corpus]
  ])('give the same rewrite as parsing again (%s)', (_name, files) => {
    if (files.length === 0) return
    const findings = scanWorkflows(files).findings
    // No trees: the rewrite parses every file itself.
    const parsedAgain = rewriteWorkflows(
      files.map((f) => ({ ...f })),
      findings
    )
    const shared = files.map((f) => ({ ...f }))
    const scan = scanWorkflows(shared, KEEP)
    const handed = rewriteWorkflows(shared, scan.findings, {}, scan.trees)
    expect(handed.files.some((f) => f.changed)).toBe(true)
    expect(handed).toEqual(parsedAgain)
    // The rewrite took every tree it was handed.
    expect(shared.filter((f) => scan.trees.take(f) !== null)).toEqual([])
  })
})

describe('the memory budget of the kept trees (treeKeepers)', () => {
  const file = (name: string, length: number): WorkflowFile => ({
    path: name,
    text: 'x'.repeat(length)
  })

  it('keeps the largest files first, up to the largest one or the floor', () => {
    const files = [file('c', 100), file('a', 300), file('d', 50), file('b', 200)]
    const names = (keep: Set<WorkflowFile>): string[] => [...keep].map((f) => f.path).sort()
    // The floor under the largest file: the largest alone fills the budget.
    expect(names(treeKeepers(files, 0))).toEqual(['a'])
    // 400: a (300), then b does not fit in the 100 left, c does, d no longer.
    expect(names(treeKeepers(files, 400))).toEqual(['a', 'c'])
    expect(names(treeKeepers(files, 650))).toEqual(['a', 'b', 'c', 'd'])
    expect(treeKeepers([], 0).size).toBe(0)
  })

  it('leaves the trees of files beyond it out, and the rewrite parses those itself', () => {
    // A file larger than the floor fills the budget alone: the small one is parsed again.
    const padding = `# ${'-'.repeat(98)}\n`.repeat(Math.ceil(TREE_BUDGET_FLOOR / 100) + 10)
    const big = { path: 'big.yml', text: padding + KEYS }
    const small = { path: 'small.yml', text: KEYS }
    expect(big.text.length).toBeGreaterThan(TREE_BUDGET_FLOOR)
    const files = [small, big]
    const scan = scanWorkflows(files, KEEP)
    const automatic = (name: string): boolean =>
      scan.findings.some((f) => f.file === name && f.migration === 'automatic')
    expect(automatic('big.yml') && automatic('small.yml')).toBe(true)
    const rewrite = rewriteWorkflows(files, scan.findings, {}, scan.trees)
    const again = rewriteWorkflows(
      files.map((f) => ({ ...f })),
      scanWorkflows(files).findings
    )
    expect(rewrite).toEqual(again)
    expect(rewrite.files.every((f) => f.changed)).toBe(true)
    // What was kept was taken: only the big file's tree was there to take.
    const kept = scanWorkflows(files, KEEP).trees
    expect(kept.take(small)).toBeNull()
    expect(kept.take(big)?.toString()).toBe(big.text)
  })
})
