/**
 * The state shared while one file is planned: the context the whole run gives (roles, region,
 * defaults, the outcome of called workflows), the edits and needs gathered so far, and small
 * helpers over them.
 */
import type { CacRef } from './action-pins.js'
import type { TextEdit } from './text-edits.js'
import type { Finding, KeyPair } from '../findings.js'
import type { RepositoryDefault } from '../permissions.js'
import { lineOf, type FileModel, type Held, type JobModel } from './model.js'
import type { Identity, StepNeed } from './steps.js'
import type { CallerHold, EditFields, FollowUp, RewriteEdit } from './contract.js'
import { UnsupportedEdit, type AnyPair } from './yaml-edits.js'

/** What a reusable workflow of the repository does after its rewrite, as its callers see it. */
export interface CalleeOutcome {
  /** Some job of it now requests an OIDC token: every caller job needs `id-token: write`. */
  readonly assumesRole: boolean
  /** Declared secrets it no longer uses: callers stop passing them. */
  readonly released: ReadonlySet<string>
  /** Set when it stays as it was because a caller stays (`callers.ts`). */
  readonly held?: CallerHold
}

export interface FileContext {
  /**
   * The role a key pair assumes in this file, in a job of this environment (null: none); throws
   * UnsupportedEdit when it cannot be chosen.
   */
  readonly identity: (pair: KeyPair, environment: string | null) => Identity
  readonly region: string | null
  readonly repositoryDefault: RepositoryDefault
  readonly cacRef: CacRef
  /**
   * The role ARN a `role-to-assume` value stands for, known to trust GitHub after this migration
   * (a literal ARN), else null: the keys stay.
   */
  readonly chainedRole: (roleToAssume: string) => string | null
  /** The outcome of a local reusable workflow (`./.github/workflows/x.yml`), or null. */
  readonly callee: (uses: string) => CalleeOutcome | null
}

export interface RoleUse {
  readonly identity: Identity
  readonly chained: boolean
}

/** Mutable state while planning one file. */
export interface Work {
  readonly model: FileModel
  readonly ctx: FileContext
  /** Every finding of the file. */
  readonly findings: readonly Finding[]
  /** The findings left to a person, by the step they are in (`stepKey`; computed once per file). */
  readonly manualByStep: ReadonlyMap<string, readonly Finding[]>
  readonly edits: TextEdit[]
  /** The edits as data (what `FileRewrite.edits` gives), in the order made. */
  readonly recorded: RewriteEdit[]
  readonly followUps: FollowUp[]
  readonly roles: RoleUse[]
  readonly migrated: Finding[]
  readonly needs: Map<string, MutableNeeds>
  readonly envRemovals: Map<Held, AnyPair[]>
  readonly idToken: Set<string>
  usedTagForSha: boolean
  /** Lines of new steps written with the placeholder region. */
  readonly regionsMissing: number[]
}

export interface MutableNeeds {
  ambient: { identity: Identity } | null
  readonly steps: Map<number, StepNeed>
  readonly providers: Map<number, Identity | string>
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export function followUp(f: Finding): FollowUp {
  return { file: f.file, line: f.line, reason: f.reason, kind: f.kind }
}

/** The key of the step a YAML path is in (`jobs.<job>.steps.<index>`), or null. */
export function stepKey(path: readonly (string | number)[]): string | null {
  return path.length >= 4 && path[0] === 'jobs' && path[2] === 'steps'
    ? path.slice(0, 4).join('\u0000')
    : null
}

export function manualByStep(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = f.migration !== 'automatic' && f.kind !== 'non-aws' ? stepKey(f.path) : null
    if (key !== null) out.set(key, [...(out.get(key) ?? []), f])
  }
  return out
}

export function needsOf(work: Work, job: string): MutableNeeds {
  let n = work.needs.get(job)
  if (!n) {
    n = { ambient: null, steps: new Map(), providers: new Map() }
    work.needs.set(job, n)
  }
  return n
}

export function jobOf(work: Work, f: Finding): JobModel {
  const job = f.job === null ? undefined : work.model.jobs.get(f.job)
  if (!job) throw new UnsupportedEdit(`job ${String(f.job)} not found`, 0)
  return job
}

/** Records an edit made at `offset` of the original text. */
export function recordEdit(work: Work, offset: number, edit: EditFields): void {
  work.recorded.push({ line: lineOf(work.model, offset), ...edit })
}
