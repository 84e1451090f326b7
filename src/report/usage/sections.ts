/**
 * The usage section of the job summary and of the pull request body (pure), one item per IAM
 * user; the pull request body folds it when long (`pr-body.ts`), the bold headline as summary.
 */
import type { UsageRecord } from '../../aws/plan/usage.js'
import type { BodySection } from '../body-section.js'
import type { FitSection } from '../fit.js'
import { usageIntro, userHeadline, userLines } from './words.js'

const HEADING = '### What the keys used'

export function usageFitSections(records: readonly UsageRecord[]): FitSection[] {
  if (records.length === 0) return []
  return [
    {
      head: [HEADING, '', usageIntro(records), ''],
      items: records.map((r) => [userHeadline(r), '', ...userLines(r), ''].join('\n')),
      tail: [],
      priority: 2,
      fixed: false,
      unit: 'users'
    }
  ]
}

/** One section per user, so that each folds on its own under its headline. */
export function usageBodySections(records: readonly UsageRecord[]): BodySection[] {
  return records.map((r, i) => ({
    heading: i === 0 ? HEADING : '',
    head: [...(i === 0 ? [usageIntro(records), ''] : []), userHeadline(r), ''],
    lines: userLines(r),
    tail: [],
    unit: 'lines',
    fixed: false,
    priority: 3
  }))
}
