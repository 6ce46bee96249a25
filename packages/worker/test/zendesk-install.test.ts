import { exports } from 'cloudflare:workers';
import { sealSetting } from '@support-metrics/platform';
import { installedWebhooks, requirementsFor, updateInstallation } from '@support-metrics/zendesk-app/install';
import { zendeskAccountMock } from '@support-metrics/zendesk-app/install-mock';
import { SignJWT } from 'jose';
import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import requirementsSource from '../../zendesk-app/app/requirements.json';
import { api, BASE, seedTenant, ticketCreated } from './helpers.js';

// One-step install, end to end: the app's requirements.json applied by a Zendesk account that answers like the Apps
// and Webhooks APIs (msw, at the boundary), the signing secrets found as `tenant.ts zendesk-secrets` finds them and
// stored as it stores them (sealed), then Zendesk's own deliveries — an event, and the trigger's JSON body, each signed
// with its webhook's secret — through the real worker.
const worker = (exports as unknown as { default: Fetcher }).default;
const TENANT = 'acme-install';
const TOKEN = 'install-test-token';
const account = { subdomain: 'acme-install', email: 'admin@acme.example', token: 'zd-token' };
const zd = zendeskAccountMock(account);
const zendeskFetch = async (url: string, init?: RequestInit) =>
  (await getResponse(zd.handlers, new Request(url, init))) ??
  new Response('no such endpoint', { status: 404 });
const requirements = requirementsFor(requirementsSource, BASE, TENANT);
let secrets: Awaited<ReturnType<typeof installedWebhooks>>;

