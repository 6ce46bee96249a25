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
  /** Fields of issues (GET /issue/{key} answers them) and their ids. */
  fields: Map<string, Record<string, unknown>>;
  ids: Map<string, string>;
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

export function createJiraMock(
  base = 'https://acme.atlassian.net',
  issues: string[] = [],
  /** `bearer`: a Forge app's system token (https://api.atlassian.com/ex/jira/<cloudId>), else an API token. */
  o: { auth?: 'basic' | 'bearer'; token?: string } = {},
) {
  const state: JiraMockState = {
    issues: new Set(issues),
    properties: new Map(),
    fields: new Map(),
    ids: new Map(),
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
    const authorization = request.headers.get('authorization') ?? '';
    if (o.auth === 'bearer' ? authorization !== `Bearer ${o.token}` : !/^Basic /.test(authorization))
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
    // GET /rest/api/3/issue/{key}: the issue as Jira holds it (state.fields), the fields asked for only.
    http.get(`${base}/rest/api/3/issue/:key`, ({ params, request }) => {
      const early = gate(request as unknown as Request);
      if (early) return early;
      const key = String(params.key);
      if (!state.issues.has(key)) return notFound();
      // `fields` as Jira takes it: comma-separated, repeated, or both.
      const list = new URL(request.url).searchParams.getAll('fields').flatMap((f) => f.split(','));
      const asked = list.length ? list : undefined;
      const all = state.fields.get(key) ?? {};
      const fields = asked ? Object.fromEntries(Object.entries(all).filter(([f]) => asked.includes(f))) : all;
      return HttpResponse.json({
        id: String(state.ids.get(key) ?? 10_000 + state.ids.size),
        key,
        self: `${base}/rest/api/3/issue/${key}`,
        fields,
      });
    }),
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

/**
 * Atlassian's side of Forge Remote, for tests: a key pair whose public half msw serves as Atlassian's JWKS (at the
 * address FORGE_JWKS_URL names), and `sign` to make a Forge Invocation Token as Forge makes one (RS256, `kid`,
 * iss forge/invocation-token, aud = the app's ARI, `app` with the installation and the site's API base, `context`
 * for UI calls). `forger` signs with another key under the same `kid`: what a forged token looks like.
 */
export async function createForgeMock(o: { jwksUrl: string; appId: string }) {
  const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
  const kid = 'forge-test-key';
  const pair = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const state = { jwksRequests: 0 };
  const handlers = [
    http.get(o.jwksUrl, () => {
      state.jwksRequests++;
      return HttpResponse.json(jwks, { headers: { 'cache-control': 'max-age=3600' } });
    }),
  ];
  const apiBaseUrl = (cloudId: string) => `https://api.atlassian.com/ex/jira/${cloudId}`;

  /** A Forge Invocation Token for an installation on the site `cloudId`; `claims` override or add any claim. */
  async function sign(
    cloudId: string,
    s: {
      claims?: Record<string, unknown>;
      context?: Record<string, unknown> | null;
      expiresIn?: string | number;
      audience?: string;
      issuer?: string;
      key?: 'atlassian' | 'forger';
      kid?: string;
    } = {},
  ) {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      app: {
        id: o.appId,
        installationId: `ari:cloud:ecosystem::installation/${cloudId}-install`,
        apiBaseUrl: apiBaseUrl(cloudId),
        environment: { type: 'PRODUCTION', id: 'ari:cloud:ecosystem::environment/prod' },
        module: { type: 'xen:remote', key: 'support-metrics-ui' },
      },
      ...(s.context === null
        ? {}
        : { context: { cloudId, moduleKey: 'support-impact-panel', ...s.context } }),
      principal: '5b10ac8d82e05b22cc7d4ef5',
      ...s.claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: s.kid ?? kid })
      .setIssuer(s.issuer ?? 'forge/invocation-token')
      .setAudience(s.audience ?? o.appId)
      .setIssuedAt(now - 5)
      .setNotBefore(now - 5)
      .setJti(crypto.randomUUID());
    if (typeof s.expiresIn === 'number') jwt.setExpirationTime(now + s.expiresIn);
    else jwt.setExpirationTime(s.expiresIn ?? '5m');
    return jwt.sign(s.key === 'forger' ? forger.privateKey : pair.privateKey);
  }

  return { state, handlers, sign, apiBaseUrl, jwks };
}
