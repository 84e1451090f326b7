/**
 * One section of the pull request body as `pr-body.ts` renders, folds and cuts it (pure type):
 * the renderers of other sections (trust check, v6 steps, files not scanned) return this shape.
 */
export interface BodySection {
  /** Markdown heading line, or '' for none. */
  readonly heading: string
  /** Lines that are always kept (a sentence, a table header). */
  readonly head: readonly string[]
  /** The lines that may be cut from the end. */
  readonly lines: readonly string[]
  /** Lines closing `lines` (a code fence). */
  readonly tail: readonly string[]
  /** What to call the lines in a note (`rows`, `lines`). */
  readonly unit: string
  /** Sections a reviewer must see open (the header, next steps) never fold or get cut. */
  readonly fixed: boolean
  /** `lines` are code in this language (fenced). */
  readonly fence?: string
  /** When cutting, lower priorities go first (trust policies last). */
  readonly priority: number
}
