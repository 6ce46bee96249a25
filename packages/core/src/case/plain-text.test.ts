import { describe, expect, it } from 'vitest';
import { sharedJson } from '../test-support/shared-data.js';
import { firstMessageText, htmlToText, stripQuotedAndSignature } from './plain-text.js';

describe('htmlToText', () => {
  it('turns blocks into lines and decodes entities', () => {
    expect(htmlToText('<p>Hello&nbsp;<b>world</b> &amp; co</p><p>Line&#33;<br>two</p>')).toBe(
      'Hello world & co\nLine!\ntwo\n',
    );
  });
  it('drops quoted blocks and scripts', () => {
    expect(htmlToText('<div>New</div><blockquote>old message</blockquote><script>x()</script>')).toBe(
      'New\n',
    );
  });
  it('leaves plain text alone', () => {
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
  });
});

describe('stripQuotedAndSignature', () => {
  it('cuts a Gmail reply header and everything after it', () => {
    const text =
      'The export fails.\n\nOn Mon, 3 Nov 2026 at 10:00, Support <help@acme.com> wrote:\n> Can you send the log?';
    expect(stripQuotedAndSignature(text).trim()).toBe('The export fails.');
  });
  it('cuts an Outlook header block only when a Sent line follows', () => {
    const text = 'Still broken.\n\nFrom: Support\nSent: Monday\nTo: me\nSubject: RE: case';
    expect(stripQuotedAndSignature(text).trim()).toBe('Still broken.');
    expect(stripQuotedAndSignature('From: the dashboard, export fails').trim()).toBe(
      'From: the dashboard, export fails',
    );
  });
  it('cuts a German reply header', () => {
    expect(
      stripQuotedAndSignature('Geht nicht.\nAm 03.11.2026 um 10:00 schrieb Support <a@b.de>:\n> alt').trim(),
    ).toBe('Geht nicht.');
  });
  it('removes the signature after a closing phrase, but not a long text after it', () => {
    expect(
      stripQuotedAndSignature('It fails.\n\nBest regards,\nAnna Smith\nACME Corp\n+49 30 1234').trim(),
    ).toBe('It fails.');
    expect(stripQuotedAndSignature('It fails.\nSent from my iPhone').trim()).toBe('It fails.');
    const long = `Thanks,\n${'x'.repeat(80)}`;
    expect(stripQuotedAndSignature(long)).toBe(long);
  });
});

describe('firstMessageText on a real Zendesk comment', () => {
  it('reads the html_body of a real audit comment as its plain text', () => {
    const page = sharedJson<{ audits: { events: { type: string; html_body?: string }[] }[] }>(
      'zendesk_api/zenpy_GET_ticket_audits_page.json',
    );
    const comment = page.audits[0]?.events.find((e) => e.type === 'Comment');
    expect(firstMessageText(comment?.html_body ?? '')).toBe(
      'Hi there,\n\nI’m sending an email because I’m having a problem setting up your new product. Can you help me troubleshoot?',
    );
  });
});
