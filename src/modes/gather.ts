/**
 * The read side of a migration: repository facts and workflow files from GitHub (at the default
 * branch head, which the pull request is based on), the scan, the key owners and their
 * permissions from AWS, then the one pure plan. No write happens here.
 */
import { planAwsMigration } from '../aws/gather.js'
import type { AwsSettings } from '../aws/plan/plan.js'
import type { AccountClients } from '../aws/accounts.js'
import type { AwsApi } from '../aws/clients.js'
import { SHA_PIN_IN_TEXT } from '../formats.js'
import type { GitHubApi } from '../github/client.js'
import { subjectFacts } from '../github/facts.js'
import type { KeyInput } from '../inputs.js'
import { CAC_TAG, resolveCacRef, type ResolvedCacRef } from '../workflows/rewrite/action-pins.js'
import type { WorkflowFile } from '../workflows/findings.js'
import { scanWorkflows } from '../workflows/scan/scan.js'
import { scanCode } from '../code/scan.js'
import type { CodeInput } from '../migration/code.js'
import {
  composeMigrationPlan,
  type ComposeSettings,
  type MigrationPlan
} from '../migration/compose.js'
import { selectPairs } from '../migration/pairs.js'
import { keyEnvironments, keySecretNames, secretScopes } from '../migration/secret-sources.js'

export interface GatherSettings extends AwsSettings, ComposeSettings {
  readonly keys: readonly KeyInput[]
}

export interface GatherRequest {
  readonly github: GitHubApi
  readonly aws: AwsApi
  /** The clients of the `accounts` input's further accounts (none by default). */
  readonly accounts?: AccountClients
  readonly settings: GatherSettings
  readonly now: Date
}

export async function gatherMigration(request: GatherRequest): Promise<MigrationPlan> {
  const { github, aws, settings } = request
  const facts = await github.readFacts({ workflowFiles: true })
  const files = facts.workflowFiles ?? []
  const code = await readCode(github, facts.headSha, files)
  const scan = scanWorkflows(files, {
    keepTrees: true,
    allowPullRequestTarget: settings.allowPullRequestTarget ?? false,
    codeHolds: code.scan.holds
  })
  // Names only; a GitHub API without the reader, as some tests build, reads none.
  const secrets =
    (await github.readSecrets?.(keyEnvironments(scan.findings), keySecretNames(scan.findings))) ??
    null
  // Each job's use goes to the line of the secret it reads, as far as the lists tell.
  const selection = selectPairs(
    settings.keys,
    scan.findings,
    secrets ? secretScopes(secrets) : undefined
  )
  const [awsPlan, cac] = await Promise.all([
    planAwsMigration(
      aws,
      {
        pairs: selection.requests,
        repository: subjectFacts(facts),
        settings,
        now: request.now,
        workflows: files
      },
      request.accounts
    ),
    releaseFor(files, github)
  ])
  return composeMigrationPlan({
    facts,
    files,
    scan,
    selection,
    aws: awsPlan,
    cac,
    settings,
    code,
    secrets
  })
}

/**
 * The code the jobs run, read within the budget of `src/github/code-files.ts` (a GitHub API
 * without the reader, as some tests build, reads none), and its scan.
 */
async function readCode(
  github: GitHubApi,
  headSha: string,
  files: readonly WorkflowFile[]
): Promise<CodeInput> {
  const read = github.readCodeFiles
    ? await github.readCodeFiles(
        headSha,
        files.map((f) => f.text)
      )
    : { files: [], budget: null }
  return { scan: scanCode(files, read.files), files: read.files, budget: read.budget }
}

/**
 * The configure-aws-credentials release to pin to. Only a repository that pins actions by SHA
 * needs the release's commit (one or two reads); others keep tags and make no request.
 */
async function releaseFor(
  files: readonly WorkflowFile[],
  github: GitHubApi
): Promise<ResolvedCacRef> {
  if (!files.some((f) => SHA_PIN_IN_TEXT.test(f.text))) return { ref: { tag: CAC_TAG }, note: null }
  return resolveCacRef(github.latestRelease)
}
