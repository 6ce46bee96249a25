/**
 * `pnpm --filter @support-metrics/zendesk-app icons`: draws the app's icons, app/assets/logo.png (320×320) and
 * app/assets/logo-small.png (128×128), the sizes Zendesk asks for. A Garden-blue rounded square with three white
 * bars rising to a check mark, drawn from signed distances (anti-aliased by coverage) and written as RGBA PNGs with
 * node:zlib — small enough not to need an image library. The PNGs are committed; run this after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const BLUE: Rgb = [0x1f, 0x73, 0xb7]; // Garden blue-600
const WHITE: Rgb = [255, 255, 255];

/** Signed distance to a rounded box centred at (cx, cy), half-size (hx, hy), corner radius r (unit square). */
function roundedBox(x: number, y: number, cx: number, cy: number, hx: number, hy: number, r: number): number {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
/** Signed distance to a segment (ax, ay)–(bx, by) thickened to half-width w. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number, w: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w;
}

/** The colour (with alpha) of a point of the unit square. */
function shade(x: number, y: number, px: number): [number, number, number, number] {
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d / px));
  const bg = cover(roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.18));
  const bars = Math.min(
    roundedBox(x, y, 0.3, 0.66, 0.055, 0.1, 0.03),
    roundedBox(x, y, 0.45, 0.6, 0.055, 0.16, 0.03),
    roundedBox(x, y, 0.6, 0.54, 0.055, 0.22, 0.03),
  );
  const tick = Math.min(
    segment(x, y, 0.7, 0.25, 0.76, 0.31, 0.035),
    segment(x, y, 0.76, 0.31, 0.86, 0.18, 0.035),
  );
  const fg = cover(Math.min(bars, tick));
  const rgb = BLUE.map((c, i) => c + ((WHITE[i] ?? 0) - c) * fg) as Rgb;
  return [...rgb, bg * 255] as [number, number, number, number];
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of `side`×`side`, 4×4 supersampled. */
export function drawIcon(side: number): Buffer {
  const raw = Buffer.alloc((side * 4 + 1) * side);
  const px = 1 / side;
  for (let j = 0; j < side; j++) {
    raw[j * (side * 4 + 1)] = 0; // filter: none
    for (let i = 0; i < side; i++) {
      const acc: [number, number, number, number] = [0, 0, 0, 0];
      for (let sj = 0; sj < 4; sj++)
        for (let si = 0; si < 4; si++) {
          const [r, g, b, a] = shade((i + (si + 0.5) / 4) * px, (j + (sj + 0.5) / 4) * px, px / 4);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      const o = j * (side * 4 + 1) + 1 + i * 4;
      const a = acc[3];
      raw[o] = a ? Math.round(acc[0] / a) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / a) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / a) : 0;
      raw[o + 3] = Math.round(a / 16);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../app/assets', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [name, side] of [
    ['logo.png', 320],
    ['logo-small.png', 128],
  ] as const) {
    writeFileSync(join(dir, name), drawIcon(side));
    console.log(`wrote app/assets/${name} (${side}x${side})`);
  }
}
