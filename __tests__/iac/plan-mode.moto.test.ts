/**
 * `mode: plan` with `keys` and `iac` (in process, as the runner would run it: INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP; the sandbox's GitHub server and moto
 * behind the IAM fault proxy): the plan as without `iac`, plus the generated files in the job
 * summary (folded) and written under RUNNER_TEMP, listed in the `iac-files` output; nothing is
 * written to IAM and nothing on GitHub.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getSettings } from '../../src/inputs.js'
import { runMigration } from '../../src/modes/migrate.js'
import { captureOutputAsync, parseOutputFile } from '../../test-support/runner.js'
import { startSandbox, type Sandbox } from '../../test-support/sandbox.js'
import { writes } from '../github/helpers.js'
import { iamWrites } from './support.js'

let sandbox: Sandbox
let dir: string
const set: string[] = []

function env(name: string, value: string): void {
  process.env[name] = value
  set.push(name)
}

beforeAll(async () => {
  sandbox = await startSandbox({ iamFaultProxy: true })
  // One summary file for the file: @actions/core keeps the path of the first it wrote to.
  dir = mkdtempSync(path.join(os.tmpdir(), 'iac-plan-'))
}, 120_000)

afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key]
})

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  await sandbox?.stop()
})

async function planRun(format: string) {
  const output = path.join(dir, 'output')
  const summary = path.join(dir, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const inputs: Record<string, string> = {
    mode: 'plan',
    keys: sandbox.keys,
    'github-token': sandbox.env.GITHUB_TOKEN,
    repository: sandbox.env.GITHUB_REPOSITORY,
    'aws-region': sandbox.env.AWS_REGION,
    iac: format
  }
  for (const [k, v] of Object.entries(inputs)) env(`INPUT_${k.toUpperCase()}`, v)
  for (const k of [
    'GITHUB_API_URL',
    'AWS_ENDPOINT_URL',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY'
  ] as const) {
    env(k, sandbox.env[k])
  }
  env('GITHUB_OUTPUT', output)
  env('GITHUB_STEP_SUMMARY', summary)
  env('RUNNER_TEMP', path.join(dir, format))
  sandbox.iamProxy?.resetCalls()
  sandbox.github.resetRequests()
  const { value } = await captureOutputAsync(() => runMigration(getSettings(), process.env, 'plan'))
  return {
    plan: value.plan,
    outputs: parseOutputFile(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8')
  }
}

describe('mode: plan with keys and iac', () => {
  it.each(['terraform', 'cloudformation'])(
    '%s: files under RUNNER_TEMP, in the summary and the iac-files output',
    async (format) => {
      const run = await planRun(format)
      const files = run.plan.iac?.files ?? []
      expect(files.length).toBeGreaterThan(0)
      const listed = JSON.parse(run.outputs['iac-files'] ?? '[]') as string[]
      const root = path.join(dir, format, 'aws-keys-to-oidc')
      expect(listed).toEqual(files.map((f) => path.join(root, ...f.path.split('/'))))
      files.forEach((f, i) => expect(readFileSync(listed[i] ?? '', 'utf8')).toBe(f.content))
      // The plan as today (its JSON output), then the code, each file folded.
      expect(JSON.parse(run.outputs.plan ?? '{}')).toHaveProperty('pairs')
      expect(run.summary).toContain(
        `### Infrastructure as code (${format === 'terraform' ? 'Terraform' : 'CloudFormation'})`
      )
      for (const f of files) {
        expect(run.summary).toContain(
          `<details><summary><code>${f.path}</code></summary>\n\n\`\`\``
        )
        expect(run.summary).toContain(f.content.trimEnd())
      }
      expect(iamWrites(sandbox)).toEqual([])
      expect(writes(sandbox.github)).toEqual([])
    }
  )
})
