/**
 * A simulated organisation for `mode: discover` (its e2e test and the bench): repositories with
 * a workflow using static keys through configure-aws-credentials (automatic), one using them by
 * hand in a script (manual), ones without keys or without workflows, and archived ones.
 */
import type { RepositorySeed } from '../test-support/github-server/index.js'

export const KEYS_WORKFLOW = `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: aws s3 sync ./site s3://example-bucket
`

export const CLEAN_WORKFLOW = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`

/** Which kind of repository the i-th of an organisation is (a fixed cycle). */
export type OrgRepoKind = 'keys' | 'clean' | 'empty' | 'archived-keys'

export function orgRepoKind(i: number): OrgRepoKind {
  return (['keys', 'clean', 'keys', 'empty', 'clean', 'archived-keys'] as const)[i % 6]!
}

/** `count` repositories of `org` named `svc-000`, `svc-001`, ... of the kinds above. */
export function orgSeeds(org: string, count: number): RepositorySeed[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = orgRepoKind(i)
    const files: Record<string, string> =
      kind === 'empty'
        ? { 'README.md': '# no workflows\n' }
        : {
            '.github/workflows/ci.yml': CLEAN_WORKFLOW,
            ...(kind === 'clean' ? {} : { '.github/workflows/deploy.yml': KEYS_WORKFLOW })
          }
    return {
      fullName: `${org}/svc-${String(i).padStart(3, '0')}`,
      ownerType: 'Organization' as const,
      files,
      archived: kind === 'archived-keys'
    }
  })
}
