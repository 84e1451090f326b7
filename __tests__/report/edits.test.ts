/** The words of a rewrite edit (pure): each kind of record renders to the words it always had. */
import { describe, expect, it } from '@jest/globals'
import { describeEdit, editJson } from '../../src/report/edits.js'
import { rewriteWorkflows, type RewriteEdit } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const CAC = 'aws-actions/configure-aws-credentials'
const scopes = { contents: 'read', 'id-token': 'write' }

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
    { line: 7, kind: 'action-pin', job: 'deploy', from: `${CAC}@v1`, to: `${CAC}@v6` },
    `job deploy: ${CAC}@v1 -> ${CAC}@v6`
  ],
  [
    { line: 9, kind: 'described', description: 'job deploy env: AWS_ACCESS_KEY_ID removed' },
    'job deploy env: AWS_ACCESS_KEY_ID removed'
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
