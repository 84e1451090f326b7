/**
 * Which repository files the code scan reads: by name and size only, so that the reader (the
 * checkout, or the API) can choose them before reading a byte. Folders of other people's code
 * (`node_modules`, `vendor`, `.git`) are never candidates.
 */
import type { CodeTool } from './contract.js'

/** A file larger than this is not read (generated or minified code, data). */
export const MAX_CANDIDATE_BYTES = 512 * 1024

/** Folders of other people's code, never read. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'vendor'])

/** What a path is to the code scan: a detector's tool, a Dockerfile (for links only), or null. */
export function toolOf(path: string): Exclude<CodeTool, 'workflow-run'> | 'dockerfile' | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (/^serverless\.ya?ml$/i.test(name)) return 'serverless'
  if (/^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(name)) return 'docker-compose'
  if (/^Dockerfile(?:\.[\w.-]+)?$|\.Dockerfile$/i.test(name)) return 'dockerfile'
  if (/\.py$/i.test(name)) return 'python'
  if (/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i.test(name) && !/\.d\.[cm]?ts$/i.test(name))
    return 'javascript'
  if (/\.go$/i.test(name)) return 'go'
  if (/\.java$/i.test(name)) return 'java'
  if (/\.tf$/i.test(name)) return 'terraform'
  if (/\.(?:sh|bash)$/i.test(name)) return 'shell'
  return null
}

/** Whether a file of the repository is read by the code scan. */
export function isCandidate(path: string, size: number): boolean {
  if (size > MAX_CANDIDATE_BYTES) return false
  if (path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment))) return false
  if (path.startsWith('.github/workflows/')) return false
  return toolOf(path) !== null
}
