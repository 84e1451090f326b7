/**
 * The claims model of src/trust/claims.ts and adversarial.ts: the tokens GitHub issues to the
 * jobs, per subject format and event kind (a reusable workflow too), and the adversarial set.
 */
import { describe, expect, it } from '@jest/globals'
import { adversarialClaims } from '../../src/trust/adversarial.js'
import { intendedClaims, type ClaimFacts, type TrustJob } from '../../src/trust/claims.js'
import type { Trigger } from '../../src/workflows/findings.js'
import type { OidcSubjectFormat } from '../../src/workflows/repository.js'

const DEFAULT: OidcSubjectFormat = {
  useDefault: true,
  includeClaimKeys: [],
  useImmutableSubject: false,
  subClaimPrefix: null
}

const facts: ClaimFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  defaultBranch: 'main',
  oidcSubject: DEFAULT,
  environments: ['production', 'staging'],
  audience: 'sts.amazonaws.com'
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

function job(triggers: Trigger[], extra: Partial<TrustJob> = {}): TrustJob {
  return {
    file: '.github/workflows/deploy.yml',
    job: 'deploy',
    triggers,
    environment: null,
    callers: [],
    ...extra
  }
}

const subs = (jobs: TrustJob[], f: ClaimFacts = facts): string[] =>
  intendedClaims(jobs, f).flatMap((j) => j.claims.map((c) => c.claims.sub))

const P = 'repo:octo-org/octo-repo'

describe('intendedClaims: the default subject format', () => {
  it('a push: an example of each branch pattern and each tag pattern the filter admits', () => {
    const push = trigger('push', {
      branches: ['main', 'release/**', 'feature/*', '!feature/secret'],
      tags: ['v[0-9]+.*']
    })
    expect(subs([job([push])])).toEqual([
      `${P}:ref:refs/heads/main`,
      `${P}:ref:refs/heads/release/x`,
      `${P}:ref:refs/heads/feature/x`,
      `${P}:ref:refs/tags/v0.x`,
      `${P}:ref:refs/tags/v1.0.0`
    ])
  })

  it('a push without filters runs on the default branch and a tag; a branch filter alone, no tags', () => {
    expect(subs([job([trigger('push')])])).toEqual([
      `${P}:ref:refs/heads/main`,
      `${P}:ref:refs/tags/v1.0.0`
    ])
    expect(subs([job([trigger('push', { branches: ['dev'] })])])).toEqual([
      `${P}:ref:refs/heads/dev`
    ])
    expect(subs([job([trigger('push', { tags: ['v*'] })])])).toEqual([
      `${P}:ref:refs/tags/vx`,
      `${P}:ref:refs/tags/v1.0.0`
    ])
    expect(subs([job([trigger('push', { branchesIgnore: ['main'] })])])).toEqual([])
    expect(subs([job([trigger('push', { branchesIgnore: ['wip/**'] })])])).toEqual([
      `${P}:ref:refs/heads/main`
    ])
  })

  it('pull requests, pull_request_target, and the events of the default branch', () => {
    expect(
      subs([
        job([
          trigger('pull_request', { branches: ['main'] }),
          trigger('pull_request_target'),
          trigger('workflow_dispatch'),
          trigger('schedule'),
          trigger('release')
        ])
      ])
    ).toEqual([`${P}:pull_request`, `${P}:ref:refs/heads/main`, `${P}:ref:refs/tags/v1.0.0`])
  })

  it('an environment replaces the context; an expression gives each environment and none', () => {
    expect(subs([job([trigger('push')], { environment: 'production' })])).toEqual([
      `${P}:environment:production`
    ])
    expect(
      subs([job([trigger('workflow_dispatch')], { environment: '${{ inputs.env }}' })])
    ).toEqual([
      `${P}:environment:production`,
      `${P}:environment:staging`,
      `${P}:ref:refs/heads/main`
    ])
  })

  it("uses GitHub's own prefix when it gives one", () => {
    const given = {
      ...facts,
      oidcSubject: { ...DEFAULT, subClaimPrefix: 'repo:Octo-Org/octo-repo' }
    }
    expect(subs([job([trigger('schedule')])], given)).toEqual([
      'repo:Octo-Org/octo-repo:ref:refs/heads/main'
    ])
  })
})

