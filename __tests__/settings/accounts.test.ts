import { describe, expect, it } from '@jest/globals'
import { parseAccounts, sessionName } from '../../src/settings/accounts.js'

describe('parseAccounts', () => {
  it('reads ACCOUNT_ID=ROLE_ARN lines in order, skipping blank lines and comments', () => {
    const accounts = parseAccounts(
      [
        '# production',
        '222233334444=arn:aws:iam::222233334444:role/migration-admin',
        '',
        '  333344445555 = arn:aws-us-gov:iam::333344445555:role/ops/admin  '
      ].join('\n')
    )
    expect([...accounts]).toEqual([
      ['222233334444', 'arn:aws:iam::222233334444:role/migration-admin'],
      ['333344445555', 'arn:aws-us-gov:iam::333344445555:role/ops/admin']
    ])
    expect(parseAccounts('').size).toBe(0)
  })

  it.each([
    ['22223333444=arn:aws:iam::22223333444:role/a', /line 1 is not ACCOUNT_ID=ROLE_ARN/],
    ['222233334444', /line 1 is not ACCOUNT_ID=ROLE_ARN/],
    ['222233334444=arn:aws:iam::222233334444:user/a', /line 1 is not ACCOUNT_ID=ROLE_ARN/],
    [
      '222233334444=arn:aws:iam::333344445555:role/a',
      /line 1: the role arn:aws:iam::333344445555:role\/a is in account 333344445555, not 222233334444/
    ],
    [
      '222233334444=arn:aws:iam::222233334444:role/a\n222233334444=arn:aws:iam::222233334444:role/b',
      /line 2: account 222233334444 is given twice/
    ]
  ])('%s is refused naming the input: %s', (raw, message) => {
    expect(() => parseAccounts(raw)).toThrow(message)
    expect(() => parseAccounts(raw)).toThrow(/accounts/)
  })
})

describe('sessionName', () => {
  it('names the action and the run, within the 64 characters STS allows', () => {
    expect(sessionName('1234567890', '2')).toBe('aws-keys-to-oidc-1234567890-2')
    expect(sessionName(undefined, undefined)).toBe('aws-keys-to-oidc')
    expect(sessionName('x; rm', '1')).toBe('aws-keys-to-oidc-1')
    expect(sessionName('9'.repeat(80), '1')).toHaveLength(64)
    expect(sessionName('9'.repeat(80), '1')).toMatch(/^[\w+=,.@-]+$/)
  })
})
