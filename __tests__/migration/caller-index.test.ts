/**
 * The callers the trust check reads from the workflow files (`callerIndex`,
 * src/migration/trust.ts): each job calling a reusable workflow of the repository, under the
 * called file's path, with its workflow's triggers; files that call none add nothing, and a
 * file that does not parse is left out instead of failing the check.
 */
import { describe, expect, it } from '@jest/globals'
import { callerIndex } from '../../src/migration/trust.js'

const CALLER = `on:
  push:
    branches: [main, 'release/**']
  workflow_dispatch:
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml@main
    secrets: inherit
  test:
    uses: "./.github/workflows/test.yml"
  remote:
    uses: octo/shared/.github/workflows/deploy.yml@v1
`
const SECOND = `on: pull_request
jobs:
  check:
    uses: ./.github/workflows/test.yml
`
const PLAIN = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo ./.github/workflows/deploy.yml
`

describe('callerIndex', () => {
  it('lists each job calling a workflow of the repository under the called path', () => {
    const index = callerIndex([
      { path: '.github/workflows/ci.yml', text: CALLER },
      { path: '.github/workflows/pr.yml', text: SECOND },
      { path: '.github/workflows/plain.yml', text: PLAIN }
    ])
    expect([...index.keys()].sort()).toEqual([
      '.github/workflows/deploy.yml',
      '.github/workflows/test.yml'
    ])
    expect(index.get('.github/workflows/deploy.yml')).toEqual([
      {
        file: '.github/workflows/ci.yml',
        job: 'deploy',
        triggers: [
          {
            event: 'push',
            branches: ['main', 'release/**'],
            branchesIgnore: null,
            tags: null,
            tagsIgnore: null,
            types: null
          },
          {
            event: 'workflow_dispatch',
            branches: null,
            branchesIgnore: null,
            tags: null,
            tagsIgnore: null,
            types: null
          }
        ]
      }
    ])
    expect(
      index.get('.github/workflows/test.yml')?.map((c) => [c.file, c.job, c.triggers[0]?.event])
    ).toEqual([
      ['.github/workflows/ci.yml', 'test', 'push'],
      ['.github/workflows/pr.yml', 'check', 'pull_request']
    ])
  })

  it('adds nothing for files without such a call, and skips a file that does not parse', () => {
    expect(callerIndex([{ path: 'plain.yml', text: PLAIN }]).size).toBe(0)
    const broken = `jobs:\n  a:\n    uses: ./.github/workflows/x.yml\n  b: [\n`
    const index = callerIndex([
      { path: 'broken.yml', text: broken },
      { path: 'pr.yml', text: SECOND }
    ])
    expect([...index.keys()]).toEqual(['.github/workflows/test.yml'])
  })
})
