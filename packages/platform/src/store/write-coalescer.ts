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
 * reached), and then its batch never comes back: so no write waits on another request's batch longer than
 * `waitMs`. Past it, the stuck batch is let go (the next writes start their own) and a write that was in it is sent
 * again on its own; whether or not the first one committed, the store's keys (processed events, case ids, case
 * versions) let only one of the two apply.
 */

/** At most this many writes go in one batch (one transaction; a few statements each). */
export const MAX_GROUP = 16;

/** The longest a write waits on a batch sent from another request before it stops counting on it. */
export const WAIT_MS = 5_000;

interface Waiting {
  statements: D1PreparedStatement[];
  done: boolean;
  error: unknown;
}

export class WriteCoalescer {
  private readonly waiting: Waiting[] = [];
  private inFlight: Promise<void> | null = null;
  /** Batches sent, writes in them, and writes sent again alone (the tests read them). */
  readonly stats = { batches: 0, writes: 0, retriedAlone: 0 };

  constructor(
    private readonly db: D1Database,
    private readonly waitMs = WAIT_MS,
  ) {}

  /** Writes `statements` in one transaction, possibly with others; rejects with this write's own error. */
  async write(statements: D1PreparedStatement[]): Promise<void> {
    const me: Waiting = { statements, done: false, error: undefined };
    this.waiting.push(me);
    while (!me.done) {
      const current = this.inFlight;
      if (current) {
        if (await this.settlesInTime(current)) continue;
        // The request that sent it is probably gone. Let the batch go, and make sure of this write on its own.
        if (this.inFlight === current) this.inFlight = null;
        const queued = this.waiting.indexOf(me);
        if (queued >= 0) this.waiting.splice(queued, 1);
        this.stats.retriedAlone++;
        await this.alone(me);
        break;
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

  /** Whether `batch` settles within waitMs. */
  private async settlesInTime(batch: Promise<void>): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.waitMs);
    });
    try {
      return await Promise.race([batch.then(() => true as const), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends one write's statements by themselves; its outcome goes on it. */
  private async alone(w: Waiting): Promise<void> {
    // Through a promise, so that even a batch() that throws at once becomes this write's own error.
    w.error = await Promise.resolve()
      .then(() => this.db.batch(w.statements))
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
      await Promise.resolve().then(() => this.db.batch(group.flatMap((w) => w.statements)));
      for (const w of group) w.done = true;
    } catch {
      this.stats.retriedAlone += group.length;
      for (const w of group) await this.alone(w);
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
