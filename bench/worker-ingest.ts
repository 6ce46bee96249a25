/**
 * Ingest (bench/worker.ts, part `ingest`): signed Zendesk webhooks per second into local `wrangler dev` (signature
 * verified, scored, stored with rollups), and that none is lost.
 * With wrangler's DevTools proxy detached (as `pnpm start` runs it) at 16 and at 64 deliveries in flight, each
 * BENCH_REPEAT times (this shared VM varies by ±20% from run to run: the median and the range are reported), and
 * once attached (SUPPORT_METRICS_DEVTOOLS=1). Each run is followed by an empty route (no D1) through the same
 * server, client and concurrency: the ceiling, and its CPU per request (what ingest costs above it is the webhook's
 * own work: handler and local D1).
 */
import { randomUUID } from 'node:crypto';
import { type RunningWorker, startWorker, zendeskSignature } from '../test/support/wrangler-dev.js';
import { type Cpu, cpuSeconds, drive, send } from './support/http-load.js';
import { type BenchTable, median } from './support/table.js';

const SECRET = 'bench-secret';
const TOKEN = 'bench-token';

let ticketNo = 100_000;
/**
 * Signed ticket.created deliveries for tickets not seen before. They are made before the clock starts: Zendesk
 * builds and signs them on its side, and this machine's two cores are better left to the server.
 */
function newTickets(count: number) {
  return Array.from({ length: count }, () => {
    const i = ticketNo++;
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const body = JSON.stringify({
      type: 'zen:event-type:ticket.created',
      id: randomUUID(),
      time: now,
      detail: {
        id: String(i),
        subject: 'Export fails',
        description: `Since 4.2.${i % 9} on Windows 11 the export fails with E${i}.`,
        status: 'NEW',
        via: { channel: 'email' },
        created_at: now,
      },
    });
    const ts = new Date().toISOString();
    const headers = {
      'x-zendesk-webhook-signature': zendeskSignature(SECRET, ts, body),
      'x-zendesk-webhook-signature-timestamp': ts,
    };
    return { method: 'POST', headers, body };
  });
}

export async function benchIngest(table: BenchTable): Promise<void> {
  const N = Number(process.env.BENCH_WEBHOOKS ?? 3000);
  const storedCount = async (w: RunningWorker) =>
    ((await w.sql("SELECT count(*) AS n FROM cases WHERE tenant_id = 'demo'"))[0] as { n: number }).n;
  const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
  // BENCH_IN_FLIGHT=64: only that concurrency, detached only (a quicker comparison of two versions of the code).
  const IN_FLIGHT = process.env.BENCH_IN_FLIGHT?.split(',').map(Number);
  let sent = 0;
  let errors = 0;
  const ingest: { label: string; rates: number[]; ceilings: number[]; cpus: Cpu[]; emptyCpus: Cpu[] }[] = [];
  for (const devtools of IN_FLIGHT ? [false] : [false, true]) {
    const w = await startWorker({
      vars: { ZENDESK_WEBHOOK_SECRET: SECRET },
      tenants: { demo: TOKEN },
      // As `pnpm start` runs it: each request logged (info). BENCH_LOG_LEVEL=warn leaves that out (wrangler's Node
      // process then does next to nothing per request).
      args: ['--log-level', process.env.BENCH_LOG_LEVEL ?? 'info'],
      devtools,
    });
    try {
      const warmUp = newTickets(200);
      await drive(200, 16, (i) => send(`${w.base}/zendesk/webhooks`, warmUp[i]));
      sent += 200;
      for (const concurrency of IN_FLIGHT ?? (devtools ? [16] : [16, 64])) {
        const row = {
          label: `${devtools ? 'DevTools attached' : 'DevTools detached'}, ${concurrency} in flight`,
          rates: [] as number[],
          ceilings: [] as number[],
          cpus: [] as Cpu[],
          emptyCpus: [] as Cpu[],
        };
        for (let r = 0; r < (devtools ? 1 : REPEAT); r++) {
          const deliveries = newTickets(N);
          const before = cpuSeconds();
          const run = await drive(N, concurrency, (i) => send(`${w.base}/zendesk/webhooks`, deliveries[i]));
          const after = cpuSeconds();
          const empty = await drive(N, concurrency, () => send(`${w.base}/`));
          const afterEmpty = cpuSeconds();
          sent += N;
          errors += run.errors + empty.errors;
          row.rates.push(run.perSecond);
          row.ceilings.push(empty.perSecond);
          row.cpus.push(
            Object.fromEntries(
              Object.entries(after).map(([k, v]) => [k, ((v - before[k as keyof Cpu]) / N) * 1e6]),
            ) as Cpu,
          );
          row.emptyCpus.push(
            Object.fromEntries(
              Object.entries(afterEmpty).map(([k, v]) => [k, ((v - after[k as keyof Cpu]) / N) * 1e6]),
            ) as Cpu,
          );
        }
        ingest.push(row);
      }
      const stored = await storedCount(w);
      if (stored !== sent) errors += Math.abs(sent - stored);
    } finally {
      await w.stop();
    }
    sent = 0;
  }
  const spread = (xs: number[]) =>
    xs.length > 1 ? ` (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})` : '';
  for (const { label, rates, ceilings, cpus, emptyCpus } of ingest) {
    const rate = median(rates);
    table.add(
      `ingest: ${N} signed webhooks (new tickets), ${label}${rates.length > 1 ? `, median of ${rates.length}` : ''}`,
      `${rate.toFixed(0)}${spread(rates)} events/s`,
      '≥ 500 events/s',
      `${(rate / 500).toFixed(2)}×`,
    );
    table.add(
      `  ceiling: GET / (no D1), same server, client and concurrency`,
      `${median(ceilings).toFixed(0)}${spread(ceilings)} req/s`,
      '—',
      `ingest is ${((rate / median(ceilings)) * 100).toFixed(0)}% of it`,
    );
    // Where the machine's two cores went, per event (medians): every process on the path competes for them.
    const cpu = (k: keyof Cpu) => median(cpus.map((c) => c[k]));
    const total = median(cpus.map((c) => c.client + c.wrangler + c.proxy + c.worker));
    table.add(
      `  CPU per event: worker's workerd ${cpu('worker').toFixed(0)} µs, wrangler's proxy workerd ${cpu('proxy').toFixed(0)} µs, client ${cpu('client').toFixed(0)} µs, wrangler ${cpu('wrangler').toFixed(0)} µs`,
      `${total.toFixed(0)} µs`,
      '—',
      `2 cores: at most ${(2e6 / total).toFixed(0)} events/s`,
    );
    const floor = (k: keyof Cpu) => median(emptyCpus.map((c) => c[k]));
    const floorTotal = median(emptyCpus.map((c) => c.client + c.wrangler + c.proxy + c.worker));
    table.add(
      `  CPU per request of the empty route: worker's workerd ${floor('worker').toFixed(0)} µs, proxy ${floor('proxy').toFixed(0)} µs, client ${floor('client').toFixed(0)} µs`,
      `${floorTotal.toFixed(0)} µs`,
      '—',
      `the webhook's own work: ${(total - floorTotal).toFixed(0)} µs`,
    );
  }
  table.add(
    'ingest: errors + events not stored exactly once',
    String(errors),
    '0',
    errors === 0 ? 'none lost' : 'LOST EVENTS',
  );
}
