/**
 * Right-sizing end to end against moto_server through the real SDK clients: gather, plan,
 * apply, read back, and a second run that writes nothing.
 *
 * moto does not implement GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails:
 * against moto alone the gather must record "not available" and the plan copy. For the runs that
 * right-size, a small SDK middleware in front of moto answers those two calls only (responses
 * shaped as the IAM API reference documents them, from __fixtures__/right-size); every other
 * call reaches moto.
 */
import { describe, expect, it } from '@jest/globals'
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListAttachedRolePoliciesCommand
} from '@aws-sdk/client-iam'
import { deployUses, REPOSITORY } from '../../__fixtures__/aws/findings.js'
import { answerLastAccessed, seedBroadUser } from '../../__fixtures__/right-size/moto.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { countCalls } from '../../src/aws/clients.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import type { AwsMigrationRequest, AwsSettings } from '../../src/aws/plan/plan.js'
import { parsePolicyDocument } from '../../src/aws/plan/policy-document.js'
import { useMoto } from '../../test-support/moto-suite.js'

const { api } = useMoto()

const settings: AwsSettings = {
  roleName: 'github-{owner}-{repo}-{user}',
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}

function request(accessKeyId: string, permissions: 'copy' | 'last-accessed'): AwsMigrationRequest {
  return {
    pairs: [{ key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId }, uses: deployUses() }],
    repository: REPOSITORY,
    settings: { ...settings, permissions },
    now: new Date('2026-12-01T00:00:00Z')
  }
}

describe('against moto alone (no last accessed APIs)', () => {
  it('records the data as not available and copies, with a warning, instead of failing', async () => {
    const accessKeyId = await seedBroadUser(api)
    const plan = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
    const pair = plan.pairs[0]
    expect(pair?.error).toBeNull()
    // moto answers 500 (not implemented): one attempt, no retries (src/aws/last-accessed.ts).
    expect(pair?.usage).toMatchObject({
      status: 'unavailable',
      cause: 'error',
      userName: 'broad',
      detail: expect.stringMatching(/^iam:GenerateServiceLastAccessedDetails: HTTP 500/)
    })
    const role = pair?.roles[0]
    expect(role?.rightSizing).toMatchObject({ applied: false, cause: 'error' })
    expect(role?.permissions?.attach.map((a) => a.arn).sort()).toEqual([
      'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      'arn:aws:iam::aws:policy/PowerUserAccess'
    ])
    expect(role?.warnings.join('\n')).toMatch(/last-accessed: no usable last accessed data/)
  })
})

describe('with last accessed data in front of moto', () => {
  it('creates a role with the reduced policy only, and a second run writes nothing', async () => {
    const accessKeyId = await seedBroadUser(api)
    const restore = answerLastAccessed(api.iam)
    try {
      const plan = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
      const role = plan.pairs[0]?.roles[0]
      expect(plan.pairs[0]?.usage?.status).toBe('available')
      expect(role?.rightSizing?.applied).toBe(true)
      expect(role?.permissions?.attach).toEqual([])
      const result = await applyAwsPlan(api, plan)
      expect([...result.roles.values()].map((r) => r.error)).toEqual([null])

      const attached =
        (
          await api.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role?.roleName }))
        ).AttachedPolicies?.map((a) => a.PolicyArn ?? '') ?? []
      expect(attached).toEqual(role?.permissions?.merged.map((m) => m.arn))
      const policy = await api.iam.send(new GetPolicyCommand({ PolicyArn: attached[0] }))
      const version = await api.iam.send(
        new GetPolicyVersionCommand({
          PolicyArn: attached[0],
          VersionId: policy.Policy?.DefaultVersionId
        })
      )
      const held = parsePolicyDocument(version.PolicyVersion?.Document ?? '', 'merged')
      const actions = held.Statement.flatMap((s) => [s.Action ?? []].flat())
      expect(actions).toEqual(expect.arrayContaining(['s3:*', 'cloudfront:*']))
      expect(actions).not.toContain('s3-object-lambda:*')
      expect(held.Statement.some((s) => s.NotAction !== undefined)).toBe(false)

      const again = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
      expect(again.pairs[0]?.roles[0]?.change).toBe('unchanged')
      expect(again.pairs[0]?.roles[0]?.writes).toEqual([])
    } finally {
      restore()
    }
  })

  it('a run stopped after the reduced policy was created goes on from there', async () => {
    const accessKeyId = await seedBroadUser(api)
    const restore = answerLastAccessed(api.iam)
    try {
      const plan = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
      const create = plan.pairs[0]?.roles[0]?.writes[0]
      if (create?.op !== 'CreatePolicy') throw new Error(`first write: ${create?.op}`)
      // The first write only, as a run killed right after it leaves the account.
      await api.iam.send(
        new CreatePolicyCommand({
          PolicyName: create.name,
          Path: create.path,
          PolicyDocument: JSON.stringify(create.document),
          Tags: create.tags.map((t) => ({ Key: t.key, Value: t.value }))
        })
      )
      const again = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
      const ops = again.pairs[0]?.roles[0]?.writes.map((w) => w.op) ?? []
      expect(ops).not.toContain('CreatePolicy')
      expect(ops).toContain('CreateRole')
      const result = await applyAwsPlan(api, again)
      expect([...result.roles.values()].map((r) => r.error)).toEqual([null])
      const last = await planAwsMigration(api, request(accessKeyId, 'last-accessed'))
      expect(last.pairs[0]?.roles[0]?.writes).toEqual([])
    } finally {
      restore()
    }
  })

  it('starts one report per user, however many of its keys are migrated', async () => {
    const first = await seedBroadUser(api)
    const second = (await api.iam.send(new CreateAccessKeyCommand({ UserName: 'broad' }))).AccessKey
      ?.AccessKeyId
    // The counter sits before the stub, so that it sees the stubbed calls too.
    const counter = countCalls(api)
    const restore = answerLastAccessed(api.iam)
    try {
      const req = request(first, 'last-accessed')
      const plan = await planAwsMigration(api, {
        ...req,
        pairs: [
          ...req.pairs,
          {
            key: { secretName: 'OTHER_KEY', accessKeyId: second ?? '' },
            uses: deployUses('OTHER_KEY')
          }
        ]
      })
      expect(plan.pairs.map((p) => p.usage?.status)).toEqual(['available', 'available'])
      expect(counter.calls.get('GenerateServiceLastAccessedDetails')).toBe(1)
      expect(counter.calls.get('GetServiceLastAccessedDetails')).toBe(1)
    } finally {
      restore()
      counter.detach()
    }
  })

  it('goes back to copying when asked, and that converges too', async () => {
    const accessKeyId = await seedBroadUser(api)
    const restore = answerLastAccessed(api.iam)
    try {
      await applyAwsPlan(api, await planAwsMigration(api, request(accessKeyId, 'last-accessed')))
      const copy = await planAwsMigration(api, request(accessKeyId, 'copy'))
      const ops = copy.pairs[0]?.roles[0]?.writes.map((w) => w.op) ?? []
      expect(ops).toEqual(expect.arrayContaining(['AttachRolePolicy', 'DetachRolePolicy']))
      await applyAwsPlan(api, copy)
      const again = await planAwsMigration(api, request(accessKeyId, 'copy'))
      expect(again.pairs[0]?.roles[0]?.writes).toEqual([])
    } finally {
      restore()
    }
  })
})
