import { getResponse, HttpResponse, http } from 'msw';

/**
 * msw stand-ins for the Slack Web API and response URLs, answering like Slack: HTTP 200 with `{ ok: false, error }`
 * for method errors (`name_taken`, `users_not_found`, `already_in_channel`), HTTP 429 `ratelimited` with Retry-After
 * when a method is set to be rate limited, cursor pagination for conversations.list. State is kept per mock so that
 * tests can compare what Slack received with what they expect.
 */
export interface SlackMockState {
  /** Web API calls in order: method and its arguments (form or JSON). */
  calls: { method: string; args: Record<string, unknown>; token: string | null }[];
  /** Channels by id: created, found, archived. */
  channels: Map<string, { id: string; name: string; archived: boolean; members: Set<string> }>;
  /** The workspace's users by email (users.lookupByEmail) and id (users.info). */
  users: { id: string; email: string; name: string; tz?: string }[];
  /** Messages posted with chat.postMessage. */
  messages: { channel: string; text: string; blocks: unknown[]; ts: string }[];
  /** What was sent to response URLs. */
  responses: { url: string; body: Record<string, unknown> }[];
  /** Modals opened. */
  views: { trigger_id: string; view: Record<string, unknown> }[];
  /** The Home tab Slack holds for each user (the last views.publish), and every publish in order. */
  homes: Map<string, { id: string; hash: string; view: Record<string, unknown> }>;
  published: { user_id: string; view: Record<string, unknown> }[];
  /** False for an app whose manifest has no Home tab: views.publish answers `not_enabled`. */
  homeTabEnabled: boolean;
  /** Methods answering 429 `ratelimited` (Retry-After: 1) for their next N calls. */
  rateLimited: Map<string, number>;
  /** Methods failing with HTTP 500 for their next N calls. */
  failing: Map<string, number>;
  /** Methods answering 200 with a body that is not JSON for their next N calls. */
  malformed: Map<string, number>;
  /** What oauth.v2.access answers for a code. */
  oauth: Map<string, Record<string, unknown>>;
}

