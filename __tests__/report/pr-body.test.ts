/** The pull request body (pure): what a reviewer needs, within GitHub's 65,536 characters. */
import { describe, expect, it } from '@jest/globals'
import type { PullRequestBodyInput, RoleSection } from '../../src/migration/pull-request-body.js'
import { BODY_LIMIT, renderPullRequestBody } from '../../src/report/pr-body.js'

const ARN =
  'arn:aws:iam::123456789012:role/github-actions/github-octo-org-legacy-repo-legacy-deployer'
const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: {
        Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': [
            'repo:octo-org/legacy-repo:environment:production'
          ]
        }
      }
    }
  ]
}

const role: RoleSection = {
  roleName: 'github-octo-org-legacy-repo-legacy-deployer',
  roleArn: ARN,
  iamUser: 'legacy-deployer',
  chained: false,
  resolvedFrom: null,
  trustPolicy: TRUST,
  admits: [
    {
      subject: 'repo:octo-org/legacy-repo:environment:production',
      sources: ['.github/workflows/deploy.yml (job deploy): push to main']
    }
  ],
  permissionsCopied: ['managed arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess: attached'],
  documentChanges: [],
  merges: ['merged 3 inline policies into github-merged-1 (10,240-character inline quota)'],
  widenings: []
}

const DOCUMENT_CHANGES: RoleSection['documentChanges'] = [
  {
    kind: 'inline',
    name: 'from-user.site',
    changes: [
      {
        kind: 'username-made-literal',
        source: 'user legacy-deployer inline policy site',
        statement: 'statement OwnPrefix',
        before: 'arn:aws:s3:::home-bucket/${aws:username}/*',
        after: 'arn:aws:s3:::home-bucket/legacy-deployer/*'
      }
    ]
  }
]

const input: PullRequestBodyInput = {
  repository: 'octo-org/legacy-repo',
  summary: [
    {
      workflow: '.github/workflows/deploy.yml',
      job: 'deploy',
      keyPair: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
      roleArn: ARN
    },
    {
      workflow: '.github/workflows/nightly.yml',
      job: 'odd|name',
      keyPair: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
      roleArn: null
    }
  ],
  roles: [role],
  warnings: ['The role has 11 managed policies; the default quota is 10.'],
  followUps: [
    {
      file: '.github/workflows/nightly.yml',
      line: 14,
      message: 'Keys are written to a credentials file.'
    }
  ],
  tokenPermissionChanges: [
    {
      workflow: '.github/workflows/deploy.yml',
      job: 'deploy',
      before: { source: 'workflow', value: { contents: 'read' } },
      after: {
        kind: 'id-token',
        line: 9,
        job: 'deploy',
        change: 'add-block',
        from: 'workflow',
        scopes: { contents: 'read', 'id-token': 'write' }
      }
    }
  ],
  nextSteps: {
    workflowsToRun: ['.github/workflows/deploy.yml'],
    secretsToRetire: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    cleanup: 'run the action with `mode: cleanup`.'
  },
  runUrl: 'https://github.com/octo-org/legacy-repo/actions/runs/7'
}

/** The JSON blocks of a body, parsed. */
function jsonBlocks(body: string): unknown[] {
  return [...body.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? ''))
}

