import { describe, expect, it } from '@jest/globals'
import {
  cacPinFor,
  isVersionComment,
  newCacUses,
  parseUses,
  resolveCacRef,
  validateCacRef,
  type CacReleaseLookup
} from '../../src/workflows/rewrite/action-pins.js'
import { unifiedDiff, unifiedDiffs } from '../../src/workflows/diff.js'

const SHA6 = 'a'.repeat(40)
const OLD = '0123456789abcdef0123456789abcdef01234567'
const target = { sha: SHA6, version: 'v6.2.1' }

describe('parseUses', () => {
  it('tells SHA pins, major tags, version tags, branches and local actions apart', () => {
    expect(parseUses(`aws-actions/configure-aws-credentials@${OLD}`).style).toBe('sha')
    expect(parseUses('aws-actions/configure-aws-credentials@v4').style).toBe('major-tag')
    expect(parseUses('aws-actions/configure-aws-credentials@v4.0.2').style).toBe('version-tag')
    expect(parseUses('aws-actions/configure-aws-credentials@v1-node16').style).toBe('other-ref')
    expect(parseUses('aws-actions/configure-aws-credentials@main').style).toBe('other-ref')
    expect(parseUses('./').style).toBe('local')
  })
})

describe('cacPinFor', () => {
  const uses = (ref: string): string => `aws-actions/configure-aws-credentials@${ref}`
  it('a tag stays a tag on the current major', () => {
    expect(cacPinFor(uses('v4'), { tag: 'v6' }, null)).toEqual({
      uses: uses('v6'),
      comment: null,
      changed: true
    })
    expect(cacPinFor(uses('v1-node16'), target, null).uses).toBe(uses('v6'))
    expect(cacPinFor(uses('v2'), target, null).uses).toBe(uses('v6'))
  })
  it('a full version tag becomes the full v6 version when known', () => {
    expect(cacPinFor(uses('v4.0.2'), target, null).uses).toBe(uses('v6.2.1'))
    expect(cacPinFor(uses('v4.0.2'), { tag: 'v6' }, null).uses).toBe(uses('v6'))
  })
  it('a SHA pin becomes the v6 release SHA with its version comment', () => {
    expect(cacPinFor(uses(OLD), target, 'v4.0.2')).toEqual({
      uses: uses(SHA6),
      comment: 'v6.2.1',
      changed: true
    })
  })
  it('offline, a SHA pin falls back to the tag', () => {
    expect(cacPinFor(uses(OLD), { tag: 'v6' }, 'v4.0.2')).toEqual({
      uses: uses('v6'),
      comment: null,
      changed: true
    })
  })
  it('leaves steps already on v6 and local actions alone', () => {
    expect(cacPinFor(uses('v6'), target, null).changed).toBe(false)
    expect(cacPinFor(uses('v6.1.0'), target, null).changed).toBe(false)
    expect(cacPinFor(uses(OLD), { tag: 'v6' }, 'v6.1.0').changed).toBe(false)
    expect(cacPinFor('./', target, null).changed).toBe(false)
  })
})

describe('newCacUses', () => {
  it('pins new steps by SHA only when asked and known', () => {
    expect(newCacUses(target, true)).toEqual({
      uses: `aws-actions/configure-aws-credentials@${SHA6}`,
      comment: 'v6.2.1',
      changed: true
    })
    expect(newCacUses(target, false).uses).toBe('aws-actions/configure-aws-credentials@v6')
    expect(newCacUses({ tag: 'v6' }, true).uses).toBe('aws-actions/configure-aws-credentials@v6')
  })
})

describe('resolveCacRef', () => {
  it('uses the lookup when it finds the release', async () => {
    const lookup: CacReleaseLookup = (action, major) =>
      Promise.resolve(
        action === 'aws-actions/configure-aws-credentials' && major === 6
          ? { sha: SHA6.toUpperCase(), version: '6.2.1' }
          : null
      )
    expect(await resolveCacRef(lookup)).toEqual({ ref: target, note: null })
  })
  it('falls back to the tag and says so offline, without a release, or on errors', async () => {
    const offline = await resolveCacRef(null)
    expect(offline.ref).toEqual({ tag: 'v6' })
    expect(offline.note).toMatch(/^offline: .*pinned to tag v6 instead of a SHA/)
    expect((await resolveCacRef(() => Promise.resolve(null))).note).toMatch(/no v6 release found/)
    const failed = await resolveCacRef(() => Promise.reject(new Error('HTTP 403')))
    expect(failed.ref).toEqual({ tag: 'v6' })
    expect(failed.note).toMatch(/HTTP 403/)
  })
})

describe('validateCacRef', () => {
  it('names what is allowed', () => {
    expect(() => validateCacRef({ sha: 'abc', version: 'v6.0.0' })).toThrow(/40 hexadecimal/)
    expect(() => validateCacRef({ sha: SHA6, version: 'v5.0.0' })).toThrow(/v6\.x\.y/)
    expect(() => validateCacRef({ tag: 'main' })).toThrow(/v6, v6\.1 or v6\.1\.0/)
  })
})

describe('isVersionComment', () => {
  it('recognises the usual version comments after a SHA', () => {
    for (const c of ['# v4.0.2', '#v4', '# pin@v4', '# 4.1.0 ', '# tag=v4.0.0']) {
      expect(isVersionComment(c)).toBe(true)
    }
    expect(isVersionComment('# keep this pinned')).toBe(false)
  })
})

describe('unifiedDiff', () => {
  it('prints a git-style diff and nothing for an unchanged file', () => {
    expect(unifiedDiff({ path: 'a.yml', before: 'x\n', after: 'x\n' })).toBe('')
    const diff = unifiedDiff({
      path: '.github/workflows/a.yml',
      before: 'a\nb\nc\n',
      after: 'a\nB\nc\n'
    })
    expect(diff).toBe(
      '--- a/.github/workflows/a.yml\n+++ b/.github/workflows/a.yml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n'
    )
  })
  it('shows CRLF lines as they are and a missing final newline', () => {
    const diff = unifiedDiff({ path: 'w.yml', before: 'a\r\nb', after: 'a\r\nB' })
    expect(diff).toContain('-b\n\\ No newline at end of file')
    expect(diff).toContain(' a\r\n')
  })
  it('joins the diffs of several files', () => {
    const all = unifiedDiffs([
      { path: 'one.yml', before: 'a\n', after: 'b\n' },
      { path: 'same.yml', before: 'a\n', after: 'a\n' },
      { path: 'two.yml', before: 'a\n', after: 'c\n' }
    ])
    expect(all.match(/^--- a\//gm)).toHaveLength(2)
    expect(all).not.toContain('same.yml')
  })
})
