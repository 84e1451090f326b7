/**
 * `iac: terraform` for the example repository (the sandbox: examples/legacy-repo on the
 * project's GitHub API server, its key owner in moto behind the IAM fault proxy, which records
 * every call): the files parse with a real HCL 2 parser (@cdktf/hcl2json), every resource type
 * and argument is one of the AWS provider's (aws-provider-arguments.json, from the provider's
 * documentation), `terraform fmt` leaves them as they are, the policies in them are the plan's,
 * `migrate` writes nothing to IAM and opens the pull request with the files, and a re-run with
 * the same facts gives the same bytes and an `unchanged` pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from '@cdktf/hcl2json'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AwsApi } from '../../src/aws/clients.js'
import { samePolicy, type PolicyDocument } from '../../src/aws/plan/policy-document.js'
import { TAGS } from '../../src/aws/plan/names.js'
import { applyMigration } from '../../src/modes/apply.js'
import { iacTrustChecks } from '../../src/iac/checks.js'
import type { MigrationPlan } from '../../src/migration/compose.js'
import { planRoles } from '../../src/migration/roles.js'
import { renderPullRequestBody } from '../../src/report/pr-body.js'
import { startSandbox, type Sandbox } from '../../test-support/sandbox.js'
import { awsOf, githubOf, iamWrites, planMigration } from './support.js'

const IAC = { format: 'terraform', directory: 'infra/aws-keys-to-oidc/' } as const

/** The AWS provider's resource arguments (test data, sources in the file). */
const schema = JSON.parse(
  readFileSync(path.resolve('__tests__/iac/aws-provider-arguments.json'), 'utf8')
) as {
  meta: string[]
  resources: Record<string, { required: string[]; optional: string[] }>
  import: { arguments: string[] }
}

let sandbox: Sandbox
let aws: AwsApi
let plan: MigrationPlan

type Blocks = Record<string, Record<string, Record<string, unknown>[]>>

beforeAll(async () => {
  sandbox = await startSandbox({ iamFaultProxy: true })
  aws = awsOf(sandbox)
  plan = await planMigration(sandbox, aws, IAC)
}, 120_000)

afterAll(async () => {
  aws?.iam.destroy()
  aws?.sts.destroy()
  await sandbox?.stop()
})

function files(): { path: string; content: string }[] {
  expect(plan.iac).toBeTruthy()
  return [...(plan.iac?.files ?? [])]
}

async function parsed(): Promise<{ file: string; json: Record<string, unknown> }[]> {
  return Promise.all(
    files().map(async (f) => ({
      file: f.path,
      json: (await parse(path.basename(f.path), f.content)) as Record<string, unknown>
    }))
  )
}

