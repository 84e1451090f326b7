/**
 * Issue 11 item 1: a called workflow changes only together with every caller in the repository.
 * A caller that stays as it is (blocked by the migration plan, or a file the rewrite must leave)
 * and does not grant `id-token: write` already holds the called workflow: both stay, and the
 * follow-ups name the caller. Fixtures: `__fixtures__/migrate/caller-blocked` (the caller is
 * blocked by the plan) and `__fixtures__/rewrite/caller-held` (the caller cannot be rewritten).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/plan.js'
import type { WorkflowFile } from '../../src/workflows/findings.js'
import { rewriteWorkflows, type RewriteOptions } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const ROLE = 'arn:aws:iam::123456789012:role/site'
const BLOCKED = '__fixtures__/migrate/caller-blocked/.github/workflows'
const HELD = '__fixtures__/rewrite/caller-held/input/.github/workflows'

function read(dir: string, replace: Record<string, string> = {}): WorkflowFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      path: `.github/workflows/${name}`,
      text: replace[name] ?? readFileSync(path.join(dir, name), 'utf8')
    }))
}

function rewrite(files: WorkflowFile[], options: RewriteOptions = {}) {
  const scan = scanWorkflows(files)
  return rewriteWorkflows(files, scan.findings, {
    roleArns: { SITE_AWS_ACCESS_KEY_ID: ROLE },
    ...options
  })
}

const changed = (r: ReturnType<typeof rewrite>): string[] =>
  r.files.filter((f) => f.changed).map((f) => path.basename(f.path))

const nightly = readFileSync(path.join(BLOCKED, 'nightly.yml'), 'utf8')

describe('a called workflow and its callers', () => {
  it.each([
    {
      name: 'every caller can follow: all three change',
      files: read(BLOCKED),
      keep: new Map<string, string>(),
      changed: ['deploy.yml', 'nightly.yml', 'release.yml'],
      heldBy: null
    },
    {
      name: 'a caller the plan keeps as it is holds the called workflow',
      files: read(BLOCKED),
      keep: new Map([
        ['.github/workflows/nightly.yml', 'no keys line for BACKUP_AWS_ACCESS_KEY_ID']
      ]),
      changed: [],
      heldBy: { caller: '.github/workflows/nightly.yml', job: 'deploy' }
    },
    {
      name: 'a kept caller that already grants id-token: write does not hold it',
      files: read(BLOCKED, {
        'nightly.yml': nightly.replace(
          '  deploy:\n',
          '  deploy:\n    permissions:\n      id-token: write\n'
        )
      }),
      keep: new Map([
        ['.github/workflows/nightly.yml', 'no keys line for BACKUP_AWS_ACCESS_KEY_ID']
      ]),
      changed: ['deploy.yml', 'release.yml'],
      heldBy: null
    },
    {
      name: 'a kept caller that grants write-all at the workflow does not hold it',
      files: read(BLOCKED, {
        'nightly.yml': nightly.replace('jobs:\n', 'permissions: write-all\njobs:\n')
      }),
      keep: new Map([['.github/workflows/nightly.yml', 'kept']]),
      changed: ['deploy.yml', 'release.yml'],
      heldBy: null
    },
    {
      name: 'a caller the rewrite must leave (aliased permissions) holds it',
      files: read(HELD),
      keep: new Map<string, string>(),
      changed: [],
      heldBy: { caller: '.github/workflows/nightly.yml', job: 'deploy' }
    }
  ])('$name', ({ files, keep, changed: want, heldBy }) => {
    const result = rewrite(files, { keep })
    expect(changed(result)).toEqual(want)
    const callee = result.files.find((f) => f.path.endsWith('/deploy.yml'))!
    expect(callee.heldBy ? { caller: callee.heldBy.caller, job: callee.heldBy.job } : null).toEqual(
      heldBy
    )
    const settled = result.findings.filter((f) => f.file === callee.path)
    if (heldBy) {
      // Every use the called workflow would have migrated stays, and says which caller holds it.
      expect(settled.map((f) => f.migration)).toEqual(settled.map(() => 'manual'))
      for (const f of settled)
        expect(f.reason).toContain(`job deploy of ${heldBy.caller} stays as it is`)
      const release = result.findings.find((f) => f.file.endsWith('/release.yml'))!
      expect(release.migration).toBe('manual')
      expect(release.reason).toContain('stay passed to ./.github/workflows/deploy.yml')
    } else {
      // Callers in other repositories are never updated by the pull request: the follow-up says so.
      expect(callee.followUps.map((u) => u.reason).join('\n')).toContain(
        'callers in other repositories are never updated by it'
      )
    }
  })

  it('holds a chain: the caller of a held workflow that is itself called holds the next one', () => {
    // outer.yml calls deploy.yml; nightly (kept) calls outer.yml, which cannot follow then.
    const files: WorkflowFile[] = [
      ...read(BLOCKED).filter((f) => !f.path.endsWith('nightly.yml')),
      {
        path: '.github/workflows/outer.yml',
        text: 'on:\n  workflow_call:\njobs:\n  go:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n'
      },
      {
        path: '.github/workflows/weekly.yml',
        text: "on:\n  schedule:\n    - cron: '0 0 * * 0'\njobs:\n  run:\n    uses: ./.github/workflows/outer.yml\n    secrets: inherit\n"
      }
    ]
    const open = rewrite(files)
    expect(changed(open)).toEqual(['deploy.yml', 'release.yml', 'weekly.yml'])
    const held = rewrite(files, { keep: new Map([['.github/workflows/weekly.yml', 'kept']]) })
    expect(changed(held)).toEqual([])
    expect(held.files.find((f) => f.path.endsWith('/deploy.yml'))?.heldBy?.caller).toBe(
      '.github/workflows/outer.yml'
    )
  })
})

describe('plan --diff on a folder', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rewrite-callers-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('leaves the called workflow and names the caller that holds it', async () => {
    cpSync('__fixtures__/rewrite/caller-held/input', tmp, { recursive: true })
    let out = ''
    const code = await runCli(
      ['plan', tmp, '--diff', '--role-arn', `SITE_AWS_ACCESS_KEY_ID=${ROLE}`],
      {
        stdout: (t) => (out += t),
        stderr: () => undefined
      }
    )
    expect(code).toBe(EXIT.ok)
    expect(out).not.toContain('+++ b/.github/workflows/deploy.yml')
    expect(out).toContain(
      '.github/workflows/deploy.yml:15: The static keys access_key_id and secret_access_key stay: this called workflow changes only together with every caller in the repository, and job deploy of .github/workflows/nightly.yml stays as it is'
    )
  })
})
