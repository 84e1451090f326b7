/**
 * `npm run demo`: runs the committed action bundle (dist/index.js) exactly as the GitHub runner
 * does, in plan mode, over examples/legacy-repo, and prints what a user would look at: the
 * annotations, the job summary and the outputs.
 */
import path from 'node:path'
import { runAction } from '../test-support/runner.js'

const root = process.cwd()
const example = path.join(root, 'examples/legacy-repo')

const run = await runAction(path.join(root, 'dist/index.js'), {
  inputs: { mode: 'plan', 'working-directory': example },
  env: {
    GITHUB_WORKSPACE: example,
    GITHUB_REPOSITORY: 'octo-org/legacy-repo',
    GITHUB_SHA: 'HEAD',
    GITHUB_SERVER_URL: 'https://github.com'
  }
})

const rule = (title: string): void =>
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(0, 60 - title.length))}`)
rule('Annotations on the workflow files')
for (const c of run.commands.filter((c) => ['warning', 'notice', 'error'].includes(c.command))) {
  const where = c.properties.file ? `${c.properties.file}:${c.properties.line ?? ''}` : ''
  console.log(`${c.command.padEnd(7)} ${where}  ${c.message}`)
}
rule('Job summary')
console.log(run.summary.trim())
rule('Outputs')
console.log(`findings-count: ${run.outputs['findings-count'] ?? '(none)'}`)
const findings = JSON.parse(run.outputs.findings ?? '{"findings":[]}') as { findings: unknown[] }
console.log(`findings: ${findings.findings.length} entries of JSON (see README for the shape)`)
if (run.code !== 0) {
  console.error(run.stdout)
  console.error(run.stderr)
  console.error(`the action failed with exit code ${run.code}`)
}
process.exitCode = run.code
