/**
 * The HCL writer: its output is what `terraform fmt` leaves (the provider documentation's own
 * example, formatted by terraform fmt, comes out byte for byte; and `terraform fmt -check`
 * accepts nested and escaped values), and what a real HCL 2 parser (@cdktf/hcl2json) reads back
 * is the value written, with `${` and `%{` never interpolated.
 */
import { describe, expect, it } from '@jest/globals'
import { parse } from '@cdktf/hcl2json'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { attribute, blank, block, call, quote, raw, renderHcl } from '../../src/iac/hcl.js'

/** `terraform fmt` of the text, via the CLI on PATH. */
function terraformFmt(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hcl-fmt-'))
  try {
    const file = path.join(dir, 'main.tf')
    writeFileSync(file, text)
    execFileSync('terraform', ['fmt', file], {
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
      stdio: 'ignore'
    })
    return execFileSync('cat', [file], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('renderHcl', () => {
  it('writes the aws_iam_role example of the provider documentation as terraform fmt leaves it', () => {
    // hashicorp/terraform-provider-aws website/docs/r/iam_role.html.markdown, "Basic Example"
    // (its comment lines left out: the writer writes none).
    const expected = [
      'resource "aws_iam_role" "test_role" {',
      '  name = "test_role"',
      '',
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [',
      '      {',
      '        Action = "sts:AssumeRole"',
      '        Effect = "Allow"',
      '        Sid    = ""',
      '        Principal = {',
      '          Service = "ec2.amazonaws.com"',
      '        }',
      '      },',
      '    ]',
      '  })',
      '',
      '  tags = {',
      '    tag-key = "tag-value"',
      '  }',
      '}',
      ''
    ].join('\n')
    const text = renderHcl([
      block(
        'resource',
        ['aws_iam_role', 'test_role'],
        [
          attribute('name', 'test_role'),
          blank,
          attribute(
            'assume_role_policy',
            call('jsonencode', {
              Version: '2012-10-17',
              Statement: [
                {
                  Action: 'sts:AssumeRole',
                  Effect: 'Allow',
                  Sid: '',
                  Principal: { Service: 'ec2.amazonaws.com' }
                }
              ]
            })
          ),
          blank,
          attribute('tags', { 'tag-key': 'tag-value' })
        ]
      )
    ])
    expect(text).toBe(expected)
    expect(terraformFmt(text)).toBe(text)
  })

  it('aligns runs of one-line attributes only, as terraform fmt does', () => {
    const text = renderHcl([
      block(
        'resource',
        ['aws_iam_policy', 'p'],
        [
          attribute('name', 'n'),
          attribute('path', '/a/'),
          attribute('description', 'aligned with name and path'),
          attribute('policy', call('jsonencode', { Version: '2012-10-17', Statement: [] })),
          attribute('tags', {}),
          attribute('depends_on', [raw('aws_iam_role.r')]),
          block('lifecycle', [], [attribute('create_before_destroy', true)]),
          attribute('after_block', null),
          attribute('list', [['a'], { k: 1 }])
        ]
      )
    ])
    expect(text).toContain('  name        = "n"\n  path        = "/a/"\n  description = ')
    expect(text).toContain(
      '  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = []\n  })\n'
    )
    expect(terraformFmt(text)).toBe(text)
  })

  it('escapes strings so that the parser reads back the text, never an interpolation', async () => {
    const values = [
      'plain',
      'quote " and backslash \\',
      'arn:aws:s3:::b/${aws:username}/*',
      '%{ if x }directive%{ endif }',
      'line\nbreak\ttab',
      'unicode ✓ é',
      '$$ and $ alone'
    ]
    const text = renderHcl([
      block(
        'locals',
        [],
        values.map((v, i) => attribute(`v${i}`, v))
      )
    ])
    expect(terraformFmt(text)).toBe(text)
    const json = (await parse('locals.tf', text)) as { locals: Record<string, string>[] }
    const read = values.map((_, i) => json.locals[0]?.[`v${i}`])
    // hcl2json returns template text unevaluated: the escapes `$${` and `%%{` stay doubled,
    // which is how Terraform reads a literal `${` and `%{` (no interpolation).
    expect(read.map((r) => r?.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'))).toEqual(values)
    expect(quote('${x}')).toBe('"$${x}"')
  })
})
