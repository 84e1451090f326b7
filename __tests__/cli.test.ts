import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  symlinkSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, runCli } from '../src/cli/plan.js'
import { collectWorkflowFiles } from '../src/local-files.js'
import type { Finding } from '../src/workflows/findings.js'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t)
  })
  return { code, out, err }
}

const example = 'examples/legacy-repo'
const deploy = readFileSync(`${example}/.github/workflows/deploy.yml`, 'utf8').split('\n')
const lineOf = (lines: string[], text: string): number =>
  lines.findIndex((l) => l.includes(text)) + 1

/** A workflow with the job env keys K_ID / K_SECRET. */
const KEYS_YML =
  'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.K_ID }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.K_SECRET }}\n    steps:\n      - run: aws s3 ls\n'

/** Writes workflow files into REPO/.github/workflows and returns REPO. */
function workflows(repo: string, files: Record<string, string>): string {
  const dir = path.join(repo, '.github', 'workflows')
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return repo
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('aws-keys-to-oidc plan', () => {
  it('prints {findings, errors} as JSON with file, line and the key pair', async () => {
    const { code, out } = await cli('plan', example, '--format', 'json')
    expect(code).toBe(EXIT.ok)
    const report = JSON.parse(out) as { findings: Finding[]; errors: unknown[] }
    expect(Object.keys(report)).toEqual(['findings', 'errors', 'files', 'roles', 'notes', 'code'])
    expect(report.errors).toEqual([])
    const cac = report.findings.find((f) => f.kind === 'configure-aws-credentials')
    expect(cac).toMatchObject({
      file: '.github/workflows/deploy.yml',
      line: lineOf(deploy, 'aws-access-key-id'),
      job: 'deploy',
      environment: 'production',
      migration: 'automatic',
      pair: { accessKeyId: 'AWS_ACCESS_KEY_ID', secretAccessKey: 'AWS_SECRET_ACCESS_KEY' }
    })
    expect(report.findings.map((f) => f.file)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/nightly.yml'])
    )
    // The bucket name is a secret but not key material.
    expect(report.findings.flatMap((f) => f.secrets)).not.toContain('AWS_S3_BUCKET')
  })

  it('always adds the per-file edits and follow-ups, roles and notes; automatic is what it rewrites', async () => {
    const { out } = await cli('plan', example, '--format', 'json')
    const report = JSON.parse(out) as {
      findings: Finding[]
      files: {
        path: string
        changed: boolean
        edits: { line: number; description: string }[]
        followUps: { line: number; kind: string | null }[]
        diff?: string
      }[]
      roles: { arn: string; placeholder: boolean; files: string[] }[]
      notes: string[]
    }
    const byPath = new Map(report.files.map((f) => [f.path, f]))
    expect([...byPath.keys()].sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/deploy.yml',
      '.github/workflows/nightly.yml'
    ])
    expect(report.files.some((f) => 'diff' in f)).toBe(false)
    for (const f of report.findings) {
      const file = byPath.get(f.file)!
      const followed = file.followUps.some((u) => u.line === f.line && u.kind === f.kind)
      expect([f.file, f.line, f.migration]).toEqual([
        f.file,
        f.line,
        followed ? 'manual' : 'automatic'
      ])
      if (f.migration === 'automatic') expect(file.changed).toBe(true)
    }
    expect(byPath.get('.github/workflows/nightly.yml')!.changed).toBe(false)
    expect(byPath.get('.github/workflows/deploy.yml')!.edits.map((e) => e.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/role-to-assume/)])
    )
    expect(report.roles).toEqual([
      expect.objectContaining({
        placeholder: true,
        files: ['.github/workflows/ci.yml', '.github/workflows/deploy.yml']
      })
    ])
    expect(report.notes.join('\n')).toMatch(/placeholder/)
  })

  it('documents the exit status in --help', async () => {
    const { code, out } = await cli('--help')
    expect(code).toBe(EXIT.ok)
    for (const status of Object.values(EXIT)) expect(out).toMatch(new RegExp(`^  ${status}  `, 'm'))
    expect(out).toMatch(/duplicate key/)
  })

  it('prints a readable table per file', async () => {
    const { code, out } = await cli('plan', example)
    expect(code).toBe(EXIT.ok)
    expect(out).toContain('.github/workflows/deploy.yml')
    expect(out).toMatch(/LINE\s+JOB\s+KIND/)
    expect(out).toMatch(/static AWS key uses? in 3 file\(s\)/)
  })

  it('writes SARIF to --output and exits 3 with --fail-on-findings', async () => {
    const file = path.join(tmp, 'out', 'plan.sarif')
    const { code, out } = await cli(
      'plan',
      example,
      '--format',
      'sarif',
      '--output',
      file,
      '--fail-on-findings'
    )
    expect(code).toBe(EXIT.findings)
    expect(out).toBe('')
    const log = JSON.parse(readFileSync(file, 'utf8')) as { version: string }
    expect(log.version).toBe('2.1.0')
  })

  it('scans a single file and a folder of workflow files', async () => {
    const one = await cli('plan', `${example}/.github/workflows/deploy.yml`, '--format', 'json')
    const findings = (JSON.parse(one.out) as { findings: Finding[] }).findings
    expect(findings.length).toBeGreaterThan(0)
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['deploy.yml']))
    const folder = await cli('plan', `${example}/.github/workflows`, '--format', 'json')
    expect(
      new Set((JSON.parse(folder.out) as { findings: Finding[] }).findings.map((f) => f.file))
    ).toEqual(new Set(['ci.yml', 'deploy.yml', 'nightly.yml']))
  })

  it('exits 0 without findings, 1 when a file cannot be parsed, and still scans the others', async () => {
    const repo = workflows(path.join(tmp, 'repo'), {
      'oidc.yml':
        'on: push\npermissions:\n  id-token: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v6\n        with:\n          role-to-assume: ${{ secrets.AWS_ROLE_ARN }}\n          aws-region: us-east-1\n'
    })
    expect((await cli('plan', repo, '--fail-on-findings')).code).toBe(EXIT.ok)
    workflows(repo, { 'broken.yml': 'on: [push\n', 'keys.yml': KEYS_YML })
    const { code, out, err } = await cli('plan', repo, '--format', 'json')
    expect(code).toBe(EXIT.error)
    const report = JSON.parse(out) as {
      findings: Finding[]
      errors: { file: string; line: number }[]
    }
    expect(report.errors).toEqual([
      expect.objectContaining({ file: '.github/workflows/broken.yml' })
    ])
    expect(report.findings.map((f) => f.file)).toEqual(['.github/workflows/keys.yml'])
    expect(err).toContain('.github/workflows/broken.yml')
  })

  it('reports a duplicate key as an error (exit 1, also over --fail-on-findings) and keeps the other findings', async () => {
    // GitHub refuses such a file ("'push' is already defined") and never runs it.
    const repo = workflows(path.join(tmp, 'duplicate'), {
      'twice.yml':
        'on:\n  push:\n    branches: [main]\n  push:\n    tags: [v*]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
      'keys.yml': KEYS_YML
    })
    const text = await cli('plan', repo, '--fail-on-findings')
    expect(text.code).toBe(EXIT.error)
    expect(text.out).toMatch(/twice\.yml:4: not valid YAML: Map keys must be unique/)
    expect(text.out).toMatch(/1 static AWS key use in 1 file\(s\), 1 file\(s\) not valid YAML/)
    expect(text.err).toMatch(/error: \.github\/workflows\/twice\.yml:4: /)
    const json = await cli('plan', repo, '--format', 'json')
    expect(json.code).toBe(EXIT.error)
    const report = JSON.parse(json.out) as { findings: Finding[]; errors: { line: number }[] }
    expect(report.errors).toEqual([expect.objectContaining({ line: 4 })])
    expect(report.findings.map((f) => [f.file, f.migration])).toEqual([
      ['.github/workflows/keys.yml', 'automatic']
    ])
  })

  it.each([
    [
      ['plan', example, '--format', 'xml'],
      /--format 'xml' is not supported; use text, json or sarif/
    ],
    [['scan'], /unknown command 'scan'/],
    [[], /no command given/],
    [['plan', '--nope'], /Unknown option '--nope'/]
  ])('rejects bad usage %j with exit 2', async (argv, message) => {
    const { code, err } = await cli(...argv)
    expect(code).toBe(EXIT.usage)
    expect(err).toMatch(message)
  })

  it('fails with exit 1 and a clear message for a missing path', async () => {
    const { code, err } = await cli('plan', path.join(tmp, 'nowhere'))
    expect(code).toBe(EXIT.error)
    expect(err).toMatch(/nowhere: no such file or directory/)
    expect(existsSync(path.join(tmp, 'nowhere'))).toBe(false)
  })
})

