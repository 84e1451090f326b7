/**
 * `mode: migrate` reads the code the jobs run through the API (the project's GitHub API test
 * server): the tree once, then only the candidate files' blobs in GraphQL batches, within a
 * budget whose stop is stated. The request count does not grow with the repository's size
 * beyond one blob query per 100 candidates read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readCodeFiles } from '../../src/github/code-files.js'
import { createOctokit } from '../../src/github/octokit.js'
import { scanCode } from '../../src/code/scan.js'
import { startGitHubServer, type GitHubServer } from '../../test-support/github-server/index.js'
import { api } from '../github/helpers.js'

let server: GitHubServer

const WORKFLOW =
  'on: push\njobs:\n  export:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: python jobs/export.py\n'
const SEED =
  "import os\nimport boto3\nclient = boto3.client('s3',\n  aws_access_key_id=os.getenv('AWS_ACCESS_KEY_ID'),\n  aws_secret_access_key=os.getenv('AWS_SECRET_ACCESS_KEY'))\n"

function repoFiles(extra: number): Record<string, string> {
  const files: Record<string, string> = {
    '.github/workflows/export.yml': WORKFLOW,
    'jobs/export.py': SEED,
    'node_modules/aws-sdk/index.js': 'module.exports = { accessKeyId: 1, secretAccessKey: 2 }\n',
    'vendor/lib.go': 'package lib\n',
    'docs/guide.md': '# not code\n',
    'logo.png': 'binary-ish\n'
  }
  for (let i = 0; i < extra; i++) files[`lib/m${String(i).padStart(3, '0')}.py`] = `X = ${i}\n`
  return files
}

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: [
      { fullName: 'octo-org/small', files: repoFiles(0) },
      { fullName: 'octo-org/large', files: repoFiles(150) }
    ]
  })
})

afterEach(() => {
  expect(server.violations).toEqual([])
})

afterAll(async () => {
  await server.close()
})

function octokit() {
  return createOctokit({ token: server.token, baseUrl: server.url, log: () => undefined })
}

describe('reading the code through the API', () => {
  it('reads only candidate files, never node_modules or vendor, and finds the seed example', async () => {
    const facts = await api(server, 'octo-org/small').readFacts({ workflowFiles: true })
    const read = await api(server, 'octo-org/small').readCodeFiles!(facts.headSha, [WORKFLOW])
    expect(read.files.map((f) => f.path)).toEqual(['jobs/export.py'])
    expect(read.files[0]).toMatchObject({ text: SEED, mode: '100644' })
    expect(read.budget).toBeNull()
    const scan = scanCode(facts.workflowFiles ?? [], read.files)
    expect(scan.links).toEqual([
      { workflow: '.github/workflows/export.yml', job: 'export', files: ['jobs/export.py'] }
    ])
    expect(scan.fixed.map((f) => f.path)).toEqual(['jobs/export.py'])
  })

  it('makes one tree read and one blob query per 100 candidates, and states the budget when it stops', async () => {
    const head = server.repository('octo-org/large').head
    server.resetRequests()
    const all = await readCodeFiles(octokit(), 'octo-org', 'large', head, [WORKFLOW])
    expect(all.files).toHaveLength(151)
    expect(all.budget).toBeNull()
    const counts = Object.values(server.requestCounts()).reduce((a, b) => a + b, 0)
    expect(counts).toBe(3) // the tree, then blobs 1-100 and 101-151

    server.resetRequests()
    const cut = await readCodeFiles(octokit(), 'octo-org', 'large', head, [WORKFLOW], {
      bytes: 1_000_000,
      files: 20
    })
    // The file a workflow names is read first, whatever its place in the tree.
    expect(cut.files.map((f) => f.path)).toContain('jobs/export.py')
    expect(cut.files).toHaveLength(20)
    expect(cut.budget).toEqual({ bytes: 1_000_000, skipped: 131 })
    expect(Object.values(server.requestCounts()).reduce((a, b) => a + b, 0)).toBe(2)
  })
})
