/**
 * The identifier formats the action checks or recognises, each defined once: AWS regions, IAM
 * role and managed-policy ARNs, and commit SHAs (an action pinned `@<sha>`). Pure: patterns and
 * predicates only; the messages that name an input live with the input.
 */

/** An AWS region name, unanchored (for hosts such as `123.dkr.ecr.eu-west-1.amazonaws.com`). */
export const REGION_SOURCE = '[a-z]{2}(?:-[a-z]+)+-\\d+'

/** An AWS region name (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`). */
export const REGION = new RegExp(`^${REGION_SOURCE}$`)

/** An ARN partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ... */
const PARTITION = 'aws(?:-[a-z]+)*'

/** An IAM role ARN with a literal account and name (path included): `arn:aws:iam::123456789012:role/x`. */
export const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role\\/[\\w+=,.@/-]{1,512}$`)

/** A managed policy ARN, customer-managed (12-digit account) or AWS-managed (`aws`). */
export const POLICY_ARN = new RegExp(
  `^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy\\/[\\w+=,.@/-]+$`
)

/** A full commit SHA (40 hex digits). */
export const COMMIT_SHA = /^[0-9a-f]{40}$/i

/** A `uses:` value pinned to a full commit SHA (`owner/repo@<sha>`), unanchored at the start. */
export const SHA_PINNED_USES = /@[0-9a-f]{40}$/i

/** A `uses:` pin to a full commit SHA anywhere in a text (a file that pins actions by SHA). */
export const SHA_PIN_IN_TEXT = /@[0-9a-f]{40}\b/i
