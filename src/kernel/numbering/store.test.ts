import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINE, freshDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { counters, offices } from '../../db/schema.ts';
import { nextValue } from './store.ts';

let t: TestDatabase;
let officeA: number;
let officeB: number;
before(async () => {
  t = await freshDatabase();
  const rows = await t.database.db
    .insert(offices)
    .values([
      { level: 'regency', code: '21.01', slug: 'kab-bintan', name: 'KPU Kabupaten Bintan' },
      { level: 'regency', code: '21.02', slug: 'kab-karimun', name: 'KPU Kabupaten Karimun' },
    ])
    .returning({ id: offices.id });
  [officeA, officeB] = rows.map((r) => r.id) as [number, number];
});
after(async () => t?.cleanup());

const take = (officeId: number, series: string, year: number) => t.database.db.transaction((tx) => nextValue(tx, officeId, series, year));

describe('counters', () => {
  test('count from 1, separately per office, series and year', async () => {
    assert.deepEqual([await take(officeA, 'letter', 2026), await take(officeA, 'letter', 2026), await take(officeA, 'letter', 2026)], [1, 2, 3]);
    assert.equal(await take(officeB, 'letter', 2026), 1);
    assert.equal(await take(officeA, 'request', 2026), 1);
    assert.equal(await take(officeA, 'letter', 2027), 1);
    assert.equal(await take(officeA, 'letter', 2026), 4);
  });

  test('a rolled-back transaction gives its value back: no gap', async () => {
    assert.equal(await take(officeA, 'gapless', 2026), 1);
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        assert.equal(await nextValue(tx, officeA, 'gapless', 2026), 2);
        throw new Error('the issue failed after taking its number');
      }),
      /the issue failed/,
    );
    assert.equal(await take(officeA, 'gapless', 2026), 2);
    const rows = await t.database.db.select().from(counters);
    assert.equal(rows.find((r) => r.series === 'gapless')?.value, 2);
  });

  test('concurrent takers on PostgreSQL get distinct consecutive values', { skip: ENGINE !== 'postgres' && 'PGlite runs one transaction at a time' }, async () => {
    const values = await Promise.all(Array.from({ length: 20 }, () => take(officeB, 'race', 2026)));
    assert.deepEqual([...values].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
