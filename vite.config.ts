// Serves and builds the demo CRM (`npm start`). The kit's packages resolve to their sources through the
// workspace, so the demo is always the kit as it is in this checkout.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  base: './',
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
  // Module workers: the seeding worker imports the analytics package, whose own fitting worker is found through
  // import.meta.url, which an IIFE worker bundle does not have.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
