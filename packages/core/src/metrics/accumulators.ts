/** Numerator/denominator counts, overall and per group: memory grows with groups, not cases. */
export class Tally {
  num = 0;
  den = 0;
  readonly groups = new Map<string, { num: number; den: number }>();

  add(group: string | null, hit: boolean, weight = 1): void {
    const inc = hit ? weight : 0;
    this.num += inc;
    this.den += 1;
    if (group === null) return;
    const g = this.groups.get(group);
    if (g) {
      g.num += inc;
      g.den += 1;
    } else this.groups.set(group, { num: inc, den: 1 });
  }
}

/** Values kept for percentiles: the one place where memory grows with the number of cases (8 bytes each). */
export class Samples {
  private values = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = v;
  }

  /** Percentiles by the nearest-rank method, e.g. `[0.5, 0.9]` → median and p90. */
  percentiles(ps: readonly number[]): (number | null)[] {
    if (this.length === 0) return ps.map(() => null);
    const sorted = this.values.subarray(0, this.length).sort();
    return ps.map(
      (p) => sorted[Math.min(this.length - 1, Math.max(0, Math.ceil(p * this.length) - 1))] ?? null,
    );
  }
}

/** Counts per category (channel, issue type, …). */
export class Distribution {
  total = 0;
  readonly counts = new Map<string, number>();

  add(key: string): void {
    this.total += 1;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  shares(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, n] of [...this.counts].sort((a, b) => b[1] - a[1])) out[k] = n / this.total;
    return out;
  }
}
