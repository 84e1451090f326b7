/**
 * Typed findings as the scanner reports them, for the AWS tests: one configure-aws-credentials
 * step per job, with the job's triggers and environment.
 */
import type { Finding, Trigger } from '../../src/workflows/findings.js'
import { DEFAULT_SUBJECT_FORMAT, type SubjectFacts } from '../../src/workflows/subjects.js'

export const REPOSITORY: SubjectFacts = {
  owner: 'octo-org',
  repo: 'octo-repo',
  ownerId: 1001,
  repoId: 2002,
  defaultBranch: 'main',
  oidcSubject: DEFAULT_SUBJECT_FORMAT
}

export function trigger(event: string, filters: Partial<Omit<Trigger, 'event'>> = {}): Trigger {
  return {
    event,
    branches: null,
    branchesIgnore: null,
    tags: null,
    tagsIgnore: null,
    types: null,
    ...filters
  }
}

export interface UseOptions {
  readonly file: string
  readonly job: string
  readonly triggers: readonly Trigger[]
  readonly environment?: string | null
  readonly roleToAssume?: string | null
  readonly secretId?: string
  readonly secretKey?: string
}

/** A configure-aws-credentials finding for one job. */
export function keyUse(options: UseOptions): Finding {
  const id = options.secretId ?? 'AWS_ACCESS_KEY_ID'
  const key = options.secretKey ?? 'AWS_SECRET_ACCESS_KEY'
  return {
    file: options.file,
    line: 12,
    column: 30,
    job: options.job,
    step: { index: 1, name: 'Configure AWS', id: null, uses: 'aws-actions/configure-aws-credentials@v4' },
    kind: 'configure-aws-credentials',
    migration: 'automatic',
    code: 'cac',
    reason: 'configure-aws-credentials is given long-lived keys',
    secrets: [id, key].sort(),
    pair: { accessKeyId: id, secretAccessKey: key, sessionToken: null },
    path: ['jobs', options.job, 'steps', 1, 'with', 'aws-access-key-id'],
    roleToAssume: options.roleToAssume ?? null,
    triggers: options.triggers,
    environment: options.environment ?? null,
    permissions: { workflow: null, job: null }
  }
}

/** The deploy workflow of the tests: push to main and tags, a production job, pull requests. */
export function deployUses(secretId = 'AWS_ACCESS_KEY_ID'): Finding[] {
  return [
    keyUse({
      file: '.github/workflows/deploy.yml',
      job: 'deploy',
      triggers: [trigger('push', { branches: ['main'], tags: ['v*'] })],
      secretId
    }),
    keyUse({
      file: '.github/workflows/deploy.yml',
      job: 'production',
      triggers: [trigger('push', { branches: ['main'], tags: ['v*'] })],
      environment: 'production',
      secretId
    }),
    keyUse({
      file: '.github/workflows/ci.yml',
      job: 'test',
      triggers: [trigger('pull_request')],
      secretId
    })
  ]
}
