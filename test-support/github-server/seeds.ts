/**
 * Ready-made repositories besides the one being migrated: the public action repositories the
 * action reads. Seed them with `startGitHubServer({ repositories: [..., SEED] })` or
 * `server.addRepository(SEED)`.
 */
import type { RepositorySeed } from './model.js'

/**
 * `aws-actions/configure-aws-credentials`, public, with release tags the way the real repository
 * has them: full versions (lightweight and annotated), moving major tags (`v5`, `v6`) and a
 * pre-release. The newest v6 release is `v6.10.0`, an annotated tag; a lexical sort would pick
 * `v6.9.3` (made last, the head of `main`), and a loose version parse `v6.11.0-rc.1`.
 */
export const CONFIGURE_AWS_CREDENTIALS: RepositorySeed = {
  fullName: 'aws-actions/configure-aws-credentials',
  ownerType: 'Organization',
  visibility: 'public',
  files: {
    'README.md': '# Configure AWS Credentials for GitHub Actions\n',
    'action.yml': [
      'name: \'"Configure AWS Credentials" Action for GitHub Actions\'',
      'runs:',
      '  using: node24',
      '  main: dist/index.js',
      ''
    ].join('\n')
  },
  tags: [
    { name: 'v5.1.0' },
    { name: 'v5', at: 'v5.1.0' },
    { name: 'v6.0.0' },
    { name: 'v6.2.0', message: 'v6.2.0' },
    { name: 'v6.10.0', message: 'v6.10.0' },
    { name: 'v6', at: 'v6.10.0' },
    { name: 'v6.11.0-rc.1' },
    { name: 'v6.9.3' }
  ]
}
