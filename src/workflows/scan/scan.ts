/**
 * The workflow scanner: workflow and composite-action text in, static AWS key findings out.
 * Pure (no I/O). Each file is parsed once with `yaml`'s `parseDocument` and a `LineCounter`;
 * `collect-sites.ts` lists the values holding expressions (the tree is then dropped, but for
 * the files the rewrite parses again: the result hands those trees on, see `../parsed.ts`),
 * `key-uses.ts` decides which carry keys once every file is read (a secret that feeds
 * configure-aws-credentials in one file is a key in all), `classify.ts` groups them into findings,
 * `settle.ts` decides what depends on other files (partial pairs, reusable workflows).
 *
 * `migration: automatic` means exactly what the rewriter (`rewrite.ts`) migrates; it acts on
 * nothing else. When the rewrite still has to leave a file as it was, the plan (`plan.ts`) shows
 * the finding as manual with the reason.
 *
 * Path rule (the rewriter locates nodes by `path`; it names the map entry the finding is about):
 * - configure-aws-credentials: one finding per step, at `['jobs', JOB, 'steps', I, 'with',
 *   'aws-access-key-id']`, or at `aws-secret-access-key` / `aws-session-token` when the id input
 *   is absent (composite actions: `['runs', 'steps', I, 'with', ...]`).
 * - env (`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`): one finding per env
 *   map per key pair, at `[..., 'env', 'AWS_ACCESS_KEY_ID']`, or the secret / token entry when the
 *   id entry is absent or not from a secret (`${{ vars.X }}`). `...` is empty (workflow env),
 *   `['jobs', JOB]` or `['jobs', JOB, 'steps', I]`.
 * - keys under other env names, container/services env, another action's `with:`, a reusable
 *   caller's `secrets:`: one finding per map per pair, at the entry of the pair's id (else secret,
 *   else token), e.g. `['jobs', JOB, 'steps', I, 'with', 'password']`. When an env map passes a
 *   pair under both standard and other names, the finding is `key-export` at the other name.
 * - secrets chosen at run time (`secrets[...]`, `a && secrets.X || secrets.Y`): one finding per
 *   map (or step), at the id entry.
 * - `on.workflow_call.secrets`: one finding per pair at `['on', 'workflow_call', 'secrets', NAME]`
 *   (the first key is the one written in the file: `on`, or `true` for YAML 1.1 files); a
 *   declared secret that is neither `required: true` nor read in the file is not a finding.
 * - run scripts and any other value: one finding per pair at the value's entry
 *   (`[..., 'run']`, `[..., 'if']`, ...).
 * - `secrets: inherit`: one finding per pair of the called workflow, at `['jobs', JOB, 'secrets']`.
 * Paths go through aliases as written (the logical path); such findings are never automatic.
 *
 * Line and column (1-based, UTF-16 columns) point at the key reference inside the value
 * (`secrets.NAME`, `env.NAME`, `inputs.NAME`, `secrets[`, `toJSON(secrets)`), else at the value;
 * for `on.workflow_call.secrets`, at the declared name; for `secrets: inherit`, at `inherit`.
 *
 * Decisions:
 * - A file with YAML errors (including duplicate keys and unresolved aliases) gets `errors`
 *   entries and no findings: its tree is not reliable and GitHub refuses it too ("'push' is
 *   already defined"). Other files are still scanned.
 * - A file whose top level has `runs:` and no `jobs:` is a composite action; a mapping with
 *   neither is not a workflow and yields nothing.
 * - `uses: ./` (a local action) is never taken for configure-aws-credentials, even when its
 *   inputs look the same (the action's own repository tests static keys on purpose): keys fed
 *   to it are `action-input`, manual.
 * - In a composite action, keys arriving as `inputs.X` into configure-aws-credentials or the
 *   AWS_* env are findings (manual, no secret names): the action forces its callers to hold
 *   static keys and must change together with them. Other uses of inputs are not findings.
 * - A configure-aws-credentials key input from any other expression (step outputs) is a manual
 *   finding; AWS_* env from step outputs is not (that is how temporary credentials are passed).
 *   A script writing keys from step outputs (`aws configure set aws_access_key_id
 *   ${{ steps.vault.outputs.X }}`) is a manual finding unless it also writes a session token.
 * - Automatic only when nothing argues against it; manual when: a session token comes from a
 *   secret (temporary credentials), the region is a China or GovCloud one, the step is an action
 *   reading the env (it may not take a session token), the env map carries 5 or more other
 *   secrets (a program's configuration, e.g. a test suite), a YAML anchor or alias is involved,
 *   or the file says it is generated or synced ("do not edit").
 * - Automatic beyond configure-aws-credentials and env: docker/login-action logging in to an ECR
 *   registry (private host or public.ecr.aws, not China) with exactly the pair as username and
 *   password; a reusable workflow of the repository whose every use of a declared pair is
 *   automatic, its callers in the repository that pass only secrets it releases, and
 *   `secrets: inherit` callers of it (see `settle.ts`).
 * - A step env with keys is manual when the same step also uses keys by hand (its entries
 *   cannot go alone); uses of a declared secret under which callers pass different keys are
 *   manual (no single role replaces them).
 * - A pair seen with one side only is completed from the single full pair with that side (the
 *   same file first, else the whole scan); `secrets` keeps the names the finding references.
 * - Not migrated (`non-aws`): R2 / MinIO / ... names, or an S3 endpoint override in scope that is
 *   set from a secret or is a literal URL other than amazonaws.com.
 * - Literal values (`minio`, `test`, fake `AKIA...EXAMPLE`) are not secrets and are ignored;
 *   so are comments.
 */
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { CodeHold, Finding, ScanError, ScanResult, WorkflowFile } from '../findings.js'
import { holdJobs } from './code-holds.js'
import { buildFindings, inheritFindings } from './classify.js'
import { generatedHeader } from './hints.js'
import { learnRoles } from './key-uses.js'
import { callsLocalWorkflow, parsedTrees, rewriteParses, type ParsedTrees } from '../parsed.js'
import { collectSites } from './collect-sites.js'
import { settleFindings } from './settle.js'
import {
  refuseUntrustedCheckouts,
  untrustedCheckouts,
  type UntrustedCheckout
} from './pull-request-target.js'
import { kindReason } from './reasons.js'
import type { FileSites } from './sites.js'
import { position, sourceOf, type Located, type Source } from './yaml-nodes.js'

