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
 * request; the others resume when it settles.
 */

/** At most this many writes go in one batch (one transaction; a few statements each). */
export const MAX_GROUP = 16;

interface Waiting {
  statements: D1PreparedStatement[];
  done: boolean;
  error: unknown;
}

export class WriteCoalescer {
  private readonly waiting: Waiting[] = [];
  private inFlight: Promise<void> | null = null;
  /** Batches sent and writes in them, for the benchmark and the tests. */
  readonly stats = { batches: 0, writes: 0, retriedAlone: 0 };

  constructor(private readonly db: D1Database) {}

  /** Writes `statements` in one transaction, possibly with others; rejects with this write's own error. */
  async write(statements: D1PreparedStatement[]): Promise<void> {
    const me: Waiting = { statements, done: false, error: undefined };
    this.waiting.push(me);
    while (!me.done) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      // Lead the next group from this request: this write and up to MAX_GROUP - 1 of those waiting.
      this.waiting.splice(this.waiting.indexOf(me), 1);
      const group = [me, ...this.waiting.splice(0, MAX_GROUP - 1)];
      this.inFlight = this.send(group).finally(() => {
        this.inFlight = null;
      });
      await this.inFlight;
    }
    if (me.error !== undefined) throw me.error;
  }

  /** Never rejects: every member's outcome is put on the member. */
  private async send(group: Waiting[]): Promise<void> {
    this.stats.batches++;
    this.stats.writes += group.length;
    const alone = async (w: Waiting) => {
      w.error = await this.db.batch(w.statements).then(
        () => undefined,
        (e: unknown) => e ?? new Error('D1 batch failed'),
      );
      w.done = true;
    };
    if (group.length === 1) return alone(group[0] as Waiting);
    try {
      await this.db.batch(group.flatMap((w) => w.statements));
      for (const w of group) w.done = true;
    } catch {
      this.stats.retriedAlone += group.length;
      for (const w of group) await alone(w);
    }
  }
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
