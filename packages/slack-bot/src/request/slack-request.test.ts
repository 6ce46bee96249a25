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
  it("accepts Slack's documented vector with the clock at its timestamp", () => {
    expect(() => verifySlackSignature({ ...vector, now: 1531420618_000 })).not.toThrow();
    expect(() => verifySlackSignature({ ...vector, now: 1531420618_000 + 299_000 })).not.toThrow();
  });

  it('refuses it stale, tampered, truncated or unsigned', () => {
    expect(() => verifySlackSignature({ ...vector, now: 1531420618_000 + 301_000 })).toThrow(
      'stale timestamp',
    );
    expect(() =>
      verifySlackSignature({ ...vector, rawBody: `${vector.rawBody}x`, now: 1531420618_000 }),
    ).toThrow('signature does not match');
    expect(() =>
      verifySlackSignature({ ...vector, signature: vector.signature.slice(0, 20), now: 1531420618_000 }),
    ).toThrow();
    expect(() => verifySlackSignature({ ...vector, signature: undefined, now: 1531420618_000 })).toThrow(
      'missing',
    );
    expect(() => verifySlackSignature({ ...vector, timestamp: 'soon', now: 1531420618_000 })).toThrow(
      'unreadable',
    );
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
