/**
 * The sandbox: everything `mode: migrate` talks to, on loopback, seeded with the example
 * repository and the IAM user whose keys it uses. For the demo, the end-to-end tests and trying
 * the action by hand (`npm run sandbox` prints the environment).
 *
 * - GitHub (the project's API test server): repository `octo-org/legacy-repo` holding the files
 *   of `examples/legacy-repo` on `main`, fixed ids, the default OIDC subject format, default
 *   workflow permissions `read`, the environments its jobs name (`production`), a repository
 *   secret for every `secrets.NAME` its workflows reference, and an installation token (`ghs_`)
 *   with every permission migrate mode needs.
 * - AWS (moto): an administrator (user `sandbox-admin` with AdministratorAccess and an access
 *   key: the credentials the action runs with), and the key owner `legacy-deployer` seeded by
 *   `seedDeployer` (managed, inline and group policies, a boundary policy, tags, one access key).
 *
 * `keys` maps every access-key-id secret the example's workflows use to the key owner's access
 * key id (the example uses one pair, `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient
} from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import { parse } from 'yaml'
import { collectWorkflowFiles } from '../src/local-files.js'
import type { WorkflowFile } from '../src/workflows/findings.js'
import { scanWorkflows } from '../src/workflows/scan/scan.js'
import { awsPolicy, seedDeployer, type SeededUser } from '../__fixtures__/aws/seed.js'
import {
  CONFIGURE_AWS_CREDENTIALS,
  FULL_APP_PERMISSIONS,
  startGitHubServer,
  type GitHubServer
} from './github-server/index.js'
import { startIamFaultProxy, type IamFaultProxy } from './iam-fault-proxy.js'
import { MOTO_CREDENTIALS, startMoto, type MotoServer, type StartMotoOptions } from './moto.js'

/** The example repository the sandbox serves by default. */
export const EXAMPLE_REPOSITORY = fileURLToPath(new URL('../examples/legacy-repo', import.meta.url))

/** Ids of the sandbox repository and its owner (they appear in immutable OIDC subjects). */
export const SANDBOX_REPOSITORY_ID = 812_345_678
export const SANDBOX_OWNER_ID = 198_765_432

/** The token the sandbox's GitHub server accepts: an installation token with every permission. */
export const SANDBOX_GITHUB_TOKEN = 'ghs_sandboxinstallationtoken000000000000'

export interface SandboxOptions {
  /** `OWNER/NAME` of the repository (default `octo-org/legacy-repo`). */
  readonly repository?: string
  /** The folder whose files become the repository (default `examples/legacy-repo`). */
  readonly example?: string
  /** `AWS_REGION` (default `eu-west-1`, the region of the example's workflows). */
  readonly region?: string
  /** The IAM user who owns the example's keys (default `legacy-deployer`). */
  readonly keyOwner?: string
  /** Passed to {@link startMoto}. */
  readonly moto?: StartMotoOptions
  /** Put the IAM fault proxy in front of moto: `AWS_ENDPOINT_URL` is then the proxy's. */
  readonly iamFaultProxy?: boolean
}

/** The variables a run of the action against the sandbox needs. */
export type SandboxEnvName =
  | 'GITHUB_API_URL'
  | 'GITHUB_REPOSITORY'
  | 'GITHUB_TOKEN'
  | 'AWS_ENDPOINT_URL'
  | 'AWS_ACCESS_KEY_ID'
  | 'AWS_SECRET_ACCESS_KEY'
  | 'AWS_REGION'
  | 'SANDBOX_KEYS'

export interface Sandbox {
  /**
   * - `GITHUB_API_URL`, `GITHUB_REPOSITORY`, `GITHUB_TOKEN`: the GitHub server, the repository,
   *   the token (also the value for the `github-token` input);
   * - `AWS_ENDPOINT_URL`: moto; `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`: the administrator's
   *   key; `AWS_REGION`;
   * - `SANDBOX_KEYS`: the value for the `keys` input (same as {@link Sandbox.keys}).
   */
  readonly env: Readonly<Record<SandboxEnvName, string>>
  /** `SECRET_NAME=ACCESS_KEY_ID` lines, one per access-key-id secret the workflows use. */
  readonly keys: string
  /** The GitHub server: `requests`, `violations`, `repository(fullName)` for the repo state. */
  readonly github: GitHubServer
  readonly moto: MotoServer
  /** The IAM fault proxy the action talks to (with `iamFaultProxy`), else null. */
  readonly iamProxy: IamFaultProxy | null
  /** The administrator whose key the action runs with. */
  readonly admin: SeededUser & { readonly secretAccessKey: string }
  /** The IAM user who owns the example's keys, as `seedDeployer` made it. */
  readonly keyOwner: SeededUser & { readonly boundaryArn: string }
  /** The secret names the example's workflows reference, seeded as repository secrets. */
  readonly secretNames: readonly string[]
  /** Stops the GitHub server and moto; safe to call twice. */
  stop(): Promise<void>
}

/** What the sandbox reads from the example's workflows. */
export interface ExampleFacts {
  readonly files: readonly WorkflowFile[]
  /** Access-key-id secret names of the key pairs the scanner finds (sorted, unique). */
  readonly accessKeyIdSecrets: readonly string[]
  /** Every `secrets.NAME` referenced (sorted, unique). */
  readonly secretNames: readonly string[]
  /** Every `jobs.*.environment` name (sorted, unique). */
  readonly environments: readonly string[]
}

