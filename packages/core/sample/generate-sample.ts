/**
 * Builds `zendesk-export.json`, the demo data a newcomer sees with `pnpm start`: Zendesk-shaped tickets
 * (incremental export), ticket_metrics and audits, whose customer messages are real ticket texts from
 * ../../../../shared/data/tickets_datasets (see README.md here). Deterministic: the same seed gives the same file.
 *
 * Run: npx tsx packages/core/sample/generate-sample.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inferIssueType } from '../src/completeness/issue-type.js';
import { csvObjects } from '../src/importers/csv.js';
import { SHARED_DATA } from '../src/test-support/shared-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = `${SHARED_DATA}tickets_datasets`;
const TICKETS = 480;

let seed = 20261123;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const TYPES = ['bug', 'how_to', 'install_config'] as const;
/**
 * The issue type an agent records on a solved ticket: mostly what the ticket is about (its type as read from the
 * text), one time in five another. One draw, as a pick would take.
 */
function recordedType(text: { subject: string; body: string }): string {
  const r = rand();
  const read = inferIssueType({ subject: text.subject, description: text.body }).issueType;
  if (r < 0.8 && read !== 'other') return read;
  return TYPES[Math.floor(((r < 0.8 ? r : r - 0.8) / (r < 0.8 ? 0.8 : 0.2)) * 3)] ?? 'bug';
}
const weighted = <T>(xs: readonly [T, number][]): T => {
  let r = rand() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [x, w] of xs) {
    r -= w;
    if (r <= 0) return x;
  }
  return xs[0]?.[0] as T;
};

// Real customer texts: the multilingual set (EN/DE e-mails) and the Kaggle set (product placeholder filled in).
const texts: { subject: string; body: string }[] = [];
for (const { record } of csvObjects(
  readFileSync(
    join(data, 'multilang_tickets_tobi_bueck/aa_dataset-tickets-multi-lang-5-2-50-version.csv'),
    'utf8',
  ),
)) {
  if (record.body?.trim())
    texts.push({
      subject: record.subject || record.body.slice(0, 60),
      body: record.body.replaceAll('\\n', '\n'),
    });
}
let k = 0;
for (const { record } of csvObjects(
  readFileSync(join(data, 'kaggle_customer_support_tickets/customer_support_tickets.csv'), 'utf8'),
)) {
  if (k++ % 25 !== 0) continue;
  const product = record['Product Purchased'] ?? 'product';
  texts.push({
    subject: `${record['Ticket Subject']} (${product})`,
    body: (record['Ticket Description'] ?? '').replaceAll('{product_purchased}', product),
  });
}

