/**
 * The trust check of one role (pure): its trust policy evaluated (`evaluate.ts`) against the
 * claims its jobs get (`claims.ts`: each must be allowed) and against the adversarial claims
 * (`adversarial.ts`: each must be denied, unless the plan lists it as a widening: a pattern
 * broader than the workflow filter because IAM cannot say the filter exactly, or merged to fit
 * the quota). A check can be made again on another document (`recheckTrust`: the policy read
 * back from IAM after writing it), with the same claims.
 */
import type { PolicyDocument } from '../aws/plan/policy-document.js'
import { adversarialClaims, type AdversarialClaim, type AdversaryKind } from './adversarial.js'
import {
  intendedClaims,
  type ClaimFacts,
  type Claims,
  type IntendedClaim,
  type TrustJob
} from './claims.js'
import { evaluateTrust, likeMatches, type TrustDecision } from './evaluate.js'

/** The action IAM checks when a GitHub token is exchanged for role credentials. */
export const ASSUME_ACTION = 'sts:AssumeRoleWithWebIdentity'

/** A pattern of the trust policy the plan lists as broader than the jobs need. */
export interface ListedWidening {
  /** The `sub` pattern (IAM `StringLike`) as written in the policy. */
  readonly pattern: string
  /** The workflow filter it stands for, when it stands for one. */
  readonly filter: string | null
  /** A ref the pattern admits that the filter rejects, when known. */
  readonly example: string | null
}

export interface TrustCheckInput {
  readonly roleName: string
  readonly roleArn: string
  readonly document: PolicyDocument
  readonly jobs: readonly TrustJob[]
  readonly facts: ClaimFacts
  /** The OIDC provider ARN (the `Federated` principal). */
  readonly providerArn: string
  /** The condition-key prefix of the issuer, e.g. `token.actions.githubusercontent.com`. */
  readonly issuerKey: string
  /** Whether AWS tests `repository_id` for this issuer. */
  readonly repositoryIdKey: boolean
  readonly widenings: readonly ListedWidening[]
}

export interface IntendedRow extends IntendedClaim {
  readonly decision: TrustDecision
}

export interface JobCheck {
  readonly file: string
  readonly job: string | null
  readonly rows: readonly IntendedRow[]
}

export interface AdversarialRow extends AdversarialClaim {
  readonly decision: TrustDecision
  /** The listed widening that admits it (then it is no failure); null when none does. */
  readonly widening: string | null
}

export type TrustFailure =
  | {
      readonly kind: 'intended-denied'
      readonly file: string
      readonly job: string | null
      readonly claims: Claims
    }
  | {
      readonly kind: 'adversarial-allowed'
      readonly adversary: AdversaryKind
      readonly claims: Claims
    }

export interface TrustCheck {
  readonly roleName: string
  readonly roleArn: string
  /** `planned`: the document the plan will write; `written`: the one read back from IAM. */
  readonly source: 'planned' | 'written'
  readonly providerArn: string
  readonly issuerKey: string
  readonly jobs: readonly JobCheck[]
  readonly adversarial: readonly AdversarialRow[]
  readonly widenings: readonly ListedWidening[]
  readonly failures: readonly TrustFailure[]
  readonly passed: boolean
}

/** Builds the claims and checks the planned document against them. */
export function checkTrust(input: TrustCheckInput): TrustCheck {
  const intended = intendedClaims(input.jobs, input.facts)
  const adversarial = adversarialClaims(input.jobs, intended, input.facts, {
    repositoryIdKey: input.repositoryIdKey
  })
  const skeleton: TrustCheck = {
    roleName: input.roleName,
    roleArn: input.roleArn,
    source: 'planned',
    providerArn: input.providerArn,
    issuerKey: input.issuerKey,
    jobs: intended.map((j) => ({ ...j, rows: j.claims.map((c) => ({ ...c, decision: NONE })) })),
    adversarial: adversarial.map((a) => ({ ...a, decision: NONE, widening: null })),
    widenings: input.widenings,
    failures: [],
    passed: false
  }
  return recheckTrust(skeleton, input.document, 'planned')
}

const NONE: TrustDecision = {
  decision: 'implicit-deny',
  allowed: false,
  statement: null,
  sid: null
}

/** The same claims evaluated against `document`. */
export function recheckTrust(
  check: TrustCheck,
  document: PolicyDocument,
  source: TrustCheck['source']
): TrustCheck {
  const decide = (claims: Claims): TrustDecision =>
    evaluateTrust(document, {
      principal: check.providerArn,
      action: ASSUME_ACTION,
      context: claimContext(claims, check.issuerKey)
    })
  const jobs = check.jobs.map((j) => ({
    file: j.file,
    job: j.job,
    rows: j.rows.map((r) => ({ run: r.run, claims: r.claims, decision: decide(r.claims) }))
  }))
  const adversarial = check.adversarial.map((a) => {
    const decision = decide(a.claims)
    const widening = decision.allowed ? listedWidening(a, check.widenings) : null
    return {
      kind: a.kind,
      run: a.run,
      repository: a.repository,
      claims: a.claims,
      decision,
      widening
    }
  })
  const failures: TrustFailure[] = [
    ...jobs.flatMap((j) =>
      j.rows
        .filter((r) => !r.decision.allowed)
        .map((r) => ({
          kind: 'intended-denied' as const,
          file: j.file,
          job: j.job,
          claims: r.claims
        }))
    ),
    ...adversarial
      .filter((a) => a.decision.allowed && a.widening === null)
      .map((a) => ({ kind: 'adversarial-allowed' as const, adversary: a.kind, claims: a.claims }))
  ]
  return { ...check, source, jobs, adversarial, failures, passed: failures.length === 0 }
}

/** The condition keys a token with these claims presents to STS. */
export function claimContext(claims: Claims, issuerKey: string): Record<string, string> {
  return {
    [`${issuerKey}:sub`]: claims.sub,
    [`${issuerKey}:aud`]: claims.aud,
    ...(claims.repositoryId === null ? {} : { [`${issuerKey}:repository_id`]: claims.repositoryId })
  }
}

/** Only a subject can be widened: the audience and the repository id never are. */
const WIDENABLE: ReadonlySet<AdversaryKind> = new Set([
  'other-branch',
  'excluded-branch',
  'rejected-tag',
  'fork-pull-request',
  'other-environment'
])

function listedWidening(a: AdversarialClaim, widenings: readonly ListedWidening[]): string | null {
  if (!WIDENABLE.has(a.kind)) return null
  return widenings.find((w) => likeMatches(w.pattern, a.claims.sub))?.pattern ?? null
}