describe('intendedClaims: other subject formats and reusable workflows', () => {
  it('the immutable format names owner and repository by id', () => {
    const immutable = { ...facts, oidcSubject: { ...DEFAULT, useImmutableSubject: true } }
    expect(subs([job([trigger('schedule')])], immutable)).toEqual([
      'repo:octo-org@1001/octo-repo@2002:ref:refs/heads/main'
    ])
  })

  it('a custom template, in its order', () => {
    const custom = {
      ...facts,
      oidcSubject: {
        ...DEFAULT,
        useDefault: false,
        includeClaimKeys: ['repository_owner_id', 'repo', 'context', 'event_name', 'ref_type']
      }
    }
    expect(subs([job([trigger('push', { tags: ['v1'] })])], custom)).toEqual([
      `repository_owner_id:1001:${P}:ref:refs/tags/v1:event_name:push:ref_type:tag`
    ])
  })

  it("a called workflow's job runs for its callers' events; job_workflow_ref is the called file", () => {
    const custom = {
      ...facts,
      oidcSubject: {
        ...DEFAULT,
        useDefault: false,
        includeClaimKeys: ['repo', 'context', 'job_workflow_ref', 'workflow_ref']
      }
    }
    const called = job([trigger('workflow_call')], {
      file: '.github/workflows/called.yml',
      callers: [
        {
          file: '.github/workflows/caller.yml',
          job: 'call',
          triggers: [trigger('push', { branches: ['main'] })]
        }
      ]
    })
    const [only] = intendedClaims([called], custom)
    expect(only?.claims.map((c) => c.claims.sub)).toEqual([
      `${P}:ref:refs/heads/main:job_workflow_ref:octo-org/octo-repo/.github/workflows/called.yml@refs/heads/main:workflow_ref:octo-org/octo-repo/.github/workflows/caller.yml@refs/heads/main`
    ])
    // Without callers in the repository, no run of it can be derived.
    expect(subs([{ ...called, callers: [] }], custom)).toEqual([])
  })

  it('every claim carries the audience and the repository id', () => {
    const [only] = intendedClaims([job([trigger('schedule')])], facts)
    expect(only?.claims[0]?.claims).toEqual({
      sub: `${P}:ref:refs/heads/main`,
      aud: 'sts.amazonaws.com',
      repositoryId: '2002'
    })
  })
})

describe('adversarialClaims', () => {
  const adversaries = (jobs: TrustJob[], repositoryIdKey = true, f: ClaimFacts = facts) =>
    adversarialClaims(jobs, intendedClaims(jobs, f), f, { repositoryIdKey }).map((a) => [
      a.kind,
      a.claims.sub,
      a.claims.aud,
      a.claims.repositoryId
    ])

  it('other branches, excluded and nested refs, rejected tags, other repositories, wrong aud and id', () => {
    const push = trigger('push', {
      branches: ['main', 'feature/*', '!feature/secret'],
      tags: ['v*']
    })
    expect(adversaries([job([push])])).toEqual([
      ['other-branch', `${P}:ref:refs/heads/main-evil`, 'sts.amazonaws.com', '2002'],
      ['excluded-branch', `${P}:ref:refs/heads/feature/secret`, 'sts.amazonaws.com', '2002'],
      ['excluded-branch', `${P}:ref:refs/heads/feature/a/b`, 'sts.amazonaws.com', '2002'],
      ['rejected-tag', `${P}:ref:refs/tags/va/b`, 'sts.amazonaws.com', '2002'],
      ['rejected-tag', `${P}:ref:refs/tags/rejected-tag`, 'sts.amazonaws.com', '2002'],
      ['fork-pull-request', `${P}:pull_request`, 'sts.amazonaws.com', '2002'],
      ['other-environment', `${P}:environment:unused-environment`, 'sts.amazonaws.com', '2002'],
      [
        'other-repository',
        'repo:octo-org/octo-repo-other:ref:refs/heads/main',
        'sts.amazonaws.com',
        '2003'
      ],
      [
        'other-owner',
        'repo:octo-org-other/octo-repo:ref:refs/heads/main',
        'sts.amazonaws.com',
        '2004'
      ],
      ['wrong-audience', `${P}:ref:refs/heads/main`, 'https://github.com/octo-org', '2002'],
      ['missing-repository-id', `${P}:ref:refs/heads/main`, 'sts.amazonaws.com', null],
      ['other-repository-id', `${P}:ref:refs/heads/main`, 'sts.amazonaws.com', '2005']
    ])
  })

  it('leaves out what a job runs for: pull requests when a job runs on them, any branch for an unfiltered push', () => {
    const kinds = adversaries([job([trigger('push'), trigger('pull_request')])], false).map(
      (a) => a[0]
    )
    expect(kinds).toEqual([
      'other-environment',
      'other-repository',
      'other-owner',
      'wrong-audience'
    ])
  })

  it('an environment expression admits any environment: no other-environment claim', () => {
    const kinds = adversaries([
      job([trigger('workflow_dispatch')], { environment: '${{ inputs.env }}' })
    ]).map((a) => a[0])
    expect(kinds).not.toContain('other-environment')
    expect(kinds).toContain('other-branch')
  })

  it('the immutable format: another repository id changes the subject too', () => {
    const immutable = { ...facts, oidcSubject: { ...DEFAULT, useImmutableSubject: true } }
    const other = adversaries([job([trigger('schedule')])], true, immutable).find(
      (a) => a[0] === 'other-repository-id'
    )
    expect(other?.[1]).toBe('repo:octo-org@1001/octo-repo@2005:ref:refs/heads/main')
  })

  it('a tag filter: its excluded tags and near misses', () => {
    const push = trigger('push', { tags: ['v[0-9]+.*', '!v0.*'] })
    const tags = adversaries([job([push])])
      .filter((a) => a[0] === 'rejected-tag')
      .map((a) => a[1])
    expect(tags).toEqual([
      `${P}:ref:refs/tags/v0.x`,
      `${P}:ref:refs/tags/v0.a/b`,
      `${P}:ref:refs/tags/v_.x`,
      `${P}:ref:refs/tags/rejected-tag`
    ])
  })
})
