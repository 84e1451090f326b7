/** The words of a rewrite edit (pure): each kind of record renders to the words it always had. */
import { describe, expect, it } from '@jest/globals'
import { describeEdit, editJson } from '../../src/report/edits.js'
import { rewriteWorkflows, type RewriteEdit } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const CAC = 'aws-actions/configure-aws-credentials'
const scopes = { contents: 'read', 'id-token': 'write' }
const ROLE = 'arn:aws:iam::123456789012:role/deploy'

const table: [RewriteEdit, string][] = [
  [
    { line: 4, kind: 'id-token', job: 'deploy', change: 'upgrade', from: 'read' },
    'job deploy: permissions id-token read -> write'
  ],
  [
    { line: 4, kind: 'id-token', job: 'deploy', change: 'upgrade', from: 'none' },
    'job deploy: permissions id-token none -> write'
  ],
  [
    { line: 4, kind: 'id-token', job: 'deploy', change: 'add-entry' },
    'job deploy: permissions gain id-token: write'
  ],
  [
    { line: 4, kind: 'id-token', job: 'deploy', change: 'expand', from: 'read-all', scopes },
    'job deploy: permissions read-all written out as a map with id-token: write'
  ],
  [
    { line: 4, kind: 'id-token', job: 'deploy', change: 'add-block', from: 'workflow', scopes },
    'job deploy: permissions added: a copy of the workflow permissions plus id-token: write'
  ],
  [
    {
      line: 4,
      kind: 'id-token',
      job: 'deploy',
      change: 'add-block',
      from: 'repository-default',
      repositoryDefault: 'restricted',
      scopes
    },
    'job deploy: permissions added: the repository default (restricted) plus id-token: write'
  ],
  [
    {
      line: 4,
      kind: 'id-token',
      job: 'deploy',
      change: 'add-block',
      from: 'repository-default',
      repositoryDefault: 'permissive',
      scopes
    },
    'job deploy: permissions added: the repository default (permissive) plus id-token: write'
  ],
  [
    {
      line: 7,
      kind: 'action-pin',
      job: 'deploy',
      step: 0,
      from: `${CAC}@v1`,
      to: `${CAC}@v6`,
      fromComment: null
    },
    `job deploy: ${CAC}@v1 -> ${CAC}@v6`
  ],
  [
    {
      line: 9,
      kind: 'cac-inputs',
      job: 'deploy',
      step: 1,
      converted: [
        { input: 'mask-aws-account-id', from: 'no', to: 'false' },
        { input: 'role-skip-session-tagging', from: 'Yes', to: 'true' }
      ]
    },
    'job deploy: configure-aws-credentials mask-aws-account-id: no -> false, role-skip-session-tagging: Yes -> true (v6 reads only true/false)'
  ],
  [
    {
      line: 8,
      kind: 'role-to-assume',
      job: 'deploy',
      step: 0,
      roleArn: ROLE,
      chained: false
    },
    `job deploy: configure-aws-credentials key inputs replaced by role-to-assume ${ROLE}`
  ],
  [
    {
      line: 8,
      kind: 'role-to-assume',
      job: 'deploy',
      step: 0,
      roleArn: '${{ env.TARGET_ROLE }}',
      chained: true
    },
    'job deploy: configure-aws-credentials assumes ${{ env.TARGET_ROLE }} directly with OIDC; key inputs removed'
  ],
  [
    {
      line: 12,
      kind: 'cac-step-added',
      job: 'deploy',
      before: 2,
      roleArn: ROLE,
      region: 'eu-west-1',
      if: null
    },
    `job deploy: configure-aws-credentials step added before step 3 (role-to-assume ${ROLE}, aws-region eu-west-1)`
  ],
  [
    {
      line: 12,
      kind: 'cac-step-added',
      job: 'deploy',
      before: 0,
      roleArn: ROLE,
      region: '<region>',
      if: "github.ref_name == 'release'"
    },
    `job deploy: configure-aws-credentials step added before step 1 (role-to-assume ${ROLE}, aws-region <region>, if: github.ref_name == 'release')`
  ],
  [
    { line: 9, kind: 'env-removed', job: 'deploy', step: null, names: ['AWS_ACCESS_KEY_ID'] },
    'job deploy env: AWS_ACCESS_KEY_ID removed'
  ],
  [
    {
      line: 3,
      kind: 'env-removed',
      job: null,
      step: null,
      names: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']
    },
    'workflow env: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY removed'
  ],
  [
    {
      line: 14,
      kind: 'env-removed',
      job: 'deploy',
      step: 4,
      names: ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID']
    },
    'job deploy step 5 env: AWS_SECRET_ACCESS_KEY, AWS_ACCESS_KEY_ID removed'
  ],
  [
    { line: 10, kind: 'docker-login', job: 'push', step: 1 },
    "job push: docker login to ECR uses the role's credentials; username/password removed"
  ],
  [
    {
      line: 11,
      kind: 'secrets-not-passed',
      job: 'call',
      secrets: ['aws_access_key_id', 'aws_secret_access_key'],
      workflow: './.github/workflows/deploy.yml'
    },
    'job call: no longer passes aws_access_key_id, aws_secret_access_key to ./.github/workflows/deploy.yml'
  ],
  [
    { line: 5, kind: 'secrets-optional', secrets: ['AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY'] },
    'workflow_call secrets AWS_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: required: false (no longer used)'
  ]
]

describe('describeEdit', () => {
  it.each(table)('words %j', (edit, words) => {
    expect(describeEdit(edit)).toBe(words)
  })

  it('gives the JSON outputs the record with its words as description', () => {
    for (const [edit, words] of table)
      expect(editJson(edit)).toEqual({ ...edit, description: words })
  })
})

/** A workflow whose job `deploy` uses keys, with the permissions given. */
function workflow(top: string, job: string): string {
  return `on: push
${top}jobs:
  deploy:
    runs-on: ubuntu-latest
${job}    steps:
      - uses: ${CAC}@v1
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
`
}

describe('the rewrite records edits that render to their words', () => {
  const cases: [string, string, string][] = [
    ['', '    permissions:\n      id-token: read\n', 'permissions id-token read -> write'],
    ['', '    permissions:\n      contents: write\n', 'permissions gain id-token: write'],
    ['', '    permissions: { contents: read }\n', 'permissions gain id-token: write'],
    [
      '',
      '    permissions: read-all\n',
      'permissions read-all written out as a map with id-token: write'
    ],
    [
      'permissions:\n  contents: read\n',
      '',
      'permissions added: a copy of the workflow permissions plus id-token: write'
    ],
    ['', '', 'permissions added: the repository default (permissive) plus id-token: write']
  ]
  it.each(cases)('workflow %j, job %j: %s', (top, job, words) => {
    const files = [{ path: '.github/workflows/deploy.yml', text: workflow(top, job) }]
    const result = rewriteWorkflows(files, scanWorkflows(files).findings, {
      defaultRoleArn: 'arn:aws:iam::123456789012:role/deploy',
      repositoryDefault: 'permissive'
    })
    const said = result.files[0]!.edits.map(describeEdit)
    expect(said).toContain(`job deploy: ${words}`)
    expect(said).toContain(`job deploy: ${CAC}@v1 -> ${CAC}@v6`)
  })
})
