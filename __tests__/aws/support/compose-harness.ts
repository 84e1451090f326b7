/**
 * The read side of `mode: migrate` without GitHub: workflow files in, the scan, the pairs of the
 * `keys` lines, the AWS plan read from moto through the real SDK, and the one migration plan.
 * The repository facts are fixed (octo-org/octo-repo, default subject format).
 */
import { deployUses, REPOSITORY } from '../../../__fixtures__/aws/findings.js'
import { seedDeployer } from '../../../__fixtures__/aws/seed.js'
import type { AwsApi } from '../../../src/aws/clients.js'
import type { KeyRef } from '../../../src/aws/plan/facts.js'
import { planAwsMigration } from '../../../src/aws/gather.js'
import type { AwsMigrationRequest, AwsSettings } from '../../../src/aws/plan/plan.js'
import { composeMigrationPlan } from '../../../src/migration/compose.js'
import { selectPairs } from '../../../src/migration/pairs.js'
import type { RepositoryFacts, RepositoryFile } from '../../../src/workflows/repository.js'
import { scanWorkflows } from '../../../src/workflows/scan/scan.js'

export const AWS_SETTINGS: AwsSettings = {
  roleName: 'github-{owner}-{repo}-{user}',
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}

/** The seeded deployer's one key pair, used by deploy jobs: the request of the fault tests. */
export async function deployerRequest(api: AwsApi): Promise<AwsMigrationRequest> {
  const user = await seedDeployer(api)
  return {
    pairs: [
      {
        key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId: user.accessKeyId },
        uses: deployUses()
      }
    ],
    repository: REPOSITORY,
    settings: AWS_SETTINGS,
    now: new Date('2026-01-02T03:04:05Z')
  }
}

export function workflowFiles(files: Record<string, string>): RepositoryFile[] {
  return Object.entries(files).map(([path, text]) => ({
    path,
    text,
    sha: '0'.repeat(40),
    mode: '100644'
  }))
}

export interface HarnessOptions {
  readonly settings?: Partial<AwsSettings>
  /** The `aws-region` input (default eu-west-1). */
  readonly awsRegion?: string
}

export async function planMigration(
  api: AwsApi,
  files: readonly RepositoryFile[],
  keys: readonly KeyRef[],
  options: HarnessOptions = {}
) {
  const facts = {
    owner: REPOSITORY.owner,
    repo: REPOSITORY.repo,
    ownerId: REPOSITORY.ownerId,
    repoId: REPOSITORY.repoId,
    defaultBranch: 'main',
    headSha: 'a'.repeat(40),
    headTreeSha: 'b'.repeat(40),
    oidcSubject: null,
    workflowTokenDefault: 'restricted',
    environments: [],
    workflowFiles: files,
    warnings: []
  } as unknown as RepositoryFacts
  const scan = scanWorkflows(files)
  const selection = selectPairs(keys, scan.findings)
  const aws = await planAwsMigration(api, {
    pairs: selection.requests,
    repository: REPOSITORY,
    settings: { ...AWS_SETTINGS, ...options.settings },
    now: new Date('2026-12-02T00:00:00Z'),
    workflows: files
  })
  const migration = composeMigrationPlan({
    facts,
    files,
    scan,
    selection,
    aws,
    cac: { ref: { tag: 'v6' }, note: null },
    settings: {
      awsRegion: options.awsRegion ?? 'eu-west-1',
      branch: 'aws-keys-to-oidc',
      prTitle: 'Replace keys',
      prLabels: [],
      draft: false
    }
  })
  return { aws, migration }
}
