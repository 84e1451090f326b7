/**
 * Issue 10, section 3, against moto_server through the real SDK clients: a role serves one
 * repository. With `role-name: shared-{owner}-{user}`, two repositories of one owner whose
 * workflows use the same IAM user's keys get the same role name; migrating B must leave A's role
 * exactly as A's run made it (trust, tags, policies), fail B's pair with an error naming the
 * role, the repository it serves and the `role-name` input, and write nothing for it.
 */
import { describe, expect, it } from '@jest/globals'
import {
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  TagRoleCommand,
  UntagRoleCommand
} from '@aws-sdk/client-iam'
import { deployUses, REPOSITORY } from '../../__fixtures__/aws/findings.js'
import { seedDeployer } from '../../__fixtures__/aws/seed.js'
import { applyAwsPlan } from '../../src/aws/apply-plan.js'
import { planAwsMigration } from '../../src/aws/gather.js'
import { TAGS } from '../../src/aws/plan/names.js'
import type { AwsMigrationRequest, AwsSettings } from '../../src/aws/plan/plan.js'
import type { SubjectFacts } from '../../src/workflows/subjects.js'
import { useMoto } from '../../test-support/moto-suite.js'

const settings: AwsSettings = {
  roleName: 'shared-{owner}-{user}',
  rolePath: '/github-actions/',
  audience: 'sts.amazonaws.com',
  oidcIssuer: 'https://token.actions.githubusercontent.com',
  maxSessionDuration: 3600,
  permissionsBoundary: null
}
const A: SubjectFacts = REPOSITORY
const B: SubjectFacts = { ...REPOSITORY, repo: 'other-repo', repoId: 3003 }
const ROLE = 'shared-octo-org-deployer'

const { api } = useMoto()

describe('a role never serves two repositories', () => {
  function request(
    repository: SubjectFacts,
    accessKeyId: string,
    more: AwsMigrationRequest['pairs'] = []
  ): AwsMigrationRequest {
    return {
      pairs: [
        { key: { secretName: 'AWS_ACCESS_KEY_ID', accessKeyId }, uses: deployUses() },
        ...more
      ],
      repository,
      settings,
      now: new Date('2026-01-02T03:04:05Z')
    }
  }

  async function held() {
    const role = (await api.iam.send(new GetRoleCommand({ RoleName: ROLE }))).Role
    const attached = (await api.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE })))
      .AttachedPolicies
    const inline = (await api.iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames
    return {
      trust: decodeURIComponent(role?.AssumeRolePolicyDocument ?? ''),
      tags: Object.fromEntries((role?.Tags ?? []).map((t) => [t.Key, t.Value])),
      description: role?.Description,
      attached,
      inline
    }
  }

  it('migrating B leaves A’s shared-{owner}-{user} role as it was, and fails B’s pair naming role-name', async () => {
    const user = await seedDeployer(api)
    const first = await planAwsMigration(api, request(A, user.accessKeyId))
    expect(first.pairs[0]?.error).toBeNull()
    await applyAwsPlan(api, first)
    const before = await held()
    expect(before.tags[TAGS.repositoryId]).toBe('2002')
    expect(before.tags[TAGS.sourceKeyEnd]).toBe(user.accessKeyId.slice(-4))
    expect(Object.values(before.tags)).not.toContain(user.accessKeyId)

    // B also migrates another user's key: that pair goes on.
    const other = await seedDeployer(api, 'builder')
    const builder = {
      key: { secretName: 'BUILD_KEY_ID', accessKeyId: other.accessKeyId },
      uses: deployUses('BUILD_KEY_ID')
    }
    const writes: { op: string; role: unknown }[] = []
    const record =
      (
        next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
        context: { commandName?: string }
      ) =>
      (args: { input: Record<string, unknown> }) => {
        const op = (context.commandName ?? '').replace(/Command$/, '')
        if (!/^(Get|List)/.test(op)) writes.push({ op, role: args.input.RoleName })
        return next(args)
      }
    api.iam.middlewareStack.add(record as never, { step: 'initialize', name: 'isolation' })
    const second = await planAwsMigration(api, request(B, user.accessKeyId, [builder]))
    const result = await applyAwsPlan(api, second)
    api.iam.middlewareStack.remove('isolation')
    const pair = second.pairs[0]
    expect(pair?.error).toMatch(
      /role shared-octo-org-deployer serves repository octo-org\/octo-repo \(id 2002\), not octo-org\/other-repo \(id 3003\).*change the role-name input/
    )
    expect(pair?.roles).toEqual([])
    expect(second.pairs[1]?.error).toBeNull()
    expect(result.roleArns).toEqual({
      BUILD_KEY_ID: 'arn:aws:iam::123456789012:role/github-actions/shared-octo-org-builder'
    })
    // Nothing is written to A's role; the other pair's role is created.
    expect(writes).toContainEqual({ op: 'CreateRole', role: 'shared-octo-org-builder' })
    expect(writes.filter((w) => w.role === ROLE)).toEqual([])
    expect(await held()).toEqual(before)
  })

  it('takes a role made before the id tag as A’s by its OWNER/REPO tag: A adds the id, B is refused', async () => {
    const user = await seedDeployer(api)
    await applyAwsPlan(api, await planAwsMigration(api, request(A, user.accessKeyId)))
    // The role as an older version left it: no id tag, the whole key id in plain text.
    await api.iam.send(new UntagRoleCommand({ RoleName: ROLE, TagKeys: [TAGS.repositoryId] }))
    await api.iam.send(
      new TagRoleCommand({
        RoleName: ROLE,
        Tags: [{ Key: TAGS.legacySourceKey, Value: user.accessKeyId }]
      })
    )
    const refused = await planAwsMigration(api, request(B, user.accessKeyId))
    expect(refused.pairs[0]?.error).toMatch(
      /serves repository octo-org\/octo-repo, not octo-org\/other-repo/
    )

    const again = await planAwsMigration(api, request(A, user.accessKeyId))
    expect(again.pairs[0]?.error).toBeNull()
    const outcome = await applyAwsPlan(api, again)
    expect([...outcome.roles.values()].map((o) => o.error)).toEqual([null])
    const after = await held()
    expect(after.tags[TAGS.repositoryId]).toBe('2002')
    expect(after.tags[TAGS.legacySourceKey]).toBeUndefined()
    expect(Object.values(after.tags)).not.toContain(user.accessKeyId)
  })
})
