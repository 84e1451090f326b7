import { describe, expect, it } from '@jest/globals'
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml'
import {
  applyEdits,
  dominantEol,
  EditConflictError,
  eolOf,
  insertLinesAfter,
  insertLinesBefore,
  lineEnd,
  lineStart,
  removeLines
} from '../../src/workflows/rewrite/text-edits.js'
import {
  appendEntries,
  insertItemBefore,
  itemStyle,
  removeEntries,
  replaceScalar,
  UnsupportedEdit,
  type AnyPair
} from '../../src/workflows/rewrite/yaml-edits.js'

describe('applyEdits', () => {
  it('replaces ranges in original offsets and keeps every other byte', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 5, text: 'E' },
        { start: 0, end: 1, text: 'AA' },
        { start: 2, end: 2, text: '+' }
      ])
    ).toBe('AAb+cdEf')
  })
  it('keeps the given order of insertions at one offset', () => {
    expect(
      applyEdits('ab', [
        { start: 1, end: 1, text: '1' },
        { start: 1, end: 1, text: '2' }
      ])
    ).toBe('a12b')
  })
  it('allows an insertion right before a removal at the same offset', () => {
    expect(
      applyEdits('abcd', [
        { start: 1, end: 3, text: '' },
        { start: 1, end: 1, text: 'X' }
      ])
    ).toBe('aXd')
  })
  it('merges overlapping deletions (whole lines at the end of a file without a final newline)', () => {
    const text = 'a: 1\r\nb: 2\r\nc: 3'
    expect(applyEdits(text, [removeLines(text, 6, 6), removeLines(text, 12, 12)])).toBe('a: 1')
  })
  it('refuses overlapping edits and ranges outside the text', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 1, end: 4, text: 'x' },
        { start: 3, end: 5, text: '' }
      ])
    ).toThrow(EditConflictError)
    expect(() => applyEdits('ab', [{ start: 1, end: 9, text: '' }])).toThrow(RangeError)
  })
})

describe('line helpers', () => {
  const text = 'a: 1\r\nb: 2\nc: 3'
  it('find line bounds and endings per line', () => {
    expect(lineStart(text, 7)).toBe(6)
    expect(lineEnd(text, 1)).toBe(4)
    expect(eolOf(text, 1)).toBe('\r\n')
    expect(eolOf(text, 7)).toBe('\n')
    expect(eolOf(text, 12)).toBe('')
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n')
    expect(dominantEol('abc')).toBe('\n')
  })
  it('removes whole lines with their own endings', () => {
    expect(applyEdits(text, [removeLines(text, 0, 0)])).toBe('b: 2\nc: 3')
    expect(applyEdits(text, [removeLines(text, 6, 6)])).toBe('a: 1\r\nc: 3')
  })
  it('removing the last line of a file without a final newline keeps it without one', () => {
    expect(applyEdits(text, [removeLines(text, 12, 12)])).toBe('a: 1\r\nb: 2')
  })
  it('inserts lines with the ending of the line they go next to', () => {
    expect(applyEdits(text, [insertLinesBefore(text, 2, ['x: 0'])])).toBe(
      'x: 0\r\na: 1\r\nb: 2\nc: 3'
    )
    expect(applyEdits(text, [insertLinesAfter(text, 7, ['y: 0'])])).toBe('a: 1\r\nb: 2\ny: 0\nc: 3')
  })
  it('inserting after a last line without an ending keeps the file without a final newline', () => {
    expect(applyEdits(text, [insertLinesAfter(text, 12, ['d: 4'])])).toBe(
      'a: 1\r\nb: 2\nc: 3\nd: 4'
    )
  })
})

function mapAt(text: string, ...path: (string | number)[]): YAMLMap {
  const doc = parseDocument(text)
  const node = doc.getIn(path, true)
  if (!isMap(node)) throw new Error(`no map at ${path.join('.')}`)
  return node
}

function seqAt(text: string, ...path: (string | number)[]): YAMLSeq {
  const node = parseDocument(text).getIn(path, true)
  if (!isSeq(node)) throw new Error(`no seq at ${path.join('.')}`)
  return node
}

