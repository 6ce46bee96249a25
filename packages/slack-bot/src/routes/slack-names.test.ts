import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../blocks/mrkdwn.js';
import { seedTenant, slackHarness, testStores } from '../test-support/wiring.js';

// Zendesk group and brand names in Slack: the rollups hold the ids (as Zendesk's webhooks and exports send them);
// `/support-metrics` through signed requests shows the synced names, and an id whose name is not synced as an id.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const h = slackHarness([]);
h.clock.now = NOW;

async function save(input: CaseInput) {
  await testStores().cases.saveCase(
    'demo',
    CaseSchema.parse({ tenantId: 'demo', helpdesk: 'zendesk', ...input }),
    { source: 'test', at: iso(NOW) },
  );
}

beforeAll(async () => {
  await seedTenant('demo', 'demo-token');
  let n = 0;
  for (const [group, brand, count] of [
    ['360001111', '360009001', 4],
    ['360002222', '360009001', 2],
    ['360003333', '360009002', 3],
  ] as const)
    for (let i = 0; i < count; i++)
      await save({
        id: `c${++n}`,
        subject: 'Export to CSV fails',
        createdAt: iso(NOW - (1 + i) * DAY - 5 * HOUR),
        solvedAt: iso(NOW - (1 + i) * DAY),
        status: 'solved',
        channel: 'email',
        group,
        brand,
        publicAgentReplies: 1,
        reopens: 0,
      });
  await testStores().names.saveNames(
    'demo',
    [
      { kind: 'group', id: '360001111', name: 'Tier 1 <EMEA>' },
      { kind: 'group', id: '360002222', name: 'Billing' },
      { kind: 'brand', id: '360009001', name: 'Acme Cloud' },
    ],
    iso(NOW),
  );
});

describe('group and brand names in Slack', () => {
  it('shows the breakdown by group by name, and an id without a synced name as an id', async () => {
    const res = await h.command('fcr 30d');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { blocks: unknown[] };
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('By group');
    // Escaped for mrkdwn, as every text the helpdesk sends.
    expect(text).toContain('Tier 1 &lt;EMEA&gt;: 100%');
    expect(text).toContain('Billing: 100%');
    expect(text).toContain('group 360003333 (name not synced): 100%');
    expect(text).not.toMatch(/\\n360001111:/);
    expect(blockProblems(body.blocks as never)).toEqual([]);
  });

  it('filters by a group named as Zendesk names it, or by its id, and echoes the name back', async () => {
    for (const filter of ['group:billing', 'group:360002222']) {
      const text = JSON.stringify(await (await h.command(`fcr 30d ${filter}`)).json());
      expect(text).toContain('group:Billing');
      // Only Billing's two cases: the other groups are not in the breakdown.
      expect(text).toContain('Billing: 100%');
      expect(text).not.toContain('Tier 1');
      expect(text).not.toContain('360003333');
    }
  });

  it('echoes a brand filter of the headline KPIs by name, and counts only its cases', async () => {
    const text = JSON.stringify(await (await h.command('30d brand:360009001')).json());
    expect(text).toContain('brand:Acme Cloud');
    expect(text).toContain('6 cases created, 6 solved');
    // A name with a space cannot be one filter token (the command splits on spaces): by id, or by a one-word name.
    const other = JSON.stringify(await (await h.command('30d brand:360009002')).json());
    expect(other).toContain('brand:360009002');
    expect(other).toContain('3 cases created, 3 solved');
  });
});
