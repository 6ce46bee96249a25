import { CaseSchema, type Channel } from '../case/case-schema.js';
import { csvObjects } from './csv.js';
import { describeIssues, type ImportItem } from './import-result.js';

const CHANNELS: Record<string, Channel> = {
  Email: 'email',
  Phone: 'phone',
  Chat: 'chat',
  'Social media': 'social',
};
const PRIORITIES = { Low: 'low', Medium: 'normal', High: 'high', Critical: 'urgent' } as const;
const STATUSES = { Open: 'open', 'Pending Customer Response': 'pending', Closed: 'closed' } as const;
const TYPES: Record<string, 'how_to' | 'other'> = {
  'Product inquiry': 'how_to',
  'Billing inquiry': 'other',
  'Refund request': 'other',
  'Cancellation request': 'other',
};

/** "2023-06-01 12:15:36" (no zone; taken as UTC) → ISO, or null when blank. */
function timestamp(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(v);
  return m ? `${m[1]}T${m[2]}Z` : 'invalid';
}

/**
 * Reads the Kaggle "Customer Support Ticket Dataset" CSV. The dataset has no creation time: the first
 * response time is the earliest timestamp a row holds, so it dates the case; rows without any timestamp,
 * or whose resolution comes before the first response, are skipped with the reason. Satisfaction 4–5 is
 * "good", 1–3 "bad". "Technical issue" leaves the issue type to the text.
 *
 * @example [...importKaggleCsv(text)].filter((i) => !i.ok).length // rows skipped
 */
export function* importKaggleCsv(text: string, tenantId = 'default'): Generator<ImportItem> {
  for (const { row, record: r } of csvObjects(text)) {
    const firstResponse = timestamp(r['First Response Time']);
    const resolved = timestamp(r['Time to Resolution']);
    if (firstResponse === 'invalid' || resolved === 'invalid') {
      yield { ok: false, row, reason: 'a timestamp is not in the form YYYY-MM-DD HH:MM:SS' };
      continue;
    }
    const createdAt = firstResponse ?? null;
    if (createdAt === null) {
      yield { ok: false, row, reason: 'no timestamp to date the case (First Response Time is empty)' };
      continue;
    }
    if (resolved !== null && resolved < createdAt) {
      yield { ok: false, row, reason: 'Time to Resolution is before First Response Time' };
      continue;
    }
    const product = r['Product Purchased']?.trim() ?? '';
    const rating = Number(r['Customer Satisfaction Rating']);
    const status = STATUSES[r['Ticket Status'] as keyof typeof STATUSES];
    const parsed = CaseSchema.safeParse({
      id: r['Ticket ID'],
      tenantId,
      helpdesk: 'kaggle',
      subject: r['Ticket Subject'] ?? '',
      description: (r['Ticket Description'] ?? '').replaceAll('{product_purchased}', product || 'product'),
      channel: CHANNELS[r['Ticket Channel'] ?? ''] ?? null,
      createdAt,
      solvedAt: status === 'closed' ? resolved : null,
      status,
      priority: PRIORITIES[r['Ticket Priority'] as keyof typeof PRIORITIES] ?? null,
      requester: r['Customer Email']
        ? { id: r['Customer Email'], name: r['Customer Name'] || null, email: r['Customer Email'] }
        : null,
      issueType: TYPES[r['Ticket Type'] ?? ''] ?? null,
      customFields: {
        ...(product ? { product } : {}),
        ...(status === 'closed' ? { resolution: r.Resolution?.trim() || null } : {}),
      },
      satisfaction:
        r['Customer Satisfaction Rating'] && Number.isFinite(rating) ? (rating >= 4 ? 'good' : 'bad') : null,
    });
    if (parsed.success) yield { ok: true, row, case: parsed.data };
    else yield { ok: false, row, reason: describeIssues(parsed.error.issues) };
  }
}
