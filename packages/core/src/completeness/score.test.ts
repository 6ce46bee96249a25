import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { RubricSchema } from './rubric-schema.js';
import { scoreCompleteness } from './score.js';
import { productVocabulary, withProducts } from './vocabulary.js';

const COMPLETE_BUG = {
  subject: 'Export crashes since 4.2.1',
  description:
    'Since upgrading to 4.2.1 on Windows 11, when I click Export the app crashes with error E4021. ' +
    'It should download a CSV but instead nothing happens. Our whole finance team is blocked. Screenshot attached.',
};

describe('scoreCompleteness', () => {
  it('finds every item of a complete bug report, with the snippet that proves each', () => {
    const r = scoreCompleteness(COMPLETE_BUG);
    expect(r.issueType).toBe('bug');
    expect(r.complete).toBe(true);
    // Every required item is there; optional ones (impact, timeline) add to the score when the model sees them.
    expect(r.score).toBeGreaterThanOrEqual(80);
    expect(r.missing).toEqual([]);
    expect(r.items.find((i) => i.id === 'attachment')?.evidence?.snippet).toBe('Screenshot attached.');
    expect(r.requestDraft).toBeNull();
    const version = r.items.find((i) => i.id === 'version');
    expect(version).toMatchObject({ present: true, required: true, weight: 2 });
    expect(version?.evidence?.snippet).toContain('4.2.1');
    expect(r.items.find((i) => i.id === 'expected_actual')?.evidence?.snippet).toBe(
      'It should download a CSV but instead nothing happens.',
    );
  });

  it('lists what a bare bug report is missing and drafts one request asking for all of it', () => {
    const r = scoreCompleteness({
      subject: 'Crash',
      description: 'The app crashed.',
      requester: { name: 'Anna Smith' },
    });
    expect(r.issueType).toBe('bug');
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(expect.arrayContaining(['version', 'environment', 'expected_actual']));
    expect(r.requestDraft).toMatch(/^Hi Anna,/);
    for (const id of r.missing) {
      const question = r.items.find((i) => i.id === id)?.question ?? '';
      expect(r.requestDraft).toContain(question);
    }
    expect(r.requestDraft).toContain('"Crash"');
    // Weighted: error (3) + product? no. Present weight ÷ total weight.
    const total = r.items.reduce((s, i) => s + i.weight, 0);
    const present = r.items.filter((i) => i.present).reduce((s, i) => s + i.weight, 0);
    expect(r.score).toBe(Math.round((100 * present) / total));
  });

  it('asks a how-to for the goal and the product area only', () => {
    const r = scoreCompleteness({
      subject: 'Question',
      description: 'How do I export a report from the billing dashboard?',
    });
    expect(r.issueType).toBe('how_to');
    expect(r.items.filter((i) => i.required).map((i) => i.id)).toEqual(['goal', 'product']);
    expect(r.complete).toBe(true);
  });

  it('asks an install case for the step that failed', () => {
    const r = scoreCompleteness({
      subject: 'Installation fails',
      description: 'I cannot install the agent.',
    });
    expect(r.issueType).toBe('install_config');
    expect(r.missing).toEqual(expect.arrayContaining(['version', 'environment']));
    // The install rubric asks its own question for the steps (used in the draft whenever they are missing).
    expect(r.items.find((i) => i.id === 'steps')?.question).toBe(
      'Which step of the installation or setup failed, and what did you do just before it?',
    );
  });

  it('reads structured fields before the text, and attachments', () => {
    const r = scoreCompleteness({
      subject: 'Sync broken',
      description: 'Sync fails.',
      customFields: { 'App Version': '7.1', Environment: 'Android 14' },
      attachments: [{ name: 'log.txt' }],
      issueType: 'bug',
    });
    expect(r.issueTypeSource).toBe('field');
    expect(r.items.find((i) => i.id === 'attachment')?.evidence).toEqual({
      source: 'attachment',
      snippet: 'log.txt (attached)',
    });
    expect(r.items.find((i) => i.id === 'environment')?.evidence).toEqual({
      source: 'field',
      snippet: 'Environment: Android 14',
    });
    // Field names match however they are spelled: "App Version" is the rubric's app_version.
    expect(r.items.find((i) => i.id === 'version')?.evidence).toEqual({
      source: 'field',
      snippet: 'App Version: 7.1',
    });
    // Version and environment come from the fields, so they are never asked for.
    expect(r.missing).not.toContain('version');
    expect(r.missing).not.toContain('environment');
  });

  it('answers a German ticket in German', () => {
    const r = scoreCompleteness({
      subject: 'Drucker druckt nicht',
      description: 'Sehr geehrte Damen und Herren, unser Drucker funktioniert nicht. Bitte helfen Sie uns.',
    });
    expect(r.language).toBe('de');
    expect(r.requestDraft).toMatch(/^Guten Tag,/);
    expect(r.items.find((i) => i.id === 'version')?.question).toContain('Welche Version');
  });

  it('applies a per-product override of the rubric', () => {
    const rubric = RubricSchema.parse({
      ...DEFAULT_RUBRIC,
      overrides: [
        { when: { product: 'Mobile app' }, issueTypes: { bug: { version: { required: true, weight: 1 } } } },
      ],
    });
    const r = scoreCompleteness(
      { subject: 'Mobile app crashes', description: 'The Mobile app crashes at login.', issueType: 'bug' },
      rubric,
    );
    expect(r.items.filter((i) => i.counted).map((i) => i.id)).toEqual(['version']);
    expect(r.missing).toEqual(['version']);
    // The items the override does not count are still detected and shown, with no weight.
    expect(r.items).toHaveLength(10);
    expect(r.items.find((i) => i.id === 'error')).toMatchObject({
      counted: false,
      weight: 0,
      required: false,
    });
    const other = scoreCompleteness(
      { subject: 'Web app crashes', description: 'It crashes.', issueType: 'bug' },
      rubric,
    );
    expect(other.items.filter((i) => i.counted).length).toBeGreaterThan(1);
  });

  it('copes with empty, very short and very long tickets', () => {
    expect(scoreCompleteness({}).issueType).toBe('other');
    expect(scoreCompleteness({ subject: '?' }).score).toBeGreaterThanOrEqual(0);
    // The model reads the first MAX_FEATURE_CHARS (20,000) characters: a first message's facts are at its start.
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(600)}The sync fails with error 0x80070005 on Windows 10.`;
    const r = scoreCompleteness({ subject: 'Sync', description: long, issueType: 'bug' });
    expect(r.items.find((i) => i.id === 'error')?.evidence?.snippet).toContain('0x80070005');
    expect(r.items.find((i) => i.id === 'error')?.evidence?.snippet.length).toBeLessThanOrEqual(160);
  });

  it('reads stack traces and log excerpts as the error', () => {
    const trace = 'Upload broke:\nTraceback (most recent call last):\n  File "x.py", line 3\nValueError: bad';
    expect(scoreCompleteness({ description: trace }).items.find((i) => i.id === 'error')?.present).toBe(true);
  });
});

describe('presence is a fact of the text, the type only weighs it', () => {
  const CRASH = {
    subject: 'Export problem',
    description:
      'Since the update to 4.2.1 the desktop app on Windows 11 crashes when I click Export > CSV. Error: "Unhandled exception 0xC0000005"',
  };

  it('reads a bug report filed as a Question as a bug, says so in one line, and keeps its error and steps', () => {
    const r = scoreCompleteness({ ...CRASH, ticketType: 'question' });
    expect(r.issueType).toBe('bug');
    expect(r.issueTypeSource).toBe('text');
    expect(r.issueTypeNote).toBe('Ticket type says Question; the message reads like a bug report.');
    for (const id of ['version', 'environment', 'error', 'steps'] as const)
      expect(r.items.find((i) => i.id === id)?.present, id).toBe(true);
    expect(r.missing).not.toContain('steps');
  });

  it('lets the ticket type decide only where the text is unsure, and an agent-recorded type always', () => {
    expect(scoreCompleteness({ ...CRASH, ticketType: 'problem' }).issueTypeNote).toBeNull();
    const recorded = scoreCompleteness({ ...CRASH, ticketType: 'question', issueType: 'install_config' });
    expect(recorded).toMatchObject({
      issueType: 'install_config',
      issueTypeSource: 'field',
      issueTypeNote: null,
    });
  });

  it('shows an item the rubric does not ask for when the text has it', () => {
    const r = scoreCompleteness({
      subject: 'How do I export invoices?',
      description:
        'How can I export all invoices of last month to CSV in the billing module? We are on version 7.2.',
      issueType: 'how_to',
    });
    expect(r.items.find((i) => i.id === 'version')).toMatchObject({
      present: true,
      counted: true,
      required: false,
    });
    expect(r.items.find((i) => i.id === 'goal')?.present).toBe(true);
  });

  it('takes the team’s product names from its ticket fields’ options', () => {
    const names = productVocabulary(
      { Module: ['Payroll', 'time_tracking', '7'], Priority: ['Urgent'] },
      DEFAULT_RUBRIC,
    );
    expect(names).toEqual(['Payroll', 'time tracking']);
    const rubric = withProducts(DEFAULT_RUBRIC, names);
    const r = scoreCompleteness(
      { subject: 'Hours', description: 'my hours vanish in time tracking after saving' },
      rubric,
    );
    expect(r.items.find((i) => i.id === 'product')?.evidence?.snippet).toContain('time tracking');
    expect(withProducts(rubric, ['payroll'])).toBe(rubric);
  });

  it('counts the team’s own product names and the case’s brand as the product', () => {
    const rubric = RubricSchema.parse({ ...DEFAULT_RUBRIC, products: ['Ledgerly'] });
    const r = scoreCompleteness(
      { subject: 'Question', description: 'where do I find ledgerly settings?' },
      rubric,
    );
    expect(r.items.find((i) => i.id === 'product')?.evidence?.snippet).toContain('ledgerly');
    const byBrand = scoreCompleteness({
      subject: 'Help',
      description: 'Nothing in Acmepay works.',
      brand: 'Acmepay',
    });
    expect(byBrand.items.find((i) => i.id === 'product')?.present).toBe(true);
  });
});

describe('version detection', () => {
  const version = (text: string) =>
    scoreCompleteness({ description: text, issueType: 'bug' }).items.find((i) => i.id === 'version')?.present;
  it.each([
    ['We run 4.2.1', true],
    ['version 7', true],
    ['on iOS 17.2', true],
    ['Windows 11 laptop', true],
    ['build 20261104 fails', true],
    ['It costs $12.50 a month', false],
    ['on 12.03.2024 it stopped', false],
    ['server 192.168.1.20 is down', false],
    ['the disk is 2.5 GB', false],
    ['the latest version', false],
  ])('%s → %s', (text, expected) => {
    expect(version(text)).toBe(expected);
  });
});
