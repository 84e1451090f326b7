/**
 * The action's entrypoint: only calls run(). Tests and @github/local-action import run() from main.ts.
 */
import { run } from './main.js'

await run()
