/**
 * Where the key secrets come from, in the job summary, the pull request body and the `plan`
 * JSON (pure). The summary shows per job which definition each secret is (environment,
 * repository or a shared organisation secret) and the secrets defined nowhere; the pull request
 * body names each shared organisation secret the migrated jobs read, with who else sees it, so
 * that nobody deletes it while others still use it.
 */
import type { SecretSource, SecretSources } from '../../migration/secret-sources.js'
import type { Finding } from '../../workflows/findings.js'
import type { BodySection } from '../body-section.js'
import type { FitSection } from '../fit.js'
import { PRECEDENCE, code, definitionCell, sharedSecretText, unreadableNote } from './words.js'

const HEADING = '### Where the key secrets come from'
const SHARED_HEADING = '### Shared organisation secrets'

/** The table of the job summary, then the secrets defined nowhere; nothing when not read. */
export function secretSourceFitSections(plan: {
  readonly secretSources?: SecretSources | null
}): FitSection[] {
  const s = plan.secretSources
  if (!s || (s.sources.length === 0 && s.unreadable.length === 0)) return []
  const note = unreadableNote(s.unreadable)
  const sections: FitSection[] = [
    {
      head: [
        HEADING,
        '',
        PRECEDENCE,
        '',
        ...(note === null ? [] : [note, '']),
        ...(s.sources.length === 0
          ? []
          : ['| Workflow | Job | Secret | Defined in |', '|---|---|---|---|'])
      ],
      items: s.sources.map(
        (r) =>
          `| ${code(r.file)} | ${r.job === null ? '—' : code(r.job)} | ${code(r.secret)} | ${definitionCell(r)} |`
      ),
      tail: [''],
      priority: 2,
      fixed: false,
      unit: 'secret rows'
    }
  ]
  if (s.findings.length > 0) {
    sections.push({
      head: ['### Secrets defined nowhere', ''],
      items: s.findings.map((f) => `- ${code(`${f.file}:${f.line}`)}: ${f.reason}`),
      tail: [''],
      priority: 2,
      fixed: false,
      unit: 'findings'
    })
  }
  return sections
}

/**
 * One line per shared organisation secret the jobs read. Priority 4: cut after the roles'
 * trust policies, since deleting a shared secret breaks other repositories.
 */
export function sharedSecretBodySections(sources: SecretSources | null | undefined): BodySection[] {
  const shared = sharedSecrets(sources?.sources ?? [])
  if (shared.length === 0) return []
  return [
    {
      heading: SHARED_HEADING,
      head: [
        'The keys of these jobs are held in organisation secrets that other repositories can see too:',
        ''
      ],
      lines: shared.map(({ name, source, jobs }) => `- ${sharedSecretText(name, source, jobs)}`),
      tail: [],
      unit: 'shared secrets',
      fixed: false,
      priority: 4
    }
  ]
}

/** The `secretSources` field of the `plan` output: the records as they are. */
export interface SecretSourcesJson {
  readonly sources: readonly SecretSource[]
  readonly unreadable: SecretSources['unreadable']
  readonly findings: readonly Finding[]
}

export function secretSourcesJson(
  sources: SecretSources | null | undefined
): SecretSourcesJson | null {
  if (!sources) return null
  return { sources: sources.sources, unreadable: sources.unreadable, findings: sources.findings }
}

interface SharedSecret {
  readonly name: string
  readonly source: SecretSource['definition'] & object
  readonly jobs: string
}

/** Each organisation secret once, with the jobs that read it (`deploy` in `deploy.yml`). */
function sharedSecrets(sources: readonly SecretSource[]): SharedSecret[] {
  const byName = new Map<string, SecretSource[]>()
  for (const s of sources) {
    if (s.definition?.scope !== 'organization') continue
    const key = s.secret.toUpperCase()
    byName.set(key, [...(byName.get(key) ?? []), s])
  }
  return [...byName.values()].map((list) => {
    const first = list[0]!
    const jobs = list
      .map((s) => `${s.job === null ? 'workflow level' : `job ${code(s.job)}`} of ${code(s.file)}`)
      .join(', ')
    return { name: first.secret, source: first.definition!, jobs: `read by ${jobs}` }
  })
}
