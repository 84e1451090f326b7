import { describe, expect, it } from '@jest/globals'
import type { Trigger } from '../../src/workflows/findings.js'
import {
  DEFAULT_SUBJECT_FORMAT,
  defaultSubjectPrefix,
  filterGlobToIamPattern,
  subjectsForJobs,
  type JobUse,
  type SubjectFacts
} from '../../src/workflows/subjects.js'

const facts: SubjectFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  defaultBranch: 'main',
  oidcSubject: DEFAULT_SUBJECT_FORMAT
}

function trigger(event: string, filters: Partial<Omit<Trigger, 'event'>> = {}): Trigger {
  return {
    event,
    branches: null,
    branchesIgnore: null,
    tags: null,
    tagsIgnore: null,
    types: null,
    ...filters
  }
}

function job(triggers: Trigger[], environment: string | null = null): JobUse {
  return { file: '.github/workflows/deploy.yml', job: 'deploy', triggers, environment }
}

function patterns(jobs: JobUse[], f: SubjectFacts = facts): string[] {
  return subjectsForJobs(jobs, f).subjects.map((s) => s.pattern)
}

const P = 'repo:octo-org/octo-repo'

describe('subjectsForJobs with the default subject format', () => {
  it.each<[string, Trigger[], string | null, string[]]>([
    [
      'push to listed branches',
      [trigger('push', { branches: ['main', 'release/*'] })],
      null,
      [`${P}:ref:refs/heads/main`, `${P}:ref:refs/heads/release/*`]
    ],
    [
      'push without filters: any branch and any tag',
      [trigger('push')],
      null,
      [`${P}:ref:refs/heads/*`, `${P}:ref:refs/tags/*`]
    ],
    [
      'push with only tags: no branch',
      [trigger('push', { tags: ['v*'] })],
      null,
      [`${P}:ref:refs/tags/v*`]
    ],
    [
      'push with only branches-ignore: any branch, no tag',
      [trigger('push', { branchesIgnore: ['dev'] })],
      null,
      [`${P}:ref:refs/heads/*`]
    ],
    [
      'push with branches and tags',
      [trigger('push', { branches: ['main'], tags: ['v1.*'] })],
      null,
      [`${P}:ref:refs/heads/main`, `${P}:ref:refs/tags/v1.*`]
    ],
    [
      'negated branch patterns are not subjects',
      [trigger('push', { branches: ['main', '!main-old'] })],
      null,
      [`${P}:ref:refs/heads/main`]
    ],
    [
      'pull_request',
      [trigger('pull_request', { branches: ['main'] })],
      null,
      [`${P}:pull_request`]
    ],
    [
      'schedule and workflow_dispatch run on the default branch',
      [trigger('schedule'), trigger('workflow_dispatch')],
      null,
      [`${P}:ref:refs/heads/main`]
    ],
    [
      'workflow_run runs on the default branch',
      [trigger('workflow_run', { branches: ['dev'] })],
      null,
      [`${P}:ref:refs/heads/main`]
    ],
    [
      'release gives tags',
      [trigger('release', { types: ['published'] })],
      null,
      [`${P}:ref:refs/tags/*`]
    ],
    [
      'merge_group gives the merge-queue refs of its base',
      [trigger('merge_group', { branches: ['main'] })],
      null,
      [`${P}:ref:refs/heads/gh-readonly-queue/main/*`]
    ],
    [
      'merge_group without filter',
      [trigger('merge_group')],
      null,
      [`${P}:ref:refs/heads/gh-readonly-queue/*`]
    ],
    [
      'an environment replaces the context for every event',
      [trigger('push', { branches: ['main'] }), trigger('pull_request')],
      'production',
      [`${P}:environment:production`]
    ],
    [
      'an environment expression admits any environment, and the refs when it is empty',
      [trigger('push')],
      '${{ inputs.stage }}',
      [`${P}:environment:*`, `${P}:ref:refs/heads/*`, `${P}:ref:refs/tags/*`]
    ],
    [
      'workflow_call presents the caller subjects (none here)',
      [trigger('workflow_call')],
      null,
      []
    ],
    [
      "a called job with an environment presents that environment, whatever the caller's ref",
      [trigger('workflow_call')],
      'production',
      [`${P}:environment:production`]
    ],
    [
      'a called job with an environment expression: any environment (the callers add their refs)',
      [trigger('workflow_call')],
      '${{ inputs.stage }}',
      [`${P}:environment:*`]
    ]
  ])('%s', (_name, triggers, environment, expected) => {
    expect(patterns([job(triggers, environment)])).toEqual(expected)
  })

  it('joins the sources of jobs that present the same subject', () => {
    const result = subjectsForJobs(
      [
        job([trigger('push', { branches: ['main'] })]),
        {
          file: '.github/workflows/nightly.yml',
          job: 'sync',
          triggers: [trigger('schedule')],
          environment: null
        }
      ],
      facts
    )
    expect(result.subjects).toEqual([
      {
        pattern: `${P}:ref:refs/heads/main`,
        exclude: [],
        sources: [
          '.github/workflows/deploy.yml (job deploy): push to branch main',
          '.github/workflows/nightly.yml (job sync): schedule (default branch)'
        ]
      }
    ])
    expect(result.fixedPrefix).toBe(`${P}:`)
    expect(result.pinsRepository).toBe(true)
  })

  it('notes a composite action (no triggers) and a workflow_dispatch limited to the default branch', () => {
    const composite = subjectsForJobs(
      [{ file: '.github/actions/deploy/action.yml', job: null, triggers: [], environment: null }],
      facts
    )
    expect(composite.subjects).toEqual([])
    expect(composite.notes.join('\n')).toMatch(/composite action/)
    const dispatch = subjectsForJobs([job([trigger('workflow_dispatch')])], facts)
    expect(dispatch.notes.join('\n')).toMatch(/default branch \(main\) only/)
  })

  it('gives pull_request_target the pull_request subject, never refs/heads/* (issue 10)', () => {
    // Before issue 10 it also admitted `ref:refs/heads/*` (every branch) without a filter.
    for (const filters of [{}, { branches: ['main'] }]) {
      const result = subjectsForJobs([job([trigger('pull_request_target', filters)])], facts)
      expect(result.subjects.map((s) => s.pattern)).toEqual([`${P}:pull_request`])
      // The default subject carries no base branch: a listed widening with another base.
      expect(result.widenings).toEqual([
        expect.objectContaining({ kind: 'base-branch', pattern: `${P}:pull_request` })
      ])
      const example = result.widenings[0]?.example ?? ''
      expect(example).toMatch(/^refs\/heads\/./)
      expect(example).not.toBe('refs/heads/main')
    }
  })

  it('lists a pull request job with a branch filter as a base-branch widening', () => {
    // The token of a pull request carries no base branch (`sub` ...:pull_request, `ref`
    // refs/pull/N/merge): PRs into any branch present it, whatever the filter says.
    const filtered = subjectsForJobs(
      [job([trigger('pull_request', { branches: ['main', 'release/*'] })])],
      facts
    )
    expect(filtered.subjects.map((s) => s.pattern)).toEqual([`${P}:pull_request`])
    expect(filtered.widenings).toEqual([
      expect.objectContaining({
        kind: 'base-branch',
        event: 'pull_request',
        filter: 'branches',
        patterns: ['main', 'release/*']
      })
    ])
    const example = filtered.widenings[0]?.example ?? ''
    expect(example).toMatch(/^refs\/heads\/./)
    expect(['refs/heads/main']).not.toContain(example)
    expect(example).not.toMatch(/^refs\/heads\/release\/[^/]+$/)
    // Without a filter every base is meant: nothing is wider than the workflow.
    const plain = subjectsForJobs([job([trigger('pull_request')])], facts)
    expect(plain.widenings).toEqual([])
  })

  it('escapes IAM special characters in a default branch or environment name', () => {
    const odd = { ...facts, defaultBranch: 'cost$' }
    expect(patterns([job([trigger('schedule')])], odd)).toEqual([`${P}:ref:refs/heads/cost\${$}`])
    expect(patterns([job([trigger('push')], 'prod*')])).toEqual([`${P}:environment:prod\${*}`])
  })
})

