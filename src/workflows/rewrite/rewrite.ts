/**
 * The workflow rewriter: the scanner's findings and a role ARN per key pair in, rewritten
 * workflow text out. Pure. Each file is either fully migrated (every automatic finding rewritten,
 * the result valid YAML whose re-scan finds none of the migrated keys) or left byte for byte as
 * it was; what stays manual is returned as follow-ups.
 *
 * Reusable workflows of the repository are rewritten together with their callers: a called
 * workflow that now assumes a role makes every calling job get `id-token: write`, and declared key
 * secrets it no longer uses become optional so that its callers stop passing them. Callers wait
 * for their callees' outcome, so files are planned until no outcome changes.
 */
import { CAC_TAG, validateCacRef, type CacRef } from './action-pins.js'
import { pairKey, type Finding, type KeyPair, type WorkflowFile } from '../findings.js'
import { callsLocalWorkflow, mayRewrite, type ParsedTrees } from '../parsed.js'
import { parseModel, type FileModel } from './model.js'
import type { FilePlan } from './file.js'
import { planFiles, type FileModels } from './rounds.js'
import type { Identity } from './steps.js'
import {
  PLACEHOLDER_ARN,
  type AssumedRole,
  type FileRewrite,
  type RewriteOptions,
  type RewriteResult
} from './contract.js'
import { kindReason } from '../scan/reasons.js'
import { localCallee } from '../scan/sites.js'
import { UnsupportedEdit } from './yaml-edits.js'
import { keyString, valueNode } from './yaml-edits.js'
import { secretsOf } from './nodes.js'
import { ROLE_ARN } from '../../formats.js'

export * from './contract.js'

// Findings the rewrite may turn into edits (`parsed.ts`); a file may still be left as it was
// (see RewriteResult.findings).
export { mayRewrite }

/** Checks a role ARN given by a person; the message names the input and what is allowed. */
export function validateRoleArn(arn: string, input: string): string {
  if (arn !== PLACEHOLDER_ARN && !ROLE_ARN.test(arn)) {
    throw new Error(
      `${input}: '${arn}' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`
    )
  }
  return arn
}

/**
 * Rewrites the files. `trees` are the scan's parsed trees (`scanWorkflows(files).trees`, for the
 * same file objects); a file without one is parsed again.
 */
export function rewriteWorkflows(
  files: readonly WorkflowFile[],
  findings: readonly Finding[],
  options: RewriteOptions = {},
  trees?: ParsedTrees
): RewriteResult {
  for (const [name, arn] of Object.entries(options.roleArns ?? {})) {
    validateRoleArn(arn, `role ARN for ${name}`)
  }
  if (options.defaultRoleArn) validateRoleArn(options.defaultRoleArn, 'default role ARN')
  const cacRef = validateCacRef(options.cacRef ?? { tag: CAC_TAG })
  const chainedRoles = options.chainedRoles ?? new Map<string, string>()
  for (const [expression, arn] of chainedRoles) validateRoleArn(arn, `role for ${expression}`)
  findings = resolvedChainFindings(findings, chainedRoles)
  const byFile = findingsByFile(findings)
  const models = fileModels(files, byFile, trees, options.keep)
  const passed = passedSecrets(models.callers)
  const keep = options.keep ?? new Map<string, string>()
  const plans = planFiles(
    files,
    byFile,
    models,
    (file) => ({
      identity: (pair, environment) => identityFor(pair, environment, file, passed, options),
      region: options.region ?? null,
      repositoryDefault: options.repositoryDefault ?? 'restricted',
      cacRef,
      // Only a literal ARN, or the role an expression was found to be, is known to be the role
      // the migration makes trust GitHub.
      chainedRole: (value) =>
        ROLE_ARN.test(value.trim()) ? value.trim() : (chainedRoles.get(value.trim()) ?? null)
    }),
    keep
  )
  return result(files, findings, byFile, plans, options, cacRef)
}

/** Chaining steps whose role-to-assume expression was resolved to a role: automatic now. */
function resolvedChainFindings(
  findings: readonly Finding[],
  chainedRoles: ReadonlyMap<string, string>
): readonly Finding[] {
  if (chainedRoles.size === 0) return findings
  return findings.map((f) => {
    const arn = f.roleToAssume === null ? undefined : chainedRoles.get(f.roleToAssume.trim())
    if (f.code !== 'cac-chain-unknown' || arn === undefined) return f
    const why = { kind: f.kind, migration: 'automatic', reason: 'cac-chain-resolved' } as const
    return {
      ...f,
      migration: why.migration,
      code: why.reason,
      reason: kindReason(why, { names: f.secrets, roleToAssume: f.roleToAssume, via: arn })
    }
  })
}

function findingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>()
  for (const f of findings) {
    const own = byFile.get(f.file)
    if (own) own.push(f)
    else byFile.set(f.file, [f])
  }
  return byFile
}

/**
 * Only files the rewrite may edit are parsed again: those with findings it can migrate and
 * those calling a reusable workflow of the repository (they may need id-token: write). The
 * scan's tree of such a file is taken when given (`parsed.ts`). Other trees are not kept: a
 * file planned again is parsed again (rare), and memory stays small.
 */
function fileModels(
  files: readonly WorkflowFile[],
  byFile: ReadonlyMap<string, readonly Finding[]>,
  trees: ParsedTrees | undefined,
  keep: ReadonlyMap<string, string> | undefined
): FileModels {
  const editable = new Set<string>()
  const callers = new Map<string, FileModel | null>()
  const model = (f: WorkflowFile): FileModel | null =>
    parseModel(f.path, f.text, trees?.take(f) ?? undefined)
  for (const f of files) {
    const own = byFile.get(f.path) ?? []
    const calling = callsLocalWorkflow(f.text)
    if ((own.some(mayRewrite) || calling) && !keep?.has(f.path)) editable.add(f.path)
    if (calling) callers.set(f.path, model(f))
  }
  return {
    editable,
    callers,
    get: (file) => (callers.has(file.path) ? callers.get(file.path)! : model(file))
  }
}

/**
 * For each local reusable workflow, the repository secrets its in-repo callers pass under each
 * declared name (`access_key_id` -> {`PROD_AWS_ACCESS_KEY_ID`}).
 */
function passedSecrets(
  models: ReadonlyMap<string, FileModel | null>
): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>()
  for (const model of models.values()) {
    for (const job of model?.jobs.values() ?? []) {
      const path = job.calls === null ? null : localCallee(job.calls)
      if (path === null || !job.secrets?.map) continue
      const names = out.get(path) ?? new Map<string, Set<string>>()
      for (const entry of job.secrets.map.items) {
        const name = keyString(entry as never)
        if (name === null) continue
        const set = names.get(name) ?? new Set<string>()
        for (const s of secretsOf(valueNode(entry as never))) set.add(s)
        names.set(name, set)
      }
      out.set(path, names)
    }
  }
  return out
}

/** The role a pair assumes: given per secret, through the callers of a reusable workflow, by default, or a placeholder. */
function identityFor(
  pair: KeyPair,
  environment: string | null,
  file: string,
  passed: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>,
  options: RewriteOptions
): Identity {
  const name = pair.accessKeyId ?? pair.secretAccessKey ?? '?'
  const arns = options.roleArns ?? {}
  const fallback = options.defaultRoleArn ?? PLACEHOLDER_ARN
  const own = (environment === null ? undefined : scopedArn(arns, environment, name)) ?? arns[name]
  if (own) return { pairKey: pairKey(pair), pair, arn: own }
  const viaCallers = [...(passed.get(file)?.get(name) ?? [])]
  if (viaCallers.length > 1) {
    throw new UnsupportedEdit(
      `callers pass different keys (${viaCallers.sort().join(', ')}) as ${name}, so no single role replaces them; give the reusable workflow a role input and migrate by hand`,
      0
    )
  }
  const via = viaCallers[0]
  if (via === undefined) return { pairKey: pairKey(pair), pair, arn: fallback }
  // The callers' repository secrets are the key that the role replaces.
  const passedAs = (n: string | null): string | null => {
    const names = [...(n === null ? [] : (passed.get(file)?.get(n) ?? []))]
    return names.length === 1 ? names[0]! : n
  }
  const repoPair: KeyPair = {
    accessKeyId: via,
    secretAccessKey: passedAs(pair.secretAccessKey),
    sessionToken: passedAs(pair.sessionToken)
  }
  return { pairKey: pairKey(repoPair), pair: repoPair, arn: arns[via] ?? fallback }
}

