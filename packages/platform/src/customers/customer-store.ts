import {
  type ActivityWindow,
  addDays,
  addMonths,
  type Customer,
  type CustomerActivity,
  CustomerSchema,
  emptyActivity,
  type MaturityAnswers,
  type MonthlyDemand,
} from '@support-metrics/core';
import { type BugLinks, NO_BUG_LINKS } from '../store/bug-links-port.js';
import { isUniqueViolation } from '../store/case-store.js';
import { SQL } from '../store/sql.js';
import { CUSTOMER_SQL } from './customer-sql.js';

interface OrganizationRow {
  id: string;
  name: string | null;
  tags: string;
  fields: string;
  created_at: string | null;
}

const customerFromRow = (r: OrganizationRow): Customer =>
  CustomerSchema.parse({
    id: r.id,
    name: r.name,
    tags: JSON.parse(r.tags),
    fields: JSON.parse(r.fields),
    createdAt: r.created_at,
  });

/** An organisation as stored, for applying a change to it: the helpdesk time of its snapshot, and whether it is deleted. */
export interface StoredOrganization {
  customer: Customer;
  sourceUpdatedAt: string | null;
  deleted: boolean;
}

/**
 * One change of an organisation, as a webhook or a backfill makes it: a whole snapshot (the helpdesk's current
 * organisation), a patch of what an event says changed (tags added or removed, one field), or a deletion. Every kind
 * carries the helpdesk time of the change: an older change never overwrites a newer snapshot.
 */
export type OrganizationWrite =
  | { kind: 'snapshot'; customer: Customer & { sourceUpdatedAt: string | null } }
  | {
      kind: 'patch';
      id: string;
      /** The row is created (with only its id) first when it is not stored: for an organisation seen being created. */
      create: boolean;
      name?: string | null;
      createdAt?: string | null;
      /** All tags, or what was added and removed. */
      tags?: string[] | { added: string[]; removed: string[] };
      /** All fields, or the fields that changed (merged into the stored ones; null removes a field). */
      fields?: { all: Customer['fields'] } | { changed: Record<string, unknown> };
      sourceUpdatedAt: string;
    }
  | { kind: 'delete'; id: string; sourceUpdatedAt: string };

/** What became of a write: applied, left out as older than what is stored, or a duplicate of a processed event. */
export type OrganizationWriteOutcome = 'applied' | 'stale' | 'duplicate';

/** Bind values of CUSTOMER_SQL.upsertOrganization. */
function organizationParams(tenantId: string, c: Customer & { sourceUpdatedAt?: string | null }, at: string) {
  return [
    tenantId,
    c.id,
    c.name,
    JSON.stringify(c.tags),
    JSON.stringify(c.fields),
    c.createdAt,
    c.sourceUpdatedAt ?? null,
    at,
  ];
}

/** A stored maturity self-assessment. */
export interface StoredMaturity {
  answers: MaturityAnswers;
  stage: number;
  submittedBy: string;
  submittedAt: string;
}

/** Counts the maturity pre-fill reads from the store (last 90 days). */
export interface StoreEvidence {
  cases: number;
  withPriority: number;
  scored: number;
  complete: number;
  groups: number;
  swarms: number;
  jiraLinked: number;
  impactWritten: number;
}

/** What a plugin adds to the maturity pre-fill from its own tables (Slack: swarms started since a time). */
export type EvidenceSource = (tenantId: string, since: string) => Promise<Partial<StoreEvidence>>;

/** What the plugins tell the customer store of their own tables; nothing wired: no links, no swarms. */
export interface CustomerSources {
  /** The bug tracker's links: open bug impact per customer, fixes released, link counts. */
  bugLinks?: BugLinks;
  /** Further maturity evidence, each plugin's from its tables. */
  evidence?: readonly EvidenceSource[];
}

/**
 * The D1 adapter for customers (organisations) and what is computed per customer: activity, monthly demand, stored
 * forecasts and maturity assessments. Every method takes the tenant and every statement filters on it. It reads only
 * the platform's tables; what lives in a plugin's (bug links, swarms) comes through `sources` (createStores wires them).
 */
export class CustomerStore {
  private readonly bugLinks: BugLinks;
  private readonly evidenceSources: readonly EvidenceSource[];

  constructor(
    private readonly db: D1Database,
    sources: CustomerSources = {},
  ) {
    this.bugLinks = sources.bugLinks ?? NO_BUG_LINKS;
    this.evidenceSources = sources.evidence ?? [];
  }

  /**
   * Stores organisations as the helpdesk sent them; an older snapshot (by `sourceUpdatedAt`) does not overwrite a
   * newer one, and a re-sent one changes nothing, so webhooks and backfill can deliver in any order, twice.
   */
  async upsertCustomers(
    tenantId: string,
    customers: readonly (Customer & { sourceUpdatedAt?: string | null })[],
    at: string,
  ): Promise<void> {
    if (customers.length === 0) return;
    const stmt = this.db.prepare(CUSTOMER_SQL.upsertOrganization);
    await this.db.batch(customers.map((c) => stmt.bind(...organizationParams(tenantId, c, at))));
  }

