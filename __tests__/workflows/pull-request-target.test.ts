/**
 * pull_request_target jobs that check out the pull request's head and run it (issue 10): their
 * key uses are not rewritten unless `allow-pull-request-target: true`, and the plan warns about
 * each by name. A pull_request_target job that stays on the base is migrated as usual.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { planWorkflows } from '../../src/workflows/plan.js'
import { untrustedCheckoutWarnings } from '../../src/workflows/scan/pull-request-target.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const file = {
  path: '.github/workflows/preview.yml',
  text: readFileSync('__fixtures__/workflows/pull-request-target-head.yml', 'utf8')
}

describe('pull_request_target jobs that run the head', () => {
  it('finds the jobs that check out the head and run it, with the line and how', () => {
    const scan = scanWorkflows([file])
    expect(scan.untrustedCheckouts).toEqual([
      {
        file: file.path,
        job: 'preview',
        line: 11,
        how: 'ref: ${{ github.event.pull_request.head.sha }}'
      },
      { file: file.path, job: 'fetch', line: 28, how: 'gh pr checkout' }
    ])
  })

  it('leaves their key uses manual by default, and migrates the job that stays on the base', () => {
    const byJob = (allow: boolean) =>
      Object.fromEntries(
        scanWorkflows([file], { allowPullRequestTarget: allow }).findings.map((f) => [
          f.job,
          f.migration
        ])
      )
    expect(byJob(false)).toEqual({ preview: 'manual', fetch: 'manual', label: 'automatic' })
    expect(byJob(true)).toEqual({ preview: 'automatic', fetch: 'automatic', label: 'automatic' })
    const preview = scanWorkflows([file]).findings.find((f) => f.job === 'preview')
    expect(preview?.reason).toMatch(/pull_request_target.*head.*allow-pull-request-target: true/)
  })

  it('does not rewrite them (a follow-up) unless allowed', () => {
    const { rewrite } = planWorkflows([file])
    const after = rewrite.files[0]?.after ?? ''
    expect(rewrite.files[0]?.followUps.map((u) => u.line)).toEqual(expect.arrayContaining([17, 24]))
    // The label job is rewritten; the preview job keeps its keys.
    expect(after.split('jobs:')[1]?.split('  label:')[0]).toContain(
      'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}'
    )
    expect(after.split('  label:')[1]).not.toContain('secrets.AWS_ACCESS_KEY_ID')
  })

  it('warns by name, saying whether the job is rewritten', () => {
    const risks = scanWorkflows([file]).untrustedCheckouts
    const [refused] = untrustedCheckoutWarnings(risks, false)
    expect(refused).toMatch(/preview\.yml \(job preview\).*line 11.*not rewritten/)
    expect(untrustedCheckoutWarnings(risks, true)[0]).toMatch(/now, its AWS role/)
  })

  it('leaves a pull_request workflow alone', () => {
    const other = { ...file, text: file.text.replace('pull_request_target:', 'pull_request:') }
    expect(scanWorkflows([other]).untrustedCheckouts).toEqual([])
  })
})
