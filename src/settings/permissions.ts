/**
 * The `permissions` input, validated once (read in `src/inputs.ts`; the default lives in
 * action.yml only): `copy` gives the role the IAM user's policies as they are; `last-accessed`
 * the user's own statements reduced to what its key used (`src/aws/plan/right-size.ts`).
 */
import { PERMISSIONS_MODES, type PermissionsMode } from '../aws/plan/right-size.js'
import { InputError } from '../errors.js'

export type { PermissionsMode }

export function permissionsMode(raw: string): PermissionsMode {
  const value = raw.trim()
  const mode = PERMISSIONS_MODES.find((m) => m === value)
  if (mode) return mode
  throw new InputError(
    'permissions',
    `'${value}' is not supported; use copy (the IAM user's policies as they are) or last-accessed (the user's statements reduced to the services and actions its key used, from IAM last accessed data)`
  )
}
