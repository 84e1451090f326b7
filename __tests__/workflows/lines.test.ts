/**
 * The line-start table (src/workflows/lines.ts) gives the line the old count from the start gave
 * (1 + the line breaks before the offset), for every offset of texts with LF, CRLF, blank lines
 * and no final line break; and the rewrite's `lineOf` reads it.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { lineAt, lineStarts } from '../../src/workflows/lines.js'
import { lineOf, parseModel } from '../../src/workflows/rewrite/model.js'

const counted = (text: string, offset: number): number => {
  let line = 1
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text[i] === '\n') line++
  return line
}

describe('lineAt', () => {
  it('counts the line breaks before an offset, at every offset', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n]{0,60}$/), (text) => {
        const starts = lineStarts(text)
        for (let o = -1; o <= text.length + 1; o++) expect(lineAt(starts, o)).toBe(counted(text, o))
      })
    )
  })

  it('backs lineOf of the rewrite model', () => {
    const text = 'on: push\r\njobs:\n\n  a:\n    runs-on: x\n    steps:\n      - run: echo'
    const model = parseModel('w.yml', text)!
    for (let o = 0; o <= text.length; o++) expect(lineOf(model, o)).toBe(counted(text, o))
  })
})
