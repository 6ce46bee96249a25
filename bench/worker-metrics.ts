/**
 * Metrics at scale (bench/worker.ts, part `metrics`) against local `wrangler dev`:
 *  - GET /api/metrics p50/p95 with 100k and 1M stored cases, against the naive way (load every case of the tenant
 *    and run computeMetrics in JS) on the same data;
 *  - /support-metrics end to end (a signed slash command through bolt on the worker, answered in the ack) with the
 *    same stored cases: the KPI view and a one-metric view with trend and breakdowns.
 * The 100k / 1M case rows are written straight into the local D1's SQLite file with python3's sqlite3 (loading a
 * million rows through HTTP would take the benchmark most of an hour); the rollups are the ones the store writes.
 * BENCH_SIZES=100000 to run only the smaller tier.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type Case,
  CaseSchema,
  COUNTER_NAMES,
  computeMetrics,
  emptyCounters,
  rollupChange,
} from '@support-metrics/core';
// The platform's statements only (its stores need the Workers runtime's types).
import { rollupParams, SQL } from '@support-metrics/platform/sql';
import { startWorker } from '../test/support/wrangler-dev.js';
import { type BenchTable, ms, pct } from './support/table.js';

// Bulk loader and dumper (python3's sqlite3 on the local D1 file).
const PY_LOAD = `
import sqlite3, sys, json
db, cases, rollups, add_rollup = sys.argv[1:5]
con = sqlite3.connect(db)
with open(cases) as f:
    rows = (l.rstrip('\\n').split('\\t') for l in f)
    con.executemany("INSERT OR REPLACE INTO cases (tenant_id, id, data, created_at, solved_at, status, channel, grp, brand, updated_at) VALUES ('big', ?, ?, ?, NULLIF(?, ''), ?, ?, ?, NULL, '2026-11-23T00:00:00Z')", rows)
con.executemany(add_rollup, json.load(open(rollups)))
con.commit()
`;
const PY_DUMP = `
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
out = sys.stdout
for (data,) in con.execute("SELECT data FROM cases WHERE tenant_id = 'big'"):
    out.write(data); out.write('\\n')
`;

const SLACK_SECRET = 'bench-slack-secret';

/** A signed `/support-metrics` as Slack sends it. */
function slashCommand(base: string, text: string, i: number) {
  const body = new URLSearchParams({
    team_id: 'TBENCH',
    channel_id: 'CBENCH',
    user_id: 'UBENCH',
    command: '/support-metrics',
    text,
    response_url: 'https://hooks.slack.com/commands/TBENCH/1/x',
    trigger_id: `bench.${i}.${randomUUID()}`,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    },
    body,
  });
}

