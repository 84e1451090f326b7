/**
 * What each job runs: its `run:` scripts (with their place in the file, for the shell detector),
 * the local composite actions it uses, and the repository files its steps name:
 * - a path on a command line (`python export.py`, `node scripts/x.js`, `bash deploy.sh`),
 *   relative to the step's working directory; `python -m pkg.mod`;
 * - `go run|build|test ./cmd/x` (the package's files; `./...` every package below);
 * - `terraform` (the `-chdir=` folder, else the working directory: its `*.tf`);
 * - `docker build` (its Dockerfile, and the files its `COPY` / `ADD` lines take from the
 *   context), and `docker/build-push-action` with `context` / `file`;
 * - `docker compose` / `docker-compose` (`-f` files, else the default names), `serverless` /
 *   `sls` (`serverless.yml`).
 * Pure: the workflow text is parsed with `yaml`; a file that does not parse links nothing.
 */
import { posix } from 'node:path'
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml'
import type { CodeFile } from './contract.js'

export interface RunScript {
  readonly file: string
  /** null in a composite action. */
  readonly job: string | null
  readonly step: number
  readonly start: number
  readonly end: number
  /** A literal block (`run: |`): lines can be added. */
  readonly lines: boolean
  readonly text: string
  readonly workingDirectory: string
}

export interface JobRuns {
  readonly workflow: string
  readonly job: string
  readonly scripts: readonly RunScript[]
  /** Files of local composite actions the job uses (`uses: ./.github/actions/x`). */
  readonly actions: readonly string[]
  /** `docker/build-push-action` inputs: [context, file]. */
  readonly builds: readonly (readonly [string, string | null])[]
}

function get(node: unknown, key: string): Node | null {
  if (!isMap(node)) return null
  for (const item of (node as YAMLMap).items) {
    if (isScalar(item.key) && String(item.key.value) === key)
      return (item.value as Node | null) ?? null
  }
  return null
}

const str = (node: Node | null): string | null =>
  isScalar(node) && typeof node.value === 'string' ? node.value : null

/** The jobs of the workflows and the steps of the composite actions, with their scripts. */
export function jobRuns(workflows: readonly CodeFile[]): {
  jobs: JobRuns[]
  actions: Map<string, RunScript[]>
} {
  const jobs: JobRuns[] = []
  const actions = new Map<string, RunScript[]>()
  const paths = new Set(workflows.map((w) => w.path))
  for (const w of workflows) {
    const doc = parseDocument(w.text)
    if (doc.errors.length > 0) continue
    const root = doc.contents
    const runs = get(root, 'runs')
    if (runs && !get(root, 'jobs')) {
      actions.set(w.path, stepScripts(w, null, get(runs, 'steps'), ''))
      continue
    }
    const defaultDir = str(get(get(get(root, 'defaults'), 'run'), 'working-directory')) ?? ''
    const jobsNode = get(root, 'jobs')
    if (!isMap(jobsNode)) continue
    for (const item of jobsNode.items) {
      if (!isScalar(item.key)) continue
      const job = String(item.key.value)
      const node = item.value as Node | null
      const dir = str(get(get(get(node, 'defaults'), 'run'), 'working-directory')) ?? defaultDir
      const steps = get(node, 'steps')
      const used: string[] = []
      const builds: [string, string | null][] = []
      for (const step of isSeq(steps) ? steps.items : []) {
        const uses = str(get(step, 'uses')) ?? ''
        const local = /^\.\/(.+?)\/?$/.exec(uses)?.[1]
        if (local) {
          for (const name of ['action.yml', 'action.yaml']) {
            if (paths.has(`${local}/${name}`)) used.push(`${local}/${name}`)
          }
        }
        if (/^docker\/build-push-action@/i.test(uses)) {
          const withNode = get(step, 'with')
          builds.push([str(get(withNode, 'context')) ?? '.', str(get(withNode, 'file'))])
        }
      }
      jobs.push({
        workflow: w.path,
        job,
        scripts: stepScripts(w, job, steps, dir),
        actions: used,
        builds
      })
    }
  }
  return { jobs, actions }
}

function stepScripts(
  w: CodeFile,
  job: string | null,
  steps: Node | null,
  dir: string
): RunScript[] {
  if (!isSeq(steps)) return []
  const out: RunScript[] = []
  steps.items.forEach((step, index) => {
    const run = get(step, 'run')
    if (!isScalar(run) || typeof run.value !== 'string' || !run.range) return
    out.push({
      file: w.path,
      job,
      step: index,
      start: run.range[0],
      end: run.range[1],
      lines: run.type === 'BLOCK_LITERAL',
      text: run.value,
      workingDirectory: str(get(step, 'working-directory')) ?? dir
    })
  })
  return out
}

