import { encode } from 'fast-png';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphOf } from './bitmap-font.js';

/** An RGB colour, 0–255 each. */
export type Rgb = readonly [number, number, number];

/**
 * An indexed-colour canvas (one byte a pixel, a palette of a few colours) with the few primitives a line chart
 * needs: rectangles, thick and dashed lines, dots and bitmap text. Written here because nothing that runs on
 * Workers without WASM rasterises; encoded by fast-png as an 8-bit palette PNG (a few KB for a chart).
 */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly palette: readonly Rgb[],
  ) {
    if (palette.length === 0 || palette.length > 256) throw new Error('Raster: 1 to 256 colours');
    this.pixels = new Uint8Array(width * height); // colour 0 everywhere: the background
  }

  set(x: number, y: number, colour: number): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    this.pixels[py * this.width + px] = colour;
  }

  rect(x: number, y: number, w: number, h: number, colour: number): void {
    for (let j = Math.round(y); j < Math.round(y + h); j++)
      for (let i = Math.round(x); i < Math.round(x + w); i++) this.set(i, j, colour);
  }

  /** A square dot of side `size` centred on (x, y). */
  dot(x: number, y: number, size: number, colour: number): void {
    const half = size / 2;
    this.rect(x - half, y - half, size, size, colour);
  }

  /** A line `thickness` pixels wide; with `dash` [on, off] a dashed one. */
  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    colour: number,
    thickness = 1,
    dash?: [number, number],
  ) {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let s = 0; s <= steps; s++) {
      if (dash && s % (dash[0] + dash[1]) >= dash[0]) continue;
      const t = s / steps;
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t;
      if (thickness <= 1) this.set(x, y, colour);
      else this.dot(x, y, thickness, colour);
    }
  }

  /** Text in the 5×7 font, `scale` pixels a font pixel, from its top-left corner. Returns its width. */
  text(x: number, y: number, text: string, colour: number, scale = 2): number {
    let at = x;
    for (const ch of text) {
      const rows = glyphOf(ch);
      for (let r = 0; r < GLYPH_HEIGHT; r++)
        for (let c = 0; c < GLYPH_WIDTH; c++)
          if (((rows[r] ?? 0) >> (GLYPH_WIDTH - 1 - c)) & 1)
            this.rect(at + c * scale, y + r * scale, scale, scale, colour);
      at += (GLYPH_WIDTH + 1) * scale;
    }
    return at - x;
  }

  /** The width `text` takes at `scale`. */
  static textWidth(text: string, scale = 2): number {
    return [...text].length * (GLYPH_WIDTH + 1) * scale;
  }

  /** The canvas as an 8-bit indexed PNG. */
  png(text: Record<string, string> = {}): Uint8Array {
    return encode({
      width: this.width,
      height: this.height,
      data: this.pixels,
      depth: 8,
      channels: 1,
      palette: this.palette.map((c) => [...c]),
      text,
    });
  }
}
