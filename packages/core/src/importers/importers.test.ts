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

  it('names assignees and organisations from the sideloads (include=users,organizations), revenue from its field', () => {
    const ticket = { ...(cursor.tickets[0] as object), assignee_id: 7, organization_id: 8 };
    const users = [{ id: 7, name: 'Ana Alves', email: 'ana@example.com', role: 'agent' }];
    const org = { id: 8, name: 'Globex', organization_fields: { annual_recurring_revenue: 120000 } };
    const [named] = importZendeskExport({ tickets: [ticket], users, organizations: [org] });
    expect(named?.ok && named.case.assignee).toEqual({
      id: '7',
      name: 'Ana Alves',
      email: 'ana@example.com',
    });
    expect(named?.ok && named.case.organization).toEqual({
      id: '8',
      name: 'Globex',
      recurringRevenue: 120000,
    });
    // Without sideloads, the ids stay and the rest is unknown (revenue not measured, never 0).
    const [bare] = importZendeskExport({ tickets: [ticket] });
    expect(bare?.ok && bare.case.organization).toEqual({ id: '8', name: null, recurringRevenue: null });
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

describe('Zendesk export details', () => {
  const ticket = (over: Record<string, unknown>) => ({
    id: 1,
    created_at: '2026-10-01T09:00:00Z',
    updated_at: '2026-10-01T09:00:00Z',
    status: 'open',
    subject: 'Export',
    description: 'plain',
    ...over,
  });
  const only = (data: unknown) => {
    const { ok, bad } = split(importZendeskExport(data));
    expect(bad).toEqual([]);
    return ok[0]?.case;
  };

  it('cleans an HTML description: tags, entities, quoted reply and signature out', () => {
    const html =
      '<div><p>Export fails with E42&nbsp;on Windows&nbsp;11.</p><p>Best regards,<br>Anna</p></div><blockquote>On Mon… wrote: older</blockquote>';
    expect(only({ tickets: [ticket({ description: html })] })?.description).toBe(
      'Export fails with E42 on Windows 11.',
    );
  });

  it('keeps the ticket type as a prior, never as the recorded issue type', () => {
    for (const type of ['question', 'problem', 'incident', 'task'] as const) {
      const c = only({ tickets: [ticket({ type })] });
      expect(c?.ticketType).toBe(type);
      expect(c?.issueType).toBeNull();
    }
  });

  it('takes the first message from the creation audit and knowledge links from later comments', () => {
    const audits = [
      {
        id: 11,
        ticket_id: 1,
        created_at: '2026-10-01T09:00:00Z',
        events: [
          {
            type: 'Comment',
            body: 'Customer: sync fails',
            public: true,
            attachments: [{ file_name: 'log.txt' }],
          },
          { type: 'Create', field_name: 'status', value: 'new' },
        ],
      },
      {
        id: 12,
        ticket_id: 1,
        created_at: '2026-10-01T10:00:00Z',
        events: [
          {
            type: 'Comment',
            body: 'See https://acme.zendesk.com/hc/en-us/articles/360123-Sync',
            public: true,
          },
        ],
      },
    ];
    const c = only({ tickets: [ticket({})], ticket_audits: audits });
    expect(c?.description).toBe('Customer: sync fails');
    expect(c?.attachments.map((a) => a.name)).toEqual(['log.txt']);
    expect(c?.knowledgeLinks).toEqual([{ article: '360123', action: 'linked' }]);
    // Without the creation audit, an agent's comment must not pass for the customer's message.
    expect(only({ tickets: [ticket({})], ticket_audits: [audits[1]] })?.description).toBe('plain');
  });

  it('keeps the latest version of a ticket the incremental export repeats', () => {
    const { ok } = split(
      importZendeskExport({
        tickets: [
          ticket({ status: 'open' }),
          ticket({ status: 'solved', updated_at: '2026-10-02T09:00:00Z' }),
        ],
      }),
    );
    expect(ok.map((i) => i.case.status)).toEqual(['solved']);
  });

  it('reports a malformed metric instead of dropping it silently', () => {
    const { bad } = split(
      importZendeskExport({ tickets: [ticket({})], ticket_metrics: [{ ticket_id: 1, replies: -1 }] }),
    );
    expect(bad).toEqual([
      { ok: false, row: 1, reason: 'ticket_metrics[0]: replies: Too small: expected number to be >=0' },
    ]);
  });

  it('reports a ticket that parses but makes no valid case (e.g. a negative resolution time)', () => {
    const { ok, bad } = split(
      importZendeskExport({
        tickets: [ticket({ status: 'solved' })],
        ticket_metrics: [
          {
            ticket_id: 1,
            solved_at: '2026-10-02T09:00:00Z',
            full_resolution_time_in_minutes: { calendar: -5 },
          },
        ],
      }),
    );
    expect(ok).toEqual([]);
    expect(bad[0]?.reason).toMatch(/resolutionHours/);
  });
});

describe('CSV importers: the fields metrics rely on', () => {
  it('Kaggle: satisfaction 4–5 good, 1–3 bad; Resolution kept as a field', () => {
    const header =
      'Ticket ID,Customer Name,Customer Email,Customer Age,Customer Gender,Product Purchased,Date of Purchase,Ticket Type,Ticket Subject,Ticket Description,Ticket Status,Resolution,Ticket Priority,Ticket Channel,First Response Time,Time to Resolution,Customer Satisfaction Rating';
    const row = (id: number, rating: string) =>
      `${id},A,a@example.com,30,Other,Dell XPS,2021-01-01,Technical issue,Crash,It crashes,Closed,Rebooted,High,Email,2023-06-01 10:00:00,2023-06-01 12:00:00,${rating}`;
    const { ok } = split(
      importCases([header, row(1, '3.0'), row(2, '4.0'), row(3, '')].join('\n'), 'kaggle-csv'),
    );
    expect(ok.map((i) => i.case.satisfaction)).toEqual(['bad', 'good', null]);
    expect(ok[0]?.case).toMatchObject({
      solvedAt: '2023-06-01T12:00:00Z',
      channel: 'email',
      priority: 'high',
      customFields: { resolution: 'Rebooted' },
    });
  });

  it('ServiceNow: reopen_count and reassignment_count become reopens and group stations', () => {
    const text =
      'number,incident_state,opened_at,resolved_at,reopen_count,reassignment_count\nINC1,Resolved,01-02-2016 10:00,01-02-2016 12:00,2,1\n';
    expect(split(importCases(text, 'servicenow-csv')).ok[0]?.case).toMatchObject({
      reopens: 2,
      groupStations: 2,
      status: 'solved',
    });
  });

  it('Helpdesk log: a second resolution is a reopen', () => {
    const text = [
      'concept:name,time:timestamp,case:concept:name',
      'Assign seriousness,2010-01-13 08:40:25+00:00,Case1',
      'Resolve ticket,2010-01-13 09:00:00+00:00,Case1',
      'Take in charge ticket,2010-01-14 09:00:00+00:00,Case1',
      'Resolve ticket,2010-01-15 09:00:00+00:00,Case1',
      'Closed,2010-01-20 09:00:00+00:00,Case1',
    ].join('\n');
    expect(split(importCases(text, 'helpdesk-log-csv')).ok[0]?.case).toMatchObject({
      reopens: 1,
      status: 'closed',
      solvedAt: '2010-01-15T09:00:00Z',
    });
  });
});
