import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryingFetch } from './retrying-fetch.js';

describe('retryAfterMs', () => {
  it('reads seconds, an HTTP date, or defaults to a minute', () => {
    expect(retryAfterMs('12')).toBe(12_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 06:00:30 GMT', Date.parse('2026-11-23T06:00:00Z'))).toBe(30_000);
    expect(retryAfterMs(null)).toBe(60_000);
  });
});

describe('retryingFetch', () => {
  it('gives up after its retries and returns the last answer; never retries a 4xx other than 429', async () => {
    let calls = 0;
    const always500 = retryingFetch(
      async () => {
        calls++;
        return new Response('x', { status: 503 });
      },
      { retries: 2, sleep: async () => {} },
    );
    expect((await always500('https://x')).status).toBe(503);
    expect(calls).toBe(3);
    calls = 0;
    const notFound = retryingFetch(
      async () => {
        calls++;
        return new Response('x', { status: 404 });
      },
      { sleep: async () => {} },
    );
    expect((await notFound('https://x')).status).toBe(404);
    expect(calls).toBe(1);
  });

  it('retries network errors and throws the last one', async () => {
    const waits: number[] = [];
    const broken = retryingFetch(
      async () => {
        throw new TypeError('fetch failed');
      },
      { retries: 3, sleep: async (ms) => void waits.push(ms) },
    );
    await expect(broken('https://x')).rejects.toThrow('fetch failed');
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('aborts an attempt Zendesk never answers after the timeout and retries it; the caller can still cancel', async () => {
    let calls = 0;
    // Like a real fetch: the request ends only when its signal aborts; the second attempt is answered.
    const hangOnce = retryingFetch(
      (_url, init) => {
        calls++;
        if (calls > 1) return Promise.resolve(new Response('{}', { status: 200 }));
        return new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      },
      { retries: 2, sleep: async () => {}, timeoutMs: 20 },
    );
    expect((await hangOnce('https://x.zendesk.com/api/v2/incremental/tickets/cursor.json')).status).toBe(200);
    expect(calls).toBe(2);

    let attempts = 0;
    const hangs = retryingFetch(
      (_url, init) => {
        attempts++;
        return new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      },
      { retries: 5, sleep: async () => {}, timeoutMs: 10_000 },
    );
    const cancel = new AbortController();
    const pending = hangs('https://x.zendesk.com/api/v2/tickets.json', { signal: cancel.signal });
    cancel.abort(new Error('Ctrl-C'));
    await expect(pending).rejects.toThrow('Ctrl-C');
    expect(attempts).toBe(1);
  });
});
