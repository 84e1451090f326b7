/**
 * Generates the README's inputs and outputs tables from action.yml (between the
 * `<!-- action-docs:inputs -->` / `<!-- action-docs:outputs -->` markers and their `:end` twins).
 * `tsx scripts/action-docs.ts` rewrites README.md; a test checks it is in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

interface ActionMetadata {
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>
  outputs?: Record<string, { description?: string }>
}

const cell = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function inputsTable(actionYml: string): string {
  const meta = parse(actionYml) as ActionMetadata
  const rows = Object.entries(meta.inputs ?? {}).map(
    ([name, i]) =>
      `| \`${name}\` | ${cell(i.description ?? '')} | ${i.default ? `\`${cell(String(i.default))}\`` : ''} |`
  )
  return ['| Name | Description | Default |', '|---|---|---|', ...rows].join('\n')
}

export function outputsTable(actionYml: string): string {
  const meta = parse(actionYml) as ActionMetadata
  const rows = Object.entries(meta.outputs ?? {}).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description ?? '')} |`
  )
  return ['| Name | Description |', '|---|---|', ...rows].join('\n')
}

export function updateReadme(readme: string, actionYml: string): string {
  return replaceBetween(
    replaceBetween(readme, 'inputs', inputsTable(actionYml)),
    'outputs',
    outputsTable(actionYml)
  )
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- action-docs:${name} -->`
  const end = `<!-- action-docs:${name}:end -->`
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} ... ${end} markers`)
  return text.slice(0, a + start.length) + '\n' + content + '\n' + text.slice(b)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync('README.md', 'utf8')
  const updated = updateReadme(readme, readFileSync('action.yml', 'utf8'))
  if (updated !== readme) writeFileSync('README.md', updated)
  console.log(updated === readme ? 'README.md is up to date' : 'README.md updated from action.yml')
}
