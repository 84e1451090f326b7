/**
 * The words of a rewrite edit (pure): one line per edit for the job summary and the `description`
 * of the plan JSON. The rewrite records edits as data (`RewriteEdit`); only this file words them.
 */
import type { IdTokenEdit, RewriteEdit } from '../workflows/rewrite/contract.js'

/** An edit in words, e.g. `job deploy: permissions gain id-token: write`. */
export function describeEdit(edit: RewriteEdit): string {
  switch (edit.kind) {
    case 'id-token':
      return `job ${edit.job}: permissions ${idTokenChangeText(edit)}`
    case 'action-pin':
      return `job ${edit.job}: ${edit.from} -> ${edit.to}`
    case 'described':
      return edit.description
  }
}

/** What an id-token edit did to the job's permissions, e.g. `id-token read -> write`. */
export function idTokenChangeText(edit: IdTokenEdit): string {
  switch (edit.change) {
    case 'upgrade':
      return `id-token ${edit.from} -> write`
    case 'add-entry':
      return 'gain id-token: write'
    case 'expand':
      return `${edit.from} written out as a map with id-token: write`
    case 'add-block': {
      const copied =
        edit.from === 'workflow'
          ? 'a copy of the workflow permissions'
          : `the repository default (${edit.repositoryDefault})`
      return `added: ${copied} plus id-token: write`
    }
  }
}

/** An edit as the JSON outputs show it: its fields and its words (`description`). */
export function editJson(edit: RewriteEdit): RewriteEdit & { readonly description: string } {
  return { ...edit, description: describeEdit(edit) }
}
