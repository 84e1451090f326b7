import { describe, expect, it } from '@jest/globals'
import {
  canonicalPolicy,
  parsePolicyDocument,
  policySize,
  replaceUsernameVariable,
  roleConditionWarnings,
  samePolicy,
  usesUsernameVariable,
  type PolicyDocument
} from '../../src/aws/plan/policy-document.js'

const user = {
  name: 'deployer',
  arn: 'arn:aws:iam::123456789012:user/ci/deployer',
  id: 'AIDAEXAMPLE'
}

describe('parsePolicyDocument', () => {
  it('reads the URL-encoded JSON IAM returns and plain JSON alike; a single statement becomes a list', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}'
    const a = parsePolicyDocument(encodeURIComponent(text), 'x')
    const b = parsePolicyDocument(text, 'x')
    expect(a).toEqual(b)
    expect(a.Statement).toHaveLength(1)
  })

  it('names what it was reading when the text is not a policy', () => {
    expect(() =>
      parsePolicyDocument('{"Version":"2012-10-17"}', 'inline policy p of user u')
    ).toThrow('inline policy p of user u: the policy document has no Statement')
    expect(() => parsePolicyDocument('{not json', 'p')).toThrow(
      /p: the policy document is not valid JSON/
    )
  })
})

describe('samePolicy', () => {
  const base: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:GetObject'],
        Resource: 'arn:aws:s3:::b/*',
        Condition: { StringEquals: { 'aws:RequestTag/team': ['a', 'b'] } }
      }
    ]
  }
  it('ignores what IAM ignores: list order, a value against a one-element list, key order', () => {
    const same: PolicyDocument = {
      Statement: [
        {
          Resource: ['arn:aws:s3:::b/*'],
          Condition: { StringEquals: { 'aws:RequestTag/team': ['b', 'a'] } },
          Action: ['s3:GetObject', 's3:PutObject'],
          Effect: 'Allow'
        }
      ],
      Version: '2012-10-17'
    }
    expect(samePolicy(base, same)).toBe(true)
  })

  it('sees a changed action, resource, condition value or statement order', () => {
    const statement = base.Statement[0] ?? { Effect: 'Allow' }
    expect(
      samePolicy(base, { ...base, Statement: [{ ...statement, Action: 's3:GetObject' }] })
    ).toBe(false)
    expect(samePolicy(base, { ...base, Statement: [{ ...statement, Resource: '*' }] })).toBe(false)
    expect(
      samePolicy(base, {
        ...base,
        Statement: [{ ...statement, Condition: { StringEquals: { 'aws:RequestTag/team': 'a' } } }]
      })
    ).toBe(false)
    const two: PolicyDocument = {
      Statement: [statement, { Effect: 'Deny', Action: '*', Resource: '*' }]
    }
    expect(samePolicy(two, { Statement: [...two.Statement].reverse() })).toBe(false)
    expect(canonicalPolicy(two)).toBe(
      canonicalPolicy(JSON.parse(JSON.stringify(two)) as PolicyDocument)
    )
  })
})

describe('policySize', () => {
  it('counts compact JSON, as IAM counts without white space', () => {
    const document: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
    }
    expect(policySize(document)).toBe(JSON.stringify(document).length)
    expect(policySize(document)).toBeLessThan(JSON.stringify(document, null, 2).length)
  })
})

describe('${aws:username}', () => {
  it('is replaced with the literal user name wherever it appears', () => {
    const document: PolicyDocument = {
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${AWS:UserName}'],
          Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } }
        }
      ]
    }
    expect(usesUsernameVariable(document)).toBe(true)
    const out = replaceUsernameVariable(document, 'deployer')
    expect(usesUsernameVariable(out)).toBe(false)
    expect(out.Statement[0]?.Resource).toEqual([
      'arn:aws:s3:::home/deployer/*',
      'arn:aws:s3:::home/deployer'
    ])
    expect(out.Statement[0]?.Condition).toEqual({ StringLike: { 's3:prefix': 'deployer/*' } })
    expect(usesUsernameVariable(out)).toBe(false)
  })
})

describe('roleConditionWarnings', () => {
  it('names the conditions that cannot hold (or may not hold) for a role in a GitHub runner', () => {
    const document: PolicyDocument = {
      Statement: [
        {
          Sid: 'Office',
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
        },
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } }
        },
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:userid': 'AIDAEXAMPLE' } }
        },
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/ci/*' } }
        },
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/x' } }
        },
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:userid}/*' },
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalType': 'User' } }
        }
      ]
    }
    const warnings = roleConditionWarnings(document, user)
    expect(warnings.map((w) => [w.statement, w.key])).toEqual([
      ['statement Office', 'aws:SourceIp'],
      ['statement 2', 'aws:SourceVpc'],
      ['statement 3', 'aws:userid'],
      ['statement 4', 'aws:PrincipalArn'],
      ['statement 6', '${aws:userid}'],
      ['statement 7', 'aws:PrincipalType']
    ])
    expect(warnings[2]?.message).toMatch(/always matches/)
    expect(warnings[3]?.message).toMatch(/never matches/)
  })
})
