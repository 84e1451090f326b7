/**
 * `mode: migrate` end to end with the code the jobs run: the committed bundle dist/index.js run
 * as the runner runs it, against moto and the project's GitHub API server (the sandbox, seeded
 * with a fixture repository of `__fixtures__/code/`).
 * - the seed example (a job with env keys runs `python export.py`, which drops the token): the
 *   pull request fixes the Python call and migrates the job;
 * - Java code that cannot be fixed minimally: the job stays on its keys, its workflow is left
 *   as it was, and the summary names the file and line.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { Actionlint } from '../../test-support/actionlint.js'
import { runAction } from '../../test-support/runner.js'
import { migrateInputs, startSandbox, type Sandbox } from '../../test-support/sandbox.js'

const entry = path.resolve('dist/index.js')

function suite(fixture: string, check: (sandbox: Sandbox) => Promise<void>): void {
  describe(`dist/index.js migrate over __fixtures__/code/${fixture}`, () => {
    let sandbox: Sandbox
    beforeAll(async () => {
      sandbox = await startSandbox({ example: path.join('__fixtures__', 'code', fixture) })
    }, 120_000)
    afterAll(async () => {
      await sandbox?.stop()
    })
    it('migrates as the code allows', () => check(sandbox), 120_000)
  })
}

suite('python-seed', async (sandbox) => {
  const run = await runAction(entry, {
    inputs: migrateInputs(sandbox, { 'github-token': sandbox.env.GITHUB_TOKEN }),
    env: { ...sandbox.env }
  })
  expect(run.code).toBe(0)
  const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
  expect(repo.pulls).toHaveLength(1)
  const pull = repo.pulls[0]!
  const diff = repo.pullRequestDiff(1)
  expect([...diff.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1])).toEqual([
    '.github/workflows/export.yml',
    'export.py'
  ])
  expect(repo.readFile('export.py', pull.head)).toContain(
    "  aws_secret_access_key=os.getenv('AWS_SECRET_ACCESS_KEY'),\n  aws_session_token=os.getenv('AWS_SESSION_TOKEN'))\n"
  )
  const workflow = repo.readFile('.github/workflows/export.yml', pull.head) ?? ''
  expect(workflow).toContain('role-to-assume: arn:aws:iam::')
  expect(workflow).not.toMatch(/secrets\.AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)/)
  expect(await new Actionlint().lint(workflow, 'export.yml')).toEqual([])
  expect(pull.body).toContain('### Code that hands the AWS keys on')
  expect(pull.body).toContain('`export.py` | 8 | drops-token | fixed here')
  expect(run.summary).toContain('### Code that hands the AWS keys on')
  expect(sandbox.github.violations).toEqual([])

  // Converges: a re-run makes no write on GitHub.
  sandbox.github.resetRequests()
  const again = await runAction(entry, {
    inputs: migrateInputs(sandbox, { 'github-token': sandbox.env.GITHUB_TOKEN }),
    env: { ...sandbox.env }
  })
  expect(again.code).toBe(0)
  expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
})

suite('java', async (sandbox) => {
  const run = await runAction(entry, {
    inputs: migrateInputs(sandbox, { 'github-token': sandbox.env.GITHUB_TOKEN }),
    env: { ...sandbox.env }
  })
  const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
  expect(repo.pulls).toHaveLength(0)
  expect(run.summary).toContain(
    '`.github/workflows/ci.yml` job `build` keeps its keys: it runs `src/Upload.java` line 5 (drops-token)'
  )
  expect(run.summary).toContain('src/Upload.java')
  expect(sandbox.github.violations).toEqual([])
})
