import { additiveKeyLength, manyRowsSql } from './many-rows.js';

/**
 * Group commit for independent case writes. While one D1 batch is on its way, the writes that arrive meanwhile wait
 * and then go together as the next batch: one transaction and one round trip for many webhooks instead of one
 * each. D1 executes one database's queries one after another and each commit costs a sync to disk, so this is what
 * lets concurrent deliveries share the cost. A quiet store sees no delay: a write with nothing in flight goes at once.
 *
 * Each write keeps its own outcome. A D1 batch is one transaction, so if a combined batch fails (one member was
 * refused: its event was processed already, its case exists, its version is stale), nothing of it was written and
 * every member is sent again on its own; one member's refusal never becomes another's.
 *
 * A group is sent from the request of one of its members, which awaits it, so no request's I/O outlives that
 * request; the others resume when it settles. That request may be cancelled meanwhile (its client gone, a limit
 * reached), and then its batch never comes back: so no write waits on other requests' batches longer than
 * `waitMs` in all (5 s; a full group takes tens of milliseconds). Past it, the stuck batch is let go (the next
 * writes start their own) and a write that was in it is sent again on its own; whether or not the first one
 * committed, the store's keys (processed events, case ids, case versions) let only one of the two apply.
 *
 * A group's statements are sent merged: the same statement of every member becomes one statement for all their
 * rows (many-rows.ts), taken in an order that keeps each member's own order. So a group of 64 new tickets is
 * five statements, not 64 times five (seven when solved and naming Jira issues); each statement costs local D1
 * (miniflare) a fixed amount besides its bytes.
 * Merging assumes what the group commit already does: the members are independent (different events and cases).
 * Two that are not collide on the same keys merged as they would one after the other, and are then sent alone.
 */

/** At most this many writes go in one batch (one transaction; merged, a few statements in all). */
export const MAX_GROUP = 64;

/** The longest a write waits on batches sent from other requests before it stops counting on them. */
export const WAIT_MS = 5_000;

/** One statement and its bind values, prepared when sent (so that a group's can be merged first). */
export interface BoundStatement {
  sql: string;
  params: (string | number | null)[];
}

/** The longest JSON of rows one merged statement carries (D1 takes a bound value up to 2 MB). */
const MAX_MERGED_JSON = 500_000;

interface Waiting {
  statements: BoundStatement[];
  done: boolean;
  error: unknown;
  /** The batch this write was sent in, once a leader took it. */
  batch: Batch | null;
}

interface Batch {
  settled: Promise<void>;
  sentAt: number;
}

export class WriteCoalescer {
  private readonly waiting: Waiting[] = [];
  private inFlight: Batch | null = null;
  /** Batches sent, writes in them, and writes sent again alone (the tests read them). */
  readonly stats = { batches: 0, writes: 0, retriedAlone: 0, statements: 0 };

  constructor(
    private readonly db: D1Database,
    private readonly waitMs = WAIT_MS,
    private readonly forms: StatementForms = { manyRows: manyRowsSql, additiveKeyLength },
  ) {}

  /** Writes `statements` in one transaction, possibly with others; rejects with this write's own error. */
  async write(statements: BoundStatement[]): Promise<void> {
    const me: Waiting = { statements, done: false, error: undefined, batch: null };
    this.waiting.push(me);
    // One timer per write for its whole wait (a timer per batch waited on was a tenth of the isolate's time under
    // load), started when it first waits. It is this write's own, in its own request, so it fires even if the
    // request that sent a batch is gone.
    let late: ReturnType<typeof timer> | null = null;
    try {
      while (!me.done) {
        const current = this.inFlight;
        if (current) {
          late ??= timer(this.waitMs);
          if (await Promise.race([current.settled.then(() => true as const), late.at])) continue;
          await this.gaveUpWaiting(me, current);
          break;
        }
        // Lead the next group from this request: this write and up to MAX_GROUP - 1 of those waiting.
        this.waiting.splice(this.waiting.indexOf(me), 1);
        const group = [me, ...this.waiting.splice(0, MAX_GROUP - 1)];
        const batch: Batch = {
          settled: this.send(group).finally(() => {
            if (this.inFlight === batch) this.inFlight = null;
          }),
          sentAt: Date.now(),
        };
        for (const w of group) w.batch = batch;
        this.inFlight = batch;
        await batch.settled;
      }
    } finally {
      if (late) clearTimeout(late.timer);
    }
    if (me.error !== undefined) throw me.error;
  }

  /**
   * A write has waited waitMs in all. Still queued: nothing of it was sent, so it goes alone now (and a batch on its
   * way that long is let go). Sent in a batch: that batch gets waitMs from when it was sent (a slow batch is not a
   * lost one, and sending the write again beside it would only report it as a duplicate); past that, the batch is
   * let go and the write sent again alone.
   */
  private async gaveUpWaiting(me: Waiting, current: Batch): Promise<void> {
    const queued = this.waiting.indexOf(me);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      if (this.inFlight === current && Date.now() - current.sentAt >= this.waitMs) this.inFlight = null;
    } else if (me.batch) {
      const left = me.batch.sentAt + this.waitMs - Date.now();
      const limit = left > 0 ? timer(left) : null;
      try {
        if (limit && (await Promise.race([me.batch.settled.then(() => true as const), limit.at]))) return;
      } finally {
        if (limit) clearTimeout(limit.timer);
      }
      if (me.done) return;
      if (this.inFlight === me.batch) this.inFlight = null;
    }
    this.stats.retriedAlone++;
    await this.alone(me);
  }

  /** Sends one write's statements by themselves; its outcome goes on it. */
  private async alone(w: Waiting): Promise<void> {
    // Through a promise, so that even a batch() that throws at once becomes this write's own error.
    w.error = await Promise.resolve()
      .then(() => this.run(w.statements))
      .then(
        () => undefined,
        (e: unknown) => e ?? new Error('D1 batch failed'),
      );
    w.done = true;
  }

  /** Never rejects: every member's outcome is put on the member. */
  private async send(group: Waiting[]): Promise<void> {
    this.stats.batches++;
    this.stats.writes += group.length;
    if (group.length === 1) return this.alone(group[0] as Waiting);
    try {
      await Promise.resolve().then(() => this.run(mergeStatements(group, this.forms)));
      for (const w of group) w.done = true;
    } catch {
      this.stats.retriedAlone += group.length;
      for (const w of group) await this.alone(w);
    }
  }

  private run(statements: BoundStatement[]) {
    this.stats.statements += statements.length;
    return this.db.batch(statements.map((s) => this.db.prepare(s.sql).bind(...s.params)));
  }
}

