import { verifySlackRequest } from '@slack/bolt';
import { sharedText } from '@support-metrics/core/test-support';
import { describe, expect, it } from 'vitest';
import { parseSlackBody, teamOf, verifySlackSignature } from './slack-request.js';

const vector = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
  rawBody: sharedText('slack/slash_command_body_signing_vector.txt'),
};

describe('verifySlackSignature', () => {
  it("accepts Slack's documented vector with the clock at its timestamp, as bolt's own verifier does", async () => {
    await expect(verifySlackSignature({ ...vector, now: 1531420618_000 })).resolves.toBe(vector.signature);
    await expect(verifySlackSignature({ ...vector, now: 1531420618_000 + 299_000 })).resolves.toBeTruthy();
    // bolt's verifySlackRequest is the reference: it accepts the same vector (and throws on a tampered body).
    const bolt = (rawBody: string) =>
      verifySlackRequest({
        signingSecret: vector.signingSecret,
        body: rawBody,
        headers: {
          'x-slack-signature': vector.signature,
          'x-slack-request-timestamp': Number(vector.timestamp),
        },
        nowMilliseconds: 1531420618_000,
      });
    expect(() => bolt(vector.rawBody)).not.toThrow();
    expect(() => bolt(`${vector.rawBody}x`)).toThrow();
  });

  it('verifies the bytes as sent, also when they are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('text=caf'), 0xe9, 0xff]);
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(vector.signingSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const prefix = new TextEncoder().encode(`v0:${vector.timestamp}:`);
    const signed = new Uint8Array([...prefix, ...bytes]);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed));
    const signature = `v0=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    const input = { ...vector, signature, now: 1531420618_000 };
    await expect(verifySlackSignature({ ...input, rawBody: bytes })).resolves.toBe(signature);
    // The same bytes read as text (each bad byte replaced) are another message: refused.
    await expect(
      verifySlackSignature({ ...input, rawBody: new TextDecoder().decode(bytes) }),
    ).rejects.toThrow('signature does not match');
  });

  it('refuses it stale, tampered, truncated or unsigned', async () => {
    const now = 1531420618_000;
    await expect(verifySlackSignature({ ...vector, now: now + 301_000 })).rejects.toThrow('stale timestamp');
    await expect(verifySlackSignature({ ...vector, now: now - 301_000 })).rejects.toThrow('stale timestamp');
    await expect(verifySlackSignature({ ...vector, rawBody: `${vector.rawBody}x`, now })).rejects.toThrow(
      'signature does not match',
    );
    await expect(
      verifySlackSignature({ ...vector, signature: vector.signature.slice(0, 20), now }),
    ).rejects.toThrow();
    await expect(
      verifySlackSignature({ ...vector, signature: `${vector.signature}=x`, now }),
    ).rejects.toThrow();
    await expect(verifySlackSignature({ ...vector, signature: undefined, now })).rejects.toThrow('missing');
    await expect(verifySlackSignature({ ...vector, timestamp: 'soon', now })).rejects.toThrow('unreadable');
  });
});

describe('parseSlackBody', () => {
  it('reads commands (form), interactivity (payload=) and events (JSON), and finds the workspace', () => {
    const command = parseSlackBody(vector.rawBody, 'application/x-www-form-urlencoded');
    expect(command).toMatchObject({ command: '/webhook-collect', team_id: 'T1DC2JH3J' });
    expect(teamOf(command).teamId).toBe('T1DC2JH3J');
    const interaction = parseSlackBody(
      sharedText('slack/block_actions_form_body_bolt-python.txt'),
      'application/x-www-form-urlencoded',
    );
    expect(interaction.type).toBe('block_actions');
    expect(teamOf(interaction)).toEqual({ teamId: 'T111', enterpriseId: 'E111' });
    expect(
      teamOf(parseSlackBody('{"type":"event_callback","team_id":"T9"}', 'application/json')).teamId,
    ).toBe('T9');
    expect(() => parseSlackBody('{', 'application/json')).toThrow(SyntaxError);
  });
});
