/**
 * The code scan on a repository of 5,000 source files (Python, JavaScript, Go, shell, Terraform;
 * 1 in 50 hands the keys on) and 20 workflows naming some of them: the time to read them from a
 * checkout (`collectCodeFiles`), then the scan over them (`scanCode`: detectors, links, holds,
 * fixes). The target: the scan adds a small constant per candidate file to the read, printed as
 * microseconds per file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { collectCodeFiles } from '../src/local-files.js'
import { scanCode } from '../src/code/scan.js'
import type { CodeFile } from '../src/code/contract.js'
import { bestOf, ROUNDS } from './corpus.js'

const FILES = 5000

const PLAIN: Readonly<Record<string, string>> = {
  py: 'import json\n\n\ndef handler(event):\n    return json.dumps({"ok": True, "n": len(event)})\n'.repeat(
    8
  ),
  js: "const fs = require('fs')\nmodule.exports = (p) => fs.readFileSync(p, 'utf8').split('\\n')\n".repeat(
    8
  ),
  go: 'package lib\n\nfunc Add(a, b int) int { return a + b }\n'.repeat(8),
  sh: '#!/bin/sh\nset -e\necho "building $1"\nmake -C "$1" all\n'.repeat(8),
  tf: 'resource "aws_s3_bucket" "b" {\n  bucket = "exports"\n}\n'.repeat(8)
}
const KEYED: Readonly<Record<string, string>> = {
  py: "import os, boto3\nc = boto3.client('s3', aws_access_key_id=os.getenv('AWS_ACCESS_KEY_ID'), aws_secret_access_key=os.getenv('AWS_SECRET_ACCESS_KEY'))\n",
  js: 'module.exports = { credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } }\n',
  go: 'package lib\n\nimport "os"\n\nvar c = credentials.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")\n',
  sh: '#!/bin/sh\naws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"\n',
  tf: 'provider "aws" {\n  access_key = var.a\n  secret_key = var.b\n}\n'
}

function repository(root: string): void {
  const exts = Object.keys(PLAIN)
  for (let i = 0; i < FILES; i++) {
    const ext = exts[i % exts.length]!
    const dir = path.join(root, `pkg${Math.floor(i / 100)}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, `m${i}.${ext}`), i % 50 === 0 ? KEYED[ext]! : PLAIN[ext]!)
  }
  const workflows = path.join(root, '.github', 'workflows')
  mkdirSync(workflows, { recursive: true })
  for (let w = 0; w < 20; w++) {
    const runs = [0, 1, 2, 3, 4].map((k) => `      - run: python pkg${w}/m${w * 100 + k * 5}.py`)
    writeFileSync(
      path.join(workflows, `w${w}.yml`),
      `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    env:\n      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n${runs.join('\n')}\n`
    )
  }
}

export async function bench(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'code-bench-'))
  try {
    repository(root)
    const { collectWorkflowFiles } = await import('../src/local-files.js')
    const { files: workflows } = await collectWorkflowFiles(root)
    let files: CodeFile[] = []
    const t0 = performance.now()
    files = await collectCodeFiles(root)
    const readMs = performance.now() - t0
    let sink = 0
    const [scanMs] = bestOf([
      () => {
        const scan = scanCode(workflows, files)
        sink += scan.findings.length + scan.holds.length + scan.fixed.length
      }
    ]) as [number]
    const bytes = files.reduce((n, f) => n + f.text.length, 0)
    console.log(
      `${files.length} source files, ${(bytes / 1e6).toFixed(2)} MB, ${workflows.length} workflows`
    )
    console.log(
      `read (collectCodeFiles, once)  ${readMs.toFixed(0).padStart(6)} ms  ${((readMs * 1000) / files.length).toFixed(1)} us/file`
    )
    console.log(
      `scan (scanCode, best of ${ROUNDS})     ${scanMs.toFixed(0).padStart(6)} ms  ${((scanMs * 1000) / files.length).toFixed(1)} us/file`
    )
    console.log(`scan/read: ${(scanMs / readMs).toFixed(2)}`)
    if (sink < 0) console.log(sink)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
