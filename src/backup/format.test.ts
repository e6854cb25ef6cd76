import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../kernel/errors.ts';
import type { CatalogTable } from './catalog.ts';
import {
  assertBackupLevel,
  assertTargetLevel,
  checkLevel,
  defaultBackupPath,
  dependencyOrder,
  parseHeader,
  RowChecker,
  schemaDifferences,
  type BackupHeader,
} from './format.ts';
import { ident, insertQuery, pageQuery, sequenceQuery } from './sql.ts';

const header: BackupHeader = {
  format: 'lentera-backup',
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  engine: 'pglite',
  migrations: [{ name: '0000_a', hash: 'h0' }],
  tables: [
    { name: 'a', rows: 2, columns: [{ name: 'id', type: 'integer' }, { name: 'x', type: 'text' }] },
    { name: 'b', rows: 0, columns: [{ name: 'id', type: 'integer' }] },
    { name: 'c', rows: 1, columns: [{ name: 'id', type: 'bigint' }] },
  ],
  sequences: [{ name: 'a_id_seq', lastValue: '2', isCalled: true }],
};

const row = (table: string, values: Record<string, unknown>) => JSON.stringify({ table, row: values });

function refusal(pattern: RegExp) {
  return (error: unknown) => error instanceof AppError && pattern.test(`${error.text.id} / ${error.text.en}`);
}

describe('parseHeader', () => {
  test('reads a header it wrote', () => {
    assert.deepEqual(parseHeader(JSON.stringify(header)), header);
  });

  test('tells a foreign file, a newer version and a damaged header apart', () => {
    assert.throws(() => parseHeader('PK\u0003\u0004'), refusal(/^Berkas ini bukan cadangan Lentera/));
    assert.throws(() => parseHeader('{"format":"pg_dump"}'), refusal(/bukan cadangan Lentera/));
    assert.throws(() => parseHeader(JSON.stringify({ ...header, version: 2 })), refusal(/^Versi format cadangan 2 .* version 2 is not supported/));
    const damaged = { ...header, tables: [{ name: 'a', rows: -1, columns: [] }] };
    assert.throws(() => parseHeader(JSON.stringify(damaged)), refusal(/rusak pada baris 1/));
    assert.throws(() => parseHeader(JSON.stringify({ ...header, sequences: [{ name: 's', lastValue: '1e3', isCalled: true }] })), refusal(/baris 1/));
  });
});

describe('RowChecker', () => {
  test('accepts rows in header order, skipping empty tables', () => {
    const checker = new RowChecker(header);
    assert.equal(checker.check(row('a', { id: 1, x: 'p' }), 2), 'a');
    assert.equal(checker.check(row('a', { x: null, id: 2 }), 3), 'a');
    assert.equal(checker.check(row('c', { id: 9007199254740993 }), 4), 'c');
    checker.finish();
  });

  test('refuses a row out of turn, with a column too many or too few, or past the end', () => {
    const outOfTurn = new RowChecker(header);
    assert.throws(() => outOfTurn.check(row('c', { id: 1 }), 2), refusal(/rusak pada baris 2;.* corrupt at line 2;/));
    const extra = new RowChecker(header);
    assert.throws(() => extra.check(row('a', { id: 1, x: 'p', y: 1 }), 2), refusal(/baris 2/));
    const missing = new RowChecker(header);
    assert.throws(() => missing.check(row('a', { id: 1 }), 2), refusal(/baris 2/));
    const past = new RowChecker({ ...header, tables: [header.tables[1]!] });
    assert.throws(() => past.check(row('b', { id: 1 }), 2), refusal(/baris 2/));
    assert.throws(() => new RowChecker(header).check('{"table":"a","row":[1]}', 2), refusal(/baris 2/));
  });

  test('finish names the table that is short of rows', () => {
    const checker = new RowChecker(header);
    checker.check(row('a', { id: 1, x: '' }), 2);
    assert.throws(() => checker.finish(), refusal(/tabel a berisi 1 dari 2 baris;.* table a has 1 of 2 rows;/));
  });
});

describe('migration levels', () => {
  const program = [
    { name: '0000_a', hash: 'h0' },
    { name: '0001_b', hash: 'h1' },
    { name: '0002_c', hash: 'h2' },
  ];

  test('any leading part of the list is a level, in any order', () => {
    assert.deepEqual(checkLevel([], program), { ok: true });
    assert.deepEqual(checkLevel([program[1]!, program[0]!], program), { ok: true });
    assert.deepEqual(checkLevel(program, program), { ok: true });
  });

  test('an unknown name, a changed hash and a gap are told apart', () => {
    assert.deepEqual(checkLevel([...program, { name: '0003_d', hash: 'h3' }], program), { ok: false, problem: 'unknown', name: '0003_d' });
    assert.deepEqual(checkLevel([{ name: '0000_a', hash: 'edited' }], program), { ok: false, problem: 'changed', name: '0000_a' });
    assert.deepEqual(checkLevel([program[1]!], program), { ok: false, problem: 'gap', name: '0000_a' });
  });

  test('the refusals say what to do', () => {
    assert.throws(() => assertBackupLevel([...program, { name: '0003_d', hash: 'h3' }], program), refusal(/restore with the same or a newer Lentera/));
    assert.throws(() => assertBackupLevel([{ name: '0000_a', hash: 'x' }], program), refusal(/Migrasi 0000_a di cadangan berbeda/));
    assert.throws(() => assertTargetLevel(program, program.slice(0, 2)), refusal(/\(0002_c\).* restore into an empty database/));
    assertTargetLevel([], program);
  });
});

