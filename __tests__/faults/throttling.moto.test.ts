/**
 * IAM throttling (issue 15 §2): a migration whose IAM calls meet `Throttling: Rate exceeded`
 * slows down (the SDK's adaptive retry backs off and retries) and finishes with exactly the end
 * state of a run that met none. IAM through the fault proxy in front of moto, which throttles
 * every Nth call of any action (moto itself never throttles); the state compared is every role
 * with its trust, tags and policies, every managed policy and the provider
 * (test-support/fault-state.ts). GitHub's primary and secondary limits on the pull request's
 * writes are covered by __tests__/github/pull-request.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { countCalls, createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import type { AwsMigrationRequest } from '../../src/aws/plan/plan.js'
import { iamState } from '../../test-support/fault-state.js'
import { startIamFaultProxy, type IamFaultProxy } from '../../test-support/iam-fault-proxy.js'
import { MOTO_CREDENTIALS } from '../../test-support/moto.js'
import { useMoto } from '../../test-support/moto-suite.js'
import { deployerRequest } from '../aws/support/compose-harness.js'

const { moto, api } = useMoto()
let proxy: IamFaultProxy
let throttled: AwsApi

beforeAll(async () => {
  proxy = await startIamFaultProxy(moto.endpoint)
  // The action's own client settings (adaptive retry, 8 attempts).
  throttled = createAwsClients({
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    credentials: MOTO_CREDENTIALS
  })
})

afterAll(async () => {
  throttled?.iam.destroy()
  throttled?.sts.destroy()
  await proxy?.close()
})

const request = (): Promise<AwsMigrationRequest> => deployerRequest(api)

describe('IAM throttling', () => {
  it('a run whose every fourth IAM call is throttled finishes with the end state of an unthrottled run', async () => {
    const clean = await applyAwsPlan(api, await planAwsMigration(api, await request()))
    expect([...clean.roles.values()].map((r) => r.error)).toEqual([null])
    const want = await iamState(api.iam)

    await moto.reset()
    const req = await request()
    proxy.resetCalls()
    proxy.throttle(4)
    const counter = countCalls(throttled)
    const plan = await planAwsMigration(throttled, req)
    const result = await applyAwsPlan(throttled, plan)
    counter.detach()
    proxy.throttle(null)

    expect(plan.pairs.map((p) => p.error)).toEqual([null])
    expect(result.providers.map((p) => p.error)).toEqual([null])
    expect([...result.roles.values()].map((r) => r.error)).toEqual([null])
    // The limit was met on reads and writes alike, and each throttled call was retried.
    const hits = proxy.calls.filter((c) => c.fault === 'throttled')
    expect(hits.length).toBeGreaterThan(3)
    expect(hits.some((c) => c.action.startsWith('Create'))).toBe(true)
    // Each throttled call was sent again: the next call of that action (it changed nothing).
    for (const [i, c] of proxy.calls.entries()) {
      if (c.fault !== 'throttled') continue
      expect(proxy.calls.slice(i + 1).some((d) => d.action === c.action && d.fault === null)).toBe(
        true
      )
    }
    expect(proxy.calls.filter((c) => c.fault === null).length).toBeGreaterThanOrEqual(
      counter.total()
    )
    expect(await iamState(api.iam)).toEqual(want)
  }, 120_000)
})
