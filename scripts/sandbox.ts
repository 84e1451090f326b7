/**
 * `npm run sandbox`: starts the sandbox (test-support/sandbox.ts: the GitHub API test server and
 * moto, seeded with examples/legacy-repo and its key owner), prints `export NAME=value` lines for
 * a shell and how to run the action by hand, and serves until SIGINT/SIGTERM. Then it stops both
 * servers, prints any OpenAPI violations of the GitHub server to stderr and exits 1 if there were
 * some, 0 otherwise. Paste the printed lines into another shell to use it.
 */
import { startSandbox, type Sandbox } from '../test-support/sandbox.js'

/** A word for POSIX shells: bare when safe, else single-quoted (`'` becomes `'\''`). */
function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

function instructions(sandbox: Sandbox): string {
  const exports = Object.entries(sandbox.env).map(
    ([name, value]) => `export ${name}=${shellQuote(value)}`
  )
  return [
    '# aws-keys-to-oidc sandbox: the GitHub API test server and moto on loopback.',
    `# ${sandbox.env.GITHUB_REPOSITORY} holds examples/legacy-repo; IAM user ${sandbox.keyOwner.userName} owns the keys;`,
    `# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are the administrator ${sandbox.admin.userName}'s.`,
    ...exports,
    '#',
    '# Run the action by hand (in a shell with the exports above; `npm run package` first if src/',
    '# changed). The runner passes each input as INPUT_<NAME upper-cased, spaces as _>, so',
    '# `github-token` is INPUT_GITHUB-TOKEN, a name bash cannot export: hence `env`.',
    '#',
    '#   env INPUT_MODE=migrate "INPUT_KEYS=$SANDBOX_KEYS" "INPUT_GITHUB-TOKEN=$GITHUB_TOKEN" \\',
    '#     "INPUT_REPOSITORY=$GITHUB_REPOSITORY" "INPUT_AWS-REGION=$AWS_REGION" \\',
    '#     GITHUB_STEP_SUMMARY="$(mktemp)" GITHUB_OUTPUT="$(mktemp)" node dist/index.js',
    '#',
    '# Then look: curl -s -H "Authorization: Bearer $GITHUB_TOKEN" "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/pulls"',
    '# ready: Ctrl-C (SIGINT) or SIGTERM stops the sandbox.'
  ].join('\n')
}

let sandbox: Sandbox | null = null
let stopRequested = false

async function shutdown(): Promise<void> {
  if (!sandbox) return
  const running = sandbox
  sandbox = null
  await running.stop()
  for (const v of running.github.violations) console.error(`violation: ${v}`)
  process.exit(running.github.violations.length > 0 ? 1 : 0)
}

const onSignal = (): void => {
  // A signal during start is honoured once the sandbox is up (startSandbox cleans up on failure).
  stopRequested = true
  void shutdown()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

sandbox = await startSandbox()
if (stopRequested) {
  await shutdown()
} else {
  console.log(instructions(sandbox))
}
