/**
 * A repository that pins every action by commit: migrate mode resolves the newest
 * configure-aws-credentials v6 release through the GitHub API (the sandbox serves the action's
 * repository with real tags) and pins the rewritten and the new steps to its commit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { Actionlint } from '../../test-support/actionlint.js'
import { runAction } from '../../test-support/runner.js'
import { migrateInputs, startSandbox, type Sandbox } from '../../test-support/sandbox.js'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({
    repository: 'octo-org/pinned',
    example: path.resolve('__fixtures__/migrate/sha-pinned'),
    keyOwner: 'release-bot'
  })
}, 120_000)

afterAll(async () => {
  await sandbox?.stop()
})

describe('dist/index.js in migrate mode on a repository pinned by SHA', () => {
  it('pins configure-aws-credentials to the commit of the newest v6 release', async () => {
    const cac = sandbox.github.repository('aws-actions/configure-aws-credentials')
    const v6 = execFileSync('git', ['rev-parse', 'v6.10.0^{commit}'], {
      cwd: cac.git.gitDir,
      encoding: 'utf8'
    }).trim()

    const run = await runAction(path.resolve('dist/index.js'), {
      inputs: migrateInputs(sandbox),
      env: { ...sandbox.env }
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    expect(sandbox.keys).toMatch(/^RELEASE_AWS_ACCESS_KEY_ID=/)

    const repo = sandbox.github.repository('octo-org/pinned')
    const head = repo.pulls[0]!.head
    const release = repo.readFile('.github/workflows/release.yml', head) ?? ''
    const backup = repo.readFile('.github/workflows/backup.yml', head) ?? ''
    const pin = `aws-actions/configure-aws-credentials@${v6} # v6.10.0`
    expect(release).toContain(`uses: ${pin}`)
    expect(backup).toContain(`uses: ${pin}`)
    expect(release).not.toContain('@v6\n')
    expect(run.summary).not.toContain('pinned to tag v6 instead of a SHA')
    const linter = new Actionlint()
    expect(await linter.lint(release, 'release.yml')).toEqual([])
    expect(await linter.lint(backup, 'backup.yml')).toEqual([])
    expect(sandbox.github.violations).toEqual([])
  }, 120_000)
})
