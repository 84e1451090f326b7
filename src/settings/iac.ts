/**
 * The `iac` and `iac-path` inputs, validated (pure): `none` gives null (IAM is written by API);
 * `terraform` or `cloudformation` with a repository-relative directory for the files. Bad
 * values fail before anything is read or written, naming the input and what is allowed.
 */
import { InputError } from '../errors.js'
import { IAC_FORMATS, type IacFormat, type IacSettings } from '../iac/files.js'

export function iacSettings(format: string, path: string): IacSettings | null {
  const value = format.trim()
  if (!(IAC_FORMATS as readonly string[]).includes(value)) {
    throw new InputError(
      'iac',
      `'${value}' is not supported; use one of: ${IAC_FORMATS.join(', ')}`
    )
  }
  if (value === 'none') return null
  return { format: value as IacFormat, directory: iacDirectory(path) }
}

/** A relative directory of the repository, normalised to end in `/`. */
export function iacDirectory(raw: string): string {
  const value = raw.trim()
  const parts = value.replace(/\/+$/, '').split('/')
  const problem =
    value === '' || value === '/'
      ? 'is empty'
      : value.startsWith('/') || /^[A-Za-z]:/.test(value)
        ? 'is absolute'
        : value.includes('\\')
          ? 'contains a backslash'
          : [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
            ? 'contains a control character'
            : parts.some((p) => p === '' || p === '.' || p === '..')
              ? "has an empty, '.' or '..' part"
              : parts[0] === '.git'
                ? 'is inside .git'
                : null
  if (problem) {
    throw new InputError(
      'iac-path',
      `'${value}' ${problem}; give a directory of the repository relative to its root, with / between parts and no '..', e.g. infra/aws-keys-to-oidc/`
    )
  }
  return `${parts.join('/')}/`
}
