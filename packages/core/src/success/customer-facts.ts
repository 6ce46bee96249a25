import type { CustomerMapping, CustomerSignal } from './customer-mapping-schema.js';
import type { Customer } from './customer-schema.js';

/**
 * Reads one yes/no fact: true, false, or null when the customer's record does not say (a field with no value).
 *
 * @example signalOf({ tag: 'onboarded' }, customer) // true when the organisation carries the tag
 */
export function signalOf(signal: CustomerSignal, c: Pick<Customer, 'tags' | 'fields'>): boolean | null {
  if (signal.tag !== undefined && c.tags.includes(signal.tag)) return true;
  if (signal.field !== undefined) {
    const v = c.fields[signal.field];
    if (v === undefined || v === null || v === '') return signal.tag !== undefined ? false : null;
    if (signal.values) {
      const vs = Array.isArray(v) ? v : [String(v)];
      return vs.some((x) => signal.values?.includes(x));
    }
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (Array.isArray(v)) return v.length > 0;
    return !['false', 'no', '0'].includes(v.toLowerCase());
  }
  return false;
}

/** A number from an organisation field (numbers, or text like "12,500.50"); null when absent or not a number. */
export function numberField(c: Pick<Customer, 'fields'>, key: string): number | null {
  const v = c.fields[key];
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replaceAll(',', '').trim());
    return Number.isFinite(n) && n >= 0 ? n : null;
  }
  return null;
}

/** A day (YYYY-MM-DD) from a date organisation field; null when the field is absent or not a date. */
function dayField(c: Pick<Customer, 'fields'>, key: string | undefined): string | null {
  const v = key ? c.fields[key] : undefined;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/** Everything the success metrics read of one customer, through the tenant's mapping. */
export interface CustomerFacts {
  id: string;
  name: string | null;
  /** Customer since (YYYY-MM-DD): the mapped date field, else the organisation's creation day; null if unknown. */
  since: string | null;
  onboarded: boolean | null;
  adopted: boolean | null;
  hasSuccessPlan: boolean | null;
  successReached: boolean | null;
  renewalCommitted: boolean | null;
  churned: boolean | null;
  /** When the customer churned (YYYY-MM-DD), from the mapped date field; null when unknown. */
  churnedAt: string | null;
  recurringRevenue: number | null;
  previousRecurringRevenue: number | null;
}

/**
 * Applies a tenant's mapping to a customer.
 *
 * @example customerFacts(customer, DEFAULT_CUSTOMER_MAPPING).adopted
 */
export function customerFacts(c: Customer, m: CustomerMapping): CustomerFacts {
  const since =
    dayField(c, m.customerSinceField) ??
    (c.createdAt ? new Date(c.createdAt).toISOString().slice(0, 10) : null);
  return {
    id: c.id,
    name: c.name,
    since,
    onboarded: signalOf(m.onboarded, c),
    adopted: signalOf(m.adopted, c),
    hasSuccessPlan: m.successPlan ? signalOf(m.successPlan, c) : null,
    successReached: signalOf(m.successReached, c),
    renewalCommitted: signalOf(m.renewalCommitted, c),
    churned: signalOf(m.churned, c),
    churnedAt: dayField(c, m.churnedAtField),
    recurringRevenue: numberField(c, m.recurringRevenueField),
    previousRecurringRevenue: numberField(c, m.previousRecurringRevenueField),
  };
}

/**
 * Whether a signal is in use at all. A tag signal is in use when some customer carries the tag; a field signal when
 * some customer has a value in the field. A tag nobody carries is a mapping nobody set up, so its metric is
 * "not measured" rather than 0%.
 */
export function signalInUse(
  facts: readonly CustomerFacts[],
  key: 'onboarded' | 'adopted' | 'hasSuccessPlan' | 'successReached' | 'renewalCommitted' | 'churned',
  signal: CustomerSignal | undefined,
): boolean {
  if (!signal) return false;
  return facts.some((f) => f[key] === true || (signal.tag === undefined && f[key] === false));
}
