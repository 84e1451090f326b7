/**
 * The code the jobs run, through the offline plan and the command line: a job whose code is
 * fixed is migrated with the fix in the same change; a job whose code cannot be fixed is never
 * rewritten (its findings are manual, naming the file and line); the fixes of a workflow's own
 * `run:` scripts land in the rewritten workflow, which actionlint still accepts.
 */
import { describe, expect, it } from '@jest/globals'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/plan.js'
import { collectCodeFiles } from '../../src/local-files.js'
import { planWithCode } from '../../src/code/plan.js'
import type { Finding } from '../../src/workflows/findings.js'
import { Actionlint, newErrors } from '../../test-support/actionlint.js'
import { fixtureRepo } from './fixture-repo.js'

const ARN = 'arn:aws:iam::123456789012:role/ci'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) })
  return { code, out, err }
}

/** A copy of a fixture repository in a temporary folder (the CLI may write to it). */
function copy(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `code-${name}-`))
  cpSync(path.join('__fixtures__', 'code', name), dir, { recursive: true })
  rmSync(path.join(dir, 'expected.json'))
  rmSync(path.join(dir, 'fixed'), { recursive: true, force: true })
  return dir
}

describe('plan with the code the jobs run', () => {
  it('the seed example: --diff rewrites the workflow and gives the Python call aws_session_token', async () => {
    const dir = copy('python-seed')
    try {
      const { code, out } = await cli('plan', dir, '--diff', '--role-arn', ARN)
      expect(code).toBe(0)
      expect(out).toContain('--- a/export.py')
      expect(out).toContain("+  aws_session_token=os.getenv('AWS_SESSION_TOKEN'))")
      expect(out).toContain('--- a/.github/workflows/export.yml')
      expect(out).toContain(`role-to-assume: ${ARN}`)
      expect(out).toMatch(/-\s+AWS_ACCESS_KEY_ID: \$\{\{ secrets.AWS_ACCESS_KEY_ID \}\}/)

      const json = JSON.parse((await cli('plan', dir, '--format', 'json')).out)
      expect(json.findings.map((f: Finding) => f.migration)).toEqual(['automatic'])
      expect(json.code.findings).toMatchObject([
        { file: 'export.py', line: 8, verdict: 'drops-token', applied: true }
      ])

      const written = await cli('plan', dir, '--write', '--role-arn', ARN, '--region', 'eu-west-1')
      expect(written.code).toBe(0)
      expect(readFileSync(path.join(dir, 'export.py'), 'utf8')).toBe(
        readFileSync('__fixtures__/code/python-seed/fixed/export.py', 'utf8')
      )
      // Converges: a second plan finds the code passing the token and nothing to change.
      const again = JSON.parse((await cli('plan', dir, '--format', 'json', '--diff')).out)
      expect(again.code.findings.map((f: { verdict: string }) => f.verdict)).toEqual([
        'passes-token'
      ])
      expect(again.code.diff).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(['java', 'terraform', 'serverless', 'shell', 'docker-compose'])(
    '%s: a job whose code cannot be fixed is never rewritten',
    (name) => {
      const { workflows, files } = fixtureRepo(name)
      const plain = planWithCode(workflows, [], { defaultRoleArn: ARN })
      expect(plain.result.findings.some((f) => f.migration === 'automatic')).toBe(true)
      const plan = planWithCode(workflows, files, { defaultRoleArn: ARN })
      const hold = plan.code.holds[0]!
      expect(plan.result.findings.length).toBeGreaterThan(0)
      for (const f of plan.result.findings) {
        expect(f.migration).toBe('manual')
        expect(f.reason).toContain(`${hold.codeFile} line ${hold.line}`)
      }
      expect(plan.rewrite.files.filter((f) => f.changed)).toEqual([])
    }
  )

  it("reads the checkout's candidate files only: no node_modules, vendor, symlinks or big files", async () => {
    const dir = copy('python-seed')
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'))
    try {
      const keyed = readFileSync(path.join(dir, 'export.py'), 'utf8')
      for (const p of ['node_modules/x/a.py', 'vendor/b.py', 'docs/c.txt']) {
        mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
        writeFileSync(path.join(dir, p), keyed)
      }
      writeFileSync(path.join(outside, 'd.py'), keyed)
      symlinkSync(path.join(outside, 'd.py'), path.join(dir, 'linked.py'))
      symlinkSync(outside, path.join(dir, 'linked-dir'))
      writeFileSync(path.join(dir, 'big.py'), keyed + '#\n'.repeat(300_000))
      const files = await collectCodeFiles(dir)
      expect(files.map((f) => f.path)).toEqual(['export.py'])
      expect(await collectCodeFiles(path.join(dir, 'export.py'))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('the text report names the code that keeps a job on its keys', async () => {
    const dir = copy('java')
    try {
      const { code, out } = await cli('plan', dir)
      expect(code).toBe(0)
      expect(out).toContain('src/Upload.java:5: basic credentials')
      expect(out).toContain(
        'job build in .github/workflows/ci.yml keeps its keys: it runs src/Upload.java:5 (drops-token), which is not fixed.'
      )
      expect(out).toMatch(/build\s+env\s+manual/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fixes of run scripts go into the rewritten workflow and the composite action; a script that cannot take a line holds its job', async () => {
    const { workflows, files } = fixtureRepo('workflow-run')
    const plan = planWithCode(workflows, files, { defaultRoleArn: ARN, region: 'eu-west-1' })
    const byJob = new Map(plan.result.findings.map((f) => [f.job, f.migration]))
    expect(Object.fromEntries(byJob)).toEqual({
      login: 'automatic',
      upload: 'automatic',
      inline: 'manual'
    })
    const deploy = plan.rewrite.files.find((f) => f.path === '.github/workflows/deploy.yml')!
    expect(deploy.changed).toBe(true)
    expect(deploy.after).toContain(
      '          aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY" --profile deploy\n          aws configure set aws_session_token "$AWS_SESSION_TOKEN" --profile deploy\n'
    )
    const inline = plan.rewrite.files.find((f) => f.path === '.github/workflows/inline.yml')!
    expect(inline.changed).toBe(false)
    expect(plan.fixed.map((f) => f.path)).toEqual(['.github/actions/upload/action.yml'])
    expect(plan.fixed[0]!.after).toContain(
      '-e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN amazon/aws-cli'
    )
    const lint = new Actionlint()
    expect(newErrors(await lint.lint(deploy.before), await lint.lint(deploy.after))).toEqual([])
  })

  it('links a Dockerfile build to the files it copies', () => {
    const workflows = [
      {
        path: '.github/workflows/image.yml',
        text: 'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: docker build -f docker/Dockerfile -t app .\n'
      }
    ]
    const files = [
      {
        path: 'docker/Dockerfile',
        text: 'FROM python:3.12\nCOPY app/ /srv/app/\nCOPY --from=build /x /x\n'
      },
      {
        path: 'app/main.py',
        text: "import boto3\nc = boto3.client('s3', aws_access_key_id=KEY, aws_secret_access_key=SECRET)\n"
      },
      {
        path: 'tools/other.py',
        text: "import boto3\nc = boto3.client('s3', aws_access_key_id=KEY, aws_secret_access_key=SECRET)\n"
      }
    ]
    const plan = planWithCode(workflows, files)
    expect(plan.code.links).toEqual([
      {
        workflow: '.github/workflows/image.yml',
        job: 'image',
        files: ['app/main.py', 'docker/Dockerfile']
      }
    ])
    expect(plan.code.holds).toEqual([
      {
        file: '.github/workflows/image.yml',
        job: 'image',
        codeFile: 'app/main.py',
        line: 2,
        verdict: 'drops-token'
      }
    ])
    // tools/other.py is run by no step: a repository-level finding that holds no job.
    expect(plan.code.findings.map((f) => f.file)).toEqual(['app/main.py', 'tools/other.py'])
  })
})
