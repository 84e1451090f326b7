/**
 * Runs the GitHub API test server as its own process, for the sandbox and for trying the action
 * by hand:
 *
 *   npx tsx test-support/github-server/cli.ts --repository octo-org/legacy-repo \
 *     --seed examples/legacy-repo [--environment production] [--secret AWS_ACCESS_KEY_ID] [--port 0]
 *
 * Prints `export NAME=value` lines (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN) and runs
 * until SIGINT/SIGTERM; then prints any OpenAPI violations to stderr and exits 1 if there were some.
 */
import { parseArgs } from 'node:util'
import { startGitHubServer } from './server.js'

const { values } = parseArgs({
  options: {
    repository: { type: 'string', default: 'octo-org/legacy-repo' },
    seed: { type: 'string' },
    environment: { type: 'string', multiple: true, default: [] },
    secret: { type: 'string', multiple: true, default: [] },
    visibility: { type: 'string', default: 'private' },
    port: { type: 'string', default: '0' }
  }
})

const visibility = values.visibility
if (visibility !== 'private' && visibility !== 'public' && visibility !== 'internal') {
  throw new Error(`--visibility '${visibility}' is not private, public or internal`)
}
const server = await startGitHubServer({
  port: Number(values.port),
  repositories: [
    {
      fullName: values.repository,
      visibility,
      environments: values.environment,
      secrets: values.secret,
      ...(values.seed ? { files: values.seed } : {})
    }
  ]
})
console.log(`export GITHUB_API_URL=${server.url}`)
console.log(`export GITHUB_REPOSITORY=${values.repository}`)
console.log(`export GITHUB_TOKEN=${server.token}`)

const stop = (): void => {
  void server.close().then(() => {
    for (const v of server.violations) console.error(`violation: ${v}`)
    process.exit(server.violations.length > 0 ? 1 : 0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
