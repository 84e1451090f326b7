import { describe, expect, it } from '@jest/globals'
import {
  decodeAttached,
  encodeAttached,
  fitName,
  groupInlineName,
  isOwnInlineName,
  roleNameFor,
  tagValue,
  TAGS
} from '../../src/aws/plan/names.js'

/** IAM's rule for role names. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/

describe('roleNameFor', () => {
  it.each([
    [
      'github-{owner}-{repo}-{user}',
      { owner: 'octo-org', repo: 'octo-repo', user: 'deployer' },
      'github-octo-org-octo-repo-deployer'
    ],
    ['{repo}/{user}', { owner: 'o', repo: 'my.repo', user: 'ci' }, 'my.repo-ci'],
    ['gh {repo} ({user})', { owner: 'o', repo: 'r', user: 'u' }, 'gh-r-u'],
    ['{owner}', { owner: '', repo: '', user: '' }, 'github-actions-role']
  ])('%s -> %s', (template, values, expected) => {
    expect(roleNameFor(template, values)).toBe(expected)
  })

  it('cuts long names to 64 characters with a hash that keeps them distinct', () => {
    const a = roleNameFor('github-{owner}-{repo}-{user}', {
      owner: 'a-very-long-organisation-name',
      repo: 'an-even-longer-repository-name-for-tests',
      user: 'deployer-one'
    })
    const b = roleNameFor('github-{owner}-{repo}-{user}', {
      owner: 'a-very-long-organisation-name',
      repo: 'an-even-longer-repository-name-for-tests',
      user: 'deployer-two'
    })
    expect(a).toMatch(ROLE_NAME)
    expect(b).toMatch(ROLE_NAME)
    expect(a.length).toBe(64)
    expect(a).not.toBe(b)
    expect(a.startsWith('github-a-very-long-organisation-name-an-even-longer-repo')).toBe(true)
  })

  it('never yields a name IAM rejects, whatever the template gives', () => {
    for (const user of ['ü', 'a b', 'x'.repeat(200), '💥', 'name/with/slashes', '-']) {
      expect(roleNameFor('{owner}:{repo}:{user}', { owner: 'O', repo: 'R', user })).toMatch(
        ROLE_NAME
      )
    }
  })
})

describe('inline policy names', () => {
  it('marks the policies this action puts and stays within 128 characters', () => {
    const name = groupInlineName('g'.repeat(100), 'p'.repeat(100))
    expect(name.length).toBe(128)
    expect(isOwnInlineName(name)).toBe(true)
    expect(isOwnInlineName('hand-made')).toBe(false)
    expect(fitName('short', 10)).toBe('short')
  })
})

describe('attached policy record in tags', () => {
  it('round-trips and splits over tags of at most 256 characters', () => {
    const arns = [
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      ...Array.from(
        { length: 15 },
        (_, i) => `arn:aws:iam::123456789012:policy/team/some-longer-policy-name-${i}`
      )
    ]
    const { tags, unrecorded } = encodeAttached(arns)
    expect(unrecorded).toEqual([])
    expect(tags.length).toBeGreaterThan(1)
    expect(tags[0]?.key).toBe(TAGS.attached)
    expect(tags[1]?.key).toBe(`${TAGS.attached}-2`)
    for (const t of tags) expect(t.value.length).toBeLessThanOrEqual(256)
    expect(decodeAttached([...tags, { key: 'team', value: 'x' }], 'aws').sort()).toEqual(
      [...arns].sort()
    )
  })

  it('leaves out a policy whose name a tag cannot hold (a comma)', () => {
    const { tags, unrecorded } = encodeAttached(['arn:aws:iam::123456789012:policy/a,b'])
    expect(tags).toEqual([])
    expect(unrecorded).toEqual(['arn:aws:iam::123456789012:policy/a,b'])
  })

  it('tag values keep only the characters IAM allows', () => {
    expect(tagValue('.github/workflows/a b.yml, x;y')).toBe('.github/workflows/a b.yml_ x_y')
    expect(tagValue('x'.repeat(300)).length).toBe(256)
  })
})
