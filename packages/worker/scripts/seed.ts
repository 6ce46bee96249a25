/**
 * The demo tenant of the embedded default: SQL that creates tenant `demo`, its API token (stored hashed)
 * and the cases of the bundled Zendesk export (real ticket texts; see packages/core/sample/README.md) with
 * their rollups — the same rows the worker's case store writes (core's prepareCaseRecord, platform's caseRowParams). Dates are moved so that the
 * newest case is from yesterday, so "the last 7 days" always has data.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type Case,
  COUNTER_NAMES,
  emptyCounters,
  importZendeskExport,
  prepareCaseRecord,
  type RollupDelta,
  zendeskExportCustomers,
} from '@support-metrics/core';
import { JIRA_SQL } from '@support-metrics/jira-bridge';
import { CUSTOMER_SQL, caseRowParams, rollupParams, SQL } from '@support-metrics/platform';
import { render } from './sql-literal.js';

export const DEMO_TENANT = 'demo';
const SAMPLE = new URL('../../core/sample/zendesk-export.json', import.meta.url);

function shift(ts: string | null, days: number): string | null {
  return ts === null
    ? null
    : new Date(Date.parse(ts) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
}

/**
 * Demo Jira issues, so that `/api/bugs`, the sidebar and Slack's `bugs` have something to show: the cases about three
 * products are linked to a bug each (as an agent would from the sidebar); DEMO-3's fix shipped six weeks ago, so
 * its deflection is measured. The issues' fields are what a Jira webhook would have told.
 */
function demoJira(cases: Case[], days: number, at: string): string[] {
  const bugs = [
    {
      key: 'DEMO-1',
      product: 'Canon EOS',
      summary: 'Camera firmware update fails over USB',
      status: 'In Progress',
      resolution: null,
      released: null,
    },
    {
      key: 'DEMO-2',
      product: 'PlayStation',
      summary: 'Controller disconnects after standby',
      status: 'To Do',
      resolution: null,
      released: null,
    },
    {
      key: 'DEMO-3',
      product: 'Lenovo ThinkPad',
      summary: 'Dock not detected after BIOS update',
      status: 'Done',
      resolution: 'Fixed',
      released: 42,
    },
  ];
  const now = Date.parse(at);
  const out: string[] = [];
  for (const b of bugs) {
    const releasedAt = b.released === null ? null : new Date(now - b.released * 86_400_000).toISOString();
    const versions = releasedAt
      ? [{ id: '9001', name: '2.4.1', released: true, releaseDate: releasedAt.slice(0, 10) }]
      : [];
    out.push(
      render(JIRA_SQL.upsertIssue, [
        DEMO_TENANT,
        b.key,
        `9${b.key.slice(5)}`,
        b.summary,
        b.status,
        b.resolution,
        JSON.stringify(versions),
        releasedAt,
        'Bug',
        null,
        at,
      ]),
    );
    for (const c of cases.filter((x) => x.subject.includes(`(${b.product})`)))
      out.push(
        render(JIRA_SQL.insertLink, [
          DEMO_TENANT,
          c.id,
          b.key,
          'demo seed',
          shift(c.createdAt, days) ?? c.createdAt,
        ]),
      );
  }
  return out;
}

/**
 * The demo tenant's settings: which case tags mean an outage (for availability) and what support costs (for support
 * costs and delivery efficiency); the organisation tags of the sample follow the default customer mapping.
 */
export const DEMO_SETTINGS = {
  customerMapping: {
    outageTags: ['outage'],
    costs: { hourlyCost: 45, monthlyOverhead: 2000, currency: 'USD' },
  },
  // The sidebar preview's stand-in Zendesk signs the sidebar's requests as account `demo` with this well-known key
  // (src/preview/harness.ts): a demo's, not a secret (a real tenant's comes from `tenant.ts zendesk-secrets`).
  zendeskSubdomain: 'demo',
  zendeskAppKey: 'demo-sidebar-signing-key',
};

/** The seed SQL for the demo tenant; `now` decides how far the sample's dates move. */
export function buildSeedSql({ token, now }: { token: string; now: Date }): { sql: string; cases: number } {
  const cases: Case[] = [];
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  for (const item of importZendeskExport(sample, DEMO_TENANT)) if (item.ok) cases.push(item.case);
  const newest = Math.max(...cases.map((c) => Date.parse(c.createdAt)));
  const yesterday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 86_400_000;
  const days = Math.floor((yesterday - newest) / 86_400_000) + 1;

  const at = now.toISOString();
  const lines = [
    render(SQL.insertTenant, [DEMO_TENANT, 'Demo (bundled sample)', JSON.stringify(DEMO_SETTINGS), at]),
    render(SQL.insertToken, [
      createHash('sha256').update(token).digest('hex'),
      DEMO_TENANT,
      'demo token',
      at,
    ]),
  ];
  const rollups = new Map<string, RollupDelta>();
  for (const c of cases) {
    const moved: Case = {
      ...c,
      createdAt: shift(c.createdAt, days) ?? c.createdAt,
      solvedAt: shift(c.solvedAt, days),
      sourceUpdatedAt: shift(c.sourceUpdatedAt, days),
    };
    const record = prepareCaseRecord(DEMO_TENANT, moved, null);
    lines.push(render(SQL.upsertCase, caseRowParams(DEMO_TENANT, record, at)));
    for (const d of record.rollups) {
      const key = `${d.day}|${d.channel}|${d.grp}|${d.brand}`;
      const row = rollups.get(key) ?? { ...d, counters: emptyCounters() };
      for (const n of COUNTER_NAMES) row.counters[n] += d.counters[n];
      rollups.set(key, row);
    }
  }
  for (const d of rollups.values()) lines.push(render(SQL.addRollup, rollupParams(DEMO_TENANT, d)));
  lines.push(...demoJira(cases, days, at));
  // The customers (organisations), their dates moved with the cases'.
  for (const o of zendeskExportCustomers(sample))
    lines.push(
      render(CUSTOMER_SQL.upsertOrganization, [
        DEMO_TENANT,
        o.id,
        o.name,
        JSON.stringify(o.tags),
        JSON.stringify(o.fields),
        shift(o.createdAt, days),
        shift(o.sourceUpdatedAt, days),
        at,
      ]),
    );
  return { sql: `${lines.join('\n')}\n`, cases: cases.length };
}
