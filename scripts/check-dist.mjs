// Proves the committed dist/ is the bundle of src/: bundles into a temporary folder and compares
// every file both ways. Any difference fails with the list of files and how to fix it.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'check-dist-'))
try {
  execFileSync(process.execPath, ['scripts/bundle.mjs', tmp], { stdio: 'inherit' })
  const fresh = listFiles(tmp)
  const committed = listFiles('dist')
  const problems = []
  for (const f of fresh) {
    if (!committed.includes(f)) problems.push(`missing in dist/: ${f}`)
    else if (!readFileSync(path.join(tmp, f)).equals(readFileSync(path.join('dist', f)))) {
      problems.push(`differs: dist/${f}`)
    }
  }
  for (const f of committed)
    if (!fresh.includes(f)) problems.push(`not produced by the build: dist/${f}`)
  if (problems.length) {
    console.error(
      `dist/ is not the bundle of src/:\n  ${problems.join('\n  ')}\nRun 'npm run package' and commit dist/.`
    )
    process.exitCode = 1
  } else {
    console.log(`dist/ matches the bundle of src/ (${fresh.length} files)`)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

function listFiles(root, dir = '') {
  let entries
  try {
    entries = readdirSync(path.join(root, dir))
  } catch {
    return []
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name)
    return statSync(path.join(root, rel)).isDirectory()
      ? listFiles(root, rel)
      : [rel.split(path.sep).join('/')]
  })
}
