/**
 * Reading a user's policy graph from moto: every list paginated (pages of 2 here), each document
 * read once, groups and managed policies shared by two users read once for both; the calls made
 * are exactly the lower bound of the graph.
 */
import { expect, it } from '@jest/globals'
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateUserCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { inventoryReadBound, KEY_LOOKUP_CALLS } from '../../__fixtures__/aws/call-bound.js'
import { awsPolicy, DEPLOYER_DOCS, seedDeployer } from '../../__fixtures__/aws/seed.js'
import { countCalls } from '../../src/aws/clients.js'
import { createInventoryCache, readUserInventory } from '../../src/aws/inventory.js'
import { getCallerIdentity, resolveKeyOwner } from '../../src/aws/owners.js'
import { useMoto } from '../../test-support/moto-suite.js'

const { api } = useMoto()

it('reads every page and each document once, shared across users, at the lower bound of calls', async () => {
  const deployer = await seedDeployer(api)
  // More items than a page: 5 inline policies and 4 attached policies on the user.
  for (let i = 0; i < 4; i++) {
    await api.iam.send(
      new PutUserPolicyCommand({
        UserName: 'deployer',
        PolicyName: `extra-${i}`,
        PolicyDocument: JSON.stringify(DEPLOYER_DOCS.groupInline)
      })
    )
  }
  for (const name of ['AmazonSQSReadOnlyAccess', 'AmazonSNSReadOnlyAccess']) {
    await api.iam.send(
      new AttachUserPolicyCommand({ UserName: 'deployer', PolicyArn: awsPolicy(name) })
    )
  }
  // A second user in the same group, with one of the same policies.
  await api.iam.send(new CreateUserCommand({ UserName: 'helper' }))
  await api.iam.send(
    new AddUserToGroupCommand({ GroupName: 'deployer-developers', UserName: 'helper' })
  )
  await api.iam.send(
    new AttachUserPolicyCommand({
      UserName: 'helper',
      PolicyArn: awsPolicy('AmazonSQSReadOnlyAccess')
    })
  )

  const caller = await getCallerIdentity(api)
  const cache = createInventoryCache({ pageSize: 2 })
  const counter = countCalls(api)
  const owner = await resolveKeyOwner(
    api,
    { secretName: 'K', accessKeyId: deployer.accessKeyId },
    caller
  )
  expect(owner.ok).toBe(true)
  const first = await readUserInventory(api, 'deployer', cache)
  const firstCalls = counter.total()
  counter.reset()
  const second = await readUserInventory(api, 'helper', cache)
  const secondCalls = counter.total()
  counter.detach()

  expect(first.inline.map((p) => p.name).sort()).toEqual([
    'extra-0',
    'extra-1',
    'extra-2',
    'extra-3',
    'site'
  ])
  expect([...first.attached].sort()).toEqual(
    [
      'arn:aws:iam::123456789012:policy/deployer-deploy-s3',
      awsPolicy('AmazonEC2ReadOnlyAccess'),
      awsPolicy('AmazonSQSReadOnlyAccess'),
      awsPolicy('AmazonSNSReadOnlyAccess')
    ].sort()
  )
  expect(first.groups.map((g) => g.name)).toEqual(['deployer-developers'])
  expect(first.policies.size).toBe(5)
  expect(first.tags).toEqual([
    { key: 'team', value: 'platform' },
    { key: 'cost-center', value: '42' }
  ])
  expect(second.groups[0]).toBe(first.groups[0])

  const known = { groups: new Set<string>(), policies: new Set<string>() }
  expect(firstCalls).toBe(KEY_LOOKUP_CALLS + inventoryReadBound(first, known, 2))
  expect(secondCalls).toBe(inventoryReadBound(second, known, 2))
  // helper: GetUser and 3 one-page lists; nothing of the shared group and policies again.
  expect(secondCalls).toBe(1 + 3)
})

it('retries a throttled call (the SDK in adaptive retry mode), counted as one call', async () => {
  await seedDeployer(api)
  let attempts = 0
  // Below the retry middleware: the first GetUser attempt answers as IAM does when throttling.
  api.iam.middlewareStack.add(
    ((next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        if (context.commandName === 'GetUserCommand' && attempts++ === 0) {
          throw Object.assign(new Error('Rate exceeded'), {
            name: 'Throttling',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 }
          })
        }
        return next(args)
      }) as never,
    { step: 'deserialize', name: 'throttleOnce' }
  )
  const counter = countCalls(api)
  try {
    const inv = await readUserInventory(api, 'deployer', createInventoryCache())
    expect(inv.name).toBe('deployer')
    expect(attempts).toBe(2)
    expect(counter.calls.get('GetUser')).toBe(1)
  } finally {
    counter.detach()
    api.iam.middlewareStack.remove('throttleOnce')
  }
})
