/**
 * What a copy changed in the documents the role receives, for a reviewer (pure): each changed
 * document (an inline policy, a merged policy) with the source, the kind of change and a short
 * before/after of the values. A document copied as is has no change and is not listed.
 */
import type { ChangedDocument, PolicyChange } from '../aws/plan/permissions.js'

/** One change in words; values stand between backticks (Markdown code). */
export function describePolicyChange(change: PolicyChange): string {
  switch (change.kind) {
    case 'username-made-literal':
      return `${change.source}, ${change.statement}: \${aws:username} made literal: ${code(change.before)} → ${code(change.after)}`
    case 'merged':
      return `${change.source}: ${change.statements} statement${change.statements === 1 ? '' : 's'} merged in`
    case 'sid-renamed':
      return `${change.source}: Sid ${code(change.before)} renamed ${code(change.after)} (unique in the merged policy)`
  }
}

/** Markdown lines: a bullet per changed document, its changes indented below. */
export function policyChangeLines(documents: readonly ChangedDocument[]): string[] {
  return documents.flatMap((d) => [
    `- ${d.kind === 'inline' ? `inline policy ${d.name}` : `managed policy ${d.name} (merged)`}`,
    ...d.changes.map((c) => `  - ${describePolicyChange(c)}`)
  ])
}

function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`'
  return `${fence}${value}${fence}`
}
