/**
 * A user's document on its way to the role (pure): where it comes from, the document the role
 * gets (`${aws:username}` made literal) and every change made to it, so that nothing changes
 * unsaid. Shared by the permissions plan and the packing of merged policies.
 */
import { literalUsername, type PolicyDocument } from './policy-document.js'

/**
 * What a copy changed in a document on its way from the user to the role (empty when copied as
 * is): a value with `${aws:username}` made literal, a statement merged in from another policy, a
 * `Sid` renamed to stay unique in a merged policy. `source` names the document it came from.
 */
export type PolicyChange =
  | {
      readonly kind: 'username-made-literal'
      readonly source: string
      readonly statement: string
      readonly before: string
      readonly after: string
    }
  | { readonly kind: 'merged'; readonly source: string; readonly statements: number }
  | {
      readonly kind: 'sid-renamed'
      readonly source: string
      readonly before: string
      readonly after: string
    }

export class PermissionsError extends Error {
  override readonly name = 'PermissionsError'
}

export interface SourcedDocument {
  readonly source: string
  readonly document: PolicyDocument
  /** The inline name it gets when it stays inline. */
  readonly inlineName: string
  /** What was changed from the user's document (`${aws:username}` made literal). */
  readonly changes: readonly PolicyChange[]
}

/** The document with `${aws:username}` made literal, and each value that changed. */
export function sourced(
  source: string,
  document: PolicyDocument,
  inlineName: string,
  userName: string
): SourcedDocument {
  const literal = literalUsername(document, userName)
  const changes = literal.changes.map((c): PolicyChange => ({
    kind: 'username-made-literal',
    source,
    ...c
  }))
  return { source, document: literal.document, inlineName, changes }
}
