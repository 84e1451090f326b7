/**
 * The generated infrastructure code outside the pull request: `mode: plan` writes the files
 * under `RUNNER_TEMP` (the checkout stays as it is); both modes set the `iac-files` output
 * (plan: the paths written; migrate: the repository paths the pull request carries).
 */
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { IacPlan } from '../iac/files.js'

/** Writes (plan) or lists (migrate) the files and sets `iac-files`. */
export async function outputIacFiles(
  iac: IacPlan,
  mode: 'plan' | 'migrate',
  env: NodeJS.ProcessEnv
): Promise<void> {
  if (mode === 'migrate') {
    core.setOutput('iac-files', JSON.stringify(iac.files.map((f) => f.path)))
    return
  }
  const root = path.join(env.RUNNER_TEMP || process.cwd(), 'aws-keys-to-oidc')
  const written: string[] = []
  for (const file of iac.files) {
    const target = path.join(root, ...file.path.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.content, 'utf8')
    written.push(target)
  }
  core.setOutput('iac-files', JSON.stringify(written))
  core.info(`Infrastructure code written to ${path.join(root, ...iac.directory.split('/'))}`)
}
