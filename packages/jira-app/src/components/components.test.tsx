import { describe, expect, it } from 'vitest';
import { SAMPLE_BUGS, SAMPLE_IMPACT, workerInvoke } from '../mocks.js';
import { sparkline } from '../view/page-view.js';
import { outlookOf } from '../view/panel-view.js';
import { BugsPage } from './bugs-page.js';
import { ImpactPanel } from './impact-panel.js';
import { type ForgeDoc, findAll, renderForgeDoc, textOf } from './render-forge-doc.js';

const IMPACT_PATH = '/forge/jira/impact/FCX-1';
const notLoading = (d: ForgeDoc) => findAll(d, 'Spinner').length === 0 && d.children.length > 0;

describe('the issue panel (UI Kit, rendered by @forge/react into the tree Jira receives)', () => {
  it("shows the issue's impact: figures, weekly chart, outlook and each case linked to its Zendesk ticket", async () => {
    const { invoke, calls } = workerInvoke({ [IMPACT_PATH]: { status: 200, body: SAMPLE_IMPACT } });
    const doc = await renderForgeDoc(<ImpactPanel issueKey="FCX-1" invoke={invoke} />).until(notLoading);
    expect(calls).toEqual([{ path: IMPACT_PATH, method: 'GET' }]);
    const text = textOf(doc);
    expect(text).toContain('5 support cases (2 open) from 2 customers');
    expect(text).toContain('150,000 ARR at risk');
    expect(text).toContain('About 6 more cases in the next 12 weeks if it stays unfixed.');
    const [chart] = findAll(doc, 'BarChart');
    expect(chart?.props).toMatchObject({ xAccessor: 'week', yAccessor: 'cases' });
    expect(((chart?.props.data ?? []) as { cases: number }[]).map((p) => p.cases)).toEqual([
      0, 0, 0, 0, 0, 1, 1, 2,
    ]);
    const links = findAll(doc, 'Link');
    expect(links.map((l) => l.props.href)).toEqual(
      ['7000', '7001', '7002', '7003', '7004'].map((id) => `https://forgeco.zendesk.com/agent/tickets/${id}`),
    );
    expect(links.every((l) => l.props.openNewTab === true)).toBe(true);
    expect(findAll(doc, 'Lozenge').map(textOf)).toEqual([
      'Unfixed',
      'open',
      'open',
      'solved',
      'solved',
      'solved',
    ]);
  });

  it('says how to link a case when none is linked (the worker’s 404 not_linked)', async () => {
    const message =
      'no support case is linked to FCX-1 yet: link one from the Zendesk ticket (Support Metrics sidebar, "Link a bug") or put FCX-1 in the ticket\'s Jira field';
    const { invoke } = workerInvoke({
      [IMPACT_PATH]: { status: 404, body: { error: 'not_linked', message } },
    });
    const doc = await renderForgeDoc(<ImpactPanel issueKey="FCX-1" invoke={invoke} />).until(notLoading);
    const [empty] = findAll(doc, 'EmptyState');
    expect(empty?.props.header).toBe('No support cases linked yet');
    expect(empty?.props.description).toMatch(
      /^No support case is linked to FCX-1 yet: link one from the Zendesk/,
    );
  });

  it.each([
    [401, 'invalid_token', 'this Jira site is not connected to a tenant', /not connected/, /jiraCloudId/],
    [503, 'not_configured', 'set FORGE_APP_ID to enable', /not set up/, /FORGE_APP_ID/],
    [500, 'internal', 'boom', /answered 500/, /Reload to try again/],
  ])('on %i shows an error that says whose move it is', async (status, error, message, title, action) => {
    const { invoke } = workerInvoke({ [IMPACT_PATH]: { status, body: { error, message } } });
    const doc = await renderForgeDoc(<ImpactPanel issueKey="FCX-1" invoke={invoke} />).until(notLoading);
    const [box] = findAll(doc, 'SectionMessage');
    expect(box?.props).toMatchObject({ appearance: 'error', title: expect.stringMatching(title) });
    expect(textOf(box as ForgeDoc)).toMatch(action);
  });

  it('shows that the worker cannot be reached (Forge Remote failing, or an answer that is not the contract)', async () => {
    for (const invoke of [
      workerInvoke({}).invoke,
      workerInvoke({ [IMPACT_PATH]: { status: 200, body: { issueKey: 'FCX-1' } } }).invoke,
    ]) {
      const doc = await renderForgeDoc(<ImpactPanel issueKey="FCX-1" invoke={invoke} />).until(notLoading);
      expect(findAll(doc, 'SectionMessage')[0]?.props.title).toBe('Could not reach Support Metrics');
      expect(textOf(doc)).toMatch(/remotes → baseUrl/);
    }
  });
});

