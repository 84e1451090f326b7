/**
 * Issue 11 item 10: blocks the rewrite inserts (a job's `permissions:`, a new step's `with:`) are
 * indented as the file indents maps nested under a key: the job's own first, else the
 * workflow's and the other jobs', else the unit of the job keys. The whole-file case with
 * actionlint is `__fixtures__/rewrite/indent-nested`.
 */
import { describe, expect, it } from '@jest/globals'
import { rewriteWorkflows } from '../../src/workflows/rewrite/rewrite.js'
import { scanWorkflows } from '../../src/workflows/scan/scan.js'

const KEYS = (pad: string): string =>
  `${pad}AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n${pad}AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n${pad}AWS_REGION: eu-west-1\n`

function rewrite(text: string): string {
  const files = [{ path: '.github/workflows/w.yml', text }]
  return rewriteWorkflows(files, scanWorkflows(files).findings, {
    roleArns: { AWS_ACCESS_KEY_ID: 'arn:aws:iam::123456789012:role/r' }
  }).files[0]!.after
}

describe('indentation of inserted blocks', () => {
  it.each([
    {
      name: 'two everywhere',
      text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n${KEYS('      ')}    steps:\n      - run: aws s3 ls\n`,
      want: ['    permissions:\n      contents: read\n', '        with:\n          role-to-assume:']
    },
    {
      name: 'job keys by two, the job nests its maps by four',
      text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n${KEYS('        ')}    steps:\n      - run: aws s3 ls\n`,
      want: [
        '    permissions:\n        contents: read\n',
        '        with:\n            role-to-assume:'
      ]
    },
    {
      name: 'a job without maps of its own follows the workflow env (three)',
      text: `on: push\nenv:\n${KEYS('   ')}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws s3 ls\n`,
      want: [
        '    permissions:\n       contents: read\n',
        '        with:\n           role-to-assume:'
      ]
    },
    {
      name: "the job's own indentation wins over another job's",
      text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n${KEYS('      ')}    steps:\n      - run: aws s3 ls\n  b:\n    runs-on: ubuntu-latest\n    env:\n        X: '1'\n    steps:\n      - run: echo\n`,
      want: ['    permissions:\n      contents: read\n', '        with:\n          role-to-assume:']
    }
  ])('$name', ({ text, want }) => {
    const after = rewrite(text)
    expect(after).not.toBe(text)
    for (const w of want) expect(after).toContain(w)
  })
})
