/**
 * `mode: discover` over a simulated organisation of 500 repositories on the project's GitHub API
 * server (`__fixtures__/discover-org.ts`: a third with static keys, archived and empty ones): the
 * bundle run as the runner runs it, its wall time (the server's set-up not counted) and its
 * requests. Target (issue 15): the matrix in under a minute.
 *
 * Then one migration per repository of the matrix, one after the other as a `max-parallel: 1`
 * matrix would run them: the GitHub side of `mode: migrate` (token check, facts, rewrite, pull
 * request; `__tests__/github/helpers.ts`), with its wall time and requests per repository. The
 * AWS side per key pair is `aws.bench.ts`'s figure (IAM calls per key pair).
 */
import path from 'node:path'
import { orgSeeds } from '../__fixtures__/discover-org.js'
import { api, migrate, writes } from '../__tests__/github/helpers.js'
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
    const matrix = JSON.parse(run.outputs.repositories ?? '[]') as { repository: string }[]
    const rows = matrix.length
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
    await migrateEach(
      server,
      matrix.map((r) => r.repository)
    )
  } finally {
    await server.close()
  }
}

/** The GitHub side of one migration per repository, in turn; requests per repository. */
async function migrateEach(
  server: Awaited<ReturnType<typeof startGitHubServer>>,
  repositories: readonly string[]
): Promise<void> {
  server.resetRequests()
  const start = performance.now()
  let created = 0
  for (const repository of repositories) {
    const run = await migrate(api(server, repository))
    if (run.result.operation === 'created') created++
  }
  const seconds = (performance.now() - start) / 1000
  const written = writes(server)
  const n = Math.max(repositories.length, 1)
  report(`org migration of ${repositories.length} repositories (GitHub side)`, seconds, 's', {
    pullRequestsCreated: created,
    requestsPerRepository: Number((server.requests.length / n).toFixed(1)),
    writesPerRepository: Number((written.length / n).toFixed(1)),
    schemaViolations: server.violations.length
  })
  if (created !== repositories.length) {
    throw new Error(`${repositories.length - created} repositories got no new pull request`)
  }
}
