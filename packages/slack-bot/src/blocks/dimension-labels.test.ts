import type { DimensionNames } from '@support-metrics/platform';
import { describe, expect, it } from 'vitest';
import { dimensionIdOf, dimensionLabel } from './dimension-labels.js';

const names: DimensionNames = {
  group: new Map([['360001234', 'Tier2']]),
  brand: new Map([['360009001', 'Acme']]),
};

describe('group and brand labels', () => {
  it('names a synced id, says an unsynced id is one, and an empty dimension is none', () => {
    expect(dimensionLabel(names, 'group', '360001234')).toBe('Tier2');
    expect(dimensionLabel(names, 'group', '360009001')).toBe('group 360009001 (name not synced)');
    expect(dimensionLabel(undefined, 'brand', '7')).toBe('brand 7 (name not synced)');
    expect(dimensionLabel(names, 'brand', '')).toBe('no brand');
  });

  it('finds the id of a filter by id or by name (case-insensitive), else keeps the value', () => {
    expect(dimensionIdOf(names, 'group', '360001234')).toBe('360001234');
    expect(dimensionIdOf(names, 'group', 'tier2')).toBe('360001234');
    expect(dimensionIdOf(names, 'brand', 'tier2')).toBe('tier2');
    expect(dimensionIdOf(undefined, 'group', 'x')).toBe('x');
  });
});
