/** Reading Octokit's errors without depending on their classes. */

/** The HTTP status of an Octokit `RequestError`, or null for other errors. */
export function httpStatus(error: unknown): number | null {
  if (error && typeof error === 'object' && 'status' in error) {
    const status = (error as { status: unknown }).status
    return typeof status === 'number' ? status : null
  }
  return null
}

/** The `type` values of a GraphQL error response (`NOT_FOUND`, `FORBIDDEN`, ...). */
export function graphqlErrorTypes(error: unknown): string[] {
  const errors = (error as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors
    .map((e) => (e && typeof e === 'object' ? (e as { type?: unknown }).type : undefined))
    .filter((t): t is string => typeof t === 'string')
}

/** The message GitHub returned, with the `errors[].message` details of a 422. */
export function githubMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const graphqlErrors = (error as { errors?: unknown }).errors
  if (Array.isArray(graphqlErrors) && graphqlErrors.length > 0 && httpStatus(error) === null) {
    return graphqlErrors
      .map((e) =>
        e && typeof e === 'object' ? String((e as { message?: unknown }).message) : String(e)
      )
      .join('; ')
  }
  const data = (error as { response?: { data?: unknown } }).response?.data
  const details =
    data && typeof data === 'object' && Array.isArray((data as { errors?: unknown }).errors)
      ? (data as { errors: unknown[] }).errors
          .map((e) => (e && typeof e === 'object' ? (e as { message?: unknown }).message : e))
          .filter((m): m is string => typeof m === 'string')
      : []
  return details.length > 0 ? `${error.message} (${details.join('; ')})` : error.message
}
