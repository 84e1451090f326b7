/**
 * The pure cleanup plan over evidence records and a clock: the order of the steps, each only
 * once, the waits (evidence delay, role use, runs, grace period), the refusals (not merged,
 * still referenced, key used, leftovers on the user), `force`, and organisation secrets.
 */
import { describe, expect, it } from '@jest/globals'
import type { PairEvidence, RetireEvidence } from '../../src/retire/evidence.js'
import { planRetirement, retireWrites, type RetireOptions } from '../../src/retire/plan.js'
import { cleanupJson, renderCleanupSummary } from '../../src/report/retire/checklist.js'
import { duration } from '../../src/settings/cleanup.js'

const T = '2026-11-02T10:00:00.000Z'
const at = (hours: number): string => new Date(Date.parse(T) + hours * 3_600_000).toISOString()
const HOUR = 3_600_000

const pair = (over: Partial<PairEvidence> = {}): PairEvidence => ({
  roleName: 'github-o-r-deployer',
  roleArn: 'arn:aws:iam::123456789012:role/github-actions/github-o-r-deployer',
  userName: 'deployer',
  keyEnd: 'WXYZ',
  secretNames: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
  workflows: ['.github/workflows/deploy.yml'],
  roleLastUsed: at(1),
  deactivatedAt: null,
  key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Active', lastUse: null },
  references: [],
  runs: [{ file: '.github/workflows/deploy.yml', runId: 1, at: at(1) }],
  secrets: [{ scope: 'repository', environment: null, name: 'AWS_ACCESS_KEY_ID' }],
  orgSecrets: [],
  user: null,
  ...over
})

const evidence = (p: PairEvidence, merged = true): RetireEvidence => ({
  repository: 'o/r',
  pullRequest: merged
    ? { state: 'merged', number: 7, url: null, mergedAt: T, mergeCommitSha: 'a'.repeat(40) }
    : { state: 'open', number: 7, url: null, mergedAt: null, mergeCommitSha: null },
  pairs: [p]
})

const options = (over: Partial<RetireOptions> = {}): RetireOptions => ({
  now: at(5),
  evidenceDelayMs: 4 * HOUR,
  gracePeriodMs: 7 * 24 * HOUR,
  deleteKeys: true,
  deleteUser: true,
  deleteOrgSecrets: false,
  force: false,
  ...over
})

const states = (e: RetireEvidence, o: RetireOptions) =>
  planRetirement(e, o).pairs[0]?.steps.map((s) => `${s.step}:${s.state}`)

const user = (over: Partial<NonNullable<PairEvidence['user']>['leftovers']> = {}) => ({
  name: 'deployer',
  attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  inlinePolicies: [],
  groups: ['deployers'],
  leftovers: {
    otherKeys: [],
    loginProfile: false,
    mfaDevices: 0,
    signingCertificates: 0,
    sshPublicKeys: 0,
    serviceSpecificCredentials: 0,
    otherMigrations: [],
    ...over
  }
})

