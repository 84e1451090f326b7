/**
 * What a name says about AWS key material: the role of an env variable, action input or
 * secret name (access key id, secret access key, session token), and pairing the id with its
 * secret in one scope. Pure string work.
 */
import type { KeyPair } from './findings.js'

export type KeyRole = 'id' | 'secret' | 'token'

/** The env variables the AWS SDKs and CLI read as the runner's own credentials. */
export const STANDARD_ENV: Readonly<Record<string, KeyRole>> = {
  AWS_ACCESS_KEY_ID: 'id',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token'
}

/** The key inputs of aws-actions/configure-aws-credentials. */
export const CAC_INPUTS: Readonly<Record<string, KeyRole>> = {
  'aws-access-key-id': 'id',
  'aws-secret-access-key': 'secret',
  'aws-session-token': 'token'
}

const TOKEN = /session[_-]?token/i
const SECRET = /secret[_-]?access[_-]?key|aws.*secret[_-]?key|(?<![a-z])secret[_-]?ak(?![a-z])/i
const ID =
  /access[_-]?key[_-]?id|aws.*access[_-]?key|aws[_-]?key[_-]?id|(?<![a-z])ak[_-]?id(?![a-z])/i
/** Keys of other clouds that look like AWS names (`ALIBABACLOUD_ACCESS_KEY_ID`, Azure storage keys). */
const OTHER_CLOUD =
  /alibaba|alicloud|aliyun|azure|gcp|google|tencent|qcloud|huawei|(?<![a-z])(oci|ibm|oss|obs|cos|volc)(?![a-z])/i

/**
 * The key role a name suggests on its own (`PROD_AWS_ACCESS_KEY_ID` -> id,
 * `aws_secret_key` -> secret), or null. Deliberately narrow: `AWS_S3_BUCKET`, `AWS_REGION`,
 * `AWS_ROLE_ARN`, `AWS_KMS_KEY_ID` are not key material.
 */
export function roleFromName(name: string): KeyRole | null {
  if (OTHER_CLOUD.test(name)) return null
  if (TOKEN.test(name)) return /aws|s3/i.test(name) ? 'token' : null
  if (SECRET.test(name)) return 'secret'
  if (ID.test(name)) return 'id'
  return null
}

/**
 * The role of an action input or env name that receives key material, looser than
 * {@link roleFromName} because the value is known to be a secret: `secret_key`, `access_key`,
 * `key_id` under an action's `with:`.
 */
export function roleFromSinkName(name: string): KeyRole | null {
  if (OTHER_CLOUD.test(name)) return null
  const strict = roleFromName(name)
  if (strict) return strict
  if (/(^|[_-])session[_-]?token$/i.test(name)) return 'token'
  if (/(^|[_-])(secret[_-]?key|secret[_-]?access[_-]?key)$/i.test(name)) return 'secret'
  if (/(^|[_-])(access[_-]?key|key[_-]?id)$/i.test(name)) return 'id'
  return null
}

/** A word that ties a name to AWS (`DEV_AWS_S3_SECRET`, `--aws_s3_secret`, `TF_AWS_KEY`). */
const AWS_WORD = /(^|[^a-z])(aws|s3|iam)([^a-z]|$)/i
/** Key-like names that are not AWS access keys even when AWS-named (`AWS_KMS_KEY_ID`). */
const NOT_ACCESS_KEY = /kms|ssh|gpg|pgp|sign|deploy[_-]?key|license|bucket|region|arn|role/i

/** Whether a name carries an AWS word (evidence that a secret-like value is an AWS key). */
export function awsWord(name: string): boolean {
  return AWS_WORD.test(name) && !OTHER_CLOUD.test(name)
}

/**
 * The role of a command-line flag or secret name on a command line, looser than
 * {@link roleFromName} but only with an AWS word in the name: `--aws_s3_secret` and
 * `DEV_AWS_S3_SECRET` -> secret, `aws_access_key` and `TF_AWS_KEY` -> id. Null otherwise.
 */
