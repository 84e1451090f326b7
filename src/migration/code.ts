/**
 * The code the jobs run, in the migration plan: the code scan (made before the workflow scan,
 * whose holds keep jobs on their keys) and the fixes, put into the rewritten workflows and
 * beside them as files of the pull request (each keeping its mode).
 */
import type { CodeFile, CodeReport } from '../code/contract.js'
import { patchRunFixes } from '../code/patch.js'
import type { CodeScan } from '../code/scan.js'
import type { RepositoryFile } from '../workflows/repository.js'
import type { RewriteResult } from '../workflows/rewrite/contract.js'
import type { FileChange } from './pull-request.js'

export interface CodeInput {
  readonly scan: CodeScan
  /** The source files read, with their git mode when known. */
  readonly files: readonly (CodeFile & { readonly mode?: string })[]
  readonly budget: { readonly bytes: number; readonly skipped: number } | null
}

export interface CodeInPlan {
  readonly rewrite: RewriteResult
  /** The fixed files the pull request carries besides the rewritten workflows. */
  readonly files: readonly FileChange[]
  readonly report: CodeReport | null
}

export function withCode(
  rewrite: RewriteResult,
  code: CodeInput | null | undefined,
  workflows: readonly RepositoryFile[]
): CodeInPlan {
  if (!code) return { rewrite, files: [], report: null }
  const patched = patchRunFixes(rewrite, code.scan, workflows)
  const modes = new Map<string, string | undefined>([
    ...workflows.map((f) => [f.path, f.mode] as const),
    ...code.files.map((f) => [f.path, f.mode] as const)
  ])
  return {
    rewrite: patched.rewrite,
    files: patched.fixed.map((f) => ({
      path: f.path,
      content: f.after,
      mode: modes.get(f.path) ?? '100644'
    })),
    report: {
      findings: code.scan.findings,
      applied: patched.applied,
      holds: code.scan.holds,
      budget: code.budget
    }
  }
}
