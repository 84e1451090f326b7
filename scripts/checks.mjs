// The static checks of `npm test` side by side: `lint`, `format:check` and `typecheck` run as
// three processes at once (each is mostly one core; one after another they took 54 s here, side
// by side about half). Each one's output is printed whole, in that order, once all have ended;
// the exit code is 1 when any failed, naming which.
import { spawn } from 'node:child_process'

const CHECKS = ['lint', 'format:check', 'typecheck']
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run(script) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => out.push(d))
    child.on('error', (error) => resolve({ script, code: 1, output: `${error.message}\n`, ms: 0 }))
    child.on('close', (code) => {
      const ms = performance.now() - started
      resolve({ script, code: code ?? 1, output: Buffer.concat(out).toString('utf8'), ms })
    })
  })
}

const results = await Promise.all(CHECKS.map(run))
for (const r of results) {
  const verdict = r.code === 0 ? 'passed' : `failed (exit ${r.code})`
  console.log(`> npm run ${r.script}: ${verdict} in ${(r.ms / 1000).toFixed(1)} s`)
  if (r.output.trim()) console.log(r.output.trimEnd())
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.script)
if (failed.length > 0) {
  console.error(`checks failed: ${failed.join(', ')}`)
  process.exit(1)
}