describe('removeEntries', () => {
  it('removes block entries with their trailing comments and keeps comment lines around', () => {
    const text = [
      'env:',
      '  A: 1',
      '  # about B',
      '  B: ${{ secrets.B }} # old key',
      '  C: |',
      '    multi',
      '    line',
      '  D: 4',
      ''
    ].join('\n')
    const env = mapAt(text, 'env')
    const [, b, c] = env.items as AnyPair[]
    expect(applyEdits(text, removeEntries(text, env, [b!, c!], null))).toBe(
      'env:\n  A: 1\n  # about B\n  D: 4\n'
    )
  })
  it('removes the owner entry when no entry is left', () => {
    const text = 'step:\n  run: x\n  env:\n    A: 1\n    B: 2\n  if: y\n'
    const doc = parseDocument(text)
    const step = doc.getIn(['step'], true) as YAMLMap
    const owner = step.items[1] as AnyPair
    const env = owner.value as YAMLMap
    expect(applyEdits(text, removeEntries(text, env, env.items as AnyPair[], owner))).toBe(
      'step:\n  run: x\n  if: y\n'
    )
  })
  it('writes a single-line flow map back with its spacing and quoting', () => {
    const text = 'with: { a: \'x\', key: "${{ secrets.K }}", b: y }\n'
    const map = mapAt(text, 'with')
    expect(applyEdits(text, removeEntries(text, map, [map.items[1] as AnyPair], null))).toBe(
      "with: { a: 'x', b: y }\n"
    )
  })
  it('refuses a flow map over several lines and a key sharing its line', () => {
    const flow = 'with: {\n  a: 1,\n  b: 2 }\n'
    const map = mapAt(flow, 'with')
    expect(() => removeEntries(flow, map, [map.items[0] as AnyPair], null)).toThrow(UnsupportedEdit)
    const shared = 'steps:\n  - a: 1\n    b: 2\n'
    const item = parseDocument(shared).getIn(['steps', 0], true) as YAMLMap
    expect(() => removeEntries(shared, item, [item.items[0] as AnyPair], null)).toThrow(
      UnsupportedEdit
    )
  })
})

describe('replaceScalar and appendEntries', () => {
  it('replaces a scalar without touching its comment', () => {
    const text = 'id-token: none # was\n'
    const node = mapAt(text).items[0]!.value
    expect(applyEdits(text, [replaceScalar(node as never, 'write')])).toBe(
      'id-token: write # was\n'
    )
  })
  it('appends to a block map at its key column, after the last entry', () => {
    const text = 'permissions:\n    contents: read # c\n\njobs: {}\n'
    const map = mapAt(text, 'permissions')
    expect(applyEdits(text, [appendEntries(text, map, ['id-token: write'], [])])).toBe(
      'permissions:\n    contents: read # c\n    id-token: write\n\njobs: {}\n'
    )
  })
  it('appends to flow maps, empty or not', () => {
    const text = 'a: {contents: read}\nb: {}\nc: { }\n'
    const add = (key: string): string =>
      applyEdits(text, [appendEntries(text, mapAt(text, key), [], ['id-token: write'])])
    expect(add('a')).toBe('a: {contents: read, id-token: write}\nb: {}\nc: { }\n')
    expect(add('b')).toBe('a: {contents: read}\nb: {id-token: write}\nc: { }\n')
    expect(add('c')).toBe('a: {contents: read}\nb: {}\nc: { id-token: write }\n')
  })
})

describe('insertItemBefore', () => {
  it('writes the new step like its neighbours: dash column, key column, blank lines, comments', () => {
    const text = [
      'steps:',
      '  - uses: actions/checkout@v4',
      '',
      '  # deploy it',
      '  - run: deploy',
      ''
    ].join('\n')
    const seq = seqAt(text, 'steps')
    const style = itemStyle(text, seq, 1)
    expect(style).toEqual({ dash: 2, content: 4, dashAlone: false, blankBetween: true })
    const edit = insertItemBefore(text, seq, 1, ['name: new', 'with:', '  a: 1'], style)
    expect(applyEdits(text, [edit])).toBe(
      [
        'steps:',
        '  - uses: actions/checkout@v4',
        '',
        '  - name: new',
        '    with:',
        '      a: 1',
        '',
        '  # deploy it',
        '  - run: deploy',
        ''
      ].join('\n')
    )
  })
  it('keeps the "-" alone on its line when the list does', () => {
    const text = 'steps:\n  -\n    uses: a@v1\n  -\n    run: b\n'
    const seq = seqAt(text, 'steps')
    const style = itemStyle(text, seq, 1)
    expect(style.dashAlone).toBe(true)
    expect(applyEdits(text, [insertItemBefore(text, seq, 1, ['name: new'], style)])).toBe(
      'steps:\n  -\n    uses: a@v1\n  -\n    name: new\n  -\n    run: b\n'
    )
  })
  it('writes CRLF lines into a CRLF file', () => {
    const text = 'steps:\r\n- run: a\r\n- run: b\r\n'
    const seq = seqAt(text, 'steps')
    const edit = insertItemBefore(text, seq, 0, ['run: new'], itemStyle(text, seq, 0))
    expect(applyEdits(text, [edit])).toBe('steps:\r\n- run: new\r\n- run: a\r\n- run: b\r\n')
  })
})
