/**
 * The fault suite (issue 16 §3), shared by `npm run faults` (scripts/faults.ts, every point) and
 * the jest subset (__tests__/faults/suite.test.ts). A reference run of `mode: migrate` against a
 * fresh sandbox lists every write it makes: each IAM call through the fault proxy in front of
 * moto, each GitHub write the test server answered. Then, for each write and each kind of fault,
 * a fresh sandbox, a run that meets the fault there, and a re-run without it: the re-run must
 * exit 0 and leave exactly the reference's end state (test-support/fault-state.ts).
 *
 * Kinds: `denied` (IAM 403 AccessDenied, GitHub 403 not accessible), `server-error` (a 500 the
 * clients retry), `lost-response` (applied, the answer lost), `killed` (applied, then the
 * action's process is killed with SIGKILL before it hears the answer).
 */
import { execFileSync } from 'node:child_process'
import { isWriteOperation } from '../src/aws/clients.js'
import { gitHubState, iamState, type GitHubState, type IamState } from './fault-state.js'
import type { Fault } from './github-server/index.js'
import type { IamFaultKind } from './iam-fault-proxy.js'
import { runAction, type ActionRun } from './runner.js'
import { migrateInputs, startSandbox, type Sandbox } from './sandbox.js'
import { IAMClient } from '@aws-sdk/client-iam'

export type FaultKind = IamFaultKind
export const FAULT_KINDS: readonly FaultKind[] = [
  'denied',
  'server-error',
  'lost-response',
  'killed'
]

/** One write of the reference run: an IAM Action or a GitHub route, and which call of it. */
export interface WritePoint {
  readonly service: 'iam' | 'github'
  readonly write: string
  readonly nth: number
}

export interface FaultPoint extends WritePoint {
  readonly kind: FaultKind
}

export interface EndState {
  readonly iam: IamState
  readonly github: GitHubState
}

export interface Reference {
  readonly state: EndState
  readonly writes: readonly WritePoint[]
}

export interface PointResult {
  readonly point: FaultPoint
  readonly converged: boolean
  /** Why not, or what the faulted run said. */
  readonly detail: string
}

/** How the action is run: the bundle (default) or the sources through tsx. */
export interface ActionEntry {
  readonly file: string
  readonly env?: Readonly<Record<string, string>>
}

export function describePoint(p: FaultPoint): string {
  return `${p.kind} at ${p.service} ${p.write} #${p.nth}`
}

async function withSandbox<T>(use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ iamFaultProxy: true })
  try {
    return await use(sandbox)
  } finally {
    await sandbox.stop()
  }
}

function migrate(entry: ActionEntry, sandbox: Sandbox): Promise<ActionRun> {
  return runAction(entry.file, {
    inputs: migrateInputs(sandbox),
    env: { ...sandbox.env, ...(entry.env ?? {}) }
  })
}

/** What the run left: read straight from moto (not through the proxy) and the server's model. */
export async function endState(sandbox: Sandbox): Promise<EndState> {
  const iam = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.moto.endpoint,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    }
  })
  try {
    return {
      iam: await iamState(iam),
      github: gitHubState(sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY))
    }
  } finally {
    iam.destroy()
  }
}

const isError = (c: ActionRun['commands'][number]): boolean => c.command === 'error'

/** The first failure line of a run (`::error::...`), for the report. */
export function runError(run: ActionRun): string {
  const error = run.commands.find(isError)?.message
  return error ?? (run.stderr.trim().split('\n').pop() || `exit ${run.code}`)
}

/** The uninterrupted run: its end state and every write it made, in order. */
export async function referenceRun(entry: ActionEntry): Promise<Reference> {
  return withSandbox(async (sandbox) => {
    sandbox.github.resetRequests()
    sandbox.iamProxy?.resetCalls()
    const run = await migrate(entry, sandbox)
    if (run.code !== 0) throw new Error(`the reference run failed: ${runError(run)}`)
    const writes: WritePoint[] = []
    const seen = new Map<string, number>()
    const add = (service: WritePoint['service'], write: string): void => {
      const nth = (seen.get(`${service} ${write}`) ?? 0) + 1
      seen.set(`${service} ${write}`, nth)
      writes.push({ service, write, nth })
    }
    for (const call of sandbox.iamProxy?.calls ?? []) {
      if (isWriteOperation(call.action) && call.status < 300) add('iam', call.action)
    }
    for (const r of sandbox.github.requests) if (r.write && r.status < 300) add('github', r.route)
    return { state: await endState(sandbox), writes }
  })
}