export async function benchMetricsAtScale(table: BenchTable): Promise<void> {
  // A fresh local D1 with its migrations and the tenant, kept for the bulk load.
  let worker = await startWorker({
    tenants: { big: 'big-token' },
    keep: true,
  });
  try {
    // ── 2. /api/metrics at scale ───────────────────────────────────────────────────────────────────────
    const persist = worker.persistDir;
    await worker.stop();
    const sqlite = readdirSync(join(persist, 'v3/d1/miniflare-D1DatabaseObject')).find((f) =>
      f.endsWith('.sqlite'),
    );
    const dbFile = join(persist, 'v3/d1/miniflare-D1DatabaseObject', sqlite ?? '');
    const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
    let loaded = 0;
    for (const size of sizes) {
      // Cases (compact but real shape) and their rollups, generated in JS with the store's own functions.
      const file = join(tmpdir(), `sm-bench-${size}.tsv`);
      const rollups = new Map<string, ReturnType<typeof rollupChange>[number]>();
      const out = createWriteStream(file);
      let seed = 7 + size;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      const template = CaseSchema.parse({ id: '0', createdAt: '2026-01-01T00:00:00Z' });
      for (let i = loaded; i < size; i++) {
        const created = Date.parse('2025-11-23T00:00:00Z') + Math.floor(rand() * 365 * 86_400_000);
        const solved = rand() < 0.8;
        const c: Case = {
          ...template,
          id: `b${i}`,
          tenantId: 'big',
          createdAt: new Date(created).toISOString(),
          solvedAt: solved ? new Date(created + rand() * 72 * 3_600_000).toISOString() : null,
          status: solved ? 'solved' : 'open',
          channel: (['email', 'web', 'chat', 'phone'] as const)[i % 4] ?? 'email',
          group: ['Tier1', 'Tier2', 'Engineering'][i % 3] ?? null,
          issueType: 'bug',
          publicAgentReplies: 1 + Math.floor(rand() * 4),
          reopens: rand() < 0.1 ? 1 : 0,
          groupStations: 1 + Math.floor(rand() * 2),
          satisfaction: rand() < 0.5 ? 'good' : rand() < 0.2 ? 'bad' : null,
          completeness: { score: 70, complete: rand() < 0.5 },
        };
        const line = [
          c.id,
          JSON.stringify(c),
          c.createdAt,
          c.solvedAt ?? '',
          c.status,
          c.channel ?? '',
          c.group ?? '',
        ];
        if (!out.write(`${line.join('\t')}\n`)) await once(out, 'drain');
        for (const d of rollupChange(null, c)) {
          const key = `${d.day}|${d.channel}|${d.grp}`;
          const row = rollups.get(key) ?? { ...d, counters: emptyCounters() };
          for (const n of COUNTER_NAMES) row.counters[n] += d.counters[n];
          rollups.set(key, row);
        }
      }
      await new Promise((resolve) => out.end(resolve));
      const rollupFile = join(tmpdir(), `sm-bench-${size}-rollups.json`);
      writeFileSync(rollupFile, JSON.stringify([...rollups.values()].map((d) => rollupParams('big', d))));
      const t0 = performance.now();
      // Loaded while the worker is down (the SQLite file has one writer at a time), then the worker starts on it.
      execFileSync('python3', ['-c', PY_LOAD, dbFile, file, rollupFile, SQL.addRollup.replace(/\s+/g, ' ')], {
        stdio: 'inherit',
      });
      loaded = size;
      const loadS = (performance.now() - t0) / 1000;
      // The big tenant is the default one here, so that the single-workspace Slack bot answers from it.
      worker = await startWorker({
        persistDir: persist,
        keep: true,
        vars: { DEFAULT_TENANT: 'big', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench' },
      });

      const lat: number[] = [];
      for (let i = 0; i < 60; i++) {
        const from = `2026-0${1 + (i % 9)}-01`;
        const s = performance.now();
        const res = await fetch(`${worker.base}/api/metrics?from=${from}&to=2026-11-22&groupBy=channel`, {
          headers: { authorization: 'Bearer big-token' },
        });
        await res.json();
        lat.push(performance.now() - s);
      }
      table.add(
        `/api/metrics, ${size.toLocaleString('en-US')} stored cases (loaded in ${loadS.toFixed(0)} s)`,
        `p50 ${ms(pct(lat, 0.5))} / p95 ${ms(pct(lat, 0.95))}`,
        'p95 ≤ 300 ms',
        `${(300 / pct(lat, 0.95)).toFixed(1)}× under`,
      );

      for (const [text, label] of [
        ['', 'KPIs, last 7 days vs the 7 before'],
        ['fcr 90d', 'one metric, 90 days, 8-week trend, by channel and group'],
      ] as const) {
        const slash: number[] = [];
        for (let i = 0; i < 40; i++) {
          const s = performance.now();
          const res = await slashCommand(worker.base, text, i);
          const body = await res.text();
          if (!body.includes('"blocks"'))
            throw new Error(`slash command answered without blocks: ${body.slice(0, 200)}`);
          slash.push(performance.now() - s);
        }
        table.add(
          `/support-metrics ${text || '(no text)'}: ${label}, ${size.toLocaleString('en-US')} cases`,
          `p50 ${ms(pct(slash, 0.5))} / p95 ${ms(pct(slash, 0.95))}`,
          'well under 3 s',
          `${(3000 / pct(slash, 0.95)).toFixed(0)}× under`,
        );
      }

      // The naive way: every case of the tenant out of D1, then computeMetrics in JS.
      const n0 = performance.now();
      const cases: Case[] = [];
      const dump = spawn('python3', ['-c', PY_DUMP, dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      for await (const l of createInterface({ input: dump.stdout })) if (l) cases.push(JSON.parse(l) as Case);
      const naive = computeMetrics(cases, { from: '2026-01-01', to: '2026-11-22', groupBy: 'channel' });
      const naiveMs = performance.now() - n0;
      void naive;
      table.add(
        `naive: load ${size.toLocaleString('en-US')} cases + computeMetrics in JS`,
        ms(naiveMs),
        '—',
        `${(naiveMs / pct(lat, 0.5)).toFixed(0)}× slower than /api/metrics p50`,
      );
      await worker.stop();
    }
    rmSync(persist, { recursive: true, force: true });
  } catch (e) {
    console.error(worker.logs().slice(-3000));
    throw e;
  } finally {
    await worker.stop().catch(() => undefined);
  }
}
