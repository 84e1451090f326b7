/**
 * `mode: discover` over a simulated organisation of 500 repositories on the project's GitHub API
 * server (`__fixtures__/discover-org.ts`: a third with static keys, archived and empty ones): the
 * bundle run as the runner runs it, its wall time (the server's set-up not counted) and its
 * requests. Target (issue 15): the matrix in under a minute.
 */
import path from 'node:path'
import { orgSeeds } from '../__fixtures__/discover-org.js'
import { startGitHubServer } from '../test-support/github-server/index.js'
import { runAction } from '../test-support/runner.js'
import { report, ROOT } from './processes.js'

const REPOSITORIES = Number(process.env.BENCH_DISCOVER_REPOSITORIES ?? 500)

export async function bench(): Promise<void> {
  const server = await startGitHubServer({ repositories: orgSeeds('bench', REPOSITORIES) })
  try {
    server.resetRequests()
    const start = performance.now()
    const run = await runAction(path.join(ROOT, 'dist', 'index.js'), {
      inputs: { mode: 'discover', organization: 'bench', 'github-token': server.token },
      env: { GITHUB_API_URL: server.url }
    })
    const seconds = (performance.now() - start) / 1000
    if (run.code !== 0) throw new Error(`discover failed: ${run.stderr || run.stdout}`)
    const rows = (JSON.parse(run.outputs.repositories ?? '[]') as unknown[]).length
    report(
      `discover ${REPOSITORIES} repositories`,
      seconds,
      's',
      {
        matrixRows: rows,
        requests: server.requests.length,
        graphqlRequests: server.requests.filter((r) => r.path === '/graphql').length,
        schemaViolations: server.violations.length
      },
      60
    )
  } finally {
    await server.close()
  }
}