describe('the checkout and nothing outside it (issue 11 item 9)', () => {
  const outside = (): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-outside-'))
    writeFileSync(path.join(dir, 'stolen.yml'), KEYS_YML)
    return dir
  }

  it.each([
    {
      name: '.github/workflows is a symlink out of the checkout',
      make: (repo: string, out: string) => {
        mkdirSync(path.join(repo, '.github'), { recursive: true })
        symlinkSync(out, path.join(repo, '.github', 'workflows'))
      },
      error:
        /\.github\/workflows: a symlink to .*cli-outside-.*, outside the checkout; it is not followed/
    },
    {
      name: '.github is a symlink out of the checkout',
      make: (repo: string, out: string) => {
        mkdirSync(path.join(out, 'workflows'))
        writeFileSync(path.join(out, 'workflows', 'w.yml'), KEYS_YML)
        symlinkSync(out, path.join(repo, '.github'))
      },
      error: /\.github: a symlink to .*, outside the checkout/
    },
    {
      name: '.github/workflows is a file',
      make: (repo: string) => {
        mkdirSync(path.join(repo, '.github'), { recursive: true })
        writeFileSync(path.join(repo, '.github', 'workflows'), KEYS_YML)
      },
      error: /\.github\/workflows: \.github\/workflows is not a folder/
    }
  ])('$name: a clear error, nothing read (exit 1)', async ({ make, error }) => {
    const repo = mkdtempSync(path.join(tmp, 'repo-'))
    const out = outside()
    try {
      make(repo, out)
      await expect(collectWorkflowFiles(repo)).rejects.toThrow(error)
      const { code, err, out: printed } = await cli('plan', repo, '--format', 'json')
      expect(code).toBe(EXIT.error)
      expect(err).toMatch(error)
      expect(printed).not.toContain('K_ID')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('follows a symlinked .github/workflows that stays inside the checkout, skips symlinked files', async () => {
    const repo = mkdtempSync(path.join(tmp, 'repo-'))
    const out = outside()
    try {
      mkdirSync(path.join(repo, 'ci', 'workflows'), { recursive: true })
      writeFileSync(path.join(repo, 'ci', 'workflows', 'inside.yml'), KEYS_YML)
      symlinkSync(path.join(out, 'stolen.yml'), path.join(repo, 'ci', 'workflows', 'linked.yml'))
      mkdirSync(path.join(repo, '.github'))
      symlinkSync(path.join('..', 'ci', 'workflows'), path.join(repo, '.github', 'workflows'))
      const { files } = await collectWorkflowFiles(repo)
      expect(files.map((f) => f.path)).toEqual(['.github/workflows/inside.yml'])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('--allow-pull-request-target (issue 10)', () => {
  it('keeps a pull_request_target job that runs the head manual, unless the flag is given', async () => {
    const repo = workflows(mkdtempSync(path.join(tmp, 'prt-')), {
      'prt.yml': readFileSync('__fixtures__/workflows/pull-request-target-head.yml', 'utf8')
    })
    const migrations = async (...flags: string[]): Promise<string[]> => {
      const run = await cli('plan', repo, '--format', 'json', ...flags)
      expect(run.code).toBe(EXIT.ok)
      const report = JSON.parse(run.out) as { findings: Finding[] }
      // Jobs `preview` and `fetch` run the head; the fixture's third job only labels from the base.
      return report.findings
        .filter((f) => f.job === 'preview' || f.job === 'fetch')
        .map((f) => f.migration)
    }
    const refused = await migrations()
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((m) => m === 'manual')).toBe(true)
    const allowed = await migrations('--allow-pull-request-target')
    expect(allowed).toHaveLength(refused.length)
    expect(allowed).toContain('automatic')
  })
})
