/**
 * The code fixes put where they go: the fixes of a workflow's own `run:` scripts into the
 * rewritten workflow (the rewrite never edits a script, so each fixed line is found again by
 * its text, which the scan made sure is the only one like it), the fixes of a composite action
 * the rewrite leaves as it was into that file, and the source files beside them. A workflow
 * that is not rewritten keeps its scripts: its jobs keep their keys, which work without a token.
 */
import type { WorkflowFile } from '../workflows/findings.js'
import type { FileRewrite, RewriteResult } from '../workflows/rewrite/contract.js'
import type { CodeFinding, TextEdit } from './contract.js'
import type { CodeScan, FixedFile } from './scan.js'
import { applyEdits, lineEndOf, lineStartOf } from './text.js'

export interface PatchedPlan {
  readonly rewrite: RewriteResult
  /** Files the pull request changes besides the rewritten workflows (source files, actions). */
  readonly fixed: readonly FixedFile[]
  /** Code findings whose fix is in the plan (in a rewritten workflow or a fixed file). */
  readonly applied: readonly CodeFinding[]
}

export function patchRunFixes(
  rewrite: RewriteResult,
  code: CodeScan,
  workflows: readonly WorkflowFile[]
): PatchedPlan {
  const runFixes = code.findings.filter((f) => f.tool === 'workflow-run' && f.fix)
  const applied: CodeFinding[] = code.findings.filter((f) => f.tool !== 'workflow-run' && f.fix)
  const fixed: FixedFile[] = [...code.fixed]
  const files = rewrite.files.map((file): FileRewrite => {
    const mine = runFixes.filter((f) => f.file === file.path)
    if (mine.length === 0) return file
    if (!file.changed) {
      const action = workflows.find((w) => w.path === file.path)
      if (action && !file.path.startsWith('.github/workflows/')) {
        fixed.push({
          path: file.path,
          before: action.text,
          after: applyEdits(action.text, edits(mine))
        })
        applied.push(...mine)
      }
      return file
    }
    const moved = edits(mine).map((e) => rebase(e, file.before, file.after))
    if (moved.some((e) => e === null)) return file
    applied.push(...mine)
    return { ...file, after: applyEdits(file.after, moved as TextEdit[]) }
  })
  return { rewrite: { ...rewrite, files }, fixed, applied }
}

const edits = (findings: readonly CodeFinding[]): TextEdit[] =>
  findings.flatMap((f) => f.fix!.edits)

/** An edit of `before` moved to the same line of `after` (found by its text), or null. */
function rebase(e: TextEdit, before: string, after: string): TextEdit | null {
  const start = lineStartOf(before, e.start)
  const line = before.slice(start, lineEndOf(before, e.start))
  const found: number[] = []
  for (let at = 0; at <= after.length;) {
    const end = lineEndOf(after, at)
    if (after.slice(at, end) === line) found.push(at)
    at = end + 1
  }
  if (found.length !== 1) return null
  const shift = found[0]! - start
  return { start: e.start + shift, end: e.end + shift, text: e.text }
}
