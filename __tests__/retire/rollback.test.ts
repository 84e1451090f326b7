/** The pure rollback plan: which keys come back, what happens to the pull request, what to set again. */
import { describe, expect, it } from '@jest/globals'
import type { MigrationPullRequest } from '../../src/retire/evidence.js'
import { planRollback, type RollbackPairEvidence } from '../../src/retire/rollback.js'
import { renderRollbackSummary, revertBody } from '../../src/report/retire/rollback.js'

const pair = (over: Partial<RollbackPairEvidence> = {}): RollbackPairEvidence => ({
  roleName: 'github-o-r-deployer',
  userName: 'deployer',
  keyEnd: 'WXYZ',
  deactivatedAt: '2026-11-02T15:00:00.000Z',
  key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Inactive' },
  secretNames: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
  repositorySecrets: ['AWS_SECRET_ACCESS_KEY', 'OTHER'],
  ...over
})
const merged: MigrationPullRequest = {
  state: 'merged',
  number: 3,
  url: null,
  mergedAt: '2026-11-02T10:00:00.000Z',
  mergeCommitSha: 'b'.repeat(40)
}
const plan = (p: RollbackPairEvidence, pr: MigrationPullRequest = merged) =>
  planRollback({ repository: 'o/r', pullRequest: pr, pairs: [p] })

describe('planRollback', () => {
  it('re-activates only keys this action deactivated', () => {
    expect(plan(pair()).pairs[0]?.key).toEqual({
      action: 'reactivate',
      accessKeyId: 'AKIAEXAMPLEKEYWXYZ',
      userName: 'deployer',
      roleName: 'github-o-r-deployer'
    })
    expect(plan(pair({ deactivatedAt: null })).pairs[0]?.key).toEqual({
      action: 'none',
      why: 'not-ours'
    })
    const active = pair({ key: { accessKeyId: 'AKIAEXAMPLEKEYWXYZ', status: 'Active' } })
    expect(plan(active).pairs[0]?.key).toEqual({ action: 'untag', roleName: 'github-o-r-deployer' })
    expect(plan({ ...active, deactivatedAt: null }).pairs[0]?.key).toEqual({
      action: 'none',
      why: 'active'
    })
  })

  it('says a deleted key cannot be re-activated', () => {
    const p = plan(pair({ key: null }))
    expect(p.pairs[0]?.key).toEqual({ action: 'none', why: 'deleted' })
    expect(renderRollbackSummary(p, null)).toContain('a deleted key cannot be re-activated')
  })

  it('names the deleted secrets to set again, and where', () => {
    const p = plan(pair())
    expect(p.pairs[0]?.setAgain).toEqual(['AWS_ACCESS_KEY_ID'])
    expect(renderRollbackSummary(p, null)).toMatch(
      /Set again, in the repository's Actions secrets .*`AWS_ACCESS_KEY_ID`/
    )
    expect(revertBody(p, 3, ['.github/workflows/deploy.yml'])).toContain('set these secrets again')
  })

  it('closes an open pull request, reverts a merged one, and leaves a closed one', () => {
    expect(plan(pair()).pullRequestAction).toEqual({
      action: 'revert',
      number: 3,
      mergeCommitSha: 'b'.repeat(40)
    })
    const open: MigrationPullRequest = {
      ...merged,
      state: 'open',
      mergedAt: null,
      mergeCommitSha: null
    }
    expect(plan(pair(), open).pullRequestAction).toEqual({ action: 'close', number: 3 })
    expect(plan(pair(), { ...open, state: 'closed' }).pullRequestAction).toEqual({
      action: 'none',
      state: 'closed'
    })
  })
})