/** The admin installs the uploaded app (`POST /api/v2/apps/installations.json`): Zendesk applies its requirements. */
async function install(account: ReturnType<typeof zendeskAccountMock>, subdomain: string) {
  const res = await getResponse(
    account.handlers,
    new Request(`https://${subdomain}.zendesk.com/api/v2/apps/installations.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`admin@acme.example/token:zd-token`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ app_id: 1000, settings: { worker_url: BASE } }),
    }),
  );
  expect(res?.status).toBe(201);
}

beforeAll(async () => {
  zd.uploadApp({ name: 'Support Metrics', requirements });
  await install(zd, account.subdomain);
});

// The worker's SETTINGS_SECRET in these tests (vitest.config.ts), as tenant.ts seals with the worker's.
const seal = (key: string, value: string) => sealSetting('test-settings-secret', TENANT, key, value);

describe('installing the Zendesk app in one step', () => {
  it('before the signing secrets are stored, the tenant’s webhook route is not configured (503)', async () => {
    // Another tenant installed the same way, whose secrets were not stored yet (the worker caches settings for 30 s,
    // so this is not the tenant the next test stores them for).
    const fresh = zendeskAccountMock({ ...account, subdomain: 'acme-fresh' });
    fresh.uploadApp({
      name: 'Support Metrics',
      requirements: requirementsFor(requirementsSource, BASE, 'acme-fresh'),
    });
    await install(fresh, 'acme-fresh');
    await seedTenant('acme-fresh', 'fresh-token');
    const [delivery] = await fresh.event(ticketCreated('7101'));
    const res = await worker.fetch(delivery as Request);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'not_configured' });
  });

  it('then a signed ticket.created event scores the ticket, and the solve trigger’s body completes its closed record', async () => {
    // What `tenant.ts zendesk-secrets` does: the two secrets through the Apps API, stored sealed.
    secrets = await installedWebhooks({ ...account, fetch: zendeskFetch });
    await seedTenant(TENANT, TOKEN, {
      zendeskWebhookSecret: await seal('zendeskWebhookSecret', secrets.events.secret),
      zendeskTriggerWebhookSecret: await seal('zendeskTriggerWebhookSecret', secrets.trigger.secret),
    });
    // The events webhook points at the tenant's route on the worker.
    expect(zd.webhooks.map((w) => w.endpoint)).toEqual([
      `${BASE}/t/${TENANT}/zendesk/webhooks`,
      `${BASE}/t/${TENANT}/zendesk/webhooks`,
    ]);
    const deliveries = await zd.event(ticketCreated('7102'));
    expect(deliveries).toHaveLength(1);
    const created = await worker.fetch(deliveries[0] as Request);
    expect(created.status).toBe(200);
    const answer = (await created.json()) as {
      status: string;
      caseId: string;
      completeness: { score: number };
    };
    expect(answer).toMatchObject({ status: 'created', caseId: '7102' });
    expect(answer.completeness.score).toBeGreaterThan(0);

    // The agent solves it with the closed-record drop-downs set: Zendesk renders the trigger's body and posts it.
    const fired = await zd.fire('Support Metrics: closed record on solve', {
      id: '7102',
      title: 'Export to CSV fails',
      status: 'solved',
      priority: 'high',
      via: 'Web form',
      created_at_with_timestamp: '2026-11-30T09:00Z',
      // As Zendesk renders it, to the minute: the same minute as the event before (the hard case for staleness).
      updated_at_with_timestamp: `${new Date().toISOString().slice(0, 16)}Z`,
      'requester.id': '6596848315901',
      'requester.name': 'Rita Requester',
      'assignee.id': '20002',
      'assignee.name': 'Alex Agent',
      'assignee.email': 'alex@acme.example',
      'group.id': '20001',
      tags: 'sm_reason_defect sm_type_bug sm_resolution_workaround known_issue kb_linked',
    });
    const solved = await worker.fetch(fired);
    expect(solved.status).toBe(200);
    const solvedAnswer = await solved.json();
    expect(solvedAnswer, JSON.stringify(solvedAnswer)).toMatchObject({ status: 'updated', caseId: '7102' });

    const shown = (await (await api('/api/cases/7102', TOKEN)).json()) as {
      case: { status: string; assignee: { email: string | null } | null };
      closure: { complete: boolean; missing: string[]; values: Record<string, string | null> };
    };
    expect(shown.case.status).toBe('solved');
    expect(shown.case.assignee?.email).toBe('alex@acme.example');
    expect(shown.closure).toMatchObject({
      complete: true,
      missing: [],
      values: {
        reason: 'something is broken',
        issue_type: 'bug',
        new_vs_known: 'known',
        knowledge_action: 'linked',
      },
    });
  });

  it('the sidebar’s requests, signed by Zendesk with the installation’s key, act as the agent the token names', async () => {
    // The rest of `tenant.ts zendesk-secrets`: a new signing key set on the installation, kept sealed by the worker.
    const key = 'install-test-sidebar-key-0123456789';
    await updateInstallation({ ...account, fetch: zendeskFetch }, secrets.installationId, {
      signing_key: key,
    });
    expect(zd.secureSetting(secrets.installationId, 'signing_key')).toBe(key);
    await seedTenant(`${TENANT}-sidebar`, 'unused-token', {
      zendeskSubdomain: account.subdomain,
      zendeskAppKey: await sealSetting('test-settings-secret', `${TENANT}-sidebar`, 'zendeskAppKey', key),
    });
    // As ZAF's proxy signs the sidebar's jwt option with the installation's signing_key.
    const token = await new SignJWT({
      sub: '20002',
      email: 'alex@acme.example',
      name: 'Alex Agent',
      role: 'agent',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(account.subdomain)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(key));
    const res = await worker.fetch(
      new Request(`${BASE}/api/policies`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(res.status).toBe(200);
    const sync = await worker.fetch(
      new Request(`${BASE}/api/sync/zendesk/cursor`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(sync.status).toBe(403);
  });

  it('a delivery signed with neither webhook’s secret is refused (401), and one for another tenant is not applied here', async () => {
    const other = zendeskAccountMock({ ...account, subdomain: 'other-install' });
    other.uploadApp({ name: 'Support Metrics', requirements });
    await install(other, 'other-install');
    // The other account's webhooks also point at this tenant's route, but their secrets are not this tenant's.
    const [forged] = await other.event(ticketCreated('7103'));
    expect((await worker.fetch(forged as Request)).status).toBe(401);
    expect((await api('/api/cases/7103', TOKEN)).status).toBe(404);
  });
});