/** Kills the action's processes (children of this process running the entry) by pid. */
function killRun(entry: ActionEntry): void {
  let pids: string[] = []
  try {
    pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', entry.file], {
      encoding: 'utf8'
    })
      .split('\n')
      .filter(Boolean)
  } catch {
    // pgrep exits 1 when nothing matches: the run already ended.
  }
  for (const pid of pids) process.kill(Number(pid), 'SIGKILL')
}

function armGitHub(sandbox: Sandbox, point: FaultPoint, entry: ActionEntry): void {
  const kinds: Record<FaultKind, Fault['kind']> = {
    denied: 'forbidden',
    'server-error': 'server-error',
    'lost-response': 'lost-response',
    killed: 'killed'
  }
  sandbox.github.failNext({
    route: point.write,
    kind: kinds[point.kind],
    skip: point.nth - 1,
    onKilled: () => killRun(entry)
  })
}

/** One fault point: a fresh sandbox, a run that meets the fault, a re-run, the comparison. */
export async function tryFaultPoint(
  entry: ActionEntry,
  point: FaultPoint,
  reference: Reference
): Promise<PointResult> {
  return withSandbox(async (sandbox) => {
    const proxy = sandbox.iamProxy
    if (!proxy) throw new Error('the sandbox has no IAM fault proxy')
    if (point.service === 'iam') {
      proxy.fail({
        action: point.write,
        nth: point.nth,
        kind: point.kind,
        onKilled: () => killRun(entry)
      })
    } else {
      armGitHub(sandbox, point, entry)
    }
    const faulted = await migrate(entry, sandbox)
    proxy.heal()
    sandbox.github.heal()
    // A killed run ends without a word: no `::error::` (the action's catch never ran).
    if (point.kind === 'killed' && (faulted.code === 0 || faulted.commands.some(isError))) {
      return { point, converged: false, detail: `the run was not killed: ${runError(faulted)}` }
    }
    const said =
      faulted.code === 0
        ? 'the faulted run finished'
        : point.kind === 'killed'
          ? 'the run was killed after the write'
          : runError(faulted)
    const rerun = await migrate(entry, sandbox)
    if (rerun.code !== 0) {
      return { point, converged: false, detail: `the re-run failed: ${runError(rerun)}` }
    }
    const diff = firstDifference(reference.state, await endState(sandbox))
    return diff
      ? { point, converged: false, detail: `the end state differs at ${diff}` }
      : { point, converged: true, detail: said }
  })
}

export interface ConcurrentResult {
  readonly codes: readonly number[]
  readonly errors: readonly string[]
  /** Null when both runs together left the reference's end state. */
  readonly difference: string | null
}

/** Two runs at once on one repository: at least one wins; the end state is the reference's. */
export async function concurrentRuns(
  entry: ActionEntry,
  reference: Reference
): Promise<ConcurrentResult> {
  return withSandbox(async (sandbox) => {
    const runs = await Promise.all([migrate(entry, sandbox), migrate(entry, sandbox)])
    return {
      codes: runs.map((r) => r.code),
      errors: runs.filter((r) => r.code !== 0).map(runError),
      difference: firstDifference(reference.state, await endState(sandbox))
    }
  })
}

/** The path of the first difference between two states, or null. */
export function firstDifference(want: unknown, got: unknown, at = ''): string | null {
  if (JSON.stringify(want) === JSON.stringify(got)) return null
  if (
    typeof want === 'object' &&
    want !== null &&
    typeof got === 'object' &&
    got !== null &&
    Array.isArray(want) === Array.isArray(got)
  ) {
    const w = want as Record<string, unknown>
    const g = got as Record<string, unknown>
    for (const key of new Set([...Object.keys(w), ...Object.keys(g)])) {
      const d = firstDifference(w[key], g[key], `${at}.${key}`)
      if (d) return d
    }
  }
  return `${at || '(root)'}: want ${JSON.stringify(want)?.slice(0, 200)}, got ${JSON.stringify(got)?.slice(0, 200)}`
}

/** Every fault point of a reference: each write with each kind. */
export function faultPoints(
  reference: Reference,
  kinds: readonly FaultKind[] = FAULT_KINDS
): FaultPoint[] {
  return reference.writes.flatMap((w) => kinds.map((kind) => ({ ...w, kind })))
}
