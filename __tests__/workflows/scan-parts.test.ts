import { describe, expect, it } from '@jest/globals'
import { LineCounter, parseDocument } from 'yaml'
import { referencesIn } from '../../src/workflows/expressions.js'
import { generatedHeader } from '../../src/workflows/scan/hints.js'
import { pairUp, roleFromName, roleFromSinkName } from '../../src/workflows/key-names.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { readTriggers } from '../../src/workflows/scan/triggers.js'
import { sourceOf } from '../../src/workflows/scan/yaml-nodes.js'

describe('referencesIn', () => {
  it.each([
    ['${{ secrets.AWS_ACCESS_KEY_ID }}', ['AWS_ACCESS_KEY_ID']],
    ['${{secrets.KEY}}', ['KEY']],
    ['${{  SECRETS.Key_1 }}', ['Key_1']],
    ["${{ secrets['QUOTED-NAME'] }}", ['QUOTED-NAME']],
    ['${{ secrets["DOUBLE"] }}', ['DOUBLE']],
    ['a=${{ secrets.A }} b=${{ secrets.B }}', ['A', 'B']],
    ["${{ format('{0}', secrets.INSIDE) }}", ['INSIDE']],
    ["${{ 'secrets.NOT_A_REF' }}", []],
    ['secrets.OUTSIDE_AN_EXPRESSION', []],
    ['${{ github.event.inputs.secrets }}', []]
  ])('%s names %j', (text, names) => {
    expect(referencesIn(text).secrets.map((s) => s.name)).toEqual(names)
  })

  it('keeps the computed index of a dynamic secret as written', () => {
    const refs = referencesIn("${{ secrets[format('{0}_AWS_ACCESS_KEY_ID', matrix.stage)] }}")
    expect(refs.secrets).toEqual([])
    expect(refs.dynamicSecrets.map((d) => d.name)).toEqual([
      "format('{0}_AWS_ACCESS_KEY_ID', matrix.stage)"
    ])
    expect(referencesIn('${{ secrets[matrix.key] }}').dynamicSecrets.map((d) => d.name)).toEqual([
      'matrix.key'
    ])
  })

  it('sees the whole secrets context, env and inputs', () => {
    const refs = referencesIn(
      '${{ toJSON(secrets) }} ${{ env.PIPELINE_KEY }} ${{ inputs.access_key_id }}'
    )
    expect(refs.allSecrets).toHaveLength(1)
    expect(refs.env.map((e) => e.name)).toEqual(['PIPELINE_KEY'])
    expect(refs.inputs.map((i) => i.name)).toEqual(['access_key_id'])
    expect(referencesIn('${{ github.event.inputs.stage }}').inputs).toEqual([])
  })

  it('marks a run-time choice among secrets as conditional', () => {
    expect(referencesIn("${{ x == 'a' && secrets.A || secrets.B }}").conditional).toBe(true)
    expect(referencesIn('${{ secrets.PAT || github.token }}').conditional).toBe(false)
    expect(referencesIn('${{ secrets.A }}-${{ secrets.B }}').conditional).toBe(false)
  })

  it('reads an `if:` value without ${{ }} as an expression', () => {
    expect(
      referencesIn("secrets.AWS_ACCESS_KEY_ID != ''", true).secrets.map((s) => s.name)
    ).toEqual(['AWS_ACCESS_KEY_ID'])
  })

  it('gives offsets of the reference in the text', () => {
    const text = 'echo ${{ secrets.K }}'
    const [ref] = referencesIn(text).secrets
    expect(text.slice(ref!.offset)).toMatch(/^secrets\.K/)
  })
})

