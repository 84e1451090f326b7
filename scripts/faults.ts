/**
 * `npm run faults`: the whole fault suite (test-support/fault-suite.ts). Every write of a
 * `mode: migrate` run against the sandbox meets, in turn, a denied call, a 500, a lost response
 * and a process kill; after each a re-run must leave exactly what an uninterrupted run leaves.
 * Then two runs at once on one repository. Prints `N fault points tried, M converged`; exits 1
 * unless every point converged and the concurrent runs ended well.
 *
 *   npm run faults                 # the bundle dist/index.js (run `npm run package` first)
 *   npm run faults -- --src        # the sources, through tsx
 *   npm run faults -- --only iam   # only IAM (or github) writes
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  concurrentRuns,
  describePoint,
  faultPoints,
  referenceRun,
  tryFaultPoint,
  type ActionEntry
} from '../test-support/fault-suite.js'

const { values } = parseArgs({
  options: { src: { type: 'boolean', default: false }, only: { type: 'string' } }
})
const entry: ActionEntry = values.src
  ? { file: path.resolve('src/index.ts'), env: { NODE_OPTIONS: '--import tsx' } }
  : { file: path.resolve('dist/index.js') }

const reference = await referenceRun(entry)
console.log(
  `reference run: ${reference.writes.length} writes (${reference.writes
    .map((w) => `${w.service} ${w.write}${w.nth > 1 ? ` #${w.nth}` : ''}`)
    .join(', ')})`
)
const points = faultPoints(reference).filter((p) => !values.only || p.service === values.only)
let converged = 0
for (const point of points) {
  const result = await tryFaultPoint(entry, point, reference)
  if (result.converged) converged++
  console.log(`${result.converged ? 'ok  ' : 'FAIL'} ${describePoint(point)}: ${result.detail}`)
}
console.log(`${points.length} fault points tried, ${converged} converged`)

const together = await concurrentRuns(entry, reference)
const concurrentOk =
  together.codes.includes(0) &&
  together.errors.every((e) => e.length > 0) &&
  together.difference === null
console.log(
  `two concurrent runs: exit codes ${together.codes.join(' and ')}${
    together.errors.length > 0 ? `; the other said: ${together.errors.join(' | ')}` : ''
  }; end state ${together.difference === null ? 'as one run leaves' : `differs: ${together.difference}`}`
)
process.exitCode = converged === points.length && concurrentOk ? 0 : 1
