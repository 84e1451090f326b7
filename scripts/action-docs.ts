/**
 * Generates what repeats action.yml, so that action.yml stays the one place that says it: the
 * README's inputs and outputs tables (between the `<!-- action-docs:inputs -->` /
 * `<!-- action-docs:outputs -->` markers and their `:end` twins) and `src/action-inputs.ts`,
 * the input defaults the code falls back to. `npm run docs` (`tsx scripts/action-docs.ts`)
 * rewrites both; a test checks they are in sync.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
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

/** Where the generated defaults live (imported by `src/inputs.ts`). */
export const ACTION_INPUTS_MODULE = 'src/action-inputs.ts'

/** `src/action-inputs.ts`: every input of action.yml with its default as written, Prettier-clean. */
export function actionInputsModule(actionYml: string): string {
  const meta = parse(actionYml) as ActionMetadata
  const entries = Object.entries(meta.inputs ?? {}).map(
    ([name, i]) => `  ${propertyName(name)}: ${quote(String(i.default ?? ''))}`
  )
  return [
    '// Generated from action.yml by `npm run docs` (scripts/action-docs.ts); do not edit.',
    '',
    '/**',
    ' * Every input of action.yml with its default as written there. A `${{ ... }}` default is the',
    " * runner's to evaluate: outside a runner such an input has no value. `src/inputs.ts` reads",
    ' * inputs through these names only.',
    ' */',
    'export const ACTION_INPUTS = {',
    entries.join(',\n'),
    '} as const',
    '',
    '/** The name of an input of action.yml. */',
    'export type ActionInput = keyof typeof ACTION_INPUTS',
    ''
  ].join('\n')
}

const propertyName = (name: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)

/** A string literal as Prettier writes it (single quotes unless the text holds more of them). */
function quote(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\')
  const singles = (text.match(/'/g) ?? []).length
  const doubles = (text.match(/"/g) ?? []).length
  return singles > doubles
    ? `"${escaped.replace(/"/g, '\\"')}"`
    : `'${escaped.replace(/'/g, "\\'")}'`
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- action-docs:${name} -->`
  const end = `<!-- action-docs:${name}:end -->`
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} ... ${end} markers`)
  return text.slice(0, a + start.length) + '\n' + content + '\n' + text.slice(b)
}

/** Rewrites `file` when `generate` gives other text; says which happened. */
function regenerate(file: string, generate: (current: string) => string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const updated = generate(current)
  if (updated !== current) writeFileSync(file, updated)
  console.log(updated === current ? `${file} is up to date` : `${file} updated from action.yml`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const actionYml = readFileSync('action.yml', 'utf8')
  regenerate('README.md', (readme) => updateReadme(readme, actionYml))
  regenerate(ACTION_INPUTS_MODULE, () => actionInputsModule(actionYml))
}
