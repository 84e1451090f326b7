/**
 * The offline plan with the code the jobs run: the code scan first (its holds keep jobs whose
 * code would break on their keys), then the workflow plan, then the code fixes put in place.
 * What the CLI and `mode: plan` show; `mode: migrate` does the same steps around its own
 * rewrite (`src/modes/gather.ts`, `src/migration/compose.ts`). Pure.
 */
import type { ScanResult, WorkflowFile } from '../workflows/findings.js'
import { planWorkflows } from '../workflows/plan.js'
import type { RewriteOptions, RewriteResult } from '../workflows/rewrite/contract.js'
import type { ScanOptions } from '../workflows/scan/scan.js'
import type { CodeFile } from './contract.js'
import { patchRunFixes, type PatchedPlan } from './patch.js'
import { scanCode, type CodeScan } from './scan.js'

export interface CodePlan extends PatchedPlan {
  readonly result: ScanResult
  readonly rewrite: RewriteResult
  readonly code: CodeScan
}

export function planWithCode(
  workflows: readonly WorkflowFile[],
  files: readonly CodeFile[],
  options: RewriteOptions = {},
  scanOptions: ScanOptions = {}
): CodePlan {
  const code = scanCode(workflows, files)
  const { result, rewrite } = planWorkflows(workflows, options, {
    ...scanOptions,
    codeHolds: code.holds
  })
  return { result, code, ...patchRunFixes(rewrite, code, workflows) }
}