/** The role of `ENV/NAME` (a `keys` line scoped to the job's environment), names compared as GitHub does. */
function scopedArn(
  arns: Readonly<Record<string, string>>,
  environment: string,
  name: string
): string | undefined {
  const wanted = `${environment}/${name}`.toLowerCase()
  return Object.entries(arns).find(([key]) => key.toLowerCase() === wanted)?.[1]
}

function result(
  files: readonly WorkflowFile[],
  findings: readonly Finding[],
  byFile: ReadonlyMap<string, readonly Finding[]>,
  plans: ReadonlyMap<string, FilePlan>,
  options: RewriteOptions,
  cacRef: CacRef
): RewriteResult {
  const out: FileRewrite[] = []
  const roles = new Map<string, { role: Omit<AssumedRole, 'files'>; files: Set<string> }>()
  let tagForSha = false
  let defaultUsed = false
  const regions: { file: string; line: number }[] = []
  for (const file of files) {
    const plan = plans.get(file.path)
    if (!plan) {
      out.push({
        path: file.path,
        before: file.text,
        after: file.text,
        changed: false,
        edits: [],
        followUps: (byFile.get(file.path) ?? [])
          .filter((f) => f.kind !== 'non-aws')
          .map((f) => ({ file: f.file, line: f.line, reason: f.reason, kind: f.kind }))
      })
      continue
    }
    out.push({
      path: file.path,
      before: file.text,
      after: plan.after,
      changed: plan.after !== file.text,
      edits: plan.edits,
      followUps: plan.followUps,
      ...(plan.outcome.held ? { heldBy: plan.outcome.held } : {})
    })
    tagForSha ||= plan.usedTagForSha
    for (const line of plan.regionsMissing) regions.push({ file: file.path, line })
    defaultUsed ||= plan.edits.some(
      (e) => e.kind === 'id-token' && e.change === 'add-block' && e.from === 'repository-default'
    )
    for (const { identity, chained } of plan.roles) {
      const key = `${identity.pairKey}|${identity.arn}|${chained}`
      const entry = roles.get(key) ?? {
        role: {
          pairKey: identity.pairKey,
          pair: identity.pair,
          arn: identity.arn,
          placeholder: identity.arn === PLACEHOLDER_ARN,
          chained
        },
        files: new Set<string>()
      }
      entry.files.add(file.path)
      roles.set(key, entry)
    }
  }
  const notes: string[] = []
  if (tagForSha && !('sha' in cacRef)) {
    notes.push(
      `configure-aws-credentials: no ${CAC_TAG} release SHA known (offline); SHA-pinned steps are pinned to tag ${CAC_TAG} instead of a SHA.`
    )
  }
  if (defaultUsed && !options.repositoryDefault) {
    notes.push(
      'Default token permissions of the repository unknown: assumed restricted (contents: read, packages: read) for jobs without permissions.'
    )
  }
  const placeholders = [...roles.values()].filter((r) => r.role.placeholder)
  if (placeholders.length > 0) {
    notes.push(
      `No role ARN given for ${placeholders.map((r) => r.role.pair.accessKeyId ?? r.role.pairKey).join(', ')}: the placeholder ${PLACEHOLDER_ARN} is written; replace it before merging.`
    )
  }
  return {
    files: out,
    roles: [...roles.values()].map(({ role, files: f }) => ({ ...role, files: [...f].sort() })),
    notes,
    missingRegions: regions,
    findings: settledFindings(findings, plans, out)
  }
}

/**
 * The findings in scan order, automatic only where the rewrite migrated them: an automatic
 * finding of a file left as it was becomes manual with the follow-up's reason.
 */
function settledFindings(
  findings: readonly Finding[],
  plans: ReadonlyMap<string, FilePlan>,
  files: readonly FileRewrite[]
): Finding[] {
  const migrated = new Set([...plans.values()].flatMap((p) => p.migrated))
  const ups = new Map(files.map((f) => [f.path, f.followUps]))
  return findings.map((f) => {
    if (f.migration !== 'automatic' || migrated.has(f)) return f
    const up = (ups.get(f.file) ?? []).find((u) => u.line === f.line && u.kind === f.kind)
    return {
      ...f,
      migration: 'manual',
      code: 'rewrite-left',
      reason:
        up?.reason ?? 'Not rewritten automatically (the rewrite left this use); migrate it by hand.'
    }
  })
}
