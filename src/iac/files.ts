/**
 * The infrastructure code of a plan (pure): which files, under the `iac-path` directory of the
 * repository, with what text. The same facts give the same bytes, so a re-run's pull request
 * is `unchanged`. Also the trust policies as the code holds them (the trust check is run on
 * those) and what the code cannot do (chained roles, an existing provider without the
 * audience), as records for `src/report/iac/` to word.
 */
import type { PolicyDocument } from '../aws/plan/policy-document.js'
import { cloudFormationTemplate, TEMPLATE_FILE } from './cloudformation.js'
import { iacModel, type IacChainedRole, type IacModelInput } from './model.js'
import { terraformFiles } from './terraform.js'

export type IacFormat = 'terraform' | 'cloudformation'
export const IAC_FORMATS: readonly (IacFormat | 'none')[] = ['none', 'terraform', 'cloudformation']

/** The `iac` and `iac-path` inputs. */
export interface IacSettings {
  readonly format: IacFormat
  /** Repository-relative directory, `/` separators, ending in `/` (e.g. `infra/aws-keys-to-oidc/`). */
  readonly directory: string
}

export interface IacFile {
  /** Repository path. */
  readonly path: string
  readonly content: string
}

export interface IacPlan {
  readonly format: IacFormat
  readonly directory: string
  readonly files: readonly IacFile[]
  /** Role ARN -> its trust policy as the code declares it (new roles and chained ones). */
  readonly trustPolicies: ReadonlyMap<string, PolicyDocument>
  /** New roles the code creates (name, ARN), by name. */
  readonly roles: readonly { readonly roleName: string; readonly roleArn: string }[]
  /** Existing roles the keys assumed: the GitHub statements to add to them by hand. */
  readonly chained: readonly IacChainedRole[]
  /** An existing provider lacks the audience (CloudFormation does not manage it: add it by hand). */
  readonly providerAudienceMissing: { readonly arn: string; readonly audience: string } | null
  /** Roles and merged policies that exist in IAM already (Terraform imports them). */
  readonly existing: readonly IacExisting[]
}

export interface IacExisting {
  readonly kind: 'role' | 'managed-policy'
  readonly name: string
}

export interface IacInput extends IacModelInput {
  /** The `aws-region` input (the Terraform provider's region variable). */
  readonly region: string
}

export function planIac(input: IacInput, settings: IacSettings): IacPlan {
  const model = iacModel(input)
  const named: [string, string][] =
    settings.format === 'terraform'
      ? terraformFiles(model, { region: input.region })
      : [[TEMPLATE_FILE, cloudFormationTemplate(model)]]
  const trustPolicies = new Map<string, PolicyDocument>(
    input.roles.map((r) => [r.roleArn, r.trust.document])
  )
  for (const role of model.roles) trustPolicies.set(role.roleArn, role.trust)
  return {
    format: settings.format,
    directory: settings.directory,
    files: named.map(([name, content]) => ({ path: `${settings.directory}${name}`, content })),
    trustPolicies,
    roles: model.roles.map((r) => ({ roleName: r.roleName, roleArn: r.roleArn })),
    chained: model.chained,
    providerAudienceMissing:
      settings.format === 'cloudformation' && model.provider.needsAudience
        ? { arn: model.provider.arn, audience: input.provider.audience }
        : null,
    existing: model.roles.flatMap((r): IacExisting[] => [
      ...(r.exists ? [{ kind: 'role' as const, name: r.roleName }] : []),
      ...r.merged
        .filter((m) => m.exists)
        .map((m) => ({ kind: 'managed-policy' as const, name: m.name }))
    ])
  }
}
