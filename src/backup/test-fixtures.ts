import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { loadMigrations, type Migration } from '../db/migrate.ts';
import * as s from '../db/schema.ts';
import { recordEvent, SYSTEM_ACTOR, type Actor } from '../kernel/audit/store.ts';
import { enqueue } from '../kernel/outbox/store.ts';
import { readCatalog } from './catalog.ts';
import { tableRef } from './sql.ts';

/** Test data for the backup tests: every table of schema.ts, with the values most likely to go wrong. */

const statements = [
  // Types schema.ts does not use yet, a table that references itself, a generated and an identity column.
  `CREATE TABLE backup_probe (
    id bigserial PRIMARY KEY,
    parent_id bigint REFERENCES backup_probe(id),
    big bigint NOT NULL,
    amount numeric,
    ratio double precision,
    blob bytea,
    doc json,
    local_at timestamp,
    span interval,
    nums integer[],
    code integer GENERATED ALWAYS AS IDENTITY,
    big_mod bigint GENERATED ALWAYS AS (big % 1000) STORED
  )`,
  // No primary key: pages follow ctid.
  `CREATE TABLE backup_probe_loose (note text, at timestamptz)`,
  // A sequence no column owns, e.g. a register number.
  `CREATE SEQUENCE backup_probe_numbers START 100`,
];

/** Stands for a migration of a later release: backup code must pick its tables up without being told. */
export const LATER_MIGRATION: Migration = {
  name: '9000_backup_probe',
  hash: createHash('sha256').update(statements.join('\n')).digest('hex'),
  statements,
};

export const laterProgram = (): Migration[] => [...loadMigrations(), LATER_MIGRATION];

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `lentera-${prefix}-`));

/** Written as text: JavaScript would round the 20-digit number before jsonb ever saw it. */
const EXPLANATION = `{"skipped": [{"day": "2025-03-29", "why": {"kind": "libur_nasional", "name": "Nyepi"}}], "total": 10,
  "ratio": 1.50, "huge": 12345678901234567890.5, "text": "Rp 1.000 — “kutip”\\nbaris baru", "empty": {}, "list": [], "nothing": null}`;

/** Rows in every table; ids deliberately out of parent order and tables big enough for several pages. */
export async function fillEveryTable(database: Database): Promise<void> {
  const { db } = database;
  // The regency gets a smaller id than the province it belongs to.
  const [regency] = await db.insert(s.offices).values({ level: 'regency', code: '31.71', slug: 'kota-jakpus', name: 'KPU Kota Jakarta Pusat' }).returning();
  const [ri] = await db
    .insert(s.offices)
    .values({
      level: 'ri',
      code: '00',
      slug: 'kpu-ri',
      name: 'KPU RI',
      letterheadLines: ['KOMISI PEMILIHAN UMUM', 'Jl. Imam Bonjol No. 29 — "Menteng"\tJakarta', 'ü ñ 日本 😀 \\ /'],
    })
    .returning();
  const [province] = await db.insert(s.offices).values({ parentId: ri!.id, level: 'province', code: '31', slug: 'dki', name: 'KPU DKI' }).returning();
  await db.update(s.offices).set({ parentId: province!.id }).where(eq(s.offices.id, regency!.id));

  const [unit] = await db.insert(s.units).values([{ officeId: ri!.id, name: 'Biro Hukum' }, { officeId: province!.id, name: 'Data', active: false }]).returning();
  const staffRows = await db
    .insert(s.staff)
    .values([
      { officeId: ri!.id, unitId: unit!.id, email: 'ppid@kpu.go.id', name: 'Siti', roles: ['ppid', 'desk officer'], passwordHash: 'h1', totpSecret: 'JBSWY3DP', totpEnabled: true },
      { officeId: province!.id, email: 'Odd@Example.org', name: 'Budi', roles: ['a,b', 'quote"d', '{brace}', 'NULL', '', 'back\\slash', 'ü'], passwordHash: 'h2' },
      { officeId: regency!.id, email: 'none@example.org', name: 'Tanpa Peran', roles: [], passwordHash: 'h3', active: false, demo: true },
    ])
    .returning();
  const siti = staffRows[0]!;
  await db.insert(s.sessions).values({ tokenHash: 't1', staffId: siti.id, expiresAt: new Date('2030-01-01T00:00:00.123Z'), revokedAt: null, ip: '10.0.0.1', userAgent: 'Firefox' });
  await db.insert(s.passwordResets).values({ staffId: siti.id, tokenHash: 'r1', expiresAt: new Date('2026-05-01T01:02:03Z'), usedAt: new Date('2026-05-01T00:00:00Z') });
  await db.execute(sql`INSERT INTO sign_in_attempts (email, ip, at)
    SELECT 'x' || g || '@example.org', '10.0.' || (g % 255) || '.1', timestamptz '2025-06-01 08:00:00.654321+07' + g * interval '1 second'
    FROM generate_series(1, 1200) AS g`);
  await db.insert(s.holidays).values({ officeId: province!.id, day: '2025-06-22', kind: 'lokal', name: 'HUT Jakarta', decree: 'Kepgub 1/2025' });
  await db.insert(s.rulePeriods).values({ officeId: province!.id, profile: 'pemilu', startsOn: '2024-02-14', endsOn: '2024-03-20', note: 'Pemilu 2024' });
  await db.execute(sql`INSERT INTO deadlines (office_id, subject_type, subject_id, purpose, start_at, working_days, due, explanation, closed_at)
    VALUES (${ri!.id}, 'request', 'REQ-2025-0001', 'notice', '2025-03-04 05:06:07.123456+07', 10, '2025-03-18',
      ${EXPLANATION}::jsonb, NULL),
    (${province!.id}, 'objection', 'KEB-1', 'answer', '2025-12-31 23:59:59.999999+00', 30, '2026-02-12', '[1, "two", {"three": [3]}]'::jsonb, now())`);

  const actor: Actor = { staffId: siti.id, label: 'Siti', ip: '10.0.0.1', requestId: 'req-1' };
  for (const [officeId, n] of [[null, 1], [ri!.id, 2], [province!.id, 3], [ri!.id, 4], [null, 5]] as const) {
    await db.transaction((tx) =>
      recordEvent(tx, n % 2 ? SYSTEM_ACTOR : actor, {
        officeId,
        action: 'test.changed',
        subjectType: 'office',
        subjectId: n,
        before: n === 1 ? undefined : { name: 'lama', nested: { list: [1, 2, { deep: true }], when: new Date('2025-01-01T00:00:00Z') } },
        after: { name: `baru ${n}`, tags: ['a', 'b'], amount: 1.25 },
      }),
    );
  }
  await enqueue(db, { kind: 'mail', officeId: ri!.id, payload: { to: 'a@example.org', vars: { n: 1, list: ['x'] } }, dedupeKey: 'notice:1:REQ-1' });
  const done = await enqueue(db, { kind: 'mail', officeId: null, payload: {} });
  await db.update(s.outbox).set({ status: 'done', attempts: 2, lastError: 'SMTP 451\nretry', doneAt: new Date('2025-02-02T02:02:02.002Z') }).where(eq(s.outbox.id, done!));
  await db.insert(s.settings).values([{ key: 'cookie_secret', value: 'abc\tdef\nghi' }, { key: 'empty', value: '' }]);
}

