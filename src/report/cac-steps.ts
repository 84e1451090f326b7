/**
 * The words of the configure-aws-credentials steps a pull request moves to v6 (pure): which
 * version each step came from, why it moves, and the boolean inputs converted for v6.
 */
import type { CacStepUpgrade } from '../migration/pull-request-body.js'
import { parseUses } from '../workflows/rewrite/action-pins.js'
import type { BodySection } from './body-section.js'

const WHY =
  "Each rewritten configure-aws-credentials step now assumes its role through GitHub's OIDC provider (`role-to-assume`, no keys). It moves to v6, the release this pull request pins for every step it rewrites, so that all of them run the same supported version. v6 reads its boolean inputs as YAML 1.2 booleans only (`true`/`false`): values written `yes`/`no`/`on`/`off`/`True`/`False` would make the step fail, and are converted."

/** The section of the pull request body (the shape `pr-body.ts` renders), none when no step moved. */
export function cacStepBodySections(steps: readonly CacStepUpgrade[]): BodySection[] {
  if (steps.length === 0) return []
  return [
    {
      heading: '### configure-aws-credentials moved to v6',
      head: [WHY, ''],
      lines: steps.map(cacStepLine),
      tail: [],
      unit: 'steps',
      fixed: false,
      priority: 2
    }
  ]
}

/** One step: where, from which version, to which, and its inputs converted. */
export function cacStepLine(s: CacStepUpgrade): string {
  const where = `\`${s.workflow}:${s.line}\` job \`${s.job}\` step ${s.step + 1}`
  const moved =
    s.from === null || s.to === null
      ? 'already on v6'
      : `from ${versionOf(s.from, s.fromComment)} (\`${refOf(s.from)}\`) to \`${refOf(s.to)}\``
  const inputs =
    s.converted.length === 0
      ? ''
      : `; inputs converted: ${s.converted.map((c) => `\`${c.input}: ${c.from}\` → \`${c.to}\``).join(', ')}`
  return `- ${where}: ${moved}${inputs}`
}

/** The version a `uses:` names: its tag, the version comment of a SHA pin, or "a commit". */
function versionOf(uses: string, comment: string | null): string {
  const parsed = parseUses(uses)
  if (parsed.style === 'sha') return comment ? `${comment} (pinned by SHA)` : 'a commit SHA'
  return parsed.ref
}

function refOf(uses: string): string {
  return uses.slice(uses.lastIndexOf('@') + 1)
}
