/**
 * `npm run demo`: a complete migration on loopback. Starts moto and the project's GitHub API
 * server (the sandbox: the repository of examples/legacy-repo, an IAM user with an access key and
 * managed, inline and group policies), runs the committed bundle dist/index.js exactly as the
 * runner does (INPUT_* environment, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_API_URL,
 * AWS_ENDPOINT_URL), and prints what a user looks at: the plan, the role with its trust policy
 * and policies, the pull request with its diff, and the outputs. Stops everything it started.
 */
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand
} from '@aws-sdk/client-iam'
import path from 'node:path'
import { runAction } from '../test-support/runner.js'
import { migrateInputs, startSandbox } from '../test-support/sandbox.js'

// `npm run demo -- --full`: the whole life of a migration, through cleanup and rollback.
if (process.argv.includes('--full')) {
  await import('./demo-full.js')
  process.exit()
}

const started = Date.now()
const rule = (title: string): void =>
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n`)

console.log('Starting moto (AWS IAM/STS) and the GitHub API test server on loopback...')
const sandbox = await startSandbox()
let failed = false
try {
  console.log(
    `  GitHub API: ${sandbox.env.GITHUB_API_URL}  repository ${sandbox.env.GITHUB_REPOSITORY}`
  )
  console.log(
    `  AWS (moto): ${sandbox.env.AWS_ENDPOINT_URL}  key owner: IAM user ${sandbox.keyOwner.userName}`
  )
  console.log(`  keys input: ${sandbox.keys.replace(/=.*/gm, '=AKIA… (masked)')}`)

  // 1. mode: plan over the checkout, as a step in existing workflows runs it: the findings.
  const example = path.resolve('examples/legacy-repo')
  const scan = await runAction(path.resolve('dist/index.js'), {
    inputs: { mode: 'plan', 'working-directory': example },
    env: { ...sandbox.env, GITHUB_WORKSPACE: example }
  })
  rule('1. mode: plan: the findings, as annotations on the workflow files')
  for (const c of scan.commands.filter((c) => ['warning', 'notice', 'error'].includes(c.command))) {
    const where = c.properties.file ? `${c.properties.file}:${c.properties.line ?? ''}` : ''
    console.log(`${c.command.padEnd(7)} ${where}  ${c.message}`)
  }
  console.log(`\nfindings-count: ${scan.outputs['findings-count'] ?? '(none)'}`)
  if (scan.code !== 0) failed = true

  // 2. mode: migrate, as the manual migration workflow runs it.
  const run = await runAction(path.resolve('dist/index.js'), {
    inputs: migrateInputs(sandbox),
    env: { ...sandbox.env }
  })

  rule('2. mode: migrate: the action log')
  console.log(run.stdout.trim())

  rule('Job summary (GITHUB_STEP_SUMMARY)')
  console.log(run.summary.trim())

  const roleArns = JSON.parse(run.outputs['role-arns'] ?? '{}') as Record<string, string>
  const iam = new IAMClient({
    region: sandbox.env.AWS_REGION,
    endpoint: sandbox.env.AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY
    }
  })
  for (const arn of new Set(Object.values(roleArns))) {
    const RoleName = arn.split('/').pop() ?? ''
    rule(`The role in AWS: ${RoleName}`)
    const { Role } = await iam.send(new GetRoleCommand({ RoleName }))
    console.log(`ARN: ${Role?.Arn}\nMax session: ${Role?.MaxSessionDuration} s`)
    console.log('Tags:', (Role?.Tags ?? []).map((t) => `${t.Key}=${t.Value}`).join(', '))
    console.log('Trust policy:')
    console.log(
      JSON.stringify(
        JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '{}')),
        null,
        2
      )
    )
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))
    console.log('Attached managed policies:')
    for (const p of attached.AttachedPolicies ?? []) console.log(`  ${p.PolicyArn}`)
    const inline = await iam.send(new ListRolePoliciesCommand({ RoleName }))
    for (const PolicyName of inline.PolicyNames ?? []) {
      const doc = await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))
      console.log(`Inline policy ${PolicyName}:`)
      console.log(
        JSON.stringify(JSON.parse(decodeURIComponent(doc.PolicyDocument ?? '{}')), null, 2)
      )
    }
  }
  iam.destroy()

  const number = Number(run.outputs['pull-request-number'] ?? '0')
  if (number > 0) {
    const repo = sandbox.github.repository(sandbox.env.GITHUB_REPOSITORY)
    const pull = repo.pulls.find((p) => p.number === number)
    rule(`Pull request #${number}: ${pull?.title ?? ''}`)
    console.log(pull?.body.trim())
    rule(`Pull request #${number}: diff`)
    console.log(repo.pullRequestDiff(number).trim())
  }

  rule('Outputs (GITHUB_OUTPUT)')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(
      `${name}: ${value.length > 160 ? `${value.slice(0, 160)}… (${value.length} characters)` : value}`
    )
  }
  if (run.code !== 0) {
    failed = true
    console.error(run.stderr)
    console.error(`the action failed with exit code ${run.code}`)
  }
  if (sandbox.github.violations.length > 0) {
    failed = true
    console.error('GitHub API description violations:', sandbox.github.violations)
  }
} finally {
  await sandbox.stop()
}
console.log(
  `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s; moto and the GitHub server are stopped.`
)
process.exitCode = failed ? 1 : 0
