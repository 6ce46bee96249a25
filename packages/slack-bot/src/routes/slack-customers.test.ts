import { env } from 'cloudflare:workers';
import { CaseSchema, CustomerSchema, MATURITY_STATEMENTS } from '@support-metrics/core';
import { CustomerStore } from '@support-metrics/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../blocks/mrkdwn.js';
import { seedTenant, slackHarness } from '../test-support/wiring.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const h = slackHarness([{ id: 'W111', email: 'lead@acme.test', name: 'Lead', tz: 'Europe/Berlin' }]);
h.clock.now = NOW;

type Answer = {
  text: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[];
};
const textOf = (a: Answer) =>
  a.blocks.map((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)].join('\n')).join('\n');

async function ask(text: string): Promise<Answer> {
  h.clock.now += 1_000;
  const res = await h.command(text);
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

beforeAll(async () => {
  const store = await seedTenant('demo', 'demo-token', { customerMapping: { outageTags: ['outage'] } });
  await new CustomerStore(env.DB).upsertCustomers(
    'demo',
    [
      CustomerSchema.parse({
        id: 'o1',
        name: 'Steady <b>Corp</b>',
        tags: ['onboarded', 'adoption_milestone', 'success_milestone', 'renewal_committed'],
        fields: { annual_recurring_revenue: 90_000, previous_annual_recurring_revenue: 80_000 },
        createdAt: iso(NOW - 500 * DAY),
      }),
      CustomerSchema.parse({
        id: 'o2',
        name: 'Wobbly & Sons',
        fields: { annual_recurring_revenue: 10_000, previous_annual_recurring_revenue: 30_000 },
        createdAt: iso(NOW - 300 * DAY),
      }),
    ],
    iso(NOW),
  );
  for (let i = 0; i < 8; i++)
    await store.saveCase(
      'demo',
      CaseSchema.parse({
        id: `c${i}`,
        tenantId: 'demo',
        subject: 'help',
        description: 'it does not work',
        createdAt: iso(NOW - (3 + i * 12) * DAY),
        status: 'solved',
        solvedAt: iso(NOW - (2 + i * 12) * DAY),
        reopens: i % 2,
        satisfaction: i % 2 ? 'bad' : 'good',
        organization: { id: i < 4 ? 'o2' : 'o1' },
      }),
      { source: 'test', at: iso(NOW) },
    );
});

describe('/support-metrics health, outcomes, forecast', () => {
  it('health lists the at-risk customer with its reasons, escaped, within Slack limits', async () => {
    const a = await ask('health');
    const text = textOf(a);
    expect(text).toContain('Wobbly &amp; Sons');
    expect(text).toMatch(
      /:warning: \*Wobbly &amp; Sons\* — health \d+\/100 · ARR 10,000\n• adoption milestones not reached/,
    );
    expect(text).toContain("of customers at risk* (1 of 2 scored; the study's bar: ≤ 10%)");
    expect(text).not.toContain('<b>');
    expect(blockProblems(a.blocks as never)).toEqual([]);
  });

  it('a success metric asked by name answers with the health view', async () => {
    expect(textOf(await ask('retention'))).toContain('Retention');
  });

  it('outcomes shows the NextGen metrics and says what is not measured', async () => {
    const text = textOf(await ask('outcomes'));
    expect(text).toContain('Support reach');
    expect(text).toMatch(/Answers delivered\*\nnot measured — .*Help Center/);
    expect(text).toContain('hourlyCost');
  });

  it('forecast shows the month, its parts and forecast vs actual', async () => {
    const a = await ask('forecast');
    expect(a.blocks[0]?.text?.text).toBe('Support demand forecast 2026-11');
    expect(textOf(a)).toContain('Forecast vs actual');
    expect(blockProblems(a.blocks as never)).toEqual([]);
  });

  it('refuses extra words with the usage', async () => {
    expect(textOf(await ask('health now'))).toContain('health takes nothing after it');
  });
});

describe('/support-metrics maturity', () => {
  const submit = (metadata: string, values: Record<string, unknown>) =>
    h.submitView({ callback_id: 'maturity_step', private_metadata: metadata, values });
  const rate = (stage: number, r: number) =>
    Object.fromEntries(
      MATURITY_STATEMENTS.filter((s) => s.stage === stage).map((s) => [
        s.id,
        { rating: { type: 'static_select', selected_option: { value: String(r) } } },
      ]),
    );

  it('walks a lead through six steps, pre-filled from the store, and stores the stage per tenant', async () => {
    h.clock.now += 1_000;
    await h.command('maturity');
    const first = h.slack.state.views.at(-1)?.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: {
        block_id?: string;
        hint?: { text: string };
        element?: { initial_option?: { value: string } };
      }[];
    };
    expect(first).toMatchObject({ callback_id: 'maturity_step', title: { text: 'Maturity 1/6' } });
    const crm = first.blocks.find((b) => b.block_id === 's1_crm_dedicated');
    expect(crm?.element?.initial_option?.value).toBe('3');
    expect(crm?.hint?.text).toContain('8 cases');

    let metadata = first.private_metadata;
    for (let stage = 1; stage <= 6; stage++) {
      const res = await submit(metadata, rate(stage, stage <= 3 ? 3 : 1));
      const body = (await res.json()) as {
        response_action: string;
        view: { title: { text: string }; private_metadata?: string; blocks: { text?: { text: string } }[] };
      };
      expect(body.response_action).toBe('update');
      if (stage < 6) {
        expect(body.view.title.text).toBe(`Maturity ${stage + 1}/6`);
        metadata = body.view.private_metadata ?? '';
      } else {
        expect(body.view.title.text).toBe('Support maturity');
        expect(body.view.blocks[0]?.text?.text).toContain('You are at stage 3: Managed');
      }
    }
    const row = await env.DB.prepare(
      'SELECT stage, submitted_by, answers FROM maturity_assessments WHERE tenant_id = ?',
    )
      .bind('demo')
      .first<{ stage: number; submitted_by: string; answers: string }>();
    expect(row).toMatchObject({ stage: 3, submitted_by: expect.stringMatching(/^slack:/) });
    expect(Object.keys(JSON.parse(row?.answers ?? '{}'))).toHaveLength(MATURITY_STATEMENTS.length);
  });

  it('measures the evidence once, when the modal opens, and carries it through the steps', async () => {
    h.clock.now += 1_000;
    await h.command('maturity');
    const opened = JSON.parse(String(h.slack.state.views.at(-1)?.view?.private_metadata));
    expect(opened.evidence).toMatchObject({ casesLast90Days: 8, slackConnected: true });
    // No answers carried (the last assessment would pre-set the ratings instead of the evidence).
    const hintOfStep2 = async (metadata: Record<string, unknown>) => {
      const body = (await (
        await submit(JSON.stringify({ ...metadata, answers: {} }), rate(1, 2))
      ).json()) as {
        view: { blocks: { block_id?: string; hint?: { text: string } }[] };
      };
      return body.view.blocks.find((b) => b.block_id === 's2_crm_integrated')?.hint?.text;
    };
    // Step 2's pre-fill comes from what was carried, not from a new look at the store...
    const carried = {
      ...opened,
      evidence: { ...opened.evidence, slackConnected: false, jiraConnected: false },
    };
    expect(await hintOfStep2(carried)).toContain('Neither Slack nor Jira');
    // ...unless it did not come back intact: then the store is asked again.
    const remeasured = await hintOfStep2({ ...opened, evidence: { casesLast90Days: -1 } });
    expect(remeasured).toContain('Slack is connected to your helpdesk');
  });

  it('tampered metadata starts over at step 1 instead of failing', async () => {
    const res = await submit('{"step":"x","answers":{"s1_dedicated_team":9}}', rate(1, 2));
    const body = (await res.json()) as {
      response_action: string;
      view: { title: { text: string }; private_metadata: string };
    };
    expect(body).toMatchObject({ response_action: 'update', view: { title: { text: 'Maturity 2/6' } } });
    expect(JSON.parse(body.view.private_metadata).answers.s1_dedicated_team).toBe(2);
    expect((await submit('not json', {})).status).toBe(200);
  });
});