describe('roleFromName', () => {
  it.each([
    ['AWS_ACCESS_KEY_ID', 'id'],
    ['PROD_AWS_ACCESS_KEY_ID', 'id'],
    ['aws_access_key_id', 'id'],
    ['AWS_ACCESS_KEY', 'id'],
    ['AWS_ACCESS_KEY_DEV', 'id'],
    ['E2E_AWS_PROVIDER_ACCESS_KEY', 'id'],
    ['aws_key_id', 'id'],
    ['STATIC_ak_id', 'id'],
    ['R2_ACCESS_KEY_ID', 'id'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['AWS_SECRET_KEY_DEV', 'secret'],
    ['secret_access_key', 'secret'],
    ['STATIC_secret_ak', 'secret'],
    ['AWS_SESSION_TOKEN', 'token'],
    ['AWS_S3_BUCKET', null],
    ['AWS_REGION', null],
    ['AWS_ROLE_ARN', null],
    ['AWS_ACCOUNT_ID', null],
    ['AWS_KMS_KEY_ID', null],
    ['GPG_KEY_ID', null],
    ['ALIBABA_CLOUD_ACCESS_KEY_ID', null],
    ['AZURE_STORAGE_ACCESS_KEY', null],
    ['GITHUB_SESSION_TOKEN', null]
  ])('%s -> %s', (name, role) => {
    expect(roleFromName(name)).toBe(role)
  })

  it('is looser for the input names of an action that receives a secret', () => {
    expect(roleFromSinkName('secret_key')).toBe('secret')
    expect(roleFromSinkName('access_key')).toBe('id')
    expect(roleFromSinkName('bucket')).toBeNull()
  })
})

describe('pairUp', () => {
  it('pairs one id with one secret whatever their names', () => {
    expect(
      pairUp([
        { name: 'ACCESS_KEY', role: 'id' },
        { name: 'SECRET_KEY', role: 'secret' }
      ])
    ).toEqual([{ accessKeyId: 'ACCESS_KEY', secretAccessKey: 'SECRET_KEY', sessionToken: null }])
  })

  it('matches several pairs by the rest of their names, and leaves the unmatched half open', () => {
    expect(
      pairUp([
        { name: 'DEV_AWS_ACCESS_KEY_ID', role: 'id' },
        { name: 'PROD_AWS_ACCESS_KEY_ID', role: 'id' },
        { name: 'PROD_AWS_SECRET_ACCESS_KEY', role: 'secret' },
        { name: 'DEV_AWS_SECRET_ACCESS_KEY', role: 'secret' },
        { name: 'QA_AWS_ACCESS_KEY_ID', role: 'id' }
      ])
    ).toEqual([
      {
        accessKeyId: 'DEV_AWS_ACCESS_KEY_ID',
        secretAccessKey: 'DEV_AWS_SECRET_ACCESS_KEY',
        sessionToken: null
      },
      {
        accessKeyId: 'PROD_AWS_ACCESS_KEY_ID',
        secretAccessKey: 'PROD_AWS_SECRET_ACCESS_KEY',
        sessionToken: null
      },
      { accessKeyId: 'QA_AWS_ACCESS_KEY_ID', secretAccessKey: null, sessionToken: null }
    ])
  })
})

describe('readTriggers', () => {
  const triggers = (text: string): unknown => {
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines })
    return readTriggers(sourceOf(doc, lines, text), { node: doc.contents, shared: false }).map(
      (t) => [t.event, t.branches, t.branchesIgnore, t.tags, t.tagsIgnore, t.types]
    )
  }

  it.each([
    ['on: push', [['push', null, null, null, null, null]]],
    [
      'on: [push, pull_request]',
      [
        ['push', null, null, null, null, null],
        ['pull_request', null, null, null, null, null]
      ]
    ],
    ["'on':\n  pull_request: {}", [['pull_request', null, null, null, null, null]]],
    ['"on": {workflow_dispatch: }', [['workflow_dispatch', null, null, null, null, null]]],
    ['true:\n  push:\n    tags: v*', [['push', null, null, ['v*'], null, null]]],
    [
      'on:\n  push:\n    branches: [main]\n    branches-ignore: [wip]\n    tags-ignore: [x]\n  release:\n    types: [published]',
      [
        ['push', ['main'], ['wip'], null, ['x'], null],
        ['release', null, null, null, null, ['published']]
      ]
    ],
    ['name: no triggers', []]
  ])('%j', (text, expected) => {
    expect(triggers(text)).toEqual(expected)
  })
})

describe('scanWorkflows on odd input', () => {
  const file = (text: string): { path: string; text: string } => ({
    path: '.github/workflows/x.yml',
    text
  })

  it.each([
    ['an empty file', ''],
    ['a comment only', '# nothing\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['a mapping that is neither workflow nor action', 'version: 2\nupdates: []\n'],
    ['jobs that are not a mapping', 'on: push\njobs: [a, b]\n'],
    ['steps that are not a list', 'on: push\njobs:\n  a:\n    steps: {x: 1}\n'],
    [
      'a null step and a null env',
      'on: push\njobs:\n  a:\n    env:\n    steps:\n      -\n      - run:\n'
    ],
    ['a self-merging anchor', 'on: push\nx: &a\n  <<: *a\njobs: {}\n']
  ])('yields nothing for %s', (_, text) => {
    expect(scanWorkflows([file(text)])).toEqual({ findings: [], errors: [] })
  })

  it.each([
    ['tabs for indentation', 'on: push\njobs:\n\ta: {}\n', 3],
    ['two documents', 'on: push\n---\non: pull_request\n', 2],
    ['an unclosed flow sequence', 'on: [push\njobs: {\n', 2],
    ['an unknown alias', 'on: push\njobs: *nowhere\n', 2]
  ])('reports %s as an error with its line', (_, text, line) => {
    const result = scanWorkflows([file(text)])
    expect(result.findings).toEqual([])
    expect(result.errors.length).toBeGreaterThanOrEqual(1)
    expect(result.errors[0]!.file).toBe('.github/workflows/x.yml')
    expect(result.errors[0]!.line).toBe(line)
    expect(result.errors[0]!.message).toMatch(/^not valid YAML: \S/)
  })

  it('does not change its input and gives the same answer twice', () => {
    const files = Object.freeze([
      Object.freeze(
        file(
          'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.A }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.B }}\n'
        )
      )
    ])
    const first = scanWorkflows(files)
    expect(scanWorkflows(files)).toEqual(first)
    expect(first.findings.map((f) => [f.line, f.column, f.kind, f.secrets])).toEqual([
      [6, 30, 'env', ['A', 'B']]
    ])
  })

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const text =
      'on: push\njobs:\n  배포:\n    runs-on: x\n    steps:\n      - name: 배포 ☁️\n        run: echo "é ${{ secrets.AWS_ACCESS_KEY_ID }}" > creds\n'
    const [f] = scanWorkflows([file(text)]).findings
    expect(f!.job).toBe('배포')
    const line = text.split('\n')[f!.line - 1]!
    expect(line.slice(f!.column - 1)).toMatch(/^secrets\.AWS_ACCESS_KEY_ID/)
  })
})

describe('generatedHeader', () => {
  it.each([
    [
      '# DONT EDIT. This file is synced from org/.github\nname: x\n',
      'DONT EDIT. This file is synced from org/.github'
    ],
    [
      '# GitHub Actions workflow generated by gen.sh\n# Do not edit\non: push\n',
      'GitHub Actions workflow generated by gen.sh'
    ],
    ['name: x\n# Do not edit below\n', null],
    ['# A normal comment\non: push\n', null]
  ])('%j', (text, header) => {
    expect(generatedHeader(text)).toBe(header)
  })
})
