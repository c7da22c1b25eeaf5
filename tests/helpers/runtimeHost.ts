import { startStoreRuntime } from '../../src/main/runtime/pool'
import { ENDLESS_QUERY } from './runtime'

// A host process for tests of the runtime's lifetime: starts the runtime on the file given, sets
// its writer and its reader on an endless query (stuck inside SQLite), prints the workers' pids as
// one JSON line, then either waits to be killed or (with `exit`) ends by process.exit().

const [file, then] = process.argv.slice(2)
const runtime = await startStoreRuntime({ file: file!, actor: 'tester', testHooks: true, readers: 1 })
await runtime.dispatch('meta.info', {})
void runtime.test('writer', { kind: 'sql', statements: [ENDLESS_QUERY] })
void runtime.test('reader', { kind: 'sql', statements: [ENDLESS_QUERY] })
// Each stuck once it took its call (the ping is not answered) — a moment is enough to be sure they have.
await new Promise((resolve) => setTimeout(resolve, 500))
process.stdout.write(`${JSON.stringify(runtime.workers().map((w) => w.pid))}\n`)
if (then === 'exit') process.exit(3)
setInterval(() => undefined, 1000)