const FIELDS = [
  { id: 360001, title: 'Product', key: 'product' },
  { id: 360002, title: 'Version', key: 'version' },
  { id: 360003, title: 'Contact reason', key: 'contact_reason' },
  { id: 360004, title: 'Solution', key: 'solution' },
  { id: 360005, title: 'New vs known', key: 'new_vs_known' },
  { id: 360006, title: 'Knowledge action', key: 'knowledge_action' },
  { id: 360007, title: 'Issue type', key: 'issue_type' },
];
const GROUPS = [
  [20001, 'Tier1'],
  [20002, 'Tier2'],
  [20003, 'Engineering'],
] as const;
const start = Date.parse('2026-09-01T00:00:00Z');
const span = Date.parse('2026-11-20T00:00:00Z') - start;
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const tickets: unknown[] = [];
const metrics: unknown[] = [];
const audits: unknown[] = [];
for (let i = 0; i < TICKETS; i++) {
  const id = 1001 + i;
  const text = pick(texts);
  const created = start + rand() * span;
  const channel = weighted([
    ['email', 45],
    ['web', 30],
    ['chat', 12],
    ['voice', 8],
    ['api', 5],
  ] as [string, number][]);
  const solved = rand() < 0.78;
  const status = solved
    ? rand() < 0.5
      ? 'closed'
      : 'solved'
    : weighted([
        ['new', 1],
        ['open', 4],
        ['pending', 2],
        ['hold', 1],
      ] as [string, number][]);
  const stations = weighted([
    [1, 55],
    [2, 32],
    [3, 13],
  ] as [number, number][]);
  const group = GROUPS[Math.min(stations, 3) - 1] ?? GROUPS[0];
  const replies = solved
    ? weighted([
        [1, 48],
        [2, 27],
        [3, 15],
        [4, 7],
        [6, 3],
      ] as [number, number][])
    : Math.floor(rand() * 2);
  const reopens = solved && rand() < 0.12 ? 1 : 0;
  const hours =
    Math.exp(Math.log(10) + 1.1 * (rand() + rand() + rand() - 1.5) * 1.6) * (stations > 1 ? 2.2 : 1);
  const solvedAt = created + hours * 3_600_000;
  const record = solved && rand() < 0.45;
  const knowledge = solved
    ? weighted([
        ['linked', 30],
        ['created', 8],
        ['updated', 5],
        ['none', 57],
      ] as [string, number][])
    : 'none';
  const custom = [
    {
      id: 360001,
      value:
        rand() < 0.5 ? pick(['Billing', 'Reporting', 'Integrations', 'Mobile app', 'Admin console']) : null,
    },
    { id: 360002, value: rand() < 0.25 ? pick(['4.2.1', '4.3.0', '5.0.2']) : null },
    {
      id: 360003,
      value: solved && (record || rand() < 0.3) ? pick(['defect', 'question', 'setup', 'account']) : null,
    },
    {
      id: 360004,
      value:
        solved && (record || rand() < 0.5)
          ? pick(['Config change', 'Hotfix applied', 'Explained feature', 'Workaround given'])
          : null,
    },
    { id: 360005, value: solved && (record || rand() < 0.3) ? pick(['new', 'known', 'known']) : null },
    // A complete record always carries a knowledge action; otherwise the agent's own choice, 'none' left empty.
    {
      id: 360006,
      value: record && knowledge === 'none' ? 'linked' : knowledge === 'none' ? null : knowledge,
    },
    {
      id: 360007,
      value: solved && (record || rand() < 0.3) ? recordedType(text) : null,
    },
  ];
  tickets.push({
    url: `https://example.zendesk.com/api/v2/tickets/${id}.json`,
    id,
    external_id: null,
    via: { channel, source: { from: {}, to: {}, rel: null } },
    created_at: iso(created),
    updated_at: iso(solved ? solvedAt : created + 3_600_000),
    type: weighted([
      [null, 5],
      ['question', 2],
      ['problem', 1],
      ['incident', 2],
    ] as [string | null, number][]),
    subject: text.subject,
    raw_subject: text.subject,
    description: text.body,
    priority: weighted([
      ['low', 2],
      ['normal', 5],
      ['high', 2],
      ['urgent', 1],
    ] as [string, number][]),
    status,
    requester_id: 500000 + Math.floor(rand() * 150),
    submitter_id: null,
    assignee_id: 900000 + Math.floor(rand() * 12),
    organization_id: 700000 + Math.floor(rand() * 40),
    group_id: group[0],
    collaborator_ids: [],
    follower_ids: rand() < 0.35 ? [900000 + Math.floor(rand() * 12)] : [],
    email_cc_ids: [],
    tags: [channel, group[1].toLowerCase()],
    custom_fields: custom,
    fields: custom,
    satisfaction_rating: solved
      ? {
          score: weighted([
            ['good', 56],
            ['bad', 8],
            ['offered', 26],
            ['unoffered', 10],
          ] as [string, number][]),
        }
      : null,
    ticket_form_id: 360000001,
    brand_id: 360000002,
    generated_timestamp: Math.floor((solved ? solvedAt : created) / 1000),
  });
  metrics.push({
    id: 8_000_000 + i,
    ticket_id: id,
    created_at: iso(created),
    updated_at: iso(solved ? solvedAt : created),
    group_stations: stations,
    assignee_stations: stations,
    reopens,
    replies,
    solved_at: solved ? iso(solvedAt) : null,
    full_resolution_time_in_minutes: solved
      ? { calendar: Math.round(hours * 60), business: Math.round(hours * 25) }
      : { calendar: null, business: null },
  });
  if (i % 4 === 0) {
    const events = [
      {
        id: id * 10,
        type: 'Comment',
        author_id: 500000,
        body: text.body,
        html_body: `<p>${text.body.replaceAll('\n', '<br>')}</p>`,
        public: true,
        attachments:
          rand() < 0.2 ? [{ file_name: 'screenshot.png', content_type: 'image/png', size: 48213 }] : [],
      },
    ];
    audits.push({ id: id * 10, ticket_id: id, created_at: iso(created), author_id: 500000, events });
    if (knowledge === 'linked')
      audits.push({
        id: id * 10 + 1,
        ticket_id: id,
        created_at: iso(created + 3_600_000),
        author_id: 900001,
        events: [
          {
            id: id * 10 + 1,
            type: 'Comment',
            author_id: 900001,
            body: `This article explains it: https://example.zendesk.com/hc/en-us/articles/${360_000_000 + (i % 30)}`,
            public: true,
            attachments: [],
          },
        ],
      });
  }
}

