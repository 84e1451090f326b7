/**
 * Merged policies (pure): the statements of documents that do not fit the role's quotas packed
 * into as few customer-managed policies as first-fit decreasing finds, each within the managed
 * policy size quota, with every source merged in and every `Sid` renamed recorded as a change.
 */
import { PermissionsError, type PolicyChange, type SourcedDocument } from './policy-copies.js'
import {
  policySize,
  statementLabel,
  type PolicyDocument,
  type PolicyStatement
} from './policy-document.js'

/** A merged policy in the making: its statements, the documents they came from, the changes. */
export interface Pack {
  readonly document: PolicyDocument
  readonly sources: string[]
  readonly changes: PolicyChange[]
}

/**
 * Packs the statements of the documents into as few policies of at most `maxSize` characters as
 * first-fit decreasing finds. Deterministic (same input, same packs); Sids are made unique.
 */
export function pack(documents: readonly SourcedDocument[], maxSize: number): Pack[] {
  const statements = documents.flatMap((d) =>
    d.document.Statement.map((statement, index) => ({ statement, index, from: d }))
  )
  const sized = statements
    .map((s) => ({ ...s, size: JSON.stringify(s.statement).length }))
    .sort(
      (a, b) => b.size - a.size || cmp(JSON.stringify(a.statement), JSON.stringify(b.statement))
    )
  const bins: { statements: PolicyStatement[]; items: typeof sized; renamed: PolicyChange[] }[] = []
  for (const item of sized) {
    const bin = bins.find((b) => {
      const candidate = withUniqueSid(b.statements, item.statement)
      return policySize(doc([...b.statements, candidate])) <= maxSize
    })
    if (bin) {
      const candidate = withUniqueSid(bin.statements, item.statement)
      if (candidate.Sid !== item.statement.Sid) {
        const source = item.from.source
        bin.renamed.push({
          kind: 'sid-renamed',
          source,
          before: item.statement.Sid ?? '',
          after: candidate.Sid ?? ''
        })
      }
      bin.statements.push(candidate)
      bin.items.push(item)
      continue
    }
    if (policySize(doc([item.statement])) > maxSize) {
      throw new PermissionsError(
        `a statement of ${item.from.source} alone is larger than a managed policy may be (${maxSize} characters); split it by hand`
      )
    }
    bins.push({ statements: [item.statement], items: [item], renamed: [] })
  }
  return bins.map((b) => packOf(b.statements, b.items, b.renamed))
}

/** A pack's document, its sources in the order first placed, and what changed for each. */
function packOf(
  statements: readonly PolicyStatement[],
  items: readonly {
    readonly statement: PolicyStatement
    readonly index: number
    readonly from: SourcedDocument
  }[],
  renamed: readonly PolicyChange[]
): Pack {
  const froms = [...new Set(items.map((i) => i.from))]
  const changes: PolicyChange[] = []
  for (const from of froms) {
    const placed = items.filter((i) => i.from === from)
    changes.push({ kind: 'merged', source: from.source, statements: placed.length })
    const labels = new Set(placed.map((i) => statementLabel(i.statement, i.index)))
    changes.push(
      ...from.changes.filter((c) => c.kind !== 'username-made-literal' || labels.has(c.statement))
    )
  }
  changes.push(...renamed)
  return { document: doc(statements), sources: froms.map((f) => f.source), changes }
}

function doc(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements }
}

function withUniqueSid(
  existing: readonly PolicyStatement[],
  statement: PolicyStatement
): PolicyStatement {
  if (!statement.Sid) return statement
  const taken = new Set(existing.map((s) => s.Sid))
  if (!taken.has(statement.Sid)) return statement
  let n = 2
  while (taken.has(`${statement.Sid}${n}`)) n++
  return { ...statement, Sid: `${statement.Sid}${n}` }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