  async deleteCustomer(tenantId: string, id: string, at: string): Promise<void> {
    await this.db.prepare(CUSTOMER_SQL.deleteOrganization).bind(at, at, tenantId, id).run();
  }

  /**
   * What applying an event to an organisation needs, in one round trip: whether the event was processed already, and
   * the organisation as stored (deleted ones too), or null when it never was.
   */
  async organizationForEvent(
    tenantId: string,
    source: string,
    eventId: string,
    id: string,
  ): Promise<{ processed: boolean; stored: StoredOrganization | null }> {
    const [processed, found] = await this.db.batch<Record<string, unknown>>([
      this.db.prepare(SQL.isProcessed).bind(tenantId, source, eventId),
      this.db.prepare(CUSTOMER_SQL.organizationState).bind(tenantId, id),
    ]);
    const row = found?.results[0] as
      | (OrganizationRow & { source_updated_at: string | null; deleted_at: string | null })
      | undefined;
    return {
      processed: (processed?.results.length ?? 0) > 0,
      stored: row
        ? {
            customer: customerFromRow(row),
            sourceUpdatedAt: row.source_updated_at,
            deleted: row.deleted_at !== null,
          }
        : null,
    };
  }

  /**
   * Applies organisation changes, each guarded by the helpdesk time it carries, in one D1 transaction — with the
   * processed-event mark when `mark` is given, so a redelivered event changes nothing ('duplicate') and a failure
   * changes nothing. The outcome is 'stale' when no change was applied (the store holds newer snapshots).
   */
  async writeOrganizations(
    tenantId: string,
    writes: readonly OrganizationWrite[],
    at: string,
    mark?: { source: string; eventId: string },
  ): Promise<OrganizationWriteOutcome> {
    const statements: D1PreparedStatement[] = [];
    if (mark)
      statements.push(this.db.prepare(SQL.insertProcessed).bind(tenantId, mark.source, mark.eventId, at));
    const counted: number[] = [];
    for (const w of writes) {
      if (w.kind === 'snapshot') {
        const c = w.customer;
        counted.push(statements.length);
        statements.push(
          this.db.prepare(CUSTOMER_SQL.upsertOrganization).bind(...organizationParams(tenantId, c, at)),
        );
      } else if (w.kind === 'delete') {
        counted.push(statements.length);
        statements.push(
          this.db.prepare(CUSTOMER_SQL.tombstoneOrganization).bind(tenantId, w.id, w.sourceUpdatedAt, at),
        );
      } else {
        if (w.create)
          statements.push(this.db.prepare(CUSTOMER_SQL.ensureOrganization).bind(tenantId, w.id, at));
        const tags = w.tags === undefined ? null : Array.isArray(w.tags) ? w.tags : null;
        const delta = w.tags && !Array.isArray(w.tags) ? w.tags : { added: [], removed: [] };
        const fields = w.fields && 'all' in w.fields ? w.fields.all : null;
        const changed = w.fields && 'changed' in w.fields ? w.fields.changed : {};
        counted.push(statements.length);
        statements.push(
          this.db
            .prepare(CUSTOMER_SQL.patchOrganization)
            .bind(
              tenantId,
              w.id,
              w.name ?? null,
              w.createdAt ?? null,
              tags ? JSON.stringify(tags) : null,
              JSON.stringify(delta.added),
              JSON.stringify(delta.removed),
              fields ? JSON.stringify(fields) : null,
              JSON.stringify(changed),
              w.sourceUpdatedAt,
              at,
            ),
        );
      }
    }
    if (statements.length === 0) return 'stale';
    try {
      const results = await this.db.batch(statements);
      return counted.some((i) => (results[i]?.meta.changes ?? 0) > 0) ? 'applied' : 'stale';
    } catch (e) {
      if (mark && isUniqueViolation(e)) return 'duplicate';
      throw e;
    }
  }

  async customers(tenantId: string): Promise<Customer[]> {
    const { results } = await this.db
      .prepare(CUSTOMER_SQL.organizations)
      .bind(tenantId)
      .all<OrganizationRow>();
    return results.map(customerFromRow);
  }

  async customer(tenantId: string, id: string): Promise<Customer | null> {
    const row = await this.db.prepare(CUSTOMER_SQL.organization).bind(tenantId, id).first<OrganizationRow>();
    return row ? customerFromRow(row) : null;
  }

