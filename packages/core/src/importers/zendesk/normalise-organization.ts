import type { FieldValue } from '../../case/case-schema.js';
import { type Customer, CustomerSchema } from '../../success/customer-schema.js';
import { type ZendeskOrganization, ZendeskOrganizationSchema } from './ticket-schema.js';
import { ZendeskExportSchema } from './zendesk-export.js';

/** A customer as stored, with the time Zendesk last changed it (an older snapshot must not overwrite a newer one). */
export type ZendeskCustomer = Customer & { sourceUpdatedAt: string | null };

/**
 * A Zendesk organisation field value as a case field value: text, numbers and booleans as they are, multi-select
 * lists as strings, anything else as its JSON.
 *
 * @example zendeskFieldValue(['gold', 'emea']) // ['gold', 'emea']
 */
export function zendeskFieldValue(v: unknown): FieldValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(String);
  return JSON.stringify(v);
}

/**
 * A Zendesk organisation as a customer: name, tags, organisation fields (as the helpdesk holds them) and created_at.
 *
 * @example normaliseZendeskOrganization({ id: 700000, name: 'Acme', tags: ['onboarded'], organization_fields: {} })
 */
export function normaliseZendeskOrganization(org: ZendeskOrganization): ZendeskCustomer {
  const fields: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(org.organization_fields ?? {})) fields[k] = zendeskFieldValue(v);
  return {
    ...CustomerSchema.parse({
      id: org.id,
      name: org.name,
      tags: org.tags ?? [],
      fields,
      createdAt: org.created_at,
    }),
    sourceUpdatedAt: org.updated_at ?? null,
  };
}

/**
 * The organisations of a Zendesk export (its `organizations` sideload); malformed ones are skipped.
 *
 * @example const customers = zendeskExportCustomers(JSON.parse(text));
 */
export function zendeskExportCustomers(data: unknown): ZendeskCustomer[] {
  const parsed = ZendeskExportSchema.safeParse(data);
  if (!parsed.success) return [];
  const out: ZendeskCustomer[] = [];
  for (const o of parsed.data.organizations) {
    const r = ZendeskOrganizationSchema.safeParse(o);
    if (r.success && !r.data.deleted_at) out.push(normaliseZendeskOrganization(r.data));
  }
  return out;
}
