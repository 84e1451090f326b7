import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { rewriteOptions } from '../../src/cli/rewrite.js'
import type { Finding } from '../../src/workflows/findings.js'
import { ecrRegion } from '../../src/workflows/scan/hints.js'
import { parseModel } from '../../src/workflows/rewrite/model.js'
import {
  planNewSteps,
  showsAwsUse,
  yamlScalar,
  type Identity
} from '../../src/workflows/rewrite/steps.js'
import { SCOPES } from '../../src/workflows/permissions.js'
import {
  PLACEHOLDER_ARN,
  rewriteWorkflows,
  validateRoleArn
} from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

describe('yamlScalar', () => {
  it('writes plain scalars that read back as the same string, and quotes the others', () => {
    for (const value of [
      'arn:aws:iam::123456789012:role/deploy',
      PLACEHOLDER_ARN,
      'eu-west-1',
      '${{ env.AWS_REGION }}',
      '<region>',
      'true',
      '1.5',
      "it's: here",
      '#x',
      ' padded'
    ]) {
      expect(parse(`k: ${yamlScalar(value)}`)).toEqual({ k: value })
    }
    expect(yamlScalar('eu-west-1')).toBe('eu-west-1')
    expect(yamlScalar('true')).toBe("'true'")
  })
})

describe('ecrRegion', () => {
  it('reads the region of private and public ECR hosts only', () => {
    expect(ecrRegion('123456789012.dkr.ecr.eu-central-1.amazonaws.com')).toBe('eu-central-1')
    expect(ecrRegion('${{ secrets.ACCOUNT }}.dkr.ecr.us-east-1.amazonaws.com')).toBe('us-east-1')
    expect(ecrRegion('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')).toBe('cn-north-1')
    expect(ecrRegion('public.ecr.aws')).toBe('us-east-1')
    expect(ecrRegion('ghcr.io')).toBeNull()
    expect(ecrRegion('${{ env.REGISTRY }}')).toBeNull()
    expect(ecrRegion(null)).toBeNull()
  })
})

describe('role ARNs and CLI options', () => {
  it('accepts role ARNs of every partition and the placeholder, and names the input otherwise', () => {
    expect(validateRoleArn('arn:aws-us-gov:iam::123456789012:role/a/b', 'x')).toBe(
      'arn:aws-us-gov:iam::123456789012:role/a/b'
    )
    expect(validateRoleArn(PLACEHOLDER_ARN, 'x')).toBe(PLACEHOLDER_ARN)
    expect(() => validateRoleArn('arn:aws:iam::123:user/bob', '--role-arn X')).toThrow(
      /^--role-arn X: 'arn:aws:iam::123:user\/bob' is not an IAM role ARN/
    )
  })
  it('reads SECRET=ARN pairs, one bare ARN for every key, and the region', () => {
    expect(
      rewriteOptions({
        diff: false,
        write: true,
        roleArns: ['A_ID=arn:aws:iam::111111111111:role/a', 'arn:aws:iam::222222222222:role/all'],
        region: 'ap-southeast-2'
      })
    ).toEqual({
      roleArns: { A_ID: 'arn:aws:iam::111111111111:role/a' },
      defaultRoleArn: 'arn:aws:iam::222222222222:role/all',
      region: 'ap-southeast-2'
    })
    const twice = {
      diff: false,
      write: false,
      roleArns: ['A=arn:aws:iam::111111111111:role/a', 'A=arn:aws:iam::111111111111:role/b'],
      region: undefined
    }
    expect(() => rewriteOptions(twice)).toThrow(/A already has the role/)
  })
  it('rejects bad role ARNs in the rewriter options too', () => {
    expect(() => rewriteWorkflows([], [], { roleArns: { X: 'nope' } })).toThrow(
      /role ARN for X: 'nope' is not an IAM role ARN/
    )
  })
})

describe('showsAwsUse', () => {
  const job = (steps: string): boolean =>
    showsAwsUse(
      parseModel('w.yml', `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n${steps}`)!.jobs.get(
        'j'
      )!
    )
  it('sees the CLI, S3 URLs, SDKs, deploy tools, ECR and AWS actions', () => {
    expect(job('      - run: aws s3 ls\n')).toBe(true)
    expect(job('      - run: ./upload.sh s3://bucket/x\n')).toBe(true)
    expect(job('      - run: python -c "import boto3"\n')).toBe(true)
    expect(job('      - run: cdk deploy\n')).toBe(true)
    expect(job('      - uses: aws-actions/amazon-ecr-login@v2\n')).toBe(true)
    expect(job('      - run: echo $AWS_REGION\n')).toBe(true)
  })
  it('does not see it in unrelated jobs', () => {
    expect(job('      - uses: actions/checkout@v4\n      - run: npm test\n')).toBe(false)
    expect(job('      - run: echo "always aware"\n')).toBe(false)
  })
})

