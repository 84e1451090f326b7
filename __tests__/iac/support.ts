/**
 * Shared steps of the infrastructure-as-code tests: one `migrate` of the example repository
 * (the sandbox: examples/legacy-repo on the project's GitHub API server, its key owner in moto)
 * read and planned in process, with or without `iac`, and the IAM calls the run made as the
 * IAM fault proxy in front of moto saw them.
 */
import { createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { parseKeys } from '../../src/inputs.js'
import type { IacSettings } from '../../src/iac/files.js'
import type { MigrationPlan } from '../../src/migration/compose.js'
import { gatherMigration, type GatherSettings } from '../../src/modes/gather.js'
import { SANDBOX_GITHUB_TOKEN, type Sandbox } from '../../test-support/sandbox.js'
import type { GitHubApi } from '../../src/github/client.js'
import { api as githubApi } from '../github/helpers.js'

export const NOW = new Date('2026-01-02T03:04:05Z')

export function settingsFor(sandbox: Sandbox, iac: IacSettings | null): GatherSettings {
  return {
    keys: parseKeys(sandbox.keys, () => undefined),
    roleName: 'github-{owner}-{repo}-{user}',
    rolePath: '/github-actions/',
    audience: 'sts.amazonaws.com',
    oidcIssuer: 'https://token.actions.githubusercontent.com',
    maxSessionDuration: 3600,
    permissionsBoundary: null,
    awsRegion: sandbox.env.AWS_REGION,
    branch: 'aws-keys-to-oidc',
    prTitle: 'Replace long-lived AWS keys with OIDC role assumption',
    prLabels: [],
    draft: false,
    iac
  }
}

/** The action's clients, as a run gets them: through `AWS_ENDPOINT_URL` (the proxy, if any). */
export function awsOf(sandbox: Sandbox): AwsApi {
  return createAwsClients({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    },
    maxAttempts: 1
  })
}

export function githubOf(sandbox: Sandbox): GitHubApi {
  return githubApi(sandbox.github, sandbox.env.GITHUB_REPOSITORY, SANDBOX_GITHUB_TOKEN)
}

export function planMigration(
  sandbox: Sandbox,
  aws: AwsApi,
  iac: IacSettings | null
): Promise<MigrationPlan> {
  return gatherMigration({
    github: githubOf(sandbox),
    aws,
    settings: settingsFor(sandbox, iac),
    now: NOW
  })
}

/** IAM Actions that change something (everything but Get*, List*, and STS's caller lookup). */
export function iamWrites(sandbox: Sandbox): string[] {
  return (sandbox.iamProxy?.calls ?? [])
    .map((c) => c.action)
    .filter((a) => !/^(Get|List|Simulate|Generate)/.test(a) && a !== 'GetCallerIdentity')
}
