/**
 * `pnpm --filter @support-metrics/zendesk-app preview`: serves the sidebar in a harness page that plays Zendesk
 * (http://127.0.0.1:$PREVIEW_PORT/preview.html, default 5173), with a real ticket of the bundled sample and the
 * worker (WORKER_URL, default http://127.0.0.1:8787 — `pnpm start`) behind /sm-worker, as Zendesk's proxy would be.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importZendeskExport, scoreCompleteness } from '@support-metrics/core';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PREVIEW_PORT ?? 5173);
const worker = process.env.WORKER_URL ?? 'http://127.0.0.1:8787';
const sample = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../core/sample/zendesk-export.json', import.meta.url)), 'utf8'),
);
const cases = [...importZendeskExport(sample)].flatMap((i) => (i.ok ? [i.case] : []));

/** Starts the preview server; returns its URL and a stop function. */
export async function startPreview(opts: { port?: number; worker?: string } = {}) {
  const server = await createServer({
    configFile: `${root}vite.config.ts`,
    root: `${root}app`,
    logLevel: 'warn',
    server: {
      host: '127.0.0.1',
      port: opts.port === 0 ? undefined : (opts.port ?? port),
      strictPort: false,
      proxy: {
        '/sm-worker': { target: opts.worker ?? worker, rewrite: (p) => p.replace(/^\/sm-worker/, '') },
      },
    },
    plugins: [
      {
        name: 'preview-ticket',
        configureServer(s) {
          s.middlewares.use('/preview-ticket.json', (req, res) => {
            const id = new URL(req.url ?? '', 'http://x').searchParams.get('ticket');
            // Default: the first open ticket of the sample whose first message misses something.
            const c =
              cases.find((x) => x.id === id) ??
              cases.find(
                (x) => x.status === 'open' && x.description.length > 300 && !scoreCompleteness(x).complete,
              ) ??
              cases[0];
            res.setHeader('content-type', 'application/json');
            res.end(
              JSON.stringify({
                id: c?.id,
                subject: c?.subject,
                description: c?.description,
                status: c?.status,
                type: c?.ticketType ?? '',
                requesterName: 'Alex Doe',
                tags: c?.tags ?? [],
              }),
            );
          });
        },
      },
    ],
  });
  await server.listen();
  const url = `${server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${opts.port ?? port}/`}preview.html`;
  return { url, stop: () => server.close() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { url } = await startPreview();
  console.log(`Sidebar preview: ${url} (worker ${worker})`);
}