describe('repository subject formats', () => {
  it('uses the immutable format repo:OWNER@ID/REPO@ID', () => {
    const immutable = {
      ...facts,
      oidcSubject: { ...DEFAULT_SUBJECT_FORMAT, useImmutableSubject: true }
    }
    expect(patterns([job([trigger('push', { branches: ['main'] })])], immutable)).toEqual([
      'repo:octo-org@1001/octo-repo@2002:ref:refs/heads/main'
    ])
  })

  it('prefers the prefix GitHub reports', () => {
    const reported = {
      ...facts,
      oidcSubject: {
        ...DEFAULT_SUBJECT_FORMAT,
        subClaimPrefix: 'repo:octo-org@1001/octo-repo@2002'
      }
    }
    expect(defaultSubjectPrefix(reported)).toBe('repo:octo-org@1001/octo-repo@2002')
    expect(patterns([job([trigger('pull_request')])], reported)).toEqual([
      'repo:octo-org@1001/octo-repo@2002:pull_request'
    ])
  })

  it('renders a custom claim template in its order', () => {
    const custom = {
      ...facts,
      oidcSubject: {
        ...DEFAULT_SUBJECT_FORMAT,
        useDefault: false,
        includeClaimKeys: ['repository_owner_id', 'repo', 'context', 'job_workflow_ref']
      }
    }
    const result = subjectsForJobs([job([trigger('push', { branches: ['main'] })])], custom)
    expect(result.subjects.map((s) => s.pattern)).toEqual([
      'repository_owner_id:1001:repo:octo-org/octo-repo:ref:refs/heads/main:job_workflow_ref:octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main'
    ])
    expect(result.fixedPrefix).toBe('repository_owner_id:1001:repo:octo-org/octo-repo:')
    expect(result.pinsRepository).toBe(true)
  })

  it('admits any value of a claim known only at run time, and says so', () => {
    const custom = {
      ...facts,
      oidcSubject: {
        ...DEFAULT_SUBJECT_FORMAT,
        useDefault: false,
        includeClaimKeys: ['repo', 'context', 'actor']
      }
    }
    const result = subjectsForJobs([job([trigger('pull_request')])], custom)
    expect(result.subjects.map((s) => s.pattern)).toEqual([
      'repo:octo-org/octo-repo:pull_request:actor:*'
    ])
    expect(result.notes.join('\n')).toMatch(/'actor'/)
  })

  it('reports a template that names no repository', () => {
    const custom = {
      ...facts,
      oidcSubject: {
        ...DEFAULT_SUBJECT_FORMAT,
        useDefault: false,
        includeClaimKeys: ['repository_owner', 'context']
      }
    }
    const result = subjectsForJobs([job([trigger('pull_request')])], custom)
    expect(result.pinsRepository).toBe(false)
    expect(result.fixedPrefix).toBe('')
    expect(result.notes.join('\n')).toMatch(/names no repository claim/)
  })
})

