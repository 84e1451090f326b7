import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { getSettings } from './inputs.js'
import { runPlanMode } from './plan-mode.js'

/** The action: inputs -> mode -> report. The one place that turns errors into a failed step. */
export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    switch (settings.mode) {
      case 'plan':
        await runPlanMode(settings, process.env)
        break
      case 'migrate':
        throw new Error(
          "mode 'migrate' is not available in this version yet; use mode 'plan' (the default)"
        )
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
