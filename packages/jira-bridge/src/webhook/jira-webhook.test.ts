import { createHmac } from 'node:crypto';
import { sharedJson } from '@support-metrics/core/test-support';
import { describe, expect, it } from 'vitest';
import { releasedAtOf, ticketIdsIn } from './apply-jira-event.js';
import { JiraWebhookSchema, jiraTimeMs } from './jira-payload-schema.js';
import { verifyJiraSignature } from './jira-signature.js';

// A known vector for the X-Hub-Signature sha256 scheme (GitHub documents it for the same WebSub HMAC):
// secret "It's a Secret to Everybody", body "Hello, World!".
const VECTOR = {
  secret: "It's a Secret to Everybody",
  rawBody: 'Hello, World!',
  header: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};

describe('verifyJiraSignature', () => {
  it('accepts the vector, which an independent HMAC (node:crypto) agrees with', async () => {
    const independent = createHmac('sha256', VECTOR.secret).update(VECTOR.rawBody).digest('hex');
    expect(`sha256=${independent}`).toBe(VECTOR.header);
    await expect(verifyJiraSignature(VECTOR)).resolves.toBe(independent);
    // Upper-case hex is the same signature, and the same verified value (what the replay mark keys on).
    await expect(
      verifyJiraSignature({ ...VECTOR, header: VECTOR.header.toUpperCase().replace('SHA256', 'sha256') }),
    ).resolves.toBe(independent);
  });

  it('refuses forged, truncated, other-algorithm and missing signatures', async () => {
    await expect(verifyJiraSignature({ ...VECTOR, rawBody: 'Hello, World?' })).rejects.toThrow(
      'does not match',
    );
    await expect(verifyJiraSignature({ ...VECTOR, header: VECTOR.header.slice(0, 40) })).rejects.toThrow(
      'sha256=<hex>',
    );
    await expect(
      verifyJiraSignature({ ...VECTOR, header: VECTOR.header.replace('sha256', 'sha1') }),
    ).rejects.toThrow();
    await expect(verifyJiraSignature({ ...VECTOR, header: undefined })).rejects.toThrow('missing');
    await expect(verifyJiraSignature({ ...VECTOR, secret: 'other' })).rejects.toThrow('does not match');
  });
});

describe('Jira payloads (real ones from ../shared/data/jira)', () => {
  const files = [
    'webhooks_issue_created.json',
    'webhooks_issue_updated_status-changed.json',
    'webhooks_issue_updated_generic.json',
    'webhooks_issue_updated_issue-assigned.json',
    'webhooks_issue_updated_move-issue.json',
    'webhooks_issuelink_created.json',
    'webhooks_issuelink_deleted.json',
  ];
  it('parses every issue and issue-link event', () => {
    for (const f of files) {
      const parsed = JiraWebhookSchema.safeParse(sharedJson(`jira/jira-to-matrix_fixtures/${f}`));
      expect(parsed.success, `${f}: ${parsed.error?.message}`).toBe(true);
    }
    const status = JiraWebhookSchema.parse(
      sharedJson('jira/jira-to-matrix_fixtures/webhooks_issue_updated_status-changed.json'),
    );
    expect(status.webhookEvent === 'jira:issue_updated' && status.issue.fields.status?.name).toBe(
      'In Progress',
    );
  });

  it("reads Jira's times (offset without a colon, epoch ms), ticket ids in a field, and when a fix shipped", () => {
    expect(jiraTimeMs('2019-01-30T15:51:33.199+0300')).toBe(Date.parse('2019-01-30T12:51:33.199Z'));
    expect(jiraTimeMs(1511973439683)).toBe(1511973439683);
    expect(jiraTimeMs('2019-1-30 15:51:34,870')).toBeNull();
    expect(ticketIdsIn('1001, 1002 #1003')).toEqual(['1001', '1002', '1003']);
    expect(ticketIdsIn([42, '43'])).toEqual(['42', '43']);
    const v = (released: boolean, releaseDate: string | null) => ({
      id: '1',
      name: '4.2.1',
      released,
      releaseDate,
    });
    expect(releasedAtOf('Fixed', [v(true, '2026-10-01')], 'now')).toBe('2026-10-01T00:00:00.000Z');
    expect(releasedAtOf(null, [v(true, '2026-10-01')], 'now')).toBeNull(); // released but not resolved
    expect(releasedAtOf('Fixed', [v(false, null)], 'now')).toBeNull();
  });
});
