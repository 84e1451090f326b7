/** Widenings in words: each kind names the pattern, what it approximates and the example. */
import { describe, expect, it } from '@jest/globals'
import { wideningBlock, wideningText } from '../../src/report/widenings.js'
import type { Widening } from '../../src/workflows/subjects.js'

describe('wideningText', () => {
  it.each<[Widening, RegExp]>([
    [
      {
        kind: 'filter',
        pattern: 'repo:o/r:ref:refs/heads/hotfix-?*',
        event: 'push',
        filter: 'branches',
        patterns: ['hotfix-[0-9]+'],
        example: 'refs/heads/hotfix-x'
      },
      /^`repo:o\/r:ref:refs\/heads\/hotfix-\?\*` approximates `on\.push\.branches: \[hotfix-\[0-9\]\+\]`.*`refs\/heads\/hotfix-x`, which the filter rejects\.$/
    ],
    [
      {
        kind: 'base-branch',
        pattern: 'repo:o/r:pull_request',
        event: 'pull_request_target',
        filter: 'default-branch',
        patterns: ['main'],
        example: 'refs/heads/x'
      },
      /carries no base branch.*`refs\/heads\/x`.*the default branch `main`/
    ],
    [
      {
        kind: 'quota-merge',
        pattern: 'repo:o/r:ref:refs/heads/team-*',
        merged: ['repo:o/r:ref:refs/heads/team-1/*', 'repo:o/r:ref:refs/heads/team-2/*'],
        quota: 2048,
        example: 'repo:o/r:ref:refs/heads/team-x'
      },
      /`repo:o\/r:ref:refs\/heads\/team-1\/\*` and .* were merged into .*quota of 2048.*`repo:o\/r:ref:refs\/heads\/team-x`/
    ],
    [
      {
        kind: 'quota-merge',
        pattern: 'repo:o/r:ref:refs/heads/feature/*',
        merged: ['repo:o/r:ref:refs/heads/feature/*'],
        quota: 2048,
        example: 'repo:o/r:ref:refs/heads/feature/x/y'
      },
      /^the exclusions of `repo:o\/r:ref:refs\/heads\/feature\/\*` were dropped/
    ]
  ])('%#', (widening, words) => {
    expect(wideningText(widening)).toMatch(words)
  })

  it('shows nothing without widenings, and a labelled list with some', () => {
    expect(wideningBlock([])).toEqual([])
    const w: Widening = {
      kind: 'quota-merge',
      pattern: 'p*',
      merged: ['pa', 'pb'],
      quota: 100,
      example: 'px'
    }
    expect(wideningBlock([w])[0]).toMatch(/Wider than the workflows/)
    expect(wideningBlock([w])).toHaveLength(4)
  })
})