describe('planNewSteps', () => {
  const model = parseModel(
    'w.yml',
    [
      'on: push',
      'jobs:',
      '  j:',
      '    runs-on: x',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: one',
      '      - if: cond',
      '        run: two',
      '      - run: three',
      ''
    ].join('\n')
  )!
  const job = model.jobs.get('j')!
  const id = (key: string): Identity => ({
    pairKey: key,
    pair: { accessKeyId: key, secretAccessKey: `${key}_S`, sessionToken: null },
    arn: `arn:aws:iam::123456789012:role/${key}`
  })
  const base = { job, region: null, knownRegions: new Map<string, string>(), cacRegion: null }

  it('puts one step for job-level keys after checkout', () => {
    const steps = planNewSteps(
      { ...base, ambient: { identity: id('A') }, steps: new Map(), providers: new Map() },
      'eu-west-1'
    )
    expect(steps.map((s) => [s.index, s.identity.pairKey, s.ifText, s.region])).toEqual([
      [1, 'A', null, 'eu-west-1']
    ])
  })

  it('switches identity for a step with its own keys and back for the steps after it', () => {
    const steps = planNewSteps(
      {
        ...base,
        ambient: { identity: id('A') },
        steps: new Map([
          [2, { identity: id('B'), source: 'step-env' as const, region: 'us-east-2' }]
        ]),
        providers: new Map()
      },
      null
    )
    expect(steps.map((s) => [s.index, s.identity.pairKey, s.ifText, s.region])).toEqual([
      [1, 'A', null, '<region>'],
      [2, 'B', 'cond', 'us-east-2'],
      [3, 'A', null, '<region>']
    ])
    expect(steps[0]!.regionMissing).toBe(true)
  })

  it('refuses to change the identity later steps ran with after an untouched login step', () => {
    expect(() =>
      planNewSteps(
        {
          ...base,
          ambient: null,
          steps: new Map([[2, { identity: id('B'), source: 'step-env' as const, region: null }]]),
          providers: new Map([[1, 'step:2']])
        },
        null
      )
    ).toThrow(/ran with the credentials of an earlier configure-aws-credentials step/)
  })
})

describe('rewriteWorkflows edge cases', () => {
  it('leaves a file whose findings do not match the text (a stale scan) as it was, with a reason', () => {
    const text = 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo\n'
    const stale = scanWorkflows([
      {
        path: 'w.yml',
        text: text.replace(
          '      - run: echo\n',
          '      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.K }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.S }}\n'
        )
      }
    ]).findings as Finding[]
    expect(stale.some((f) => f.migration === 'automatic')).toBe(true)
    const result = rewriteWorkflows([{ path: 'w.yml', text }], stale)
    expect(result.files[0]!.changed).toBe(false)
    expect(
      result.files[0]!.followUps.some((u) => u.kind === null && /Not rewritten/.test(u.reason))
    ).toBe(true)
  })
})

describe('token permissions of read-all and write-all', () => {
  const workflow = (workflowLevel: string, jobLevel: string): string => `on: push
${workflowLevel}jobs:
  deploy:
    runs-on: ubuntu-latest
${jobLevel}    steps:
      - uses: aws-actions/configure-aws-credentials@v6
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
`
  const rewrite = (text: string): string => {
    const files = [{ path: '.github/workflows/deploy.yml', text }]
    return rewriteWorkflows(files, scanWorkflows(files).findings).files[0]!.after
  }
  const jobPermissions = (text: string): unknown =>
    (parse(text) as { jobs: { deploy: { permissions?: unknown } } }).jobs.deploy.permissions

  it('writes read-all out as every scope read plus id-token: write, at job level', () => {
    const every = {
      ...Object.fromEntries(SCOPES.filter((s) => s !== 'id-token').map((s) => [s, 'read'])),
      'id-token': 'write'
    }
    expect(jobPermissions(rewrite(workflow('', '    permissions: read-all\n')))).toEqual(every)
    // A workflow-level read-all stays; the job gets the same explicit map.
    const after = rewrite(workflow('permissions: read-all\n', ''))
    expect((parse(after) as { permissions: unknown }).permissions).toBe('read-all')
    expect(jobPermissions(after)).toEqual(every)
  })

  it('leaves write-all as it is: it grants id-token: write already', () => {
    for (const [wf, job] of [
      ['', '    permissions: write-all\n'],
      ['permissions: write-all\n', '']
    ] as const) {
      const before = workflow(wf, job)
      const after = rewrite(before)
      expect(after).not.toBe(before)
      expect(after).toContain(`${wf}jobs:`)
      expect(after).toContain(`ubuntu-latest\n${job}    steps:`)
      expect(after).not.toContain('id-token')
    }
  })
})
