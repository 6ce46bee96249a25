import { env } from 'cloudflare:workers';
import { type CaseInput, CaseSchema } from '@support-metrics/core';
import { loadConfig } from '@support-metrics/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../blocks/mrkdwn.js';
import { runSlackJobs } from '../jobs/slack-jobs.js';
import { seedTenant, slackHarness, slackPlugins, testStores } from '../test-support/wiring.js';

// Charts as images: `/support-metrics fcr` carries an image block whose URL this worker serves, signed and
// expiring; Slack fetches it without credentials (a plain GET), as the test does.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const h = slackHarness([{ id: 'W111', email: 'lead@acme.test', name: 'Lead', tz: 'Europe/Berlin' }]);
h.clock.now = NOW;

type Block = { type: string; image_url?: string; alt_text?: string; title?: { text: string } };

beforeAll(async () => {
  await seedTenant('demo', 'demo-token');
  const store = testStores().cases;
  // Ten weeks of solved cases: one reply each in even weeks (first contact), two in odd weeks.
  for (let week = 0; week < 10; week++)
    for (let k = 0; k < 3; k++) {
      const input: CaseInput = {
        id: `w${week}-${k}`,
        subject: 'Export fails',
        description:
          'Exporter 4.2 on Windows shows error E42 when exporting. Steps: open report, click export.',
        createdAt: iso(NOW - (week * 7 + 2) * DAY - 4 * HOUR),
        solvedAt: iso(NOW - (week * 7 + 2) * DAY),
        status: 'solved',
        channel: 'email',
        publicAgentReplies: week % 2 === 0 || k === 0 ? 1 : 2,
        reopens: 0,
        groupStations: 1,
      };
      await store.saveCase('demo', CaseSchema.parse({ tenantId: 'demo', helpdesk: 'zendesk', ...input }), {
        source: 'test',
        at: iso(NOW),
      });
    }
});

async function imageOf(text: string): Promise<Block | undefined> {
  h.clock.now += 1_000;
  const res = await h.command(text);
  expect(res.status).toBe(200);
  const answer = (await res.json()) as { blocks: Block[] };
  expect(blockProblems(answer.blocks as never)).toEqual([]);
  return answer.blocks.find((b) => b.type === 'image');
}

const fetchChart = (url: string) => h.send(new URL(url).pathname, { method: 'GET' });

describe('charts as images', () => {
  it('answers /support-metrics fcr with its trend chart: the numbers in the alt text, the PNG on this worker', async () => {
    const image = await imageOf('fcr');
    expect(image?.image_url).toMatch(
      /^https:\/\/support-metrics\.test\/slack\/charts\/[\w-]+\.[\w-]{43}\.png$/,
    );
    expect(image?.title?.text).toContain('First contact resolution');
    expect(image?.alt_text).toMatch(/^First contact resolution, weekly: \d\d-\d\d \d/);
    expect(image?.alt_text).toContain('previous period:');
    expect(image?.alt_text).toContain('industry average');
    const res = await fetchChart(image?.image_url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('max-age=86400');
    // A PNG (signature, then IHDR with the width and height, big-endian).
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([720, 260]);
  });

  it('answers a changed or forged chart URL with 404 and an expired one with 410', async () => {
    const url = (await imageOf('fcr'))?.image_url ?? '';
    const [payload, signature] = (url.split('/').at(-1) ?? '').split('.');
    const changed = url.replace(`${payload}.`, `${payload?.slice(0, -3)}abc.`);
    expect((await fetchChart(changed)).status).toBe(404);
    expect((await fetchChart(url.replace(signature ?? '', 'A'.repeat(43)))).status).toBe(404);
    expect((await fetchChart('https://support-metrics.test/slack/charts/nothing.png')).status).toBe(404);
    h.clock.now += 31 * DAY;
    try {
      const expired = await fetchChart(url);
      expect(expired.status).toBe(410);
      expect(await expired.json()).toMatchObject({ error: 'expired' });
    } finally {
      h.clock.now -= 31 * DAY;
    }
  });

  it('puts a chart for each measured headline KPI on the Home tab', async () => {
    h.clock.now += 1_000;
    await h.signed(
      JSON.stringify({
        type: 'event_callback',
        team_id: 'T111',
        api_app_id: 'A111',
        event_id: 'EvCHARTS1',
        event_time: Math.floor(h.clock.now / 1000),
        event: { type: 'app_home_opened', user: 'W111', channel: 'D111', tab: 'home', event_ts: '1.1' },
      }),
      'application/json',
    );
    const view = h.slack.state.homes.get('W111')?.view as { blocks: Block[] } | undefined;
    const images = (view?.blocks ?? []).filter((b) => b.type === 'image');
    expect(images.length).toBeGreaterThan(0);
    expect(images.map((i) => i.title?.text)).toContain('First contact resolution, weekly');
    expect(blockProblems(view?.blocks as never, 100)).toEqual([]);
    for (const i of images) expect((await fetchChart(i.image_url ?? '')).status).toBe(200);
  });

  it('puts a chart in the daily post when the worker knows its public address (PUBLIC_URL), none without', async () => {
    await h.command('subscribe <#C777|leads> 09:00 Europe/Berlin');
    const post = () =>
      h.slack.state.messages
        .filter((m) => m.channel === 'C777' && m.text.startsWith('Support metrics for'))
        .at(-1);
    const run = (at: string, config: Record<string, unknown>) =>
      runSlackJobs({
        stores: testStores(),
        config: loadConfig({ ...env, ...config }, slackPlugins.config),
        at: new Date(at),
        fetch: h.slack.fetch,
      });
    expect((await run('2026-11-23T08:15:00Z', {})).posted).toBe(1);
    expect(((post()?.blocks ?? []) as Block[]).filter((b) => b.type === 'image')).toEqual([]);
    expect((await run('2026-11-24T08:15:00Z', { PUBLIC_URL: 'https://support-metrics.test' })).posted).toBe(
      1,
    );
    const blocks = (post()?.blocks ?? []) as Block[];
    expect(blockProblems(blocks as never)).toEqual([]);
    const images = blocks.filter((b) => b.type === 'image');
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(images[0]?.image_url).toMatch(/^https:\/\/support-metrics\.test\/slack\/charts\//);
    expect(images[0]?.alt_text).toContain('weekly:');
    expect((await fetchChart(images[0]?.image_url ?? '')).status).toBe(200);
  });
});