  /** Per-customer case activity over a window and the one before it (one customer when `orgId` is given). */
  async activity(
    tenantId: string,
    window: ActivityWindow,
    outageTags: readonly string[],
    orgId: string | null = null,
  ): Promise<Map<string, CustomerActivity>> {
    const days = Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000) + 1;
    const [{ results }, openBugCases] = await Promise.all([
      this.db
        .prepare(CUSTOMER_SQL.customerActivity)
        .bind(
          tenantId,
          window.from,
          addDays(window.to, 1),
          addDays(window.from, -days),
          JSON.stringify(outageTags),
          orgId,
        )
        .all<Record<string, number | string>>(),
      this.bugLinks.openBugCasesByOrg(tenantId, orgId),
    ]);
    const out = new Map<string, CustomerActivity>();
    for (const row of results) {
      const a = emptyActivity(String(row.orgId));
      for (const key of Object.keys(a) as (keyof CustomerActivity)[])
        if (key !== 'orgId' && key !== 'openBugCases') (a[key] as number) = Number(row[key] ?? 0);
      out.set(a.orgId, a);
    }
    // Every open case is an activity row's, so each organisation with open bug cases has one.
    for (const [org, n] of openBugCases) {
      const a = out.get(org) ?? emptyActivity(org);
      a.openBugCases = n;
      out.set(org, a);
    }
    return out;
  }

  /** Cases per month from `fromMonth` up to and including `toMonth`, months without cases as zeros. */
  async monthlyDemand(
    tenantId: string,
    fromMonth: string,
    toMonth: string,
    customerSinceField: string | undefined,
  ): Promise<MonthlyDemand[]> {
    const path = customerSinceField ? `$.${JSON.stringify(customerSinceField)}` : null;
    const { results } = await this.db
      .prepare(CUSTOMER_SQL.monthlyDemand)
      .bind(tenantId, `${fromMonth}-01`, path)
      .all<{ month: string; cases: number; casesFromNewCustomers: number }>();
    const byMonth = new Map(results.map((r) => [r.month, r]));
    const out: MonthlyDemand[] = [];
    for (let m = fromMonth; m <= toMonth; m = addMonths(m, 1)) {
      const r = byMonth.get(m);
      out.push({ month: m, cases: r?.cases ?? 0, casesFromNewCustomers: r?.casesFromNewCustomers ?? 0 });
    }
    return out;
  }

  async storedForecasts(tenantId: string): Promise<Map<string, number>> {
    const { results } = await this.db
      .prepare(CUSTOMER_SQL.storedForecasts)
      .bind(tenantId)
      .all<{ month: string; forecast: number }>();
    return new Map(results.map((r) => [r.month, r.forecast]));
  }

  /** Stores a month's forecast unless one is stored already; true when this call stored it. */
  async storeForecast(tenantId: string, month: string, forecast: number, inputs: unknown, at: string) {
    const r = await this.db
      .prepare(CUSTOMER_SQL.storeForecast)
      .bind(tenantId, month, forecast, JSON.stringify(inputs), at)
      .run();
    return r.meta.changes > 0;
  }

  /** Whether the tenant links cases to bugs at all (the bug tracker's plugin says). */
  async jiraInUse(tenantId: string): Promise<boolean> {
    return this.bugLinks.inUse(tenantId);
  }

  /** Fixes released since a time, with the creation times of their linked cases (the bug tracker's plugin says). */
  async releasedFixes(tenantId: string, since: string): Promise<{ releasedAt: string; created: string[] }[]> {
    return this.bugLinks.releasedFixes(tenantId, since);
  }

  async saveMaturity(tenantId: string, answers: MaturityAnswers, stage: number, by: string, at: string) {
    await this.db
      .prepare(CUSTOMER_SQL.insertMaturity)
      .bind(tenantId, JSON.stringify(answers), stage, by, at)
      .run();
  }

  async latestMaturity(tenantId: string): Promise<StoredMaturity | null> {
    const row = await this.db
      .prepare(CUSTOMER_SQL.latestMaturity)
      .bind(tenantId)
      .first<{ answers: string; stage: number; submitted_by: string; submitted_at: string }>();
    return row
      ? {
          answers: JSON.parse(row.answers),
          stage: row.stage,
          submittedBy: row.submitted_by,
          submittedAt: row.submitted_at,
        }
      : null;
  }

  /** The maturity pre-fill's counts: the platform's own, the bug links', and each plugin's evidence (summed). */
  async evidence(tenantId: string, since: string): Promise<StoreEvidence> {
    const [row, links, ...more] = await Promise.all([
      this.db
        .prepare(CUSTOMER_SQL.maturityEvidence)
        .bind(tenantId, since)
        .first<Record<'cases' | 'withPriority' | 'scored' | 'complete' | 'groups', number | null>>(),
      this.bugLinks.linkEvidence(tenantId, since),
      ...this.evidenceSources.map((source) => source(tenantId, since)),
    ]);
    const out: StoreEvidence = {
      cases: Number(row?.cases ?? 0),
      withPriority: Number(row?.withPriority ?? 0),
      scored: Number(row?.scored ?? 0),
      complete: Number(row?.complete ?? 0),
      groups: Number(row?.groups ?? 0),
      swarms: 0,
      jiraLinked: links.linkedCases,
      impactWritten: links.impactWritten,
    };
    for (const part of more)
      for (const [k, v] of Object.entries(part) as [keyof StoreEvidence, number][]) out[k] += v;
    return out;
  }
}
