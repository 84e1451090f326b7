/**
 * One moto server per test file (or `describe` block), with the hooks every moto suite had copied:
 * start moto and the SDK clients before all tests, forget every resource before each, stop both
 * after all. Kept apart from `moto.ts` because it imports `@jest/globals`, which the demo and the
 * benchmark (also users of `startMoto`) cannot load.
 *
 * The server and clients exist only once `beforeAll` has run, yet test files name them at the
 * top level; so `useMoto` returns stand-ins that forward to the live ones, and fail with a clear
 * message when used outside a test or hook.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { createAwsClients, type AwsApi } from '../src/aws/clients.js'
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from './moto.js'

export interface MotoSuiteOptions {
  /**
   * The suite turns moto's IAM permission checks on in its tests: switch them off before each
   * reset and after each test, so that seeding and the next test run unchecked.
   */
  readonly permissionChecks?: boolean
}

export interface MotoSuite {
  /** The suite's moto server (usable inside tests and hooks). */
  readonly moto: MotoServer
  /** Clients for `us-east-1` signed with {@link MOTO_CREDENTIALS} (usable inside tests and hooks). */
  readonly api: AwsApi
}

interface Live {
  readonly moto: MotoServer
  readonly api: AwsApi
}

/** Registers the suite's hooks in the current scope and returns the server and its clients. */
export function useMoto(options: MotoSuiteOptions = {}): MotoSuite {
  let live: Live | undefined
  const current = (): Live => {
    if (!live) throw new Error('moto is not running: use the suite only inside tests and hooks')
    return live
  }

  beforeAll(async () => {
    const moto = await startMoto()
    live = {
      moto,
      api: createAwsClients({
        region: 'us-east-1',
        endpoint: moto.endpoint,
        credentials: MOTO_CREDENTIALS
      })
    }
  })
  afterAll(async () => {
    live?.api.iam.destroy()
    live?.api.sts.destroy()
    await live?.moto.stop()
    live = undefined
  })
  beforeEach(async () => {
    if (options.permissionChecks) await current().moto.disableAuth()
    await current().moto.reset()
  })
  if (options.permissionChecks) {
    afterEach(async () => {
      await current().moto.disableAuth()
    })
  }

  return { moto: motoStandIn(() => current().moto), api: apiStandIn(() => current().api) }
}

function motoStandIn(server: () => MotoServer): MotoServer {
  return {
    get endpoint() {
      return server().endpoint
    },
    get port() {
      return server().port
    },
    reset: () => server().reset(),
    enableAuth: (allowedUnauthenticated) => server().enableAuth(allowedUnauthenticated),
    disableAuth: () => server().disableAuth(),
    stop: () => server().stop()
  }
}

function apiStandIn(api: () => AwsApi): AwsApi {
  return {
    get iam() {
      return api().iam
    },
    get sts() {
      return api().sts
    },
    get region() {
      return api().region
    }
  }
}