describe('the ranked page', () => {
  const byRevenue = { ...SAMPLE_BUGS, sort: 'revenue' as const };
  const answers = () =>
    workerInvoke({
      '/forge/jira/bugs?sort=cases&limit=50': { status: 200, body: SAMPLE_BUGS },
      '/forge/jira/bugs?sort=revenue&limit=50': { status: 200, body: byRevenue },
    });

  it('shows the bugs in the order the worker ranked them, with cases, customers, revenue, trend and fix', async () => {
    const { invoke } = answers();
    const doc = await renderForgeDoc(<BugsPage invoke={invoke} />).until(notLoading);
    // DynamicTable's rows reach Jira as Row elements of Cells (rowKey, cellKey), as @forge/react converts them.
    const [table] = findAll(doc, 'DynamicTable');
    const rows = findAll(table as ForgeDoc, 'Row');
    expect(rows.map((r) => r.props.rowKey)).toEqual(['FCX-1', 'FCX-2']);
    const cell = (r: number, key: string) => {
      const c = findAll(rows[r] as ForgeDoc, 'Cell').find((k) => k.props.cellKey === key);
      return c ? textOf(c) : undefined;
    };
    expect([cell(0, 'cases'), cell(0, 'open'), cell(0, 'customers'), cell(0, 'revenue')]).toEqual([
      '5',
      '2',
      '2',
      '150,000',
    ]);
    expect(findAll(rows[0] as ForgeDoc, 'Link')[0]?.props.href).toBe('/browse/FCX-1');
    expect(cell(1, 'fix')).toBe('28 prevented');
    expect(cell(0, 'trend')).toBe('0.5/wk ▁▁▁▁▁▅▅█');
  });

  it('re-ranks through the worker when another sort is chosen (never sorts on its own)', async () => {
    const { invoke, calls } = answers();
    const view = renderForgeDoc(<BugsPage invoke={invoke} />);
    await view.until(notLoading);
    const live = view.live() as ForgeDoc;
    const revenue = findAll(live, 'Button').find((b) => textOf(b) === 'Revenue at risk');
    if (!revenue) throw new Error('no Revenue at risk button');
    (revenue.props.onClick as () => void)();
    await view.until((d) =>
      findAll(d, 'Button').some((b) => textOf(b) === 'Revenue at risk' && b.props.isSelected),
    );
    // The reconciler commits the new sort first; the effect that asks the worker runs just after.
    await view.until(() => calls.length === 2);
    expect(calls.map((c) => c.path)).toEqual([
      '/forge/jira/bugs?sort=cases&limit=50',
      '/forge/jira/bugs?sort=revenue&limit=50',
    ]);
  });

  it('says how bugs get here when none has a linked case', async () => {
    const { invoke } = workerInvoke({
      '/forge/jira/bugs?sort=cases&limit=50': { status: 200, body: { ...SAMPLE_BUGS, total: 0, bugs: [] } },
    });
    const doc = await renderForgeDoc(<BugsPage invoke={invoke} />).until(notLoading);
    expect(findAll(doc, 'EmptyState')[0]?.props.description).toMatch(/Link a Zendesk ticket to a Jira issue/);
  });
});

describe('view logic', () => {
  it('tells forecast against actual once a fix is measured', () => {
    expect(
      outlookOf(
        {
          status: 'measured',
          releasedAt: '2026-09-01T00:00:00Z',
          forecast: 30,
          actual: 2,
          prevented: 28,
          deflection: 0.93,
        },
        { preventable: null },
      ),
    ).toEqual({
      appearance: 'success',
      label: 'Fix shipped',
      text: 'Since 2026-09-01: 2 cases against 30 forecast, 28 prevented (93% deflection).',
    });
  });

  it('draws a sparkline relative to the busiest week', () => {
    expect(sparkline([0, 4, 8])).toBe('▁▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
});
