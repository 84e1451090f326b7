/**
 * The offline plan of a set of workflow files: the scan, then the rewrite that settles which
 * findings it migrates. The plan's findings are the rewrite's (`automatic` exactly where the
 * rewrite changes the file), so a report never promises an automatic migration that `--diff`
 * does not show. The rewrite takes the scan's trees, so a file it edits is parsed once. Pure.
 */
import type { ScanResult, WorkflowFile } from './findings.js'
import { rewriteWorkflows, type RewriteOptions, type RewriteResult } from './rewrite/rewrite.js'
import { scanWorkflows, type ScanOptions } from './scan/scan.js'

export interface WorkflowPlan {
  /** The findings as the rewrite settled them, and the files that could not be parsed. */
  readonly result: ScanResult
  readonly rewrite: RewriteResult
}

export function planWorkflows(
  files: readonly WorkflowFile[],
  options: RewriteOptions = {},
  scanOptions: ScanOptions = {}
): WorkflowPlan {
  const scan = scanWorkflows(files, { ...scanOptions, keepTrees: true })
  const rewrite = rewriteWorkflows(files, scan.findings, options, scan.trees)
  return { result: { findings: rewrite.findings, errors: scan.errors }, rewrite }
}
