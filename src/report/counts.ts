import type { Finding } from '../workflows/findings.js'

/**
 * The findings that are AWS static-key uses (automatic or manual migration). Keys for services that
 * are not AWS are reported but do not count: they are not what `fail-on-findings` is about.
 */
export function awsKeyFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.migration !== 'not-migrated')
}
