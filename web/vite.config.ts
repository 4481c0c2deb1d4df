import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard: a static single-page app served by `plenty serve` at `/`. Built into web/dist.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': process.env['PLENTY_API'] ?? 'http://127.0.0.1:8080' },
  },
});
