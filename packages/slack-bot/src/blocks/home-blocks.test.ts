import type { MetricResult } from '@support-metrics/core';
import { describe, expect, it } from 'vitest';
import { HOME, HOME_MAX, type HomeData, homeView, subscriptionModal } from './home-blocks.js';
import { HEADLINE_KPIS } from './metrics-blocks.js';
import { blockProblems, LIMITS } from './mrkdwn.js';

const result = (over: Partial<MetricResult> = {}): MetricResult => ({
  id: 'x',
  name: 'x',
  unit: 'ratio',
  value: 0.5,
  numerator: 1,
  denominator: 2,
  status: 'better_than_average',
  benchmark: 0.47,
  target: 0.8,
  ...over,
});

function data(over: Partial<HomeData> = {}): HomeData {
  return {
    userId: 'U1',
    window: { from: '2026-11-17', to: '2026-11-23', label: 'last 7 days' },
    previous: { from: '2026-11-10', to: '2026-11-16', label: 'previous 7 days' },
    counts: { created: 12, solved: 9 },
    current: Object.fromEntries(HEADLINE_KPIS.map((id) => [id, result({ id })])),
    before: Object.fromEntries(HEADLINE_KPIS.map((id) => [id, result({ id, value: 0.4 })])),
    trend: Object.fromEntries(HEADLINE_KPIS.map((id) => [id, [0.1, 0.2, null, 0.4, 0.5, 0.6, 0.7, 0.8]])),
    missing: [{ item: 'product_version', cases: 4 }],
    completenessWindow: { from: '2026-10-25', to: '2026-11-23', label: 'last 30 days' },
    aging: [],
    agingTotal: 0,
    swarms: [],
    bugs: [],
    subscriptions: [],
    jiraBaseUrl: null,
    at: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

const texts = (v: { blocks: unknown[] }) => JSON.stringify(v.blocks);

describe('the Home tab', () => {
  it('shows every headline KPI with its trend, the benchmark and the change, and what is most often missing', () => {
    const v = homeView(data());
    expect(v.type).toBe('home');
    expect(v.callback_id).toBe(HOME.callbackId);
    const all = texts(v);
    expect(all).toContain('Case completeness');
    expect(all).toContain('▁▂·▄▅▆▇█');
    expect(all).toContain('target ≥80%');
    expect(all).toContain('▲ 10.0 pts, better');
    expect(all).toMatch(/Most often missing.*4 cases/);
    expect(blockProblems(v.blocks, LIMITS.viewBlocks)).toEqual([]);
  });

  it('offers Start swarm on each aging case, Close swarm on each of the user’s swarms, and buttons per subscription', () => {
    const v = homeView(
      data({
        aging: [
          {
            caseId: '1001',
            subject: 'Export broken',
            ageHours: 120,
            thresholdHours: 13,
            cohort: 'bug · high',
          },
        ],
        agingTotal: 1,
        swarms: [
          {
            id: 'sw1',
            caseId: '1002',
            channelId: 'C9',
            channelName: 'swarm-1002',
            startedAt: '2026-11-23T09:00:00Z',
            subject: 'Login',
            started: true,
          },
        ],
        subscriptions: [
          { tenantId: 't', teamId: 'T1', channelId: 'C222', localTime: '09:00', timeZone: 'Europe/Berlin' },
        ],
      }),
    );
    const actions = v.blocks.flatMap((b) => {
      const x = b as {
        accessory?: { action_id: string; value: string };
        elements?: { action_id?: string; value?: string }[];
      };
      return [x.accessory, ...(b.type === 'actions' ? (x.elements ?? []) : [])]
        .filter((e): e is { action_id: string; value: string } => !!e?.action_id)
        .map((e) => `${e.action_id}:${e.value}`);
    });
    expect(actions).toEqual([
      'start_swarm:1001',
      'close_swarm:sw1',
      `${HOME.addSubscription}:new`,
      `${HOME.editSubscription}:C222`,
      `${HOME.unsubscribe}:C222`,
    ]);
    expect(texts(v)).toContain('<#C222> at 09:00 Europe/Berlin');
  });

  it('stays within 100 blocks and every text limit however much there is, and escapes what users wrote', () => {
    const long = '<!channel> & '.repeat(400);
    const v = homeView(
      data({
        missing: Array.from({ length: 50 }, (_, i) => ({ item: `${long}${i}`, cases: i })),
        aging: Array.from({ length: 40 }, (_, i) => ({
          caseId: `${i}`,
          subject: long,
          ageHours: 100,
          thresholdHours: 10,
          cohort: long,
        })),
        agingTotal: 400,
        swarms: Array.from({ length: 40 }, (_, i) => ({
          id: `s${i}`,
          caseId: `${i}`,
          channelId: `C${i}`,
          channelName: null,
          startedAt: '2026-11-23T09:00:00Z',
          subject: long,
          started: false,
        })),
        bugs: Array.from({ length: 40 }, (_, i) => ({
          issueKey: `EXP-${i}`,
          summary: long,
          status: long,
          cases: 3,
          openCases: 1,
          customers: 2,
          revenue: null,
          newCases: 2,
        })),
        charts: Object.fromEntries(
          HEADLINE_KPIS.map((id) => [
            id,
            // Titles and alt texts are metric names and numbers (plain_text: Slack never parses them).
            {
              url: `https://w.example/slack/charts/${'x'.repeat(900)}.png`,
              altText: 'a'.repeat(5000),
              title: 't'.repeat(5000),
            },
          ]),
        ),
        subscriptions: Array.from({ length: 60 }, (_, i) => ({
          tenantId: 't',
          teamId: 'T1',
          channelId: `C${i}`,
          localTime: '09:00',
          timeZone: long,
        })),
      }),
    );
    expect(blockProblems(v.blocks, LIMITS.viewBlocks)).toEqual([]);
    expect(v.blocks.length).toBeLessThanOrEqual(100);
    expect(texts(v)).not.toContain('<!channel>');
    expect(texts(v)).toContain(`and ${400 - HOME_MAX.aging} more`);
    expect(JSON.stringify(v).length).toBeLessThan(250_000);
    expect(v.blocks.filter((b) => b.type === 'image')).toHaveLength(HEADLINE_KPIS.length);
  });

  it('names an empty state instead of showing nothing', () => {
    const all = texts(homeView(data({ missing: [], current: {}, before: {} })));
    expect(all).toContain('none past their cohort');
    expect(all).toContain('Your open swarms*: none');
    expect(all).toContain('no channel gets the daily metrics post yet');
    expect(all).toContain('not measured');
  });
});

describe('the subscription modal', () => {
  it('pre-fills the channel being changed, its time and zone, and keeps the channel in private_metadata', () => {
    const m = subscriptionModal({ channelId: 'C222', time: '08:30', timeZone: 'Europe/Lisbon' });
    expect(m.callback_id).toBe(HOME.subscriptionModal);
    expect(m.private_metadata).toBe('C222');
    const all = JSON.stringify(m.blocks);
    expect(all).toContain('"initial_conversation":"C222"');
    expect(all).toContain('"initial_time":"08:30"');
    expect(all).toContain('"initial_value":"Europe/Lisbon"');
    expect(subscriptionModal({ channelId: null, time: '09:00', timeZone: 'UTC' }).private_metadata).toBe('');
  });
});
