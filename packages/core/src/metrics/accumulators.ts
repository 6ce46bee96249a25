/** Values kept for exact percentiles: the one place where memory grows with the number of cases (8 bytes each). */
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
