/**
 * The harness of the cleanup tests and `npm run demo -- --full`: the sandbox (moto and the
 * GitHub server, seeded with examples/legacy-repo) with the IAM evidence proxy in front of moto,
 * and in-process runs of `mode: migrate` and `mode: cleanup` with the inputs read by
 * `getSettings()` (INPUT_* variables, as the runner sets them) and a clock the caller controls.
 */
import { IAMClient } from '@aws-sdk/client-iam'
import { createAwsClients, type AwsApi } from '../src/aws/clients.js'
import { apiBaseUrl } from '../src/github/octokit.js'
import { getSettings, type Settings } from '../src/inputs.js'
import { runCleanup } from '../src/modes/cleanup.js'
import { runMigration } from '../src/modes/migrate.js'
import { runRollback } from '../src/modes/rollback.js'
import { startIamEvidenceProxy, type IamEvidenceProxy } from './iam-evidence-proxy.js'
import { startIamFaultProxy, type IamFaultProxy } from './iam-fault-proxy.js'
import { captureOutputAsync, captureOutput, type CapturedOutput } from './runner.js'
import { unspacedGitHubApi, unspacedOctokit } from './unspaced-octokit.js'
import { migrateInputs, startSandbox, type Sandbox, type SandboxOptions } from './sandbox.js'

export interface RetireHarness {
  readonly sandbox: Sandbox
  readonly evidence: IamEvidenceProxy
  /** With `iamFaults`: the fault proxy the action's IAM calls go through. */
  readonly iamFaults: IamFaultProxy | null
  /** Clients to moto directly (administrator credentials), to look at the end state. */
  readonly iam: IAMClient
  readonly api: AwsApi
  migrate(extra?: Readonly<Record<string, string>>): Promise<CapturedOutput<unknown>>
  /** `mode: plan` with `keys`: the whole plan, no write (`extra` adds or overrides inputs). */
  plan(extra?: Readonly<Record<string, string>>): Promise<CapturedOutput<unknown>>
  /** `aws`: other clients (e.g. signed by a user holding only policies/cleanup.json). */
  cleanup(
    now: string,
    extra?: Readonly<Record<string, string>>,
    aws?: AwsApi
  ): Promise<CapturedOutput<Awaited<ReturnType<typeof runCleanup>>> & { summary: string }>
  rollback(
    extra?: Readonly<Record<string, string>>
  ): Promise<CapturedOutput<Awaited<ReturnType<typeof runRollback>>>>
  stop(): Promise<void>
}

const ENV_KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
  'GITHUB_STEP_SUMMARY'
]

export interface RetireHarnessOptions extends SandboxOptions {
  /** Where the runs write their job summaries (the demo prints them); default none. */
  readonly summaryFile?: string
  /** Put the IAM fault proxy in front of the evidence proxy (the action's clients use it). */
  readonly iamFaults?: boolean
  /**
   * Migrate, plan, cleanup and rollback runs get the action's GitHub client without the spacing
   * between writes and with back-off in milliseconds (test-support/unspaced-octokit.ts): the
   * same requests and retries, without the waits. Default false (the demo shows the real pacing).
   */
  readonly unspacedGitHub?: boolean
}

export async function startRetireHarness(
  options: RetireHarnessOptions = {}
): Promise<RetireHarness> {
  const sandbox = await startSandbox(options)
  const evidence = await startIamEvidenceProxy(sandbox.moto.endpoint)
  const iamFaults = options.iamFaults ? await startIamFaultProxy(evidence.endpoint) : null
  const endpoint = iamFaults?.endpoint ?? evidence.endpoint
  const saved = new Map(ENV_KEYS.map((k) => [k, process.env[k]]))
  const env: Record<string, string> = {
    ...sandbox.env,
    AWS_ENDPOINT_URL: endpoint,
    ...(options.summaryFile ? { GITHUB_STEP_SUMMARY: options.summaryFile } : {})
  }
  const credentials = {
    accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
  }
  const api = createAwsClients({
    region: sandbox.env.AWS_REGION,
    endpoint,
    credentials
  })
  const iam = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.moto.endpoint,
    credentials
  })

  // The client the mode would make itself (its token, its base URL), with the tests' timing.
  const octokit = (s: Settings) =>
    options.unspacedGitHub ? { octokit: unspacedOctokit(s.githubToken, apiBaseUrl(env)) } : {}
  const github = (s: Settings) =>
    options.unspacedGitHub && s.repository
      ? { github: unspacedGitHubApi(s.githubToken, apiBaseUrl(env), s.repository) }
      : {}

  const settings = (inputs: Readonly<Record<string, string>>): Settings => {
    const keys: string[] = []
    for (const [name, value] of Object.entries(inputs)) {
      const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
      process.env[key] = value
      keys.push(key)
    }
    try {
      return captureOutput(getSettings).value
    } finally {
      for (const k of keys) delete process.env[k]
    }
  }
  // The SDK's default chain (what the action uses) reads these.
  const withAwsEnv = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (const k of ENV_KEYS) {
      const value = env[k]
      if (value === undefined) delete process.env[k]
      else process.env[k] = value
    }
    try {
      return await fn()
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }

  return {
    sandbox,
    evidence,
    iamFaults,
    iam,
    api,
    migrate: (extra = {}) =>
      withAwsEnv(() =>
        captureOutputAsync(() => {
          const s = settings(migrateInputs(sandbox, extra))
          return runMigration(s, env, 'migrate', github(s))
        })
      ),
    plan: (extra = {}) =>
      withAwsEnv(() =>
        captureOutputAsync(() => {
          const s = settings(migrateInputs(sandbox, { ...extra, mode: 'plan' }))
          return runMigration(s, env, 'plan', github(s))
        })
      ),
    async cleanup(now, extra = {}, aws = api) {
      const s = settings({
        mode: 'cleanup',
        'github-token': sandbox.env.GITHUB_TOKEN,
        repository: sandbox.env.GITHUB_REPOSITORY,
        'aws-region': sandbox.env.AWS_REGION,
        ...extra
      })
      const captured = await withAwsEnv(() =>
        captureOutputAsync(() =>
          runCleanup(s, env, { now: () => new Date(now), aws, ...octokit(s) })
        )
      )
      const { renderCleanupSummary } = await import('../src/report/retire/checklist.js')
      return {
        ...captured,
        summary: renderCleanupSummary(captured.value.plan, captured.value.outcome)
      }
    },
    rollback(extra = {}) {
      const s = settings({
        mode: 'rollback',
        'github-token': sandbox.env.GITHUB_TOKEN,
        repository: sandbox.env.GITHUB_REPOSITORY,
        'aws-region': sandbox.env.AWS_REGION,
        ...extra
      })
      return withAwsEnv(() =>
        captureOutputAsync(() => runRollback(s, env, { aws: api, ...octokit(s) }))
      )
    },
    async stop() {
      api.iam.destroy()
      api.sts.destroy()
      iam.destroy()
      await iamFaults?.close()
      await evidence.close()
      await sandbox.stop()
    }
  }
}