// Sideloads, as `include=users,organizations` adds them: the 12 agents (assignees) and the 40 customers with their
// annual recurring revenue. Made without rand() so that the tickets above stay what they were.
const AGENTS = [
  'Ana Alves',
  'Ben Okafor',
  'Chen Wei',
  'Dana Diaz',
  'Emil Novak',
  'Farah Haddad',
  'Gus Lind',
  'Hana Sato',
  'Ivo Petrov',
  'Jules Martin',
  'Kira Jensen',
  'Luis Ortega',
];
const users = AGENTS.map((name, k) => ({
  id: 900000 + k,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
  role: 'agent',
}));
// Customer-success data, as teams keep it on Zendesk organisations (tags and fields; see customerMapping in the
// README): when each became a customer, onboarding, adoption and success milestones, renewal commitment, churn and
// last year's ARR. Every eighth customer is new (created during the sample's span). Also without rand().
const DAY = 86_400_000;
const organizations = Array.from({ length: 40 }, (_, k) => {
  const arr = k % 5 === 4 ? null : ([240_000, 60_000, 18_000, 9_000][k % 4] as number);
  const isNew = k % 8 === 3;
  const churned = k === 22 || k === 37;
  const tags = [
    ...(isNew ? (k % 16 === 3 ? ['onboarded'] : []) : ['onboarded']),
    ...(k % 3 !== 0 && !isNew ? ['adoption_milestone'] : []),
    ...(k % 4 <= 1 && !isNew ? ['success_milestone'] : []),
    ...(k % 3 === 1 && !churned ? ['renewal_committed'] : []),
    ...(churned ? ['churned'] : []),
  ];
  // Last year's ARR: growing, flat or shrinking accounts; none for new customers.
  const previous = arr === null || isNew ? null : Math.round(arr * ([0.9, 1, 1.25, 1][k % 4] ?? 1));
  return {
    id: 700000 + k,
    name: `Customer ${String.fromCharCode(65 + (k % 26))}${k >= 26 ? k - 25 : ''}`,
    created_at: iso(isNew ? start + ((k * 7) % 60) * DAY : start - (120 + k * 23) * DAY),
    tags,
    // Tiers as B2B books look: a few large accounts, many small ones; every fifth unknown (not measured).
    organization_fields: { annual_recurring_revenue: arr, previous_annual_recurring_revenue: previous },
  };
});

// Tickets that report an outage get the tag `outage`, as a Zendesk trigger on those words would add it.
const OUTAGE = /\b(outage|downtime|service disruption|unavailable|went down)\b/i;
for (const t of tickets as { subject: string; description: string; tags: string[] }[])
  if (OUTAGE.test(`${t.subject} ${t.description}`) && !t.tags.includes('outage')) t.tags.push('outage');

writeFileSync(
  join(here, 'zendesk-export.json'),
  `${JSON.stringify({ tickets, ticket_metrics: metrics, ticket_audits: audits, ticket_fields: FIELDS, users, organizations }, null, 1)}\n`,
);
console.log(
  `wrote ${tickets.length} tickets, ${metrics.length} metrics, ${audits.length} audits from ${texts.length} real texts`,
);