/** The value of `jsonencode(...)` as hcl2json leaves it (`${jsonencode({...})}`), as JSON. */
async function jsonencoded(expression: unknown): Promise<unknown> {
  const text = String(expression)
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(text)
  expect(match).not.toBeNull()
  const value = (await parse('value.tf', `value = ${match?.[1] ?? ''}\n`)) as { value: unknown }
  // hcl2json keeps the HCL escape of a literal `${` ($${); IAM reads the unescaped text.
  return JSON.parse(
    JSON.stringify(value.value)
      .replace(/\$\$\{/g, '${')
      .replace(/%%\{/g, '%{')
  )
}

describe('iac: terraform, the files', () => {
  it('lists the files under iac-path', () => {
    expect(files().map((f) => f.path)).toEqual(
      [
        'versions.tf',
        'provider.tf',
        'variables.tf',
        'oidc-provider.tf',
        'roles.tf',
        'outputs.tf'
      ].map((n) => `infra/aws-keys-to-oidc/${n}`)
    )
  })

  it('parse as HCL 2 and use only resource types and arguments of the AWS provider', async () => {
    const resources = schema.resources
    const seen = new Set<string>()
    for (const { file, json } of await parsed()) {
      for (const [type, byLabel] of Object.entries((json.resource ?? {}) as Blocks)) {
        const known = resources[type]
        expect({ file, type, known: known !== undefined }).toEqual({ file, type, known: true })
        for (const [label, [body]] of Object.entries(byLabel)) {
          const args = Object.keys(body ?? {})
          const allowed = [...(known?.required ?? []), ...(known?.optional ?? []), ...schema.meta]
          expect({ label, unknown: args.filter((a) => !allowed.includes(a)) }).toEqual({
            label,
            unknown: []
          })
          expect({
            label,
            missing: (known?.required ?? []).filter((a) => !args.includes(a))
          }).toEqual({
            label,
            missing: []
          })
          seen.add(type)
        }
      }
      for (const block of (json.import ?? []) as Record<string, unknown>[]) {
        expect(Object.keys(block).sort()).toEqual([...schema.import.arguments].sort())
      }
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'aws_iam_openid_connect_provider',
        'aws_iam_role',
        'aws_iam_role_policy',
        'aws_iam_role_policy_attachment'
      ])
    )
  })

  it('pins the AWS provider major version', async () => {
    const versions = (await parsed()).find((p) => p.file.endsWith('versions.tf'))?.json as {
      terraform: { required_providers: Record<string, { source: string; version: string }>[] }[]
    }
    expect(versions.terraform[0]?.required_providers[0]?.aws).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.0'
    })
  })

  it('are left as they are by terraform fmt', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'iac-fmt-'))
    try {
      for (const f of files()) writeFileSync(path.join(dir, path.basename(f.path)), f.content)
      // `terraform fmt -check` exits 3 and names every file it would change.
      const out = execFileSync('terraform', ['fmt', '-check', '-list=true', dir], {
        encoding: 'utf8',
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' }
      })
      expect(out).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('declare the roles, trust policies and policies of the plan', async () => {
    const roles = planRoles(plan.aws).map((r) => r.role)
    const newRoles = roles.filter((r) => r.kind === 'new-role')
    expect(newRoles.length).toBeGreaterThan(0)
    const all = (await parsed()).reduce<Blocks>((acc, p) => {
      for (const [type, byLabel] of Object.entries((p.json.resource ?? {}) as Blocks)) {
        acc[type] = { ...(acc[type] ?? {}), ...byLabel }
      }
      return acc
    }, {})
    const tfRoles = Object.values(all.aws_iam_role ?? {}).map((b) => b[0] ?? {})
    expect(tfRoles.map((r) => r.name).sort()).toEqual(newRoles.map((r) => r.roleName).sort())
    for (const role of newRoles) {
      const tf = tfRoles.find((r) => r.name === role.roleName) ?? {}
      const trust = (await jsonencoded(tf.assume_role_policy)) as PolicyDocument
      expect(samePolicy(trust, role.trust.document)).toBe(true)
      expect(tf.max_session_duration).toBe(role.maxSessionDuration)
      expect(tf.permissions_boundary).toBe(role.boundaryArn ?? undefined)
      expect(tf.tags).toEqual(
        Object.fromEntries(
          role.tags.filter((t) => t.key !== TAGS.createdAt).map((t) => [t.key, t.value])
        )
      )
      const inline = Object.values(all.aws_iam_role_policy ?? {}).map((b) => b[0] ?? {})
      for (const p of role.permissions?.inline ?? []) {
        const block = inline.find((b) => b.name === p.name)
        expect(samePolicy((await jsonencoded(block?.policy)) as PolicyDocument, p.document)).toBe(
          true
        )
      }
      const attached = Object.values(all.aws_iam_role_policy_attachment ?? {}).map(
        (b) => b[0]?.policy_arn
      )
      // hcl2json lists blocks by label; the order of attachments does not matter to IAM.
      expect(attached.filter((a) => !String(a).startsWith('${')).sort()).toEqual(
        (role.permissions?.attach ?? []).map((a) => a.arn).sort()
      )
    }
  })

  it('runs the trust check on the trust policies the files declare', () => {
    expect(plan.trustChecks.length).toBeGreaterThan(0)
    for (const check of plan.trustChecks) {
      expect(plan.iac?.trustPolicies.get(check.roleArn)).toBeDefined()
      expect(check.passed).toBe(true)
    }
    expect(plan.pullRequest?.body.trustChecks).toEqual(plan.trustChecks)
  })

  it('fails the trust check when the code would hold a wider trust policy', () => {
    const [check] = plan.trustChecks
    const document = plan.iac?.trustPolicies.get(check?.roleArn ?? '')
    expect(check && document).toBeTruthy()
    if (!check || !document || !plan.iac) return
    // The code's document with its sub condition widened to any ref of the repository.
    const widened = JSON.parse(
      JSON.stringify(document).replace(/ref:refs\/heads\/main"/, 'ref:*"')
    ) as PolicyDocument
    expect(widened).not.toEqual(document)
    const [rechecked] = iacTrustChecks([check], {
      ...plan.iac,
      trustPolicies: new Map([[check.roleArn, widened]])
    })
    expect(rechecked?.passed).toBe(false)
    expect(rechecked?.failures.length).toBeGreaterThan(0)
  })
})

describe('iac: terraform, migrate', () => {
  it('writes nothing to IAM, and opens the pull request with the workflows and the files', async () => {
    sandbox.iamProxy?.resetCalls()
    sandbox.github.resetRequests()
    const fresh = await planMigration(sandbox, aws, IAC)
    const result = await applyMigration(githubOf(sandbox), aws, fresh)
    expect(result.errors).toEqual([])
    expect(result.awsWrites).toEqual([])
    expect(sandbox.iamProxy?.calls.length).toBeGreaterThan(0)
    expect(iamWrites(sandbox)).toEqual([])
    expect(result.pullRequest?.operation).toBe('created')
    // The workflows assume the roles the code will create.
    expect(Object.values(result.roleArns)).toEqual(
      expect.arrayContaining(fresh.iac?.roles.map((r) => r.roleArn) ?? ['none'])
    )
    const paths = fresh.pullRequest?.files.map((f) => f.path) ?? []
    expect(paths).toEqual(expect.arrayContaining(files().map((f) => f.path)))
    expect(paths.some((p) => p.startsWith('.github/workflows/'))).toBe(true)
    const body = renderPullRequestBody(fresh.pullRequest!.body)
    expect(body.split('\n').slice(0, 2)).toEqual([
      '> [!IMPORTANT]',
      expect.stringContaining(
        '**Apply the Terraform code in `infra/aws-keys-to-oidc/` before merging.**'
      )
    ])
    expect(body).toContain('The roles below do not exist yet')
  })

  it('converges: the same facts give the same bytes, and the pull request is unchanged', async () => {
    const again = await planMigration(sandbox, aws, IAC)
    expect(again.iac?.files).toEqual(plan.iac?.files)
    sandbox.iamProxy?.resetCalls()
    const result = await applyMigration(githubOf(sandbox), aws, again)
    expect(result.errors).toEqual([])
    expect(result.pullRequest?.operation).toBe('unchanged')
    expect(iamWrites(sandbox)).toEqual([])
  })
})
