/**
 * Property tests over generated workflows (fast-check): the rewrite is idempotent, keeps every
 * byte outside the nodes it edits (each generated line is tagged: lines of key entries, of the
 * configure-aws-credentials `uses:`, of `read-all` / `id-token: none` permissions may change;
 * every other line must come out identical, in order, with its own line ending), keeps the final
 * newline or its absence, parses, and re-scans without automatic findings.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseDocument } from 'yaml'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

interface Line {
  readonly text: string
  /** May change or go: it belongs to a node the rewrite edits. */
  readonly editable: boolean
}

const PAIRS = [
  ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
  ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY']
] as const

type StepKind =
  | 'checkout'
  | 'run-aws'
  | 'run-echo'
  | 'cac-keys'
  | 'cac-sha'
  | 'cac-chained'
  | 'docker-ecr'
  | 'env-keys'

interface GenStep {
  readonly kind: StepKind
  readonly pair: 0 | 1
  readonly withIf: boolean
  readonly comment: boolean
  readonly quoted: boolean
}

interface GenJob {
  readonly permissions: 'none' | 'read-all' | 'write-all' | 'map' | 'id-token-none' | 'flow'
  readonly env: 'none' | 'keys' | 'keys-and-other' | 'other'
  readonly pair: 0 | 1
  readonly steps: readonly GenStep[]
  readonly blankBetween: boolean
  /** Steps use the keys the job gets from env (else any pair: often a file left as it was). */
  readonly sharedPair: boolean
}

interface GenWorkflow {
  readonly unit: 2 | 4
  readonly dashOffset: 0 | 2
  readonly crlf: boolean
  readonly finalNewline: boolean
  readonly header: boolean
  readonly permissions: 'none' | 'read-all' | 'write-all' | 'map' | 'empty'
  readonly env: 'none' | 'keys' | 'other'
  readonly jobs: readonly GenJob[]
}

const step: fc.Arbitrary<GenStep> = fc.record({
  kind: fc.constantFrom<StepKind>(
    'checkout',
    'run-aws',
    'run-echo',
    'cac-keys',
    'cac-sha',
    'cac-chained',
    'docker-ecr',
    'env-keys'
  ),
  pair: fc.constantFrom<0 | 1>(0, 1),
  withIf: fc.boolean(),
  comment: fc.boolean(),
  quoted: fc.boolean()
})

const job: fc.Arbitrary<GenJob> = fc.record({
  permissions: fc.constantFrom('none', 'read-all', 'write-all', 'map', 'id-token-none', 'flow'),
  env: fc.constantFrom('none', 'keys', 'keys-and-other', 'other'),
  pair: fc.constantFrom<0 | 1>(0, 1),
  steps: fc.array(step, { minLength: 1, maxLength: 5 }),
  blankBetween: fc.boolean(),
  sharedPair: fc.constantFrom(true, true, true, false)
})

const workflow: fc.Arbitrary<GenWorkflow> = fc.record({
  unit: fc.constantFrom<2 | 4>(2, 4),
  dashOffset: fc.constantFrom<0 | 2>(0, 2),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  header: fc.boolean(),
  permissions: fc.constantFrom('none', 'read-all', 'write-all', 'map', 'empty'),
  env: fc.constantFrom('none', 'keys', 'other'),
  jobs: fc.array(job, { minLength: 1, maxLength: 3 })
})

const SHA = 'e3dd6a429d7300a6a4c196c26e071d42e0343502'

