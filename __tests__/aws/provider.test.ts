/**
 * The OIDC provider: planned from what exists, created in moto without thumbprint, and an
 * existing provider missing the audience gets it added. Moto 5.2.1 answers 500 to
 * AddClientIDToOpenIDConnectProvider, so that path runs against aws-sdk-client-mock.
 */
import { describe, expect, it } from '@jest/globals'
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient
} from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { createAwsClients, type AwsApi } from '../../src/aws/clients.js'
import { applyProviderPlan } from '../../src/aws/apply-plan.js'
import { planProvider } from '../../src/aws/plan/provider.js'
import { readProvider } from '../../src/aws/state.js'
import { oidcProviderArn } from '../../src/aws/plan/trust-policy.js'
import { MOTO_CREDENTIALS } from '../../test-support/moto.js'
import { useMoto } from '../../test-support/moto-suite.js'

const ISSUER = 'https://token.actions.githubusercontent.com'
const ARN = oidcProviderArn('aws', '123456789012', ISSUER)
const want = { arn: ARN, issuer: ISSUER, audience: 'sts.amazonaws.com' }

describe('planProvider', () => {
  it.each([
    ['missing', null, 'create', ['sts.amazonaws.com']],
    [
      'with the audience',
      { arn: ARN, clientIds: ['sts.amazonaws.com'], tags: [] },
      'unchanged',
      ['sts.amazonaws.com']
    ],
    [
      'without the audience',
      { arn: ARN, clientIds: ['sigstore'], tags: [] },
      'update',
      ['sigstore', 'sts.amazonaws.com']
    ]
  ] as const)('%s', (_name, state, change, clientIds) => {
    const plan = planProvider(state, want)
    expect(plan.change).toBe(change)
    expect(plan.clientIds).toEqual(clientIds)
  })
})

describe('against moto', () => {
  const { moto, api } = useMoto()

  it('creates the provider with the audience as client id and no thumbprint, found by ARN afterwards', async () => {
    expect(await readProvider(api, ARN)).toBeNull()
    const writes = await applyProviderPlan(api, planProvider(null, want))
    expect(writes).toEqual(['CreateOpenIDConnectProvider'])
    const held = await api.iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: ARN })
    )
    expect(held.ClientIDList).toEqual(['sts.amazonaws.com'])
    expect(held.ThumbprintList ?? []).toEqual([])
    expect(held.Tags).toEqual([{ Key: 'aws-keys-to-oidc:managed-by', Value: 'aws-keys-to-oidc' }])
    const again = planProvider(await readProvider(api, ARN), want)
    expect(again.change).toBe('unchanged')
    expect(await applyProviderPlan(api, again)).toEqual([])
  })

  it('converges when the provider appeared after the plan (created by another run)', async () => {
    await moto.reset()
    await api.iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ClientIDList: ['sts.amazonaws.com'] })
    )
    expect(await applyProviderPlan(api, planProvider(null, want))).toEqual([])
  })
})

describe('adding the audience (aws-sdk-client-mock: moto answers 500 to AddClientIDToOpenIDConnectProvider)', () => {
  it('adds the missing audience to an existing provider and touches nothing else', async () => {
    const iam = new IAMClient({ region: 'us-east-1', credentials: MOTO_CREDENTIALS })
    const mock = mockClient(iam)
    mock
      .on(GetOpenIDConnectProviderCommand)
      .resolves({ ClientIDList: ['sigstore'], Url: 'token.actions.githubusercontent.com' })
    mock.on(AddClientIDToOpenIDConnectProviderCommand).resolves({})
    const api: AwsApi = { iam, sts: new STSClient({ region: 'us-east-1' }), region: 'us-east-1' }
    const plan = planProvider(await readProvider(api, ARN), want)
    expect(plan.change).toBe('update')
    expect(await applyProviderPlan(api, plan)).toEqual(['AddClientIDToOpenIDConnectProvider'])
    expect(
      mock.commandCalls(AddClientIDToOpenIDConnectProviderCommand).map((c) => c.args[0].input)
    ).toEqual([{ OpenIDConnectProviderArn: ARN, ClientID: 'sts.amazonaws.com' }])
    expect(mock.commandCalls(CreateOpenIDConnectProviderCommand)).toHaveLength(0)
  })

  it('wraps a refusal with what was attempted', async () => {
    const iam = new IAMClient({ region: 'us-east-1', credentials: MOTO_CREDENTIALS })
    const mock = mockClient(iam)
    mock
      .on(AddClientIDToOpenIDConnectProviderCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }))
    const api: AwsApi = { iam, sts: new STSClient({ region: 'us-east-1' }), region: 'us-east-1' }
    await expect(
      applyProviderPlan(api, planProvider({ arn: ARN, clientIds: [], tags: [] }, want))
    ).rejects.toThrow(
      `could not add the audience sts.amazonaws.com to the OIDC provider ${ARN}: not authorized`
    )
  })
})

it('createAwsClients takes AWS_ENDPOINT_URL when no endpoint is given', async () => {
  const before = process.env.AWS_ENDPOINT_URL
  process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1'
  try {
    const api = createAwsClients({ region: 'eu-west-1', credentials: MOTO_CREDENTIALS })
    const endpoint = await api.iam.config.endpoint?.()
    expect(endpoint?.hostname).toBe('127.0.0.1')
    expect(endpoint?.port).toBe(1)
    expect(await api.sts.config.region()).toBe('eu-west-1')
    api.iam.destroy()
    api.sts.destroy()
  } finally {
    if (before === undefined) delete process.env.AWS_ENDPOINT_URL
    else process.env.AWS_ENDPOINT_URL = before
  }
})
