/**
 * `npm run bench`: runs every `bench/*.bench.ts` module in name order. Each module exports
 * `bench(): Promise<void>` that measures one part and prints its own lines.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()
if (modules.length === 0) {
  console.log('no benchmark modules found')
}
for (const file of modules) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
    bench: () => Promise<void>
  }
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')} ==`)
  await mod.bench()
}
