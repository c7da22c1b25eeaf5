import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// main and preload run in Node/Electron; the renderer is a plain web app built once and loaded
// both by the Electron window (app:// protocol) and by the browser host (npm run web).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        // The store worker (src/main/runtime/worker.ts) is a second entry, started as a process;
        // every chunk sits beside it so the runtime finds it from its own folder (runtime/entry.ts).
        input: { index: resolve('src/main/index.ts'), storeWorker: resolve('src/main/runtime/worker.ts') },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() modules: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // Minified: the window parses and compiles less before the map can draw (electron-vite leaves
      // the renderer unminified by default).
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
  },
})
