/**
 * The infrastructure code in the pull request body and the job summary (pure): first the call
 * to apply it before the merge, then the files and notes, then per chained role the statement
 * to add by hand.
 */
import type { IacPlan } from '../../iac/files.js'
import type { BodySection } from '../body-section.js'
import {
  applyFirstLines,
  chainedHeading,
  chainedStatementLines,
  FORMAT_NAMES,
  iacNoteLines
} from './words.js'

/** The body's sections: the first one opens the body (fixed, never cut). */
export function iacBodySections(iac: IacPlan, repository: string): BodySection[] {
  return [
    {
      heading: '',
      head: [...applyFirstLines(iac, repository), '', `${FORMAT_NAMES[iac.format]} files:`],
      lines: iacNoteLines(iac),
      tail: [],
      unit: 'lines',
      fixed: true,
      priority: 9
    },
    ...iac.chained.map((role) => ({
      heading: `### ${chainedHeading(role)}`,
      head: [
        `Add ${role.statements.length === 1 ? 'this statement' : 'these statements'} to the \`Statement\` list of the trust policy of \`${role.roleArn}\`, keeping its other statements:`
      ],
      lines: chainedStatementLines(role),
      tail: [],
      unit: 'lines',
      fixed: false,
      fence: 'json',
      priority: 8
    }))
  ]
}

/** The job summary's part: the same notes, and each file folded. */
export function renderIacSummary(iac: IacPlan, repository: string): string {
  const name = FORMAT_NAMES[iac.format]
  const parts = [
    `### Infrastructure as code (${name})`,
    applyFirstLines(iac, repository).join('\n'),
    iacNoteLines(iac).join('\n'),
    ...iac.files.map((f) =>
      [
        `<details><summary><code>${f.path}</code></summary>`,
        '',
        `\`\`\`${f.path.endsWith('.tf') ? 'hcl' : 'yaml'}`,
        f.content.trimEnd(),
        '```',
        '',
        '</details>'
      ].join('\n')
    ),
    ...iac.chained.map((role) =>
      [`#### ${chainedHeading(role)}`, '', '```json', ...chainedStatementLines(role), '```'].join(
        '\n'
      )
    )
  ]
  return `${parts.join('\n\n')}\n`
}
