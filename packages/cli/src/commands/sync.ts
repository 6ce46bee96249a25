import { CalendarDateSchema } from '@support-metrics/core';
import {
  BackfillError,
  type BackfillProgress,
  backfill,
  createZendeskApi,
  SyncApiError,
  workerSink,
  ZendeskSubdomainSchema,
} from '@support-metrics/zendesk-app/backfill';
import { CliError } from '../cli-error.js';
import type { Output } from '../main.js';

export interface SyncOptions {
  source: string | undefined;
  since?: string | undefined;
  worker?: string | undefined;
  restart: boolean;
  audits: boolean;
  env: NodeJS.ProcessEnv;
  err: Output;
  /** Set by the Ctrl-C handler: stop after the current page. */
  stopRequested: () => boolean;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

function bar(p: BackfillProgress, since: number, started: number): string {
  const now = Date.now();
  const reached = p.reachedAt ? Date.parse(p.reachedAt) : since;
  const share = Math.max(0, Math.min(1, (reached - since) / Math.max(1, now - since)));
  const width = 24;
  const filled = Math.round(share * width);
  const rate = p.tickets / Math.max(0.001, (now - started) / 1000);
  const wait = p.waiting ? ` · rate-limited, waiting ${Math.round(p.waiting.waitMs / 1000)} s` : '';
  const orgs = p.organizationPages > 0 ? ` · ${p.organizations.toLocaleString('en-US')} organisations` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.tickets.toLocaleString('en-US')} tickets (${p.created} new, ${p.updated} updated, ${p.duplicate} unchanged, ${p.skipped} skipped) · ${rate.toFixed(0)}/s · up to ${p.reachedAt ?? '…'}${orgs}${wait}`;
}

/**
 * `support-metrics sync zendesk --since DATE [--worker URL] [--restart] [--no-audits]`: backfills the store
 * from Zendesk's incremental exports (tickets, then organisations), resuming from the cursors the worker saved. Zendesk credentials come from
 * ZENDESK_SUBDOMAIN / ZENDESK_EMAIL / ZENDESK_API_TOKEN, the worker's token from SUPPORT_METRICS_TOKEN.
 */
export async function syncCommand(o: SyncOptions): Promise<string> {
  if (o.source !== 'zendesk')
    throw new CliError(`unknown sync source "${o.source ?? ''}" (sources: zendesk)`);
  const { ZENDESK_SUBDOMAIN: subdomain, ZENDESK_EMAIL: email, ZENDESK_API_TOKEN: token } = o.env;
  if (!subdomain || !email || !token)
    throw new CliError('set ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN');
  // The worker's rule for the same variable (zendesk-app's config): `acme`, not acme.zendesk.com or an address.
  const sub = ZendeskSubdomainSchema.safeParse(subdomain);
  if (!sub.success) throw new CliError(`ZENDESK_SUBDOMAIN: ${sub.error.issues[0]?.message}`);
  const workerToken = o.env.SUPPORT_METRICS_TOKEN ?? o.env.SUPPORT_METRICS_DEMO_TOKEN ?? 'demo-token';
  if (o.since !== undefined && !CalendarDateSchema.safeParse(o.since).success)
    throw new CliError(`--since must be a date YYYY-MM-DD, got "${o.since}"`);
  const since = o.since ? new Date(`${o.since}T00:00:00Z`) : undefined;
  const started = Date.now();
  let last: BackfillProgress | null = null;
  const draw = (p: BackfillProgress) => {
    last = p;
    o.err.write(`\r${bar(p, since?.getTime() ?? started - 86_400_000, started)}`);
  };
  const api = createZendeskApi({
    subdomain,
    email,
    token,
    fetch: o.fetch,
    sleep: o.sleep,
    onRetry: ({ status, waitMs }) => last && draw({ ...last, waiting: { status, waitMs } }),
  });
  try {
    const result = await backfill({
      api,
      sink: workerSink({ baseUrl: o.worker ?? 'http://127.0.0.1:8787', token: workerToken, fetch: o.fetch }),
      since,
      restart: o.restart,
      audits: o.audits,
      onProgress: draw,
      onSkip: (id, reason, kind = 'ticket') => o.err.write(`\nskipped ${kind} ${id}: ${reason}\n`),
      shouldStop: o.stopRequested,
    });
    o.err.write('\n');
    const stopped = o.stopRequested()
      ? ' (stopped: run the same command to resume from the saved cursor)'
      : '';
    return `synced ${result.tickets} tickets in ${result.pages} pages: ${result.created} new, ${result.updated} updated, ${result.duplicate} unchanged, ${result.skipped} skipped; ${result.organizations} organisations in ${result.organizationPages} pages${stopped}`;
  } catch (e) {
    if (e instanceof BackfillError || e instanceof SyncApiError) throw new CliError(e.message);
    if ((e as Error).name === 'ZendeskApiError') throw new CliError((e as Error).message);
    if ((e as Error).name === 'TypeError' && /fetch failed/.test((e as Error).message))
      throw new CliError(
        `cannot reach the worker at ${o.worker ?? 'http://127.0.0.1:8787'} (is \`pnpm start\` running?)`,
      );
    throw e;
  }
}