/**
 * The scan's result, and the trees it hands to the rewrite (`rewriteWorkflows(..., trees)`).
 * `trees` is not enumerable: it never reaches JSON or a comparison of results.
 */
export interface ScannedWorkflows extends ScanResult {
  readonly trees: ParsedTrees
  /** pull_request_target jobs that check out the pull request's head and run it (not enumerable). */
  readonly untrustedCheckouts: readonly UntrustedCheckout[]
}

export interface ScanOptions {
  /** `allow-pull-request-target`: rewrite pull_request_target jobs that run the head (default false). */
  readonly allowPullRequestTarget?: boolean
  /** Jobs the code they run holds on their keys (`src/code/`): none of their findings is automatic. */
  readonly codeHolds?: readonly CodeHold[]
  /**
   * Hand the rewrite the trees of the files it parses again (`trees`), within the budget of
   * `treeKeepers`, so that those are parsed once. Default false: a scan whose findings are not
   * rewritten keeps no tree (trees cost memory and garbage-collection time for nothing).
   */
  readonly keepTrees?: boolean
}

/**
 * The text (in UTF-16 code units) whose trees the scan may keep even when the largest file is
 * smaller (`treeKeepers`): most repositories' workflows fit, and all their trees are kept.
 */
export const TREE_BUDGET_FLOOR = 256 * 1024

/**
 * The files whose trees the scan may keep for the rewrite (`keepTrees`): the largest first, as
 * long as their texts add up to no more than the largest file's, or TREE_BUDGET_FLOOR when that
 * is more. The rewrite parses the other files again. So the kept trees take no more memory than
 * the tree of the largest file, which the rewrite holds anyway while it edits that file (or than
 * the trees of a floor's worth of text), however many files the repository has; and the largest
 * files, whose parses cost most, are parsed once.
 */
export function treeKeepers(
  files: readonly WorkflowFile[],
  floor: number = TREE_BUDGET_FLOOR
): Set<WorkflowFile> {
  const bySize = [...files].sort((a, b) => b.text.length - a.text.length)
  let left = Math.max(bySize[0]?.text.length ?? 0, floor)
  const keep = new Set<WorkflowFile>()
  for (const f of bySize) {
    if (f.text.length > left) continue
    keep.add(f)
    left -= f.text.length
  }
  return keep
}

/** A file parsed without errors: only its sites, text and line starts are kept. */
interface Scanned {
  readonly file: string
  readonly located: Located
  readonly sites: FileSites
  /** The tree, for a file that may have findings or call a reusable workflow of the repository. */
  readonly kept: { readonly file: WorkflowFile; readonly doc: Document.Parsed } | null
  readonly untrusted: readonly UntrustedCheckout[]
}