export function roleFromArgName(name: string): KeyRole | null {
  const strict = roleFromName(name)
  if (strict) return strict
  if (!awsWord(name) || NOT_ACCESS_KEY.test(name)) return null
  if (/secret/i.test(name)) return 'secret'
  if (/access[_-]?key|key[_-]?id|(^|[^a-z])key([^a-z]|$)/i.test(name)) return 'id'
  return null
}

/** Names that point at an S3-compatible service other than AWS. */
const NON_AWS_NAME =
  /(^|[^a-z0-9])(r2|minio|cloudflare|wasabi|backblaze|b2|digitalocean|do[_-]?spaces|linode|scaleway|ceph)([^a-z0-9]|$)/i

export function nonAwsName(name: string): boolean {
  return NON_AWS_NAME.test(name)
}

/** The name with its role words removed, to match `X_ACCESS_KEY_ID` with `X_SECRET_ACCESS_KEY`. */
function stem(name: string, role: KeyRole): string {
  const n = name.toUpperCase().replace(/-/g, '_')
  const words: Record<KeyRole, RegExp[]> = {
    id: [/ACCESS_?KEY_?ID/, /ACCESS_?KEY/, /KEY_?ID/, /AK_?ID/, /_ID$/, /ID/],
    secret: [/SECRET_?ACCESS_?KEY/, /SECRET_?KEY/, /SECRET_?AK/, /SECRET/, /_KEY$/, /KEY/],
    token: [/SESSION_?TOKEN/, /TOKEN/]
  }
  for (const w of words[role]) if (w.test(n)) return n.replace(w, '')
  return n
}

export interface RoledName {
  readonly name: string
  readonly role: KeyRole
}

/**
 * Groups the key secrets of one scope into pairs. One id and one secret (and at most one
 * token) form a single pair whatever their names; otherwise names are matched by their stem
 * (`DEV_AWS_ACCESS_KEY_ID` with `DEV_AWS_SECRET_ACCESS_KEY`), and what stays unmatched gets a
 * pair with null sides. Pairs come in order of their first name.
 */
export function pairUp(names: readonly RoledName[]): KeyPair[] {
  const unique: RoledName[] = []
  for (const n of names) {
    if (!unique.some((u) => u.name === n.name && u.role === n.role)) unique.push(n)
  }
  const count = (role: KeyRole): number => unique.filter((u) => u.role === role).length
  if (count('id') <= 1 && count('secret') <= 1 && count('token') <= 1) {
    if (unique.length === 0) return []
    return [
      {
        accessKeyId: unique.find((u) => u.role === 'id')?.name ?? null,
        secretAccessKey: unique.find((u) => u.role === 'secret')?.name ?? null,
        sessionToken: unique.find((u) => u.role === 'token')?.name ?? null
      }
    ]
  }
  type Mutable = {
    accessKeyId: string | null
    secretAccessKey: string | null
    sessionToken: string | null
  }
  const groups = new Map<string, Mutable>()
  for (const u of unique) {
    const key = stem(u.name, u.role)
    const field =
      u.role === 'id' ? 'accessKeyId' : u.role === 'secret' ? 'secretAccessKey' : 'sessionToken'
    const existing = groups.get(key)
    if (existing && existing[field] === null) {
      existing[field] = u.name
      continue
    }
    const fresh: Mutable = { accessKeyId: null, secretAccessKey: null, sessionToken: null }
    fresh[field] = u.name
    groups.set(existing ? `${key}#${groups.size}` : key, fresh)
  }
  return [...groups.values()]
}

/** Secret names of a pair, sorted and unique. */
export function pairSecrets(pair: KeyPair): string[] {
  return sortedUnique(
    [pair.accessKeyId, pair.secretAccessKey, pair.sessionToken].filter(
      (s): s is string => s !== null
    )
  )
}

export function sortedUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort()
}
