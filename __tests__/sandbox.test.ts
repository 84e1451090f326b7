/**
 * The sandbox (test-support/sandbox.ts) and `scripts/sandbox.ts`: what is seeded is read back
 * through the real clients (the AWS SDK against moto, Octokit and fetch against the GitHub
 * server), and stopping leaves no process and no listening port behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand
} from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { getOctokit } from '@actions/github'
import { createGitHubApi } from '../src/github/client.js'
import {
  EXAMPLE_REPOSITORY,
  SANDBOX_OWNER_ID,
  SANDBOX_REPOSITORY_ID,
  startSandbox,
  type Sandbox
} from '../test-support/sandbox.js'

/** Every file below `dir`, relative, `/` separators. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name
    return e.isDirectory() ? filesBelow(dir, rel) : [rel]
  })
}

/** Whether something accepts connections on the loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Running processes with their parent and command line (Linux /proc). */
function processes(): { pid: number; ppid: number; argv: string[] }[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
        // `PID (COMM) STATE PPID ...`; COMM may hold spaces and parentheses.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        return [{ pid: Number(pid), ppid, argv }]
      } catch {
        return []
      }
    })
}

/** moto_server processes serving `port`. */
function motoProcesses(port: number): number[] {
  return processes()
    .filter(
      ({ argv }) => argv.some((a) => a.includes('moto_server')) && argv.includes(String(port))
    )
    .map(({ pid }) => pid)
}

/** moto_server processes this test process started and that still run. */
function childMotoProcesses(): number[] {
  return processes()
    .filter(({ ppid, argv }) => ppid === process.pid && argv.some((a) => a.includes('moto_server')))
    .map(({ pid }) => pid)
}

const portOf = (url: string): number => Number(new URL(url).port)

