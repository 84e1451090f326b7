/**
 * Issue 11 item 11: each message is about the files it names. The plan-mode summary says which
 * folder it scanned; with `keys` the migration plan that follows reads the repository through the
 * API, so the first summary must not say "nothing to migrate" for files it never read.
 */
import { describe, expect, it } from '@jest/globals'
import { renderPlanSummary } from '../../src/report/summary.js'

const empty = { findings: [], errors: [] }

describe('the plan-mode summary names what it scanned', () => {
  it('alone: nothing found in that folder, nothing to migrate', () => {
    const text = renderPlanSummary(empty, { blobBase: null, pathPrefix: '', scanned: 'sub/app' })
    expect(text).toContain('Scanned: the workflow files under `sub/app`.')
    expect(text).toContain('Nothing to migrate.')
  })

  it('followed by the migration plan: no claim about the repository it did not read', () => {
    const text = renderPlanSummary(empty, {
      blobBase: null,
      pathPrefix: '',
      scanned: '/tmp/elsewhere',
      migrationFollows: true
    })
    expect(text).toContain('Scanned: the workflow files under `/tmp/elsewhere`.')
    expect(text).toContain(
      "The migration plan below reads the repository's default branch through the GitHub API instead."
    )
    expect(text).toContain('No long-lived AWS access keys found in these workflow files.')
    expect(text).not.toContain('Nothing to migrate')
  })
})
