/**
 * The checks of inputs whose limits are GitHub's, IAM's or the file system's (`src/inputs.ts`
 * reads the inputs and calls these): a value beyond them would fail only after the roles are
 * created, or with the SDK's or the file system's raw text.
 */
import { statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { InputError } from './errors.js'

/**
 * Limits GitHub applies to what the action writes; a value beyond them would fail after the
 * roles are created. GitHub documents none of them in its REST reference: pull request titles
 * are refused above 256 characters ("title is too long (maximum is 256 characters)"), label
 * names above 50 ("name is too long (maximum is 50 characters)"), an issue or pull request
 * carries at most 100 labels (github/docs#161, "Issues cannot have more than 100 labels"), and
 * branch names above about 244 bytes are refused (measured; see "Max length of git branch
 * name", Stack Overflow 24014361).
 */
export const MAX_TITLE_LENGTH = 256
export const MAX_LABEL_LENGTH = 50
export const MAX_LABELS = 100
export const MAX_BRANCH_BYTES = 244
/** IAM takes client ids (the audience) of 1 to 255 characters (AddClientIDToOpenIDConnectProvider). */
export const MAX_AUDIENCE_LENGTH = 255

export function nonEmpty(name: string, raw: string): string {
  const value = raw.trim()
  if (!value) throw new InputError(name, 'must not be empty')
  return value
}

/** Splits on newlines and commas, trims, drops empties (like create-pull-request's getInputAsArray). */
export function list(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** A long value cut for a message, so that a 10,000-character input does not fill the log. */
export function short(value: string): string {
  return value.length > 60 ? `${value.slice(0, 40)}... (${value.length} characters)` : value
}

export function prTitle(raw: string): string {
  const value = nonEmpty('pr-title', raw)
  if (value.length > MAX_TITLE_LENGTH) {
    throw new InputError(
      'pr-title',
      `is ${value.length} characters long; GitHub takes pull request titles of at most ${MAX_TITLE_LENGTH}`
    )
  }
  return value
}

export function labels(raw: string): string[] {
  const values = [...new Set(list(raw))]
  if (values.length > MAX_LABELS) {
    throw new InputError(
      'pr-labels',
      `names ${values.length} labels; a pull request carries at most ${MAX_LABELS}`
    )
  }
  const long = values.find((l) => l.length > MAX_LABEL_LENGTH)
  if (long !== undefined) {
    throw new InputError(
      'pr-labels',
      `label '${short(long)}' is ${long.length} characters long; GitHub takes label names of at most ${MAX_LABEL_LENGTH}`
    )
  }
  return values
}

export function audience(raw: string): string {
  const value = nonEmpty('audience', raw)
  if (value.length > MAX_AUDIENCE_LENGTH) {
    throw new InputError(
      'audience',
      `is ${value.length} characters long; IAM takes audiences (the OIDC provider's client ids) of 1 to ${MAX_AUDIENCE_LENGTH} characters`
    )
  }
  return value
}

/** Empty is the current directory; else it must be a directory that exists. */
export function workingDirectory(raw: string): string {
  const value = raw.trim()
  if (!value) return value
  if (!statOrNull(value)?.isDirectory()) {
    throw new InputError(
      'working-directory',
      `'${short(value)}' is not a directory; give the root of the checked-out repository (the default is the workspace)`
    )
  }
  return value
}

/** A file path to write; refused when it names a directory. */
export function sarifFile(raw: string): string | null {
  const value = raw.trim()
  if (!value) return null
  if (value.endsWith('/') || value.endsWith(path.sep) || statOrNull(value)?.isDirectory()) {
    throw new InputError(
      'sarif-file',
      `'${short(value)}' is a directory; give the path of a file to write, e.g. results.sarif`
    )
  }
  return value
}

export function statOrNull(file: string): Stats | null {
  try {
    return statSync(file)
  } catch {
    return null
  }
}
