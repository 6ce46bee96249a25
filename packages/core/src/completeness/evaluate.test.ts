import { describe, expect, it } from 'vitest';
import { detectItems } from './detect-items.js';
import { evaluateScorer, type JudgedCase, type LabelledTicket, measureScorer } from './evaluate.js';
import messy from './fixtures/labelled-messy-tickets.json' with { type: 'json' };
import labelled from './fixtures/labelled-tickets.json' with { type: 'json' };
import { ITEM_IDS } from './rubric-schema.js';

describe('the labelled fixtures', () => {
  it('hold hand-labelled real tickets with every item judged, and raw bodies cleaned before scoring', () => {
    const tickets = [...labelled, ...messy] as LabelledTicket[];
    expect(tickets.length).toBeGreaterThanOrEqual(130);
    for (const t of tickets) {
      expect(Object.keys(t.labels.items).sort()).toEqual([...ITEM_IDS].sort());
      expect(['how_to', 'bug', 'install_config', 'other']).toContain(t.labels.issueType);
    }
    expect((messy as LabelledTicket[]).every((t) => typeof t.body === 'string')).toBe(true);
    expect(evaluateScorer(messy as LabelledTicket[]).cases).toBe(messy.length);
  });
});

describe('measureScorer', () => {
  const crash: JudgedCase = {
    id: 'a',
    subject: 'Export crashes',
    description: 'Since 4.2.1 on Windows 11 the export crashes with error E4021 when I click Export.',
    issueType: 'bug',
    items: new Set(['version', 'environment', 'error', 'steps', 'attachment']),
    ignore: new Set(['product']),
    mustBe: 'incomplete',
  };
  const q = measureScorer([crash]);
  const found = detectItems(crash);

  it('counts every item on every case, leaving out the ignored ones', () => {
    for (const i of q.items) {
      const f = found[i.id] !== null;
      const t = crash.items.has(i.id);
      if (i.id === 'product') expect(i.truePositives + i.falsePositives + i.falseNegatives).toBe(0);
      else
        expect([i.truePositives, i.falsePositives, i.falseNegatives]).toEqual([
          f && t ? 1 : 0,
          f && !t ? 1 : 0,
          !f && t ? 1 : 0,
        ]);
    }
    const tp = q.items.reduce((a, i) => a + i.truePositives, 0);
    const fp = q.items.reduce((a, i) => a + i.falsePositives, 0);
    const fn = q.items.reduce((a, i) => a + i.falseNegatives, 0);
    expect(q.micro.f1).toBeCloseTo((2 * tp) / (2 * tp + fp + fn));
  });

  it('checks the sure verdict and the share complete by the labels (attachment is optional: no expected vs actual, incomplete)', () => {
    expect(q.verdicts.judged).toBe(1);
    expect(q.completeShare.labelled).toBe(0);
    expect(Object.values(q.confusion).reduce((a, b) => a + b, 0)).toBe(1);
  });
});
