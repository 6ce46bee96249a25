import { getResponse, HttpResponse, http } from 'msw';

/**
 * msw stand-ins for Jira Cloud's REST API v3 — the calls the bridge makes — answering like Jira: 201 with the comment,
 * 404 `{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}` for an unknown
 * issue or comment, 401 without basic auth, and on demand 429 with Retry-After or 500. State is kept so that tests
 * compare what Jira holds with what they expect.
 */
export interface JiraMockState {
  /** Issues Jira has (others answer 404). */
  issues: Set<string>;
  /** Entity properties by issue key. */
  properties: Map<string, Record<string, unknown>>;
  /** Comments by issue key: id → body (ADF). */
  comments: Map<string, Map<string, unknown>>;
  /** Every request: method and path. */
  requests: string[];
  /** The next N requests answer 429 (Retry-After: 30) / 500. */
  rateLimited: number;
  failing: number;
  /** The next N comment requests (those answered with a body) get 200 with a body that is not JSON (a proxy's page). */
  malformed: number;
  /** The next N requests never get an answer (a hung connection): the caller's timeout must end them. */
  hanging: number;
}

const notFound = () =>
  HttpResponse.json(
    { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    { status: 404 },
  );

export function createJiraMock(base = 'https://acme.atlassian.net', issues: string[] = []) {
  const state: JiraMockState = {
    issues: new Set(issues),
    properties: new Map(),
    comments: new Map(),
    requests: [],
    rateLimited: 0,
    failing: 0,
    malformed: 0,
    hanging: 0,
  };
  let seq = 10_000;
  const gate = (request: Request) => {
    state.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    if (!/^Basic /.test(request.headers.get('authorization') ?? ''))
      return HttpResponse.json(
        { errorMessages: ['You are not authenticated.'], errors: {} },
        { status: 401 },
      );
    if (state.hanging > 0) {
      state.hanging--;
      return new Promise<never>(() => {});
    }
    if (state.rateLimited > 0) {
      state.rateLimited--;
      return new HttpResponse('Rate limit exceeded.', { status: 429, headers: { 'retry-after': '30' } });
    }
    if (state.malformed > 0 && /\/comment/.test(new URL(request.url).pathname)) {
      state.malformed--;
      return new HttpResponse('<html>gateway</html>', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (state.failing > 0) {
      state.failing--;
      return HttpResponse.json({ errorMessages: ['Internal server error'], errors: {} }, { status: 500 });
    }
    return null;
  };
  const handlers = [
    http.put(`${base}/rest/api/3/issue/:key/properties/:property`, async ({ params, request }) => {
      const early = gate(request as unknown as Request);
      if (early) return early;
      const key = String(params.key);
      if (!state.issues.has(key)) return notFound();
      const existed = state.properties.has(key);
      state.properties.set(key, (await request.json()) as Record<string, unknown>);
      return new HttpResponse(null, { status: existed ? 200 : 201 });
    }),
    http.post(`${base}/rest/api/3/issue/:key/comment`, async ({ params, request }) => {
      const early = gate(request as unknown as Request);
      if (early) return early;
      const key = String(params.key);
      if (!state.issues.has(key)) return notFound();
      const { body } = (await request.json()) as { body: unknown };
      const id = String(++seq);
      const list = state.comments.get(key) ?? new Map();
      list.set(id, body);
      state.comments.set(key, list);
      return HttpResponse.json({ id, body, created: new Date().toISOString() }, { status: 201 });
    }),
    http.put(`${base}/rest/api/3/issue/:key/comment/:id`, async ({ params, request }) => {
      const early = gate(request as unknown as Request);
      if (early) return early;
      const key = String(params.key);
      const list = state.comments.get(key);
      if (!state.issues.has(key) || !list?.has(String(params.id))) return notFound();
      const { body } = (await request.json()) as { body: unknown };
      list.set(String(params.id), body);
      return HttpResponse.json({ id: String(params.id), body, updated: new Date().toISOString() });
    }),
  ];

  /** A fetch msw answers (no network): stub the global fetch with it where jira.js runs. */
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    (await getResponse(handlers, new Request(input, init))) ??
    new Response('no mock for this URL', { status: 599 })) as typeof globalThis.fetch;

  return { state, handlers, fetch };
}
