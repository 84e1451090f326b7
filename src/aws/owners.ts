/**
 * Who owns each access key: `sts:GetAccessKeyInfo` gives the account, `iam:GetAccessKeyLastUsed`
 * the user and the last use (a `user:NAME` line names the user: its one active key is the key). A key of another account, a deleted or unknown key is an error for
 * that pair only; the other pairs go on.
 */
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand } from '@aws-sdk/client-iam'
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { errorMessage } from '../errors.js'
import type { AwsApi } from './clients.js'
import type { CallerIdentity, KeyRef, OwnerLookup } from './plan/facts.js'

/** What to do about a key of an account the run has no credentials for. */
function otherAccountHint(account: string): string {
  const line = /^\d{12}$/.test(account) ? account : 'ACCOUNT_ID'
  return `add a line ${line}=ROLE_ARN to the accounts input (an administrator role there that these credentials may assume), or run the migration with credentials of account ${account}`
}

/** `sts:GetCallerIdentity`: the account and partition of the administrator credentials. */
export async function getCallerIdentity(api: AwsApi): Promise<CallerIdentity> {
  let answer
  try {
    answer = await api.sts.send(new GetCallerIdentityCommand({}))
  } catch (error) {
    throw new Error(
      `could not identify the AWS credentials (sts:GetCallerIdentity): ${errorMessage(error)}. Set administrator credentials before this step, e.g. with aws-actions/configure-aws-credentials.`,
      { cause: error }
    )
  }
  const arn = answer.Arn ?? ''
  const accountId = answer.Account ?? arn.split(':')[4] ?? ''
  if (!/^\d{12}$/.test(accountId)) {
    throw new Error(`sts:GetCallerIdentity returned no account id (ARN '${arn}')`)
  }
  return { accountId, arn, partition: arn.split(':')[1] || 'aws' }
}

/** Resolves one key; never throws for a problem of this key alone. */
export async function resolveKeyOwner(
  api: AwsApi,
  given: KeyRef,
  caller: CallerIdentity
): Promise<OwnerLookup> {
  let key = given
  if (given.accountId !== undefined && given.accountId !== caller.accountId) {
    return {
      ok: false,
      secretName: given.secretName,
      accessKeyId: '',
      error: `${given.secretName} names user:${given.accountId}:${given.userName ?? ''} of AWS account ${given.accountId}, but the credentials are for account ${caller.accountId}; ${otherAccountHint(given.accountId)}`
    }
  }
  if (given.userName !== undefined) {
    const found = await userKey(api, given.userName, caller)
    if (typeof found !== 'string') {
      return {
        ok: false,
        secretName: given.secretName,
        accessKeyId: '',
        error: `${given.secretName} names user:${given.userName}, but ${found.error}`
      }
    }
    key = { ...given, accessKeyId: found }
  }
  const fail = (error: string): OwnerLookup => ({
    ok: false,
    secretName: key.secretName,
    accessKeyId: key.accessKeyId,
    error
  })
  const name = `the key in secret ${key.secretName}`
  if (key.accessKeyId.startsWith('ASIA')) {
    return fail(
      `${name} is a temporary (session) key, not a long-lived access key; there is no IAM user to migrate`
    )
  }
  // Known already when the pair was routed to its account (`planAwsMigration` with accounts).
  let accountId = key.accountId ?? ''
  try {
    if (key.accountId === undefined) {
      const info = await api.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: key.accessKeyId }))
      accountId = info.Account ?? ''
    }
  } catch (error) {
    return fail(`could not look up ${name} (sts:GetAccessKeyInfo): ${errorMessage(error)}`)
  }
  if (accountId !== caller.accountId) {
    return fail(
      `${name} belongs to AWS account ${accountId || '(unknown)'}, but the administrator credentials are for account ${caller.accountId}; ${otherAccountHint(accountId || 'that owns the key')}`
    )
  }
  try {
    const used = await api.iam.send(
      new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId })
    )
    if (!used.UserName) {
      return fail(`${name} has no IAM user (a root user key?); root keys cannot be migrated`)
    }
    const last = used.AccessKeyLastUsed
    return {
      ok: true,
      owner: {
        secretName: key.secretName,
        accessKeyId: key.accessKeyId,
        accountId,
        userName: used.UserName,
        lastUsed: {
          date: last?.LastUsedDate ? last.LastUsedDate.toISOString() : null,
          serviceName: notApplicable(last?.ServiceName),
          region: notApplicable(last?.Region)
        }
      }
    }
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity') {
      return fail(
        `${name} does not exist in account ${caller.accountId}: it was deleted, or the secret holds a wrong value`
      )
    }
    return fail(`could not look up ${name} (iam:GetAccessKeyLastUsed): ${errorMessage(error)}`)
  }
}

/**
 * The one active access key of an IAM user named in a `keys` line (`iam:ListAccessKeys`): the
 * key the secret must hold. None, several, or no such user is an error for that line.
 */
async function userKey(
  api: AwsApi,
  userName: string,
  caller: CallerIdentity
): Promise<string | { readonly error: string }> {
  let keys
  try {
    keys = (await api.iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata
  } catch (error) {
    const name = errorName(error)
    if (name === 'NoSuchEntityException' || name === 'NoSuchEntity') {
      return { error: `account ${caller.accountId} has no IAM user ${userName}` }
    }
    return { error: `could not list its access keys (iam:ListAccessKeys): ${errorMessage(error)}` }
  }
  const active = (keys ?? []).filter((k) => k.Status === 'Active' && k.AccessKeyId)
  if (active.length === 1) return active[0]!.AccessKeyId!
  return {
    error:
      active.length === 0
        ? `IAM user ${userName} has no active access key: there is nothing to migrate`
        : `IAM user ${userName} has ${active.length} active access keys, so which one the secret holds is unknown; give the key id (SECRET=\${{ secrets.SECRET }}) from a job that can read the secret`
  }
}

/** Resolves every key, one after the other (a handful of keys; no burst on IAM). */
export async function resolveKeyOwners(
  api: AwsApi,
  keys: readonly KeyRef[],
  caller: CallerIdentity
): Promise<OwnerLookup[]> {
  const result: OwnerLookup[] = []
  for (const key of keys) result.push(await resolveKeyOwner(api, key, caller))
  return result
}

function notApplicable(value: string | undefined): string | null {
  return value && value !== 'N/A' ? value : null
}

/** The SDK error name (`NoSuchEntityException`, `AccessDenied`, ...). */
export function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : ''
}