/** A path of the repository from one written relative to `dir`; null when it leaves the root. */
export function repoPath(dir: string, written: string): string | null {
  const cleaned = written
    .replace(/^\$\{\{\s*github\.workspace\s*\}\}\/?|^\$\{?GITHUB_WORKSPACE\}?\/?/, '')
    .replace(/^["']|["']$/g, '')
  if (cleaned === '' || cleaned.startsWith('/') || cleaned.includes('$')) return null
  const p = posix.normalize(posix.join(dir || '.', cleaned)).replace(/\/$/, '')
  return p === '..' || p.startsWith('../') ? null : p === '.' ? '' : p
}

const inDir = (dir: string, path: string, recursive: boolean): boolean => {
  if (dir === '') return recursive || !path.includes('/')
  if (!path.startsWith(`${dir}/`)) return false
  return recursive || !path.slice(dir.length + 1).includes('/')
}

const OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  '-t',
  '--tag',
  '-f',
  '--file',
  '--build-arg',
  '--platform',
  '--target',
  '--label',
  '--cache-from',
  '--cache-to',
  '--secret',
  '--network',
  '--progress',
  '-o',
  '--output'
])

/** The files by path, built once per scan (each script's lookup is then a map read). */
export interface FileIndex {
  readonly all: readonly string[]
  readonly byPath: ReadonlyMap<string, CodeFile>
}

export function fileIndex(files: readonly CodeFile[]): FileIndex {
  return { all: files.map((f) => f.path), byPath: new Map(files.map((f) => [f.path, f])) }
}

/** The repository files one script names (see the module comment). */
export function namedFiles(text: string, dir: string, index: FileIndex): string[] {
  const { all, byPath } = index
  const out = new Set<string>()
  const words = text.split(/[\s;|&()<>`]+/).filter((w) => w !== '')
  for (const w of words) {
    const p = repoPath(dir, w.replace(/^-[\w-]+=/, ''))
    if (p !== null && byPath.has(p)) out.add(p)
  }
  for (const m of text.matchAll(/\bpython[\d.]*\s+-m\s+([\w.]+)/g)) {
    const mod = m[1]!.split('.').join('/')
    for (const p of [`${mod}.py`, `${mod}/__main__.py`]) {
      const q = repoPath(dir, p)
      if (q !== null && byPath.has(q)) out.add(q)
    }
  }
  for (const m of text.matchAll(/\bgo\s+(?:run|build|test|install|generate)\b([^\n;&|]*)/g)) {
    const args = m[1]!.split(/\s+/).filter((a) => a !== '' && !a.startsWith('-'))
    for (const a of args.length > 0 ? args : ['.']) {
      const recursive = a.endsWith('/...')
      const target = repoPath(dir, recursive ? a.slice(0, -4) || '.' : a)
      if (target === null) continue
      for (const p of all)
        if (p.endsWith('.go') && (p === target || inDir(target, p, recursive))) out.add(p)
    }
  }
  for (const m of text.matchAll(/\bterraform\b((?:[ \t]+-chdir=\S+)?)/g)) {
    const chdir = /-chdir=(\S+)/.exec(m[1] ?? '')?.[1]
    const target = chdir ? repoPath(dir, chdir) : repoPath(dir, '.')
    if (target === null) continue
    for (const p of all) if (p.endsWith('.tf') && inDir(target, p, false)) out.add(p)
  }
  for (const m of text.matchAll(/\bdocker\s+(?:buildx\s+)?build\b([^\n;&|]*)/g)) {
    const tokens = m[1]!.split(/\s+/).filter((t) => t !== '' && t !== '\\')
    let file: string | null = null
    let context = '.'
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t === '-f' || t === '--file') file = tokens[i + 1] ?? null
      if (t.startsWith('--file=')) file = t.slice(7)
      if (OPTIONS_WITH_VALUE.has(t)) i++
      else if (!t.startsWith('-')) context = t
    }
    for (const p of dockerFiles(dir, context, file, byPath)) out.add(p)
  }
  for (const m of text.matchAll(/\bdocker[- ]compose\b([^\n;&|]*)/g)) {
    const named = [...m[1]!.matchAll(/(?:-f|--file)[\s=]+(\S+)/g)].map((x) => x[1]!)
    const names =
      named.length > 0
        ? named
        : ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']
    for (const n of names) {
      const p = repoPath(dir, n)
      if (p !== null && byPath.has(p)) out.add(p)
    }
  }
  if (/(?:^|[\s/])(?:serverless|sls)\s+\w/m.test(text)) {
    for (const n of ['serverless.yml', 'serverless.yaml']) {
      const p = repoPath(dir, n)
      if (p !== null && byPath.has(p)) out.add(p)
    }
  }
  return [...out].sort()
}

/** A Dockerfile and the files its COPY / ADD lines take from the build context. */
export function dockerFiles(
  dir: string,
  contextWritten: string,
  fileWritten: string | null,
  byPath: ReadonlyMap<string, CodeFile>
): string[] {
  const context = repoPath(dir, contextWritten)
  if (context === null) return []
  const dockerfile = fileWritten
    ? repoPath(dir, fileWritten)
    : posix.join(context || '.', 'Dockerfile')
  const df = dockerfile === null ? undefined : byPath.get(posix.normalize(dockerfile))
  if (!df) return []
  const out = [df.path]
  for (const line of df.text.split('\n')) {
    const m = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line)
    if (!m || /--from=/i.test(m[1]!)) continue
    const sources = m[1]!
      .split(/\s+/)
      .filter((s) => s !== '' && !s.startsWith('--'))
      .slice(0, -1)
    for (const s of sources) {
      const src = repoPath(context, s)
      if (src === null) continue
      for (const p of byPath.keys()) if (p === src || inDir(src, p, true)) out.push(p)
    }
  }
  return out
}
