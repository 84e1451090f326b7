/**
 * The words of a rewrite edit (pure): one line per edit for the job summary and the `description`
 * of the plan JSON. The rewrite records edits as data (`RewriteEdit`); only this file words them.
 */
import type {
  CacStepAddedEdit,
  EnvRemovedEdit,
  IdTokenEdit,
  RewriteEdit,
  RoleToAssumeEdit
} from '../workflows/rewrite/contract.js'

/** An edit in words, e.g. `job deploy: permissions gain id-token: write`. */
export function describeEdit(edit: RewriteEdit): string {
  switch (edit.kind) {
    case 'id-token':
      return `job ${edit.job}: permissions ${idTokenChangeText(edit)}`
    case 'action-pin':
      return `job ${edit.job}: ${edit.from} -> ${edit.to}`
    case 'cac-inputs':
      return `job ${edit.job}: configure-aws-credentials ${edit.converted.map((c) => `${c.input}: ${c.from} -> ${c.to}`).join(', ')} (v6 reads only true/false)`
    case 'role-to-assume':
      return `job ${edit.job}: configure-aws-credentials ${roleToAssumeText(edit)}`
    case 'cac-step-added':
      return `job ${edit.job}: configure-aws-credentials step added ${newStepText(edit)}`
    case 'env-removed':
      return `${envScope(edit)} env: ${edit.names.join(', ')} removed`
    case 'docker-login':
      return `job ${edit.job}: docker login to ECR uses the role's credentials; username/password removed`
    case 'secrets-not-passed':
      return `job ${edit.job}: no longer passes ${edit.secrets.join(', ')} to ${edit.workflow}`
    case 'secrets-optional':
      return `workflow_call secrets ${edit.secrets.join(', ')}: required: false (no longer used)`
  }
}

/** What an id-token edit did to the job's permissions, e.g. `id-token read -> write`. */
export function idTokenChangeText(edit: IdTokenEdit): string {
  switch (edit.change) {
    case 'upgrade':
      return `id-token ${edit.from} -> write`
    case 'add-entry':
      return 'gain id-token: write'
    case 'expand':
      return `${edit.from} written out as a map with id-token: write`
    case 'add-block': {
      const copied =
        edit.from === 'workflow'
          ? 'a copy of the workflow permissions'
          : `the repository default (${edit.repositoryDefault})`
      return `added: ${copied} plus id-token: write`
    }
  }
}

/** What became of a configure-aws-credentials step's key inputs. */
function roleToAssumeText(edit: RoleToAssumeEdit): string {
  return edit.chained
    ? `assumes ${edit.roleArn} directly with OIDC; key inputs removed`
    : `key inputs replaced by role-to-assume ${edit.roleArn}`
}

/** Where a new step goes and what it is written with (the step counted from 1). */
function newStepText(edit: CacStepAddedEdit): string {
  const condition = edit.if ? `, if: ${edit.if}` : ''
  return `before step ${edit.before + 1} (role-to-assume ${edit.roleArn}, aws-region ${edit.region}${condition})`
}

/** The env map the keys left: `workflow`, `job build` or `job build step 3`. */
function envScope(edit: EnvRemovedEdit): string {
  if (edit.job === null) return 'workflow'
  return edit.step === null ? `job ${edit.job}` : `job ${edit.job} step ${edit.step + 1}`
}

/** An edit as the JSON outputs show it: its fields and its words (`description`). */
export function editJson(edit: RewriteEdit): RewriteEdit & { readonly description: string } {
  return { ...edit, description: describeEdit(edit) }
}
