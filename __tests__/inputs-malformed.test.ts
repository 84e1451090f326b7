/**
 * Every input of action.yml with malformed values (`__fixtures__/inputs/malformed.ts`): the
 * checks `getSettings` makes are run here; the rows whose check needs the repository or the
 * account run against the sandbox in `__tests__/e2e/refusals.test.ts`. An input of action.yml
 * without a row fails this test.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { MALFORMED_INPUTS, type MalformedInput } from '../__fixtures__/inputs/malformed.js'
import { getSettings, InputError, type Settings } from '../src/inputs.js'
import { captureOutput } from '../test-support/runner.js'

const declared = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs
)
const rows = MALFORMED_INPUTS.filter((r) => declared.includes(r.input))
const asCase = (r: MalformedInput): [string, string, MalformedInput] => [r.input, r.what, r]

const set: string[] = []
function input(name: string, value: string): void {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
  process.env[key] = value
  set.push(key)
}
afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key]
})

/** What the runner would read: the masks stay in the captured output, not in the test log. */
let masked: string[] = []
function settings(): Settings {
  const { value, commands } = captureOutput(getSettings)
  masked = commands.filter((c) => c.command === 'add-mask').map((c) => c.message)
  return value
}

function refusal(): unknown {
  try {
    settings()
  } catch (error) {
    return error
  }
  return null
}

describe('malformed inputs', () => {
  it('has a row for every input of action.yml', () => {
    const covered = new Set(rows.map((r) => r.input))
    expect(declared.filter((name) => !covered.has(name))).toEqual([])
  })

  it.each(rows.filter((r) => r.check === 'settings').map(asCase))(
    '%s (%s): refused by getSettings with a message naming the input and what is allowed',
    (_name, _what, row) => {
      for (const [name, value] of Object.entries(row.with ?? {})) input(name, value)
      input(row.input, row.value)
      const error = refusal()
      expect(error).toBeInstanceOf(InputError)
      const message = (error as InputError).message
      expect(message.startsWith(`Input '${row.input}': `)).toBe(true)
      expect((error as InputError).input).toBe(row.input)
      expect(message).toMatch(row.allowed)
      // A 10,000-character value is not repeated whole.
      expect(message.length).toBeLessThan(600)
    }
  )

  it.each(rows.filter((r) => r.check === 'facts').map(asCase))(
    '%s (%s): passes getSettings (the plan refuses it, see e2e/refusals)',
    (_name, _what, row) => {
      input(row.input, row.value)
      expect(refusal()).toBeNull()
      // Key ids are masked before anything can log them (each once).
      if (row.input === 'keys') {
        expect(masked).toEqual([...row.value.matchAll(/=(\S+)/g)].map((m) => m[1]))
      }
    }
  )

  it('never repeats user info of an issuer URL', () => {
    input('oidc-issuer', 'https://user:s3cret@token.actions.githubusercontent.com')
    expect(String(refusal())).not.toContain('s3cret')
  })

  it('still takes the values the limits allow', () => {
    input('max-session-duration', '43200')
    input('branch', `feature/${'b'.repeat(236)}`)
    input('pr-title', 't'.repeat(256))
    input('pr-labels', Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(50, 'x')).join('\n'))
    input('audience', 'a'.repeat(255))
    input('oidc-issuer', 'https://ghes.example.com:8443/_services/token')
    input('sarif-file', 'out/new/results.sarif')
    input('working-directory', '__tests__')
    const s = settings()
    expect(s.maxSessionDuration).toBe(43200)
    expect(s.branch).toHaveLength(244)
    expect(s.prLabels).toHaveLength(100)
    expect(s.oidcIssuer).toBe('https://ghes.example.com:8443/_services/token')
  })
})