/** Rows for the tables of LATER_MIGRATION: big numbers, bytes, json kept as written, a parent after its children. */
export async function fillLaterTables(database: Database): Promise<void> {
  await database.withSession(async (session) => {
    await session.query(`INSERT INTO backup_probe (id, parent_id, big, amount, ratio, blob, doc, local_at, span, nums)
      SELECT g, CASE WHEN g <= 100 THEN 2400 + g END, 9007199254740993 + g, 12345678901234567890.123456789, 0.1 * g,
        decode(md5(g::text) || '00ff0a0d', 'hex'), '{ "b": 1,\n  "a": [ 2 ] }'::json, timestamp '2025-01-01 07:00:00.5' + g * interval '1 minute',
        g * interval '1 day 2 hours', ARRAY[g, NULL, -g]
      FROM generate_series(1, 2500) AS g`);
    await session.query(`SELECT setval('backup_probe_id_seq', 2500)`);
    await session.query(`INSERT INTO backup_probe (big, amount, ratio, blob, doc) VALUES (-9223372036854775808, 'NaN', 'Infinity', '', 'null'), (0, 2.50, '-0', NULL, NULL)`);
    await session.query(`INSERT INTO backup_probe_loose SELECT 'catatan ' || g, NULL FROM generate_series(1, 1500) AS g`);
    await session.query(`INSERT INTO backup_probe_loose VALUES (NULL, '2025-01-01 00:00:00+07')`);
    await session.query(`SELECT nextval('backup_probe_numbers') FROM generate_series(1, 3)`);
  });
}

/**
 * Everything a database holds, as text both engines write alike: every row of every table (in a
 * stable order) and every sequence's position. Two databases with equal snapshots hold the same data.
 */
export async function snapshot(database: Database): Promise<{ tables: Record<string, string[]>; sequences: Record<string, string> }> {
  return database.withSession(async (session) => {
    await session.query('BEGIN');
    try {
      await session.query(`SET LOCAL TimeZone = 'UTC'`);
      const catalog = await readCatalog(session);
      const tables: Record<string, string[]> = {};
      for (const table of catalog.tables) {
        const rows = await session.query<{ line: string }>(`SELECT row_to_json(t)::text AS line FROM ${tableRef(table.name)} AS t ORDER BY 1`);
        tables[table.name] = rows.map((r) => r.line);
      }
      const sequences: Record<string, string> = {};
      for (const { name } of catalog.sequences) {
        const [row] = await session.query<{ state: string }>(`SELECT last_value::text || ' ' || is_called::text AS state FROM ${tableRef(name)}`);
        sequences[name] = row!.state;
      }
      return { tables, sequences };
    } finally {
      await session.query('ROLLBACK');
    }
  });
}

/** The rows of every schema.ts table as the application reads them through Drizzle (Dates, arrays, objects). */
export async function appView(database: Database): Promise<Record<string, unknown[]>> {
  const view: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(s.schema)) {
    const rows = await database.db.select().from(table);
    view[name] = rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return view;
}
