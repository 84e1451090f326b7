/**
 * What a user's key used, as the plan shows it (pure): every service the user's policies grant
 * (from IAM's last accessed report, which lists them all), its last use or none in the tracking
 * period, the policies that grant it, the tracked actions never used, and the jobs of the key
 * whose `run:` commands name the service (`aws s3 ...`, `@aws-sdk/client-s3`, `boto3.client('s3')`),
 * so that a reviewer sees what a rare job may still need.
 */
import { parse } from 'yaml'
import type { Finding, WorkflowFile } from '../../workflows/findings.js'
import type { UsageFacts, UserInventory } from './facts.js'
import { sourceDocuments, statementServices, type RightSizing } from './right-size.js'

export interface JobRef {
  readonly file: string
  readonly job: string
}

export interface ServiceGrant {
  /** The service prefix (`s3`). */
  readonly namespace: string
  readonly name: string
  /** ISO time of the last use; null when never used in the tracking period. */
  readonly lastUsed: string | null
  readonly region: string | null
  /** The policies (plan source names) whose Allow statements grant something of it. */
  readonly grantedBy: readonly string[]
  /** Tracked actions (`s3:CreateBucket`) never used; empty when IAM does not track actions. */
  readonly unusedActions: readonly string[]
  /** Jobs of the key whose commands name the service. */
  readonly jobs: readonly JobRef[]
}

export type UserUsage =
  | {
      readonly status: 'available'
      readonly userName: string
      readonly userArn: string
      /** ISO time IAM completed the report. */
      readonly generatedAt: string
      /** Every granted service, used ones first, each group by prefix. */
      readonly services: readonly ServiceGrant[]
    }
  | {
      readonly status: 'unavailable'
      readonly userName: string
      readonly userArn: string
      readonly cause: 'timeout' | 'failed' | 'error'
      readonly detail: string
    }

/** One user's usage with what the plan did with it: the renderers' record. */
export interface UsageRecord {
  readonly usage: UserUsage
  /** The new role of the user's pairs; null when none was planned. */
  readonly roleName: string | null
  /** `permissions: last-accessed`: what was reduced, or why it was copied; null for `copy`. */
  readonly rightSizing: RightSizing | null
}

/** Per user (pairs of one user share it), in plan order. */
export function usageRecords(
  pairs: readonly {
    readonly usage?: UserUsage
    readonly roles: readonly {
      readonly kind: string
      readonly roleName: string
      readonly rightSizing?: RightSizing
    }[]
  }[]
): UsageRecord[] {
  const records = new Map<string, UsageRecord>()
  for (const pair of pairs) {
    if (!pair.usage || records.has(pair.usage.userArn)) continue
    const role = pair.roles.find((r) => r.kind === 'new-role')
    records.set(pair.usage.userArn, {
      usage: pair.usage,
      roleName: role?.roleName ?? null,
      rightSizing: role?.rightSizing ?? null
    })
  }
  return [...records.values()]
}

/** The usage of one user, for the plan. */
export function summarizeUsage(
  inventory: UserInventory,
  usage: UsageFacts,
  jobs: ReadonlyMap<string, readonly JobRef[]>
): UserUsage {
  const who = { userName: inventory.name, userArn: inventory.arn }
  if (usage.status === 'unavailable') {
    return { status: 'unavailable', ...who, cause: usage.cause, detail: usage.detail }
  }
  const documents = sourceDocuments(inventory)
  const services = usage.services.map((s): ServiceGrant => {
    const ns = s.namespace.toLowerCase()
    const grantedBy = documents
      .filter((d) => d.document.Statement.some((st) => statementServices(st, [ns]).length > 0))
      .map((d) => d.source)
    const unused =
      s.lastAuthenticated !== null && s.actions
        ? s.actions.filter((a) => a.lastAccessed === null).map((a) => `${ns}:${a.name}`)
        : []
    return {
      namespace: ns,
      name: s.name,
      lastUsed: s.lastAuthenticated,
      region: s.region,
      grantedBy,
      unusedActions: unused.sort(),
      jobs: jobs.get(ns) ?? []
    }
  })
  const used = (g: ServiceGrant): number => (g.lastUsed === null ? 1 : 0)
  services.sort((a, b) => used(a) - used(b) || cmp(a.namespace, b.namespace))
  return { status: 'available', ...who, generatedAt: usage.generatedAt, services }
}

