// Bundles the action (src/index.ts -> OUT/index.js) and the command line (src/cli.ts ->
// OUT/cli/index.js). `node scripts/bundle.mjs dist` writes the committed bundle; check-dist
// bundles into a temporary folder and compares.
//
// With esbuild (issue 15, figures in the report): ESM with code splitting, so that each mode's
// code (`import()` in src/main.ts) is a chunk loaded only when the mode runs; minified; and the
// OIDC helper of @actions/core with its HTTP client (@actions/http-client, undici) marked free of
// side effects, so that, never called (the action mints no token), they are left out instead of
// loading at every start. `--ncc` builds with @vercel/ncc instead, for comparing the two.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const useNcc = args.includes('--ncc')
const out = args.find((a) => !a.startsWith('--'))
if (!out) {
  console.error('usage: node scripts/bundle.mjs OUT_DIR [--ncc]')
  process.exit(2)
}
const targets = [
  ['src/index.ts', out],
  ['src/cli.ts', path.join(out, 'cli')]
]

function ncc(entry, dir) {
  const cli = path.resolve('node_modules/@vercel/ncc/dist/ncc/cli.js')
  execFileSync(
    process.execPath,
    [cli, 'build', entry, '-o', dir, '-m', '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' }
  )
}

/** Modules whose top level only defines things: left out of the bundle unless used. */
const SIDE_EFFECT_FREE = /[/\\]@actions[/\\]core[/\\]lib[/\\]oidc-utils\.js$|^@actions\/http-client/

async function esbuild(entry, dir) {
  const { build } = await import('esbuild')
  const unused = {
    name: 'side-effect-free',
    setup(b) {
      b.onResolve({ filter: /oidc-utils\.js$|^@actions\/http-client/ }, async (a) => {
        if (a.pluginData === 'resolving') return undefined
        const r = await b.resolve(a.path, {
          resolveDir: a.resolveDir,
          kind: a.kind,
          importer: a.importer,
          pluginData: 'resolving'
        })
        return SIDE_EFFECT_FREE.test(a.path) || SIDE_EFFECT_FREE.test(r.path)
          ? { ...r, sideEffects: false }
          : r
      })
    }
  }
  // yaml's ESM build (what its `default` export condition gives): the same code as its CommonJS
  // build for Node, but tree-shaken, and without the CommonJS wrappers that cost start-up time.
  const yamlEsm = {
    name: 'yaml-esm',
    setup(b) {
      b.onResolve({ filter: /^yaml$/ }, () => ({
        path: path.resolve('node_modules/yaml/browser/index.js')
      }))
    }
  }
  const result = await build({
    entryPoints: [entry],
    outdir: dir,
    entryNames: 'index',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    metafile: true,
    // CommonJS dependencies `require` Node's modules; ESM output has no `require` of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    },
    plugins: [unused, yamlEsm],
    logLevel: 'warning'
  })
  writeFileSync(path.join(dir, 'package.json'), '{\n  "type": "module"\n}\n')
  writeFileSync(path.join(dir, 'licenses.txt'), licenses(result.metafile))
}

/** The licence of every package bundled, as ncc writes them: name, licence, licence text. */
function licenses(metafile) {
  const packages = new Map()
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules[/\\])((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(input)
    if (m) packages.set(m[2].replace(/\\/g, '/'), m[1] + m[2])
  }
  return [...packages]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, root]) => {
      const meta = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
      const file = readdirSync(root).find((f) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f))
      const text = file ? readFileSync(path.join(root, file), 'utf8').trim() : ''
      return `${name}\n${meta.license ?? ''}\n${text}\n`
    })
    .join('\n')
}

for (const [entry, dir] of targets) {
  if (!existsSync(entry)) continue
  rmSync(dir, { recursive: true, force: true })
  if (useNcc) ncc(entry, dir)
  else await esbuild(entry, dir)
}
