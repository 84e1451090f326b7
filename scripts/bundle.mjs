// Bundles the action (src/index.ts -> OUT/index.js) and the command line (src/cli.ts -> OUT/cli/index.js)
// with @vercel/ncc. `node scripts/bundle.mjs dist` writes the committed bundle; check-dist bundles
// into a temporary folder and compares.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'

const out = process.argv[2]
if (!out) {
  console.error('usage: node scripts/bundle.mjs OUT_DIR')
  process.exit(2)
}
const ncc = path.resolve('node_modules/@vercel/ncc/dist/ncc/cli.js')
const targets = [
  ['src/index.ts', out],
  ['src/cli.ts', path.join(out, 'cli')]
]
for (const [entry, dir] of targets) {
  if (!existsSync(entry)) continue
  rmSync(dir, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'],
    {
      stdio: 'inherit'
    }
  )
}
