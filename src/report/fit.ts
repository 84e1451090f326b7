/**
 * Fits markdown made of sections into a byte limit (pure): the runner refuses a job summary over
 * 1 MiB per step ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
 * 1024k"), and then shows none of it. As the pull request body does (`pr-body.ts`), whole items
 * are cut from the end of the largest section of the lowest priority until the text fits, and
 * the section says how many were cut. Heads and tails (headings, code fences) always stay.
 */

/** The runner's limit on the job summary of one step. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024

export interface FitSection {
  /** Lines always kept: the heading, a table header, an opening fence. */
  readonly head: readonly string[]
  /** What may be cut, from the end; an item may span lines (a role, a file's diff). */
  readonly items: readonly string[]
  /** Lines always kept after the items: a closing fence, `</details>`. */
  readonly tail: readonly string[]
  /** Lower priorities are cut first; `fixed` sections never. */
  readonly priority: number
  readonly fixed: boolean
  /** What to call the items in the note (`rows`, `roles`, `file diffs`). */
  readonly unit: string
}

/** Kept under the limit for the notes that say what was cut. */
const MARGIN = 1024

/**
 * The sections joined by newlines, within `limit` bytes (UTF-8). `note(cut, unit)` is the line
 * added after the items of a section that lost some.
 */
export function fitSections(
  sections: readonly FitSection[],
  limit: number,
  note: (cut: number, unit: string) => string
): string {
  const kept = sections.map((s) => s.items.length)
  const render = (): string =>
    sections
      .map((s, i) => {
        const keep = kept[i] ?? 0
        const cut = s.items.length - keep
        // A note inside a code fence would read as code: it goes after the tail then.
        const fenced = s.tail.some((l) => l.startsWith('```'))
        const noteLines = cut > 0 ? ['', note(cut, s.unit), ''] : []
        return [
          ...s.head,
          ...s.items.slice(0, keep),
          ...(fenced ? [] : noteLines),
          ...s.tail,
          ...(fenced ? noteLines : [])
        ].join('\n')
      })
      .join('\n')
  let text = render()
  const budget = limit - MARGIN
  for (let guard = 0; bytes(text) > budget && guard < 10_000; guard++) {
    const at = pick(sections, kept)
    if (at < 0) break
    const section = sections[at]!
    let excess = bytes(text) - budget
    let k = kept[at] ?? 0
    while (k > 0 && excess > 0) {
      k--
      excess -= bytes(section.items[k] ?? '') + 1
    }
    kept[at] = k
    text = render()
  }
  if (bytes(text) <= limit) return text
  // Fixed sections alone are too long (never with the action's own texts): cut the bytes.
  const end = `\n\n${note(1, 'part')}\n`
  return `${Buffer.from(text)
    .subarray(0, limit - bytes(end) - 4)
    .toString('utf8')}${end}`
}

/** The section to cut next: lowest priority, then the most bytes still kept. */
function pick(sections: readonly FitSection[], kept: readonly number[]): number {
  let best = -1
  let rank: [number, number] = [Infinity, -1]
  sections.forEach((s, i) => {
    const keep = kept[i] ?? 0
    if (s.fixed || keep === 0) return
    const size = bytes(s.items.slice(0, keep).join('\n'))
    if (s.priority < rank[0] || (s.priority === rank[0] && size > rank[1])) {
      best = i
      rank = [s.priority, size]
    }
  })
  return best
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
