/**
 * Every malformed input of `__fixtures__/inputs/malformed.ts`, given to the committed bundle
 * dist/index.js in each mode against the sandbox (moto and the project's GitHub API server):
 * the step fails with a message naming the input and what is allowed, and neither side was
 * written to: no GitHub write request, no IAM role, OIDC provider or policy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListRolesCommand
} from '@aws-sdk/client-iam'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import {
  MALFORMED_INPUTS,
  SANDBOX_KEY_ID,
  type MalformedInput
} from '../../__fixtures__/inputs/malformed.js'
import { SEED_IDENTITY } from '../../test-support/github-server/model.js'
import { runAction, type ActionRun } from '../../test-support/runner.js'
import { migrateInputs, startSandbox, type Sandbox } from '../../test-support/sandbox.js'

// E2E_ACTION_ENTRY: another bundle of src/index.ts (e.g. while dist/ cannot be rebuilt).
const entry = path.resolve(process.env.E2E_ACTION_ENTRY ?? 'dist/index.js')
const declared = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs
)
const rows = MALFORMED_INPUTS.filter((r) => declared.includes(r.input))
const asCase = (r: MalformedInput): [string, string, MalformedInput] => [r.input, r.what, r]

let sandbox: Sandbox
let iam: IAMClient
let policiesBefore: string[]

beforeAll(async () => {
  sandbox = await startSandbox()
  iam = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    }
  })
  policiesBefore = await policyArns()
}, 120_000)

afterAll(async () => {
  iam?.destroy()
  await sandbox?.stop()
})

async function policyArns(): Promise<string[]> {
  const { Policies } = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))
  return (Policies ?? []).map((p) => p.Arn ?? '').sort()
}

/** The row's value, with the sandbox's own key id where the case needs a key IAM knows. */
function valueOf(row: MalformedInput): string {
  return row.value.replace(SANDBOX_KEY_ID, sandbox.keyOwner.accessKeyId)
}

async function run(mode: 'plan' | 'migrate', inputs: Record<string, string>): Promise<ActionRun> {
  sandbox.github.resetRequests()
  const base =
    mode === 'migrate'
      ? migrateInputs(sandbox)
      : {
          mode: 'plan',
          'working-directory': path.resolve('examples/legacy-repo'),
          keys: sandbox.keys,
          'github-token': sandbox.env.GITHUB_TOKEN,
          repository: sandbox.env.GITHUB_REPOSITORY,
          'aws-region': sandbox.env.AWS_REGION
        }
  return runAction(entry, {
    inputs: { ...base, ...inputs },
    env: { ...sandbox.env, GITHUB_WORKSPACE: process.cwd() }
  })
}

/** The step failed naming the input, and nothing was written on either side. */
async function expectRefusedUntouched(run: ActionRun, row: { input: string; allowed: RegExp }) {
  expect(run.code).toBe(1)
  const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.message)
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(new RegExp(`Input '${row.input}': `))
  expect(errors[0]).toMatch(row.allowed)
  // Summarised: 500 lines of keys do not make a 60 KB error.
  expect(errors[0]!.length).toBeLessThan(2_000)
  expect(sandbox.github.requests.filter((r) => r.write)).toEqual([])
  const { Roles } = await iam.send(new ListRolesCommand({}))
  expect(Roles ?? []).toEqual([])
  const providers = await iam.send(new ListOpenIDConnectProvidersCommand({}))
  expect(providers.OpenIDConnectProviderList ?? []).toEqual([])
  expect(await policyArns()).toEqual(policiesBefore)
  expect(sandbox.github.violations).toEqual([])
}

describe('dist/index.js refuses malformed inputs before any write', () => {
  it.each(rows.map(asCase))(
    'migrate, %s (%s)',
    async (_name, _what, row) => {
      const result = await run('migrate', { ...row.with, [row.input]: valueOf(row) })
      await expectRefusedUntouched(result, row)
    },
    120_000
  )

  it.each(rows.filter((r) => r.check === 'settings').map(asCase))(
    'plan, %s (%s)',
    async (_name, _what, row) => {
      const result = await run('plan', { ...row.with, [row.input]: valueOf(row) })
      await expectRefusedUntouched(result, row)
      // Nor the SARIF file, nor any output.
      expect(result.outputs).toEqual({})
    },
    120_000
  )

  it('migrate, branch: an existing branch with commits the action did not make', async () => {
    const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
    const main = repo.git.readRef('refs/heads/main')!
    repo.git.updateRef('refs/heads/someone-elses', main, null)
    repo.git.commitFiles('someone-elses', { 'NOTES.md': 'mine\n' }, 'Add notes', SEED_IDENTITY)
    const result = await run('migrate', { branch: 'someone-elses' })
    await expectRefusedUntouched(result, {
      input: 'branch',
      allowed:
        /branch someone-elses exists and holds 1 commit\(s\) aws-keys-to-oidc did not make \([0-9a-f]{7} "Add notes"\)/
    })
    expect(repo.git.readRef('refs/heads/someone-elses')).not.toBe(main)
  }, 120_000)

  it('migrate, keys: 500 unknown lines are summarised and the summary lists them all', async () => {
    const row = rows.find((r) => r.what === '500 lines of unknown key ids')!
    const result = await run('migrate', { keys: row.value })
    await expectRefusedUntouched(result, row)
    expect(result.summary).toContain('Stopped before any write: nothing was created or changed')
    expect(result.summary).toContain('UNKNOWN_499_AWS_ACCESS_KEY_ID')
  }, 120_000)
})
