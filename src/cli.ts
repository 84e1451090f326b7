#!/usr/bin/env node
/** The command line entrypoint (`aws-keys-to-oidc`); the commands live in src/cli/. */
import { runCli } from './cli/plan.js'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
})
