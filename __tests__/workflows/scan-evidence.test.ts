import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/plan.js'
import { KIND_INFO } from '../../src/report/kinds.js'
import { roleFromArgName } from '../../src/workflows/key-names.js'
import {
  awsKeyFindings,
  FINDING_KINDS,
  type Finding,
  type WorkflowFile
} from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

// Issue 11, keys missed and invented (items 4-7), on the project's own small fixtures in
// `__fixtures__/key-evidence/`: `X.yml` scanned as `.github/workflows/X.yml`, and
// `actions/aws-login/action.yml` as `.github/actions/aws-login/action.yml`.
const FIXTURES = '__fixtures__/key-evidence/'
const WORKFLOWS = ['caller-jwt.yml', 'cli-args.yml', 'object-store.yml']
const ACTION = '.github/actions/aws-login/action.yml'

function files(): WorkflowFile[] {
  return [
    ...WORKFLOWS.map((name) => ({
      path: `.github/workflows/${name}`,
      text: readFileSync(FIXTURES + name, 'utf8')
    })),
    { path: ACTION, text: readFileSync(`${FIXTURES}actions/aws-login/action.yml`, 'utf8') }
  ]
}

const findings = scanWorkflows(files()).findings
const lines = (file: string): string[] =>
  readFileSync(FIXTURES + file.replace(/^\.github\/(workflows\/)?/, ''), 'utf8').split('\n')
const of = (file: string, job: string | null): Finding[] =>
  findings.filter((f) => f.file === file && f.job === job)

type Row = [
  job: string | null,
  kind: Finding['kind'],
  migration: Finding['migration'],
  secrets: string[],
  pair: [string | null, string | null],
  lineHas: string
]

describe.each<[string, Row[]]>([
  [
    // Item 7: a secret is the secret half of a pair only with AWS evidence.
    '.github/workflows/caller-jwt.yml',
    [
      [
        'deploy',
        'reusable-workflow-caller',
        'manual',
        ['PROD_AWS_ACCESS_KEY_ID'],
        ['PROD_AWS_ACCESS_KEY_ID', null],
        'aws_access_key_id:'
      ],
      [
        'both',
        'reusable-workflow-caller',
        'manual',
        ['STAGE_AWS_ACCESS_KEY_ID', 'STAGE_SIGNING_KEY'],
        ['STAGE_AWS_ACCESS_KEY_ID', 'STAGE_SIGNING_KEY'],
        'access_key_id:'
      ]
    ]
  ],
  [
    // Item 5: AWS-named secrets on a command line leave the runner's login.
    '.github/workflows/cli-args.yml',
    [
      ['sls', 'key-export', 'manual', ['DEV_AWS_S3_SECRET'], [null, 'DEV_AWS_S3_SECRET'], 'sls'],
      [
        'terraform',
        'key-export',
        'manual',
        ['TF_AWS_KEY', 'TF_AWS_SECRET'],
        ['TF_AWS_KEY', 'TF_AWS_SECRET'],
        'terraform apply'
      ],
      ['build', 'key-export', 'manual', ['BUILD_SECRET'], [null, 'BUILD_SECRET'], '--build-arg']
    ]
  ],
  [
    // Item 4: per pair, from that pair's evidence.
    '.github/workflows/object-store.yml',
    [
      [
        'integration',
        'ambiguous',
        'manual',
        ['AWS_CI_TEST_ACCESS_KEY_ID', 'AWS_CI_TEST_SECRET_ACCESS_KEY'],
        ['AWS_CI_TEST_ACCESS_KEY_ID', 'AWS_CI_TEST_SECRET_ACCESS_KEY'],
        'AWS_ACCESS_KEY_ID: ${{ secrets.AWS_CI_TEST'
      ],
      [
        'local-store',
        'non-aws',
        'not-migrated',
        ['STORE_KEY_ID', 'STORE_SECRET'],
        ['STORE_KEY_ID', 'STORE_SECRET'],
        'secrets.STORE_KEY_ID'
      ],
      [
        'per-step',
        'env',
        'automatic',
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
        'secrets.AWS_ACCESS_KEY_ID'
      ],
      [
        'per-step',
        'non-aws',
        'not-migrated',
        ['MINIO_ROOT_PASSWORD', 'MINIO_ROOT_USER'],
        ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD'],
        'secrets.MINIO_ROOT_USER'
      ],
      [
        // S3 in a name is no AWS evidence: the endpoint beside the pair decides.
        's3-named',
        'non-aws',
        'not-migrated',
        ['STORE_S3_ID', 'STORE_S3_SECRET'],
        ['STORE_S3_ID', 'STORE_S3_SECRET'],
        'secrets.STORE_S3_ID'
      ]
    ]
  ]
])('%s', (file, rows) => {
  it('has exactly the expected findings, each on its line', () => {
    const got = findings.filter((f) => f.file === file)
    expect(
      got.map((f, i) => [
        f.job,
        f.kind,
        f.migration,
        f.secrets,
        [f.pair.accessKeyId, f.pair.secretAccessKey],
        lines(file)[f.line - 1]!.includes(rows[i]?.[5] ?? '\u0000')
      ])
    ).toEqual(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], true]))
  })
})

