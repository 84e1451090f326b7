/**
 * Which key pair each finding belongs to, and which pairs the `keys` input lets the action
 * migrate (pure). A pair is named by its access-key-id secret, as in `keys`
 * (`AWS_ACCESS_KEY_ID=AKIA...`). Findings marked not-migrated (keys of an S3-compatible service
 * that is not AWS) never take part.
 */
import type { PairRequest } from '../aws/migration.js'
import type { KeyInput } from '../inputs.js'
import type { Finding } from '../workflows/findings.js'

/** Key-material findings whose access-key-id secret has no line in `keys`. */
export interface UnmatchedPair {
  /** The access-key-id secret name, or null when the workflow shows only the secret key. */
  readonly secretName: string | null
  readonly uses: readonly Finding[]
  /** One sentence: why the pair is not migrated and what to do. */
  readonly reason: string
}

export interface PairSelection {
  /** One request per `keys` line, with the findings of the jobs that use that key. */
  readonly requests: readonly PairRequest[]
  readonly unmatched: readonly UnmatchedPair[]
}

/** Findings that stand for a use of AWS key material (everything but not-migrated). */
export function migratable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.migration !== 'not-migrated')
}

export function selectPairs(
  keys: readonly KeyInput[],
  findings: readonly Finding[]
): PairSelection {
  const bySecret = new Map<string | null, Finding[]>()
  for (const f of migratable(findings)) {
    const name = f.pair.accessKeyId
    bySecret.set(name, [...(bySecret.get(name) ?? []), f])
  }
  const requests = keys.map((key): PairRequest => ({
    key,
    uses: bySecret.get(key.secretName) ?? []
  }))
  const given = new Set(keys.map((k) => k.secretName))
  const unmatched: UnmatchedPair[] = []
  for (const [secretName, uses] of bySecret) {
    if (secretName !== null && given.has(secretName)) continue
    unmatched.push({
      secretName,
      uses,
      reason:
        secretName === null
          ? 'the workflow passes a secret access key without its access key id secret; migrate it by hand'
          : `no line for ${secretName} in the keys input; add ${secretName}=\${{ secrets.${secretName} }} to migrate it`
    })
  }
  return { requests, unmatched }
}
