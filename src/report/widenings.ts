/**
 * Widenings in words (pure): where a role's trust policy admits more than its workflows' filters
 * (IAM cannot say the filter, a pull_request_target subject carries no base branch, patterns
 * merged to fit the quota), each with the example it admits. Shown under each role in the job
 * summary and the pull request body; the `plan` output carries the records.
 */
import type { Widening } from '../workflows/subjects.js'

/** The heading a role's widenings are listed under. */
export const WIDENINGS_LABEL = '**Wider than the workflows** (what IAM cannot say exactly)'

/** One sentence per widening. */
export function wideningText(w: Widening): string {
  switch (w.kind) {
    case 'filter':
      return `${code(w.pattern)} approximates ${filterText(w)}: IAM patterns have only \`*\` and \`?\`, so it also admits for example ${code(w.example)}, which the filter rejects.`
    case 'base-branch':
      return w.event === 'pull_request_target'
        ? `${code(w.pattern)}: the subject of a pull_request_target job carries no base branch, so a pull request into any branch (for example ${code(w.example)}) presents it, not only into ${filterText(w)}; a subject template with \`ref\` narrows it.`
        : `${code(w.pattern)}: the token of a pull request carries no base branch (its \`ref\` is \`refs/pull/N/merge\`), so a pull request into any branch (for example ${code(w.example)}) presents it, not only into ${filterText(w)}.`
    case 'quota-merge': {
      const same = w.merged.length === 1 && w.merged[0] === w.pattern
      const what = same
        ? `the exclusions of ${code(w.pattern)} were dropped`
        : `${w.merged.map(code).join(' and ')} were merged into ${code(w.pattern)}`
      return `${what} to fit the trust-policy quota of ${w.quota} characters; it now also admits for example ${code(w.example)}.`
    }
  }
}

/** Markdown bullets, one per widening. */
export function wideningLines(widenings: readonly Widening[]): string[] {
  return widenings.map((w) => `- ${wideningText(w)}`)
}

/** The label and the bullets (then a blank line); nothing when there are none. */
export function wideningBlock(widenings: readonly Widening[]): string[] {
  return widenings.length === 0 ? [] : [WIDENINGS_LABEL, '', ...wideningLines(widenings), '']
}

function filterText(w: Extract<Widening, { kind: 'filter' | 'base-branch' }>): string {
  if (w.filter === 'default-branch') return `the default branch ${code(w.patterns.join(', '))}`
  return `\`on.${w.event}.${w.filter}: [${w.patterns.join(', ')}]\``
}

function code(text: string): string {
  const clean = text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``
}
