import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { getSettings } from './inputs.js'

/**
 * The action: inputs -> mode -> report. The one place that turns errors into a failed step.
 * Each mode is imported when it runs (a chunk of its own in the bundle): a run loads only the
 * code of its mode, and a bad input fails before any of it loads.
 */
export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    switch (settings.mode) {
      case 'plan': {
        const { runPlanMode } = await import('./modes/plan.js')
        await runPlanMode(settings, process.env)
        // With keys (and AWS credentials) the plan also shows the roles, without writing.
        if (settings.keys.length > 0) {
          const { runMigration } = await import('./modes/migrate.js')
          await runMigration(settings, process.env, 'plan')
        }
        break
      }
      case 'migrate': {
        const { runMigration } = await import('./modes/migrate.js')
        await runMigration(settings, process.env, 'migrate')
        break
      }
      case 'cleanup': {
        const { runCleanup } = await import('./modes/cleanup.js')
        await runCleanup(settings, process.env)
        break
      }
      case 'discover': {
        const { runDiscover } = await import('./modes/discover.js')
        await runDiscover(settings, process.env)
        break
      }
      case 'rollback': {
        const { runRollback } = await import('./modes/rollback.js')
        await runRollback(settings, process.env)
        break
      }
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
