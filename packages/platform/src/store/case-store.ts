import {
  type CalibrationCase,
  type Case,
  type CaseRecord,
  CaseSchema,
  type ClosurePolicy,
  type CompletenessResult,
  type CompletenessVerdict,
  type Counters,
  completenessOutcomes,
  DEFAULT_RUBRIC,
  emptyCounters,
  expandContribution,
  IssueTypeSchema,
  type MetricResult,
  metricsFromCounters,
  prepareCaseRecord,
  type RollupDelta,
  type Rubric,
  type ScoredOutcome,
  scoreCase,
  suggestRubric,
  verdictOf,
} from '@support-metrics/core';
import type { CaseSavedHook } from './case-saved.js';
import {
  countersFromRow,
  metricsQuery,
  OUTCOME_ROWS_LIMIT,
  outcomesQuery,
  type RollupDimension,
  rollupParams,
  SQL,
} from './sql.js';
import type { TenantStore } from './tenant-store.js';
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
function storedOf(record: CaseRecord): StoredCase {
  return {
    case: record.case,
    version: record.version,
    completenessAtCreation: record.atCreation,
    completenessLatest: verdictOf(record.latest),
  };
}

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

/** The case changed between reading it and saving the change: read again and re-apply. */
export class StaleCaseError extends Error {
  override name = 'StaleCaseError';
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed while this change was applied`);
  }
}

/** A batch refused because its processed-event mark exists: the event was applied already (nothing of it was written). */
export const isUniqueViolation = (e: unknown) =>
  /UNIQUE constraint failed: processed_events/i.test(String((e as Error)?.message));

/** Bind values of SQL.upsertCase / SQL.insertCase for a prepared case version written at `at`. */
export function caseRowParams(tenantId: string, record: CaseRecord, at: string): (string | number | null)[] {
  const c = record.case;
  return [
    tenantId,
    c.id,
    JSON.stringify(c),
    c.createdAt,
    c.solvedAt,
    c.status,
    c.channel,
    c.group,
    c.brand,
    JSON.stringify(record.atCreation),
    record.atCreation.score,
    record.atCreation.complete ? 1 : 0,
    JSON.stringify(verdictOf(record.latest)),
    record.latest.score,
    at,
    record.version,
    JSON.stringify(record.contribution),
  ];
}

/**
 * Cases with their completeness verdicts, the daily rollups kept in step with every change (old contribution out,
 * new in, in one transaction), processed-event marks (idempotency), case events and sync cursors. Tables `cases`,
 * `daily_rollups`, `processed_events`, `case_events`, `sync_state`; every statement filters on the tenant. Plugins
 * add their own statements to a case's write through `caseSaved` hooks (the Jira bridge's links and outbox), so a
 * case and what follows from it are written in one transaction without the platform knowing the plugins.
 */
export class CaseStore {
  constructor(
    private readonly db: D1Database,
    private readonly tenants: TenantStore,
    private readonly caseSaved: readonly CaseSavedHook[] = [],
  ) {}

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
    return scoreCase(stored.case, await this.tenants.tenantPolicies(tenantId));
  }

  /** Removes the processed-event marks older than `cutoff` (ISO); how many were removed. */
  async pruneProcessed(cutoff: string): Promise<number> {
    const result = await this.db.prepare(SQL.pruneProcessed).bind(cutoff).run();
    return result.meta.changes ?? 0;
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
    const policies = await this.tenants.tenantPolicies(tenantId);
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
      {
        rubric: opts.rubric ?? policies.rubric,
        closurePolicy: opts.closurePolicy ?? policies.closurePolicy,
      },
    );
    const statements = this.writeStatements(tenantId, record, opts, SQL.upsertCase);
    const stored = storedOf(record);
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
    const policies = await this.tenants.tenantPolicies(tenantId);
    const record = prepareCaseRecord(tenantId, next, null, {
      rubric: opts.rubric ?? policies.rubric,
      closurePolicy: opts.closurePolicy ?? policies.closurePolicy,
    });
    try {
      await coalescerOf(this.db).write(this.writeStatements(tenantId, record, opts, SQL.insertCase));
    } catch (e) {
      if (isUniqueViolation(e)) return { outcome: 'duplicate', stored: null, result: null };
      if (/UNIQUE constraint failed: cases/i.test(String((e as Error)?.message)))
        return { outcome: 'exists', stored: null, result: null };
      throw e;
    }
    const stored = storedOf(record);
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
    add(caseSql, ...caseRowParams(tenantId, record, opts.at));
    for (const delta of record.rollups) add(SQL.addRollup, ...rollupParams(tenantId, delta));
    // What plugins write with the case (the Jira bridge: links from the record's Jira keys, impact to rewrite).
    for (const hook of this.caseSaved)
      for (const st of hook({ tenantId, case: record.case, at: opts.at })) statements.push(st);
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
      this.tenants.tenantPolicies(tenantId),
    ]);
    const cases: CalibrationCase[] = results.flatMap((r) => {
      const issueType = IssueTypeSchema.safeParse(r.issue_type);
      return r.absent !== null && issueType.success
        ? [{ issueType: issueType.data, absent: idList(r.absent), publicAgentReplies: r.replies }]
        : [];
    });
    return { ...suggestRubric(cases, rubric ?? DEFAULT_RUBRIC), truncated };
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

/**
 * The processed-event mark of a delivery that does not change a case (a Jira webhook), for a plugin's own batch: the
 * batch fails on the UNIQUE mark when the delivery was applied already (isUniqueViolation), and nothing of it is written.
 */
export const processedMark = (db: D1Database, tenantId: string, source: string, key: string, at: string) =>
  db.prepare(SQL.insertProcessed).bind(tenantId, source, key, at);
