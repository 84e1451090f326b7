/**
 * Where a key secret is defined, in words (pure): the cell of the job summary's table, the
 * places the token could not list, and who else sees a shared organisation secret.
 */
import type { SecretDefinition, SecretPlace, SecretSource } from '../../migration/secret-sources.js'

export const PRECEDENCE =
  "GitHub gives a job the secret of its environment first, then the repository's, then an organisation secret the repository can see."

/** `environment `production``, `the repository`, `the organisation secrets`. */
export function placeText(p: SecretPlace): string {
  if (p.scope === 'environment') return `environment ${code(p.environment ?? '')}`
  return p.scope === 'repository' ? 'the repository' : 'the organisation secrets'
}

/** Who can see an organisation secret: every repository, every private one, or the names. */
export function sharedWith(d: Extract<SecretDefinition, { scope: 'organization' }>): string {
  switch (d.visibility) {
    case 'all':
      return 'every repository of the organisation'
    case 'private':
      return 'every private and internal repository of the organisation'
    case 'selected':
      return d.repositories === null
        ? 'the repositories selected for it (the token may not list them)'
        : d.repositories.length === 0
          ? 'no repository listed'
          : d.repositories.map(code).join(', ')
    default:
      return 'repositories the token may not list (it may not read the organisation secret)'
  }
}

/** The "Defined in" cell of one job's secret. */
export function definitionCell(s: SecretSource): string {
  const unread = s.looked.filter((p) => !p.readable)
  const d = s.definition
  if (d === null) {
    return unread.length === 0
      ? `**defined nowhere** (looked in ${s.looked.map(placeText).join(', ')})`
      : `not known: ${unread.map(placeText).join(', ')} not readable with this token`
  }
  const base =
    d.scope === 'environment'
      ? `environment ${code(d.environment)}`
      : d.scope === 'repository'
        ? 'the repository'
        : `an organisation secret, shared with ${sharedWith(d)}`
  return unread.length === 0
    ? base
    : `${base}, unless ${unread.map(placeText).join(', ')} (not readable with this token) ${unread.length === 1 ? 'defines' : 'define'} it`
}

/** The note when the token could not list some places (never a finding). */
export function unreadableNote(places: readonly SecretPlace[]): string | null {
  if (places.length === 0) return null
  return `_Not readable with this token: ${places.map(placeText).join(', ')}. Where a secret comes from is known only from the places listed (a token with secrets read, environments read and the organisation's secrets read sees them all)._`
}

/** The sentence on one shared organisation secret the migrated jobs read. */
export function sharedSecretText(name: string, d: SecretDefinition, jobs: string): string {
  const shared = d.scope === 'organization' ? sharedWith(d) : ''
  return `${code(name)} (${jobs}) is an organisation secret shared with ${shared}. Do not delete it when retiring these keys while other repositories still read it (\`mode: cleanup\` deletes an organisation secret only with \`delete-org-secrets\` and when no other repository sees it).`
}

/** Inline code that survives backticks and pipes inside table cells. */
export function code(text: string): string {
  const clean = text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``
}
