/** A fixture repository of `__fixtures__/code/` as the code scan takes it (tests only). */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { CodeFile } from '../../src/code/contract.js'

export const FIXTURES = path.join('__fixtures__', 'code')

export function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return walk(full, base)
    return [path.relative(base, full).split(path.sep).join('/')]
  })
}

/** Its workflow files and its other files (expected.json and fixed/ aside). */
export function fixtureRepo(name: string): { workflows: CodeFile[]; files: CodeFile[] } {
  const dir = path.join(FIXTURES, name)
  const all = walk(dir)
    .filter((p) => p !== 'expected.json' && !p.startsWith('fixed/'))
    .sort()
    .map((p) => ({ path: p, text: readFileSync(path.join(dir, p), 'utf8') }))
  return {
    workflows: all.filter((f) => f.path.startsWith('.github/')),
    files: all.filter((f) => !f.path.startsWith('.github/'))
  }
}