describe('filterGlobToIamPattern', () => {
  it.each([
    ['main', 'main'],
    ['releases/*', 'releases/*'],
    ['releases/**', 'releases/*'],
    ['**-beta', '*-beta'],
    ['v[12].[0-9]+.[0-9]+', 'v?.?*.?*'],
    ['v2?', 'v*'],
    ['feature/\\*literal', 'feature/${*}literal'],
    ['price$', 'price${$}'],
    ['a*?', 'a*']
  ])('%s -> %s', (glob, expected) => {
    expect(filterGlobToIamPattern(glob)).toBe(expected)
  })

  // Every name the GitHub glob matches must be matched by the IAM pattern (never narrower).
  it.each([
    ['v[12].[0-9]+', ['v1.0', 'v2.10', 'v1.99']],
    ['release-?x', ['release-x', 'releasex']],
    ['feature/**', ['feature/a', 'feature/a/b']],
    ['rc+', ['rc', 'rcc', 'rccc']]
  ])('%s still admits %j', (glob, names) => {
    const pattern = filterGlobToIamPattern(glob)
    for (const name of names) expect(iamLike(pattern, name)).toBe(true)
  })
})

/** IAM StringLike semantics: `*` any run, `?` one character, `${*}` `${?}` `${$}` literals. */
function iamLike(pattern: string, value: string): boolean {
  let regex = '^'
  for (let i = 0; i < pattern.length; i++) {
    const rest = pattern.slice(i)
    const escape = /^\$\{([*?$])\}/.exec(rest)
    if (escape?.[1]) {
      regex += `\\${escape[1]}`
      i += 3
    } else if (pattern[i] === '*') regex += '.*'
    else if (pattern[i] === '?') regex += '.'
    else regex += (pattern[i] ?? '').replace(/[.+^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`${regex}$`, 's').test(value)
}
