import { describe, expect, it } from 'vitest';
import { WEB_API_RETRIES, webClient } from './slack-client.js';

/** A Slack that never answers: like a real fetch, the request ends only when its signal aborts. */
function hangingFetch(calls: { n: number }): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) => {
    calls.n++;
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new Error('aborted')));
    });
  }) as typeof fetch;
}

describe('the Web API client fit for Workers', () => {
  it('gives a call Slack never answers up after the timeout, retries it, then fails instead of hanging', async () => {
    const calls = { n: 0 };
    const client = webClient('xoxb-test', hangingFetch(calls), 50);
    const started = Date.now();
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toThrow();
    expect(calls.n).toBe(WEB_API_RETRIES.retries + 1);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 15_000);
});
