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
 */
export async function collectWorkflowFiles(target: string): Promise<CollectedFiles> {
  const stat = await fs.stat(target).catch(() => {
    throw new Error(`${target}: no such file or directory`)
  })
  if (stat.isFile()) {
    const root = path.dirname(target)
    return { root, files: [await read(root, target)] }
  }
  const github = path.join(target, '.github')
  const hasGithub = await fs.stat(github).then(
    (s) => s.isDirectory(),
    () => false
  )
  const paths: string[] = []
  if (hasGithub) {
    paths.push(
      ...(await listDir(path.join(github, 'workflows'), false)).filter((p) => YAML.test(p))
    )
    paths.push(
      ...(await listDir(path.join(github, 'actions'), true)).filter((p) =>
        /(^|[\\/])action\.ya?ml$/i.test(p)
      )
    )
  } else {
    paths.push(...(await listDir(target, false)).filter((p) => YAML.test(p)))
  }
  paths.sort()
  const files = await Promise.all(paths.map((p) => read(target, p)))
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { root: target, files }
}

async function listDir(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  const out: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isFile()) out.push(full)
    else if (recursive && entry.isDirectory()) out.push(...(await listDir(full, true)))
  }
  return out
}

async function read(root: string, file: string): Promise<WorkflowFile> {
  const text = await fs.readFile(file, 'utf8')
  return { path: path.relative(root, file).split(path.sep).join('/'), text }
}
