/**
 * Trust policies for the real workflows of the corpus (each file taken as the only workflow of
 * octo-org/octo-repo): for every key pair with automatic findings, the trust policy builds within
 * the quota, names only this repository, admits a concrete token of each job that uses the key
 * (sampled from its triggers independently of the code under test) and refuses the same token of
 * another repository. Checked with the independent evaluator.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REPOSITORY } from '../../__fixtures__/aws/findings.js'
import { jobUses } from '../../src/aws/plan/uses.js'
import { policySize } from '../../src/aws/plan/policy-document.js'
import {
  buildTrustPolicy,
  oidcProviderArn,
  TrustPolicyError
} from '../../src/aws/plan/trust-policy.js'
import type { Finding, Trigger } from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { subjectsForJobs } from '../../src/workflows/subjects.js'
import { assumeDecision, trustPolicyErrors } from './support/evaluate.js'
// GitHub's filter rules and IAM's StringLike as the trust check reads them, written apart from
// the subject builder under test (src/workflows/).
import { likeMatches as iamLike } from '../../src/trust/evaluate.js'
import { filterAdmits as admits } from '../../src/trust/filters.js'

const filterAdmits = (
  include: readonly string[] | null,
  ignore: readonly string[] | null,
  name: string
): boolean => admits({ include, ignore }, name)

const CORPUS = path.resolve('..', 'shared', 'corpus', 'workflows')
const present = existsSync(CORPUS)
if (!present)
  console.log(`corpus trust-policy tests skipped: ${CORPUS} is absent (it is present in CI)`)
const suite = present ? describe : describe.skip

const ISSUER = 'https://token.actions.githubusercontent.com'
const KEY = 'token.actions.githubusercontent.com'
const PROVIDER = oidcProviderArn('aws', '123456789012', ISSUER)
const PREFIX = 'repo:octo-org/octo-repo:'

/** A branch or tag name the GitHub glob matches (the simplest one). */
function example(glob: string): string {
  return glob
    .replace(/\\(.)/g, '$1')
    .replace(/\*\*/g, 'a/b')
    .replace(/\*/g, 'x')
    .replace(/\[(.)[^\]]*\]/g, '$1')
    .replace(/\?/g, '')
    .replace(/\+/g, '')
}

/** Concrete `sub` contexts a run of the job would present. */
function sampleContexts(triggers: readonly Trigger[], environment: string | null): string[] {
  if (environment && !environment.includes('${{')) return [`environment:${environment}`]
  const out: string[] = []
  for (const t of triggers) {
    const first = (list: readonly string[] | null): string | null =>
      list?.find((p) => !p.startsWith('!')) ?? null
    if (t.event === 'push') {
      const branch = first(t.branches)
      const tag = first(t.tags)
      // A name the filter admits (GitHub's semantics, tests/support/github-glob.ts); before
      // issue 10 `main` was sampled for `branches-ignore: [main]` too.
      const admitted = (names: string[], include: typeof t.branches, ignore: typeof t.tags) =>
        names.find((n) => filterAdmits(include, ignore, n))
      const someBranch = admitted(['main', 'develop', 'feature-x'], null, t.branchesIgnore)
      const someTag = admitted(['v1.0.0', 'release-1'], null, t.tagsIgnore)
      if (branch) out.push(`ref:refs/heads/${example(branch)}`)
      if (tag) out.push(`ref:refs/tags/${example(tag)}`)
      if (!branch && !tag && !t.tags && !t.tagsIgnore && someBranch)
        out.push(`ref:refs/heads/${someBranch}`)
      if (!branch && !tag && !t.branches && !t.branchesIgnore && someTag)
        out.push(`ref:refs/tags/${someTag}`)
    } else if (
      ['pull_request', 'pull_request_review', 'pull_request_review_comment'].includes(t.event)
    ) {
      out.push('pull_request')
    } else if (t.event === 'pull_request_target') {
      out.push('pull_request')
    } else if (t.event === 'merge_group') {
      out.push(`ref:refs/heads/gh-readonly-queue/${example(first(t.branches) ?? 'main')}/pr-7-abc`)
    } else if (t.event === 'release') {
      out.push('ref:refs/tags/v1.0.0')
    } else if (t.event !== 'workflow_call') {
      out.push('ref:refs/heads/main')
    }
  }
  return out
}

