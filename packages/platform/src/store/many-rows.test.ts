import { describe, expect, it } from 'vitest';
import { additiveKeyLength, manyRowsForm, manyRowsSql } from './many-rows.js';
import { SQL } from './sql.js';

describe('manyRowsSql', () => {
  it('turns INSERT … VALUES into one statement over a JSON array of rows, keeping ON CONFLICT', () => {
    expect(manyRowsSql(SQL.insertProcessed)).toBe(
      'INSERT INTO processed_events (tenant_id, source, event_id, processed_at) SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(?) WHERE true',
    );
    const caseEvent = manyRowsSql(SQL.insertCaseEvent);
    expect(caseEvent).toMatch(
      /SELECT value->>0, .*, value->>5 FROM json_each\(\?\) WHERE true ON CONFLICT DO NOTHING$/,
    );
    const rollup = manyRowsSql(SQL.addRollup) as string;
    // One value per bind value of the single form, and its ON CONFLICT … DO UPDATE as it was.
    expect(rollup.match(/value->>\d+/g)).toHaveLength((SQL.addRollup.match(/\?/g) ?? []).length);
    expect(rollup.endsWith(SQL.addRollup.slice(SQL.addRollup.indexOf('ON CONFLICT')))).toBe(true);
  });

  it('has a form for every statement a case write sends', () => {
    for (const sql of [
      SQL.insertProcessed,
      SQL.insertCase,
      SQL.upsertCase,
      SQL.addRollup,
      SQL.insertCaseEvent,
    ])
      expect(manyRowsSql(sql)).toContain('FROM json_each(?) WHERE true');
  });

  it('takes the many-row form a package declares for a statement that is not INSERT … VALUES', () => {
    const single = 'INSERT INTO t (a, b) SELECT a, ? FROM s WHERE tenant_id = ?';
    expect(manyRowsSql(single)).toBeNull();
    const many =
      'INSERT INTO t (a, b) SELECT s.a, r.value->>0 FROM json_each(?) r JOIN s ON s.tenant_id = r.value->>1';
    manyRowsForm(single, many);
    expect(manyRowsSql(single)).toBe(many);
  });

  it('has none for anything else: updates, deletes, selects, literals among the values', () => {
    expect(manyRowsSql(SQL.caseById)).toBeNull();
    expect(manyRowsSql(SQL.setRubric)).toBeNull();
    expect(manyRowsSql('DELETE FROM cases WHERE tenant_id = ? AND id = ?')).toBeNull();
    expect(manyRowsSql("INSERT INTO processed_events (tenant_id, source) VALUES ('demo', ?)")).toBeNull();
  });

  it('knows the rollup upsert as additive, keyed by tenant, day, channel, group and brand; nothing else', () => {
    expect(additiveKeyLength(SQL.addRollup)).toBe(5);
    expect(SQL.addRollup).toMatch(/^INSERT INTO daily_rollups \(tenant_id, day, channel, grp, brand, /);
    expect(SQL.addRollup).toMatch(/DO UPDATE SET created = created \+ excluded\.created,/);
    for (const sql of [SQL.upsertCase, SQL.insertProcessed, SQL.setSyncCursor])
      expect(additiveKeyLength(sql)).toBeNull();
  });
});
