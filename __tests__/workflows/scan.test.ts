import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import type { Finding, WorkflowFile } from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

// The project's own fixture workflows (`__fixtures__/workflows/`), scanned as they would sit in a
// repository: `X.yml` as `.github/workflows/X.yml`, `actions/deploy/action.yml` as
// `.github/actions/deploy/action.yml`.
const FIXTURES = '__fixtures__/workflows/'
const WORKFLOWS = [
  'action-inputs.yml',
  'cac.yml',
  'crlf.yml',
  'dynamic.yml',
  'env.yml',
  'exports.yml',
  'false-positives.yml',
  'flow-anchors.yml',
  'generated.yml',
  'malformed.yml',
  'mixed-eol.crlf.yml',
  'non-aws.yml',
  'reusable-callee.yml',
  'reusable-caller.yml'
]

function fixtureFiles(): WorkflowFile[] {
  return [
    ...WORKFLOWS.map((name) => ({
      path: `.github/workflows/${name}`,
      text: readFileSync(FIXTURES + name, 'utf8')
    })),
    {
      path: '.github/actions/deploy/action.yml',
      text: readFileSync(`${FIXTURES}actions/deploy/action.yml`, 'utf8')
    }
  ]
}

type Row = [
  line: number,
  column: number,
  kind: Finding['kind'],
  migration: Finding['migration'],
  secrets: string[],
  path: (string | number)[]
]

