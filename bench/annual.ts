/**
 * The national annual-report aggregation on PostgreSQL over a generated data set: figuresByOffice for
 * every office over one year plus sumFigures (src/reports/figures.ts), against baselines measured in
 * the same run: a plain `select count(*) from requests` (PostgreSQL answers it from an index) and the
 * same count read from the table, the floor for a query that needs the rows' columns.
 *
 * The data: KPU RI, 38 provinces and 514 regencies/cities (each province's real number of them) in
 * WIB, WITA and WIT, and BENCH_REQUESTS requests (default 10,000,000) received in time order over the
 * year, shared unevenly between the offices, with their clocks (deadlines whose explanation is the
 * working-day engine's own, counted over weekends and the fixed-date national holidays), decisions
 * (outcome, answer_working_days, Pasal 17 letters of refusals), extensions, about 2% objections with
 * their answer clocks and reopened clocks, and disputes with their start and finish clocks. A few rows
 * fall just outside the year in each zone. It is made with set-based SQL (INSERT … SELECT FROM
 * generate_series) in chunks on two connections, the secondary indexes dropped first and built again
 * after the load, then VACUUM ANALYZE.
 *
 * Measured: the baselines and the aggregation three times each after one warm-up run (median wall
 * time), the Node process's peak RSS and heap above its idle level (sampled every 50 ms), the national
 * figures against counts made independently, and on the server EXPLAIN (ANALYZE, BUFFERS) of each of
 * the aggregation's queries, captured as the program sends them: execution time, shared and temp
 * buffers, and the plan's nodes. At the default, about 20 minutes and 17 GB of disk on 2 cores.
 *
 *   npm run bench:annual                                    # a fresh database on the local PostgreSQL, dropped after
 *   BENCH_REQUESTS=200000 npm run bench:annual              # a quick run
 *   DATABASE_URL=postgres://…/empty_db npm run bench:annual # an empty database of yours, kept after
 *
 * Knobs: BENCH_REQUESTS (default 10000000), BENCH_YEAR (default last year), BENCH_PG_URL (server the
 * fresh database is made on, default postgres://postgres@127.0.0.1:5432/postgres). Figures only: a
 * bench asserts no timings.
 */
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql as drizzleSql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { OfficeCalendar } from '../src/calendar/rules.ts';
import { openDatabase, type Executor } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { windowFrom } from '../src/objections/rules.ts';
import { todayIn } from '../src/offices/portal.tsx';
import { decidedCount, emptyFigures, figuresByOffice, medianAnswerDays, overdueRate, sumFigures, type OfficeFigures } from '../src/reports/figures.ts';
import { benchDatabase } from './database.ts';

const REQUESTS = Math.max(10_000, Number(process.env.BENCH_REQUESTS ?? 10_000_000));
const YEAR = Number(process.env.BENCH_YEAR ?? new Date().getUTCFullYear() - 1);
const RUNS = 3;
const CHUNK = 100_000;
const SAMPLE_MS = 50;

// ---------------------------------------------------------------------------------------------------
// The offices: each province with its number of regencies/cities (2024) and its zone

const PROVINCES: readonly [name: string, regencies: number, zone: string][] = [
  ['Aceh', 23, 'Asia/Jakarta'], ['Sumatera Utara', 33, 'Asia/Jakarta'], ['Sumatera Barat', 19, 'Asia/Jakarta'], ['Riau', 12, 'Asia/Jakarta'],
  ['Jambi', 11, 'Asia/Jakarta'], ['Sumatera Selatan', 17, 'Asia/Jakarta'], ['Bengkulu', 10, 'Asia/Jakarta'], ['Lampung', 15, 'Asia/Jakarta'],
  ['Kepulauan Bangka Belitung', 7, 'Asia/Jakarta'], ['Kepulauan Riau', 7, 'Asia/Jakarta'], ['DKI Jakarta', 6, 'Asia/Jakarta'],
  ['Jawa Barat', 27, 'Asia/Jakarta'], ['Jawa Tengah', 35, 'Asia/Jakarta'], ['DI Yogyakarta', 5, 'Asia/Jakarta'], ['Jawa Timur', 38, 'Asia/Jakarta'],
  ['Banten', 8, 'Asia/Jakarta'], ['Bali', 9, 'Asia/Makassar'], ['Nusa Tenggara Barat', 10, 'Asia/Makassar'], ['Nusa Tenggara Timur', 22, 'Asia/Makassar'],
  ['Kalimantan Barat', 14, 'Asia/Jakarta'], ['Kalimantan Tengah', 14, 'Asia/Jakarta'], ['Kalimantan Selatan', 13, 'Asia/Makassar'],
  ['Kalimantan Timur', 10, 'Asia/Makassar'], ['Kalimantan Utara', 5, 'Asia/Makassar'], ['Sulawesi Utara', 15, 'Asia/Makassar'],
  ['Sulawesi Tengah', 13, 'Asia/Makassar'], ['Sulawesi Selatan', 24, 'Asia/Makassar'], ['Sulawesi Tenggara', 17, 'Asia/Makassar'],
  ['Gorontalo', 6, 'Asia/Makassar'], ['Sulawesi Barat', 6, 'Asia/Makassar'], ['Maluku', 11, 'Asia/Jayapura'], ['Maluku Utara', 10, 'Asia/Jayapura'],
  ['Papua', 9, 'Asia/Jayapura'], ['Papua Barat', 7, 'Asia/Jayapura'], ['Papua Selatan', 4, 'Asia/Jayapura'], ['Papua Tengah', 8, 'Asia/Jayapura'],
  ['Papua Pegunungan', 8, 'Asia/Jayapura'], ['Papua Barat Daya', 6, 'Asia/Jayapura'],
];

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface OfficeRow {
  readonly id: number;
  readonly parentId: number | null;
  readonly level: 'ri' | 'province' | 'regency';
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly city: string;
  readonly zone: string;
  /** Share of the nation's requests, relative. */
  readonly weight: number;
}

