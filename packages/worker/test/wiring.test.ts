import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BASE } from './helpers.js';

// What the worker itself adds: where it mounts each plugin's routes. The plugins' behaviour is tested in their own
// workers-pool projects (packages/*/src/routes/*.test.ts); this file and the whole-app suites here test the wiring.

describe('the worker', () => {
  it('mounts the Forge routes at /forge/jira (off until FORGE_APP_ID is set: 503 not_configured)', async () => {
    const worker = (exports as unknown as { default: Fetcher }).default;
    const res = await worker.fetch(`${BASE}/forge/jira/bugs`, { headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'not_configured' });
  });
});
