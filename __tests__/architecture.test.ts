/**
 * The house rules of docs/ARCHITECTURE.md, read off the source: which folders are pure (no AWS
 * SDK, Octokit, @actions/*, node:fs or other I/O module, no module-level mutable state), which
 * way the arrows between folders run, no import cycle, no file over 400 lines and no folder with
 * more than 16 files.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SRC = join(ROOT, 'src')

/** Folders (relative to the repository) whose modules do no I/O, and what each may import. */
const PURE: Record<string, readonly string[]> = {
  'src/workflows': ['src/workflows'],
  'src/aws/plan': ['src/workflows', 'src/aws/plan'],
  'src/trust': ['src/workflows', 'src/aws/plan', 'src/trust'],
  'src/code': ['src/workflows', 'src/code'],
  'src/iac': ['src/workflows', 'src/aws/plan', 'src/trust', 'src/iac'],
  'src/migration': [
    'src/workflows',
    'src/aws/plan',
    'src/trust',
    'src/code',
    'src/iac',
    'src/migration'
  ],
  'src/retire': ['src/workflows', 'src/aws/plan', 'src/trust', 'src/migration', 'src/retire'],
  'src/report': [
    'src/workflows',
    'src/aws/plan',
    'src/trust',
    'src/code',
    'src/iac',
    'src/migration',
    'src/retire',
    'src/report'
  ],
  // Input parsers: pure functions of the input text (read in src/inputs.ts).
  'src/settings': ['src/workflows', 'src/aws/plan', 'src/iac', 'src/settings']
}
/** Leaf modules outside the pure folders that are themselves pure (no imports of I/O). */
const PURE_LEAVES = ['src/errors.ts', 'src/formats.ts', 'src/action-inputs.ts']

/** Packages a pure module never imports. */
const IO_PACKAGES = [
  /^@aws-sdk\//,
  /^@smithy\//,
  /^@octokit\//,
  /^@actions\//,
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads|os|process)$/
]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

const sources = filesUnder(SRC).map((abs) => {
  const file = relative(ROOT, abs).split('\\').join('/')
  const text = readFileSync(abs, 'utf8')
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'";]*?\sfrom\s+'([^']+)'/gm),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)
  ].map((m) => m[1] as string)
  const imports = specifiers.map((spec) =>
    spec.startsWith('.')
      ? {
          kind: 'file' as const,
          target: posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts')
        }
      : { kind: 'package' as const, target: spec }
  )
  return { file, text, imports }
})

const pureFolderOf = (file: string): string | undefined =>
  Object.keys(PURE)
    .filter((folder) => file.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0]

const isUnder = (file: string, folder: string): boolean => file.startsWith(`${folder}/`)

describe('the layout of src/', () => {
  it('finds the modules it checks', () => {
    expect(sources.length).toBeGreaterThan(50)
    for (const folder of Object.keys(PURE)) {
      expect(sources.some((s) => isUnder(s.file, folder))).toBe(true)
    }
  })

  it('pure folders import no I/O package', () => {
    const offences = sources
      .filter((s) => pureFolderOf(s.file) !== undefined || PURE_LEAVES.includes(s.file))
      .flatMap((s) =>
        s.imports
          .filter((i) => i.kind === 'package' && IO_PACKAGES.some((p) => p.test(i.target)))
          .map((i) => `${s.file} imports ${i.target}`)
      )
    expect(offences).toEqual([])
  })

  it('pure folders import only pure modules, and only from the folders below them', () => {
    const offences = sources.flatMap((s) => {
      const folder = pureFolderOf(s.file)
      if (folder === undefined) return []
      const allowed = PURE[folder] ?? []
      return s.imports
        .filter((i) => i.kind === 'file')
        .filter(
          (i) => !PURE_LEAVES.includes(i.target) && !allowed.some((f) => isUnder(i.target, f))
        )
        .map((i) => `${s.file} imports ${i.target}`)
    })
    expect(offences).toEqual([])
  })

  it('the scan never imports the rewrite, and the shared workflow modules import neither', () => {
    const offences = sources.flatMap((s) => {
      const forbidden = isUnder(s.file, 'src/workflows/scan')
        ? ['src/workflows/rewrite']
        : posix.dirname(s.file) === 'src/workflows' && s.file !== 'src/workflows/plan.ts'
          ? ['src/workflows/scan', 'src/workflows/rewrite']
          : []
      return s.imports
        .filter((i) => i.kind === 'file' && forbidden.some((f) => isUnder(i.target, f)))
        .map((i) => `${s.file} imports ${i.target}`)
    })
    expect(offences).toEqual([])
  })

  it('pure folders keep no module-level mutable state', () => {
    const offences = sources
      .filter((s) => pureFolderOf(s.file) !== undefined || PURE_LEAVES.includes(s.file))
      .flatMap((s) =>
        s.text
          .split('\n')
          .map((line, i) => ({ line, n: i + 1 }))
          .filter(
            ({ line }) =>
              /^(?:export\s+)?(?:let|var)\s/.test(line) ||
              /^(?:export\s+)?const\s+\w+\s*=\s*new\s+(?:Weak)?(?:Map|Set)\b/.test(line) ||
              /^(?:export\s+)?const\s+\w+\s*:\s*(?:Weak)?(?:Map|Set)\b/.test(line)
          )
          .map(({ line, n }) => `${s.file}:${n}: ${line.trim()}`)
      )
    expect(offences).toEqual([])
  })

  it('has no import cycle', () => {
    const graph = new Map(
      sources.map((s) => [s.file, s.imports.filter((i) => i.kind === 'file').map((i) => i.target)])
    )
    const state = new Map<string, 'open' | 'done'>()
    const cycles: string[] = []
    const visit = (file: string, stack: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' -> '))
        return
      }
      state.set(file, 'open')
      for (const next of graph.get(file) ?? []) visit(next, [...stack, file])
      state.set(file, 'done')
    }
    for (const file of graph.keys()) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('no file of src/ or test-support/ is over 400 lines', () => {
    const support = filesUnder(join(ROOT, 'test-support')).map((abs) => ({
      file: relative(ROOT, abs).split('\\').join('/'),
      text: readFileSync(abs, 'utf8')
    }))
    const long = [...sources, ...support]
      .map((s) => ({
        file: s.file,
        lines: s.text.split('\n').length - (s.text.endsWith('\n') ? 1 : 0)
      }))
      .filter((s) => s.lines > 400)
      .map((s) => `${s.file}: ${s.lines} lines`)
    expect(long).toEqual([])
  })

  it('no folder holds more than 16 files directly', () => {
    const counts = new Map<string, number>()
    for (const s of sources)
      counts.set(posix.dirname(s.file), (counts.get(posix.dirname(s.file)) ?? 0) + 1)
    const crowded = [...counts].filter(([, n]) => n > 16).map(([dir, n]) => `${dir}: ${n} files`)
    expect(crowded).toEqual([])
  })
})
