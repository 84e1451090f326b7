/**
 * Facts around a key use that change what may be done with it: an S3-compatible endpoint that
 * is not AWS, a China or GovCloud region, a generated file, an env map that configures a
 * program rather than the runner's AWS login.
 */
import { nonAwsName } from './key-names.js'
import type { KeyUse } from './key-uses.js'
import type { SiteContext } from './sites.js'

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

/**
 * Whether the keys are for an S3-compatible service other than AWS: an R2 / MinIO / ... name on
 * a secret or variable, or a non-AWS endpoint in the env maps or inputs in scope.
 */
export function nonAws(ctx: SiteContext, uses: readonly KeyUse[]): boolean {
  for (const u of uses) {
    if (u.secret !== null && nonAwsName(u.secret)) return true
    if (u.site.name !== null && nonAwsName(u.site.name)) return true
    if (u.via === 'env' && nonAwsName(u.detail)) return true
  }
  for (const scope of ctx.envScopes) {
    for (const [name, v] of scope.values) {
      if (endpointHint(name, v.text, v.refs.secrets.length > 0)) return true
    }
  }
  for (const [name, text] of ctx.withText) {
    if (endpointHint(name, text, false)) return true
  }
  return false
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
    const region = (r ?? '').trim()
    if (/^cn-/i.test(region)) return 'aws-cn'
    if (/^us-gov-/i.test(region)) return 'aws-us-gov'
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
