import {
  type CalibrationCase,
  type Case,
  CaseSchema,
  type ClosurePolicy,
  ClosurePolicySchema,
  type CompletenessResult,
  type Counters,
  type CustomerMapping,
  CustomerMappingSchema,
  completenessOutcomes,
  countersFromRow,
  DEFAULT_CUSTOMER_MAPPING,
  DEFAULT_RUBRIC,
  emptyCounters,
  expandContribution,
  IssueTypeSchema,
  JIRA_SQL,
  jiraKeysOfCase,
  type MetricResult,
  metricsFromCounters,
  metricsQuery,
  OUTCOME_ROWS_LIMIT,
  outcomesQuery,
  type RollupDelta,
  type RollupDimension,
  type Rubric,
  RubricSchema,
  rollupParams,
  type ScoredOutcome,
  SQL,
  scoreCompleteness,
  suggestRubric,
  withRecordedIssueType,
} from '@support-metrics/core';
import type { ZodType } from 'zod';
import type { WorkerConfig } from '../config/env-schema.js';
import { impactOfIssues } from './bug-links.js';
import { type CaseRecord, type CompletenessVerdict, prepareCaseRecord, verdictOf } from './case-record.js';
import { openSettings } from './tenant-secrets.js';
import { type BoundStatement, coalescerOf } from './write-coalescer.js';

/** A stored case, with its completeness verdicts: when it was created, and the latest. */
export interface StoredCase {
  case: Case;
  /** Write counter of the row; a save based on an older version is refused (StaleCaseError). */
  version: number;
  /** What this version added to the rollups (null for rows written before it was kept). */
  contribution?: RollupDelta[] | null;
  completenessAtCreation: CompletenessVerdict | null;
  /** The verdict of the latest version; the full result is the case scored again (scoreCompleteness). */
  completenessLatest: CompletenessVerdict | null;
}

export interface SaveOptions {
  /** Where the change came from: `zendesk-webhook`, `zendesk-backfill`, `seed`, … */
  source: string;
  /** Idempotency key: a change with an event id already processed for this source is not applied again. */
  eventId?: string;
  /**
   * Further keys marked processed in the same transaction: a delivery's verified signature beside its unsigned
   * delivery id, so that the same signed bytes under another id are a duplicate too.
   */
  alsoMark?: readonly string[];
  eventType?: string;
  payload?: unknown;
  /** Time of the change (ISO); the clock belongs to the caller. */
  at: string;
  /** Overrides the tenant's rubric (settings `rubric`, else the default). */
  rubric?: Rubric;
  /** Overrides the tenant's closed-record policy (settings `closurePolicy`, else the default). */
  closurePolicy?: ClosurePolicy;
}

/** A tenant's own rubric and closed-record policy (settings `rubric`, `closurePolicy`); absent or invalid: defaults. */
export interface TenantPolicies {
  rubric?: Rubric;
  closurePolicy?: ClosurePolicy;
  /** How the tenant's organisation data maps to the success and health metrics (settings `customerMapping`). */
  customerMapping: CustomerMapping;
  /**
   * Why a setting was not used (a rubric or policy that does not match its schema, with the zod paths; a sealed
   * credential that does not open), or should be set again (a credential stored unsealed). Never a value.
   */
  problems: string[];
}

export type SaveOutcome = 'created' | 'updated' | 'duplicate';

/** What a save did, the case as stored, and the full completeness result of what was written (null if nothing). */
export interface SaveResult {
  outcome: SaveOutcome;
  stored: StoredCase;
  result: CompletenessResult | null;
}

export interface MetricsQuery {
  from: string;
  to: string;
  filters?: Partial<Record<RollupDimension, string>>;
  groupBy?: RollupDimension | 'day';
}

interface CaseRow {
  version: number;
  contribution: string | null;
  data: string;
  completeness_at_creation: string | null;
  completeness_latest: string | null;
}

function storedFromRow(row: CaseRow): StoredCase {
  return {
    case: CaseSchema.parse(JSON.parse(row.data)),
    version: row.version,
    contribution: row.contribution ? expandContribution(JSON.parse(row.contribution)) : null,
    completenessAtCreation: row.completeness_at_creation ? JSON.parse(row.completeness_at_creation) : null,
    // Rows written before the store kept verdicts only hold the full result: its verdict is the same.
    completenessLatest: row.completeness_latest ? verdictOf(JSON.parse(row.completeness_latest)) : null,
  };
}