/** Refs the push filters of a job without environment reject: negated, ignored, one level deeper. */
function rejectedRefs(triggers: readonly Trigger[]): string[] {
  const out: string[] = []
  for (const t of triggers) {
    if (t.event !== 'push') continue
    const only = triggers.every((x) => x.event === 'push')
    if (!only) continue
    const sides = [
      ['refs/heads/', t.branches, t.branchesIgnore],
      ['refs/tags/', t.tags, t.tagsIgnore]
    ] as const
    for (const [prefix, include, ignore] of sides) {
      if (include === null && ignore === null) continue
      const names = [...(include ?? []), ...(ignore ?? [])].flatMap((p) => {
        const glob = p.replace(/^!/, '')
        return [example(glob), `${example(glob)}/deeper/x`]
      })
      for (const n of names) if (!filterAdmits(include, ignore, n)) out.push(`${prefix}${n}`)
    }
  }
  return out
}

suite('trust policies for the corpus', () => {
  const files = present
    ? readdirSync(CORPUS)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => ({
          path: `.github/workflows/${n}`,
          text: readFileSync(path.join(CORPUS, n), 'utf8')
        }))
    : []
  const { findings } = present ? scanWorkflows(files) : { findings: [] as Finding[] }
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    if (f.migration !== 'automatic') continue
    const id = `${f.file} ${f.pair.accessKeyId ?? '?'}`
    groups.set(id, [...(groups.get(id) ?? []), f])
  }

  it('has key pairs to check', () => {
    expect(groups.size).toBeGreaterThanOrEqual(20)
  })

  it.each([...groups.keys()])('%s', (id) => {
    const uses = groups.get(id) ?? []
    const subjects = subjectsForJobs(jobUses(uses), REPOSITORY)
    let trust
    try {
      trust = buildTrustPolicy({
        providerArn: PROVIDER,
        issuer: ISSUER,
        audience: 'sts.amazonaws.com',
        subjects,
        repositoryId: REPOSITORY.repoId,
        maxSize: 2048
      })
    } catch (error) {
      // Only jobs whose subjects come from elsewhere (reusable workflows) may yield none.
      expect(error).toBeInstanceOf(TrustPolicyError)
      expect(subjects.subjects).toEqual([])
      expect(uses.every((f) => f.triggers.every((t) => t.event === 'workflow_call'))).toBe(true)
      return
    }
    expect(trustPolicyErrors(trust.document)).toEqual([])
    expect(policySize(trust.document)).toBeLessThanOrEqual(2048)
    for (const p of trust.subjects) expect(p.startsWith(PREFIX)).toBe(true)
    for (const f of uses) {
      for (const context of sampleContexts(f.triggers, f.environment)) {
        const decide = (sub: string) =>
          assumeDecision(
            trust.document,
            { sub, aud: 'sts.amazonaws.com', repository_id: '2002' },
            {
              providerArn: PROVIDER,
              issuerKey: KEY
            }
          )
        expect([f.job, context, decide(`${PREFIX}${context}`)]).toEqual([f.job, context, 'Allowed'])
        expect(decide(`repo:octo-org/other-repo:${context}`)).toBe('ImplicitlyDenied')
        expect(decide(`repo:evil-org/octo-repo:${context}`)).toBe('ImplicitlyDenied')
      }
      // Refs the push filters reject are denied, unless a listed widening admits them.
      for (const ref of rejectedRefs(f.triggers)) {
        const sub = `${PREFIX}ref:${ref}`
        const decision = assumeDecision(
          trust.document,
          { sub, aud: 'sts.amazonaws.com', repository_id: '2002' },
          { providerArn: PROVIDER, issuerKey: KEY }
        )
        const widened = trust.widenings.some((w) => iamLike(w.pattern, sub))
        if (!widened) expect([f.job, ref, decision]).toEqual([f.job, ref, 'ImplicitlyDenied'])
      }
    }
  })
})
