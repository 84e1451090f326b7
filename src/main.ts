import * as core from '@actions/core'
import { getSettings } from './inputs.js'

export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    core.info(`mode: ${settings.mode}`)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