export function createSlackMock(init: Partial<Pick<SlackMockState, 'users'>> = {}) {
  const state: SlackMockState = {
    calls: [],
    channels: new Map(),
    users: init.users ?? [],
    messages: [],
    responses: [],
    views: [],
    homes: new Map(),
    published: [],
    homeTabEnabled: true,
    rateLimited: new Map(),
    failing: new Map(),
    malformed: new Map(),
    oauth: new Map(),
  };
  let seq = 0;
  // While held, Web API calls wait here before they are recorded and answered (see hold()).
  let gate: Promise<void> | null = null;
  const ok = (body: Record<string, unknown> = {}) => HttpResponse.json({ ok: true, ...body });
  const fail = (error: string) => HttpResponse.json({ ok: false, error });

  async function argsOf(request: {
    headers: Headers;
    text(): Promise<string>;
  }): Promise<Record<string, unknown>> {
    const type = request.headers.get('content-type') ?? '';
    const text = await request.text();
    if (type.includes('application/json')) return JSON.parse(text || '{}');
    const form = Object.fromEntries(new URLSearchParams(text)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(form))
      if (typeof v === 'string' && /^[[{]/.test(v))
        try {
          form[k] = JSON.parse(v);
        } catch {}
    return form;
  }

  const methods: Record<string, (args: Record<string, unknown>) => Response> = {
    'auth.test': () => ok({ team_id: 'T111', user_id: 'UBOT', bot_id: 'B111' }),
    'conversations.create': (a) => {
      const name = String(a.name);
      if (!/^[a-z0-9_-]{1,80}$/.test(name)) return fail('invalid_name_specials');
      if ([...state.channels.values()].some((c) => c.name === name)) return fail('name_taken');
      const id = `C${String(++seq).padStart(8, '0')}`;
      state.channels.set(id, { id, name, archived: false, members: new Set(['UBOT']) });
      return ok({ channel: { id, name, is_channel: true, is_archived: false } });
    },
    'conversations.list': (a) => {
      const all = [...state.channels.values()].filter((c) =>
        a.exclude_archived !== true && a.exclude_archived !== 'true' ? true : !c.archived,
      );
      const start = Number(a.cursor ?? 0);
      const limit = Number(a.limit ?? 100);
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : '';
      return ok({
        channels: page.map((c) => ({ id: c.id, name: c.name, is_archived: c.archived })),
        response_metadata: { next_cursor: next },
      });
    },
    'conversations.unarchive': (a) => {
      const ch = state.channels.get(String(a.channel));
      if (!ch) return fail('channel_not_found');
      if (!ch.archived) return fail('not_archived');
      ch.archived = false;
      return ok();
    },
    'conversations.join': (a) => {
      const ch = state.channels.get(String(a.channel));
      if (!ch) return fail('channel_not_found');
      if (ch.archived) return fail('is_archived');
      ch.members.add('UBOT');
      return ok({ channel: { id: ch.id } });
    },
    'conversations.invite': (a) => {
      const ch = state.channels.get(String(a.channel));
      if (!ch) return fail('channel_not_found');
      const users = String(a.users).split(',');
      if (users.every((u) => ch.members.has(u))) return fail('already_in_channel');
      for (const u of users) ch.members.add(u);
      return ok({ channel: { id: ch.id } });
    },
    'chat.postMessage': (a) => {
      const channel = String(a.channel);
      // A user id posts to the app's Messages tab with that user (Slack opens the DM).
      if (!state.channels.has(channel) && !/^[CGUWD]/.test(channel)) return fail('channel_not_found');
      const ts = `${1_700_000_000 + ++seq}.000100`;
      state.messages.push({ channel, text: String(a.text ?? ''), blocks: (a.blocks as unknown[]) ?? [], ts });
      return ok({ channel, ts });
    },
    'users.lookupByEmail': (a) => {
      const u = state.users.find((x) => x.email.toLowerCase() === String(a.email).toLowerCase());
      return u
        ? ok({ user: { id: u.id, name: u.name, real_name: u.name, tz: u.tz } })
        : fail('users_not_found');
    },
    'users.info': (a) => {
      const u = state.users.find((x) => x.id === String(a.user));
      return u
        ? ok({ user: { id: u.id, name: u.name, real_name: u.name, tz: u.tz ?? 'UTC' } })
        : fail('user_not_found');
    },
    'views.open': (a) => {
      state.views.push({ trigger_id: String(a.trigger_id), view: a.view as Record<string, unknown> });
      return ok({ view: { id: `V${++seq}` } });
    },
    // As Slack documents views.publish: a `home` view of at most 100 blocks and 250 kB, for a known user;
    // `not_enabled` without the Home tab; `hash_conflict` when the hash given is not the view's current one.
    'views.publish': (a) => {
      const user = String(a.user_id ?? '');
      const view = a.view as Record<string, unknown> | undefined;
      if (!user || typeof view !== 'object' || view === null) return fail('invalid_arguments');
      if (!state.users.some((u) => u.id === user) && !/^[UW]/.test(user)) return fail('user_not_found');
      if (!state.homeTabEnabled) return fail('not_enabled');
      if (JSON.stringify(view).length > 250_000) return fail('view_too_large');
      const blocks = view.blocks;
      if (view.type !== 'home' || !Array.isArray(blocks) || blocks.length > 100)
        return fail('invalid_arguments');
      const current = state.homes.get(user);
      if (typeof a.hash === 'string' && current && a.hash !== current.hash) return fail('hash_conflict');
      const id = current?.id ?? `V${String(++seq).padStart(8, '0')}`;
      const hash = `${Math.floor(Date.now() / 1000)}.${++seq}`;
      state.homes.set(user, { id, hash, view });
      state.published.push({ user_id: user, view });
      return ok({
        view: { id, type: 'home', blocks, hash, callback_id: view.callback_id ?? '', private_metadata: '' },
      });
    },
    'oauth.v2.access': (a) => {
      const answer = state.oauth.get(String(a.code));
      return answer ? ok(answer) : fail('invalid_code');
    },
  };

  const handlers = [
    http.post('https://slack.com/api/:method', async ({ params, request }) => {
      const method = String(params.method);
      const args = await argsOf(request);
      while (gate) await gate;
      const token =
        request.headers.get('authorization')?.replace(/^Bearer /, '') ?? (args.token as string) ?? null;
      state.calls.push({ method, args, token });
      const limited = state.rateLimited.get(method) ?? 0;
      if (limited > 0) {
        state.rateLimited.set(method, limited - 1);
        return HttpResponse.json(
          { ok: false, error: 'ratelimited' },
          { status: 429, headers: { 'retry-after': '1' } },
        );
      }
      const failing = state.failing.get(method) ?? 0;
      if (failing > 0) {
        state.failing.set(method, failing - 1);
        return new HttpResponse('upstream error', { status: 500 });
      }
      const malformed = state.malformed.get(method) ?? 0;
      if (malformed > 0) {
        state.malformed.set(method, malformed - 1);
        return new HttpResponse('{"ok":tru', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }
      const handler = methods[method];
      return handler ? handler(args) : fail('unknown_method');
    }),
    http.post('https://hooks.slack.com/*', async ({ request }) => {
      state.responses.push({ url: request.url, body: (await request.json()) as Record<string, unknown> });
      return new HttpResponse('ok', { status: 200 });
    }),
  ];

  /** A fetch that msw answers (no network): give it to slackRoutes({ fetch }) or webClient(). */
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    return (await getResponse(handlers, request)) ?? new Response('no mock for this URL', { status: 599 });
  }) as typeof globalThis.fetch;

  /**
   * Holds every Web API call (unrecorded, unanswered) until the returned release is called: a test can look at
   * what a listener answered before Slack has answered any of its calls.
   */
  function hold(): () => void {
    let release = () => {};
    gate = new Promise<void>((resolve) => {
      release = () => {
        gate = null;
        resolve();
      };
    });
    return release;
  }

  return { state, handlers, fetch, hold };
}
