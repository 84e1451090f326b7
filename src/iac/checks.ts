/**
 * The trust check on the generated code (pure): each role's claims (its jobs' and the
 * adversarial ones, as `src/migration/trust.ts` built them) evaluated again, against the trust
 * policy as the Terraform or CloudFormation files declare it.
 */
import { recheckTrust, type TrustCheck } from '../trust/check.js'
import type { IacPlan } from './files.js'

export function iacTrustChecks(checks: readonly TrustCheck[], iac: IacPlan): TrustCheck[] {
  return checks.map((check) => {
    const document = iac.trustPolicies.get(check.roleArn)
    return document ? recheckTrust(check, document, 'planned') : check
  })
}
