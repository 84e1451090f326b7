import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { getSettings } from './inputs.js'
import { runMigration } from './modes/migrate.js'
import { runPlanMode } from './modes/plan.js'

/** The action: inputs -> mode -> report. The one place that turns errors into a failed step. */
export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    switch (settings.mode) {
      case 'plan':
        await runPlanMode(settings, process.env)
        // With keys (and AWS credentials) the plan also shows the roles, without writing.
        if (settings.keys.length > 0) await runMigration(settings, process.env, 'plan')
        break
      case 'migrate':
        await runMigration(settings, process.env, 'migrate')
        break
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
