/**
 * `npm run demo -- --full`: the whole life of a migration on loopback, in-process over the
 * sandbox (moto and the project's GitHub API server) with a clock this script controls: plan,
 * migrate, the pull request merged on the test server, a run of the migrated workflows using
 * the role (recorded as IAM would: the evidence proxy in front of moto), cleanup waiting for the
 * evidence, then the key deactivated and the secrets deleted, the grace period, the key
 * deleted; then, on a second repository, a rollback that restores the key and reverts the
 * workflows. Prints each step's job summary. Stops everything it started.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ListAccessKeysCommand, ListRolesCommand } from '@aws-sdk/client-iam'
import {
  mergePullRequest,
  recordWorkflowRun
} from '../test-support/github-server/actions/retire.js'
import { startRetireHarness, type RetireHarness } from '../test-support/retire-harness.js'

const started = Date.now()
const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-full-'))
const summaryFile = path.join(dir, 'summary.md')
writeFileSync(summaryFile, '')
const rule = (title: string): void =>
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n`)
/** Prints the job summary the last run wrote, then empties it for the next. */
const summary = (): void => {
  console.log(readFileSync(summaryFile, 'utf8').trim())
  writeFileSync(summaryFile, '')
}
const T = new Date(Date.now() - 30 * 24 * 3_600_000)
T.setUTCMinutes(0, 0, 0)
const at = (hours: number): string => new Date(T.getTime() + hours * 3_600_000).toISOString()
let failed = false

async function keyState(h: RetireHarness): Promise<string> {
  const { AccessKeyMetadata } = await h.iam.send(
    new ListAccessKeysCommand({ UserName: h.sandbox.keyOwner.userName })
  )
  const key = AccessKeyMetadata?.find((k) => k.AccessKeyId === h.sandbox.keyOwner.accessKeyId)
  return key?.Status ?? 'deleted'
}

/** Merge at T; the owner does the manual follow-up; the migrated workflows run with the role. */
async function mergeAndRun(h: RetireHarness, fullName: string): Promise<void> {
  const repo = h.sandbox.github.repository(fullName)
  mergePullRequest(repo, 1, at(0))
  const nightly = repo.readFile('.github/workflows/nightly.yml') ?? ''
  repo.git.commitFiles(
    'main',
    {
      '.github/workflows/nightly.yml': nightly.replace(
        / {6}- name: Write a credentials file[\s\S]*?credentials\n/,
        ''
      )
    },
    'nightly: the reporting tool uses the role (the manual follow-up)',
    { name: 'Owner', email: 'owner@example.com', date: at(0.5) }
  )
  const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: '/github-actions/' }))
  for (const role of Roles ?? []) h.evidence.roleUsed(role.RoleName ?? '', at(2), 'eu-west-1')
  for (const f of ['ci.yml', 'deploy.yml', 'nightly.yml']) {
    recordWorkflowRun(repo, {
      path: `.github/workflows/${f}`,
      conclusion: 'success',
      createdAt: at(2)
    })
  }
}

const first = await startRetireHarness({ summaryFile })
try {
  const fullName = first.sandbox.env.GITHUB_REPOSITORY
  rule(`1. mode: plan with keys (${fullName})`)
  await first.plan()
  summary()
  rule('2. mode: migrate: roles and the pull request')
  await first.migrate()
  summary()
  rule(`3. The pull request merged at ${at(0)}; the workflows run with the role at ${at(2)}`)
  await mergeAndRun(first, fullName)
  console.log('merged #1; follow-up committed; runs recorded; role use recorded')
  rule(`4. mode: cleanup at ${at(1)}: waiting for the evidence`)
  await first.cleanup(at(1))
  summary()
  rule(`5. mode: cleanup at ${at(5)}: the key deactivated, the secrets deleted`)
  await first.cleanup(at(5), { 'delete-keys': 'true' })
  summary()
  console.log(`\nkey: ${await keyState(first)}`)
  rule(`6. mode: cleanup at ${at(48)}: the grace period runs`)
  await first.cleanup(at(48), { 'delete-keys': 'true' })
  summary()
  rule(`7. mode: cleanup at ${at(6 + 7 * 24)}: the key deleted`)
  await first.cleanup(at(6 + 7 * 24), { 'delete-keys': 'true' })
  summary()
  const secrets = [...first.sandbox.github.repository(fullName).secrets.keys()]
  console.log(`\nkey: ${await keyState(first)}; repository secrets left: ${secrets.join(', ')}`)
  if ((await keyState(first)) !== 'deleted') failed = true
  if (first.sandbox.github.violations.length > 0) {
    failed = true
    console.error('GitHub API description violations:', first.sandbox.github.violations)
  }
} finally {
  await first.stop()
}

const second = await startRetireHarness({ repository: 'octo-org/second-repo', summaryFile })
try {
  rule('8. A second repository: migrate, merge, cleanup deactivates the key, then rollback')
  await second.migrate()
  writeFileSync(summaryFile, '')
  await mergeAndRun(second, 'octo-org/second-repo')
  await second.cleanup(at(5))
  summary()
  console.log(`\nkey: ${await keyState(second)}`)
  rule('9. mode: rollback: the key re-activated, a revert pull request')
  await second.rollback()
  summary()
  console.log(`\nkey: ${await keyState(second)}`)
  const repo = second.sandbox.github.repository('octo-org/second-repo')
  const revert = repo.pulls.find((p) => p.head === 'aws-keys-to-oidc-revert')
  if (revert) {
    rule(`Revert pull request #${revert.number}: diff`)
    console.log(repo.pullRequestDiff(revert.number).trim())
  }
  if ((await keyState(second)) !== 'Active' || !revert) failed = true
} finally {
  await second.stop()
  rmSync(dir, { recursive: true, force: true })
}
console.log(
  `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s; moto and the GitHub servers are stopped.`
)
process.exitCode = failed ? 1 : 0
