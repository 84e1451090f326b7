import { describe, expect, it } from '@jest/globals'
import {
  decodeAttached,
  encodeAttached,
  fitName,
  groupInlineName,
  isOwnInlineName,
  keyIdEnd,
  roleNameFor,
  roleNameTemplateProblem,
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
    ['gh {repo} ({user})', { owner: 'o', repo: 'r', user: 'u' }, 'gh-r-u']
  ])('%s -> %s', (template, values, expected) => {
    expect(roleNameFor(template, values)).toBe(expected)
  })

  it('has no fixed fallback name: nothing left is an error naming the input', () => {
    expect(() => roleNameFor('{owner}', { owner: '', repo: '', user: '' })).toThrow(
      /role-name input '\{owner\}' gives an empty role name/
    )
    expect(() => roleNameFor('!!!', { owner: 'o', repo: 'r', user: 'u' })).toThrow(/role-name/)
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

describe('roleNameTemplateProblem', () => {
  it.each([
    ['!!!', /gives no role name/],
    ['deploy-role', /same role name for every repository and IAM user \(deploy-role\)/],
    ['{}-x', /same role name/],
    [`${'x'.repeat(64)}-{repo}-{user}`, /same role name/]
  ])('refuses %s', (template, message) => {
    expect(roleNameTemplateProblem(template)).toMatch(message)
  })

  it.each(['github-{owner}-{repo}-{user}', '{user}', 'ci/{repo}', `${'x'.repeat(50)}-{repo}`])(
    'accepts %s',
    (template) => {
      expect(roleNameTemplateProblem(template)).toBeNull()
    }
  )
})

describe('keyIdEnd', () => {
  it('keeps only the last four characters', () => {
    expect(keyIdEnd('AKIAIOSFODNN7EXAMPLE')).toBe('MPLE')
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
