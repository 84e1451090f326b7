/**
 * The Actions secrets `mode: cleanup` reads and deletes: repository secrets, environment
 * secrets, and the organisation secrets the repository can see (read only: listed as
 * follow-ups, deleted only with `delete-org-secrets` and when no other repository sees them).
 * `mode: migrate` (and `plan` with `keys`) reads the same names to tell where each job's
 * secrets are defined (`readSecretListing`). Secret values are never readable; only names are
 * handled. A secret already gone counts as deleted.
 */
import type {
  EnvironmentSecrets,
  OrgSecretRef,
  SecretListing,
  SecretRef
} from '../migration/secret-sources.js'
import type { RepositoryRef } from '../workflows/repository.js'
import { wrapError } from '../errors.js'
import { httpStatus } from './http-errors.js'
import type { Octokit } from './octokit.js'
import { explainWriteRefusal } from './token-capability.js'

/** Every repository secret and every environment secret of the repository, by name. */
export async function listRepositorySecrets(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  environments: readonly string[]
): Promise<SecretRef[]> {
  try {
    const repository = await octokit.paginate(octokit.rest.actions.listRepoSecrets, {
      owner,
      repo,
      per_page: 100
    })
    const found: SecretRef[] = repository.map((s) => ({
      scope: 'repository',
      environment: null,
      name: s.name
    }))
    for (const environment of environments) {
      const list = await octokit.paginate(octokit.rest.actions.listEnvironmentSecrets, {
        owner,
        repo,
        environment_name: environment,
        per_page: 100
      })
      found.push(...list.map((s) => ({ scope: 'environment' as const, environment, name: s.name })))
    }
    return found
  } catch (error) {
    throw wrapError(
      `could not list the Actions secrets of ${owner}/${repo} (the token needs secrets read, and environments read for environment secrets)`,
      error
    )
  }
}

/**
 * The names of the repository's secrets, of each environment's, and the organisation secrets
 * the repository can see, for the plan of a migration. A place the token may not list (the
 * workflow's GITHUB_TOKEN has no secrets permission: 403, or 404) is null, not a failure; an
 * environment that does not exist (404 while the repository's list was readable) holds none.
 */
export async function readSecretListing(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  environments: readonly string[],
  keySecrets?: readonly string[]
): Promise<SecretListing> {
  const what = `the Actions secrets of ${owner}/${repo}`
  const repository = await unlessRefused(what, () =>
    octokit.paginate(octokit.rest.actions.listRepoSecrets, { owner, repo, per_page: 100 })
  )
  const listed: EnvironmentSecrets[] = []
  for (const environment of environments) {
    const list = await unlessRefused(
      `the secrets of environment ${environment} of ${owner}/${repo}`,
      () =>
        octokit.paginate(octokit.rest.actions.listEnvironmentSecrets, {
          owner,
          repo,
          environment_name: environment,
          per_page: 100
        }),
      repository === null ? null : []
    )
    listed.push({ environment, secrets: list?.map((s) => s.name) ?? null })
  }
  return {
    repository: repository?.map((s) => s.name) ?? null,
    environments: listed,
    organization: await readOrganizationSecrets(octokit, { owner, repo }, keySecrets)
  }
}

/** The list, or null when refused (403); a 404 gives `notFound`. Other failures are thrown. */
async function unlessRefused<T>(
  what: string,
  read: () => Promise<T[]>,
  notFound: T[] | null = null
): Promise<T[] | null> {
  try {
    return await read()
  } catch (error) {
    const status = httpStatus(error)
    if (status === 403) return null
    if (status === 404) return notFound
    throw wrapError(`could not list ${what}`, error)
  }
}

/**
 * The organisation secrets the repository can see (`GET .../actions/organization-secrets`), each
 * with the repositories that can see it when its visibility is `selected` and the token may
 * read that; an empty list when the repository has no organisation or the token may not look.
 */
