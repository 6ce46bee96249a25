/**
 * Draws the App Home for the README: the Home tab the worker publishes (homeView, its charts drawn by trendChartPng),
 * computed from the bundled sample's 480 real-text tickets as the worker computes it from the rollups, rendered as
 * Slack lays out its blocks (a plain HTML stand-in for Slack's client: text, buttons and images as Block Kit gives
 * them), and photographed with Debian's Chromium.
 *
 *   npx tsx packages/slack-bot/scripts/home-screenshot.ts [out.png]   (default docs/images/slack-home.png)
 *
 * Swarms, bugs and subscriptions are the sections' own data shapes filled with a few sample rows (the sample has no
 * Slack workspace); the KPIs, trends, charts, missing items and aging cases are the sample's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { KnownBlock } from '@slack/types';
import {
  addCounters,
  addDays,
  type Counters,
  caseRollup,
  cohortThresholds,
  emptyCounters,
  findAgingCases,
  importZendeskExport,
  isSolved,
  metricsFromCounters,
  resolvedSampleOf,
  scoreCase,
} from '@support-metrics/core';
import { chromium } from 'playwright-core';
import { homeView } from '../src/blocks/home-blocks.js';
import { HEADLINE_KPIS } from '../src/blocks/metrics-blocks.js';
import { trendSpecs } from '../src/charts/chart-service.js';
import { trendAltText, trendChartPng } from '../src/charts/trend-chart.js';
import { bucketed } from '../src/services/metrics-views.js';

const out = process.argv[2] ?? new URL('../../../docs/images/slack-home.png', import.meta.url).pathname;
const sample = JSON.parse(
  readFileSync(new URL('../../core/sample/zendesk-export.json', import.meta.url), 'utf8'),
);
const cases = [...importZendeskExport(sample, 'demo')].flatMap((r) => (r.ok ? [r.case] : []));

// The daily rollups the worker keeps, built the same way (caseRollup per case).
const daily = new Map<string, Counters>();
for (const c of cases)
  for (const d of caseRollup(c)) {
    const row = daily.get(d.day) ?? emptyCounters();
    addCounters(row, d.counters);
    daily.set(d.day, row);
  }
const to = [...daily.keys()].sort().at(-1) ?? '2026-01-01';
const sum = (from: string, until: string) => {
  const t = emptyCounters();
  for (const [day, c] of daily) if (day >= from && day <= until) addCounters(t, c);
  return t;
};
const window = { from: addDays(to, -6), to, label: 'last 7 days' };
const previous = { from: addDays(to, -13), to: addDays(to, -7), label: 'previous 7 days' };
const now = sum(window.from, window.to);
const current = metricsFromCounters(now);
const before = metricsFromCounters(sum(previous.from, previous.to));
const trend: Record<string, (number | null)[]> = {};
for (const b of bucketed(daily, to, 8, 7)) {
  const m = metricsFromCounters(b.counters);
  for (const id of HEADLINE_KPIS) trend[id] = [...(trend[id] ?? []), m[id]?.value ?? null];
}
const specs = await trendSpecs({ dailyCounters: async () => daily }, 'demo', {
  metricIds: HEADLINE_KPIS,
  to,
  results: current,
});
const charts = Object.fromEntries(
  Object.entries(specs).map(([id, spec]) => [
    id,
    {
      url: `data:image/png;base64,${Buffer.from(trendChartPng(spec)).toString('base64')}`,
      altText: trendAltText(spec),
      title: `${id.replaceAll('_', ' ')}, weekly`,
    },
  ]),
);

// What new cases of the last 30 days most often lacked, as the store counts it (the verdict at creation).
const missingCount = new Map<string, number>();
for (const c of cases)
  if (c.createdAt.slice(0, 10) >= addDays(to, -29)) {
    const r = scoreCase(c);
    if (!r.complete) for (const m of r.missing) missingCount.set(m, (missingCount.get(m) ?? 0) + 1);
  }
const missing = [...missingCount]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5)
  .map(([item, n]) => ({ item, cases: n }));

const thresholds = cohortThresholds(cases.flatMap((c) => resolvedSampleOf(c) ?? []));
const aging = findAgingCases(
  cases.filter((c) => !isSolved(c)),
  thresholds,
  new Date(`${addDays(to, 1)}T00:00:00Z`),
);
const subjectOf = new Map(cases.map((c) => [c.id, c.subject]));

const view = homeView({
  userId: 'U0SAMPLE',
  window,
  previous,
  counts: { created: now.created, solved: now.solved },
  current,
  before,
  trend,
  charts,
  missing,
  completenessWindow: { from: addDays(to, -29), to, label: 'last 30 days' },
  aging: aging.slice(0, 3).map((a) => ({ ...a, subject: subjectOf.get(a.caseId) ?? '' })),
  agingTotal: aging.length,
  swarms: [
    {
      id: 'sw-1',
      caseId: aging[0]?.caseId ?? '1001',
      channelId: 'C0SWARM',
      channelName: `swarm-${aging[0]?.caseId ?? '1001'}-export`,
      startedAt: `${to}T09:12:00Z`,
      subject: subjectOf.get(aging[0]?.caseId ?? '') ?? 'Export fails',
      started: true,
    },
  ],
  bugs: [
    {
      issueKey: 'DEMO-1',
      summary: 'Export to CSV drops rows',
      status: 'In Progress',
      cases: 14,
      openCases: 5,
      customers: 6,
      revenue: 184_000,
      newCases: 3,
    },
  ],
  subscriptions: [
    {
      tenantId: 'demo',
      teamId: 'T0SAMPLE',
      channelId: 'C0SUPPORT',
      localTime: '09:00',
      timeZone: 'Europe/Berlin',
    },
  ],
  jiraBaseUrl: 'https://acme.atlassian.net',
  at: `${to}T10:00:00.000Z`,
});

// Block Kit's mrkdwn as HTML: bold, italics, code, links, user and channel mentions, line breaks.
const esc = (s: string) =>
  s
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
function mrkdwn(text: string): string {
  return esc(text)
    .replace(/&lt;([^|&]+)\|([^&]+)&gt;/g, '<a>$2</a>')
    .replace(/&lt;#(\w+)&gt;/g, '<a>#support</a>')
    .replace(/&lt;@(\w+)&gt;/g, '<a>@you</a>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/\n/g, '<br>');
}
const textOf = (t: { type: string; text: string } | undefined) =>
  t ? (t.type === 'mrkdwn' ? mrkdwn(t.text) : esc(t.text)) : '';
const button = (e: { type: string; text?: { type: string; text: string }; style?: string }) =>
  e.type === 'button' ? `<span class="btn ${e.style ?? ''}">${textOf(e.text)}</span>` : '';
function block(b: KnownBlock): string {
  // biome-ignore lint/suspicious/noExplicitAny: a stand-in layout reads each block kind's own fields
  const x = b as unknown as Record<string, any>;
  switch (b.type) {
    case 'header':
      return `<h1>${textOf(x.text)}</h1>`;
    case 'divider':
      return '<hr>';
    case 'section':
      return `<div class="section"><div>${textOf(x.text)}${(x.fields ?? []).map((f: never) => `<div>${textOf(f)}</div>`).join('')}</div>${x.accessory ? button(x.accessory) : ''}</div>`;
    case 'context':
      return `<div class="context">${x.elements.map((e: never) => textOf(e)).join(' · ')}</div>`;
    case 'actions':
      return `<div class="actions">${x.elements.map(button).join('')}</div>`;
    case 'image':
      return `<figure><figcaption>${textOf(x.title)}</figcaption><img src="${x.image_url}" alt=""></figure>`;
    default:
      return '';
  }
}
const html = `<!doctype html><meta charset="utf-8"><style>
body{font:15px/1.46 -apple-system,"Segoe UI",Lato,Helvetica,Arial,sans-serif;color:#1d1c1d;margin:0;background:#fff}
.tabs{border-bottom:1px solid #ddd;padding:12px 24px 0;font-weight:700}.tabs span{display:inline-block;padding:0 4px 10px;margin-right:18px}
.tabs .on{border-bottom:2px solid #1264a3}main{padding:12px 24px;width:760px}h1{font-size:18px;margin:14px 0 6px}
hr{border:0;border-top:1px solid #e8e8e8;margin:14px 0}.section{display:flex;justify-content:space-between;gap:12px;margin:6px 0}
.context{color:#616061;font-size:13px;margin:4px 0}.actions{margin:8px 0}code{color:#e01e5a;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;font-size:12px}
.btn{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 10px;font-weight:700;font-size:13px;margin-right:8px;white-space:nowrap}
.btn.primary{background:#007a5a;color:#fff;border-color:#007a5a}.btn.danger{color:#e01e5a}a{color:#1264a3}
figure{margin:8px 0}figcaption{font-size:13px;color:#616061}img{max-width:720px;border:1px solid #eee;border-radius:6px}
</style><div class="tabs"><span class="on">Home</span><span>Messages</span><span>About</span></div>
<main>${view.blocks.map(block).join('\n')}</main>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 820, height: 900 }, deviceScaleFactor: 1 });
await page.setContent(html);
writeFileSync(out, await page.screenshot({ fullPage: true }));
await browser.close();
console.log(
  `${out}: the Home tab of ${view.blocks.length} blocks, from ${cases.length} sample tickets up to ${to}`,
);
