/**
 * The `accounts` input: one line `ACCOUNT_ID=ROLE_ARN` per further AWS account, naming the
 * administrator role the action assumes there from its base credentials (`sts:AssumeRole`). A
 * key pair of such an account is resolved, planned and applied with that role's credentials.
 */
import { InputError } from '../errors.js'
import { ROLE_ARN } from '../formats.js'

const ACCOUNT_ID = /^\d{12}$/

/** Account id -> the role to assume there, in the order given. */
export function parseAccounts(raw: string): ReadonlyMap<string, string> {
  const accounts = new Map<string, string>()
  raw.split(/\r?\n/).forEach((text, i) => {
    const line = text.trim()
    if (!line || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const account = eq > 0 ? line.slice(0, eq).trim() : ''
    const role = eq > 0 ? line.slice(eq + 1).trim() : ''
    if (!ACCOUNT_ID.test(account) || !ROLE_ARN.test(role)) {
      throw new InputError(
        'accounts',
        `line ${i + 1} is not ACCOUNT_ID=ROLE_ARN (a 12-digit account id, then the ARN of the role to assume in it, e.g. 222233334444=arn:aws:iam::222233334444:role/migration-admin)`
      )
    }
    const roleAccount = role.split(':')[4]
    if (roleAccount !== account) {
      throw new InputError(
        'accounts',
        `line ${i + 1}: the role ${role} is in account ${roleAccount}, not ${account}; give the role of account ${account} that the action assumes there`
      )
    }
    if (accounts.has(account)) {
      throw new InputError('accounts', `line ${i + 1}: account ${account} is given twice`)
    }
    accounts.set(account, role)
  })
  return accounts
}

/**
 * The `role-session-name` of each assumed role: the action and the run
 * (`aws-keys-to-oidc-RUN_ID-ATTEMPT`, `aws-keys-to-oidc` outside a run), within STS's 64
 * characters of `[\w+=,.@-]`.
 */
export function sessionName(runId: string | undefined, attempt: string | undefined): string {
  const run = [runId, attempt].filter((p): p is string => !!p && /^\d+$/.test(p)).join('-')
  return `aws-keys-to-oidc${run ? `-${run}` : ''}`.slice(0, 64)
}
