/**
 * The clients of each further AWS account of a migration (the `accounts` input): the action
 * assumes the account's administrator role from its base credentials (`sts:AssumeRole`, a
 * session name naming the action and the run) and acts in that account with the role's
 * credentials. Each role is assumed once per run, when a key pair of its account is met.
 */
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { errorMessage } from '../errors.js'
import { createAwsClients, type AwsApi } from './clients.js'
import { getCallerIdentity } from './owners.js'

export interface AccountClients {
  /** Account id -> the role assumed there (the `accounts` input). */
  readonly roles: ReadonlyMap<string, string>
  /** The clients acting in the account; rejects with a message naming the role and the input. */
  clientsFor(accountId: string): Promise<AwsApi>
}

/** No further account: every pair is planned with the base credentials. */
export const NO_OTHER_ACCOUNTS: AccountClients = {
  roles: new Map(),
  clientsFor: (accountId) => Promise.reject(notListed(accountId))
}

function notListed(accountId: string): Error {
  return new Error(`account ${accountId} is not in the accounts input`)
}

export interface AccountClientOptions {
  /** The `role-session-name` of every assumed role (`sessionName`, src/settings/accounts.ts). */
  readonly sessionName: string
  /** Masks a value in the log before anything could print it (the runner's `add-mask`). */
  readonly mask?: (value: string) => void
  /** Attempts per call of the assumed clients (default that of `createAwsClients`). */
  readonly maxAttempts?: number
}

/** Clients that assume each account's role from `base` (one session per account and run). */
export function assumeRoleClients(
  base: AwsApi,
  roles: ReadonlyMap<string, string>,
  options: AccountClientOptions
): AccountClients {
  const known = new Map<string, Promise<AwsApi>>()
  return {
    roles,
    clientsFor(accountId) {
      const roleArn = roles.get(accountId)
      if (roleArn === undefined) return Promise.reject(notListed(accountId))
      const clients = known.get(accountId) ?? assume(base, roleArn, options)
      known.set(accountId, clients)
      return clients
    }
  }
}

async function assume(
  base: AwsApi,
  roleArn: string,
  options: AccountClientOptions
): Promise<AwsApi> {
  let answer
  try {
    answer = await base.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: options.sessionName,
        DurationSeconds: 3600
      })
    )
  } catch (error) {
    throw new Error(
      `could not assume ${roleArn} (accounts input) with the base credentials (sts:AssumeRole): ${errorMessage(error)}. The role must trust the base credentials and allow sts:AssumeRole from them.`,
      { cause: error }
    )
  }
  const c = answer.Credentials
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new Error(`sts:AssumeRole of ${roleArn} (accounts input) returned no credentials`)
  }
  // Never printed; masked all the same, as configure-aws-credentials masks what it gets.
  for (const value of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken]) options.mask?.(value)
  const clients = createAwsClients({
    region: base.region,
    endpoint: base.endpoint,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {})
    }
  })
  // Every read and write of the account goes through these: they must act in it.
  const { accountId } = await getCallerIdentity(clients)
  if (accountId !== roleArn.split(':')[4]) {
    throw new Error(
      `the session of ${roleArn} (accounts input) acts in account ${accountId}, not in the role's account`
    )
  }
  return clients
}
