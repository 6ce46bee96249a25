import { CaseSchema, DEFAULT_RUBRIC } from '@support-metrics/core';
import { sealSetting } from '@support-metrics/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, postWebhook, seedTenant, testStores, ticketCreated } from './helpers.js';

// A tenant's own rubric and closed-record policy (settings), used by every save and by the API.
const strictRubric = structuredClone(DEFAULT_RUBRIC);
// This tenant needs a screenshot on every bug report.
strictRubric.issueTypes.bug = { ...strictRubric.issueTypes.bug, attachment: { required: true, weight: 2 } };

beforeAll(async () => {
  await seedTenant('demo', 'policy-demo-token');
  await seedTenant('strict', 'policy-strict-token', {
    rubric: strictRubric,
    closurePolicy: { required: ['solution'] },
    // Stored sealed, as tenant.ts stores it (the worker's SETTINGS_SECRET opens it).
    zendeskWebhookSecret: await sealSetting(
      'test-settings-secret',
      'strict',
      'zendeskWebhookSecret',
      'test-webhook-secret',
    ),
  });
  await seedTenant('broken', 'policy-broken-token', {
    rubric: { version: 2 },
    closurePolicy: { required: ['nope'] },
  });
});

const bug = {
  subject: 'Export crashes',
  description:
    'Since upgrading to 4.2.1 on Windows 11, when I click Export the app crashes with error E4021. It should download a CSV but instead nothing happens.',
};

describe('per-tenant rubric and closed-record policy', () => {
  it('scores new tickets with the tenant rubric (a webhook into each tenant)', async () => {
    const detail = { ...bug, type: 'problem' };
    await postWebhook(ticketCreated('7001', detail));
    await postWebhook(ticketCreated('7001', detail), { path: '/t/strict/zendesk/webhooks' });
    const d = (await (await api('/api/cases/7001', 'policy-demo-token')).json()) as {
      completeness: { latest: { missing: string[] } };
    };
    const s = (await (await api('/api/cases/7001', 'policy-strict-token')).json()) as {
      completeness: { latest: { missing: string[] } };
    };
    expect(d.completeness.latest.missing).not.toContain('attachment');
    expect(s.completeness.latest.missing).toContain('attachment');
  });

  it('checks the closed record with the tenant policy', async () => {
    const solved = CaseSchema.parse({
      id: '7002',
      createdAt: '2026-11-20T10:00:00Z',
      solvedAt: '2026-11-20T12:00:00Z',
      status: 'solved',
      closure: { solution: 'Reset the export path.' },
    });
    const store = testStores().cases;
    for (const t of ['demo', 'strict'])
      await store.saveCase(t, { ...solved, tenantId: t }, { source: 'test', at: '2026-11-20T12:00:00Z' });
    const d = (await (await api('/api/cases/7002', 'policy-demo-token')).json()) as {
      closure: { complete: boolean };
    };
    const s = (await (await api('/api/cases/7002', 'policy-strict-token')).json()) as {
      closure: { complete: boolean };
    };
    expect(d.closure.complete).toBe(false);
    expect(s.closure.complete).toBe(true);
  });

  it('shows what is in force, and why an invalid setting is not used (defaults apply, ingestion goes on)', async () => {
    const strict = (await (await api('/api/policies', 'policy-strict-token')).json()) as Record<
      string,
      unknown
    >;
    expect(strict).toMatchObject({ rubricSource: 'tenant', closurePolicySource: 'tenant', problems: [] });
    const broken = (await (await api('/api/policies', 'policy-broken-token')).json()) as {
      rubricSource: string;
      problems: string[];
    };
    expect(broken.rubricSource).toBe('default');
    expect(broken.problems.join('\n')).toMatch(/rubric: version/);
    expect(broken.problems.join('\n')).toMatch(/closurePolicy: required\.0/);
    // Secrets among the settings never come out.
    expect(JSON.stringify(strict)).not.toContain('test-webhook-secret');
    await testStores().cases.saveCase(
      'broken',
      CaseSchema.parse({ id: '1', createdAt: '2026-11-20T10:00:00Z', subject: 'x' }),
      {
        source: 'test',
        at: '2026-11-20T10:00:00Z',
      },
    );
    expect((await api('/api/cases/1', 'policy-broken-token')).status).toBe(200);
  });
});
