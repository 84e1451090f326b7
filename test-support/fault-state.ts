/**
 * What a migration leaves behind, as plain data that two runs can be compared by (the fault
 * suite: a run that met a fault and its re-run must leave exactly what an uninterrupted run
 * leaves). IAM: every role with its trust, settings, tags and policies, every customer-managed
 * policy with its default document and version count, every OIDC provider. GitHub: every branch
 * with the files at its head (commit ids differ between runs: they hold a time), every pull
 * request. Values that hold the time of the run (the `created-at` tag) or the access key id
 * (moto makes a new one each time a key owner is seeded) are masked: their keys still count.
 */
import {
  GetOpenIDConnectProviderCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  type IAMClient,
  type Tag
} from '@aws-sdk/client-iam'
import type { RepositoryState } from './github-server/index.js'

/** Tags whose value is the time of the run or comes from the seeded access key id. */
const VARYING_TAGS: ReadonlySet<string> = new Set([
  'aws-keys-to-oidc:created-at',
  'aws-keys-to-oidc:source-key',
  'aws-keys-to-oidc:source-key-last4'
])

export interface IamState {
  readonly roles: readonly unknown[]
  readonly policies: readonly unknown[]
  readonly providers: readonly unknown[]
}

export interface GitHubState {
  readonly branches: readonly { readonly name: string; readonly files: Record<string, string> }[]
  readonly pulls: readonly unknown[]
}

/** Every role, customer-managed policy and OIDC provider in the account. */
export async function iamState(iam: IAMClient): Promise<IamState> {
  const roles = []
  for (const r of (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles ?? []) {
    const RoleName = r.RoleName ?? ''
    const role = (await iam.send(new GetRoleCommand({ RoleName }))).Role
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName })))
      .AttachedPolicies
    const names = (await iam.send(new ListRolePoliciesCommand({ RoleName }))).PolicyNames ?? []
    const inline: Record<string, unknown> = {}
    for (const PolicyName of [...names].sort()) {
      const p = await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))
      inline[PolicyName] = document(p.PolicyDocument)
    }
    roles.push({
      name: RoleName,
      path: role?.Path,
      trust: document(role?.AssumeRolePolicyDocument),
      description: role?.Description ?? '',
      maxSessionDuration: role?.MaxSessionDuration,
      boundary: role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
      tags: tags(role?.Tags),
      attached: (attached ?? []).map((a) => a.PolicyArn ?? '').sort(),
      inline
    })
  }
  const policies = []
  const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }))
  for (const p of local.Policies ?? []) {
    const PolicyArn = p.Arn ?? ''
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn }))).Versions ?? []
    const version = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn, VersionId: p.DefaultVersionId ?? 'v1' })
    )
    const policyTags = (await iam.send(new ListPolicyTagsCommand({ PolicyArn }))).Tags
    policies.push({
      arn: PolicyArn,
      document: document(version.PolicyVersion?.Document),
      versions: versions.length,
      tags: tags(policyTags)
    })
  }
  const providers = []
  const list = await iam.send(new ListOpenIDConnectProvidersCommand({}))
  for (const entry of list.OpenIDConnectProviderList ?? []) {
    const OpenIDConnectProviderArn = entry.Arn ?? ''
    const p = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn }))
    providers.push({
      arn: OpenIDConnectProviderArn,
      url: p.Url,
      clientIds: [...(p.ClientIDList ?? [])].sort(),
      tags: tags(p.Tags)
    })
  }
  const byKey = (key: (v: never) => string) => (a: unknown, b: unknown) =>
    key(a as never).localeCompare(key(b as never))
  return {
    roles: roles.sort(byKey((r: { name: string }) => r.name)),
    policies: policies.sort(byKey((p: { arn: string }) => p.arn)),
    providers: providers.sort(byKey((p: { arn: string }) => p.arn))
  }
}

/** Every branch with the files at its head, and every pull request. */
export function gitHubState(repo: RepositoryState): GitHubState {
  const branches = repo.git.listRefs('refs/heads/').map((ref) => {
    const files: Record<string, string> = {}
    for (const entry of repo.git.listTree(ref.sha, true)) {
      if (entry.type === 'blob') files[entry.path] = repo.git.readBlob(entry.sha).toString('utf8')
    }
    return { name: ref.ref.replace(/^refs\/heads\//, ''), files }
  })
  const pulls = repo.pulls.map((p) => ({
    title: p.title,
    body: p.body,
    state: p.state,
    draft: p.draft,
    head: p.head,
    base: p.base,
    labels: [...p.labels].sort()
  }))
  return { branches, pulls }
}

function tags(list: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const t of [...(list ?? [])].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))) {
    out[t.Key ?? ''] = VARYING_TAGS.has(t.Key ?? '') ? '<varies by run>' : (t.Value ?? '')
  }
  return out
}

/** A policy document as parsed JSON (IAM answers URL-encoded text). */
function document(text: string | undefined): unknown {
  if (!text) return null
  const json = text.trim().startsWith('{') ? text : decodeURIComponent(text)
  return JSON.parse(json) as unknown
}
