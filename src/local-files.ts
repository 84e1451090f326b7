import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { WorkflowFile } from './workflows/findings.js'
import { isCandidate, SKIPPED_FOLDERS } from './code/candidates.js'
import type { CodeFile } from './code/contract.js'

/** The files a scan reads, with the root their paths are relative to. */
export interface CollectedFiles {
  readonly root: string
  readonly files: WorkflowFile[]
}

const YAML = /\.ya?ml$/i

/**
 * Collects workflow and composite-action files from disk.
 * - a repository root: `.github/workflows/*.yml|yaml` and `.github/actions/**\/action.yml|yaml`;
 * - a folder without `.github/`: every `*.yml|yaml` directly in it (a folder of workflow files);
 * - a single file: that file.
 * Paths are relative to the root, with `/` separators, sorted for stable output.
 *
 * Nothing outside the root is read: symlinked files are skipped, and a `.github`,
 * `.github/workflows` or `.github/actions` that is a symlink is followed only when it stays
 * inside the root (otherwise: an error naming it). A `.github/workflows` that is not a folder
 * is an error too (GitHub would run no workflow from it), not "0 files".
 */
export async function collectWorkflowFiles(target: string): Promise<CollectedFiles> {
  const stat = await fs.stat(target).catch(() => {
    throw new Error(`${target}: no such file or directory`)
  })
  if (stat.isFile()) {
    const root = path.dirname(target)
    return { root, files: [await read(root, target)] }
  }
  const inside = await insideRoot(target)
  const github = path.join(target, '.github')
  const hasGithub = (await kindOf(github, inside)) === 'folder'
  const paths: string[] = []
  if (hasGithub) {
    const workflows = path.join(github, 'workflows')
    const kind = await kindOf(workflows, inside)
    if (kind === 'other') {
      throw new Error(
        `${workflows}: .github/workflows is not a folder; GitHub reads workflows only from files in the folder .github/workflows`
      )
    }
    if (kind === 'folder') {
      paths.push(...(await listDir(workflows, false)).filter((p) => YAML.test(p)))
    }
    if ((await kindOf(path.join(github, 'actions'), inside)) === 'folder') {
      paths.push(
        ...(await listDir(path.join(github, 'actions'), true)).filter((p) =>
          /(^|[\\/])action\.ya?ml$/i.test(p)
        )
      )
    }
  } else {
    paths.push(...(await listDir(target, false)).filter((p) => YAML.test(p)))
  }
  paths.sort()
  const files = await Promise.all(paths.map((p) => read(target, p)))
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { root: target, files }
}

/** Whether a path, its symlinks resolved, lies inside the root (symlinks resolved too). */
async function insideRoot(root: string): Promise<(p: string) => Promise<boolean>> {
  const real = await fs.realpath(root)
  return async (p) => {
    const resolved = await fs.realpath(p)
    const rel = path.relative(real, resolved)
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  }
}

/**
 * What a path of the checkout is: absent, a folder, or something else (a file). A symlink that
 * leads outside the root is an error: it is never followed.
 */
async function kindOf(
  p: string,
  inside: (p: string) => Promise<boolean>
): Promise<'absent' | 'folder' | 'other'> {
  const link = await fs.lstat(p).catch(() => null)
  if (!link) return 'absent'
  if (link.isSymbolicLink()) {
    const target = await fs.realpath(p).catch(() => null)
    if (target === null) return 'absent'
    if (!(await inside(p))) {
      throw new Error(
        `${p}: a symlink to ${target}, outside the checkout; it is not followed (only files of the checkout are read)`
      )
    }
  }
  const stat = await fs.stat(p)
  return stat.isDirectory() ? 'folder' : 'other'
}

async function listDir(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  const out: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    // Symlinked files and folders are not followed (they could lead outside the checkout).
    if (entry.isFile()) out.push(full)
    else if (recursive && entry.isDirectory()) out.push(...(await listDir(full, true)))
  }
  return out
}

async function read(root: string, file: string): Promise<WorkflowFile> {
  const text = await fs.readFile(file, 'utf8')
  return { path: path.relative(root, file).split(path.sep).join('/'), text }
}

/**
 * The source files of a checkout the code scan reads (`src/code/candidates.ts`: by extension
 * and size, never under `node_modules`, `vendor` or `.git`). Only for a repository root (a
 * folder with `.github/`); symlinks are not followed, so nothing outside the checkout is read.
 */
export async function collectCodeFiles(target: string): Promise<CodeFile[]> {
  const stat = await fs.stat(target).catch(() => null)
  if (!stat?.isDirectory()) return []
  if (!(await fs.lstat(path.join(target, '.github')).catch(() => null))?.isDirectory()) return []
  const found: { rel: string; full: string }[] = []
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
    const folders: Promise<void>[] = []
    for (const entry of entries) {
      const p = rel === '' ? entry.name : `${rel}/${entry.name}`
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) folders.push(walk(full, p))
      // By name first: only a file of a known tool is looked at further.
      else if (entry.isFile() && isCandidate(p, 0)) found.push({ rel: p, full })
    }
    await Promise.all(folders)
  }
  await walk(target, '')
  const out: CodeFile[] = []
  // Read in batches, so that a large checkout does not open every file at once.
  for (let i = 0; i < found.length; i += 64) {
    const batch = found.slice(i, i + 64)
    const read = await Promise.all(
      batch.map(async ({ rel, full }) => {
        const size = (await fs.stat(full)).size
        return isCandidate(rel, size) ? { path: rel, text: await fs.readFile(full, 'utf8') } : null
      })
    )
    for (const f of read) if (f) out.push(f)
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