export async function listOrganizationSecrets(
  octokit: Octokit,
  repository: RepositoryRef
): Promise<OrgSecretRef[]> {
  return (await readOrganizationSecrets(octokit, repository)) ?? []
}

/**
 * As `listOrganizationSecrets`, but null when the token may not list them (403, 404). With
 * `only` (the key secrets of a migration), only those are read in detail; the others are listed
 * by name, their visibility `unknown`. One secret after the other: no burst on the API.
 */
async function readOrganizationSecrets(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  only?: readonly string[]
): Promise<OrgSecretRef[] | null> {
  let list: { name: string }[]
  try {
    list = await octokit.paginate(octokit.rest.actions.listRepoOrganizationSecrets, {
      owner,
      repo,
      per_page: 100
    })
  } catch (error) {
    const status = httpStatus(error)
    if (status === 404 || status === 403) return null
    throw wrapError(`could not list the organisation secrets ${owner}/${repo} can see`, error)
  }
  const wanted = only && new Set(only.map((n) => n.toUpperCase()))
  const secrets: OrgSecretRef[] = []
  for (const s of list) {
    secrets.push(
      wanted && !wanted.has(s.name.toUpperCase())
        ? { name: s.name, visibility: 'unknown', repositories: null }
        : await orgSecretDetail(octokit, owner, s.name)
    )
  }
  return secrets
}

/** Who can see an organisation secret; `unknown` when the token may not read the organisation's. */
async function orgSecretDetail(octokit: Octokit, org: string, name: string): Promise<OrgSecretRef> {
  try {
    const { visibility } = (await octokit.rest.actions.getOrgSecret({ org, secret_name: name }))
      .data
    if (visibility !== 'selected') return { name, visibility, repositories: null }
    const repos = await octokit.paginate(octokit.rest.actions.listSelectedReposForOrgSecret, {
      org,
      secret_name: name,
      per_page: 100
    })
    return { name, visibility, repositories: repos.map((r) => r.full_name) }
  } catch {
    // The token may see the secret through the repository but not read the organisation's.
    return { name, visibility: 'unknown', repositories: null }
  }
}

/** Deletes one secret; gone already is done. Refusals name the token needed. */
export async function deleteSecret(
  octokit: Octokit,
  { owner, repo }: RepositoryRef,
  secret: SecretRef
): Promise<void> {
  const what =
    secret.scope === 'repository'
      ? `delete the repository secret ${secret.name}`
      : `delete the secret ${secret.name} of environment ${secret.environment ?? '?'}`
  try {
    if (secret.scope === 'repository') {
      await octokit.rest.actions.deleteRepoSecret({ owner, repo, secret_name: secret.name })
    } else {
      await octokit.rest.actions.deleteEnvironmentSecret({
        owner,
        repo,
        environment_name: secret.environment ?? '',
        secret_name: secret.name
      })
    }
  } catch (error) {
    if (httpStatus(error) === 404 && (await secretGone(octokit, { owner, repo }, secret))) return
    throw explainWriteRefusal(error, what) ?? wrapError(`could not ${what}`, error)
  }
}

/** Deletes an organisation secret the plan found seen by this repository only. */
export async function deleteOrgSecret(octokit: Octokit, org: string, name: string): Promise<void> {
  try {
    await octokit.rest.actions.deleteOrgSecret({ org, secret_name: name })
  } catch (error) {
    if (httpStatus(error) === 404) return
    throw wrapError(`could not delete the organisation secret ${name} of ${org}`, error)
  }
}

/** A 404 on delete: gone, or no access? The list tells. */
async function secretGone(
  octokit: Octokit,
  repository: RepositoryRef,
  secret: SecretRef
): Promise<boolean> {
  try {
    const now = await listRepositorySecrets(
      octokit,
      repository,
      secret.environment === null ? [] : [secret.environment]
    )
    return !now.some(
      (s) =>
        s.scope === secret.scope && s.environment === secret.environment && s.name === secret.name
    )
  } catch {
    return false
  }
}