describe('startSandbox', () => {
  let sandbox: Sandbox
  let iam: IAMClient

  beforeAll(async () => {
    sandbox = await startSandbox()
    const { env } = sandbox
    iam = new IAMClient({
      region: env.AWS_REGION,
      endpoint: env.AWS_ENDPOINT_URL,
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY
      }
    })
  })

  afterAll(async () => {
    iam.destroy()
    await sandbox.stop()
  })

  it('gives the environment of a run: both servers on loopback, the administrator key', () => {
    const { env } = sandbox
    expect(env.GITHUB_API_URL).toBe(sandbox.github.url)
    expect(env.GITHUB_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(env.AWS_ENDPOINT_URL).toBe(sandbox.moto.endpoint)
    expect(env.GITHUB_REPOSITORY).toBe('octo-org/legacy-repo')
    expect(env.AWS_ACCESS_KEY_ID).toBe(sandbox.admin.accessKeyId)
    expect(env.AWS_ACCESS_KEY_ID).not.toBe(sandbox.keyOwner.accessKeyId)
    expect(env.SANDBOX_KEYS).toBe(sandbox.keys)
  })

  it('keys name every access-key-id secret of the example workflows, with the owner key id', async () => {
    const workflows = readdirSync(path.join(EXAMPLE_REPOSITORY, '.github/workflows')).map((f) =>
      readFileSync(path.join(EXAMPLE_REPOSITORY, '.github/workflows', f), 'utf8')
    )
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'legacy-deployer' }))
    const lines = sandbox.keys.split('\n')
    for (const line of lines) {
      const [name = '', id = ''] = line.split('=')
      expect(workflows.some((w) => w.includes(`secrets.${name} `))).toBe(true)
      expect(listed.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([id])
    }
    expect(lines.map((l) => l.split('=')[0])).toEqual(['AWS_ACCESS_KEY_ID'])
  })

  it('the administrator credentials work (iam:GetUser, sts:GetCallerIdentity)', async () => {
    const me = await iam.send(new GetUserCommand({}))
    expect(me.User?.UserName).toBe('sandbox-admin')
    expect(me.User?.Arn).toBe(sandbox.admin.userArn)
    const sts = new STSClient({
      region: sandbox.env.AWS_REGION,
      endpoint: sandbox.env.AWS_ENDPOINT_URL,
      credentials: {
        accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
        secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
      }
    })
    const identity = await sts.send(new GetCallerIdentityCommand({}))
    sts.destroy()
    expect(identity.Arn).toBe(sandbox.admin.userArn)
    const attached = await iam.send(
      new ListAttachedUserPoliciesCommand({ UserName: 'sandbox-admin' })
    )
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AdministratorAccess'])
  })

  it('the key owner has its managed, inline and group policies and tags', async () => {
    const UserName = sandbox.keyOwner.userName
    expect(UserName).toBe('legacy-deployer')
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName }))
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName).sort()).toEqual([
      'AmazonEC2ReadOnlyAccess',
      'legacy-deployer-deploy-s3'
    ])
    const inline = await iam.send(new ListUserPoliciesCommand({ UserName }))
    expect(inline.PolicyNames).toEqual(['site'])
    const groups = await iam.send(new ListGroupsForUserCommand({ UserName }))
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['legacy-deployer-developers'])
    const tags = await iam.send(new ListUserTagsCommand({ UserName }))
    expect(tags.Tags).toContainEqual({ Key: 'team', Value: 'platform' })
  })

  it('the repository holds the files of examples/legacy-repo on main', async () => {
    const octokit = getOctokit(sandbox.env.GITHUB_TOKEN, { baseUrl: sandbox.env.GITHUB_API_URL })
    const [owner = '', repo = ''] = sandbox.env.GITHUB_REPOSITORY.split('/')
    const { data: repository } = await octokit.rest.repos.get({ owner, repo })
    expect(repository.default_branch).toBe('main')
    expect(repository.id).toBe(SANDBOX_REPOSITORY_ID)
    expect(repository.owner.id).toBe(SANDBOX_OWNER_ID)
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' })
    const { data: commit } = await octokit.rest.git.getCommit({
      owner,
      repo,
      commit_sha: ref.object.sha
    })
    const { data: tree } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: commit.tree.sha,
      recursive: 'true'
    })
    const blobs = tree.tree.filter((e) => e.type === 'blob')
    const expected = filesBelow(EXAMPLE_REPOSITORY).sort()
    expect(blobs.map((b) => b.path).sort()).toEqual(expected)
    for (const blob of blobs) {
      const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: blob.sha ?? '' })
      expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(
        readFileSync(path.join(EXAMPLE_REPOSITORY, blob.path ?? ''), 'utf8')
      )
    }
  })

  it('the repository settings: OIDC subject default, workflow permissions read, environment, secrets', async () => {
    const { GITHUB_API_URL: base, GITHUB_TOKEN: token, GITHUB_REPOSITORY: name } = sandbox.env
    const get = async (route: string): Promise<unknown> => {
      const response = await fetch(`${base}/repos/${name}${route}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' }
      })
      expect(response.status).toBe(200)
      return response.json()
    }
    expect(await get('/actions/oidc/customization/sub')).toMatchObject({ use_default: true })
    expect(await get('/actions/permissions/workflow')).toEqual({
      default_workflow_permissions: 'read',
      can_approve_pull_request_reviews: false
    })
    const environments = (await get('/environments')) as { environments: { name: string }[] }
    expect(environments.environments.map((e) => e.name)).toEqual(['production'])
    const secrets = (await get('/actions/secrets')) as { secrets: { name: string }[] }
    expect(secrets.secrets.map((s) => s.name).sort()).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_S3_BUCKET',
      'AWS_SECRET_ACCESS_KEY'
    ])
    expect(sandbox.github.violations).toEqual([])
  })

  it("the token passes migrate mode's token check and the action reads the facts", async () => {
    const [owner = '', repo = ''] = sandbox.env.GITHUB_REPOSITORY.split('/')
    const github = createGitHubApi({
      token: sandbox.env.GITHUB_TOKEN,
      baseUrl: sandbox.env.GITHUB_API_URL,
      repository: { owner, repo },
      log: () => undefined
    })
    const capability = await github.requireMigrateCapability()
    expect(capability.kind).toBe('installation')
    expect(capability.missingForMigrate).toEqual([])
    const facts = await github.readFacts()
    expect(facts.warnings).toEqual([])
    expect(facts).toMatchObject({
      repoId: SANDBOX_REPOSITORY_ID,
      ownerId: SANDBOX_OWNER_ID,
      defaultBranch: 'main',
      workflowTokenDefault: 'restricted',
      environments: ['production']
    })
    expect(facts.workflowFiles?.map((f) => f.path).sort()).toEqual(
      filesBelow(path.join(EXAMPLE_REPOSITORY, '.github/workflows'))
        .map((f) => `.github/workflows/${f}`)
        .sort()
    )
    expect(sandbox.github.violations).toEqual([])
  })
})

describe('stop()', () => {
  it('leaves no moto process, no listening port and no git directory', async () => {
    const sandbox = await startSandbox()
    const githubPort = portOf(sandbox.env.GITHUB_API_URL)
    const motoPort = portOf(sandbox.env.AWS_ENDPOINT_URL)
    const gitDir = sandbox.github.repository('octo-org/legacy-repo').git.gitDir
    expect(await listening(githubPort)).toBe(true)
    expect(await listening(motoPort)).toBe(true)
    expect(motoProcesses(motoPort)).toHaveLength(1)
    expect(existsSync(gitDir)).toBe(true)

    await sandbox.stop()
    expect(await listening(githubPort)).toBe(false)
    expect(await listening(motoPort)).toBe(false)
    expect(motoProcesses(motoPort)).toEqual([])
    expect(existsSync(gitDir)).toBe(false)
    await sandbox.stop()
  })

  it('a failure in the middle of start stops what was started', async () => {
    // Listening servers and child processes of this process, once closed handles are released.
    const handles = async (): Promise<string[]> => {
      const open = (): string[] =>
        process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'ProcessWrap')
      for (let i = 0; i < 40 && open().length > 0; i++) await new Promise((r) => setTimeout(r, 50))
      return open()
    }
    expect(await handles()).toEqual([])
    // moto cannot start: the GitHub server, already listening, is closed.
    await expect(startSandbox({ moto: { command: 'no-such-moto-server' } })).rejects.toThrow(
      /could not start moto_server/
    )
    expect(await handles()).toEqual([])
    // Seeding fails after both servers run (the key owner's name is the administrator's).
    await expect(startSandbox({ keyOwner: 'sandbox-admin' })).rejects.toThrow(/already exists/)
    expect(await handles()).toEqual([])
    expect(childMotoProcesses()).toEqual([])
  })
})

describe('scripts/sandbox.ts', () => {
  it('prints shell exports, serves until SIGTERM, then exits 0 and frees its ports', async () => {
    // tsx itself, as `npm run sandbox` runs it: `npx` does not pass SIGTERM on to its child
    // (it exits and leaves the script running), while tsx relays it to the script.
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/sandbox.ts'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code))
    )
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in 45 s: ${stderr}`)), 45_000)
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString()
          if (/^# ready/m.test(stdout)) {
            clearTimeout(timer)
            resolve()
          }
        })
        void exited.then(() => {
          clearTimeout(timer)
          reject(new Error(`the script exited early: ${stderr}`))
        })
      })

      // The exports are valid shell: sh evaluates them and prints the environment back.
      const shell = spawnSync(
        'sh',
        ['-c', `${stdout}\nnode -e 'console.log(JSON.stringify(process.env))'`],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
      )
      expect(shell.stderr).toBe('')
      const env = JSON.parse(shell.stdout) as Record<string, string>
      for (const name of [
        'GITHUB_API_URL',
        'GITHUB_REPOSITORY',
        'GITHUB_TOKEN',
        'AWS_ENDPOINT_URL',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_REGION',
        'SANDBOX_KEYS'
      ]) {
        expect(env[name]).toMatch(/\S/)
      }
      expect(env.SANDBOX_KEYS).toMatch(/^AWS_ACCESS_KEY_ID=[A-Z0-9]{16,128}$/)
      const githubPort = portOf(env.GITHUB_API_URL ?? '')
      const motoPort = portOf(env.AWS_ENDPOINT_URL ?? '')

      const response = await fetch(`${env.GITHUB_API_URL}/repos/${env.GITHUB_REPOSITORY}`, {
        headers: { authorization: `Bearer ${env.GITHUB_TOKEN}` }
      })
      expect(response.status).toBe(200)
      expect(((await response.json()) as { full_name: string }).full_name).toBe(
        'octo-org/legacy-repo'
      )
      expect(motoProcesses(motoPort)).toHaveLength(1)

      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(await listening(githubPort)).toBe(false)
      expect(await listening(motoPort)).toBe(false)
      expect(motoProcesses(motoPort)).toEqual([])
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    }
  })
})
