/**
 * Starts and stops `moto_server` (moto 5.2, the AWS emulator) on a free loopback port, for the
 * tests and for `npm run demo`. IAM's AWS-managed policies are loaded
 * (`MOTO_IAM_LOAD_MANAGED_POLICIES=true`) so that attaching `arn:aws:iam::aws:policy/...` works.
 *
 * Moto does not check web-identity tokens, trust policies or IAM quotas, and (5.2.1) answers 500
 * to PutUserPermissionsBoundary, AddClientIDToOpenIDConnectProvider, SimulatePrincipalPolicy and
 * GenerateServiceLastAccessedDetails; GetUser omits PermissionsBoundary. Tests cover those with
 * an independent evaluator or aws-sdk-client-mock and say so.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

/** The account moto uses for requests signed with keys it does not know. */
export const MOTO_ACCOUNT_ID = '123456789012'

/** Credentials for the default moto account (any key moto does not know maps to it). */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const

export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string
  readonly port: number
  /** Forgets every resource (moto's `POST /moto-api/reset`). */
  reset(): Promise<void>
  /**
   * Turns IAM permission checks on after `allowedUnauthenticated` more requests (moto's
   * `POST /moto-api/reset-auth`). From then on every request is checked against the caller's
   * IAM policies; requests signed with keys moto does not know are refused.
   */
  enableAuth(allowedUnauthenticated?: number): Promise<void>
  /** Turns IAM permission checks off again (the default). */
  disableAuth(): Promise<void>
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>
}

export interface StartMotoOptions {
  /** Extra environment for the server process. */
  readonly env?: Readonly<Record<string, string>>
  /** How long to wait for the server to answer, in milliseconds (default 30 s). */
  readonly timeoutMs?: number
  /** The command to run (default `moto_server`, from PATH). */
  readonly command?: string
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

/** Starts `moto_server -H 127.0.0.1 -p PORT` on a free port and waits until it answers. */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let lastError: unknown = null
  // A port found free can be taken before moto binds it; try a few ports before giving up.
  for (let attempt = 0; attempt < 5 && Date.now() < deadline; attempt++) {
    const port = await freePort()
    try {
      return await launch(port, deadline, options)
    } catch (error) {
      lastError = error
    }
  }
  throw new Error(`could not start moto_server: ${String(lastError)}`)
}

async function launch(
  port: number,
  deadline: number,
  options: StartMotoOptions
): Promise<MotoServer> {
  const command = options.command ?? 'moto_server'
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  running.add(child)
  installExitHook()
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      running.delete(child)
      resolve(code)
    })
    child.on('error', (error) => {
      stderr += `\n${error.message}`
      running.delete(child)
      resolve(-1)
    })
  })
  let exitCode: number | null | undefined
  void exited.then((code) => (exitCode = code))
  const endpoint = `http://127.0.0.1:${port}`

  const stop = async (): Promise<void> => {
    if (exitCode !== undefined) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }

  while (true) {
    if (exitCode !== undefined) {
      throw new Error(`${command} exited with code ${exitCode}: ${stderr.trim()}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${command} did not answer on ${endpoint} in time: ${stderr.trim()}`)
    }
    if (await answers(`${endpoint}/moto-api/data.json`)) break
    await new Promise((r) => setTimeout(r, 100))
  }

  const post = async (path: string, body?: string): Promise<void> => {
    const response = await fetch(`${endpoint}${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body })
    })
    if (!response.ok) throw new Error(`moto ${path} answered ${response.status}`)
    await response.arrayBuffer()
  }

  return {
    endpoint,
    port,
    reset: () => post('/moto-api/reset'),
    enableAuth: (allowedUnauthenticated = 0) =>
      post('/moto-api/reset-auth', String(allowedUnauthenticated)),
    disableAuth: () => post('/moto-api/reset-auth', 'inf'),
    stop
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

/** A test run that dies must not leave moto servers behind. */
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL')
  })
}