/** CLI command names whose IAM service prefix differs. */
const CLI_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['s3api', 's3'],
  ['deploy', 'codedeploy'],
  ['elbv2', 'elasticloadbalancing'],
  ['elb', 'elasticloadbalancing'],
  ['configservice', 'config'],
  ['stepfunctions', 'states'],
  ['apigatewayv2', 'apigateway'],
  ['ecr-public', 'ecr-public'],
  ['opensearch', 'es'],
  ['emr', 'elasticmapreduce'],
  ['application-autoscaling', 'application-autoscaling'],
  ['ses', 'ses'],
  ['sesv2', 'ses'],
  ['cognito-idp', 'cognito-idp'],
  ['eventbridge', 'events'],
  ['cloudwatch', 'cloudwatch'],
  ['route53domains', 'route53domains']
])

/** SDK client and CLI names in a command text, as IAM service prefixes. */
export function servicesNamed(text: string): Set<string> {
  const found = new Set<string>()
  const add = (raw: string): void => {
    const name = raw.toLowerCase()
    found.add(CLI_PREFIXES.get(name) ?? name)
  }
  for (const m of text.matchAll(
    /(?:^|[\s;&|(`$])aws\s+(?:(?:--(?:region|profile|output|endpoint-url|query|color)(?:=|\s+)\S+|--[\w-]+)\s+)*([a-z][\w-]*)/g
  )) {
    if (m[1]) add(m[1])
  }
  for (const m of text.matchAll(/@aws-sdk\/client-([a-z][\w-]*)/g)) if (m[1]) add(m[1])
  for (const m of text.matchAll(/boto3\.(?:client|resource)\(\s*['"]([a-z][\w-]*)['"]/g)) {
    if (m[1]) add(m[1])
  }
  for (const m of text.matchAll(/aws-sdk\/clients\/([a-z][\w-]*)/g)) if (m[1]) add(m[1])
  return found
}

/**
 * Service prefix -> the jobs among `uses` whose `run:` commands name it. Files that do not parse
 * are skipped (the scan reports them).
 */
export function jobsNamingServices(
  files: readonly WorkflowFile[],
  uses: readonly Finding[]
): Map<string, JobRef[]> {
  const byService = new Map<string, JobRef[]>()
  const wanted = new Map<string, Set<string>>()
  for (const f of uses) {
    if (f.job === null) continue
    wanted.set(f.file, (wanted.get(f.file) ?? new Set()).add(f.job))
  }
  for (const file of files) {
    const jobs = wanted.get(file.path)
    if (!jobs) continue
    const tree = parseQuietly(file.text)
    for (const job of [...jobs].sort()) {
      for (const ns of servicesNamed(runCommands(tree, job))) {
        const list = byService.get(ns) ?? []
        list.push({ file: file.path, job })
        byService.set(ns, list)
      }
    }
  }
  return byService
}

function parseQuietly(text: string): unknown {
  try {
    return parse(text, { logLevel: 'silent' }) as unknown
  } catch {
    return null
  }
}

/** Every `run:` of the job's steps, one per line. */
function runCommands(tree: unknown, job: string): string {
  const jobs = field(tree, 'jobs')
  const steps = field(field(jobs, job), 'steps')
  if (!Array.isArray(steps)) return ''
  return steps
    .map((s) => field(s, 'run'))
    .filter((r): r is string => typeof r === 'string')
    .join('\n')
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
