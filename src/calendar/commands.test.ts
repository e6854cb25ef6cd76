import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { runCli } from '../cli.ts';
import { offices } from '../db/schema.ts';

let t: TestDatabase;
const savedEnv = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

before(async () => {
  t = await freshDatabase();
  await t.database.db.insert(offices).values([
    { level: 'regency', code: '2101', slug: 'kpu-bintan', name: 'KPU Kabupaten Bintan' },
    { level: 'regency', code: '9171', slug: 'kpu-jayapura', name: 'KPU Kota Jayapura', timeZone: 'Asia/Jayapura' },
  ]);
  // The CLI opens the database itself from the environment; the embedded one admits one process at a time.
  process.env.DATA_DIR = t.dataDir;
  if (ENGINE === 'postgres') process.env.DATABASE_URL = t.url;
  else {
    delete process.env.DATABASE_URL;
    await t.database.close();
  }
});

after(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await t.cleanup();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (line) => out.push(line), (line) => err.push(line));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('deadline', () => {
  test('--json prints the due date, the skipped days and the rest of the result', async () => {
    const { code, out } = await cli('deadline', '--office', 'kpu-bintan', '--received', '2025-12-22T10:00:00+07:00', '--json');
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.due, '2026-01-08');
    assert.equal(json.office, 'kpu-bintan');
    assert.equal(json.profile, 'normal');
    assert.equal(json.workingDays, 10);
    assert.equal(json.dayZero, '2025-12-22');
    assert.deepEqual(json.skipped[0], { day: '2025-12-25', kind: 'libur_nasional', name: 'Hari Raya Natal' });
    assert.deepEqual(
      json.skipped.map((s: { day: string }) => s.day),
      ['2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2026-01-01', '2026-01-03', '2026-01-04'],
    );
    assert.equal(json.counted.length, 10);
    assert.equal(json.explanation.id.at(-1), 'Jatuh tempo: Kamis, 8 Januari 2026.');
    assert.equal(json.explanation.en.at(-1), 'Due: Thursday, 8 January 2026.');
  });

  test('prints the due date and how it was counted, in the office’s own zone', async () => {
    // 23:30 UTC on Sunday 15 March is Monday 08:30 WIT.
    const { code, out } = await cli('deadline', '--office', 'kpu-jayapura', '--received', '2026-03-15T23:30Z', '--working-days', '3');
    assert.equal(code, 0);
    assert.match(out, /Jatuh tempo \/ due: 2026-03-26 \(Kamis, 26 Maret 2026\)/);
    assert.match(out, /Diterima Senin, 16 Maret 2026 pukul 08\.30 WIT\./);
    assert.match(out, /Received Monday, 16 March 2026 at 08:30 WIT\./);
  });

  test('a time without an offset, or an impossible one, is a one-sentence usage error in both languages', async () => {
    for (const received of ['2026-03-17T10:00', '2026-03-17', '17/03/2026 10:00+07:00', '2026-02-30T10:00+07:00', '2026-03-17T24:00+07:00']) {
      const { code, err } = await cli('deadline', '--office', 'kpu-bintan', '--received', received);
      assert.equal(code, 2, received);
      assert.match(err, /harus tanggal-waktu ISO 8601 dengan zona waktu.* \/ --received must be an ISO 8601 date-time with its offset/);
      assert.equal(err.split('\n').length, 1);
    }
    const days = await cli('deadline', '--office', 'kpu-bintan', '--received', '2026-03-17T10:00+07:00', '--working-days', '401');
    assert.equal(days.code, 2);
    assert.match(days.err, /0 sampai 400 \/ --working-days must be a whole number from 0 to 400/);
  });

  test('an unknown office slug is named in the error', async () => {
    const { code, err } = await cli('deadline', '--office', 'kpu-atlantis', '--received', '2026-03-17T10:00+07:00');
    assert.equal(code, 1);
    assert.match(err, /Kantor dengan slug "kpu-atlantis" tidak ditemukan\. \/ No office has the slug "kpu-atlantis"\./);
  });
});

describe('holidays', () => {
  test('import then list a year, with the office’s own days', async () => {
    const file = join(t.dataDir, 'libur-2027.csv');
    writeFileSync(file, 'date,kind,name,decree,office\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB 3 Menteri 2027,\n2027-04-20,lokal,Hari jadi,SK Bupati,kpu-bintan\n');
    const imported = await cli('holidays', 'import', file);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /2 baru\/new, 0 diperbarui\/updated, 0 tetap\/unchanged/);

    const national = await cli('holidays', 'list', '--year', '2027');
    assert.equal(national.code, 0);
    assert.deepEqual(national.out.split('\n'), [
      '2027-01-01  Jumat   libur_nasional  nasional    Tahun Baru 2027 Masehi (SKB 3 Menteri 2027)',
      '1 hari libur / holidays in 2027 (nasional / national)',
    ]);
    const withOffice = await cli('holidays', 'list', '--year', '2027', '--office', 'kpu-bintan');
    assert.match(withOffice.out, /2027-04-20  Selasa  lokal           kpu-bintan  Hari jadi \(SK Bupati\)/);
    assert.match((await cli('holidays', 'list', '--year', '2029')).out, /libur nasional 2029 belum dimasukkan/);
  });

  test('a bad file imports nothing and lists each row’s problem', async () => {
    const file = join(t.dataDir, 'rusak.csv');
    writeFileSync(file, 'date,kind,name,decree\n2028-01-01,libur_nasional,Tahun Baru,SKB\n2028-13-01,libur_nasional,Bulan salah,SKB\n');
    const { code, err } = await cli('holidays', 'import', file);
    assert.equal(code, 1);
    assert.match(err, /Tidak ada yang diimpor: 1 baris bermasalah\. \/ Nothing was imported: 1 row has problems\./);
    assert.match(err, /Baris 3: Tanggal "2028-13-01".* \/ Row 3: Date "2028-13-01"/);
    assert.match((await cli('holidays', 'list', '--year', '2028')).out, /^0 hari libur/);
    assert.equal((await cli('holidays', 'import', join(t.dataDir, 'tidak-ada.csv'))).code, 2);
    assert.equal((await cli('holidays', 'list')).code, 2);
  });

  test('every command has --help', async () => {
    for (const name of [['deadline'], ['holidays', 'import'], ['holidays', 'list']]) {
      const { code, out } = await cli(...name, '--help');
      assert.equal(code, 0);
      assert.match(out, new RegExp(`npm run cli -- ${name.join(' ')}`));
    }
  });
});