function render(w: GenWorkflow): { text: string; lines: Line[] } {
  const lines: Line[] = []
  const keep = (text: string): void => void lines.push({ text, editable: false })
  const edit = (text: string): void => void lines.push({ text, editable: true })
  const pad = (n: number): string => ' '.repeat(n * w.unit)
  const ref = (name: string, quoted: boolean): string =>
    quoted ? `"\${{ secrets.${name} }}"` : `\${{ secrets.${name} }}`
  if (w.header) keep('# Generated for a property test.')
  keep('name: generated')
  keep('on:')
  keep(`${pad(1)}push:`)
  keep(`${pad(2)}branches: [main]`)
  if (w.permissions === 'map') {
    keep('permissions:')
    keep(`${pad(1)}contents: read # repository contents`)
  } else if (w.permissions === 'empty') keep('permissions: {}')
  else if (w.permissions !== 'none') keep(`permissions: ${w.permissions}`)
  if (w.env !== 'none') {
    keep('env:')
    keep(`${pad(1)}AWS_REGION: eu-west-1`)
    if (w.env === 'keys') {
      edit(`${pad(1)}AWS_ACCESS_KEY_ID: ${ref(PAIRS[0][0], false)}`)
      edit(`${pad(1)}AWS_SECRET_ACCESS_KEY: ${ref(PAIRS[0][1], false)} # the secret`)
    }
  }
  keep('jobs:')
  w.jobs.forEach((j, ji) => {
    keep(`${pad(1)}job${ji}:`)
    keep(`${pad(2)}runs-on: ubuntu-latest`)
    if (j.permissions === 'read-all' || j.permissions === 'write-all') {
      edit(`${pad(2)}permissions: ${j.permissions}`)
    } else if (j.permissions === 'map' || j.permissions === 'id-token-none') {
      keep(`${pad(2)}permissions:`)
      keep(`${pad(3)}contents: write`)
      if (j.permissions === 'id-token-none') edit(`${pad(3)}id-token: none`)
    } else if (j.permissions === 'flow') edit(`${pad(2)}permissions: {contents: read}`)
    if (j.env !== 'none') {
      const onlyKeys = j.env === 'keys'
      ;(onlyKeys ? edit : keep)(`${pad(2)}env:`)
      if (j.env === 'keys-and-other' || j.env === 'other') keep(`${pad(3)}NODE_ENV: test`)
      if (j.env !== 'other') {
        edit(`${pad(3)}AWS_ACCESS_KEY_ID: ${ref(PAIRS[j.pair][0], false)}`)
        edit(`${pad(3)}AWS_SECRET_ACCESS_KEY: ${ref(PAIRS[j.pair][1], false)}`)
      }
    }
    keep(`${pad(2)}steps:`)
    const dash = 2 * w.unit + w.dashOffset
    const item = (first: string, editable = false): void =>
      (editable ? edit : keep)(`${' '.repeat(dash)}- ${first}`)
    const inner = (text: string, editable = false): void =>
      (editable ? edit : keep)(`${' '.repeat(dash + 2)}${text}`)
    const ambient =
      j.env === 'keys' || j.env === 'keys-and-other' ? j.pair : w.env === 'keys' ? 0 : null
    j.steps.forEach((s, si) => {
      if (si > 0 && j.blankBetween) keep('')
      if (s.comment) keep(`${' '.repeat(dash)}# step ${si}`)
      const shared = ambient !== null && j.sharedPair
      const [id, secret] = PAIRS[shared ? ambient : s.pair]
      const kind = shared && s.kind === 'cac-chained' ? 'cac-keys' : s.kind
      switch (kind) {
        case 'checkout':
          item('uses: actions/checkout@v4')
          break
        case 'run-aws':
          item(`name: list ${si}`)
          inner('run: aws s3 ls')
          break
        case 'run-echo':
          item('run: echo hello')
          break
        case 'cac-keys':
        case 'cac-sha':
        case 'cac-chained':
          item(`name: creds ${si}`)
          inner(
            kind === 'cac-sha'
              ? `uses: aws-actions/configure-aws-credentials@${SHA} # v4.0.2`
              : 'uses: aws-actions/configure-aws-credentials@v4',
            true
          )
          inner('with:')
          inner(`${pad(1)}aws-access-key-id: ${ref(id, s.quoted)}`, true)
          inner(`${pad(1)}aws-secret-access-key: ${ref(secret, s.quoted)}`, true)
          if (kind === 'cac-chained')
            inner(`${pad(1)}role-to-assume: arn:aws:iam::123456789012:role/r${si}`)
          inner(`${pad(1)}aws-region: us-east-1 # region`)
          break
        case 'docker-ecr':
          item(`name: ecr ${si}`)
          if (s.withIf) inner("if: github.ref == 'refs/heads/main'")
          inner('uses: docker/login-action@v3')
          inner('with:')
          inner(`${pad(1)}registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com`)
          inner(`${pad(1)}username: ${ref(id, s.quoted)}`, true)
          inner(`${pad(1)}password: ${ref(secret, s.quoted)}`, true)
          break
        case 'env-keys':
          item(`name: upload ${si}`)
          if (s.withIf) inner("if: github.event_name == 'push'")
          inner('run: aws s3 cp file s3://bucket/')
          inner('env:', true)
          inner(`${pad(1)}AWS_ACCESS_KEY_ID: ${ref(id, s.quoted)}`, true)
          inner(`${pad(1)}AWS_SECRET_ACCESS_KEY: ${ref(secret, s.quoted)}`, true)
          break
      }
    })
  })
  const eol = w.crlf ? '\r\n' : '\n'
  const text = lines.map((l) => l.text).join(eol) + (w.finalNewline ? eol : '')
  return { text, lines }
}

/** Lines with their endings. */
function split(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

/** Checks that every protected line is in the output, in order, identical with its ending. */
function protectedLinesKept(before: string, lines: readonly Line[], after: string): void {
  const input = split(before)
  const output = split(after)
  const noFinal = !before.endsWith('\n')
  let at = 0
  input.forEach((raw, i) => {
    if (lines[i]!.editable) return
    const bare = raw.replace(/\r?\n$/, '')
    while (at < output.length) {
      const candidate = output[at++]!
      if (candidate === raw) return
      // A file without a final newline keeps that shape: the line that ends up last loses its
      // ending, and the line that was last gains one when lines follow it.
      const lastOut = at === output.length
      if (noFinal && ((lastOut && candidate === bare) || candidate.replace(/\r?\n$/, '') === raw)) {
        return
      }
    }
    throw new Error(`line ${i + 1} (${JSON.stringify(raw)}) is missing or out of order`)
  })
}

describe('rewrite properties over generated workflows', () => {
  it('keeps every byte outside edited nodes, is idempotent and re-scans clean', () => {
    let changed = 0
    let runs = 0
    fc.assert(
      fc.property(workflow, (w) => {
        const { text, lines } = render(w)
        expect(parseDocument(text).errors).toEqual([])
        const file = { path: '.github/workflows/generated.yml', text }
        const result = rewriteWorkflows([file], scanWorkflows([file]).findings, {
          region: 'eu-west-1'
        })
        const out = result.files[0]!
        runs++
        if (out.changed) changed++
        protectedLinesKept(text, lines, out.after)
        expect(out.after.endsWith('\n')).toBe(text.endsWith('\n'))
        expect(parseDocument(out.after).errors).toEqual([])
        if (w.crlf) expect(out.after.replace(/\r\n/g, '')).not.toContain('\n')
        const rescan = scanWorkflows([{ ...file, text: out.after }])
        if (out.changed) {
          expect(rescan.findings.filter((f) => f.migration === 'automatic')).toEqual([])
        }
        const again = rewriteWorkflows([{ ...file, text: out.after }], rescan.findings, {
          region: 'eu-west-1'
        })
        expect(again.files[0]!.after).toBe(out.after)
      }),
      { numRuns: 300 }
    )
    // The generator must exercise the rewrite, not only files it leaves alone.
    expect(changed / runs).toBeGreaterThan(0.5)
  })
})
