/**
 * `mode: discover`: the repositories of an organisation (filtered by name, archived ones on
 * request), their workflow files read through the API in batches, each repository scanned and
 * planned offline as `mode: plan` does (so `automatic` is what a migration would rewrite), then
 * the `repositories` output for `strategy.matrix` and a summary table. Reads only.
 */
import * as core from '@actions/core'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Settings } from '../inputs.js'
import { listOrgRepositories, readWorkflowFiles } from '../github/discover.js'
import { apiBaseUrl, createOctokit, type Octokit } from '../github/octokit.js'
import {
  matrixRows,
  renderDiscoverSummary,
  sarifPathFor,
  type DiscoveredRepository
} from '../report/discover/discover.js'
import { toSarif } from '../report/sarif.js'
import { VERSION } from '../version.js'
import { nameMatches } from '../settings/discover.js'
import { awsKeyFindings } from '../workflows/findings.js'
import { planWorkflows } from '../workflows/plan.js'

export interface DiscoverDeps {
  readonly octokit?: Octokit
}

export async function runDiscover(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  deps: DiscoverDeps = {}
): Promise<DiscoveredRepository[]> {
  const { organization, repositoryFilter, includeArchived } = settings.discover
  const octokit =
    deps.octokit ?? createOctokit({ token: settings.githubToken, baseUrl: apiBaseUrl(env) })
  core.startGroup(`Listing the repositories of ${organization}`)
  const listed = await listOrgRepositories(octokit, organization, includeArchived)
  const matched = listed.filter((r) => nameMatches(repositoryFilter, r.name))
  core.info(`${listed.length} repositories, ${matched.length} matching ${repositoryFilter}`)
  core.endGroup()
  core.startGroup('Reading and scanning their workflow files')
  const { files, skipped } = await readWorkflowFiles(octokit, organization, matched)
  const repos: DiscoveredRepository[] = []
  for (const r of matched) {
    const own = files.get(r.fullName) ?? []
    const plan = planWorkflows(own, {}, { allowPullRequestTarget: settings.allowPullRequestTarget })
    const findings = awsKeyFindings(plan.result.findings)
    // A SARIF per repository with findings, on request (`sarif-file`).
    if (settings.sarifFile && findings.length > 0) {
      const file = sarifPathFor(settings.sarifFile, r.fullName)
      await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
      const sarif = toSarif(plan.result, { toolVersion: VERSION })
      await fs.writeFile(file, JSON.stringify(sarif, null, 2) + '\n')
      core.info(`SARIF of ${r.fullName} written to ${file}`)
    }
    repos.push({
      repository: r.fullName,
      archived: r.archived,
      files: own.length,
      findings,
      errors: plan.result.errors.length
    })
  }
  for (const s of skipped) core.warning(`not scanned: ${s} (too large to read through the API)`)
  core.endGroup()
  const rows = matrixRows(repos)
  core.setOutput('repositories', JSON.stringify(rows))
  core.setOutput('findings-count', String(rows.reduce((n, r) => n + r.findings, 0)))
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(
        renderDiscoverSummary({
          organization,
          filter: repositoryFilter,
          listed: listed.length,
          repos,
          skipped
        })
      )
      .write()
  }
  return repos
}