describe('planRetirement', () => {
  it('runs the steps in order over time, each once', () => {
    // T+5h: evidence holds: deactivate and delete the secrets; the key waits for the grace period.
    expect(states(evidence(pair()), options())).toEqual([
      'deactivate-key:do',
      'delete-secrets:do',
      'delete-key:waiting',
      'delete-user:blocked'
    ])
    const after = pair({
      deactivatedAt: at(5),
      key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Inactive', lastUse: null },
      secrets: [],
      user: user()
    })
    expect(states(evidence(after), options({ now: at(6) }))).toEqual([
      'deactivate-key:done',
      'delete-secrets:done',
      'delete-key:waiting',
      'delete-user:blocked'
    ])
    const plan = planRetirement(evidence(after), options({ now: at(5 + 7 * 24) }))
    expect(plan.pairs[0]?.steps.map((s) => s.state)).toEqual(['done', 'done', 'do', 'do'])
    expect(retireWrites(plan).map((w) => w.step)).toEqual(['delete-key', 'delete-user'])
    const gone = { ...after, key: null, user: null }
    expect(retireWrites(planRetirement(evidence(gone), options({ now: at(400) })))).toEqual([])
  })

  it('refuses every pair before the merge, and writes nothing', () => {
    const plan = planRetirement(evidence(pair(), false), options())
    expect(plan.pairs[0]?.steps[0]).toMatchObject({
      state: 'refused',
      because: [{ reason: 'not-merged' }]
    })
    expect(retireWrites(plan)).toEqual([])
    expect(renderCleanupSummary(plan, null)).toContain('#7 is open, not merged')
  })

  it('waits for the evidence delay, the role use and a successful run', () => {
    const plan = planRetirement(
      evidence(pair({ roleLastUsed: at(-1), runs: [] })),
      options({ now: at(2) })
    )
    expect(plan.pairs[0]?.steps[0]).toEqual({
      step: 'deactivate-key',
      state: 'waiting',
      until: null,
      because: [
        { reason: 'evidence-delay', until: at(4) },
        { reason: 'role-not-used', since: T },
        { reason: 'no-successful-run', files: ['.github/workflows/deploy.yml'], since: T }
      ]
    })
  })

  it('refuses a key used after the merge, with when, service and region', () => {
    const used = { at: at(3), service: 's3', region: 'eu-central-1' }
    const p = pair({ key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Active', lastUse: used } })
    const plan = planRetirement(evidence(p), options())
    expect(plan.pairs[0]?.steps[0]).toMatchObject({
      state: 'refused',
      because: [{ reason: 'key-used', lastUse: used, since: T }]
    })
    expect(renderCleanupSummary(plan, null)).toContain(`used at ${at(3)} with s3 in eu-central-1`)
    expect(JSON.stringify(cleanupJson(plan, null))).toContain('eu-central-1')
  })

  it('refuses a key used since its deactivation', () => {
    const p = pair({
      deactivatedAt: at(5),
      key: {
        accessKeyId: 'AKIAEXAMPLEKEYWXYZ',
        status: 'Inactive',
        lastUse: { at: at(6), service: 'sts', region: 'us-east-1' }
      },
      secrets: []
    })
    expect(states(evidence(p), options({ now: at(400) }))?.[2]).toBe('delete-key:refused')
  })

  it('force skips the evidence, never the merge, the references or the grace period', () => {
    const used = { at: at(3), service: 's3', region: 'eu-central-1' }
    const p = pair({
      roleLastUsed: null,
      runs: [],
      key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Active', lastUse: used }
    })
    const plan = planRetirement(evidence(p), options({ now: at(1), force: true }))
    expect(plan.pairs[0]?.steps.map((s) => s.state)).toEqual(['do', 'do', 'waiting', 'blocked'])
    expect(plan.pairs[0]?.forced.map((f) => f.reason)).toEqual([
      'evidence-delay',
      'role-not-used',
      'no-successful-run',
      'key-used'
    ])
    expect(renderCleanupSummary(plan, null).startsWith('> [!WARNING]')).toBe(true)
    expect(states(evidence(p, false), options({ force: true }))?.[0]).toBe('deactivate-key:refused')
    const referenced = pair({
      references: [{ file: 'a.yml', line: 3, secret: 'AWS_ACCESS_KEY_ID' }]
    })
    expect(states(evidence(referenced), options({ force: true }))?.[0]).toBe(
      'deactivate-key:refused'
    )
  })

  it('deletes the user only when nothing else is left on it', () => {
    const base = {
      deactivatedAt: at(5),
      key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Inactive' as const, lastUse: null },
      secrets: []
    }
    const now = options({ now: at(400) })
    for (const leftover of [
      { otherKeys: ['…ABCD'] },
      { loginProfile: true },
      { mfaDevices: 1 },
      { signingCertificates: 1 },
      { sshPublicKeys: 1 },
      { serviceSpecificCredentials: 1 },
      { otherMigrations: ['github-o-other-deployer'] }
    ]) {
      expect(states(evidence(pair({ ...base, user: user(leftover) })), now)?.[3]).toBe(
        'delete-user:refused'
      )
    }
    expect(states(evidence(pair({ ...base, user: user() })), now)?.[3]).toBe('delete-user:do')
    expect(
      states(evidence(pair({ ...base, user: user() })), { ...now, deleteUser: false })?.[3]
    ).toBe('delete-user:not-asked')
  })

  it('lists organisation secrets; deletes one only when asked and seen by this repository only', () => {
    const org = [
      { name: 'AWS_ACCESS_KEY_ID', visibility: 'selected', repositories: ['o/r'] },
      { name: 'AWS_SECRET_ACCESS_KEY', visibility: 'selected', repositories: ['o/r', 'o/other'] },
      { name: 'AWS_SESSION_TOKEN', visibility: 'all', repositories: null }
    ]
    const kept = planRetirement(evidence(pair({ orgSecrets: org })), options())
    expect(kept.pairs[0]?.orgSecrets.map((o) => o.keep)).toEqual([
      'not-asked',
      'not-asked',
      'not-asked'
    ])
    const asked = planRetirement(
      evidence(pair({ orgSecrets: org })),
      options({ deleteOrgSecrets: true })
    )
    expect(asked.pairs[0]?.orgSecrets.map((o) => o.keep)).toEqual([
      null,
      'shared',
      'unknown-visibility'
    ])
    expect(retireWrites(asked).find((w) => w.step === 'delete-secrets')).toMatchObject({
      orgSecrets: ['AWS_ACCESS_KEY_ID']
    })
  })

  it('refuses a key it cannot tell apart, and secrets it has no names for', () => {
    expect(states(evidence(pair({ key: 'ambiguous' })), options())?.[0]).toBe(
      'deactivate-key:refused'
    )
    expect(states(evidence(pair({ secretNames: null })), options())?.[1]).toBe(
      'delete-secrets:refused'
    )
  })
})

describe('duration inputs', () => {
  it.each([
    ['7d', 7 * 24 * HOUR],
    ['4h', 4 * HOUR],
    ['30m', 30 * 60_000],
    ['0h', 0]
  ])('%s', (raw, ms) => {
    expect(duration('grace-period', raw)).toBe(ms)
  })
  it.each(['7', '1w', '-1d', '1.5h', 'PT4H', '', '99999999d'])(
    'refuses %p naming the input',
    (raw) => {
      expect(() => duration('evidence-delay', raw)).toThrow(
        /^Input 'evidence-delay': .* e\.g\. 7d, 4h, 30m/
      )
    }
  )
})
