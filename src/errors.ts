/** Turns any thrown value into a message; non-Error values are not swallowed. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** Wraps a low-level failure with what was being attempted. */
export function wrapError(what: string, error: unknown): Error {
  return new Error(`${what}: ${errorMessage(error)}`, { cause: error })
}

/** Thrown for any input that is not allowed; the message names the input and what is allowed. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
  }
}
