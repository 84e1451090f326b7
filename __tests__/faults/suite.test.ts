/**
 * A small subset of the fault suite (`npm run faults` runs every point), so that CI exercises
 * it: the action's sources run as the runner runs them (a fresh node process, through tsx, so
 * that the subset checks the code of the checkout even before `npm run package`), against the
 * sandbox with the IAM fault proxy in front of moto (moto never fails or loses a call) and the
 * GitHub test server's faults. Each point: a run that meets the fault, a re-run, and the end
 * state compared with an uninterrupted run's. Then two runs at once on one repository.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import {
  concurrentRuns,
  describePoint,
  referenceRun,
  tryFaultPoint,
  type ActionEntry,
  type FaultPoint,
  type Reference
} from '../../test-support/fault-suite.js'

const entry: ActionEntry = {
  file: path.resolve('src/index.ts'),
  env: { NODE_OPTIONS: '--import tsx' }
}

/**
 * A kill right after the branch is created (the run never hears it; the re-run must find its own
 * branch and go on). Lost answers on every create are tested in process in
 * lost-responses.moto.test.ts; every other point runs in `npm run faults`.
 */
const SUBSET: readonly FaultPoint[] = [
  { service: 'github', write: 'POST /repos/{owner}/{repo}/git/refs', nth: 1, kind: 'killed' }
]

let reference: Reference

beforeAll(async () => {
  reference = await referenceRun(entry)
}, 60_000)

describe('the fault suite, a subset', () => {
  it('each fault point converges after a re-run', async () => {
    // The subset's writes are writes the reference run makes.
    for (const p of SUBSET) {
      expect(reference.writes).toContainEqual({ service: p.service, write: p.write, nth: p.nth })
    }
    const results = []
    for (const point of SUBSET) results.push(await tryFaultPoint(entry, point, reference))
    const converged = results.filter((r) => r.converged)
    expect(
      results.filter((r) => !r.converged).map((r) => `${describePoint(r.point)}: ${r.detail}`)
    ).toEqual([])
    expect(`${results.length} fault points tried, ${converged.length} converged`).toBe(
      `${SUBSET.length} fault points tried, ${SUBSET.length} converged`
    )
  }, 120_000)

  it('two runs at once on one repository: one wins, a loser says why, one end state', async () => {
    const together = await concurrentRuns(entry, reference)
    expect(together.codes).toContain(0)
    for (const error of together.errors) expect(error).toMatch(/\w/)
    expect(together.difference).toBeNull()
  }, 60_000)
})
