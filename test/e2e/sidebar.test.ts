import { mkdirSync } from 'node:fs';
import { startPreview } from '@support-metrics/zendesk-app/preview';
import { SignJWT } from 'jose';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { type RunningWorker, startWorker, zendeskSignature } from '../support/wrangler-dev.js';

const SECRET = 'e2e-sidebar-secret';
// The harness's default signing key (src/preview/harness.ts): the sidebar's requests are signed with it.
const SIDEBAR_KEY = 'demo-sidebar-signing-key';
let worker: RunningWorker;
let preview: { url: string; stop: () => Promise<void> };
let offline: { url: string; stop: () => Promise<void> };
let browser: Browser;
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

beforeAll(async () => {
  // The demo tenant as `tenant.ts zendesk-secrets` leaves it: its Zendesk subdomain (the sidebar tokens' issuer) and
  // the key Zendesk signs them with (the harness's stand-in proxy holds the same one, as the installation would).
  worker = await startWorker({
    vars: { ZENDESK_WEBHOOK_SECRET: SECRET },
    tenants: {
      demo: { token: 'demo-token', settings: { zendeskSubdomain: 'demo', zendeskAppKey: SIDEBAR_KEY } },
      other: {
        token: 'other-token',
        settings: { zendeskSubdomain: 'other', zendeskAppKey: 'other-tenant-key' },
      },
    },
  });
  [preview, offline, browser] = await Promise.all([
    startPreview({ port: 0, worker: worker.base }),
    startPreview({ port: 0, worker: 'http://127.0.0.1:9' }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await offline?.stop();
  await worker?.stop();
});

/** A signed Zendesk webhook to the worker. */
async function deliver(body: string) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return fetch(`${worker.base}/zendesk/webhooks`, {
    method: 'POST',
    headers: {
      'x-zendesk-webhook-signature': zendeskSignature(SECRET, now, body),
      'x-zendesk-webhook-signature-timestamp': now,
    },
    body,
  });
}

/** The requester's organisation, as Zendesk's organisation events create and tag it. */
async function storeOrganization() {
  const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const detail = { id: '8001', name: 'E2E <b>Org</b>', created_at: time, updated_at: time };
  const envelope = (type: string, id: string, event: Record<string, unknown>) =>
    JSON.stringify({
      type: `zen:event-type:${type}`,
      id,
      time,
      subject: 'zen:organization:8001',
      detail,
      event,
    });
  expect((await deliver(envelope('organization.created', 'org-8001-created', {}))).status).toBe(200);
  const tagged = await deliver(
    envelope('organization.tags_changed', 'org-8001-tags', {
      added: { tags: ['adoption_milestone'] },
      removed: { tags: [] },
    }),
  );
  expect(tagged.status).toBe(200);
}

/** The preview's ticket, stored in the worker as a Zendesk webhook would (so the sidebar's remote part has it). */
async function storeTicket(page: Page) {
  await storeOrganization();
  const ticket = (await (await fetch(new URL('/preview-ticket.json', preview.url))).json()) as {
    id: string;
    subject: string;
    description: string;
  };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const body = JSON.stringify({
    type: 'zen:event-type:ticket.created',
    id: `sidebar-${ticket.id}`,
    time: now,
    detail: {
      id: ticket.id,
      subject: ticket.subject,
      description: ticket.description,
      status: 'OPEN',
      created_at: now,
      organization_id: '8001',
    },
    event: {},
  });
  await fetch(`${worker.base}/zendesk/webhooks`, {
    method: 'POST',
    headers: {
      'x-zendesk-webhook-signature': zendeskSignature(SECRET, now, body),
      'x-zendesk-webhook-signature-timestamp': now,
    },
    body,
  });
  void page;
  return ticket;
}

async function open(url: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(url);
  const app = page.frameLocator('#app');
  await app.locator('[data-testid=score]').waitFor();
  return { page, app };
}

/** A sidebar token as Zendesk's proxy signs it (HS256), here with any key and claims. */
async function sidebarToken(key: string, claims: Record<string, unknown>) {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: '9001', email: 'alex@example.com', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(new TextEncoder().encode(key));
}
const asSidebar = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${worker.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

describe('sidebar requests to the real worker: signed, or refused', () => {
  it('a token signed with the tenant’s key reaches the sidebar’s routes, and only those', async () => {
    const token = await sidebarToken(SIDEBAR_KEY, { iss: 'demo' });
    expect((await asSidebar('/api/policies', token)).status).toBe(200);
    expect((await asSidebar('/api/rubric', token)).status).toBe(403);
    expect((await asSidebar('/api/sync/zendesk/cursor', token)).status).toBe(403);
  });

  it('no token, a forged one, another tenant’s, or one claiming another tenant: 401', async () => {
    expect((await fetch(`${worker.base}/api/policies`)).status).toBe(401);
    expect((await asSidebar('/api/policies', await sidebarToken('a guess', { iss: 'demo' }))).status).toBe(
      401,
    );
    // Another tenant's token is good for that tenant only: signed with its key, it never reads demo's cases.
    const other = await sidebarToken('other-tenant-key', { iss: 'other' });
    expect((await asSidebar('/api/policies', other)).status).toBe(200);
    expect((await asSidebar('/api/cases/1', other)).status).toBe(404);
    // Signed with another tenant's key but claiming to be demo: refused.
    expect(
      (await asSidebar('/api/policies', await sidebarToken('other-tenant-key', { iss: 'demo' }))).status,
    ).toBe(401);
  });
});

describe('the Zendesk sidebar in Chromium (preview harness, real worker)', () => {
  it('scores a real incomplete ticket, asks for the missing items in one go, and follows edits', async () => {
    const ticket = await storeTicket(await browser.newPage());
    const { page, app } = await open(preview.url);
    expect(await app.locator('[data-testid=verdict]').textContent()).toBe('Missing information');
    const before = Number(await app.locator('[data-testid=score]').textContent());
    const missing = await app.locator('li.absent .label').allTextContents();
    expect(missing.length).toBeGreaterThan(0);

    await app.locator('[data-testid=ask]').click();
    const editor = page.getByTestId('editor');
    await expect.poll(() => editor.inputValue()).toContain('So that we can start on this right away');
    expect(await editor.inputValue()).toContain(`"${ticket.subject}"`);

    const description = page.getByTestId('description');
    await description.fill(
      'Since upgrading to 4.2.1 on Windows 11, when I click Export the app crashes with error E4021. I expected it to download a CSV, but instead nothing happens. Our finance team is blocked.',
    );
    await expect.poll(async () => app.locator('[data-testid=verdict]').textContent()).toBe('Ready to work');
    expect(Number(await app.locator('[data-testid=score]').textContent())).toBeGreaterThan(before);

    // Linked bugs through the worker.
    await app.locator('[data-testid=jira-key]').fill('proj-77');
    await app.locator('form.link button').click();
    await expect
      .poll(async () => app.locator('[data-issue=PROJ-77]').textContent())
      .toContain('1 cases · 1 open · 1 customers · revenue not measured'); // the requester's organisation

    // The link was made by a signed request: the worker recorded the agent its verified token names (the stand-in
    // proxy signs with the install's key, as Zendesk does), not the sidebar's own `zendesk-agent:9001`.
    const bug = (await (
      await fetch(`${worker.base}/api/bugs/PROJ-77`, { headers: { authorization: 'Bearer demo-token' } })
    ).json()) as { cases: { caseId: string; linkedBy: string }[] };
    expect(bug.cases.find((c) => c.caseId === ticket.id)?.linkedBy).toBe('alex@example.com');

    // Swarming goes through the worker to Slack, which this worker has no secrets for: it says so.
    await app.locator('[data-testid=swarm]').click();
    await expect
      .poll(async () => app.locator('[data-testid=swarm-result]').textContent())
      .toBe('Slack is not connected to Support Metrics yet.');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}sidebar.png`, fullPage: true });
    await page.close();
  });

  it("shows the requester organisation's health from the worker, as text", async () => {
    await storeTicket(await browser.newPage());
    const { page, app } = await open(preview.url);
    const band = app.locator('[data-testid=health-band]');
    await band.waitFor();
    // Adoption reached (weight 20) outweighs the rest (the case's completeness, the open PROJ-77 it waits on).
    expect(await band.textContent()).toMatch(/^Healthy · E2E <b>Org<\/b>: \d+\/100$/);
    expect(await app.locator('[data-testid=health-reasons] li').allTextContents()).toContain(
      '1 open case waiting on an open bug',
    );
    expect(await app.locator('[data-testid=health] b').count()).toBe(0);
    await page.close();
  });

  it('blocks solving while the closed record is incomplete, when the install says so', async () => {
    const { page, app } = await open(preview.url);
    await page.getByTestId('block').check();
    await app.locator('[data-testid=score]').waitFor();
    await page.getByTestId('status').selectOption('solved');
    await page.getByTestId('submit').click();
    await expect
      .poll(() => page.locator('#message').textContent())
      .toContain('fill in the closed record before solving');
    await page.close();
  });

  it('renders an HTML-laden description as text: no markup, no script', async () => {
    const { page, app } = await open(preview.url);
    await page.getByTestId('subject').fill('Export');
    await page
      .getByTestId('description')
      .fill('How do I export <img src=x onerror="parent.__xss=1"> reports from the billing dashboard?');
    await expect
      .poll(async () => (await app.locator('body').textContent()) ?? '')
      .toContain('<img src=x onerror="parent.__xss=1">');
    expect(await app.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('keeps scoring when the worker is unreachable, and says so', async () => {
    const { page, app } = await open(offline.url);
    await expect
      .poll(async () => app.locator('[data-testid=remote-state]').textContent())
      .toBe("Can't reach Support Metrics — retrying…");
    expect(await app.locator('[data-testid=verdict]').textContent()).toBe('Missing information');
    await page.close();
  });
});
