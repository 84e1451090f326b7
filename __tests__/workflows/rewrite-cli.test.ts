/**
 * `aws-keys-to-oidc plan PATH --diff | --write --role-arn SECRET=ARN --region R` on temporary
 * copies of fixture repositories (`__fixtures__/rewrite/CASE/input`), checked against the outputs
 * reviewed by hand in `expected/`.
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, runCli } from '../../src/cli/plan.js'
import { unifiedDiffs } from '../../src/workflows/diff.js'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) })
  return { code, out, err }
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else out.set(path.relative(dir, p).split(path.sep).join('/'), readFileSync(p, 'utf8'))
    }
  }
  walk(dir)
  return out
}

const fixtures = path.join('__fixtures__', 'rewrite')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'rewrite-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A fresh copy of a fixture's input repository. */
function copy(name: string): string {
  const dir = path.join(tmp, `${name}-${Math.random().toString(36).slice(2)}`)
  cpSync(path.join(fixtures, name, 'input'), dir, { recursive: true })
  return dir
}

/** The fixture's files after the reviewed rewrite (input where expected/ has no file). */
function expectedTree(name: string): Map<string, string> {
  const input = tree(path.join(fixtures, name, 'input'))
  for (const [p, text] of tree(path.join(fixtures, name, 'expected'))) input.set(p, text)
  return input
}

const ARN = 'arn:aws:iam::123456789012:role/deployer'

describe('plan --diff', () => {
  let repo: string
  beforeEach(() => {
    repo = copy('reusable')
  })

  it('prints the unified diffs with placeholder ARNs, then the follow-ups, and writes nothing', async () => {
    const before = tree(repo)
    const { code, out } = await cli('plan', repo, '--diff')
    expect(code).toBe(EXIT.ok)
    expect(out).toContain('role-to-assume: arn:aws:iam::<account>:role/<name>')
    expect(out).toContain('--- a/.github/workflows/main.yml\n+++ b/.github/workflows/main.yml\n')
    expect(out).toMatch(
      /Manual follow-ups \(1\):\n {2}\.github\/workflows\/deploy-reusable\.yml:3: /
    )
    expect(out).toContain('note: No role ARN given for DEPLOY_AWS_ACCESS_KEY_ID')
    expect(tree(repo)).toEqual(before)
  })

  it('prints exactly the reviewed diff when the role ARN is given', async () => {
    const { code, out } = await cli(
      'plan',
      repo,
      '--diff',
      '--role-arn',
      `DEPLOY_AWS_ACCESS_KEY_ID=${ARN}`
    )
    expect(code).toBe(EXIT.ok)
    const input = tree(path.join(fixtures, 'reusable', 'input'))
    const expected = expectedTree('reusable')
    const reviewed = unifiedDiffs(
      [...input].map(([p, text]) => ({ path: p, before: text, after: expected.get(p)! }))
    )
    expect(out.startsWith(reviewed)).toBe(true)
  })

  it('adds per-file edits, follow-ups and diffs to the JSON plan after findings and errors', async () => {
    const { code, out } = await cli('plan', repo, '--format', 'json', '--diff')
    expect(code).toBe(EXIT.ok)
    const plan = JSON.parse(out) as {
      findings: unknown[]
      errors: unknown[]
      files: { path: string; changed: boolean; edits: { line: number }[]; diff: string }[]
      notes: string[]
    }
    expect(Object.keys(plan).slice(0, 2)).toEqual(['findings', 'errors'])
    expect(plan.findings.length).toBeGreaterThan(0)
    const main = plan.files.find((f) => f.path === '.github/workflows/main.yml')!
    expect(main.changed).toBe(true)
    expect(main.edits.map((e) => e.line)).toEqual([8, 13, 16, 22])
    expect(main.diff).toContain('+      id-token: write')
    expect(plan.notes.length).toBeGreaterThan(0)
  })
})

describe('plan --write', () => {
  it('refuses to write placeholders: exit 2 naming the secret, nothing written', async () => {
    const repo = copy('reusable')
    const before = tree(repo)
    const { code, err } = await cli('plan', repo, '--write')
    expect(code).toBe(EXIT.usage)
    expect(err).toContain(
      'no role ARN for DEPLOY_AWS_ACCESS_KEY_ID: pass --role-arn DEPLOY_AWS_ACCESS_KEY_ID='
    )
    expect(tree(repo)).toEqual(before)
  })

  it('rewrites the files in place as reviewed, prints follow-ups, exits 0, and a re-run changes nothing', async () => {
    const repo = copy('reusable')
    const first = await cli(
      'plan',
      repo,
      '--write',
      '--role-arn',
      `DEPLOY_AWS_ACCESS_KEY_ID=${ARN}`
    )
    expect(first.code).toBe(EXIT.ok)
    expect(first.out).toContain('Rewrote 3 file(s)')
    expect(first.out).toContain('Manual follow-ups (1):')
    expect(tree(repo)).toEqual(expectedTree('reusable'))
    const again = await cli(
      'plan',
      repo,
      '--write',
      '--role-arn',
      `DEPLOY_AWS_ACCESS_KEY_ID=${ARN}`
    )
    expect(again.code).toBe(EXIT.ok)
    expect(again.out).toContain('Rewrote 0 file(s)')
    expect(tree(repo)).toEqual(expectedTree('reusable'))
  })

  it('takes a bare --role-arn for every key', async () => {
    const repo = copy('env-step')
    const { code } = await cli('plan', repo, '--write', '--role-arn', ARN, '--region', 'eu-north-1')
    expect(code).toBe(EXIT.ok)
    const text = tree(repo).get('.github/workflows/package.yml')!
    expect(text.match(/role-to-assume: (.*)/g)).toEqual([
      `role-to-assume: ${ARN}`,
      `role-to-assume: ${ARN}`
    ])
    expect(text).toContain('aws-region: eu-north-1')
  })

  it('needs --region where the workflow shows none, then rewrites as reviewed (CRLF kept)', async () => {
    const repo = copy('crlf')
    const before = tree(repo)
    const role = 'arn:aws:iam::123456789012:role/windows-ci'
    const noRegion = await cli('plan', repo, '--write', '--role-arn', role)
    expect(noRegion.code).toBe(EXIT.usage)
    expect(noRegion.err).toMatch(
      /no AWS region for the new steps at \.github\/workflows\/mixed\.crlf\.yml:11: pass --region/
    )
    expect(tree(repo)).toEqual(before)
    const ok = await cli('plan', repo, '--write', '--role-arn', role, '--region', 'us-east-1')
    expect(ok.code).toBe(EXIT.ok)
    expect(tree(repo)).toEqual(expectedTree('crlf'))
  })
})

describe('plan rewrite flags: bad input', () => {
  it.each([
    [['--role-arn', 'not-an-arn'], /--role-arn: 'not-an-arn' is not an IAM role ARN/],
    [['--role-arn', '1BAD=arn:aws:iam::123456789012:role/x'], /'1BAD' is not a secret name/],
    [['--region', 'mars-1'], /--region 'mars-1' is not an AWS region/],
    [['--format', 'sarif', '--diff'], /--format sarif does not take --diff/]
  ])('%j', async (flags, message) => {
    const { code, err } = await cli('plan', copy('env-job'), ...flags)
    expect(code).toBe(EXIT.usage)
    expect(err).toMatch(message)
  })
})
