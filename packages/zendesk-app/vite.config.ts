import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sidebar's assets: app/iframe.html and what it imports, built into dist/assets (the zip's layout).
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/assets', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '',
    rollupOptions: { input: fileURLToPath(new URL('./app/iframe.html', import.meta.url)) },
    target: 'es2022',
  },
});
