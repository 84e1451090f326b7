import * as core from '@actions/core'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Settings } from '../inputs.js'
import { collectCodeFiles, collectWorkflowFiles } from '../local-files.js'
import { planWithCode } from '../code/plan.js'
import { renderCodeMarkdown, renderCodeText } from '../report/code/code-findings.js'
import { KIND_INFO } from '../report/kinds.js'
import { toSarif } from '../report/sarif.js'
import { renderPlanSummary } from '../report/summary.js'
import { renderText } from '../report/text.js'
import { VERSION } from '../version.js'
import { awsKeyFindings, type ScanResult } from '../workflows/findings.js'

/** `mode: plan`: scan the checkout, report, and fail only when asked to. Read-only. */
export async function runPlanMode(settings: Settings, env: NodeJS.ProcessEnv): Promise<ScanResult> {
  const root = path.resolve(settings.workingDirectory)
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const pathPrefix = prefixFrom(workspace, root)

  core.startGroup(`Scanning workflows in ${root}`)
  const { files } = await collectWorkflowFiles(root)
  // The rewrite runs offline too: a finding is automatic only where it would be rewritten.
  const sources = await collectCodeFiles(root)
  const plan = planWithCode(
    files,
    sources,
    {},
    {
      allowPullRequestTarget: settings.allowPullRequestTarget
    }
  )
  const { result } = plan
  const code = { findings: plan.code.findings, applied: plan.applied, holds: plan.code.holds }
  core.info(`${files.length} workflow and composite-action file(s) read`)
  core.info(`${sources.length} source file(s) read for the code the jobs run`)
  core.info(renderText(result) + renderCodeText(code))
  core.endGroup()

  annotate(result, pathPrefix)

  const aws = awsKeyFindings(result.findings)
  core.setOutput('findings', JSON.stringify({ findings: result.findings, errors: result.errors }))
  core.setOutput('findings-count', String(aws.length))

  if (settings.sarifFile) await writeSarif(settings.sarifFile, result, pathPrefix)

  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(
        renderPlanSummary(result, {
          blobBase: blobBase(env, settings),
          pathPrefix,
          migrationFollows: settings.keys.length > 0,
          scanned: shownPath(workspace, root)
        }) + renderCodeMarkdown(code)
      )
      .write()
  }

  // A file that is not valid YAML was not scanned: it may hold keys, so it fails as the CLI does.
  const broken = new Set(result.errors.map((e) => e.file)).size
  if (settings.failOnFindings && (aws.length > 0 || broken > 0)) {
    const found = [
      ...(aws.length > 0 ? [`${aws.length} static AWS key use(s) found`] : []),
      ...(broken > 0 ? [`${broken} workflow file(s) not valid YAML (not scanned)`] : [])
    ]
    core.setFailed(
      `${found.join(' and ')} (fail-on-findings is true); see the annotations and the job summary`
    )
  }
  return result
}

/** One annotation per finding (a notice for keys that are not AWS's) and per unreadable file. */
function annotate(result: ScanResult, pathPrefix: string): void {
  for (const f of result.findings) {
    const props = {
      title: KIND_INFO[f.kind].title,
      file: pathPrefix + f.file,
      startLine: f.line,
      startColumn: f.column
    }
    const text = `${f.reason} (secrets: ${f.secrets.join(', ')})`
    if (f.migration === 'not-migrated') core.notice(text, props)
    else core.warning(text, props)
  }
  for (const e of result.errors) {
    core.error(e.message, {
      title: 'Workflow file could not be parsed',
      file: pathPrefix + e.file,
      startLine: e.line
    })
  }
}

async function writeSarif(file: string, result: ScanResult, pathPrefix: string): Promise<void> {
  const sarif = toSarif(result, { toolVersion: VERSION, pathPrefix })
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await fs.writeFile(file, JSON.stringify(sarif, null, 2) + '\n')
  core.info(`SARIF written to ${file}`)
}

/** `sub/dir/` when root is inside the workspace, `''` when it is the workspace or outside it. */
/** The scanned folder as a reader of the summary knows it: relative to the workspace, else absolute. */
function shownPath(workspace: string, root: string): string {
  const rel = path.relative(workspace, root)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return root
  return rel === '' ? '.' : rel.split(path.sep).join('/')
}

function prefixFrom(workspace: string, root: string): string {
  const rel = path.relative(workspace, root)
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return ''
  return rel.split(path.sep).join('/') + '/'
}

/**
 * Links to the files at the run's commit. Only when the scanned repository is the run's own: an
 * administration repository scanning another one (`repository` input) does not know its commit.
 */
function blobBase(env: NodeJS.ProcessEnv, settings: Settings): string | null {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repo = env.GITHUB_REPOSITORY
  const sha = env.GITHUB_SHA
  const scanned = settings.repository
  if (scanned && `${scanned.owner}/${scanned.repo}`.toLowerCase() !== repo?.toLowerCase()) {
    return null
  }
  return repo && sha ? `${server}/${repo}/blob/${sha}/` : null
}