describe('dependencyOrder', () => {
  test('puts every table after the tables it references', () => {
    const refs = [
      { table: 'staff', references: 'offices' },
      { table: 'staff', references: 'units' },
      { table: 'units', references: 'offices' },
      { table: 'offices', references: 'offices' },
      { table: 'sessions', references: 'staff' },
      { table: 'units', references: 'elsewhere' },
    ];
    assert.deepEqual(dependencyOrder(['sessions', 'staff', 'units', 'offices', 'settings'], refs), ['offices', 'settings', 'units', 'staff', 'sessions']);
  });

  test('breaks a cycle at the first name and still orders what depends on it', () => {
    const refs = [
      { table: 'a', references: 'b' },
      { table: 'b', references: 'a' },
      { table: 'c', references: 'b' },
    ];
    assert.deepEqual(dependencyOrder(['c', 'b', 'a'], refs), ['a', 'b', 'c']);
  });
});

test('schemaDifferences names a changed column type, a missing table and a missing sequence', () => {
  const target = {
    tables: [
      { name: 'a', columns: [{ name: 'id', type: 'integer' }, { name: 'x', type: 'varchar(10)' }] },
      { name: 'b', columns: [{ name: 'id', type: 'integer' }] },
    ],
    sequences: [],
  };
  assert.deepEqual(schemaDifferences(header, target), [
    'column a.x text (backup only)',
    'table c (backup only)',
    'column c.id bigint (backup only)',
    'column a.x varchar(10) (target only)',
    'sequence a_id_seq (backup only)',
  ]);
  assert.deepEqual(schemaDifferences(header, { tables: header.tables, sequences: header.sequences }), []);
});

test('the default file name is in the local time of the machine', () => {
  const saved = process.env.TZ;
  process.env.TZ = 'Asia/Jakarta';
  try {
    // 23:30 UTC is already the next morning in Jakarta.
    assert.equal(defaultBackupPath('/data', new Date('2025-01-01T23:30:05Z')), '/data/backups/lentera-20250102-063005.lentera-backup.gz');
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

describe('SQL text', () => {
  const table: CatalogTable = {
    name: 'odd"name',
    columns: [
      { name: 'chain', type: 'integer' },
      { name: 'seq', type: 'bigint' },
      { name: 'blob', type: 'bytea' },
      { name: 'doc', type: 'json' },
      { name: 'tags', type: 'text[]' },
      { name: 'ratios', type: 'double precision[]' },
    ],
    primaryKey: [
      { name: 'chain', type: 'integer' },
      { name: 'seq', type: 'bigint' },
    ],
  };

  test('identifiers are quoted', () => {
    assert.equal(ident('odd"name'), '"odd""name"');
  });

  test('pages follow a composite key, or ctid without one', () => {
    const first = pageQuery(table, false);
    assert.doesNotMatch(first, /WHERE/);
    assert.match(pageQuery(table, true), /WHERE \(t\."chain", t\."seq"\) > \(\$1::integer, \$2::bigint\) ORDER BY t\."chain", t\."seq" LIMIT 1000/);
    assert.match(pageQuery({ ...table, primaryKey: [] }, true), /WHERE \(t\.ctid\) > \(\$1::tid\) ORDER BY t\.ctid/);
  });

  test('bytea travels as base64, json and floats as their exact text, both ways', () => {
    const page = pageQuery(table, false);
    assert.match(page, /translate\(encode\(t\."blob", 'base64'\), E'\\n', ''\) AS "blob"/);
    assert.match(page, /t\."doc"::text AS "doc"/);
    const insert = insertQuery(table);
    assert.match(insert, /decode\(r\."blob", 'base64'\), r\."doc"::json, r\."tags", r\."ratios"::double precision\[\]/);
    assert.match(insert, /jsonb_to_recordset\(jsonb_path_query_array\(\$1::jsonb, '\$\[\*\]\.row'\)\)/);
    assert.match(insert, /AS r\("chain" integer, "seq" bigint, "blob" text, "doc" text, "tags" text\[\], "ratios" text\)/);
    assert.match(insert, /^INSERT INTO public\."odd""name" \("chain", "seq", "blob", "doc", "tags", "ratios"\) OVERRIDING SYSTEM VALUE/);
  });

  test('a sequence is never set below the largest id of the column it feeds', () => {
    assert.match(sequenceQuery({ name: 's', owner: { table: 't', column: 'id' } }), /WHEN m\.top >= \$2::bigint THEN setval\(\$1::regclass, m\.top\)/);
    assert.equal(sequenceQuery({ name: 's', owner: null }), 'SELECT setval($1::regclass, $2::bigint, $3::boolean)');
  });
});