describe('renderPullRequestBody', () => {
  const body = renderPullRequestBody(input)

  it('has the summary table, one row per job, pipes escaped', () => {
    expect(body).toContain('| Workflow | Job | Key pair | Role |')
    expect(body).toContain(
      `| \`.github/workflows/deploy.yml\` | \`deploy\` | \`AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY\` | \`${ARN}\` |`
    )
    expect(body).toContain('| `odd\\|name` |')
    expect(body).toContain('not migrated (see follow-ups)')
  })

  it('shows each trust policy as JSON and the jobs it admits', () => {
    expect(jsonBlocks(body)).toEqual([TRUST])
    expect(body).toContain('- `repo:octo-org/legacy-repo:environment:production`')
    expect(body).toContain('  - .github/workflows/deploy.yml (job deploy): push to main')
    expect(body).toContain('IAM user `legacy-deployer`')
  })

  it('lists permissions copied and merges, warnings, follow-ups with file:line, token changes', () => {
    expect(body).toContain('- managed arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess: attached')
    expect(body).toContain('**Policies merged to stay within IAM quotas**')
    expect(body).toContain('- The role has 11 managed policies')
    expect(body).toContain(
      '- [ ] `.github/workflows/nightly.yml:14`: Keys are written to a credentials file.'
    )
    expect(body).toContain(
      '| `.github/workflows/deploy.yml` | `deploy` | `contents: read` (workflow) | added: a copy of the workflow permissions plus id-token: write |'
    )
  })

  it('says what a copy changed in a document, with its source and before/after', () => {
    const changed = renderPullRequestBody({
      ...input,
      roles: [{ ...role, documentChanges: DOCUMENT_CHANGES }]
    })
    expect(changed).toContain('**Changed on the way** (documents that differ from their source)')
    expect(changed).toContain(
      '- inline policy from-user.site\n  - user legacy-deployer inline policy site, statement OwnPrefix: ${aws:username} made literal: `arn:aws:s3:::home-bucket/${aws:username}/*` → `arn:aws:s3:::home-bucket/legacy-deployer/*`'
    )
    expect(
      renderPullRequestBody({ ...input, roles: [{ ...role, documentChanges: [] }] })
    ).not.toContain('Changed on the way')
  })

  it('ends with the next steps in order: merge, run a workflow, then clean up', () => {
    const steps = body.slice(body.indexOf('### Next steps'))
    expect(steps.indexOf('Merge this pull request')).toBeLessThan(
      steps.indexOf('Run `.github/workflows/deploy.yml`')
    )
    expect(steps.indexOf('Run `.github/workflows/deploy.yml`')).toBeLessThan(
      steps.indexOf('`mode: cleanup`')
    )
  })

  it('keeps short sections open', () => {
    expect(body).not.toContain('<details>')
  })

  it('folds a long section into <details>', () => {
    const many = renderPullRequestBody({
      ...input,
      roles: [
        {
          ...role,
          admits: Array.from({ length: 40 }, (_, i) => ({
            subject: `repo:octo-org/legacy-repo:ref:refs/heads/b${i}`,
            sources: [`ci.yml (job j${i}): push`]
          }))
        }
      ]
    })
    expect(many).toContain('<details><summary>Jobs it admits (40 subjects)</summary>')
    expect(many.match(/<details>/g)).toHaveLength(many.match(/<\/details>/g)?.length ?? -1)
  })

  it('fits a huge migration into 65,536 characters, cutting with a note and keeping next steps', () => {
    const huge: PullRequestBodyInput = {
      ...input,
      summary: Array.from({ length: 3000 }, (_, i) => ({
        workflow: `.github/workflows/w${i}.yml`,
        job: `job-${i}`,
        keyPair: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
        roleArn: ARN
      })),
      followUps: Array.from({ length: 2000 }, (_, i) => ({
        file: `.github/workflows/w${i}.yml`,
        line: i + 1,
        message: 'Keys are exported to a later step; use the role there.'
      }))
    }
    const text = renderPullRequestBody(huge)
    expect(text.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(text).toMatch(
      /_…\d+ more rows cut to fit GitHub's 65,536-character limit; see the \[job summary\]\(https:\/\/github\.com\/octo-org\/legacy-repo\/actions\/runs\/7\)\._/
    )
    expect(text).toMatch(/more follow-ups cut/)
    expect(text).toContain('### Next steps')
    expect(text).toContain('| Workflow | Job | Key pair | Role |')
    expect(jsonBlocks(text)).toEqual([TRUST])
    expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length)
    expect((text.match(/```/g)?.length ?? 0) % 2).toBe(0)
  })

  it('cuts lower-priority sections before trust policies, whole lines only', () => {
    const text = renderPullRequestBody(
      { ...input, warnings: Array.from({ length: 200 }, (_, i) => `warning number ${i}`) },
      4000
    )
    expect(text.length).toBeLessThanOrEqual(4000)
    expect(text).toMatch(/- warning number 0\n/)
    expect(text).toMatch(/_…\d+ more warnings cut/)
    expect(jsonBlocks(text)).toEqual([TRUST])
    expect(text).not.toMatch(/- warning number \d+[^\d\n]/)
  })
})

describe('folded sections', () => {
  it('keeps the sentence before the label visible and folds the long trust policy under it', () => {
    const subjects = Array.from(
      { length: 30 },
      (_, i) => `repo:octo-org/legacy-repo:ref:refs/heads/b${i}`
    )
    const long: RoleSection = {
      ...role,
      trustPolicy: {
        ...TRUST,
        Statement: [
          {
            ...TRUST.Statement[0],
            Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': subjects } }
          }
        ]
      }
    }
    const body = renderPullRequestBody({ ...input, roles: [long] })
    const sentence = body.indexOf('Replaces the access keys of IAM user `legacy-deployer`.')
    const fold = body.indexOf('<details><summary>Trust policy</summary>')
    expect(sentence).toBeGreaterThan(0)
    expect(fold).toBeGreaterThan(sentence)
    expect(body.slice(fold)).toContain(subjects[29])
    expect(body.slice(fold, body.indexOf('</details>', fold))).not.toContain(
      'Replaces the access keys'
    )
  })
})
