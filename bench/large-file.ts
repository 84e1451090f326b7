/**
 * One large workflow for the size benchmarks: jobs of many steps in the shapes the corpus holds
 * (configure-aws-credentials with keys and a region, keys in a step's env for the AWS CLI, keys
 * in a job's env, steps without AWS), repeated under distinct ids until the text reaches the
 * size asked for. Long jobs, as generated workflows have them, so that whatever a job computes
 * per step shows. Deterministic: the same size gives the same text.
 */
const STEPS_PER_JOB = 40

const STEPS: readonly ((job: string, i: number) => string)[] = [
  () => `      - uses: actions/checkout@v4
`,
  (job, i) => `      - name: Configure AWS credentials ${i}
        uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      - run: aws s3 sync ./site s3://example-bucket/${job}/${i}
`,
  (job, i) => `      - name: Deploy ${i}
        run: |
          aws ecs update-service --cluster main --service ${job}-${i} --force-new-deployment
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.DEPLOY_AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets.DEPLOY_AWS_SECRET_ACCESS_KEY }}
          AWS_REGION: eu-central-1
`,
  (job, i) => `      - name: Test ${i}
        run: npm test -- --shard=${i}
`,
  () => `      - uses: actions/setup-node@v4
        with:
          node-version: 20
`
]

const JOB_ENV_STEPS: readonly ((job: string, i: number) => string)[] = [
  STEPS[0]!,
  (job, i) => `      - run: aws s3 cp build-${i}.zip s3://example-artifacts/${job}/
`,
  STEPS[3]!,
  STEPS[4]!
]

function job(id: string, n: number): string {
  const env =
    n % 3 === 2
      ? `    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.CI_AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.CI_AWS_SECRET_ACCESS_KEY }}
      AWS_DEFAULT_REGION: us-east-1
`
      : ''
  // A job with keys in its env runs the AWS CLI with them; its steps set no other credentials.
  const kinds = env ? JOB_ENV_STEPS : STEPS
  const steps: string[] = []
  for (let i = 0; i < STEPS_PER_JOB; i++) steps.push(kinds[(n + i) % kinds.length]!(id, i))
  return `  ${id}:\n    runs-on: ubuntu-latest\n${env}    steps:\n${steps.join('')}`
}

/** A workflow of at least `bytes` bytes (UTF-8; the text is ASCII). */
export function largeWorkflow(bytes: number): string {
  const head =
    'name: large\non:\n  push:\n    branches: [main]\npermissions:\n  contents: read\njobs:\n'
  const parts = [head]
  let size = head.length
  for (let n = 0; size < bytes; n++) {
    const text = job(`job-${String(n).padStart(5, '0')}`, n)
    parts.push(text)
    size += text.length
  }
  return parts.join('')
}
