// Preloaded by startup.bench.ts (`node --import`): appends this process's CPU time (ms) to
// $BENCH_CPU_OUT at exit, for the floor (`node -e 0`) and the action alike.
import { appendFileSync } from 'node:fs'

process.on('exit', () => {
  const used = process.cpuUsage()
  appendFileSync(process.env.BENCH_CPU_OUT, `${(used.user + used.system) / 1000}\n`)
})
