/**
 * The `keys` input: one line per key pair to migrate. `SECRET=ACCESS_KEY_ID` names the secret
 * that holds the pair's access key id; `ENV/SECRET=...` the secret of that name in environment
 * ENV (a job in ENV reads it; other jobs read the unscoped line); `SECRET=user:NAME` gives the IAM
 * user in place of the key id (an environment's secret can be read only by a job of that
 * environment, and a job output holding a secret is dropped: `mode: plan` outputs `key-owners`,
 * the lines with user names, for a later job to migrate from); `SECRET=user:ACCOUNT_ID:NAME`
 * names a user of another account of the `accounts` input.
 */
import type { KeyRef } from '../aws/plan/facts.js'
import { keyScope } from '../aws/plan/facts.js'
import { InputError } from '../errors.js'

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/
/** IAM user names: 1 to 64 of letters, digits and `+=,.@_-`. */
const USER_NAME = /^[\w+=,.@-]{1,64}$/
/** GitHub environment names: at most 255 characters (no line breaks, not blank). */
const MAX_ENVIRONMENT = 255

/**
 * Parses the lines. Every key id is handed to `mask` before it can appear anywhere (user names
 * are not secret and are not masked); errors name the line number, never the value.
 */
export function parseKeys(raw: string, mask: (value: string) => void): KeyRef[] {
  const result: KeyRef[] = []
  const seen = new Map<string, number>()
  raw.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim()
    if (!trimmed || trimmed.startsWith('#')) return
    const eq = trimmed.indexOf('=')
    const value = eq >= 0 ? trimmed.slice(eq + 1).trim() : trimmed
    if (value && !value.startsWith('user:')) mask(value)
    if (eq <= 0) {
      throw new InputError(
        'keys',
        `line ${i + 1} is not SECRET_NAME=ACCESS_KEY_ID (one per line, e.g. AWS_ACCESS_KEY_ID=\${{ secrets.AWS_ACCESS_KEY_ID }}, or ENVIRONMENT/SECRET_NAME=... for an environment's secret)`
      )
    }
    const name = trimmed.slice(0, eq).trim()
    const { environment, secret } = keyScope({ secretName: name })
    if (!SECRET_NAME.test(secret)) {
      throw new InputError(
        'keys',
        `line ${i + 1}: '${secret}' is not a secret name (letters, digits and _, not starting with a digit)`
      )
    }
    if (
      environment !== null &&
      (environment.trim() === '' || environment.length > MAX_ENVIRONMENT)
    ) {
      throw new InputError(
        'keys',
        `line ${i + 1}: '${name}' names no environment before the '/' (ENVIRONMENT/SECRET_NAME, an environment name of 1 to ${MAX_ENVIRONMENT} characters)`
      )
    }
    const key = keyValue(value, name, i + 1)
    // GitHub compares secret and environment names without regard to case.
    const id = name.toLowerCase()
    const first = seen.get(id)
    if (first !== undefined) {
      throw new InputError(
        'keys',
        `line ${i + 1}: ${name} is given twice (also on line ${first}); give each secret once, or scope a line to an environment (ENVIRONMENT/${secret}=...)`
      )
    }
    seen.set(id, i + 1)
    result.push({ secretName: name, ...key })
  })
  return result
}

function keyValue(value: string, name: string, line: number): Omit<KeyRef, 'secretName'> {
  if (value.startsWith('user:')) {
    const given = value.slice('user:'.length).trim()
    const account = /^(\d{12}):(.*)$/.exec(given)
    const userName = account ? account[2]! : given
    if (!USER_NAME.test(userName)) {
      throw new InputError(
        'keys',
        `line ${line} (${name}): '${userName}' is not an IAM user name (1 to 64 letters, digits and +=,.@_-; user:ACCOUNT_ID:NAME for a user of another account)`
      )
    }
    return { accessKeyId: '', userName, ...(account ? { accountId: account[1]! } : {}) }
  }
  if (!ACCESS_KEY_ID.test(value)) {
    throw new InputError(
      'keys',
      `line ${line} (${name}): the value is not an access key id (16 to 128 upper-case letters and digits, e.g. AKIA...) nor user:IAM_USER_NAME. Was the secret empty (an environment's secret is read only in a job of that environment), or is it the secret access key?`
    )
  }
  return { accessKeyId: value }
}
