/**
 * The words for the infrastructure code of a plan (pure): that it must be applied before the
 * merge and how, the files, what exists already, and for chained roles the trust statements a
 * person adds (the role is not the code's to own). Shared by the pull request body and the job
 * summary.
 */
import type { IacExisting, IacFormat, IacPlan } from '../../iac/files.js'
import type { IacChainedRole } from '../../iac/model.js'

export const FORMAT_NAMES: Readonly<Record<IacFormat, string>> = {
  terraform: 'Terraform',
  cloudformation: 'CloudFormation'
}

/** The first thing the pull request says: apply the code, then merge. */
export function applyFirstLines(iac: IacPlan, repository: string): string[] {
  const name = FORMAT_NAMES[iac.format]
  return [
    `> [!IMPORTANT]`,
    `> **Apply the ${name} code in \`${iac.directory}\` before merging.** This action wrote nothing to IAM: ${iac.roles.length === 1 ? 'the role' : `the ${iac.roles.length} roles`} the workflows will assume (and the OIDC provider, where the account has none) are created by that code. Until it is applied, the changed workflows cannot get AWS credentials.`,
    `>`,
    `> ${applyCommand(iac, repository)}`
  ]
}

function applyCommand(iac: IacPlan, repository: string): string {
  if (iac.format === 'terraform') {
    return `From \`${iac.directory}\`: \`terraform init && terraform apply\` (or add the files to the configuration that manages this account).`
  }
  const template = iac.files[0]?.path ?? `${iac.directory}template.yaml`
  const stack = `aws-keys-to-oidc-${repository.replace(/[^A-Za-z0-9-]/g, '-')}`.slice(0, 128)
  return `\`aws cloudformation deploy --template-file ${template} --stack-name ${stack} --capabilities CAPABILITY_NAMED_IAM\``
}

/** The header's sentence about the roles, in place of "the roles exist already". */
export function rolesNotYetSentence(iac: IacPlan): string {
  return `The roles below do not exist yet: the ${FORMAT_NAMES[iac.format]} code in this pull request creates them.`
}

/** The files, what exists already, and what the code cannot do, one bullet each. */
export function iacNoteLines(iac: IacPlan): string[] {
  return [
    ...iac.files.map((f) => `- \`${f.path}\``),
    ...iac.existing.map((e) => `- ${existingLine(e, iac.format)}`),
    ...(iac.providerAudienceMissing
      ? [
          `- The OIDC provider \`${iac.providerAudienceMissing.arn}\` exists without the audience \`${iac.providerAudienceMissing.audience}\`; the template does not manage it: add the client id to it (\`aws iam add-client-id-to-open-id-connect-provider\`).`
        ]
      : []),
    ...iac.chained.map(
      (c) =>
        `- Role \`${c.roleArn}\` exists and is not the code's to own: ${c.upToDate ? 'its trust policy already holds the GitHub statement below.' : 'add the GitHub statement below to its trust policy.'}`
    )
  ]
}

function existingLine(e: IacExisting, format: IacFormat): string {
  const what = e.kind === 'role' ? `Role \`${e.name}\`` : `Managed policy \`${e.name}\``
  return format === 'terraform'
    ? `${what} exists already; an \`import\` block adopts it.`
    : `${what} exists already: unless this template's stack made it, import it into the stack (CloudFormation resource import) before the deploy.`
}

/** The statements to add to a chained role's trust policy, as JSON lines. */
export function chainedStatementLines(role: IacChainedRole): string[] {
  return JSON.stringify(role.statements, null, 2).split('\n')
}

export function chainedHeading(role: IacChainedRole): string {
  return `GitHub trust statement for role ${role.roleName}`
}
