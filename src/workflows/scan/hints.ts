/**
 * Facts around a key use that change what may be done with it: an S3-compatible endpoint that
 * is not AWS, a China or GovCloud region, a generated file, an env map that configures a
 * program rather than the runner's AWS login.
 */
import { nonAwsName } from '../key-names.js'
import type { KeyPair } from '../findings.js'
import type { KeyUse } from './key-uses.js'
import type { SiteContext } from './sites.js'
import { REGION_SOURCE } from '../../formats.js'

/** Env names of an S3 endpoint override (`AWS_ENDPOINT_URL`, `AWS_S3_ENDPOINT`, `TESTS__R2_ENDPOINT_URL`). */
const ENDPOINT = /(aws|s3|r2|minio).*endpoint|endpoint.*(aws|s3)/i

/**
 * An endpoint override that is not AWS: an S3-ish endpoint variable set from a secret, or any
 * endpoint variable with a literal URL that is not amazonaws.com and looks like object storage.
 */
function endpointHint(name: string, text: string | null, fromSecret: boolean): boolean {
  if (!/endpoint/i.test(name)) return false
  if (ENDPOINT.test(name) && fromSecret) return true
  const literal = text !== null && !text.includes('${{') ? text.trim() : ''
  if (literal === '' || /amazonaws\.com/i.test(literal)) return false
  return ENDPOINT.test(name) || /s3|r2|minio|storage/i.test(literal)
}

/** A secret named for AWS itself; `S3_*` names an S3-compatible store as well. */
const AWS_NAMED = /(^|[^a-z])aws([^a-z]|$)/i

/**
 * What the evidence for this pair says about its service: `non-aws` when the pair's own names
 * say R2 / MinIO / ..., or a non-AWS endpoint is in scope and no secret of the pair is named for
 * AWS; `ambiguous` (with the endpoint) when such an endpoint is in scope but the pair's secrets
 * are named for AWS (`AWS_CI_TEST_ACCESS_KEY_ID` beside a MinIO endpoint); null for AWS.
 */
export function awsVerdict(
  ctx: SiteContext,
  uses: readonly KeyUse[]
): { verdict: 'non-aws' } | { verdict: 'ambiguous'; endpoint: string } | null {
  for (const u of uses) {
    if (u.secret !== null && nonAwsName(u.secret)) return { verdict: 'non-aws' }
    if (u.site.name !== null && nonAwsName(u.site.name)) return { verdict: 'non-aws' }
    if (u.via === 'env' && nonAwsName(u.detail)) return { verdict: 'non-aws' }
  }
  const endpoint = endpointInScope(ctx)
  if (endpoint === null) return null
  const named = uses.some((u) => u.secret !== null && AWS_NAMED.test(u.secret))
  return named ? { verdict: 'ambiguous', endpoint } : { verdict: 'non-aws' }
}

/** The first endpoint variable or input in scope that points away from AWS, or null. */
function endpointInScope(ctx: SiteContext): string | null {
  for (const scope of ctx.envScopes) {
    for (const [name, v] of scope.values) {
      if (endpointHint(name, v.text, v.refs.secrets.length > 0)) return name
    }
  }
  for (const [name, text] of ctx.withText) {
    if (endpointHint(name, text, false)) return name
  }
  return null
}

/** A private ECR host (`<account>.dkr.ecr.<region>.amazonaws.com`); the region is captured. */
const ECR_PRIVATE = new RegExp(
  `^(?:\\$\\{\\{[^}]*\\}\\}|[^/\\s])+\\.dkr\\.ecr\\.(${REGION_SOURCE})\\.amazonaws\\.com(?:\\.cn)?$`
)
const ECR_PUBLIC = /^public\.ecr\.aws$/

/** The region of an ECR registry host (`us-east-1` for public ECR), or null when not ECR. */
export function ecrRegion(registry: string | null): string | null {
  if (registry === null) return null
  const host = registry.trim()
  if (ECR_PUBLIC.test(host)) return 'us-east-1'
  return ECR_PRIVATE.exec(host)?.[1] ?? null
}

const DOCKER_LOGIN = /^docker\/login-action@/i

/**
 * The ECR region when the uses are a docker/login-action step logging in to an ECR registry
 * (private host or public.ecr.aws) with exactly the pair: `username` the access key id and
 * `password` the secret access key, each a plain secret reference. The rewrite then puts a
 * configure-aws-credentials step before the login and drops the two inputs. Null otherwise.
 */
export function ecrLogin(ctx: SiteContext, pair: KeyPair, mine: readonly KeyUse[]): string | null {
  if (!DOCKER_LOGIN.test((ctx.step?.uses ?? '').trim())) return null
  const region = ecrRegion(ctx.withText.get('registry') ?? null)
  if (region === null || pair.accessKeyId === null || pair.secretAccessKey === null) return null
  if (pair.sessionToken !== null || mine.length !== 2) return null
  const input = (name: string, secret: string): boolean =>
    mine.some(
      (u) =>
        u.site.name === name &&
        u.via === 'secret' &&
        u.secret === secret &&
        u.site.refs.secrets.length === 1 &&
        u.site.refs.env.length + u.site.refs.dynamicSecrets.length === 0
    )
  return input('username', pair.accessKeyId) && input('password', pair.secretAccessKey)
    ? region
    : null
}

/** `aws-cn` or `aws-us-gov` for a China or GovCloud region, else null. */
export function regionPartition(region: string | null): 'aws-cn' | 'aws-us-gov' | null {
  const r = (region ?? '').trim()
  if (/^cn-/i.test(r)) return 'aws-cn'
  if (/^us-gov-/i.test(r)) return 'aws-us-gov'
  return null
}

/** `aws-cn` or `aws-us-gov` when the region in scope is a China or GovCloud region. */
export function partition(ctx: SiteContext): 'aws-cn' | 'aws-us-gov' | null {
  const regions = [ctx.withText.get('aws-region') ?? null]
  for (const scope of ctx.envScopes) {
    regions.push(
      scope.values.get('AWS_REGION')?.text ?? null,
      scope.values.get('AWS_DEFAULT_REGION')?.text ?? null
    )
  }
  for (const r of regions) {
    const p = regionPartition(r)
    if (p !== null) return p
  }
  return null
}

/**
 * How many other secrets the env map holding these uses passes: an env map that carries the
 * keys among many secrets configures a program or test suite, not just the AWS login.
 */
export function otherSecretsInMap(ctx: SiteContext, uses: readonly KeyUse[]): number {
  const own = ctx.envScopes[0]
  if (!own) return 0
  const keyEntries = new Set(uses.map((u) => u.site.name))
  let n = 0
  for (const [name, v] of own.values) {
    if (!keyEntries.has(name) && (v.refs.secrets.length > 0 || v.refs.dynamicSecrets.length > 0))
      n++
  }
  return n
}

/** Threshold of {@link otherSecretsInMap} from which an env map counts as program configuration. */
export const APP_CONFIG_SECRETS = 5

const GENERATED =
  /do not edit|don'?t edit|dont edit|auto-?generated|generated (?:by|from|automatically|with)|is synced from/i

/** The leading comment line saying the file is generated or synced from elsewhere, or null. */
export function generatedHeader(text: string): string | null {
  for (const raw of text.split('\n', 40)) {
    const line = raw.trim()
    if (line === '') continue
    if (!line.startsWith('#')) return null
    if (GENERATED.test(line)) return line.replace(/^#+\s*/, '')
  }
  return null
}
