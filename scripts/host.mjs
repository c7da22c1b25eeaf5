// npm run web / npm run cli: start the browser host or the command line from a prebuilt bundle
// (out/host: web.js, cli.js, storeWorker.js and their shared chunks, node_modules left outside),
// rebuilt with vite's build API when any source under src/main or src/shared is newer. Loading one
// bundle takes a fraction of the time tsx takes to transform and load hundreds of modules.
// Build output goes to stderr: the browser host's stdout carries just its serving line.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'out/host')
const stamp = path.join(outDir, '.built')
const ENTRIES = { web: 'src/main/web/main.ts', cli: 'src/main/cli/main.ts', storeWorker: 'src/main/runtime/worker.ts' }

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

export function hostIsStale() {
  if (!fs.existsSync(stamp)) return true
  const inputs = [newestMtime(path.join(root, 'src/main')), newestMtime(path.join(root, 'src/shared'))]
  for (const file of ['package.json', 'scripts/host.mjs']) inputs.push(fs.statSync(path.join(root, file)).mtimeMs)
  return Math.max(...inputs) > fs.statSync(stamp).mtimeMs
}

export async function buildHost() {
  const started = new Date()
  const { build } = await import('vite')
  // Built over the old bundle, never after deleting it: a host started from this checkout may be
  // running from it, loading chunks on demand and restarting workers. Chunks are named by their
  // hash, so its own stay; those no build has written for a day are swept below.
  fs.mkdirSync(outDir, { recursive: true })
  // One build per entry: the browser host's process then loads only what it uses (it forwards to
  // the store workers), not a chunk it would share with them holding the whole store.
  for (const [name, file] of Object.entries(ENTRIES)) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        // SSR mode: a Node bundle with the dependencies in node_modules imported, not inlined.
        ssr: true,
        target: 'node20',
        outDir,
        emptyOutDir: false,
        minify: false,
        rollupOptions: {
          input: { [name]: path.join(root, file) },
          // A package whose bindings are all shaken out is not imported for its side effects.
          treeshake: { moduleSideEffects: 'no-external' },
          // Every chunk in one folder: the runtime finds storeWorker.js beside itself (src/main/runtime/entry.ts).
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    })
  }
  const day = 24 * 60 * 60 * 1000
  for (const name of fs.readdirSync(outDir)) {
    const file = path.join(outDir, name)
    if (fs.statSync(file).mtimeMs < started.getTime() - day) fs.rmSync(file, { recursive: true, force: true })
  }
  fs.writeFileSync(stamp, '')
  fs.utimesSync(stamp, started, started) // a source saved during the build makes the next start rebuild
}

async function main() {
  const [which, ...args] = process.argv.slice(2)
  if (!(Object.hasOwn(ENTRIES, which ?? '') || which === 'build') || which === 'storeWorker') {
    process.stderr.write('用法 / usage: node scripts/host.mjs web|cli|build [options]\n')
    process.exit(2)
  }
  if (hostIsStale()) {
    process.stderr.write('正在构建 out/host … / building out/host …\n')
    await buildHost()
  }
  // `build`: only make sure the bundle is current (the e2e tests' global setup, before any host starts).
  if (which === 'build') return
  const entry = pathToFileURL(path.join(outDir, `${which}.js`)).href
  if (which === 'cli') {
    const { runCli } = await import(entry)
    process.exit(await runCli(args))
  }
  // The browser host reads its options from process.argv: as if started as `node out/host/web.js …`.
  process.argv = [process.argv[0], fileURLToPath(entry), ...args]
  await import(entry)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