/** A promise that resolves to false after `ms`, and its timer (to clear). */
function timer(ms: number): { at: Promise<false>; timer: ReturnType<typeof setTimeout> } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const at = new Promise<false>((resolve) => {
    handle = setTimeout(() => resolve(false), ms);
  });
  return { at, timer: handle as ReturnType<typeof setTimeout> };
}

/** What merging knows of a statement (core's many-rows.ts). */
export interface StatementForms {
  /** Its form for many rows at once, or null. */
  manyRows: (sql: string) => string | null;
  /** For an additive upsert, how many leading bind values make the key; else null. */
  additiveKeyLength: (sql: string) => number | null;
}

/**
 * The statements of a group, merged: each distinct statement once, for the rows of every member that has it, in
 * an order that keeps every member's own order (a statement may read what an earlier one wrote); the rows of an
 * additive upsert summed by key first. When the members' orders disagree, or a statement has no many-row form,
 * those are sent as they are.
 */
export function mergeStatements(group: { statements: BoundStatement[] }[], forms: StatementForms) {
  const order = commonOrder(group.map((w) => w.statements.map((s) => s.sql)));
  if (!order) return group.flatMap((w) => w.statements);
  // Each statement's rows, in the members' order, gathered in one pass.
  const rowsOf = new Map<string, BoundStatement[]>();
  for (const w of group)
    for (const s of w.statements) {
      const rows = rowsOf.get(s.sql);
      if (rows) rows.push(s);
      else rowsOf.set(s.sql, [s]);
    }
  const out: BoundStatement[] = [];
  for (const sql of order) {
    let rows = rowsOf.get(sql) ?? [];
    const keyLength = rows.length > 1 ? forms.additiveKeyLength(sql) : null;
    if (keyLength !== null) rows = summed(rows, keyLength);
    const many = rows.length > 1 ? forms.manyRows(sql) : null;
    if (!many) {
      out.push(...rows);
      continue;
    }
    let chunk: string[] = [];
    let size = 0;
    const flush = () => {
      if (chunk.length) out.push({ sql: many, params: [`[${chunk.join(',')}]`] });
      chunk = [];
      size = 0;
    };
    for (const row of rows) {
      const json = JSON.stringify(row.params);
      if (size + json.length > MAX_MERGED_JSON) flush();
      chunk.push(json);
      size += json.length + 1;
    }
    flush();
  }
  return out;
}

/** Rows of an additive upsert, those with the same key summed into one (in the order their keys first came). */
function summed(rows: BoundStatement[], keyLength: number): BoundStatement[] {
  const byKey = new Map<string, BoundStatement>();
  for (const row of rows) {
    const key = JSON.stringify(row.params.slice(0, keyLength));
    const sum = byKey.get(key);
    if (!sum) byKey.set(key, { sql: row.sql, params: [...row.params] });
    else
      for (let i = keyLength; i < row.params.length; i++) {
        const [a, b] = [sum.params[i], row.params[i]];
        // Only numbers add up; anything else leaves the rows as they were.
        if (typeof a !== 'number' || typeof b !== 'number') return rows;
        sum.params[i] = a + b;
      }
  }
  return [...byKey.values()];
}

/**
 * One order of the distinct statements that keeps each sequence's order (a topological sort, ties by first
 * appearance); null when there is none (a statement that comes both before and after another).
 */
function commonOrder(sequences: string[][]): string[] | null {
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const seq of sequences)
    for (let i = 0; i < seq.length; i++) {
      const sql = seq[i] as string;
      if (!after.has(sql)) {
        after.set(sql, new Set());
        before.set(sql, 0);
      }
      const next = seq[i + 1];
      if (next === undefined || next === sql) continue;
      const edges = after.get(sql) as Set<string>;
      if (!edges.has(next)) {
        edges.add(next);
        before.set(next, (before.get(next) ?? 0) + 1);
      }
    }
  const order: string[] = [];
  const ready = [...after.keys()].filter((sql) => before.get(sql) === 0);
  while (ready.length) {
    const sql = ready.shift() as string;
    order.push(sql);
    for (const next of after.get(sql) as Set<string>) {
      const left = (before.get(next) as number) - 1;
      before.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order.length === after.size ? order : null;
}

const coalescers = new WeakMap<D1Database, WriteCoalescer>();

/** The isolate's coalescer for a D1 binding (one per database, shared by the requests the isolate serves). */
export function coalescerOf(db: D1Database): WriteCoalescer {
  let coalescer = coalescers.get(db);
  if (!coalescer) {
    coalescer = new WriteCoalescer(db);
    coalescers.set(db, coalescer);
  }
  return coalescer;
}