/** KPU RI (id 1), the provinces, then each province's regencies/cities: 553 offices. */
function officeTree(): OfficeRow[] {
  const out: OfficeRow[] = [{ id: 1, parentId: null, level: 'ri', code: '00', slug: 'ri', name: 'KPU Republik Indonesia', city: 'Jakarta Pusat', zone: 'Asia/Jakarta', weight: 40 }];
  PROVINCES.forEach(([name, , zone], p) =>
    out.push({ id: 2 + p, parentId: 1, level: 'province', code: String(11 + p), slug: `prov-${slugify(name)}`, name: `KPU Provinsi ${name}`, city: name, zone, weight: 6 }),
  );
  PROVINCES.forEach(([name, count, zone], p) => {
    // Java's regencies are the most populous; within a province some draw four times the requests of others.
    const java = /Jawa|Jakarta|Banten|Yogyakarta/.test(name) ? 2 : 1;
    for (let r = 1; r <= count; r++) {
      const city = r % 5 === 0;
      const place = `${name} ${r}`;
      out.push({
        id: out.length + 1,
        parentId: 2 + p,
        level: 'regency',
        code: `${11 + p}.${String(r).padStart(2, '0')}`,
        slug: `${city ? 'kota' : 'kab'}-${slugify(place)}`,
        name: `KPU ${city ? 'Kota' : 'Kabupaten'} ${place}`,
        city: place,
        zone,
        weight: java * (1 + ((r * 7 + p * 3) % 4)),
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// What the registers hold, as weighted lists SQL picks from

/** Each value repeated by its weight: a uniform pick from the list is the weighted choice. */
function weighted<T>(pairs: readonly (readonly [T, number])[]): T[] {
  return pairs.flatMap(([value, n]) => Array.from({ length: n }, () => value));
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const texts = (list: readonly string[]) => `ARRAY[${list.map(quote).join(',')}]::text[]`;
const ints = (list: readonly number[]) => `'{${list.join(',')}}'::int[]`;

const CHANNEL_MIX = weighted([['online', 50], ['walk_in', 18], ['email', 15], ['letter', 12], ['phone', 3], ['fax', 2]]);
const APPLICANT_MIX = weighted([['individual', 86], ['legal_entity', 9], ['group', 5]]);
/** 'pending': never decided (overdue by now). */
const OUTCOME_MIX = weighted([['granted_full', 53], ['granted_part', 12], ['not_held', 10], ['refused', 8], ['handed_over', 6], ['not_documented', 4], ['exempt_explained', 4], ['pending', 3]]);
/** Working days to the decision, per thousand: most within the 10, some in the extension's 7, a few late. */
const DAYS_MIX = weighted([
  [0, 30], [1, 80], [2, 100], [3, 100], [4, 90], [5, 90], [6, 80], [7, 80], [8, 70], [9, 60], [10, 60],
  [11, 20], [12, 20], [13, 20], [14, 20], [15, 20], [16, 15], [17, 15], [18, 8], [19, 6], [20, 5], [22, 4], [25, 4], [30, 3],
]);
const PASAL17_MIX = weighted([['h', 35], ['i', 15], ['j', 10], ['b', 8], ['c', 6], ['f', 6], ['a', 4], ['d', 3], ['e', 3], ['g', 5], ['', 5]]);
const OBJECTION_STATUS_MIX = weighted([['upheld', 45], ['overturned', 18], ['settled', 12], ['withdrawn', 12], ['filed', 13]]);
/** Working days the Atasan PPID took: mostly within the 30. */
const OBJECTION_DAYS_MIX = weighted([[5, 10], [10, 20], [15, 20], [20, 15], [25, 12], [30, 13], [35, 5], [40, 3], [45, 2]]);
const DISPUTE_STAGE_MIX = weighted([['closed', 50], ['decided', 10], ['adjudication', 15], ['mediation', 15], ['court', 5], ['filed', 5]]);
const DISPUTE_OUTCOME_MIX = weighted([['mediation_agreement', 30], ['granted', 15], ['granted_part', 12], ['rejected', 20], ['withdrawn', 10], ['dismissed', 10], ['court_ruling', 3]]);

const FIRST_NAMES = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Nur', 'Agus', 'Rina', 'Eko', 'Wahyu', 'Sri', 'Andi', 'Putu', 'Made', 'Yohanes', 'Fitri', 'Rahmat', 'Ketut', 'Maria', 'Hendra', 'Lestari'];
const LAST_NAMES = ['Rahayu', 'Santoso', 'Hidayat', 'Wijaya', 'Lubis', 'Siregar', 'Nasution', 'Saputra', 'Pratama', 'Kurniawan', 'Sinaga', 'Manurung', 'Tanjung', 'Wibowo', 'Setiawan', 'Harahap', 'Pattiasina', 'Wenda'];
const STREETS = ['Jl. Merdeka', 'Jl. Sudirman', 'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Gajah Mada', 'Jl. Pemuda', 'Jl. Pahlawan', 'Jl. Veteran', 'Jl. Kartini', 'Jl. Hasanuddin'];
const OCCUPATIONS = ['Mahasiswa', 'Peneliti', 'Wartawan', 'Wiraswasta', 'Pegawai swasta', 'Guru', 'Advokat', 'Pengurus partai politik', 'Pegiat LSM', 'Petani'];
const INFORMATION = [
  'Salinan keputusan penetapan daftar pemilih tetap per kecamatan',
  'Rekapitulasi hasil penghitungan suara tingkat kabupaten/kota beserta lampirannya',
  'Rincian anggaran hibah penyelenggaraan pemilihan dan realisasinya',
  'Daftar nama anggota PPK, PPS dan KPPS beserta surat keputusan pengangkatannya',
  'Laporan dana kampanye peserta pemilu yang telah diaudit',
  'Dokumen pengadaan logistik pemungutan suara dan berita acara serah terima',
  'Salinan formulir model C hasil di seluruh TPS pada satu kelurahan',
  'Notulen rapat pleno terbuka penetapan calon terpilih',
  'Jumlah pemilih penyandang disabilitas per TPS',
  'Salinan berita acara verifikasi faktual partai politik',
  'Dokumen syarat pencalonan calon anggota DPRD',
  'Laporan pertanggungjawaban keuangan tahun anggaran sebelumnya',
];
const PURPOSES = ['Penelitian skripsi', 'Bahan pemberitaan', 'Pemantauan pemilu', 'Bahan gugatan di Mahkamah Konstitusi', 'Kepentingan pribadi', 'Bahan advokasi kebijakan', 'Kajian akademik'];
const OBJECTION_TEXTS = [
  'Pemohon berpendapat informasi yang diminta bukan informasi yang dikecualikan dan uji konsekuensi tidak dilakukan dengan benar.',
  'Sampai batas waktu permohonan tidak ditanggapi dan tidak ada pemberitahuan perpanjangan.',
  'Informasi yang diberikan tidak sesuai dengan yang diminta dalam formulir permohonan.',
  'Biaya penggandaan yang dikenakan melebihi standar biaya yang ditetapkan.',
];

// ---------------------------------------------------------------------------------------------------
// The clocks: the working-day engine's own results for every start day, looked up by the generator

/** The fixed-date national holidays (the lunar ones move every year; these are enough to be counted over). */
function fixedHolidays(years: number[]): OfficeCalendar['holidays'] {
  const days: [string, string][] = [['01-01', 'Tahun Baru Masehi'], ['05-01', 'Hari Buruh Internasional'], ['06-01', 'Hari Lahir Pancasila'], ['08-17', 'Hari Kemerdekaan Republik Indonesia'], ['12-25', 'Hari Raya Natal']];
  return years.flatMap((y) => days.map(([md, name]) => ({ day: `${y}-${md}`, kind: 'libur_nasional' as const, name, officeId: null })));
}

interface ClockRow {
  readonly zone: string;
  readonly day: string;
  /** wd[k]: the k-th working day counted after day zero (k = 1…120). */
  readonly wd: string[];
  readonly e10: unknown;
  /** The extension's 7 working days, counted from the 10's due date. */
  readonly e7: unknown;
  readonly e14: unknown;
  readonly e30: unknown;
  readonly e100: unknown;
}

function clockRows(): ClockRow[] {
  const years = [YEAR - 1, YEAR, YEAR + 1, YEAR + 2];
  const out: ClockRow[] = [];
  for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
    const calendar: OfficeCalendar = { timeZone: zone, hoursStart: '08:00', hoursEnd: '16:00', afterHoursRule: 'next_working_day', holidays: fixedHolidays(years), yearsWithNationalData: years };
    // From before the year (rows just outside it) to past the latest dispute filing the generator makes.
    for (let t = Date.UTC(YEAR - 1, 11, 20); t <= Date.UTC(YEAR + 1, 8, 30); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const e10 = windowFrom(day, 10, calendar);
      out.push({
        zone,
        day,
        wd: windowFrom(day, 120, calendar).counted,
        e10,
        e7: windowFrom(e10.due, 7, calendar),
        e14: windowFrom(day, 14, calendar),
        e30: windowFrom(day, 30, calendar),
        e100: windowFrom(day, 100, calendar),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The generator: one statement per chunk of request ids [$1, $2)

function generatorSql(tree: readonly OfficeRow[]): string {
  const N = REQUESTS;
  // 10,000 slots dealt by weight: a uniform slot is a weighted office.
  const total = tree.reduce((a, o) => a + o.weight, 0);
  const slots: number[] = [];
  for (const o of tree) for (let k = 0; k < Math.round((o.weight / total) * 10_000); k++) slots.push(o.id);
  // From 21:00 WIB on 31 December before to 09:00 WIB on 1 January after: the edges fall outside the year in every zone.
  const start = Date.UTC(YEAR - 1, 11, 31, 14) / 1000;
  const step = (Date.UTC(YEAR + 1, 0, 1, 2) / 1000 - start) / N;
  const pick = (list: string, k: number, id = 'i') => `bench_pick(${list}, bench_u(${id}, ${k}))`;
  /** A local time on `day` in the row's zone, from `fromMinute` past midnight and within `minutes` after. */
  const at = (day: string, k: number, fromMinute = 480, minutes = 420, zone = 'zone') =>
    `((${day}) + make_interval(secs => ${fromMinute * 60} + floor(bench_u(i, ${k}) * ${minutes * 60}))) AT TIME ZONE ${zone}`;
  return `
    WITH r0 AS MATERIALIZED (
      SELECT i, (${ints(slots)})[1 + floor(bench_u(i, 1) * ${slots.length})::int] AS office_id,
        to_timestamp(${start} + (i - 1 + bench_u(i, 2)) * ${step}) AS received_at
      FROM generate_series($1::bigint, $2::bigint - 1) i
    ), r1 AS MATERIALIZED (
      SELECT r0.*, o.code, o.city, o.time_zone AS zone, (r0.received_at AT TIME ZONE o.time_zone)::date AS local_day,
        ${pick(texts(OUTCOME_MIX), 3)} AS outcome0, ${pick(ints(DAYS_MIX), 4)} AS days0,
        ${pick(texts(CHANNEL_MIX), 5)} AS channel, ${pick(texts(APPLICANT_MIX), 6)} AS applicant_type,
        bench_u(i, 7) AS u_ext, bench_u(i, 8) AS u_obj
      FROM r0 JOIN offices o ON o.id = r0.office_id
    ), r AS MATERIALIZED (
      SELECT r1.*, k.e10, k.e7, k.wd[10] AS due, k.wd[17] AS extended_due,
        nullif(outcome0, 'pending') AS outcome,
        CASE WHEN outcome0 <> 'pending' THEN days0 END AS days,
        days0 > 10 OR u_ext < 0.03 OR (outcome0 = 'pending' AND u_ext < 0.3) AS extended,
        CASE WHEN outcome0 = 'pending' THEN NULL WHEN days0 = 0 THEN r1.received_at + make_interval(secs => 600 + floor(bench_u(i, 9) * 10800))
          ELSE ${at('k.wd[days0]', 9, 540, 420, 'r1.zone')} END AS decided_at,
        CASE WHEN outcome0 IN ('refused', 'exempt_explained') THEN ${pick(texts(PASAL17_MIX), 10)} ELSE '' END AS pasal17
      FROM r1 JOIN bench_clock k ON k.zone = r1.zone AND k.day = r1.local_day
    ), x0 AS MATERIALIZED (
      -- About 2% are objected to: refusals and unanswered requests most, full grants hardly ever.
      SELECT i, office_id, code, zone, outcome, due, extended, extended_due, decided_at,
        CASE WHEN outcome IS NULL THEN (CASE WHEN extended THEN extended_due ELSE due END) + (1 + floor(bench_u(i, 11) * 20))::int
          ELSE (decided_at AT TIME ZONE zone)::date + (1 + floor(bench_u(i, 11) * 25))::int END AS day
      FROM r
      WHERE u_obj < CASE coalesce(outcome, 'pending') WHEN 'refused' THEN 0.08 WHEN 'exempt_explained' THEN 0.05 WHEN 'granted_part' THEN 0.03
        WHEN 'not_held' THEN 0.015 WHEN 'not_documented' THEN 0.015 WHEN 'pending' THEN 0.15 ELSE 0.003 END
    ), x1 AS MATERIALIZED (
      SELECT x0.*, k.wd AS owd, k.e30, ${at('x0.day', 12, 480, 420, 'x0.zone')} AS received_at,
        CASE WHEN outcome IN ('refused', 'exempt_explained') THEN CASE WHEN bench_u(i, 13) < 0.2 THEN '{a,d}' ELSE '{a}' END
          WHEN outcome = 'granted_part' THEN CASE WHEN bench_u(i, 13) < 0.5 THEN '{d}' ELSE '{d,e}' END
          WHEN outcome IS NULL THEN CASE WHEN bench_u(i, 13) < 0.6 THEN '{c,g}' ELSE '{c}' END
          WHEN outcome = 'granted_full' THEN (ARRAY['{f}', '{g}', '{d}'])[1 + floor(bench_u(i, 13) * 3)::int]
          ELSE CASE WHEN bench_u(i, 13) < 0.7 THEN '{e}' ELSE '{d}' END END::text[] AS grounds,
        ${pick(texts(OBJECTION_STATUS_MIX), 14)} AS status0, ${pick(ints(OBJECTION_DAYS_MIX), 15)} AS odays
      FROM x0 JOIN bench_clock k ON k.zone = x0.zone AND k.day = x0.day
    ), x AS MATERIALIZED (
      -- A refusal (ground a) cannot be settled by agreement: the Atasan PPID upholds it instead.
      SELECT x1.*, CASE WHEN status0 = 'settled' AND 'a' = ANY (grounds) THEN 'upheld' ELSE status0 END AS status,
        CASE WHEN status0 IN ('upheld', 'overturned', 'settled') THEN ${at('x1.owd[x1.odays]', 16, 540)} END AS odecided_at,
        CASE WHEN status0 = 'upheld' THEN CASE WHEN bench_u(i, 17) < 0.55 THEN 'not_accepted' ELSE 'accepted' END
          WHEN status0 IN ('overturned', 'settled') THEN 'accepted' END AS response
      FROM x1
    ), reopened AS MATERIALIZED (
      SELECT x.i, x.office_id, x.odecided_at, k.wd[10] AS due, k.e10
      FROM x JOIN bench_clock k ON k.zone = x.zone AND k.day = (x.odecided_at AT TIME ZONE x.zone)::date
      WHERE x.status = 'overturned'
    ), s0 AS MATERIALIZED (
      SELECT x.*, coalesce((x.odecided_at AT TIME ZONE x.zone)::date, x.owd[30]) + (1 + floor(bench_u(i, 18) * 14))::int AS filed_on,
        ${pick(texts(DISPUTE_STAGE_MIX), 19)} AS stage
      FROM x
      WHERE (x.response = 'not_accepted' AND bench_u(i, 20) < 0.5) OR (x.status = 'filed' AND bench_u(i, 20) < 0.3)
    ), s AS MATERIALIZED (
      SELECT s0.*, k.wd AS swd, k.e14, k.e100,
        CASE o.level WHEN 'ri' THEN 'Komisi Informasi Pusat' WHEN 'province' THEN 'Komisi Informasi Provinsi ' || o.city ELSE 'Komisi Informasi Provinsi ' || p.city END AS commission
      FROM s0 JOIN bench_clock k ON k.zone = s0.zone AND k.day = s0.filed_on
        JOIN offices o ON o.id = s0.office_id LEFT JOIN offices p ON p.id = o.parent_id
    ), clocks AS (
      INSERT INTO deadlines (id, office_id, subject_type, subject_id, purpose, start_at, working_days, due, explanation, closed_at)
      SELECT i, office_id, 'request', i::text, 'request_notice', received_at, 10, due, e10, decided_at FROM r
      UNION ALL
      SELECT ${N} + i, office_id, 'request', i::text, 'request_extension', ${at('due', 21, 480, 60)}, 7, extended_due, e7, decided_at FROM r WHERE extended
      UNION ALL
      SELECT ${2 * N} + i, office_id, 'objection', i::text, 'objection_answer', received_at, 30, owd[30], e30, odecided_at FROM x
      UNION ALL
      SELECT ${3 * N} + i, office_id, 'request', i::text, 'objection_reopen', odecided_at, 10, due, e10, NULL FROM reopened
      UNION ALL
      SELECT ${4 * N} + i, office_id, 'dispute', i::text, 'dispute_start', ${at('filed_on', 22, 480, 60)}, 14, swd[14], e14, NULL FROM s
      UNION ALL
      SELECT ${5 * N} + i, office_id, 'dispute', i::text, 'dispute_finish', ${at('filed_on', 22, 480, 60)}, 100, swd[100], e100, NULL FROM s
    ), requests_in AS (
      INSERT INTO requests (id, office_id, number, submission_key, channel, applicant_type, name, nik, legal_number, address, phone, email,
          occupation, information, purpose, obtain_method, delivery_method, status, outcome, profile, received_at, intake_seconds,
          deadline_id, extension_deadline_id, extension_reason, reopen_deadline_id, decision, decided_at, answer_working_days,
          delivered_at, delivery_mode, closed_at)
      SELECT r.i, r.office_id, r.i || '/REG-PPID/' || r.code || '/' || ${YEAR}, md5(r.i::text), r.channel, r.applicant_type,
        CASE WHEN r.applicant_type = 'legal_entity' THEN 'Perkumpulan Pemantau Pemilu ' || r.city ELSE ${pick(texts(FIRST_NAMES), 23, 'r.i')} || ' ' || ${pick(texts(LAST_NAMES), 24, 'r.i')} END,
        CASE WHEN r.applicant_type = 'legal_entity' THEN '' ELSE lpad((abs(hashint8(r.i * 64 + 25)::bigint) * 4321)::text, 16, '3') END,
        CASE WHEN r.applicant_type = 'legal_entity' THEN 'AHU-' || lpad((r.i % 100000)::text, 7, '0') || '.AH.01.07.' || ${YEAR - 3} ELSE '' END,
        ${pick(texts(STREETS), 26, 'r.i')} || ' No. ' || (1 + r.i % 120) || ', ' || r.city,
        '08' || lpad((abs(hashint8(r.i * 64 + 27)::bigint) % 10000000000)::text, 10, '1'),
        CASE WHEN r.channel IN ('online', 'email') THEN 'pemohon' || r.i || '@example.id' ELSE '' END,
        ${pick(texts(OCCUPATIONS), 28, 'r.i')}, ${pick(texts(INFORMATION), 29, 'r.i')}, ${pick(texts(PURPOSES), 30, 'r.i')},
        CASE WHEN bench_u(r.i, 31) < 0.8 THEN 'copy' ELSE 'view' END,
        CASE WHEN r.channel IN ('online', 'email') THEN 'email' WHEN r.channel = 'letter' THEN 'post' WHEN r.channel = 'fax' THEN 'fax' ELSE 'collect' END,
        CASE WHEN r.outcome IS NULL THEN CASE WHEN bench_u(r.i, 32) < 0.4 THEN 'received' ELSE 'escalated' END WHEN bench_u(r.i, 32) < 0.92 THEN 'closed' ELSE 'decided' END,
        r.outcome, 'normal', r.received_at,
        CASE WHEN r.channel = 'walk_in' THEN 300 + floor(bench_u(r.i, 33) * 600)::int END,
        r.i, CASE WHEN r.extended THEN ${N} + r.i END,
        CASE WHEN r.extended THEN 'Informasi yang diminta tersebar di beberapa unit dan perlu diuji konsekuensi.' END,
        CASE WHEN x.status = 'overturned' THEN ${3 * N} + r.i END,
        CASE WHEN r.outcome IS NOT NULL THEN jsonb_build_object(
          'outcome', r.outcome,
          'holder', CASE WHEN r.outcome = 'not_held' THEN 'Dinas Kependudukan dan Pencatatan Sipil' ELSE '' END,
          'form', CASE WHEN r.outcome IN ('granted_full', 'granted_part') THEN 'soft' ELSE '' END,
          'costs', jsonb_build_object('perPage', 0, 'pages', 0, 'delivery', 0, 'other', 0),
          'timeToProvide', CASE WHEN r.outcome IN ('granted_full', 'granted_part') THEN 'Saat pemberitahuan ini diterima' ELSE '' END,
          'withheld', CASE WHEN r.outcome = 'granted_part' THEN 'NIK dan alamat pemilih dihitamkan (Pasal 17 huruf h)' ELSE '' END,
          'pasal17', r.pasal17, 'otherLaw', '',
          'consequence', CASE WHEN r.outcome = 'refused' THEN 'Membuka informasi ini mengungkap data pribadi yang dilindungi undang-undang.' ELSE '' END,
          'documentedBy', CASE WHEN r.outcome = 'not_documented' THEN 'Akhir triwulan berjalan' ELSE '' END, 'note', '') END,
        r.decided_at, r.days,
        CASE WHEN r.outcome IS NOT NULL THEN r.decided_at + interval '1 day' END,
        CASE WHEN r.outcome IS NOT NULL THEN CASE WHEN r.channel IN ('online', 'email') THEN 'email' ELSE 'collect' END END,
        CASE WHEN r.outcome IS NOT NULL THEN r.decided_at + interval '1 day' END
      FROM r LEFT JOIN x ON x.i = r.i
    ), objections_in AS (
      INSERT INTO objections (id, office_id, request_id, number, submission_key, channel, grounds, description, windows, status, received_at,
          deadline_id, decision, decided_at, response, responded_at)
      SELECT i, office_id, i, i || '/KEB-PPID/' || code || '/' || extract(year FROM day), md5('keberatan' || i),
        CASE WHEN bench_u(i, 34) < 0.7 THEN 'online' ELSE 'desk' END, grounds, ${pick(texts(OBJECTION_TEXTS), 35)},
        jsonb_build_array(jsonb_build_object('ground', grounds[1], 'since', day - 1, 'event', CASE WHEN outcome IS NULL THEN 'missed_deadline' ELSE 'notice' END,
          'due', owd[30], 'open', true, 'count', e30)),
        status, received_at, ${2 * N} + i,
        CASE WHEN odecided_at IS NOT NULL THEN jsonb_build_object('status', status, 'reason', 'Pertimbangan Atasan PPID atas keberatan pemohon dan tanggapan PPID.') END,
        odecided_at, response, CASE WHEN response IS NOT NULL THEN odecided_at + interval '3 days' END
      FROM x
    )
    INSERT INTO disputes (id, office_id, objection_id, request_id, commission, register_number, filed_on, "window", stage, outcome,
        start_deadline_id, finish_deadline_id, closed_at)
    SELECT i, office_id, i, i, commission, CASE WHEN stage <> 'filed' THEN i || '/REG-PSI/' || extract(year FROM filed_on) ELSE '' END,
      filed_on, jsonb_build_object('since', filed_on - 10, 'due', swd[14], 'open', true, 'count', e14), stage,
      CASE WHEN stage = 'closed' THEN ${pick(texts(DISPUTE_OUTCOME_MIX), 36)} END,
      ${4 * N} + i, ${5 * N} + i, CASE WHEN stage = 'closed' THEN ${at('swd[60]', 37)} END
    FROM s`;
}

// ---------------------------------------------------------------------------------------------------
// Measuring

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const blocks = (n: number | undefined) => mb((n ?? 0) * 8192);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Run {
  readonly ms: number;
  /** Peak minus the idle level just before the run. */
  readonly rss: number;
  readonly heap: number;
}

/** Runs `task` once, timing it and sampling the process's memory every SAMPLE_MS against its idle level. */
async function measured(task: () => Promise<unknown>): Promise<Run> {
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const idle = process.memoryUsage();
  let rss = idle.rss;
  let heap = idle.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const t0 = performance.now();
  await task();
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { ms, rss: rss - idle.rss, heap: heap - idle.heapUsed };
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly 'Parallel Aware'?: boolean;
  readonly Strategy?: string;
  readonly 'Actual Total Time'?: number;
  readonly 'Actual Rows'?: number;
  readonly 'Actual Loops'?: number;
  readonly 'Workers Launched'?: number;
  readonly 'Peak Memory Usage'?: number;
  readonly 'Disk Usage'?: number;
  readonly 'HashAgg Batches'?: number;
  readonly 'Sort Method'?: string;
  readonly 'Sort Space Used'?: number;
  readonly 'Sort Space Type'?: string;
  readonly 'Shared Hit Blocks'?: number;
  readonly 'Shared Read Blocks'?: number;
  readonly 'Temp Read Blocks'?: number;
  readonly 'Temp Written Blocks'?: number;
  readonly Plans?: PlanNode[];
}

/** A node's own share of a counter EXPLAIN reports including its children. */
const own = (node: PlanNode, key: 'Temp Written Blocks') => (node[key] ?? 0) - (node.Plans ?? []).reduce((a, child) => a + (child[key] ?? 0), 0);

/** The plan as an indented tree, one node a line, with what each spent. */
function planLines(node: PlanNode, depth = 0): string[] {
  const what = [node['Parallel Aware'] ? 'Parallel ' : '', node.Strategy && node['Node Type'] === 'Aggregate' ? `${node.Strategy} ` : '', node['Node Type'], node['Relation Name'] ? ` on ${node['Relation Name']}` : ''].join('');
  const facts = [
    `${(node['Actual Total Time'] ?? 0).toFixed(0)} ms`,
    `${(node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1)} rows`,
    node['Workers Launched'] !== undefined ? `${node['Workers Launched']} workers` : '',
    node['Peak Memory Usage'] !== undefined ? `memory ${node['Peak Memory Usage']} kB` : '',
    node['HashAgg Batches'] !== undefined && node['HashAgg Batches'] > 1 ? `${node['HashAgg Batches']} batches, disk ${node['Disk Usage']} kB` : '',
    node['Sort Method'] ? `${node['Sort Method']} ${node['Sort Space Used']} kB ${node['Sort Space Type']}` : '',
    own(node, 'Temp Written Blocks') > 0 ? `temp written ${blocks(own(node, 'Temp Written Blocks'))}` : '',
  ].filter(Boolean);
  return [`${'  '.repeat(depth + 1)}${what}: ${facts.join(', ')}`, ...(node.Plans ?? []).flatMap((child) => planLines(child, depth + 1))];
}

// ---------------------------------------------------------------------------------------------------
// The run

const database = await benchDatabase('lentera_bench_annual');
const dataDir = mkdtempSync(join(tmpdir(), 'lentera-bench-'));
const app = await openDatabase({ databaseUrl: database.url, dataDir });
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();

/** Runs `tasks` on `width` connections of their own, each set up by `setup`. */
async function onConnections(width: number, setup: string[], tasks: (() => [string, unknown[]])[], done?: (n: number) => void): Promise<void> {
  let next = 0;
  let finished = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        for (const statement of setup) await client.query(statement);
        for (let i = next++; i < tasks.length; i = next++) {
          const [text, values] = tasks[i]!();
          await client.query(text, values);
          done?.(++finished);
        }
      } finally {
        await client.end();
      }
    }),
  );
}

const scalar = async <T>(text: string, values: unknown[] = []): Promise<T> => Object.values((await sql.query(text, values)).rows[0] as object)[0] as T;

try {
  await migrate(app);
  if (Number(await scalar<string>('SELECT count(*) FROM offices')) > 0) throw new Error('the database already has offices: give an empty one (the bench makes its own data)');
  const tree = officeTree();
  const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
  const today = todayIn('Asia/Jakarta');
  console.log(
    `engine: ${app.engine}${database.fresh ? ` (fresh database ${database.fresh}, dropped after)` : ''}; node ${process.version}; PostgreSQL ${await scalar<string>("SELECT current_setting('server_version')")}; ` +
      `shared_buffers ${await scalar<string>("SELECT current_setting('shared_buffers')")}, work_mem ${await scalar<string>("SELECT current_setting('work_mem')")}, ` +
      `max_parallel_workers_per_gather ${await scalar<string>("SELECT current_setting('max_parallel_workers_per_gather')")}, jit ${await scalar<string>("SELECT current_setting('jit')")}`,
  );
  console.log(
    `data: ${REQUESTS.toLocaleString('en')} requests received over ${YEAR} (a few just outside it) across ${tree.length} offices ` +
      `(1 national, ${PROVINCES.length} provinces, ${tree.length - 1 - PROVINCES.length} regencies/cities in WIB, WITA and WIT); today ${today}`,
  );

  // ---- the data set ------------------------------------------------------------------------------
  const t0 = performance.now();
  await sql.query(
    `INSERT INTO offices (id, parent_id, level, code, slug, name, city, time_zone)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [tree.map((o) => o.id), tree.map((o) => o.parentId), tree.map((o) => o.level), tree.map((o) => o.code), tree.map((o) => o.slug), tree.map((o) => o.name), tree.map((o) => o.city), tree.map((o) => o.zone)],
  );
  await sql.query(`SELECT setval(pg_get_serial_sequence('offices', 'id'), (SELECT max(id) FROM offices))`);

  // Helpers of the generator only, dropped after the load: a uniform number per (row, purpose) and a pick from a list.
  await sql.query(`CREATE FUNCTION bench_u(bigint, int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT (hashint8($1 * 64 + $2)::float8 + 2147483648) / 4294967296'`);
  await sql.query(`CREATE FUNCTION bench_pick(anyarray, float8) RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT $1[1 + floor($2 * cardinality($1))::int]'`);
  await sql.query(`CREATE TABLE bench_clock (zone text, day date, wd date[], e10 jsonb, e7 jsonb, e14 jsonb, e30 jsonb, e100 jsonb, PRIMARY KEY (zone, day))`);
  const clocks = clockRows();
  await sql.query(
    `INSERT INTO bench_clock SELECT zone, day, ARRAY(SELECT jsonb_array_elements_text(wd))::date[], e10, e7, e14, e30, e100
     FROM jsonb_to_recordset($1::jsonb) AS t(zone text, day date, wd jsonb, e10 jsonb, e7 jsonb, e14 jsonb, e30 jsonb, e100 jsonb)`,
    [JSON.stringify(clocks)],
  );
  await sql.query('ANALYZE bench_clock');

  // The secondary indexes of the loaded tables go, to be built in bulk after the load (primary keys stay).
  const { rows: indexes } = await sql.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid IN ('requests'::regclass, 'deadlines'::regclass, 'objections'::regclass, 'disputes'::regclass) AND NOT i.indisprimary`,
  );
  for (const index of indexes) await sql.query(`DROP INDEX ${index.name}`);

  const generate = generatorSql(tree);
  const chunks = Array.from({ length: Math.ceil(REQUESTS / CHUNK) }, (_, c) => (): [string, unknown[]] => [generate, [c * CHUNK + 1, Math.min(REQUESTS, (c + 1) * CHUNK) + 1]]);
  // Foreign keys hold by construction; skipping their per-row checks (superuser only) saves a lookup per row.
  // A chunk's intermediate rows stay in memory rather than spill to temporary files.
  await onConnections(2, ['SET synchronous_commit = off', 'SET session_replication_role = replica', "SET work_mem = '256MB'"], chunks, (n) =>
    process.stdout.write(`\r  generating: ${Math.min(REQUESTS, n * CHUNK).toLocaleString('en')} of ${REQUESTS.toLocaleString('en')} requests, ${seconds(performance.now() - t0)}   `),
  );
  process.stdout.write('\n');
  for (const table of ['requests', 'deadlines', 'objections', 'disputes']) await sql.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`);
  await sql.query('DROP TABLE bench_clock; DROP FUNCTION bench_pick(anyarray, float8); DROP FUNCTION bench_u(bigint, int)');
  const loaded = performance.now();
  await onConnections(2, ["SET maintenance_work_mem = '1GB'"], indexes.map((index) => (): [string, unknown[]] => [index.definition, []]));
  const indexed = performance.now();
  await onConnections(2, [], ['requests', 'deadlines', 'objections, disputes, offices'].map((t) => (): [string, unknown[]] => [`VACUUM (ANALYZE) ${t}`, []]));
  const analysed = performance.now();
  const count = async (table: string) => Number(await scalar<string>(`SELECT count(*) FROM ${table}`));
  const size = async (what: string) => scalar<string>(`SELECT pg_size_pretty(${what})`);
  console.log(
    `generated in ${seconds(analysed - t0)}: rows ${seconds(loaded - t0)} (INSERT … SELECT generate_series, ${CHUNK.toLocaleString('en')} requests a statement, 2 connections, secondary indexes dropped), ` +
      `${indexes.length} indexes ${seconds(indexed - loaded)}, VACUUM ANALYZE ${seconds(analysed - indexed)}`,
  );
  console.log(
    `rows: requests ${(await count('requests')).toLocaleString('en')}, deadlines ${(await count('deadlines')).toLocaleString('en')}, ` +
      `objections ${(await count('objections')).toLocaleString('en')}, disputes ${(await count('disputes')).toLocaleString('en')}`,
  );
  let free = '';
  try {
    const fs = statfsSync(await scalar<string>("SELECT current_setting('data_directory')"));
    free = `; ${mb(fs.bavail * fs.bsize)} free on the server's disk`;
  } catch {
    // The data directory is not readable from here (another user or host): the sizes are enough.
  }
  console.log(
    `database ${await size('pg_database_size(current_database())')}: requests ${await size("pg_table_size('requests')")} + indexes ${await size("pg_indexes_size('requests')")}, ` +
      `deadlines ${await size("pg_table_size('deadlines')")} + indexes ${await size("pg_indexes_size('deadlines')")}, objections ${await size("pg_total_relation_size('objections')")}, ` +
      `disputes ${await size("pg_total_relation_size('disputes')")}${free}`,
  );

  // ---- measuring -----------------------------------------------------------------------------------
  const db = app.db;
  // Through the program's pool, like the aggregation, so that the ratios compare the queries and nothing else.
  const countAll = () => db.execute(drizzleSql`select count(*) from requests`);
  // PostgreSQL counts from the smallest index when the visibility map allows: the same count read from
  // the table itself is the floor for any query that needs the rows' columns, as the aggregation does.
  const countHeap = () =>
    db.transaction(async (tx) => {
      await tx.execute(drizzleSql`select set_config('enable_indexonlyscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
      await tx.execute(drizzleSql`select count(*) from requests`);
    });
  const scanOf = async (setup: string) => {
    await sql.query('BEGIN');
    try {
      await sql.query(setup);
      const { rows } = await sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>('EXPLAIN (FORMAT JSON) select count(*) from requests');
      const find = (node: PlanNode): PlanNode | undefined => (node['Relation Name'] ? node : (node.Plans ?? []).map(find).find(Boolean));
      const scan = find(rows[0]!['QUERY PLAN'][0].Plan);
      return scan ? `${scan['Node Type']}${scan['Index Name'] ? ` using ${scan['Index Name']}` : ''}` : 'no scan';
    } finally {
      await sql.query('ROLLBACK');
    }
  };
  const plainScan = await scanOf('SELECT 1');
  const heapScan = await scanOf("SELECT set_config('enable_indexonlyscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)");

  // The aggregation's queries as the program sends them, captured on their way to the pool during the warm-up.
  const dialect = new PgDialect();
  const captured: { sql: string; params: unknown[] }[] = [];
  const capturing = { execute: (query: SQL) => (captured.push(dialect.sqlToQuery(query)), db.execute(query)) } as unknown as Executor;
  let byOffice = new Map<number, OfficeFigures>();
  let total = emptyFigures();
  const national = (exec: Executor) => async () => {
    byOffice = await figuresByOffice(exec, null, period, today);
    total = sumFigures(byOffice.values());
  };
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nwall time: one warm-up run each, then the median of ${RUNS}; memory: the Node process's peak above its idle level, sampled every ${SAMPLE_MS} ms; load average ${load()}`);
  const warm = [await measured(countAll), await measured(countHeap), await measured(national(capturing))] as const;
  const plain: Run[] = [];
  const heap: Run[] = [];
  const aggregate: Run[] = [];
  for (let k = 0; k < RUNS; k++) {
    plain.push(await measured(countAll));
    heap.push(await measured(countHeap));
    aggregate.push(await measured(national(db)));
  }
  const plainMs = median(plain.map((r) => r.ms));
  const heapMs = median(heap.map((r) => r.ms));
  const aggregateMs = median(aggregate.map((r) => r.ms));
  const line = (name: string, ms: number, warmUp: Run, list: Run[], ratio = '') =>
    console.log(`${name.padEnd(92)} ${seconds(ms).padStart(8)}${ratio}  (warm-up ${seconds(warmUp.ms)}; runs ${list.map((r) => seconds(r.ms)).join(', ')})`);
  line(`select count(*) from requests (baseline; ${plainScan})`, plainMs, warm[0], plain);
  line(`the same count read from the table (${heapScan})`, heapMs, warm[1], heap);
  line('figuresByOffice(every office, the year) + sumFigures', aggregateMs, warm[2], aggregate, `  ×${(aggregateMs / plainMs).toFixed(1)} the baseline, ×${(aggregateMs / heapMs).toFixed(1)} the table scan`);
  console.log(
    `Node memory during the aggregation, peak above idle: RSS ${aggregate.map((r) => mb(r.rss)).join(', ')} (max ${mb(Math.max(...aggregate.map((r) => r.rss)))}), ` +
      `heap ${aggregate.map((r) => mb(r.heap)).join(', ')} (max ${mb(Math.max(...aggregate.map((r) => r.heap)))}); during the counts: RSS max ${mb(Math.max(...[...plain, ...heap].map((r) => r.rss)))}; ` +
      `load average ${load()}`,
  );

  // What the last run's figures say, against counts made here independently of figuresByOffice.
  const inYear = (table: string, column: string) =>
    scalar<string>(`SELECT count(*) FROM ${table} t JOIN offices o ON o.id = t.office_id WHERE (t.${column} AT TIME ZONE o.time_zone)::date BETWEEN $1::date AND $2::date`, [period.from, period.to]);
  const tc = performance.now();
  const requestsInYear = Number(await inYear('requests', 'received_at'));
  const countMs = performance.now() - tc;
  const objectionsInYear = Number(await inYear('objections', 'received_at'));
  const disputesInYear = Number(await scalar<string>('SELECT count(*) FROM disputes WHERE filed_on BETWEEN $1::date AND $2::date', [period.from, period.to]));
  const check = (name: string, figure: number, counted: number) => `${name} ${figure.toLocaleString('en')}${figure === counted ? ' (= count)' : ` (count says ${counted.toLocaleString('en')}: MISMATCH)`}`;
  console.log(
    `national figures for ${YEAR}: ${byOffice.size} offices with data; ${check('requests', total.requests, requestsInYear)}, ${check('objections', total.objections, objectionsInYear)}, ` +
      `${check('disputes', total.disputes, disputesInYear)}; decided ${decidedCount(total).toLocaleString('en')}, median ${medianAnswerDays(total)} working days, ` +
      `late or overdue ${((overdueRate(total) ?? 0) * 100).toFixed(1)}%, refused ${total.byOutcome.refused.toLocaleString('en')}`,
  );
  console.log(`(the year's requests counted alone, period filter in each office's zone: ${seconds(countMs)}, ×${(countMs / heapMs).toFixed(1)} the table scan)`);

  // ---- the server side -----------------------------------------------------------------------------
  const statements = (await scalar<string | null>("SELECT current_setting('shared_preload_libraries')"))?.includes('pg_stat_statements');
  console.log(`\nserver side: EXPLAIN (ANALYZE, BUFFERS) of each query, once${statements ? '' : ' (pg_stat_statements is not loaded on this server)'}`);
  const names = ['requests', 'objections', 'disputes'];
  let serverMs = 0;
  for (const [k, query] of captured.entries()) {
    const { rows } = await sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.params);
    const [{ Plan: plan, 'Execution Time': execution, 'Planning Time': planning }] = rows[0]!['QUERY PLAN'];
    serverMs += execution;
    console.log(
      `${names[k] ?? `query ${k + 1}`}: execution ${seconds(execution)} (planning ${planning.toFixed(1)} ms); shared hit ${blocks(plan['Shared Hit Blocks'])}, read ${blocks(plan['Shared Read Blocks'])}; ` +
        `temp read ${blocks(plan['Temp Read Blocks'])}, written ${blocks(plan['Temp Written Blocks'])}`,
    );
    for (const line of planLines(plan)) console.log(line);
  }
  console.log(`server execution under EXPLAIN ANALYZE (a run of its own, timing every node): ${seconds(serverMs)} in all; the aggregation's median wall time above: ${seconds(aggregateMs)}`);
} finally {
  await sql.end();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
