/**
 * The rewrite part of `plan`: `--diff` (unified diffs of what would change), `--write` (rewrite
 * the files in place), `--role-arn SECRET=ARN` (repeatable; a bare ARN applies to every key
 * pair) and `--region R`. Offline: configure-aws-credentials is pinned by tag and the
 * repository's default token permissions are assumed restricted (both said in the notes).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { REGION } from '../formats.js'
import { editJson } from '../report/edits.js'
import { unifiedDiffs } from '../workflows/diff.js'
import {
  PLACEHOLDER_ARN,
  validateRoleArn,
  type RewriteOptions,
  type RewriteResult
} from '../workflows/rewrite/rewrite.js'

/** The command-line values this module reads. */
export interface RewriteFlags {
  readonly diff: boolean
  readonly write: boolean
  readonly roleArns: readonly string[]
  readonly region: string | undefined
}

export const REWRITE_USAGE = `  --diff                     print unified diffs of the rewritten workflows (placeholder
                             ARNs ${PLACEHOLDER_ARN} where none is given)
  --write                    rewrite the workflow files in place (needs a role ARN for every key)
  --role-arn SECRET=ARN      the role replacing the key whose access-key-id secret is SECRET;
                             repeatable; a bare --role-arn ARN applies to every key
  --region R                 AWS region for new configure-aws-credentials steps when the
                             workflow does not show one
`

/** Whether any rewrite flag is given. */
export function wantsRewrite(flags: RewriteFlags): boolean {
  return flags.diff || flags.write || flags.roleArns.length > 0 || flags.region !== undefined
}

/** Reads `--role-arn` and `--region` into rewrite options; throws a message naming the flag. */
export function rewriteOptions(flags: RewriteFlags): RewriteOptions {
  const roleArns: Record<string, string> = {}
  let defaultRoleArn: string | null = null
  for (const value of flags.roleArns) {
    const eq = value.indexOf('=')
    if (eq < 0) {
      if (defaultRoleArn !== null && defaultRoleArn !== value) {
        throw new Error(
          `--role-arn ${value}: a role ARN for every key is already given (${defaultRoleArn})`
        )
      }
      defaultRoleArn = validateRoleArn(value, '--role-arn')
      continue
    }
    const secret = value.slice(0, eq).trim()
    const arn = value.slice(eq + 1).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secret)) {
      throw new Error(
        `--role-arn ${value}: '${secret}' is not a secret name (letters, digits and _, not starting with a digit)`
      )
    }
    if (roleArns[secret] !== undefined && roleArns[secret] !== arn) {
      throw new Error(`--role-arn ${value}: ${secret} already has the role ${roleArns[secret]}`)
    }
    roleArns[secret] = validateRoleArn(arn, `--role-arn ${secret}`)
  }
  if (flags.region !== undefined && !REGION.test(flags.region)) {
    throw new Error(`--region '${flags.region}' is not an AWS region (like eu-west-1)`)
  }
  return { roleArns, defaultRoleArn, region: flags.region ?? null }
}

/** The JSON plan's additions: per file the edits and follow-ups (and the diff with --diff). */
export function rewriteJson(result: RewriteResult, withDiff: boolean): object {
  return {
    files: result.files
      .filter((f) => f.changed || f.followUps.length > 0)
      .map((f) => ({
        path: f.path,
        changed: f.changed,
        edits: f.edits.map(editJson),
        followUps: f.followUps,
        ...(withDiff ? { diff: unifiedDiffs([f]) } : {})
      })),
    roles: result.roles,
    notes: result.notes
  }
}

/** The follow-ups and notes as text, for people. */
export function renderFollowUps(result: RewriteResult): string {
  const lines: string[] = []
  const ups = result.files.flatMap((f) => f.followUps)
  if (ups.length > 0) {
    lines.push(`Manual follow-ups (${ups.length}):`)
    for (const u of ups) lines.push(`  ${u.file}:${u.line}: ${u.reason}`)
  }
  for (const n of result.notes) lines.push(`note: ${n}`)
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** The text report of `--diff`: the diffs, then what stays manual. */
export function renderDiff(result: RewriteResult): string {
  const diffs = unifiedDiffs(result.files)
  return (diffs || 'No workflow changes.\n') + (diffs ? '\n' : '') + renderFollowUps(result)
}

/** Why `--write` must not run: placeholders would be written into the files. */
export function writeBlockers(result: RewriteResult): string[] {
  const out: string[] = []
  const placeholders = result.roles.filter((r) => r.placeholder)
  if (placeholders.length > 0) {
    const names = placeholders.map((r) => r.pair.accessKeyId ?? r.pairKey)
    out.push(
      `no role ARN for ${names.join(', ')}: pass --role-arn ${names[0]}=arn:aws:iam::ACCOUNT:role/NAME (or a bare --role-arn ARN for every key)`
    )
  }
  if (result.missingRegions.length > 0) {
    const where = result.missingRegions.map((r) => `${r.file}:${r.line}`).join(', ')
    out.push(`no AWS region for the new steps at ${where}: pass --region`)
  }
  return out
}

/** Rewrites the changed files in place under `root`; returns their paths. */
export async function writeRewrites(root: string, result: RewriteResult): Promise<string[]> {
  const written: string[] = []
  for (const f of result.files.filter((x) => x.changed)) {
    const file = path.join(root, ...f.path.split('/'))
    const current = await fs.readFile(file, 'utf8')
    if (current !== f.before) {
      throw new Error(`${f.path} changed on disk while it was being rewritten; run again`)
    }
    await fs.writeFile(file, f.after)
    written.push(f.path)
  }
  return written
}
