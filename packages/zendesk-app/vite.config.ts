import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Zod (which the sidebar runs: core's schemas) carries three `http:` literals that are no requests: the JSON Schema
 * draft ids of toJSONSchema/fromJSONSchema (never called in the sidebar) and the scheme of the URL its IPv6 check
 * parses (`new URL(\`http://[${value}]\`)`, the same parse with https). Zendesk's validator (requests.rb) warns
 * on any `http:` URL in a packaged .js file, so the sidebar build writes them with https. Only zod's files, only
 * these literals.
 */
function zodWithoutHttpLiterals(): Plugin {
  return {
    name: 'zod-without-http-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]/.test(id) || !code.includes('http://')) return null;
      return (
        code
          .replaceAll('http://json-schema.org/', 'https://json-schema.org/')
          // biome-ignore lint/suspicious/noTemplateCurlyInString: zod's source text, matched as written
          .replaceAll('`http://[${value}]`', '`https://[${value}]`')
      );
    },
  };
}

// The sidebar's assets: app/iframe.html and what it imports, built into dist/assets (the zip's layout).
// Core is pure (its purity test: no I/O, nothing done at import), so none of its modules has a side effect and the
// bundle keeps only what the sidebar calls: without this, core's barrel drags in the store's SQL, which Zendesk's
// validator flags as secrets (validate-package.test.ts inspects the bundle for SQL and server code).
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  base: './',
  plugins: [zodWithoutHttpLiterals()],
  build: {
    outDir: fileURLToPath(new URL('./dist/assets', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '',
    rollupOptions: {
      input: fileURLToPath(new URL('./app/iframe.html', import.meta.url)),
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/core/src/') },
    },
    target: 'es2022',
  },
});
