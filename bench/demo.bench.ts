/**
 * The demo's wall time: `npm run demo` (moto, the GitHub API server and a complete migration by
 * the bundle dist/index.js), start to end, in its own process.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { report, ROOT } from './processes.js'

export async function bench(): Promise<void> {
  const start = performance.now()
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'demo.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 26
    }
  )
  const seconds = (performance.now() - start) / 1000
  if (run.status !== 0) throw new Error(`the demo failed: ${run.stderr.slice(-2000)}`)
  report('demo wall time', seconds, 's', { command: 'npm run demo' })
  await Promise.resolve()
}
