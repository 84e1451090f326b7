/**
 * Parsed trees the scan hands to the rewrite, so that a file is parsed once for both. The scan
 * keeps the tree of each file the rewrite will parse again (see {@link rewriteParses}), keyed by
 * the very `WorkflowFile` object it was given; the rewrite takes it (once) when it is given the
 * same object with the same text, and parses the text itself otherwise. Nothing else changes:
 * the tree is a pure function of the text, and neither side modifies it. Trees not taken go with
 * their file objects (weak keys).
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

const handed = new WeakMap<WorkflowFile, { readonly text: string; readonly doc: Document.Parsed }>()

/** Keeps the error-free tree of a scanned file for the rewrite. */
export function handOver(file: WorkflowFile, doc: Document.Parsed): void {
  handed.set(file, { text: file.text, doc })
}

/** The tree the scan kept for this file object and text, once; null when there is none. */
export function takeOver(file: WorkflowFile): Document.Parsed | null {
  const kept = handed.get(file)
  if (!kept) return null
  handed.delete(file)
  return kept.text === file.text ? kept.doc : null
}
