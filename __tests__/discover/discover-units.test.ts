/**
 * The pure parts of `mode: discover`: its inputs (src/settings/discover.ts), the name filter,
 * the matrix rows and summary (src/report/discover/), and where each repository's SARIF goes.
 */
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import {
  matrixRows,
  renderDiscoverSummary,
  sarifPathFor,
  type DiscoveredRepository
} from '../../src/report/discover/discover.js'
import { discoverSettings, nameMatches } from '../../src/settings/discover.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'
import { KEYS_WORKFLOW } from '../../__fixtures__/discover-org.js'

const findings = scanWorkflows([{ path: '.github/workflows/d.yml', text: KEYS_WORKFLOW }]).findings

const repo = (name: string, n: number, archived = false): DiscoveredRepository => ({
  repository: `acme/${name}`,
  archived,
  files: n,
  findings: findings.slice(0, n > 0 ? 1 : 0),
  errors: 0
})

describe('discover inputs', () => {
  it('need an organisation only in discover mode, and a valid login', () => {
    expect(() => discoverSettings(true, ' ', '*', false)).toThrow(InputError)
    expect(() => discoverSettings(true, ' ', '*', false)).toThrow(
      "Input 'organization': required with mode: discover"
    )
    expect(discoverSettings(false, '', '', false)).toEqual({
      organization: '',
      repositoryFilter: '*',
      includeArchived: false
    })
    expect(() => discoverSettings(true, '-acme', '*', false)).toThrow("Input 'organization'")
    expect(() => discoverSettings(true, 'acme', 'a/b', false)).toThrow(
      "Input 'repository-filter': 'a/b'"
    )
    expect(discoverSettings(true, ' acme ', 'svc-*', true)).toEqual({
      organization: 'acme',
      repositoryFilter: 'svc-*',
      includeArchived: true
    })
  })

  it('filter names as workflow branch filters do, ignoring case', () => {
    expect(nameMatches('*', 'anything.at-all')).toBe(true)
    expect(nameMatches('svc-*', 'SVC-api')).toBe(true)
    expect(nameMatches('svc-*', 'api-svc')).toBe(false)
    expect(nameMatches('svc-[ab]*', 'svc-b1')).toBe(true)
    expect(nameMatches('svc-[ab]*', 'svc-c1')).toBe(false)
  })
})

describe('discover words', () => {
  it('list only repositories with findings, by name, with their counts', () => {
    const rows = matrixRows([repo('zeta', 1), repo('none', 0), repo('alpha', 2)])
    expect(rows).toEqual([
      { repository: 'acme/alpha', findings: 1, automatic: 1, manual: 0 },
      { repository: 'acme/zeta', findings: 1, automatic: 1, manual: 0 }
    ])
  })

  it('summarise what was scanned and what uses keys', () => {
    const text = renderDiscoverSummary({
      organization: 'acme',
      filter: '*',
      listed: 3,
      repos: [repo('a', 1), repo('b', 0)],
      skipped: ['acme/b: .github/workflows/huge.yml']
    })
    expect(text).toContain('2 of 3 repositories matched `*`; 1 workflow files scanned')
    expect(text).toContain('| acme/a | 1 | 1 | 0 |')
    expect(text).not.toContain('| acme/b |')
    expect(text).toContain('acme/b: .github/workflows/huge.yml')
  })

  it('name one SARIF file per repository', () => {
    expect(sarifPathFor('out/results.sarif', 'acme/api')).toBe('out/results.acme.api.sarif')
    expect(sarifPathFor('out.d/results', 'acme/api')).toBe('out.d/results.acme.api')
  })
})
