import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  ACTION_INPUTS_MODULE,
  actionInputsModule,
  inputsTable,
  updateReadme
} from '../scripts/action-docs.js'

const actionYml = readFileSync('action.yml', 'utf8')

describe('README and action.yml', () => {
  it('the README inputs and outputs tables are generated from action.yml (run `npm run docs`)', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(updateReadme(readme, actionYml)).toBe(readme)
  })

  it('the input defaults the code falls back to are generated from action.yml (run `npm run docs`)', () => {
    expect(readFileSync(ACTION_INPUTS_MODULE, 'utf8')).toBe(actionInputsModule(actionYml))
  })

  it('every input has a description and a default, and the action runs on node24', () => {
    const meta = parse(actionYml) as {
      inputs: Record<string, { description?: string; default?: unknown }>
      runs: { using: string; main: string }
    }
    for (const [name, input] of Object.entries(meta.inputs)) {
      expect([name, typeof input.description]).toEqual([name, 'string'])
      expect([name, input.default !== undefined]).toEqual([name, true])
    }
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(inputsTable(actionYml)).toContain('| `mode` |')
  })

  it('shows the two quick-start commands', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test')
  })
})
