import { exports } from 'cloudflare:workers';
import { CaseSchema, DEFAULT_RUBRIC, scoreCompleteness } from '@support-metrics/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, seedTenant } from './helpers.js';

const worker = (exports as unknown as { default: Fetcher }).default;
const TOKEN = 'completeness-token';
const OTHER = 'completeness-other-token';

const COMPLETE = {
  subject: 'Export crashes since 4.2.1',
  description:
    'Since upgrading to 4.2.1 on Windows 11, when I click Export the app crashes with error E4021. It should download a CSV but instead nothing happens.',
};
const INCOMPLETE = { subject: 'Crash', description: 'The app crashed.' };

function solved(id: string, text: typeof COMPLETE, replies: number, hours: number) {
  const createdAt = `2026-11-${String(1 + (Number(id.replace(/\D/g, '')) % 20)).padStart(2, '0')}T09:00:00Z`;
  return CaseSchema.parse({
    id,
    createdAt,
    ...text,
    status: 'solved',
    solvedAt: new Date(Date.parse(createdAt) + hours * 3_600_000).toISOString(),
    publicAgentReplies: replies,
    reopens: 0,
  });
}

function put(path: string, token: string, body: string) {
  return worker.fetch(
    new Request(`${BASE}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    }),
  );
}

beforeAll(async () => {
  const store = await seedTenant('completeness', TOKEN);
  await seedTenant('completeness-other', OTHER);
  for (let i = 0; i < 12; i++) {
    await store.saveCase('completeness', solved(`c${i}`, COMPLETE, 1, 10), {
      source: 'test',
      at: '2026-11-25T00:00:00Z',
    });
    await store.saveCase('completeness', solved(`i${i}`, INCOMPLETE, 3 + (i % 2), 30), {
      source: 'test',
      at: '2026-11-25T00:00:00Z',
    });
  }
});

describe('completeness outcomes in /api/metrics', () => {
  it('compares cases complete and incomplete at creation on the team’s own outcomes', async () => {
    // The precondition: the scorer reads the two texts as complete and incomplete.
    expect(scoreCompleteness(COMPLETE).complete).toBe(true);
    expect(scoreCompleteness(INCOMPLETE).complete).toBe(false);
    const res = await api('/api/metrics?from=2026-11-01&to=2026-11-30', TOKEN);
    expect(res.status).toBe(200);
    const { completeness_outcomes: o } = (await res.json()) as {
      completeness_outcomes: {
        cases: { complete: number; incomplete: number };
        outcomes: Record<string, { difference: number | null; ci95: [number, number] | null }>;
        byMissingItem: { item: string; missing: number }[];
        method: string;
      };
    };
    expect(o.cases).toEqual({ complete: 12, incomplete: 12 });
    expect(o.outcomes.interactions_per_case?.difference).toBeCloseTo(2.5);
    expect(o.outcomes.time_to_resolution_hours?.difference).toBeCloseTo(20);
    expect(o.outcomes.fcr?.difference).toBeCloseTo(-1);
    expect(o.byMissingItem.find((m) => m.item === 'version')?.missing).toBe(12);
    expect(o.method).toMatch(/publicAgentReplies/);
    // Another tenant sees none of it.
    const other = (await (await api('/api/metrics?from=2026-11-01&to=2026-11-30', OTHER)).json()) as {
      completeness_outcomes: { cases: { complete: number; incomplete: number } };
    };
    expect(other.completeness_outcomes.cases).toEqual({ complete: 0, incomplete: 0 });
  });
});

describe('the rubric: suggestions from outcomes, applied only by an admin, every version kept', () => {
  it('suggests from the evidence and changes nothing until applied', async () => {
    const res = await api('/api/rubric/suggestions?from=2026-11-01&to=2026-11-30', TOKEN);
    expect(res.status).toBe(200);
    const s = (await res.json()) as {
      suggestions: {
        issueType: string;
        item: string;
        suggested: { required: boolean };
        evidence: { difference: number };
      }[];
      rubric: unknown;
      cases: number;
    };
    expect(s.cases).toBe(24);
    for (const x of s.suggestions) expect(x.evidence.difference).toBeDefined();
    const current = (await (await api('/api/rubric', TOKEN)).json()) as {
      isDefault: boolean;
      versions: unknown[];
    };
    expect(current).toMatchObject({ isDefault: true, versions: [] });
  });

  it('answers 400 with the zod issue path for a rubric that does not match the schema, and 401 without a token', async () => {
    const bad = await put('/api/rubric', TOKEN, JSON.stringify({ ...DEFAULT_RUBRIC, version: 2 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_input', issues: [{ path: 'version' }] });
    expect((await put('/api/rubric', TOKEN, '{not json')).status).toBe(400);
    expect((await put('/api/rubric', 'nope', JSON.stringify(DEFAULT_RUBRIC))).status).toBe(401);
  });

  it('applies a rubric, versions it, and scores with it', async () => {
    const strict = structuredClone(DEFAULT_RUBRIC);
    const howTo = strict.issueTypes.how_to ?? {};
    howTo.version = { required: true, weight: 2 };
    strict.issueTypes.how_to = howTo;
    const first = await put('/api/rubric', TOKEN, JSON.stringify(strict));
    expect(await first.json()).toEqual({ applied: true, version: 1 });
    const second = await put('/api/rubric', TOKEN, JSON.stringify(DEFAULT_RUBRIC));
    expect(await second.json()).toEqual({ applied: true, version: 2 });
    const now = (await (await api('/api/rubric', TOKEN)).json()) as {
      isDefault: boolean;
      versions: { version: number; appliedBy: string }[];
    };
    expect(now.isDefault).toBe(false);
    expect(now.versions.map((v) => [v.version, v.appliedBy])).toEqual([
      [2, 'api'],
      [1, 'api'],
    ]);
    const other = (await (await api('/api/rubric', OTHER)).json()) as { versions: unknown[] };
    expect(other.versions).toEqual([]);
  });
});
