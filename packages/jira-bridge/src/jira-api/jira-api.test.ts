import { isRateLimitError, isServerError } from 'jira.js';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiraMock } from '../mocks.js';
import { createJiraApi, JiraTimeoutError } from './jira-api.js';

const jira = createJiraMock('https://acme.atlassian.net', ['EXP-7']);
const server = setupServer(...jira.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const api = createJiraApi({
  baseUrl: 'https://acme.atlassian.net',
  email: 'bot@acme.com',
  apiToken: 'jira-token',
});
const doc = (text: string) => ({
  type: 'doc' as const,
  version: 1 as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('jira.js against msw answering like Jira Cloud', () => {
  it('sets the supportImpact entity property', async () => {
    await api.setSupportImpact('EXP-7', { cases: 3 });
    expect(jira.state.properties.get('EXP-7')).toEqual({ cases: 3 });
    expect(jira.state.requests.at(-1)).toBe('PUT /rest/api/3/issue/EXP-7/properties/supportImpact');
  });

  it('adds the comment once, then updates it in place; re-adds it when someone deleted it', async () => {
    const id = await api.upsertImpactComment('EXP-7', null, doc('3 cases'));
    expect(await api.upsertImpactComment('EXP-7', id, doc('4 cases'))).toBe(id);
    expect([...(jira.state.comments.get('EXP-7')?.values() ?? [])]).toEqual([doc('4 cases')]);
    jira.state.comments.get('EXP-7')?.delete(id);
    const again = await api.upsertImpactComment('EXP-7', id, doc('5 cases'));
    expect(again).not.toBe(id);
    expect(jira.state.comments.get('EXP-7')?.size).toBe(1);
  });

  it('turns 429 (with Retry-After), 404 and 500 into typed errors, without retrying in place', async () => {
    jira.state.rateLimited = 1;
    const limited = await api.setSupportImpact('EXP-7', {}).catch((e: unknown) => e);
    expect(isRateLimitError(limited)).toBe(true);
    expect((limited as { retryAfterMs?: number }).retryAfterMs).toBe(30_000);
    const missing = await api.setSupportImpact('NOPE-1', {}).catch((e: unknown) => e);
    expect((missing as { status?: number }).status).toBe(404);
    jira.state.failing = 1;
    const before = jira.state.requests.length;
    expect(isServerError(await api.setSupportImpact('EXP-7', {}).catch((e: unknown) => e))).toBe(true);
    expect(jira.state.requests.length - before).toBe(1);
  });

  it('gives up a call Jira never answers after the timeout, as a JiraTimeoutError (retried from the outbox)', async () => {
    const impatient = createJiraApi({
      baseUrl: 'https://acme.atlassian.net',
      email: 'bot@acme.com',
      apiToken: 'jira-token',
      timeoutMs: 50,
    });
    jira.state.hanging = 1;
    await expect(impatient.setSupportImpact('EXP-7', { cases: 9 })).rejects.toBeInstanceOf(JiraTimeoutError);
    jira.state.hanging = 1;
    await expect(impatient.upsertImpactComment('EXP-7', null, doc('9 cases'))).rejects.toThrow(
      /within 50 ms/,
    );
    // The next call, answered, goes through.
    await impatient.setSupportImpact('EXP-7', { cases: 9 });
    expect(jira.state.properties.get('EXP-7')).toEqual({ cases: 9 });
  });
});
