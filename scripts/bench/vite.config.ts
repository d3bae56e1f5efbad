import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

/** The benchmark's helper page: the app's own modules, built in production mode. */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: '/bench/',
  resolve: { alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) } },
  build: { outDir: fileURLToPath(new URL('../../bench/page-dist', import.meta.url)), emptyOutDir: true },
  logLevel: 'warn',
});
