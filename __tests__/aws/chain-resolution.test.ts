/**
 * Issue 11 item 2 (pure parts): which trust policies name a key's IAM user, and how steps
 * chaining onto a role given by an expression are resolved to the one role that trusts the user.
 * The moto suite beside this file runs the same through the real SDK.
 */
import { describe, expect, it } from '@jest/globals'
import { keyUse } from '../../__fixtures__/aws/findings.js'
import { trustNamesUser, type TrustedUser } from '../../src/aws/plan/chained-role.js'
import type { PolicyStatement } from '../../src/aws/plan/policy-document.js'
import { resolveChains, splitUses, unresolvedFollowUps } from '../../src/aws/plan/uses.js'

const user: TrustedUser = {
  arn: 'arn:aws:iam::123456789012:user/ci/deployer',
  id: 'AIDAEXAMPLEUSERID0001',
  name: 'deployer',
  accountId: '123456789012'
}
const ROOT = 'arn:aws:iam::123456789012:root'
const allow = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  ...extra
})

describe('trustNamesUser', () => {
  it.each<[string, PolicyStatement, boolean]>([
    ['the user ARN', allow({ Principal: { AWS: user.arn } }), true],
    ['the user ARN in a list', allow({ Principal: { AWS: ['arn:x', user.arn] } }), true],
    ['the unique id (a deleted-and-shown user)', allow({ Principal: { AWS: user.id } }), true],
    ['sts:* as the action', allow({ Principal: { AWS: user.arn }, Action: 'sts:*' }), true],
    [
      'root with ArnEquals aws:PrincipalArn',
      allow({
        Principal: { AWS: ROOT },
        Condition: { ArnEquals: { 'aws:PrincipalArn': user.arn } }
      }),
      true
    ],
    [
      'bare account id with StringEquals aws:username',
      allow({
        Principal: { AWS: '123456789012' },
        Condition: { StringEquals: { 'aws:username': ['other', 'deployer'] } }
      }),
      true
    ],
    [
      'root with StringEquals aws:userid',
      allow({ Principal: { AWS: ROOT }, Condition: { StringEquals: { 'aws:userid': user.id } } }),
      true
    ],
    ['root without a condition', allow({ Principal: { AWS: ROOT } }), false],
    [
      'root with StringNotEquals on the user (excludes it)',
      allow({
        Principal: { AWS: ROOT },
        Condition: { StringNotEquals: { 'aws:username': 'deployer' } }
      }),
      false
    ],
    [
      'root with an IfExists condition (does not require it)',
      allow({
        Principal: { AWS: ROOT },
        Condition: { StringEqualsIfExists: { 'aws:username': 'deployer' } }
      }),
      false
    ],
    [
      "another account's root with a condition on the name",
      allow({
        Principal: { AWS: 'arn:aws:iam::210987654321:root' },
        Condition: { StringEquals: { 'aws:username': 'deployer' } }
      }),
      false
    ],
    ['another user', allow({ Principal: { AWS: 'arn:aws:iam::123456789012:user/other' } }), false],
    ['a Deny', { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { AWS: user.arn } }, false],
    [
      'web identity only',
      allow({ Principal: { AWS: user.arn }, Action: 'sts:AssumeRoleWithWebIdentity' }),
      false
    ],
    ['a service principal', allow({ Principal: { Service: 'ec2.amazonaws.com' } }), false]
  ])('%s', (_label, statement, expected) => {
    expect(trustNamesUser({ Statement: [statement] }, user)).toBe(expected)
  })
})

describe('resolveChains', () => {
  const chain = (role: string, job = 'deploy') =>
    keyUse({ file: '.github/workflows/deploy.yml', job, triggers: [], roleToAssume: role })
  const ROLE = 'arn:aws:iam::123456789012:role/deploy-target'
  const OTHER = 'arn:aws:iam::123456789012:role/other-target'

  it('one expression and one candidate: the steps chain onto that role', () => {
    const uses = splitUses([chain('${{ secrets.ROLE }}'), chain('${{ secrets.ROLE }}', 'again')])
    expect(uses.unresolved).toHaveLength(2)
    const resolved = resolveChains(uses, [ROLE])
    expect(resolved.unresolved).toEqual([])
    expect(resolved.chains.get(ROLE)?.map((f) => f.job)).toEqual(['deploy', 'again'])
    expect([...resolved.resolved]).toEqual([['${{ secrets.ROLE }}', ROLE]])
    expect(unresolvedFollowUps(resolved, 'deployer')).toEqual([])
  })

  it('keeps literal chains and adds the resolved steps to the same role', () => {
    const resolved = resolveChains(splitUses([chain(ROLE), chain('${{ vars.ROLE }}', 'b')]), [ROLE])
    expect(resolved.chains.get(ROLE)?.map((f) => f.job)).toEqual(['deploy', 'b'])
  })

  it.each([
    { candidates: [], says: 'no role of the account trusts IAM user deployer' },
    { candidates: [ROLE, OTHER], says: `2 roles trust IAM user deployer: ${ROLE}, ${OTHER}` }
  ])('$candidates.length candidates: the steps stay, the follow-up names them', (c) => {
    const resolved = resolveChains(splitUses([chain('${{ secrets.ROLE }}')]), c.candidates)
    expect(resolved.resolved.size).toBe(0)
    expect(resolved.chains.size).toBe(0)
    const [up, ...rest] = unresolvedFollowUps(resolved, 'deployer')
    expect(rest).toEqual([])
    expect(up).toContain("role-to-assume '${{ secrets.ROLE }}'")
    expect(up).toContain(c.says)
    expect(up).toContain('write the ARN of the role it assumes in role-to-assume')
  })

  it('two expressions and one candidate: not guessed (one may be a role of another account)', () => {
    const uses = splitUses([chain('${{ secrets.A }}'), chain('${{ secrets.B }}', 'b')])
    const resolved = resolveChains(uses, [ROLE])
    expect(resolved.resolved.size).toBe(0)
    expect(unresolvedFollowUps(resolved, 'deployer')[0]).toContain(
      `the steps write 2 different expressions, and only ${ROLE} trusts IAM user deployer`
    )
  })
})
