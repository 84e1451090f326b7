/**
 * GitHub's branch and tag filters as the claims model applies them (src/trust/filters.ts),
 * from GitHub's filter cheat sheet: which names a pattern and a list admit, and the examples.
 */
import { describe, expect, it } from '@jest/globals'
import {
  admittedExamples,
  filterAdmits,
  filterRegExp,
  listAdmits,
  nearMisses,
  rejectedExamples
} from '../../src/trust/filters.js'

describe('filterRegExp', () => {
  const cases: [string, string, boolean][] = [
    ['feature/*', 'feature/a', true],
    ['feature/*', 'feature/a/b', false],
    ['feature/**', 'feature/a/b', true],
    ['*', 'main', true],
    ['*', 'a/b', false],
    ['**', 'a/b', true],
    ['v?1', 'v1', true],
    ['v?1', '1', true],
    ['v?1', 'vv1', false],
    ['hotfix-[0-9]+', 'hotfix-123', true],
    ['hotfix-[0-9]+', 'hotfix-', false],
    ['hotfix-[0-9]+', 'hotfix-1a', false],
    ['release-v[0-9].x', 'release-v1.x', true],
    ['release-v[0-9].x', 'release-v1ax', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['**+', 'anything', true]
  ]
  it.each(cases)('%s against %s', (pattern, name, expected) => {
    expect(filterRegExp(pattern).test(name)).toBe(expected)
  })
})

describe('lists and filters', () => {
  it('the last matching pattern decides; a negation excludes', () => {
    const list = ['feature/**', '!feature/secret/**', 'feature/secret/ok']
    expect(listAdmits(list, 'feature/a')).toBe(true)
    expect(listAdmits(list, 'feature/secret/x')).toBe(false)
    expect(listAdmits(list, 'feature/secret/ok')).toBe(true)
    expect(listAdmits(['!main'], 'main')).toBe(false)
  })

  it('an ignore list excludes what it matches; no filter admits everything', () => {
    expect(filterAdmits({ include: null, ignore: ['wip/**'] }, 'wip/a')).toBe(false)
    expect(filterAdmits({ include: null, ignore: ['wip/**'] }, 'main')).toBe(true)
    expect(filterAdmits({ include: null, ignore: null }, 'anything/at/all')).toBe(true)
  })

  it('examples it admits, and names it is written to reject', () => {
    const filter = {
      include: ['main', 'feature/*', '!feature/secret', 'hotfix-[0-9]+'],
      ignore: null
    }
    expect(admittedExamples(filter, 'main')).toEqual(['main', 'feature/x', 'hotfix-0'])
    expect(rejectedExamples(filter)).toEqual(['feature/secret', 'feature/a/b', 'hotfix-_'])
    expect(rejectedExamples({ include: null, ignore: ['wip/**'] })).toEqual(['wip/x'])
    expect(nearMisses('release/**')).toEqual([])
  })
})
