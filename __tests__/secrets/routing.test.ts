/**
 * Each job's use goes to the `keys` line of the secret it really reads (`selectPairs` with
 * `secretScopes`, pure): a job of an environment that holds its own key never takes the
 * repository's line (its role would admit a job that never held that user's key), a job of an
 * environment without its own secret takes the repository's line even when an `E/NAME` line
 * exists, a secret defined nowhere is no line's key, and where a list could not be read the
 * rule of the lines alone holds. A called workflow's job of an environment reads that
 * environment's secret over the caller's: it is recorded so, and the caller's use of a name
 * only that environment defines is no `secret-undefined` finding.
 */
import { describe, expect, it } from '@jest/globals'
import { selectPairs } from '../../src/migration/pairs.js'
import {
  keyEnvironments,
  planSecretSources,
  secretScopes,
  type SecretListing
} from '../../src/migration/secret-sources.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const job = (id: string, environment: string | null) => `  ${id}:
    runs-on: ubuntu-latest
${environment ? `    environment: ${environment}\n` : ''}    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
`
const DEPLOY = {
  path: '.github/workflows/deploy.yml',
  text: `on:
  push:
    branches: [main]
jobs:
${job('staging', 'staging')}${job('production', 'production')}${job('build', null)}`
}
const FINDINGS = scanWorkflows([DEPLOY]).findings
const PAIR = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']

function listing(over: Partial<SecretListing> = {}): SecretListing {
  return {
    repository: PAIR,
    environments: [
      { environment: 'staging', secrets: [] },
      { environment: 'production', secrets: PAIR }
    ],
    organization: [],
    ...over
  }
}

const KEY = 'AKIAIOSFODNN7EXAMPLE'

/** The jobs of each line, and of the uses no line takes. */
function route(lines: readonly string[], given: SecretListing | null) {
  const keys = lines.map((secretName) => ({ secretName, accessKeyId: KEY }))
  const selection = selectPairs(keys, FINDINGS, given ? secretScopes(given) : undefined)
  return {
    lines: Object.fromEntries(
      selection.requests.map((r) => [r.key.secretName, r.uses.map((f) => f.job)])
    ),
    unmatched: selection.unmatched.map((u) => [u.uses.map((f) => f.job), u.reason])
  }
}

describe('routing each use by where its secret is defined', () => {
  it("keeps an environment's own key out of the repository line", () => {
    const { lines, unmatched } = route(['AWS_ACCESS_KEY_ID'], listing())
    expect(lines).toEqual({ AWS_ACCESS_KEY_ID: ['staging', 'build'] })
    expect(unmatched).toEqual([
      [
        ['production'],
        expect.stringContaining(
          'environment production defines its own AWS_ACCESS_KEY_ID, which the keys input does not give; add production/AWS_ACCESS_KEY_ID='
        )
      ]
    ])
    // Without the lists, the lines alone decide (today's rule): every job takes the one line.
    expect(route(['AWS_ACCESS_KEY_ID'], null).lines).toEqual({
      AWS_ACCESS_KEY_ID: ['staging', 'production', 'build']
    })
  })

  it("gives a job the repository's line when its environment has no secret of the name", () => {
    const { lines } = route(
      ['AWS_ACCESS_KEY_ID', 'staging/AWS_ACCESS_KEY_ID', 'production/AWS_ACCESS_KEY_ID'],
      listing()
    )
    expect(lines).toEqual({
      AWS_ACCESS_KEY_ID: ['staging', 'build'],
      'staging/AWS_ACCESS_KEY_ID': [],
      'production/AWS_ACCESS_KEY_ID': ['production']
    })
  })

  it('gives no line to a use of a secret defined nowhere', () => {
    const empty = listing({
      repository: [],
      environments: [
        { environment: 'staging', secrets: [] },
        { environment: 'production', secrets: [] }
      ]
    })
    const { lines, unmatched } = route(['AWS_ACCESS_KEY_ID'], empty)
    expect(lines).toEqual({ AWS_ACCESS_KEY_ID: [] })
    expect(unmatched).toEqual([
      [
        ['staging', 'production', 'build'],
        expect.stringContaining('AWS_ACCESS_KEY_ID is defined in no environment, repository or')
      ]
    ])
  })

  it('falls back on the lines where an environment could not be listed', () => {
    const unreadable = listing({
      environments: [
        { environment: 'staging', secrets: null },
        { environment: 'production', secrets: null }
      ]
    })
    expect(route(['AWS_ACCESS_KEY_ID', 'production/AWS_ACCESS_KEY_ID'], unreadable).lines).toEqual({
      AWS_ACCESS_KEY_ID: ['staging', 'build'],
      'production/AWS_ACCESS_KEY_ID': ['production']
    })
  })
})

describe('a called workflow whose job runs in an environment', () => {
  const CALLER = {
    path: '.github/workflows/release.yml',
    text: `on:
  push:
    branches: [main]
jobs:
  release:
    uses: ./.github/workflows/deploy-called.yml
    secrets: inherit
`
  }
  const CALLED = {
    path: '.github/workflows/deploy-called.yml',
    text: `on:
  workflow_call:
jobs:
${job('ship', 'production')}`
  }
  const findings = scanWorkflows([CALLER, CALLED]).findings
  const onlyProduction = listing({
    repository: [],
    environments: [{ environment: 'production', secrets: PAIR }]
  })

  it("reads that environment's secret: recorded so, and no secret-undefined finding", () => {
    expect(keyEnvironments(findings)).toEqual(['production'])
    const sources = planSecretSources(findings, onlyProduction)
    expect(
      sources.sources
        .filter((s) => s.definition?.scope === 'environment')
        .map((s) => [s.file, s.job, s.secret])
    ).toEqual([
      ['.github/workflows/deploy-called.yml', 'ship', 'AWS_ACCESS_KEY_ID'],
      ['.github/workflows/deploy-called.yml', 'ship', 'AWS_SECRET_ACCESS_KEY']
    ])
    expect(sources.findings).toEqual([])
  })
})
