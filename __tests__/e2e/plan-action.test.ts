import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runAction } from '../../test-support/runner.js'

// The committed bundle, run as the runner runs it. `npm test` also proves dist/ is built from src/.
const entry = path.resolve('dist/index.js')
const workspace = process.cwd()
const example = path.join(workspace, 'examples/legacy-repo')
const deployLines = readFileSync(path.join(example, '.github/workflows/deploy.yml'), 'utf8').split(
  '\n'
)
const idLine = deployLines.findIndex((l) => l.includes('aws-access-key-id')) + 1
const runnerEnv = {
  GITHUB_WORKSPACE: workspace,
  GITHUB_REPOSITORY: 'octo-org/legacy-repo',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_SERVER_URL: 'https://github.com'
}

describe('dist/index.js in plan mode', () => {
  it('exists (run `npm run package` to build it)', () => {
    expect(existsSync(entry)).toBe(true)
  })

  it('annotates each finding at its line, writes the summary, the outputs and SARIF', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-'))
    try {
      const sarifFile = path.join(tmp, 'results.sarif')
      const run = await runAction(entry, {
        inputs: {
          mode: 'plan',
          'working-directory': example,
          'sarif-file': sarifFile,
          'fail-on-findings': 'false'
        },
        env: runnerEnv
      })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)

      const warnings = run.commands.filter((c) => c.command === 'warning')
      const findings = JSON.parse(run.outputs.findings ?? '') as {
        findings: { file: string; line: number }[]
      }
      expect(Number(run.outputs['findings-count'])).toBe(findings.findings.length)
      expect(warnings).toHaveLength(findings.findings.length)
      expect(warnings).toContainEqual(
        expect.objectContaining({
          properties: expect.objectContaining({
            file: 'examples/legacy-repo/.github/workflows/deploy.yml',
            line: String(idLine)
          })
        })
      )
      // The job summary links each finding to its line at the commit being checked.
      expect(run.summary).toContain('## AWS keys to OIDC: plan')
      expect(run.summary).toContain(
        `https://github.com/octo-org/legacy-repo/blob/${runnerEnv.GITHUB_SHA}/examples/legacy-repo/.github/workflows/deploy.yml#L${idLine}`
      )
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
        runs: { results: unknown[] }[]
      }
      expect(sarif.runs[0]?.results).toHaveLength(findings.findings.length)
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  })

  it('fails the step with fail-on-findings: true', async () => {
    const run = await runAction(entry, {
      inputs: { mode: 'plan', 'working-directory': example, 'fail-on-findings': 'true' },
      env: runnerEnv
    })
    expect(run.code).toBe(1)
    expect(run.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        message: expect.stringMatching(/static AWS key use\(s\) found/)
      })
    )
  })

  it("links no file when it scans another repository than the run's (org fan-out)", async () => {
    const run = await runAction(entry, {
      inputs: { mode: 'plan', 'working-directory': example, repository: 'octo-org/another-repo' },
      env: runnerEnv
    })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('.github/workflows/deploy.yml')
    expect(run.summary).not.toContain('/blob/')
  })

  it('fails with a message naming a bad input', async () => {
    const run = await runAction(entry, { inputs: { mode: 'apply' }, env: runnerEnv })
    expect(run.code).toBe(1)
    expect(run.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        message:
          "Input 'mode': 'apply' is not supported; use one of: plan, migrate, cleanup, rollback, discover"
      })
    )
  })
})
