/**
 * `mode: plan` reads the code of the checkout too: its job summary lists the code that hands the
 * keys on with the jobs kept on their keys, and its `findings` output agrees with the CLI (a
 * job whose code cannot be fixed is manual; the seed example's job stays automatic, its fix
 * planned).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Settings } from '../../src/inputs.js'
import { runPlanMode } from '../../src/modes/plan.js'
import { captureOutputAsync } from '../../test-support/runner.js'

const settings = (dir: string): Settings =>
  ({
    workingDirectory: dir,
    failOnFindings: false,
    sarifFile: '',
    repository: null,
    allowPullRequestTarget: false,
    keys: []
  }) as unknown as Settings

// @actions/core keeps the summary file's path once read: one file for the suite.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-mode-code-'))
const summaryFile = path.join(tmp, 'summary.md')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function planMode(fixture: string): Promise<{ summary: string; migrations: string[] }> {
  writeFileSync(summaryFile, '')
  // @actions/core writes the summary to the file this variable names (set for this call only).
  const saved = process.env.GITHUB_STEP_SUMMARY
  process.env.GITHUB_STEP_SUMMARY = summaryFile
  try {
    const { value } = await captureOutputAsync(() =>
      runPlanMode(settings(path.join('__fixtures__', 'code', fixture)), {
        GITHUB_STEP_SUMMARY: summaryFile
      })
    )
    return {
      summary: readFileSync(summaryFile, 'utf8'),
      migrations: value.findings.map((f) => f.migration)
    }
  } finally {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
  }
}

describe('mode: plan with the code of the checkout', () => {
  it('keeps the job of unfixable code manual and says why in the summary', async () => {
    const { summary, migrations } = await planMode('terraform')
    expect(migrations).toEqual(['manual'])
    expect(summary).toContain('### Code that hands the AWS keys on')
    expect(summary).toContain(
      '- `.github/workflows/ci.yml` job `infra` keeps its keys: it runs `infra/main.tf` line 7 (drops-token)'
    )
  })

  it('the seed example stays automatic with its fix planned', async () => {
    const { summary, migrations } = await planMode('python-seed')
    expect(migrations).toEqual(['automatic'])
    expect(summary).toContain('| `export.py` | 8 | drops-token |')
  })
})
