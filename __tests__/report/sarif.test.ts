import { describe, expect, it } from '@jest/globals'
import type Ajv04 from 'ajv-draft-04'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { collectWorkflowFiles } from '../../src/local-files.js'
import { toSarif } from '../../src/report/sarif.js'
import { FINDING_KINDS } from '../../src/workflows/findings.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

// The official SARIF 2.1.0 (rtm.5) JSON schema, shipped inside @microsoft/jest-sarif.
const schema = JSON.parse(
  readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8')
) as object
// The schema's language pattern is not valid with the u flag, hence unicodeRegExp: false.
// Both packages are CommonJS with `module.exports = fn`; require() gives the function itself.
const require = createRequire(import.meta.url)
const Ajv = require('ajv-draft-04') as typeof Ajv04.default
const addFormats = require('ajv-formats') as (ajv: Ajv04.default) => unknown
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats(ajv)
const validate = ajv.compile(schema)

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } }
    results: {
      ruleId: string
      level: string
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string }
          region: { startLine: number; startColumn: number }
        }
      }[]
    }[]
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[]
  }[]
}

describe('toSarif', () => {
  it('turns the example repository scan into a valid SARIF 2.1.0 log, one result per finding', async () => {
    const { files } = await collectWorkflowFiles('examples/legacy-repo')
    const result = scanWorkflows(files)
    expect(result.findings.length).toBeGreaterThan(0)
    const log = toSarif(result, { toolVersion: '1.2.3', pathPrefix: 'examples/legacy-repo/' })
    expect(validate(log) ? [] : validate.errors).toEqual([])

    const run = (log as SarifLog).runs[0]!
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...FINDING_KINDS])
    expect(run.results).toHaveLength(result.findings.length)
    result.findings.forEach((f, i) => {
      const r = run.results[i]!
      expect(r.ruleId).toBe(f.kind)
      const loc = r.locations[0]!.physicalLocation
      expect(loc.artifactLocation.uri).toBe(`examples/legacy-repo/${f.file}`)
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column })
    })
    expect(run.invocations[0]!.executionSuccessful).toBe(true)
  })

  it('reports unreadable files as tool notifications and stays valid', () => {
    const result = scanWorkflows([
      { path: '.github/workflows/broken.yml', text: 'on: [push\njobs: {' },
      {
        path: '.github/workflows/ok.yml',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: aws s3 ls\n'
      }
    ])
    expect(result.errors.length).toBeGreaterThan(0)
    expect(new Set(result.errors.map((e) => e.file))).toEqual(
      new Set(['.github/workflows/broken.yml'])
    )
    const log = toSarif(result, { toolVersion: '0.0.0' }) as SarifLog
    expect(validate(log) ? [] : validate.errors).toEqual([])
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false)
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toHaveLength(
      result.errors.length
    )
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['env'])
  })
})
