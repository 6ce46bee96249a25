// @vitest-environment happy-dom
import { jwtVerify } from 'jose';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStandInClient, type HarnessState } from '../preview/stand-in-client.js';
import { mountSidebar } from './sidebar.js';

const INCOMPLETE = 'The export crashes. Please help.';
const COMPLETE =
  'Since upgrading to 4.2.1 on Windows 11, when I click Export the app crashes with error E4021. It should download a CSV but instead nothing happens.';

function setup(over: Partial<HarnessState> = {}, fetchImpl?: typeof fetch) {
  const state: HarnessState = {
    location: 'ticket_sidebar',
    ticket: {
      id: '1001',
      subject: 'Export crash',
      description: INCOMPLETE,
      status: 'open',
      type: '',
      requesterName: 'Anna Smith',
      tags: [],
      customFields: { 'Contact reason': null, Resolution: null },
    },
    secure: { worker_url: 'https://sm.test', signing_key: 'install-signing-key' },
    subdomain: 'acme',
    settings: { closure_blocks_save: false },
    richText: false,
    locale: 'en',
    ...over,
  };
  const editor: { text: string; html: boolean }[] = [];
  const notices: string[] = [];
  const client = createStandInClient(state, {
    onEditor: (text, html) => editor.push({ text, html }),
    onNotify: (m) => notices.push(m),
  });
  globalThis.fetch = (fetchImpl ??
    (async () => new Response(JSON.stringify({ jiraLinks: [] }), { status: 200 }))) as typeof fetch;
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  return { state, client, root, editor, notices };
}
const text = (root: HTMLElement, sel: string) => root.querySelector(sel)?.textContent ?? '';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** The Start swarm button once the sidebar has rendered it (it waits for the worker's first answers). */
const swarmButton = (root: ParentNode) =>
  vi.waitFor(() => {
    const button = root.querySelector<HTMLButtonElement>('[data-testid=swarm]');
    if (!button) throw new Error('no Start swarm button yet');
    return button;
  });

describe('the sidebar', () => {
  it('shows the score, the verdict, the issue type and each required item with ✓ or ✗', async () => {
    const { client, root } = setup();
    await mountSidebar(root, client);
    expect(text(root, '[data-testid=verdict]')).toBe('Missing information');
    expect(text(root, '[data-testid=issue-type]')).toBe('Bug');
    expect(Number(text(root, '[data-testid=score]'))).toBeLessThan(50);
    expect(root.querySelector('[data-item=version]')?.className).toBe('absent');
    expect(text(root, '[data-item=error] .evidence')).toContain('crash');
  });

  it('scores a bug report filed as a Question by its text, says so in one line, and shows what it holds', async () => {
    const { client, root, state } = setup();
    state.ticket.type = 'question';
    state.ticket.description =
      'Since the update to 4.2.1 the desktop app on Windows 11 crashes when I click Export > CSV. Error: "Unhandled exception 0xC0000005"';
    await mountSidebar(root, client);
    expect(text(root, '[data-testid=issue-type]')).toBe('Bug');
    expect(text(root, '[data-testid=issue-type-note]')).toBe(
      'Ticket type says Question; the message reads like a bug report.',
    );
    for (const id of ['version', 'environment', 'error', 'steps'])
      expect(root.querySelector(`[data-item=${id}]`)?.className, id).toBe('present');
    expect(text(root, '[data-item=error] .evidence')).toMatch(/crashes|0xC0000005/);
  });

  it('takes the issue type the agent recorded in its field over the ticket type and the text', async () => {
    const { client, root, state } = setup();
    state.ticket.type = 'problem';
    state.ticket.customFields = { ...state.ticket.customFields, 'Issue type': 'Install/Config' };
    await mountSidebar(root, client);
    // The install/config rubric (no expected vs actual behaviour, as a bug report has), as the worker scores it.
    expect(text(root, '[data-testid=issue-type]')).toBe('Install / config');
    expect(root.querySelector('[data-item=expected_actual]')).toBeNull();
  });

  it('re-scores when the ticket changes', async () => {
    const { client, root, state } = setup();
    await mountSidebar(root, client);
    state.ticket.description = COMPLETE;
    client.emit('ticket.description.changed');
    await vi.waitFor(() => expect(text(root, '[data-testid=verdict]')).toBe('Ready to work'));
    expect(root.querySelector('[data-testid=ask]')).toBeNull();
  });

  it('puts the drafted request into the reply editor, as text or as escaped HTML, and never sends it', async () => {
    const plain = setup();
    await mountSidebar(plain.root, plain.client);
    (plain.root.querySelector('[data-testid=ask]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(plain.editor[0]?.html).toBe(false));
    expect(plain.state.commentType).toBe('publicReply');
    expect(plain.editor[0]?.text).toMatch(/^Hi Anna,/);
    expect(plain.editor[0]?.text).toContain('Which version are you running');
    const rich = setup({
      richText: true,
      ticket: {
        id: '1',
        subject: 'a <b>',
        description: INCOMPLETE,
        status: 'open',
        type: '',
        requesterName: 'Anna',
        tags: [],
        customFields: {},
      },
    });
    await mountSidebar(rich.root, rich.client);
    (rich.root.querySelector('[data-testid=ask]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(rich.editor[0]?.html).toBe(true));
    expect(rich.editor[0]?.text).toContain('&quot;a &lt;b&gt;&quot;');
  });

  it('renders ticket text as text, never as HTML', async () => {
    const { client, root } = setup({
      ticket: {
        id: '1',
        subject: 'x',
        description: 'Error <img src=x onerror="window.__xss=1"> when I click save',
        status: 'open',
        type: '',
        requesterName: 'A',
        tags: [],
        customFields: {},
      },
    });
    await mountSidebar(root, client);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.__xss=1">');
  });

  it('checks the closed record on solve: warns, or blocks the save with a clear message when set to', async () => {
    const warn = setup();
    await mountSidebar(warn.root, warn.client);
    warn.state.ticket.status = 'solved';
    expect(await warn.client.save()).toEqual({ ok: true });
    expect(warn.notices[0]).toMatch(/Still missing before solving: Reason for contact, Issue type, Solution/);
    const block = setup({ settings: { closure_blocks_save: true } });
    await mountSidebar(block.root, block.client);
    block.state.ticket.status = 'solved';
    const saved = await block.client.save();
    expect(saved.ok).toBe(false);
    expect(saved.message).toMatch(/fill in the closed record before solving/);
    block.state.ticket.status = 'pending';
    expect(await block.client.save()).toEqual({ ok: true });
  });

  it('says it cannot reach Support Metrics and keeps scoring, without throwing', async () => {
    const { client, root } = setup({}, (async () => {
      throw new TypeError('network');
    }) as typeof fetch);
    await mountSidebar(root, client);
    await vi.waitFor(() =>
      expect(text(root, '[data-testid=remote-state]')).toBe("Can't reach Support Metrics — retrying…"),
    );
    expect(text(root, '[data-testid=verdict]')).toBe('Missing information');
  });

  it('says the token was refused (401) instead of retrying forever', async () => {
    const { client, root } = setup(
      {},
      (async () => new Response('{"error":"unauthorized"}', { status: 401 })) as unknown as typeof fetch,
    );
    await mountSidebar(root, client);
    await vi.waitFor(() =>
      expect(text(root, '[data-testid=remote-state]')).toContain("refused the app's credentials"),
    );
  });

  it('signs each request through the proxy’s jwt option: HS256 with the install’s key, the agent’s claims', async () => {
    const seen: Request[] = [];
    const { client, root } = setup({}, (async (url: string, init: RequestInit) => {
      seen.push(new Request(url, init));
      return new Response(
        JSON.stringify({
          jiraLinks: [
            {
              id: 1,
              issueKey: 'PROJ-7',
              status: null,
              fixVersions: [],
              impact: { cases: 3, openCases: 2, customers: 2, revenue: null },
            },
          ],
        }),
      );
    }) as typeof fetch);
    await mountSidebar(root, client);
    // The sidebar asks for the case and the policies at once: find the case's request, whichever came first.
    const caseRequest = await vi.waitFor(() => {
      const r = seen.find((x) => x.url === 'https://sm.test/api/cases/1001');
      if (!r) throw new Error('no request for the case yet');
      return r;
    });
    const bearer = /^Bearer (.+)$/.exec(caseRequest.headers.get('authorization') ?? '')?.[1] ?? '';
    const { payload } = await jwtVerify(bearer, new TextEncoder().encode('install-signing-key'), {
      algorithms: ['HS256'],
      issuer: 'acme',
    });
    expect(payload).toMatchObject({
      sub: '9001',
      email: 'alex@example.com',
      name: 'Alex Agent',
      role: 'agent',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
    expect(text(root, '[data-issue=PROJ-7]')).toContain(
      '3 cases · 2 open · 2 customers · revenue not measured',
    );
    expect(root.innerHTML).not.toContain('install-signing-key');
  });

  it("shows the requester organisation's health and what pulls it down", async () => {
    const seen: string[] = [];
    const { client, root } = setup({}, (async (url: string) => {
      seen.push(url);
      if (url.endsWith('/api/cases/1001'))
        return new Response(JSON.stringify({ jiraLinks: [], case: { organization: { id: '700 1' } } }));
      return new Response(
        JSON.stringify({
          customer: { name: 'Acme <b>GmbH</b>' },
          health: {
            score: 31,
            band: 'at_risk',
            reasons: ['adoption milestones not reached', 'CSAT 20% (5 ratings)'],
          },
        }),
      );
    }) as typeof fetch);
    await mountSidebar(root, client);
    await vi.waitFor(() =>
      expect(text(root, '[data-testid=health-band]')).toBe('At risk · Acme <b>GmbH</b>: 31/100'),
    );
    expect(seen).toContain('https://sm.test/api/customers/700%201');
    expect(root.querySelector('[data-testid=health] b')).toBeNull();
    expect([...root.querySelectorAll('[data-testid=health-reasons] li')].map((li) => li.textContent)).toEqual(
      ['adoption milestones not reached', 'CSAT 20% (5 ratings)'],
    );
  });

  it('says when the organisation is unknown, or the requester has none', async () => {
    const orgless = setup(
      {},
      (async () => new Response(JSON.stringify({ jiraLinks: [], case: {} }))) as typeof fetch,
    );
    await mountSidebar(orgless.root, orgless.client);
    await vi.waitFor(() =>
      expect(text(orgless.root, '[data-testid=health]')).toContain('The requester has no organisation.'),
    );
    const unknown = setup({}, (async (url: string) =>
      url.includes('/api/customers/')
        ? new Response('{"error":"not_found"}', { status: 404 })
        : new Response(
            JSON.stringify({ jiraLinks: [], case: { organization: { id: '9' } } }),
          )) as typeof fetch);
    await mountSidebar(unknown.root, unknown.client);
    await vi.waitFor(() =>
      expect(text(unknown.root, '[data-testid=health]')).toContain('not in Support Metrics yet'),
    );
  });

  it('speaks German to a German agent, and hides linked bugs on a new ticket', async () => {
    const { client, root } = setup({
      locale: 'de',
      location: 'new_ticket_sidebar',
      ticket: {
        id: null,
        subject: 'Absturz',
        description: INCOMPLETE,
        status: 'new',
        type: '',
        requesterName: 'A',
        tags: [],
        customFields: {},
      },
    });
    await mountSidebar(root, client);
    expect(text(root, 'h2')).toBe('Vollständigkeit');
    expect(root.textContent).toContain('Speichern Sie das Ticket, um Bugs zu verknüpfen.');
  });

  it('starts a swarm in Slack for the stored ticket and shows the channel and the experts', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const { client, root } = setup({}, (async (url: string, init?: RequestInit) => {
      if (String(url).endsWith('/api/swarms')) {
        calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
        return new Response(
          JSON.stringify({
            kind: 'started',
            channel: { id: 'C1', name: 'swarm-1001-export-crash' },
            url: 'https://slack.com/app_redirect?channel=C1',
            experts: [{ name: 'Ana Alves', reason: 'solved 6 similar cases in 90 days', inSlack: true }],
          }),
          { status: 201 },
        );
      }
      return new Response(JSON.stringify({ jiraLinks: [] }), { status: 200 });
    }) as typeof fetch);
    await mountSidebar(root, client);
    (await swarmButton(root)).click();
    await vi.waitFor(() => expect(text(root, '[data-testid=swarm-result]')).toContain('Swarm started'));
    expect(calls[0]?.body).toEqual({
      caseId: '1001',
      startedBy: { name: 'Alex Agent', email: 'alex@example.com' },
    });
    expect(text(root, '[data-testid=swarm-result]')).toContain('Swarm started: #swarm-1001-export-crash');
    expect(text(root, '[data-testid=swarm-result]')).toContain('Ana Alves solved 6 similar cases in 90 days');
    expect(root.querySelector('[data-testid=swarm-result] a')?.getAttribute('href')).toBe(
      'https://slack.com/app_redirect?channel=C1',
    );
  });

  it('says when Slack is not connected instead of failing', async () => {
    const { client, root } = setup({}, (async (url: string) =>
      String(url).endsWith('/api/swarms')
        ? new Response(JSON.stringify({ error: 'not_configured' }), { status: 503 })
        : new Response(JSON.stringify({ jiraLinks: [] }), { status: 200 })) as typeof fetch);
    await mountSidebar(root, client);
    (await swarmButton(root)).click();
    await vi.waitFor(() =>
      expect(text(root, '[data-testid=swarm-result]')).toBe('Slack is not connected to Support Metrics yet.'),
    );
  });

  it("scores with the tenant's own rubric once the worker gives it (GET /api/policies)", async () => {
    const { DEFAULT_RUBRIC, DEFAULT_CLOSURE_POLICY } = await import('@support-metrics/core');
    const rubric = structuredClone(DEFAULT_RUBRIC);
    rubric.issueTypes.bug = { ...rubric.issueTypes.bug, attachment: { required: true, weight: 2 } };
    const { client, root } = setup({}, (async (url: string) =>
      String(url).endsWith('/api/policies')
        ? new Response(JSON.stringify({ rubric, closurePolicy: DEFAULT_CLOSURE_POLICY }), { status: 200 })
        : new Response(JSON.stringify({ jiraLinks: [] }), { status: 200 })) as typeof fetch);
    await mountSidebar(root, client);
    await vi.waitFor(() => expect(root.querySelector('[data-item=attachment]')?.className).toBe('absent'));
    expect(text(root, '[data-item=attachment] .req')).toBe('required');
  });
});
