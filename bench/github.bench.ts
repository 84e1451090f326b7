/**
 * GitHub requests per migrated repository, counted by the project's GitHub API test server:
 * one migrate run of the GitHub side (token check, facts, rewrite, pull request) and a re-run,
 * for a repository with 1 and with 50 workflow files that use static keys.
 *
 * Checks: the reads do not grow with the number of workflow files; at most 4 content-creating
 * requests (tree, commit, ref, pull request) per repository; a re-run writes nothing.
 */
import { api, migrate, writes } from '../__tests__/github/helpers.js'
import { startGitHubServer, type GitHubServer } from '../test-support/github-server/index.js'
import { report } from './processes.js'

const CONTENT = new Set([
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/commits',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'POST /repos/{owner}/{repo}/pulls'
])

function workflow(i: number): string {
  return `name: deploy-${i}
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: aws s3 ls
`
}

function files(n: number): Record<string, string> {
  const out: Record<string, string> = { 'README.md': '# bench\n' }
  for (let i = 0; i < n; i++)
    out[`.github/workflows/deploy-${String(i).padStart(2, '0')}.yml`] = workflow(i)
  return out
}

interface Measure {
  readonly counts: Record<string, number>
  readonly reads: number
  readonly content: number
  readonly otherWrites: number
  readonly ms: number
  readonly operation: string
  readonly changedFiles: number
}

async function measure(server: GitHubServer, fullName: string): Promise<Measure> {
  server.resetRequests()
  const start = performance.now()
  const run = await migrate(api(server, fullName))
  const ms = performance.now() - start
  const w = writes(server)
  return {
    counts: server.requestCounts(),
    reads: server.requests.length - w.length,
    content: w.filter((r) => CONTENT.has(r)).length,
    otherWrites: w.filter((r) => !CONTENT.has(r)).length,
    ms,
    operation: run.result.operation,
    changedFiles: run.files.length
  }
}

export async function bench(): Promise<void> {
  const server = await startGitHubServer({
    repositories: [
      { fullName: 'bench/one', files: files(1) },
      { fullName: 'bench/fifty', files: files(50) }
    ]
  })
  try {
    const results: { name: string; first: Measure; again: Measure }[] = []
    for (const [name, repo] of [
      ['1 workflow file', 'bench/one'],
      ['50 workflow files', 'bench/fifty']
    ] as const) {
      const first = await measure(server, repo)
      const again = await measure(server, repo)
      results.push({ name, first, again })
    }
    const routes = [
      ...new Set(
        results.flatMap((r) => [...Object.keys(r.first.counts), ...Object.keys(r.again.counts)])
      )
    ].sort()
    const header = ['route', ...results.flatMap((r) => [`${r.name}: run 1`, 're-run'])]
    console.log(header.join(' | '))
    for (const route of routes) {
      const cells = results.flatMap((r) => [
        String(r.first.counts[route] ?? 0),
        String(r.again.counts[route] ?? 0)
      ])
      console.log([route, ...cells].join(' | '))
    }
    console.log(
      '(times: the local test server in this process, write spacing off; counts are the measure)'
    )
    for (const r of results) {
      console.log(
        `${r.name}: ${r.first.changedFiles} files rewritten; run 1 (${r.first.operation}): ${r.first.reads} reads, ${r.first.content} content-creating, ${r.first.otherWrites} other writes (labels), ${r.first.ms.toFixed(0)} ms; re-run (${r.again.operation}): ${r.again.reads} reads, ${r.again.content + r.again.otherWrites} writes, ${r.again.ms.toFixed(0)} ms`
      )
    }
    for (const r of results) {
      const detail = { repository: r.name, reRunRequests: r.again.reads + r.again.content }
      report(
        `github requests per migrated repository (${r.name})`,
        r.first.reads + r.first.content + r.first.otherWrites,
        'requests',
        detail
      )
      report(
        `github content-creating requests per migrated repository (${r.name})`,
        r.first.content,
        'requests',
        { repository: r.name, reRun: r.again.content },
        4
      )
    }
    const [one, fifty] = results
    const problems: string[] = []
    if (!one || !fifty) throw new Error('missing results')
    if (one.first.reads !== fifty.first.reads || one.again.reads !== fifty.again.reads) {
      problems.push('reads grow with the number of workflow files')
    }
    for (const r of results) {
      if (r.first.content > 4)
        problems.push(`${r.name}: ${r.first.content} content-creating requests (> 4)`)
      if (r.again.content + r.again.otherWrites > 0) problems.push(`${r.name}: the re-run wrote`)
    }
    if (server.violations.length > 0)
      problems.push(`OpenAPI violations: ${server.violations.join('; ')}`)
    console.log(
      problems.length === 0
        ? 'checks: reads independent of file count; <= 4 content-creating requests; re-run writes nothing: OK'
        : `checks FAILED: ${problems.join('; ')}`
    )
    if (problems.length > 0) process.exitCode = 1
  } finally {
    await server.close()
  }
}
