/**
 * The inputs of `mode: discover`, validated once (the values come from `src/inputs.ts`, which
 * reads every input; defaults live in action.yml only). The organisation is required only when
 * the mode is discover; the filter is a pattern on repository names with the syntax of workflow
 * branch filters (`*`, `[a-z]`, `?` and `+` after a character), matched as they are
 * (`src/workflows/patterns.ts`).
 */
import { InputError } from '../errors.js'
import { githubGlob, matches } from '../workflows/patterns.js'

export interface DiscoverSettings {
  /** The organisation's login; '' outside `mode: discover`. */
  readonly organization: string
  /** The `repository-filter` glob as given. */
  readonly repositoryFilter: string
  readonly includeArchived: boolean
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/
const NAME_CHARS = /^[A-Za-z0-9._\-*?[\]!\\]+$/

export function discoverSettings(
  discover: boolean,
  organization: string,
  repositoryFilter: string,
  includeArchived: boolean
): DiscoverSettings {
  const org = organization.trim()
  if (discover && org === '') {
    throw new InputError(
      'organization',
      'required with mode: discover (the organisation whose repositories are scanned)'
    )
  }
  if (org !== '' && !LOGIN.test(org)) {
    throw new InputError(
      'organization',
      `'${org}' is not a GitHub organisation login (letters, digits and hyphens, at most 39 characters)`
    )
  }
  const filter = repositoryFilter.trim() || '*'
  if (!NAME_CHARS.test(filter)) {
    throw new InputError(
      'repository-filter',
      `'${filter}' is not a glob on repository names (letters, digits, '.', '-', '_' and the wildcards * ? [ ])`
    )
  }
  return { organization: org, repositoryFilter: filter, includeArchived }
}

/** Whether a repository name (without the owner) passes the filter; case-insensitive as GitHub names are. */
export function nameMatches(filter: string, name: string): boolean {
  return matches(githubGlob(filter.toLowerCase()), name.toLowerCase())
}
