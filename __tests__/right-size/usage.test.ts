/**
 * What the plan shows of a key's use (src/aws/plan/usage.ts): the granted services with the
 * policies that grant them, and the jobs whose commands name a service. The last accessed data
 * is the fixture shaped as IAM's API reference documents it (moto has no such API).
 */
import { describe, expect, it } from '@jest/globals'
import { keyUse, trigger } from '../../__fixtures__/aws/findings.js'
import {
  BROAD_USAGE,
  BROAD_USER,
  POWER_USER,
  S3_FULL
} from '../../__fixtures__/right-size/broad-user.js'
import {
  jobsNamingServices,
  servicesNamed,
  summarizeUsage,
  usageRecords
} from '../../src/aws/plan/usage.js'

describe('servicesNamed', () => {
  it.each([
    ['aws s3 sync site/ s3://bucket', ['s3']],
    ['aws --region eu-west-1 --output json cloudformation deploy', ['cloudformation']],
    ['aws --no-cli-pager s3api put-object', ['s3']],
    ['x=$(aws sts get-caller-identity); aws deploy create-deployment', ['codedeploy', 'sts']],
    ['aws elbv2 describe-load-balancers && aws logs tail', ['elasticloadbalancing', 'logs']],
    ['npm i @aws-sdk/client-dynamodb @aws-sdk/client-s3', ['dynamodb', 's3']],
    [`python -c "import boto3; boto3.client('ssm')"`, ['ssm']],
    ['echo aws-actions and awscli are not commands', []]
  ])('%s', (text, services) => {
    expect([...servicesNamed(text)].sort()).toEqual(services)
  })
})

describe('jobsNamingServices', () => {
  const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: aws s3 cp a s3://b
      - run: |
          aws lambda update-function-code --function-name f
  other:
    runs-on: ubuntu-latest
    steps:
      - run: aws ec2 describe-instances
`
  const file = { path: '.github/workflows/d.yml', text }
  const uses = [keyUse({ file: file.path, job: 'deploy', triggers: [trigger('push')] })]

  it('looks only at the jobs of the key', () => {
    const named = jobsNamingServices([file], uses)
    expect([...named.keys()].sort()).toEqual(['lambda', 's3'])
    expect(named.get('s3')).toEqual([{ file: file.path, job: 'deploy' }])
  })

  it('skips a file that is not valid YAML', () => {
    expect(jobsNamingServices([{ ...file, text: 'jobs: [' }], uses).size).toBe(0)
  })
})

describe('summarizeUsage', () => {
  const summary = summarizeUsage(BROAD_USER, BROAD_USAGE, new Map())
  if (summary.status !== 'available') throw new Error('fixture')
  const grant = (ns: string) => summary.services.find((s) => s.namespace === ns)

  it('lists every granted service, the used ones first, with the policies that grant it', () => {
    expect(summary.services.map((s) => s.namespace)).toEqual([
      'cloudfront',
      'iam',
      'lambda',
      's3',
      'account',
      'dynamodb',
      'ec2',
      'organizations',
      's3-object-lambda'
    ])
    expect(grant('s3')?.grantedBy).toEqual([
      `managed policy ${S3_FULL}`,
      `managed policy ${POWER_USER}`
    ])
    expect(grant('cloudfront')?.grantedBy).toEqual([
      `managed policy ${POWER_USER}`,
      'user deployer inline policy invalidate'
    ])
    // iam:* excluded by the NotAction; granted by the explicit statement only.
    expect(grant('iam')?.grantedBy).toEqual([`managed policy ${POWER_USER}`])
    expect(grant('lambda')?.unusedActions).toEqual(['lambda:UpdateFunctionCode'])
    expect(grant('ec2')).toMatchObject({ lastUsed: null, unusedActions: [] })
  })

  it('one record per user, whatever the number of its pairs', () => {
    const pair = { usage: summary, roles: [{ kind: 'new-role', roleName: 'r' }] }
    expect(usageRecords([pair, pair])).toEqual([
      { usage: summary, roleName: 'r', rightSizing: null }
    ])
  })
})
