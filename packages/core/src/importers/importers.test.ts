import { describe, expect, it } from 'vitest';
import { sharedJson, sharedText } from '../test-support/shared-data.js';
import { importCases } from './import-cases.js';
import { ImportError, type ImportItem } from './import-result.js';
import { importZendeskExport } from './zendesk/zendesk-export.js';

const split = (items: Iterable<ImportItem>) => {
  const ok: Extract<ImportItem, { ok: true }>[] = [];
  const bad: Extract<ImportItem, { ok: false }>[] = [];
  for (const i of items) {
    if (i.ok) ok.push(i);
    else bad.push(i);
  }
  return { ok, bad };
};

describe('Zendesk export importer on real API payloads', () => {
  const cursor = sharedJson<{ tickets: unknown[] }>('zendesk_api/zenpy_GET_incremental_tickets_cursor.json');
  const audits = sharedJson<{ audits: unknown[] }>('zendesk_api/zenpy_GET_ticket_audits_page.json');
  const metric = sharedJson<Record<string, unknown>>(
    'zendesk_docs_examples/ticket_metric_object_example.json',
  );

  it('reads every ticket of a recorded incremental cursor export', () => {
    const { ok, bad } = split(importZendeskExport({ tickets: cursor.tickets, ticket_audits: audits.audits }));
    expect(ok.length + bad.length).toBe(cursor.tickets.length);
    expect(bad.filter((b) => b.reason !== 'ticket is deleted')).toEqual([]);
    const first = ok.find((i) => i.case.id === '1')?.case;
    expect(first?.description).toContain('having a problem setting up your new product');
    expect(first?.channel).toBe('other'); // via sample_ticket
  });

  it('joins ticket_metrics: replies, reopens, group stations, solved_at, resolution time', () => {
    const ticket = { ...(cursor.tickets[0] as object), id: metric.ticket_id, status: 'solved' };
    const [item] = importZendeskExport({ tickets: [ticket], ticket_metrics: [metric] });
    expect(item?.ok && item.case).toMatchObject({
      publicAgentReplies: 322,
      reopens: 55,
      groupStations: 7,
      solvedAt: '2011-05-09T10:38:52Z',
      resolutionHours: 2391 / 60,
    });
  });

  it('reports a bad ticket with its position and goes on', () => {
    const { ok, bad } = split(importZendeskExport({ tickets: [{ id: 1 }, cursor.tickets[0]] }));
    expect(ok).toHaveLength(1);
    expect(bad[0]?.row).toBe(1);
    expect(bad[0]?.reason).toMatch(/created_at/);
  });

  it('rejects something that is not an export at all', () => {
    expect(() => [...importZendeskExport({ nope: true })]).toThrow(ImportError);
    expect(() => [...importCases('{oops', 'zendesk-json')]).toThrow(/malformed JSON/);
  });
});

describe('CSV importers on the real datasets', () => {
  it('Kaggle: reads 8,469 rows, skips those it cannot date with a reason', () => {
    const { ok, bad } = split(
      importCases(
        sharedText('tickets_datasets/kaggle_customer_support_tickets/customer_support_tickets.csv'),
        'kaggle-csv',
      ),
    );
    expect(ok.length + bad.length).toBe(8469);
    // 2,819 open rows have no timestamp; 1,365 resolve before their first response (see PROVENANCE.txt).
    expect(bad.filter((b) => b.reason.startsWith('no timestamp'))).toHaveLength(2819);
    expect(bad.filter((b) => b.reason.startsWith('Time to Resolution is before'))).toHaveLength(1365);
    const c = ok[0]?.case;
    expect(c?.description).not.toContain('{product_purchased}');
    expect(c?.customFields.product).toBeTruthy();
  });

  it('ServiceNow: folds the event log into one case per incident', () => {
    const { ok, bad } = split(
      importCases(
        sharedText('tickets_datasets/servicenow_incident_event_log/incident_event_log.csv'),
        'servicenow-csv',
      ),
    );
    expect(bad).toEqual([]);
    expect(ok).toHaveLength(890);
    const inc = ok.find((i) => i.case.id === 'INC0000045')?.case;
    expect(inc).toMatchObject({
      createdAt: '2016-02-29T01:16:00Z',
      channel: 'phone',
      priority: 'normal',
      groupStations: 1,
    });
  });

  it('Helpdesk event log: one case per case id, solved at the last resolution', () => {
    const { ok, bad } = split(
      importCases(sharedText('tickets_datasets/helpdesk_event_log/helpdesk.csv'), 'helpdesk-log-csv'),
    );
    expect(bad).toEqual([]);
    expect(ok).toHaveLength(4580);
    expect(ok.every((i) => i.case.solvedAt === null || i.case.solvedAt >= i.case.createdAt)).toBe(true);
  });

  it('reports a malformed row with its number and keeps going', () => {
    const text =
      'number,incident_state,opened_at,resolved_at\nINC1,Closed,01-02-2016 10:00,01-02-2016 12:00\nINC2,Closed,yesterday,?\nINC3,New,02-02-2016 10:00,?\n';
    const { ok, bad } = split(importCases(text, 'servicenow-csv'));
    expect(ok.map((i) => i.case.id)).toEqual(['INC1', 'INC3']);
    expect(bad).toEqual([
      { ok: false, row: 2, reason: 'INC2: a timestamp is not in the form DD-MM-YYYY HH:MM' },
    ]);
  });
});

describe('cases-json importer', () => {
  it('reads arrays and NDJSON and reports invalid cases with the zod path', () => {
    const { ok, bad } = split(
      importCases('{"id":"1","createdAt":"2026-10-01T00:00:00Z"}\n{"id":"2"}\nnot json', 'cases-json'),
    );
    expect(ok).toHaveLength(1);
    expect(bad.map((b) => b.reason)).toEqual([
      'createdAt: Invalid input: expected string, received undefined',
      'line 3 is not JSON',
    ]);
  });
});