/** The case as a save writes it, at `version`. */
function storedOf(record: CaseRecord, version: number): StoredCase {
  return {
    case: record.case,
    version,
    completenessAtCreation: record.atCreation,
    completenessLatest: verdictOf(record.latest),
  };
}

/** The case changed between reading it and saving the change: read again and re-apply. */
/** Item ids of a stored verdict (a JSON array), none when unreadable. */
function idList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export class StaleCaseError extends Error {
  override name = 'StaleCaseError';
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed while this change was applied`);
  }
}

const policiesCache = new WeakMap<object, TenantPolicies>();
/** Per tenant and SETTINGS_SECRET: the settings as opened (tenant-secrets.ts), and why any could not be. */
const settingsCache = new Map<string, { settings: Record<string, unknown>; until: number }>();
const settingsProblems = new WeakMap<object, string[]>();

export interface D1StoreOptions {
  /** The worker's SETTINGS_SECRET: opens the tenant settings that hold credentials (tenant-secrets.ts). */
  settingsSecret?: string;
  /** While SETTINGS_SECRET is rotated: the one before, still opening what it sealed (`tenant.ts reseal`). */
  previousSettingsSecret?: string;
}

/** The worker's store over its D1 binding: tenant credentials opened with the config's SETTINGS_SECRET. */
export const storeFor = (db: D1Database, config: WorkerConfig): D1Store =>
  new D1Store(db, {
    settingsSecret: config.SETTINGS_SECRET,
    previousSettingsSecret: config.SETTINGS_SECRET_PREVIOUS,
  });

/** A batch refused because its processed-event mark exists: the event was applied already (nothing of it was written). */
export const isUniqueViolation = (e: unknown) =>
  /UNIQUE constraint failed: processed_events/i.test(String((e as Error)?.message));

/**
 * The D1 adapter of the store: cases with their completeness and closure check, daily rollups kept in step
 * with every change (old contribution out, new in, in one transaction), idempotency, tokens, sync cursors.
 * Every method takes the tenant and every statement filters on it.
 */
export class D1Store {
  constructor(
    private readonly db: D1Database,
    private readonly opts: D1StoreOptions = {},
  ) {}

  async tenantForTokenHash(hash: string): Promise<string | null> {
    const row = await this.db.prepare(SQL.tenantForToken).bind(hash).first<{ tenant_id: string }>();
    return row?.tenant_id ?? null;
  }

  async ensureTenant(id: string, name: string, at: string): Promise<void> {
    await this.db.prepare(SQL.insertTenant).bind(id, name, '{}', at).run();
  }

  /**
   * A tenant's settings, null for an unknown tenant; its credentials opened with the SETTINGS_SECRET (a sealed one
   * that does not open is left out, and tenantPolicies reports it). Kept for 30 s per isolate: every webhook asks.
   */
  async tenantSettings(id: string, now = Date.now()): Promise<Record<string, unknown> | null> {
    const cacheKey = `${id}\u0000${this.opts.settingsSecret ?? ''}\u0000${this.opts.previousSettingsSecret ?? ''}`;
    const hit = settingsCache.get(cacheKey);
    if (hit && hit.until > now) return hit.settings;
    const row = await this.db.prepare(SQL.tenant).bind(id).first<{ settings: string }>();
    if (!row) return null;
    const { settings, problems, shut } = await openSettings(
      JSON.parse(row.settings) as Record<string, unknown>,
      id,
      this.opts.settingsSecret,
      this.opts.previousSettingsSecret,
    );
    if (problems.length) settingsProblems.set(settings, problems);
    // Names and reasons only. One that does not open leaves an account or webhook off, so the log says why.
    for (const p of shut) console.warn(`tenant ${id}: ${p}`);
    if (settingsCache.size >= 1_000) settingsCache.clear();
    settingsCache.set(cacheKey, { settings, until: now + 30_000 });
    return settings;
  }

  /**
   * The tenant's rubric and closed-record policy from its settings, validated (zod); an invalid one is not used and
   * is reported in `problems` (and by `GET /api/settings`), so a bad setting never breaks ingestion.
   */
  async tenantPolicies(tenantId: string): Promise<TenantPolicies> {
    const settings = (await this.tenantSettings(tenantId)) ?? {};
    // Parsed once per settings object (itself cached 30 s): every save asks, and a rubric is not small.
    const hit = policiesCache.get(settings);
    if (hit) return hit;
    const out: TenantPolicies = {
      customerMapping: DEFAULT_CUSTOMER_MAPPING,
      problems: [...(settingsProblems.get(settings) ?? [])],
    };
    const read = <T>(key: string, schema: ZodType<T>): T | undefined => {
      if (settings[key] === undefined || settings[key] === null) return undefined;
      const parsed = schema.safeParse(settings[key]);
      if (parsed.success) return parsed.data;
      out.problems.push(
        `${key}: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
      return undefined;
    };
    const rubric = read<Rubric>('rubric', RubricSchema);
    const closurePolicy = read<ClosurePolicy>('closurePolicy', ClosurePolicySchema);
    const customerMapping = read<CustomerMapping>('customerMapping', CustomerMappingSchema);
    if (customerMapping) out.customerMapping = customerMapping;
    if (rubric) out.rubric = rubric;
    if (closurePolicy) out.closurePolicy = closurePolicy;
    policiesCache.set(settings, out);
    return out;
  }

  /**
   * What handling an event needs to know, in one round trip: whether it was processed already, and the case
   * it is about (null when unknown).
   */
  async loadForEvent(
    tenantId: string,
    source: string,
    eventId: string,
    caseId: string | null,
  ): Promise<{ processed: boolean; stored: StoredCase | null }> {
    const [processed, found] = await this.db.batch<Record<string, unknown>>([
      this.db.prepare(SQL.isProcessed).bind(tenantId, source, eventId),
      this.db.prepare(SQL.caseById).bind(tenantId, caseId ?? ''),
    ]);
    const row = found?.results[0] as CaseRow | undefined;
    return {
      processed: (processed?.results.length ?? 0) > 0,
      stored: caseId && row ? storedFromRow(row) : null,
    };
  }

  async addTokenHash(tenantId: string, hash: string, label: string, at: string): Promise<void> {
    await this.db.prepare(SQL.insertToken).bind(hash, tenantId, label, at).run();
  }

  async getCase(tenantId: string, id: string): Promise<StoredCase | null> {
    const row = await this.db.prepare(SQL.caseById).bind(tenantId, id).first<CaseRow>();
    return row ? storedFromRow(row) : null;
  }

  /**
   * The full completeness result of a stored case (items, evidence, questions, the drafted request): the case scored
   * again with the tenant's rubric, since the store keeps only the verdict of its latest version (the same unless the
   * rubric changed since). Null for a case never scored.
   */
  async completenessOf(tenantId: string, stored: StoredCase): Promise<CompletenessResult | null> {
    if (!stored.completenessLatest) return null;
    const { rubric, closurePolicy } = await this.tenantPolicies(tenantId);
    return scoreCompleteness(withRecordedIssueType(stored.case, closurePolicy), rubric);
  }

  async isProcessed(tenantId: string, source: string, eventId: string): Promise<boolean> {
    const row = await this.db.prepare(SQL.isProcessed).bind(tenantId, source, eventId).first();
    return row !== null;
  }

  /**
   * Marks an event processed without changing a case (events we accept but do not use); several keys (an id and a
   * verified signature) in one transaction. False when any was marked already (then none is written).
   */
  async markProcessed(
    tenantId: string,
    source: string,
    eventId: string | readonly string[],
    at: string,
  ): Promise<boolean> {
    const keys = typeof eventId === 'string' ? [eventId] : eventId;
    try {
      await this.db.batch(
        keys.map((k) => this.db.prepare(SQL.insertProcessed).bind(tenantId, source, k, at)),
      );
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  /**
   * Creates or updates a case: scores completeness (kept from creation, refreshed as latest), checks the
   * closed record, and moves the rollups from the old version to the new — all in one D1 transaction
   * together with the processed-event mark, so a retried delivery changes nothing and a failure changes nothing.
   */
  async saveCase(
    tenantId: string,
    next: Case,
    opts: SaveOptions,
    /** The stored version when the caller has just read it (loadForEvent): saves two round trips. */
    preloaded?: { stored: StoredCase | null },
  ): Promise<SaveResult> {
    if (!preloaded && opts.eventId && (await this.isProcessed(tenantId, opts.source, opts.eventId))) {
      const stored = await this.getCase(tenantId, next.id);
      return {
        outcome: 'duplicate',
        stored: stored ?? { case: next, version: 0, completenessAtCreation: null, completenessLatest: null },
        result: null,
      };
    }
    const before = preloaded ? preloaded.stored : await this.getCase(tenantId, next.id);
    const policies = await this.tenantPolicies(tenantId);
    const record = prepareCaseRecord(
      tenantId,
      next,
      before
        ? {
            case: before.case,
            atCreation: before.completenessAtCreation,
            version: before.version,
            contribution: before.contribution,
          }
        : null,
      opts.at,
      opts.rubric ?? policies.rubric,
      opts.closurePolicy ?? policies.closurePolicy,
    );
    const statements = this.writeStatements(tenantId, record, opts, SQL.upsertCase);
    const stored = storedOf(record, (before?.version ?? 0) + 1);
    try {
      await coalescerOf(this.db).write(statements);
    } catch (e) {
      // A concurrent delivery of the same event won the race: nothing of this one was applied.
      if (isUniqueViolation(e)) return { outcome: 'duplicate', stored: before ?? stored, result: null };
      if (/stale case version/.test(String((e as Error)?.message))) throw new StaleCaseError(next.id);
      throw e;
    }
    return { outcome: before ? 'updated' : 'created', stored, result: record.latest };
  }

  /**
   * Saves a case believed new in one round trip (the webhook path for `ticket.created`): the same transaction as
   * saveCase, with a plain INSERT. 'exists' when the case is already stored (nothing written: use saveCase),
   * 'duplicate' when the event was processed already.
   */
  async createCase(
    tenantId: string,
    next: Case,
    opts: SaveOptions,
  ): Promise<SaveResult | { outcome: 'exists' | 'duplicate'; stored: null; result: null }> {
    const policies = await this.tenantPolicies(tenantId);
    const record = prepareCaseRecord(
      tenantId,
      next,
      null,
      opts.at,
      opts.rubric ?? policies.rubric,
      opts.closurePolicy ?? policies.closurePolicy,
    );
    try {
      await coalescerOf(this.db).write(this.writeStatements(tenantId, record, opts, SQL.insertCase));
    } catch (e) {
      if (isUniqueViolation(e)) return { outcome: 'duplicate', stored: null, result: null };
      if (/UNIQUE constraint failed: cases/i.test(String((e as Error)?.message)))
        return { outcome: 'exists', stored: null, result: null };
      throw e;
    }
    const stored = storedOf(record, 1);
    return { outcome: 'created', stored, result: record.latest };
  }

  /** The statements of one case write: processed mark, the case row, rollup deltas, closure check, event. */
  private writeStatements(
    tenantId: string,
    record: CaseRecord,
    opts: SaveOptions,
    caseSql: string,
  ): BoundStatement[] {
    const statements: BoundStatement[] = [];
    const add = (sql: string, ...params: (string | number | null)[]) => statements.push({ sql, params });
    if (opts.eventId) add(SQL.insertProcessed, tenantId, opts.source, opts.eventId, opts.at);
    for (const key of opts.alsoMark ?? []) add(SQL.insertProcessed, tenantId, opts.source, key, opts.at);
    add(caseSql, ...record.caseParams);
    for (const delta of record.rollups) add(SQL.addRollup, ...rollupParams(tenantId, delta));
    // Jira keys the helpdesk record names (a Jira field, jira_* tags) become links; every issue the case is linked to
    // gets its impact written again (the outbox coalesces, so a busy case costs one Jira write per issue).
    for (const { key, source } of jiraKeysOfCase(record.case))
      add(JIRA_SQL.insertLink, tenantId, record.case.id, key, source, opts.at);
    add(JIRA_SQL.enqueueImpactOfCase, opts.at, opts.at, tenantId, record.case.id);
    add(
      SQL.insertCaseEvent,
      tenantId,
      record.case.id,
      opts.eventId ?? `${opts.source}:${record.case.id}:${opts.at}`,
      opts.eventType ?? opts.source,
      opts.at,
      JSON.stringify(opts.payload ?? {}),
    );
    return statements;
  }

  /** Every metric over a window from the daily rollups (sums of counters), optionally filtered and grouped. */
  async metrics(
    tenantId: string,
    q: MetricsQuery,
  ): Promise<{ counts: { created: number; solved: number }; metrics: Record<string, MetricResult> }> {
    const total = metricsQuery(tenantId, q, q.filters);
    const row = await this.db
      .prepare(total.sql)
      .bind(...total.params)
      .first<Record<string, unknown>>();
    const totals = row ? countersFromRow(row) : emptyCounters();
    let groups: Map<string, ReturnType<typeof countersFromRow>> | undefined;
    if (q.groupBy) {
      const grouped = metricsQuery(tenantId, q, q.filters, q.groupBy);
      const { results } = await this.db
        .prepare(grouped.sql)
        .bind(...grouped.params)
        .all<Record<string, unknown>>();
      groups = new Map(results.map((r) => [String(r.k) || '(none)', countersFromRow(r)]));
    }
    return {
      counts: { created: totals.created, solved: totals.solved },
      metrics: metricsFromCounters(totals, { groups }),
    };
  }

  /** The solved cases created in a window that were scored at creation, with their outcomes (outcomesQuery). */
  private async scoredSolvedCases(tenantId: string, q: Pick<MetricsQuery, 'from' | 'to' | 'filters'>) {
    const { sql, params } = outcomesQuery(tenantId, q, q.filters);
    const { results } = await this.db
      .prepare(sql)
      .bind(...params)
      .all<{
        complete: number;
        missing: string | null;
        absent: string | null;
        issue_type: string | null;
        replies: number | null;
        reopens: number | null;
        hours: number | null;
        created_at: string;
        solved_at: string;
      }>();
    return { results, truncated: results.length >= OUTCOME_ROWS_LIMIT };
  }

  /**
   * Complete against incomplete cases at creation, on the team's own outcomes (core completenessOutcomes), over the
   * solved cases created in the window.
   */
  async completenessOutcomes(tenantId: string, q: Pick<MetricsQuery, 'from' | 'to' | 'filters'>) {
    const { results, truncated } = await this.scoredSolvedCases(tenantId, q);
    const rows: ScoredOutcome[] = results.map((r) => ({
      complete: r.complete === 1,
      missing: idList(r.missing),
      case: {
        publicAgentReplies: r.replies,
        reopens: r.reopens,
        resolutionHours: r.hours,
        createdAt: r.created_at,
        solvedAt: r.solved_at,
      },
    }));
    return { ...completenessOutcomes(rows), truncated };
  }

  /**
   * Which items the tenant's rubric should require, from its own solved cases (core suggestRubric), with the evidence
   * and the rubric that applying them gives. Cases stored before every item was recorded at creation do not count.
   */
  async rubricSuggestions(tenantId: string, q: Pick<MetricsQuery, 'from' | 'to' | 'filters'>) {
    const [{ results, truncated }, { rubric }] = await Promise.all([
      this.scoredSolvedCases(tenantId, q),
      this.tenantPolicies(tenantId),
    ]);
    const cases: CalibrationCase[] = results.flatMap((r) => {
      const issueType = IssueTypeSchema.safeParse(r.issue_type);
      return r.absent !== null && issueType.success
        ? [{ issueType: issueType.data, absent: idList(r.absent), publicAgentReplies: r.replies }]
        : [];
    });
    return { ...suggestRubric(cases, rubric ?? DEFAULT_RUBRIC), truncated };
  }

  /** Applies a rubric for a tenant and keeps it as the tenant's next version, in one transaction. */
  async applyRubric(tenantId: string, rubric: Rubric, appliedBy: string, at: string): Promise<number> {
    const json = JSON.stringify(rubric);
    await this.db.batch([
      this.db.prepare(SQL.setRubric).bind(json, tenantId),
      this.db.prepare(SQL.insertRubricVersion).bind(tenantId, json, at, appliedBy, tenantId),
    ]);
    for (const key of settingsCache.keys())
      if (key.startsWith(`${tenantId}\u0000`)) settingsCache.delete(key);
    const [latest] = await this.rubricVersions(tenantId);
    return latest?.version ?? 1;
  }

  /** The rubrics a tenant applied, newest first (at most 50). */
  async rubricVersions(tenantId: string) {
    const { results } = await this.db
      .prepare(SQL.rubricVersions)
      .bind(tenantId)
      .all<{ version: number; rubric: string; applied_at: string; applied_by: string }>();
    return results.map((r) => ({
      version: r.version,
      appliedAt: r.applied_at,
      appliedBy: r.applied_by,
      rubric: JSON.parse(r.rubric) as unknown,
    }));
  }

  /** The summed counters of each day of a window (days without rollups are absent): for trends and sparklines. */
  async dailyCounters(
    tenantId: string,
    q: Pick<MetricsQuery, 'from' | 'to' | 'filters'>,
  ): Promise<Map<string, Counters>> {
    const daily = metricsQuery(tenantId, q, q.filters, 'day');
    const { results } = await this.db
      .prepare(daily.sql)
      .bind(...daily.params)
      .all<Record<string, unknown>>();
    return new Map(results.map((r) => [String(r.k), countersFromRow(r)]));
  }

  /** A case's Jira links: who linked them and when, the issue as far as known, and its support impact so far. */
  async jiraLinks(tenantId: string, caseId: string, now = new Date()) {
    const { results } = await this.db.prepare(SQL.jiraLinksOfCase).bind(tenantId, caseId).all<{
      id: number;
      issue_key: string;
      linked_by: string;
      linked_at: string;
      summary: string | null;
      status: string | null;
      fix_versions: string | null;
    }>();
    const impact = results.length
      ? await impactOfIssues(
          this.db,
          tenantId,
          results.map((r) => r.issue_key),
          now,
        )
      : new Map();
    return results.map((r) => ({
      id: r.id,
      issueKey: r.issue_key,
      linkedBy: r.linked_by,
      linkedAt: r.linked_at,
      summary: r.summary,
      status: r.status,
      // The Jira bridge keeps fix versions as { id, name, released, releaseDate }; plain names are read too.
      fixVersions: r.fix_versions
        ? (JSON.parse(r.fix_versions) as (string | { name: string })[]).map((v) =>
            typeof v === 'string' ? v : v.name,
          )
        : [],
      // Revenue at risk: null (not measured) until organisations carry their recurring revenue.
      impact: impact.get(r.issue_key) ?? { cases: 0, openCases: 0, customers: 0, revenue: null },
    }));
  }

  /** Links a case to a Jira issue (idempotent); false when the link existed. */
  async linkJira(
    tenantId: string,
    caseId: string,
    issueKey: string,
    linkedBy: string,
    at: string,
  ): Promise<boolean> {
    const [r] = await this.db.batch([
      this.db.prepare(SQL.insertJiraLink).bind(tenantId, caseId, issueKey, linkedBy, at),
      this.db.prepare(JIRA_SQL.enqueue).bind(tenantId, 'jira-impact', issueKey, '{}', at, at),
    ]);
    return (r?.meta.changes ?? 0) > 0;
  }

  /** Removes a link by its id; false when the tenant has no such link. */
  async unlinkJira(tenantId: string, linkId: number, at = new Date().toISOString()): Promise<boolean> {
    const link = await this.db
      .prepare('SELECT issue_key FROM jira_links WHERE tenant_id = ? AND id = ?')
      .bind(tenantId, linkId)
      .first<{ issue_key: string }>();
    if (!link) return false;
    const [r] = await this.db.batch([
      this.db.prepare(SQL.deleteJiraLink).bind(tenantId, linkId),
      this.db.prepare(JIRA_SQL.enqueue).bind(tenantId, 'jira-impact', link.issue_key, '{}', at, at),
    ]);
    return (r?.meta.changes ?? 0) > 0;
  }

  async syncCursor(
    tenantId: string,
    source: string,
  ): Promise<{ cursor: string | null; updatedAt: string } | null> {
    const row = await this.db
      .prepare(SQL.syncCursor)
      .bind(tenantId, source)
      .first<{ cursor: string | null; updated_at: string }>();
    return row ? { cursor: row.cursor, updatedAt: row.updated_at } : null;
  }

  async setSyncCursor(tenantId: string, source: string, cursor: string | null, at: string): Promise<void> {
    await this.db.prepare(SQL.setSyncCursor).bind(tenantId, source, cursor, at).run();
  }
}