// Expected findings per fixture, written by reading each fixture (line/column of the reference).
const EXPECTED: Record<string, Row[]> = {
  'action-inputs.yml': [
    // docker/login-action to ECR with keys as username/password: the rewrite logs in with a role
    [
      13,
      25,
      'action-input',
      'automatic',
      ['ECR_PUSHER_ID', 'ECR_PUSHER_KEY'],
      ['jobs', 'ecr', 'steps', 0, 'with', 'username']
    ],
    // keys baked into a docker build through build-args
    [
      23,
      35,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'ecr', 'steps', 2, 'with', 'build-args']
    ],
    // local composite action with lower-case secret names
    [
      31,
      30,
      'action-input',
      'manual',
      ['access_key_id', 'secret_access_key'],
      ['jobs', 'local', 'steps', 1, 'with', 'access_key_id']
    ],
    // `uses: ./` is never taken for configure-aws-credentials
    [
      37,
      34,
      'action-input',
      'manual',
      ['STATIC_ak_id', 'STATIC_secret_ak'],
      ['jobs', 'local', 'steps', 2, 'with', 'aws-access-key-id']
    ],
    // third-party action with its own key inputs
    [
      45,
      31,
      'action-input',
      'manual',
      ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY'],
      ['jobs', 'third-party', 'steps', 0, 'with', 'aws_access_key']
    ]
  ],
  'cac.yml': [
    [
      23,
      34,
      'configure-aws-credentials',
      'automatic',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'tagged', 'steps', 1, 'with', 'aws-access-key-id']
    ],
    // SHA pin in mixed case, inputs in reverse order, no spaces in the expression
    [
      35,
      33,
      'configure-aws-credentials',
      'automatic',
      ['STAGING_KEY_ID', 'STAGING_SECRET'],
      ['jobs', 'pinned', 'steps', 0, 'with', 'aws-access-key-id']
    ],
    // role chaining
    [
      43,
      34,
      'configure-aws-credentials',
      'automatic',
      ['DEPLOY_AWS_ACCESS_KEY_ID', 'DEPLOY_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'chained', 'steps', 0, 'with', 'aws-access-key-id']
    ],
    // temporary credentials stored as secrets
    [
      54,
      34,
      'configure-aws-credentials',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
      ['jobs', 'temporary', 'steps', 0, 'with', 'aws-access-key-id']
    ],
    // China partition
    [
      70,
      34,
      'configure-aws-credentials',
      'manual',
      ['CN_KEY_ID', 'CN_SECRET'],
      ['jobs', 'china', 'steps', 0, 'with', 'aws-access-key-id']
    ]
  ],
  'crlf.yml': [
    [
      12,
      34,
      'configure-aws-credentials',
      'automatic',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'deploy', 'steps', 1, 'with', 'aws-access-key-id']
    ],
    // inside a block scalar: the reference's own line
    [17, 51, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID'], ['jobs', 'deploy', 'steps', 2, 'run']],
    // the same step's script also writes keys: its env entry cannot go alone
    [
      19,
      38,
      'env',
      'manual',
      ['AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'deploy', 'steps', 2, 'env', 'AWS_SECRET_ACCESS_KEY']
    ]
  ],
  'dynamic.yml': [
    [
      12,
      34,
      'dynamic-secret',
      'manual',
      [
        'DEV_AWS_ACCESS_KEY_ID',
        'DEV_AWS_SECRET_ACCESS_KEY',
        'PROD_AWS_ACCESS_KEY_ID',
        'PROD_AWS_SECRET_ACCESS_KEY'
      ],
      ['jobs', 'formatted', 'steps', 0, 'with', 'aws-access-key-id']
    ],
    [
      29,
      34,
      'dynamic-secret',
      'manual',
      [
        'DEV_ACCESS_KEY_ID',
        'DEV_SECRET_ACCESS_KEY',
        'PROD_ACCESS_KEY_ID',
        'PROD_SECRET_ACCESS_KEY'
      ],
      ['jobs', 'from-matrix', 'steps', 0, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      36,
      69,
      'dynamic-secret',
      'manual',
      [
        'DEV_AWS_ACCESS_KEY_ID',
        'DEV_AWS_SECRET_ACCESS_KEY',
        'PROD_AWS_ACCESS_KEY_ID',
        'PROD_AWS_SECRET_ACCESS_KEY'
      ],
      ['jobs', 'conditional', 'steps', 0, 'with', 'aws-access-key-id']
    ]
  ],
  'env.yml': [
    [4, 26, 'env', 'automatic', ['CI_KEY', 'CI_SECRET'], ['env', 'AWS_ACCESS_KEY_ID']],
    [
      12,
      30,
      'env',
      'automatic',
      ['JOB_AWS_ACCESS_KEY_ID', 'JOB_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'job-level', 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      20,
      32,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'step-level', 'container', 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      33,
      35,
      'env',
      'automatic',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'step-level', 'steps', 0, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      38,
      41,
      'key-export',
      'manual',
      ['TF_KEY_ID', 'TF_SECRET'],
      ['jobs', 'step-level', 'steps', 1, 'env', 'TF_VAR_aws_access_key_id']
    ],
    // a docker action reading the keys from its env
    [
      43,
      34,
      'env',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'step-level', 'steps', 2, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    // the id comes from a variable: the finding sits at the secret half
    [
      49,
      38,
      'env',
      'automatic',
      ['AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'step-level', 'steps', 3, 'env', 'AWS_SECRET_ACCESS_KEY']
    ],
    [
      53,
      34,
      'env',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
      ['jobs', 'step-level', 'steps', 4, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      59,
      40,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'indirection', 'env', 'PIPELINE_USER_ACCESS_KEY_ID']
    ],
    // `${{ env.X }}` resolved to the secrets behind it; manual: the keys only assume the role in
    // `${{ vars.PIPELINE_ROLE }}`, not known to trust GitHub (issue 11 item 2)
    [
      64,
      34,
      'configure-aws-credentials',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'indirection', 'steps', 0, 'with', 'aws-access-key-id']
    ],
    // keys among the settings of a program
    [
      78,
      34,
      'env',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'app-config', 'steps', 0, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      82,
      35,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'app-config', 'steps', 1, 'env', 'APP_AWS_ACCESS_KEY']
    ]
  ],
  'exports.yml': [
    [
      9,
      51,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'scripts', 'steps', 0, 'run']
    ],
    // custom names recognised by what the script writes them as
    [
      13,
      39,
      'key-export',
      'manual',
      ['UPLOADER_KEY', 'UPLOADER_SECRET'],
      ['jobs', 'scripts', 'steps', 1, 'run']
    ],
    [
      19,
      18,
      'key-export',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'scripts', 'steps', 2, 'run']
    ],
    [
      21,
      61,
      'key-export',
      'manual',
      ['SLS_KEY', 'SLS_SECRET'],
      ['jobs', 'scripts', 'steps', 3, 'run']
    ],
    [25, 24, 'key-export', 'manual', [], ['jobs', 'scripts', 'steps', 4, 'with', 'secrets']],
    [27, 17, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID'], ['jobs', 'scripts', 'steps', 5, 'if']]
  ],
  'false-positives.yml': [],
  'flow-anchors.yml': [
    [
      8,
      72,
      'env',
      'automatic',
      ['FLOW_AWS_ACCESS_KEY_ID', 'FLOW_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'flow', 'steps', 0, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      10,
      40,
      'configure-aws-credentials',
      'automatic',
      ['FLOW_AWS_ACCESS_KEY_ID', 'FLOW_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'flow', 'steps', 1, 'with', 'aws-access-key-id']
    ],
    // the anchored map and its alias: same node, two jobs, never automatic
    [
      15,
      30,
      'env',
      'manual',
      ['SHARED_AWS_ACCESS_KEY_ID', 'SHARED_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'first', 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      15,
      30,
      'env',
      'manual',
      ['SHARED_AWS_ACCESS_KEY_ID', 'SHARED_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'second', 'env', 'AWS_ACCESS_KEY_ID']
    ]
  ],
  'generated.yml': [
    [
      11,
      34,
      'configure-aws-credentials',
      'manual',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'a', 'steps', 0, 'with', 'aws-access-key-id']
    ]
  ],
  'malformed.yml': [],
  'mixed-eol.crlf.yml': [
    [
      7,
      30,
      'env',
      'automatic',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'a', 'env', 'AWS_ACCESS_KEY_ID']
    ]
  ],
  'non-aws.yml': [
    [
      5,
      40,
      'non-aws',
      'not-migrated',
      ['CLOUDFLARE_R2_SECRET_ACCESS_KEY'],
      ['env', 'TESTS__R2_AWS_SECRET_ACCESS_KEY']
    ],
    [
      14,
      34,
      'non-aws',
      'not-migrated',
      ['STORAGE_ID', 'STORAGE_KEY'],
      ['jobs', 'minio', 'steps', 0, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    [
      20,
      34,
      'non-aws',
      'not-migrated',
      ['BACKUP_KEY_ID', 'BACKUP_SECRET'],
      ['jobs', 'minio', 'steps', 1, 'env', 'AWS_ACCESS_KEY_ID']
    ],
    // an amazonaws.com endpoint is still AWS
    [
      26,
      34,
      'env',
      'automatic',
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'minio', 'steps', 2, 'env', 'AWS_ACCESS_KEY_ID']
    ]
  ],
  'reusable-callee.yml': [
    // every use of the declared pair is automatic: made optional, the workflow assumes the role
    [
      9,
      7,
      'reusable-workflow-secret',
      'automatic',
      ['aws_access_key_id', 'aws_secret_access_key'],
      ['on', 'workflow_call', 'secrets', 'aws_access_key_id']
    ],
    [
      22,
      34,
      'configure-aws-credentials',
      'automatic',
      ['aws_access_key_id', 'aws_secret_access_key'],
      ['jobs', 'deploy', 'steps', 0, 'with', 'aws-access-key-id']
    ]
  ],
  'reusable-caller.yml': [
    // the callee assumes the role and releases both secrets: the caller stops passing them
    [
      11,
      30,
      'reusable-workflow-caller',
      'automatic',
      ['DEV_AWS_ACCESS_KEY_ID', 'DEV_AWS_SECRET_ACCESS_KEY'],
      ['jobs', 'pass', 'secrets', 'aws_access_key_id']
    ],
    // inherit of a local workflow that uses keys; not of a remote one, nor of a keyless one
    [
      20,
      14,
      'reusable-workflow-inherit',
      'automatic',
      ['aws_access_key_id', 'aws_secret_access_key'],
      ['jobs', 'inherit', 'secrets']
    ]
  ]
}

const ACTION_EXPECTED: Row[] = [
  // keys arriving as composite-action inputs
  [
    17,
    32,
    'configure-aws-credentials',
    'manual',
    [],
    ['runs', 'steps', 0, 'with', 'aws-access-key-id']
  ],
  [24, 32, 'env', 'manual', [], ['runs', 'steps', 1, 'env', 'AWS_ACCESS_KEY_ID']]
]

function rows(findings: readonly Finding[], file: string): Row[] {
  return findings
    .filter((f) => f.file === file)
    .map((f) => [f.line, f.column, f.kind, f.migration, [...f.secrets], [...f.path]])
}

describe('scanWorkflows over the fixture workflows', () => {
  const result = scanWorkflows(fixtureFiles())

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    expect(rows(result.findings, `.github/workflows/${name}`)).toEqual(expected)
  })

  it('scans a composite action under .github/actions', () => {
    const found = result.findings.filter((f) => f.file === '.github/actions/deploy/action.yml')
    expect(rows(found, '.github/actions/deploy/action.yml')).toEqual(ACTION_EXPECTED)
    for (const f of found) {
      expect(f.job).toBeNull()
      expect(f.triggers).toEqual([])
      expect(f.permissions).toEqual({ workflow: null, job: null })
      expect(f.pair).toEqual({ accessKeyId: null, secretAccessKey: null, sessionToken: null })
    }
  })

  it('reports the malformed file as an error and still scans the others', () => {
    expect(result.errors).toEqual([
      {
        file: '.github/workflows/malformed.yml',
        line: 5,
        message: 'not valid YAML: Map keys must be unique (column 3)'
      }
    ])
    expect(result.findings.length).toBeGreaterThan(40)
  })

  it('sorts findings by file, line and column', () => {
    const keys = result.findings.map((f) => [f.file, f.line, f.column] as const)
    const sorted = [...keys].sort((a, b) =>
      a[0] === b[0] ? a[1] - b[1] || a[2] - b[2] : a[0] < b[0] ? -1 : 1
    )
    expect(keys).toEqual(sorted)
  })

  it('gives paths that name existing nodes (aliases aside, which paths go through)', () => {
    for (const file of fixtureFiles()) {
      const doc = parseDocument(file.text)
      for (const f of result.findings.filter((x) => x.file === file.path)) {
        if (f.path[1] === 'second') continue // jobs.second.env is `*aws_env`
        expect([f.file, f.path, doc.hasIn(f.path)]).toEqual([f.file, f.path, true])
      }
    }
  })

  it('points line and column at the reference in the source text, CRLF included', () => {
    const byFile = new Map(fixtureFiles().map((f) => [f.path, f.text]))
    for (const f of result.findings) {
      const line = byFile.get(f.file)!.split('\n')[f.line - 1]!
      const at = line.slice(f.column - 1)
      if (f.kind === 'reusable-workflow-secret') expect(at).toMatch(/^aws_access_key_id:/)
      else if (f.kind === 'reusable-workflow-inherit') expect(at).toMatch(/^inherit/)
      else expect(at).toMatch(/^(secrets|env\.|inputs\.|toJSON)/i)
    }
  })
})

describe('finding details', () => {
  const result = scanWorkflows(fixtureFiles())
  const find = (file: string, line: number): Finding => {
    const f = result.findings.find((x) => x.file === `.github/workflows/${file}` && x.line === line)
    if (!f) throw new Error(`no finding at ${file}:${line}`)
    return f
  }

  it('carries the job, step, environment, permissions and triggers', () => {
    const f = find('cac.yml', 23)
    expect(f.job).toBe('tagged')
    expect(f.step).toEqual({
      index: 1,
      name: 'Keys',
      id: null,
      uses: 'aws-actions/configure-aws-credentials@v4'
    })
    expect(f.environment).toBe('production')
    expect(f.permissions).toEqual({
      workflow: { contents: 'read' },
      job: { contents: 'read', 'id-token': 'write' }
    })
    expect(f.triggers).toEqual([
      {
        event: 'push',
        branches: ['main'],
        branchesIgnore: null,
        tags: ['v*'],
        tagsIgnore: null,
        types: null
      },
      {
        event: 'pull_request',
        branches: null,
        branchesIgnore: null,
        tags: null,
        tagsIgnore: null,
        types: ['opened', 'synchronize']
      }
    ])
    expect(f.pair).toEqual({
      accessKeyId: 'AWS_ACCESS_KEY_ID',
      secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
      sessionToken: null
    })
    expect(f.roleToAssume).toBeNull()
  })

  it('reads the environment from the mapping form and the role of a chained step', () => {
    expect(find('cac.yml', 35).environment).toBe('staging')
    expect(find('cac.yml', 43).roleToAssume).toBe('arn:aws:iam::123456789012:role/deploy')
    expect(find('cac.yml', 43).reason).toMatch(/role chaining/)
  })

  it('reads a `true:` key as the triggers and flow-style permissions', () => {
    const f = find('flow-anchors.yml', 10)
    expect(f.triggers.map((t) => [t.event, t.branches])).toEqual([
      ['push', ['main', 'release/**']],
      ['workflow_dispatch', null]
    ])
    expect(f.permissions.workflow).toEqual({ contents: 'read' })
    expect(f.job).toBe('flow')
  })

  it('reads string triggers and workflow-level findings have no job or step', () => {
    const f = find('env.yml', 4)
    expect(f.triggers.map((t) => t.event)).toEqual(['push', 'workflow_dispatch'])
    expect(f.job).toBeNull()
    expect(f.step).toBeNull()
    expect(f.permissions).toEqual({ workflow: null, job: null })
  })

  it('gives every finding a reason: automatic ones say what replaces them, others why not', () => {
    for (const f of result.findings) {
      expect(f.reason).toMatch(/\.$/)
      if (f.migration === 'automatic') expect(f.reason).toMatch(/rewritten|replaced/)
      else {
        expect(f.reason).not.toMatch(/rewritten|replaced/)
        expect(f.reason).toMatch(
          /by hand|instead|left as they are|review|make them optional|stop passing/
        )
      }
    }
    expect(find('generated.yml', 11).reason).toContain('generated by scripts/gen-workflows.sh')
  })
})

describe("this action's own keys input", () => {
  const step = (uses: string): string =>
    `on: workflow_dispatch\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n        with:\n          keys: |\n            AWS_ACCESS_KEY_ID=\${{ secrets.AWS_ACCESS_KEY_ID }}\n`
  it('is not a use of the keys (it only names the key ids to migrate)', () => {
    for (const uses of [
      'aws-keys-to-oidc/aws-keys-to-oidc@v1',
      'aws-keys-to-oidc/aws-keys-to-oidc@0123456789abcdef0123456789abcdef01234567'
    ]) {
      const result = scanWorkflows([{ path: '.github/workflows/migrate.yml', text: step(uses) }])
      expect(result.findings).toEqual([])
    }
  })
  it("is a finding for any other action's input of the same name", () => {
    const result = scanWorkflows([
      { path: '.github/workflows/other.yml', text: step('someone/aws-keys-to-oidc-fork@v1') }
    ])
    expect(result.findings.map((f) => [f.kind, f.migration, f.line])).toEqual([
      ['action-input', 'manual', 9]
    ])
  })
})
