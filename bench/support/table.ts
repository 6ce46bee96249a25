import { cpus } from 'node:os';

/** The p-th quantile (0–1) of xs, nearest rank; 0 for none. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] ?? 0;
export const median = (xs: number[]) => pct(xs, 0.5);
export const ms = (v: number) => `${v.toFixed(1)} ms`;

/** The table every benchmark prints: one row a figure, with its target and the ratio to it. */
export class BenchTable {
  private readonly rows: string[][] = [];

  add(name: string, figure: string, target: string, ratio: string): void {
    this.rows.push([name, figure, target, ratio]);
  }

  /** Prints the machine (and `setting`, what the figures were measured on), then the rows. */
  print(setting: string): void {
    const header = ['Benchmark', 'Figure', 'Target', 'Ratio'];
    const widths = header.map((h, k) => Math.max(h.length, ...this.rows.map((r) => (r[k] ?? '').length)));
    const line = (r: string[]) => r.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
    console.log(
      `\nNode ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ${setting}\n`,
    );
    console.log(line(header));
    console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    for (const r of this.rows) console.log(line(r));
  }
}
