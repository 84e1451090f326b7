/**
 * What the scan and the rewrite share about parsing: which files the rewrite parses again (see
 * {@link rewriteParses}), and the trees the scan hands it so that such a file is parsed once for
 * both. The scan returns the trees of those files (`scanWorkflows(...).trees`), keyed by the very
 * `WorkflowFile` objects it was given, within a memory budget (`treeKeepers` in `scan/scan.ts`:
 * the largest files first, up to the largest file's text or 256 KiB); the rewrite, given them,
 * takes a tree (once) for the same object with the same text, and parses the text itself
 * otherwise. Nothing else changes: the tree is a pure function of the text, and neither side
 * modifies it.
 */
import type { Document } from 'yaml'
import type { Finding, WorkflowFile } from './findings.js'

const LOCAL_CALL = /uses:\s*['"]?\.\/\.github\/workflows\//

/**
 * Findings the rewrite may turn into edits: the automatic ones (the scanner marks automatic
 * exactly what the rewrite does); the others only become follow-ups.
 */
export function mayRewrite(f: Finding): boolean {
  return f.migration === 'automatic'
}

/** Whether the text calls a reusable workflow of the repository (`uses: ./.github/workflows/...`). */
export function callsLocalWorkflow(text: string): boolean {
  return LOCAL_CALL.test(text)
}

/**
 * Whether the rewrite parses this file: it has findings the rewrite may migrate, or it calls a
 * reusable workflow of the repository (it may need `id-token: write`).
 */
export function rewriteParses(text: string, own: readonly Finding[]): boolean {
  return own.some(mayRewrite) || callsLocalWorkflow(text)
}

/** Error-free trees of scanned files, handed from the scan to the rewrite. */
export interface ParsedTrees {
  /**
   * The tree of this file object, once (a tree taken is released), when the object's text is
   * still the text parsed; null otherwise.
   */
  take(file: WorkflowFile): Document.Parsed | null
}

/** The trees of these files, each as parsed from the file's text now. */
export function parsedTrees(
  trees: Iterable<readonly [WorkflowFile, Document.Parsed]>
): ParsedTrees {
  const kept = new Map<WorkflowFile, { readonly text: string; readonly doc: Document.Parsed }>()
  for (const [file, doc] of trees) kept.set(file, { text: file.text, doc })
  return {
    take(file) {
      const tree = kept.get(file)
      if (!tree) return null
      kept.delete(file)
      return tree.text === file.text ? tree.doc : null
    }
  }
}