export function scanWorkflows(
  files: readonly WorkflowFile[],
  options: ScanOptions = {}
): ScannedWorkflows {
  const errors: ScanError[] = []
  const scanned: Scanned[] = []
  const keepers = options.keepTrees ? treeKeepers(files) : new Set<WorkflowFile>()
  for (const f of files) {
    const one = scanFile(f, keepers.has(f))
    if ('errors' in one) errors.push(...one.errors)
    else scanned.push(one)
  }
  const untrusted = scanned.flatMap((s) => s.untrusted)
  const allow = options.allowPullRequestTarget ?? false
  const findings = settledFindings(scanned, untrusted, allow, options.codeHolds ?? [])
  errors.sort((a, b) => compare(a.file, b.file) || a.line - b.line)
  const result = withTrees({ findings, errors }, handedTrees(scanned, findings))
  return Object.defineProperties(result, {
    untrustedCheckouts: { value: untrusted, enumerable: false }
  }) as ScannedWorkflows
}

/**
 * Parses one file and lists its sites. A parsed tree is dropped after its walk, but for the
 * files that may have findings or call a reusable workflow of the repository (see handedTrees).
 */
function scanFile(f: WorkflowFile, keepTree: boolean): Scanned | { errors: ScanError[] } {
  const parsed = parse(f)
  if ('errors' in parsed) return parsed
  const src = parsed.src
  const sites = collectSites(src, f.path)
  if (src.unresolved.length > 0) {
    return {
      errors: src.unresolved.map((u) => ({
        file: f.path,
        line: position(src, u.offset).line,
        message: `not valid YAML: unresolved alias *${u.name} (column ${position(src, u.offset).column})`
      }))
    }
  }
  const candidate =
    keepTree &&
    (sites.sites.length > 0 || sites.inheritCalls.length > 0 || callsLocalWorkflow(f.text))
  return {
    file: f.path,
    located: { lines: src.lines, text: f.text },
    sites,
    kept: candidate ? { file: f, doc: src.doc } : null,
    untrusted: untrustedCheckouts(src, { node: src.doc.contents, shared: false }, f.path)
  }
}

/** The findings of every file, once the sites of all are known, settled and in order. */
function settledFindings(
  scanned: readonly Scanned[],
  untrusted: readonly UntrustedCheckout[],
  allow: boolean,
  holds: readonly CodeHold[]
): Finding[] {
  const known = learnRoles(scanned.flatMap((s) => s.sites.sites))
  const findings: Finding[] = []
  const byFile = new Map<string, Finding[]>()
  for (const s of scanned) {
    const own = buildFindings(s.located, s.sites, known)
    byFile.set(s.file, own)
    findings.push(...own)
  }
  for (const s of scanned) {
    findings.push(...inheritFindings(s.located, s.sites.inheritCalls, byFile))
  }
  const settled = settleFindings(
    holdJobs(
      refuseUntrustedCheckouts(findings, untrusted, allow, (f, risk) =>
        kindReason(
          { kind: f.kind, migration: 'manual', reason: 'pull-request-target-head' },
          { names: f.secrets, via: `line ${risk.line}: ${risk.how}` }
        )
      ),
      holds
    ),
    scanned.map((s) => ({
      file: s.file,
      sites: s.sites,
      generated: generatedHeader(s.located.text) !== null
    }))
  )
  return settled.sort(compareFindings)
}

/** The kept trees of the files the rewrite parses again, now that their findings are known. */
function handedTrees(scanned: readonly Scanned[], findings: readonly Finding[]): ParsedTrees {
  const byFile = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = byFile.get(f.file)
    if (list) list.push(f)
    else byFile.set(f.file, [f])
  }
  return parsedTrees(
    scanned.flatMap((s) =>
      s.kept && rewriteParses(s.located.text, byFile.get(s.file) ?? [])
        ? [[s.kept.file, s.kept.doc] as const]
        : []
    )
  )
}

function withTrees(
  result: ScanResult,
  trees: ParsedTrees
): Omit<ScannedWorkflows, 'untrustedCheckouts'> {
  return Object.defineProperty(result, 'trees', {
    value: trees,
    enumerable: false
  }) as ScannedWorkflows
}

function parse(f: WorkflowFile): { src: Source } | { errors: ScanError[] } {
  const lines = new LineCounter()
  const doc = parseDocument(f.text, { lineCounter: lines, prettyErrors: true })
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        file: f.path,
        line: e.linePos?.[0].line ?? 1,
        message: `not valid YAML: ${errorMessage(e.message)}`
      }))
    }
  }
  return { src: sourceOf(doc, lines, f.text) }
}

/** The first line of a `yaml` error, without the position (given separately) and code excerpt. */
function errorMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return first.replace(/ at line \d+, column (\d+):?$/, ' (column $1)')
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compare(a.kind, b.kind) ||
    compare(a.path.join('/'), b.path.join('/'))
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
