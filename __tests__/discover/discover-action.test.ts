/**
 * `mode: discover` end to end: the bundle (dist/index.js) run as the runner runs it against the
 * project's GitHub API server, which validates every GraphQL query against GitHub's schema. An
 * organisation of 126 repositories (more than one page of 100) plus a repository of another
 * owner: the matrix lists exactly the repositories with findings, archived ones only on request,
 * filtered by name; a bad input fails before any request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { orgRepoKind, orgSeeds } from '../../__fixtures__/discover-org.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { runAction } from '../../test-support/runner.js'

const entry = path.resolve('dist/index.js')
// More than 100 repositories that are not archived: the listing takes two pages.
const COUNT = 126
let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      ...orgSeeds('acme', COUNT),
      { fullName: 'other/svc-000', files: { '.github/workflows/d.yml': 'on: push\njobs: {}\n' } }
    ]
  })
}, 240_000)

afterAll(async () => {
  await server.close()
})

function discover(inputs: Record<string, string>) {
  return runAction(entry, {
    inputs: { mode: 'discover', 'github-token': server.token, ...inputs },
    env: { GITHUB_API_URL: server.url }
  })
}

interface Row {
  readonly repository: string
  readonly findings: number
  readonly automatic: number
  readonly manual: number
}

const expected = (archived: boolean, filter: (i: number) => boolean = () => true): string[] =>
  Array.from({ length: COUNT }, (_, i) => i)
    .filter(filter)
    .filter((i) => orgRepoKind(i) === 'keys' || (archived && orgRepoKind(i) === 'archived-keys'))
    .map((i) => `acme/svc-${String(i).padStart(3, '0')}`)

const listedCount = (): number => expected(false).length + kinds(['clean', 'empty'])

const kinds = (which: readonly string[]): number =>
  Array.from({ length: COUNT }, (_, i) => orgRepoKind(i)).filter((k) => which.includes(k)).length

describe('dist/index.js in discover mode', () => {
  it('outputs the matrix of the repositories with findings, over every page', async () => {
    server.resetRequests()
    const dir = mkdtempSync(path.join(os.tmpdir(), 'discover-sarif-'))
    const sarifFile = path.join(dir, 'results.sarif')
    const run = await discover({ organization: 'acme', 'sarif-file': sarifFile })
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.outputs.repositories ?? '') as Row[]
    expect(rows.map((r) => r.repository)).toEqual(expected(false))
    // One SARIF per repository with findings, each with that repository's results.
    expect(readdirSync(dir).sort()).toEqual(
      rows.map((r) => `results.${r.repository.replace('/', '.')}.sarif`).sort()
    )
    const first = JSON.parse(
      readFileSync(path.join(dir, `results.${rows[0]!.repository.replace('/', '.')}.sarif`), 'utf8')
    ) as { runs: { results: { locations: unknown[] }[] }[] }
    expect(first.runs[0]!.results).toHaveLength(rows[0]!.findings)
    rmSync(dir, { recursive: true, force: true })
    for (const r of rows) expect(r).toMatchObject({ findings: 1, automatic: 1, manual: 0 })
    expect(run.summary).toContain(`| ${rows[0]!.repository} | 1 | 1 | 0 |`)
    const listed = expected(false, () => true).length + kinds(['clean', 'empty'])
    expect(run.summary).toContain(`${listed} of ${listed} repositories matched`)
    // Two pages of repositories, then the files of the matched ones in batches of 25.
    const graphql = server.requests.filter((r) => r.path === '/graphql')
    expect(graphql).toHaveLength(Math.ceil(listed / 100) + Math.ceil(listed / 25))
    expect(Math.ceil(listed / 100)).toBe(2)
    expect(server.requests.filter((r) => r.path !== '/graphql')).toEqual([])
    expect(server.violations).toEqual([])
  })

  it('includes archived repositories on request, and filters by name', async () => {
    const all = await discover({ organization: 'acme', 'include-archived': 'true' })
    expect((JSON.parse(all.outputs.repositories ?? '') as Row[]).map((r) => r.repository)).toEqual(
      expected(true)
    )
    const some = await discover({ organization: 'acme', 'repository-filter': 'svc-0[01]*' })
    expect((JSON.parse(some.outputs.repositories ?? '') as Row[]).map((r) => r.repository)).toEqual(
      expected(false, (i) => i < 20)
    )
    expect(server.violations).toEqual([])
  })

  it("meets GitHub's secondary and primary rate limits, waits, and outputs the same matrix", async () => {
    server.resetRequests()
    // The second query (a batch of workflow files) meets a secondary limit (retry-after 1 s),
    // the fourth the spent hourly quota (x-ratelimit-remaining 0, reset 1 s ahead).
    server.failNext({ route: 'POST /graphql', kind: 'secondary-rate-limit', skip: 1 })
    server.failNext({ route: 'POST /graphql', kind: 'primary-rate-limit', skip: 2 })
    const run = await discover({ organization: 'acme' })
    expect(run.code).toBe(0)
    expect((JSON.parse(run.outputs.repositories ?? '') as Row[]).map((r) => r.repository)).toEqual(
      expected(false)
    )
    expect(run.stdout).toMatch(/secondary rate limit on POST .*graphql: retrying after 1 s/)
    expect(run.stdout).toMatch(/rate limit on POST .*graphql: retrying after \d+ s/)
    const statuses = server.requests.map((r) => r.status)
    expect(statuses.filter((st) => st === 403)).toHaveLength(2)
    expect(statuses.filter((st) => st === 200)).toHaveLength(2 + Math.ceil(listedCount() / 25))
  })

  it("runs as examples/migrate-org.yml's discover step calls it", async () => {
    interface Step {
      readonly id?: string
      readonly uses?: string
      readonly with?: Record<string, string>
    }
    const workflow = parse(readFileSync('examples/migrate-org.yml', 'utf8')) as {
      on: { workflow_dispatch: { inputs: Record<string, { default: string }> } }
      jobs: Record<string, { steps: Step[] }>
    }
    const step = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.id === 'discover')
    expect(step?.uses).toMatch(/^aws-keys-to-oidc\/aws-keys-to-oidc@/)
    const defaults = workflow.on.workflow_dispatch.inputs
    // The expressions the runner would evaluate, for a run with the dispatch defaults in acme.
    const values: Record<string, string> = {
      'github.repository_owner': 'acme',
      'inputs.repository-filter': defaults['repository-filter']!.default,
      'steps.app-token.outputs.token': server.token
    }
    const inputs = Object.fromEntries(
      Object.entries(step!.with ?? {}).map(([k, v]) => [
        k,
        v.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => values[e] ?? `<${e}>`)
      ])
    )
    const run = await runAction(entry, { inputs, env: { GITHUB_API_URL: server.url } })
    expect(run.code).toBe(0)
    // What the list step keeps of each row (`jq '[.[] | {repository}]'`): the matrix targets.
    const rows = JSON.parse(run.outputs.repositories ?? '') as Row[]
    expect(rows.map(({ repository }) => ({ repository }))).toEqual(
      expected(false).map((repository) => ({ repository }))
    )
  })

  it('fails before any request on a bad input', async () => {
    server.resetRequests()
    const none = await discover({})
    expect(none.code).not.toBe(0)
    expect(none.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        message: expect.stringContaining("Input 'organization': required with mode: discover")
      })
    )
    const bad = await discover({ organization: 'acme', 'repository-filter': 'a/b' })
    expect(bad.commands).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining("Input 'repository-filter': 'a/b'")
      })
    )
    expect(server.requests).toEqual([])
  })
})