/** Reads the example's workflow files and what the sandbox seeds from them. */
export async function exampleFacts(folder: string): Promise<ExampleFacts> {
  const { files } = await collectWorkflowFiles(folder)
  const { findings } = scanWorkflows(files)
  const ids = findings.map((f) => f.pair.accessKeyId).filter((s): s is string => s !== null)
  const secrets = files.flatMap((f) =>
    [...f.text.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '')
  )
  const environments = files.flatMap((f) => jobEnvironments(f.text))
  const sorted = (names: string[]): string[] => [...new Set(names)].sort()
  return {
    files,
    accessKeyIdSecrets: sorted(ids),
    secretNames: sorted(secrets),
    environments: sorted(environments)
  }
}

function jobEnvironments(text: string): string[] {
  const doc = parse(text) as { jobs?: Record<string, { environment?: unknown }> } | null
  return Object.values(doc?.jobs ?? {}).flatMap((job) => {
    const env = job?.environment
    if (typeof env === 'string') return [env]
    if (env && typeof env === 'object' && typeof (env as { name?: unknown }).name === 'string') {
      return [(env as { name: string }).name]
    }
    return []
  })
}

/**
 * Starts moto and the GitHub server on free loopback ports and seeds them. When anything fails
 * on the way, whatever was started is stopped before the error is thrown.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const fullName = options.repository ?? 'octo-org/legacy-repo'
  const folder = path.resolve(options.example ?? EXAMPLE_REPOSITORY)
  const region = options.region ?? 'eu-west-1'
  const facts = await exampleFacts(folder)
  if (facts.accessKeyIdSecrets.length === 0) {
    throw new Error(`${folder}: the workflows use no access key id secret`)
  }

  let github: GitHubServer | null = null
  let moto: MotoServer | null = null
  let iamProxy: IamFaultProxy | null = null
  const stop = async (): Promise<void> => {
    await Promise.all([github?.close(), iamProxy?.close(), moto?.stop()])
  }
  try {
    github = await startGitHubServer({
      tokens: {
        [SANDBOX_GITHUB_TOKEN]: {
          kind: 'installation',
          permissions: FULL_APP_PERMISSIONS
        }
      },
      repositories: [
        {
          fullName,
          id: SANDBOX_REPOSITORY_ID,
          ownerId: SANDBOX_OWNER_ID,
          ownerType: 'Organization',
          defaultBranch: 'main',
          visibility: 'private',
          files: folder,
          environments: facts.environments,
          secrets: facts.secretNames,
          oidcSubject: { useDefault: true, includeClaimKeys: [] },
          workflowPermissions: {
            defaultWorkflowPermissions: 'read',
            canApprovePullRequestReviews: false
          }
        },
        // The action's own releases, for repositories that pin actions by SHA.
        CONFIGURE_AWS_CREDENTIALS
      ]
    })
    moto = await startMoto(options.moto)
    if (options.iamFaultProxy) iamProxy = await startIamFaultProxy(moto.endpoint)
    const { admin, keyOwner } = await seedAws(moto.endpoint, region, options.keyOwner)
    const keys = facts.accessKeyIdSecrets
      .map((name) => `${name}=${keyOwner.accessKeyId}`)
      .join('\n')
    return {
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: fullName,
        GITHUB_TOKEN: SANDBOX_GITHUB_TOKEN,
        AWS_ENDPOINT_URL: iamProxy?.endpoint ?? moto.endpoint,
        AWS_ACCESS_KEY_ID: admin.accessKeyId,
        AWS_SECRET_ACCESS_KEY: admin.secretAccessKey,
        AWS_REGION: region,
        SANDBOX_KEYS: keys
      },
      keys,
      github,
      moto,
      iamProxy,
      admin,
      keyOwner,
      secretNames: facts.secretNames,
      stop
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function seedAws(
  endpoint: string,
  region: string,
  keyOwnerName = 'legacy-deployer'
): Promise<Pick<Sandbox, 'admin' | 'keyOwner'>> {
  const config = { region, endpoint, credentials: MOTO_CREDENTIALS }
  const iam = new IAMClient(config)
  const sts = new STSClient(config)
  try {
    const userName = 'sandbox-admin'
    const user = await iam.send(new CreateUserCommand({ UserName: userName }))
    await iam.send(
      new AttachUserPolicyCommand({
        UserName: userName,
        PolicyArn: awsPolicy('AdministratorAccess')
      })
    )
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
    const accessKeyId = key.AccessKey?.AccessKeyId
    const secretAccessKey = key.AccessKey?.SecretAccessKey
    if (!accessKeyId || !secretAccessKey || !user.User?.Arn) {
      throw new Error('moto answered CreateUser/CreateAccessKey without the user or the key')
    }
    const keyOwner = await seedDeployer({ iam, sts }, keyOwnerName)
    return {
      admin: { userName, userArn: user.User.Arn, accessKeyId, secretAccessKey },
      keyOwner
    }
  } finally {
    iam.destroy()
    sts.destroy()
  }
}

/** The inputs of a `mode: migrate` run against the sandbox (`extra` adds or overrides). */
export function migrateInputs(
  sandbox: Sandbox,
  extra: Readonly<Record<string, string>> = {}
): Record<string, string> {
  return {
    mode: 'migrate',
    keys: sandbox.keys,
    'github-token': sandbox.env.GITHUB_TOKEN,
    repository: sandbox.env.GITHUB_REPOSITORY,
    'aws-region': sandbox.env.AWS_REGION,
    ...extra
  }
}
