import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { WorkflowFile } from './workflows/findings.js'

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