describe('pairing needs AWS evidence (item 7)', () => {
  it('never takes JWT_SECRET_KEY for the secret access key, nor advises id-token for it', () => {
    const named = findings.filter((f) => f.secrets.includes('JWT_SECRET_KEY'))
    expect(named).toEqual([])
  })

  it('keeps a loosely named secret when the name it is passed as says AWS', () => {
    const [both] = of('.github/workflows/caller-jwt.yml', 'both')
    expect(both?.pair.secretAccessKey).toBe('STAGE_SIGNING_KEY')
  })

  it('takes a loosely named secret when the callee in the scan reads it as a key', () => {
    const callee: WorkflowFile = {
      path: '.github/workflows/callee.yml',
      text: [
        'on:',
        '  workflow_call:',
        '    secrets:',
        '      key_id: {required: true}',
        '      secret_key: {required: true}',
        'jobs:',
        '  d:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        '          aws-access-key-id: ${{ secrets.key_id }}',
        '          aws-secret-access-key: ${{ secrets.secret_key }}',
        '          aws-region: eu-west-1',
        ''
      ].join('\n')
    }
    const caller: WorkflowFile = {
      path: '.github/workflows/caller.yml',
      text: [
        'on: push',
        'jobs:',
        '  c:',
        '    uses: ./.github/workflows/callee.yml',
        '    secrets:',
        '      key_id: ${{ secrets.PROD_KEY }}',
        '      secret_key: ${{ secrets.PROD_SECRET }}',
        ''
      ].join('\n')
    }
    const pairs = scanWorkflows([callee, caller])
      .findings.filter((f) => f.file === caller.path)
      .map((f) => f.pair)
    expect(pairs).toEqual([
      { accessKeyId: 'PROD_KEY', secretAccessKey: 'PROD_SECRET', sessionToken: null }
    ])
    // Without the callee in the scan, nothing says PROD_SECRET is an AWS key.
    expect(scanWorkflows([caller]).findings).toEqual([])
  })
})

describe('command-line names (item 5)', () => {
  it.each([
    ['--aws_s3_secret', 'secret'],
    ['DEV_AWS_S3_SECRET', 'secret'],
    ['aws_secret_key', 'secret'],
    ['aws_access_key', 'id'],
    ['TF_AWS_KEY', 'id'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['--jwt-secret', null],
    ['JWT_SECRET_KEY', null],
    ['AWS_KMS_KEY_ID', null],
    ['AWS_S3_BUCKET', null],
    ['AWS_REGION', null],
    ['ALIBABACLOUD_SECRET', null]
  ])('%s -> %s', (name, role) => {
    expect(roleFromArgName(name)).toBe(role)
  })

  it('leaves a script that passes only other secrets alone', () => {
    expect(of('.github/workflows/cli-args.yml', 'unrelated')).toEqual([])
  })
})

describe('composite actions that write their inputs (item 6)', () => {
  const action = of(ACTION, null)

  it('reports aws configure set and the credentials file written from inputs', () => {
    const text = lines(ACTION)
    expect(action.map((f) => [f.kind, f.migration, text[f.line - 1]!.trim().slice(0, 24)])).toEqual(
      [
        ['key-export', 'manual', 'aws configure set aws_ac'],
        ['key-export', 'manual', "printf '[default]\\naws_a"]
      ]
    )
    expect(action.every((f) => /input access_key_id/.test(f.reason))).toBe(true)
    expect(awsKeyFindings(action)).toHaveLength(2)
  })

  it('ignores inputs in a script that does not log the AWS CLI in, and temporary credentials', () => {
    const composite = (run: string): WorkflowFile => ({
      path: '.github/actions/x/action.yml',
      text: `name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: ${run}\n`
    })
    expect(scanWorkflows([composite('echo ${{ inputs.access_key_id }}')]).findings).toEqual([])
    expect(
      scanWorkflows([
        composite(
          'aws configure set aws_access_key_id ${{ inputs.key_id }} && aws configure set aws_session_token ${{ inputs.session_token }}'
        )
      ]).findings
    ).toEqual([])
  })
})

describe('ambiguous keys (item 4)', () => {
  it('count for fail-on-findings, with a reason naming the endpoint to check', () => {
    const [integration] = of('.github/workflows/object-store.yml', 'integration')
    expect(awsKeyFindings([integration!])).toHaveLength(1)
    expect(integration!.reason).toMatch(/MINIO_ENDPOINT/)
    expect(integration!.reason).toMatch(/check which service/)
  })

  it('is a kind of the contract with words for reports', () => {
    expect(FINDING_KINDS).toContain('ambiguous')
    expect(KIND_INFO.ambiguous.title).toMatch(/S3-compatible/)
  })

  describe('the CLI', () => {
    let tmp: string
    beforeAll(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'scan-evidence-'))
    })
    afterAll(() => rmSync(tmp, { recursive: true, force: true }))

    it('exits with findings when the only AWS-named keys sit beside a MinIO endpoint', async () => {
      const dir = path.join(tmp, '.github', 'workflows')
      mkdirSync(dir, { recursive: true })
      const text = readFileSync(`${FIXTURES}object-store.yml`, 'utf8')
      const onlyIntegration = text.slice(0, text.indexOf('  local-store:'))
      writeFileSync(path.join(dir, 'tests.yml'), onlyIntegration)
      const io = { stdout: (): void => undefined, stderr: (): void => undefined }
      expect(await runCli(['plan', tmp, '--fail-on-findings'], io)).toBe(EXIT.findings)
      writeFileSync(
        path.join(dir, 'tests.yml'),
        onlyIntegration.replace(/AWS_CI_TEST_/g, 'CI_TEST_')
      )
      expect(await runCli(['plan', tmp, '--fail-on-findings'], io)).toBe(EXIT.ok)
    })
  })
})
