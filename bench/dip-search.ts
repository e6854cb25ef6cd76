/**
 * Portal DIP search on PostgreSQL over a generated national data set, against a minimal Fastify route
 * measured in the same run with the same HTTP client, concurrency and duration.
 *
 * The data: KPU RI, its provinces and their regencies/cities (553 offices by default), one unit and one
 * ordered DIP edition per office, and BENCH_DIP_ENTRIES published entries (default 2,000,000) spread
 * evenly over the offices, each office's together as an edition is written, with Indonesian titles and
 * summaries built from election vocabulary so that stemming and typos matter. It is made with set-based
 * SQL (INSERT … SELECT FROM generate_series) on two connections, with the secondary indexes of dip_items
 * and dip_edition_entries (the GIN full-text and trigram ones among them) dropped first and built again
 * after the load: at 400,000 entries that took 80 s against 92 s for loading with the indexes in place,
 * and left the GIN indexes a third smaller.
 *
 * Measured, each for BENCH_SECONDS: (a) a regency's portal, (b) a province's (its regencies too),
 * (c) KPU RI's (national), all over a rotating list of queries (derived forms, several words, typos),
 * and (d) the minimal Fastify route. GET /{slug}/dip/cari?q=… when the portal serves it; otherwise a
 * tiny route in this process calls searchPublished (src/dip/public.ts), and the output says so.
 *
 *   npm run bench:dip                                   # a fresh database on the local PostgreSQL, dropped after
 *   BENCH_DIP_ENTRIES=100000 npm run bench:dip          # a quick run
 *   DATABASE_URL=postgres://…/empty_db npm run bench:dip   # an empty database of yours, kept after
 *
 * Knobs: BENCH_DIP_ENTRIES (default 2000000), BENCH_DIP_OFFICES (default 553: 1 + 38 provinces + the
 * rest regencies), BENCH_SECONDS (per route, default 15), BENCH_CONCURRENCY (HTTP clients, default 16),
 * BENCH_PG_URL (server the fresh database is made on, default postgres://postgres@127.0.0.1:5432/postgres).
 * Figures only: a bench asserts no timings. Traffic goes to 127.0.0.1 only.
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { officeAndDescendants, searchPublished } from '../src/dip/public.ts';
import { start } from '../src/main.ts';
import { officeBySlug } from '../src/offices/store.ts';
import { benchDatabase } from './database.ts';

const ENTRIES = Math.max(1000, Number(process.env.BENCH_DIP_ENTRIES ?? 2_000_000));
const OFFICES = Math.max(3, Number(process.env.BENCH_DIP_OFFICES ?? 553));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** A slow answer past this counts as an error rather than holding the run. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Derived forms (stem pilih, tetap), several words, a place, rarer words, and typos the trigram fallback must forgive. */
const QUERIES = [
  'pemilih',
  'pemilihan',
  'memilih',
  'daftar pemilih tetap',
  'rekapitulasi hasil penghitungan suara',
  'anggaran kampanye',
  'pengadaan logistik',
  'keputusan penetapan calon',
  'Gunung Kijang',
  'disabilitas',
  'pemilh',
  'rekapitulsi',
  'logistk pemilu',
];

// ---------------------------------------------------------------------------------------------------
// Word lists the data set is built from

const PROVINCES = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung',
  'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta',
  'Jawa Timur', 'Banten', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Barat',
  'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara', 'Sulawesi Utara',
  'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku',
  'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya',
];
/** Roots of regency/city names; with the compass suffixes they give more than 514 distinct names. */
const REGENCY_ROOTS = [
  'Pidie', 'Langkat', 'Agam', 'Kampar', 'Kerinci', 'Banyuasin', 'Kaur', 'Tanggamus', 'Bangka', 'Bintan',
  'Kepulauan Seribu', 'Bogor', 'Cilacap', 'Sleman', 'Malang', 'Lebak', 'Badung', 'Lombok', 'Sikka', 'Sambas',
  'Kapuas', 'Banjar', 'Kutai', 'Bulungan', 'Minahasa', 'Poso', 'Gowa', 'Kolaka', 'Boalemo', 'Mamuju',
  'Buru', 'Halmahera', 'Jayapura', 'Manokwari', 'Merauke', 'Nabire', 'Jayawijaya', 'Sorong', 'Aceh Besar', 'Karo',
  'Pasaman', 'Siak', 'Bungo', 'Lahat', 'Rejang Lebong', 'Pesawaran', 'Belitung', 'Karimun', 'Bekasi', 'Brebes',
  'Bantul', 'Jember', 'Pandeglang', 'Tabanan', 'Sumbawa', 'Ende', 'Ketapang', 'Katingan', 'Tabalong', 'Berau',
  'Nunukan', 'Bolaang Mongondow', 'Donggala', 'Bone', 'Konawe', 'Pohuwato', 'Majene', 'Seram', 'Morotai', 'Biak',
  'Fakfak', 'Mappi', 'Mimika', 'Yahukimo', 'Raja Ampat', 'Simeulue', 'Nias', 'Solok', 'Bengkalis', 'Tebo',
  'Muara Enim', 'Seluma', 'Tulang Bawang', 'Lingga', 'Natuna', 'Garut', 'Kebumen', 'Gunungkidul', 'Kediri', 'Serang',
  'Gianyar', 'Dompu', 'Manggarai', 'Landak', 'Seruyan', 'Tapin', 'Paser', 'Malinau', 'Sangihe', 'Tojo Una-Una',
  'Wajo', 'Buton', 'Gorontalo', 'Polewali Mandar', 'Tual', 'Tidore', 'Keerom', 'Teluk Bintuni', 'Asmat', 'Puncak',
];
const COMPASS = ['', ' Utara', ' Selatan', ' Timur', ' Barat', ' Tengah'];
const KECAMATAN = [
  'Gunung Kijang', 'Bintan Timur', 'Teluk Bintan', 'Toapaya', 'Seri Kuala Lobam', 'Tambelan', 'Cibinong', 'Sukaraja',
  'Kembangan', 'Menteng', 'Kebayoran Baru', 'Tanah Abang', 'Depok', 'Mlati', 'Kalasan', 'Lowokwaru', 'Klojen',
  'Kepanjen', 'Singosari', 'Ungaran', 'Majalaya', 'Cicalengka', 'Rangkasbitung', 'Malingping', 'Kuta', 'Mengwi',
  'Ubud', 'Praya', 'Selong', 'Maumere', 'Kefamenanu', 'Sungai Raya', 'Mempawah', 'Kuala Kapuas', 'Martapura',
  'Tenggarong', 'Sangatta', 'Tanjung Selor', 'Tondano', 'Poso Kota', 'Sungguminasa', 'Watampone', 'Kolaka Utara',
  'Marisa', 'Mamuju Kota', 'Namlea', 'Tobelo', 'Sentani', 'Wamena', 'Aimas', 'Kota Baru', 'Pangkalan Kerinci',
  'Lubuk Pakam', 'Stabat', 'Lubuk Basung', 'Pariaman', 'Muara Bungo', 'Sekayu', 'Curup', 'Kalianda', 'Koba', 'Tanjung Pandan',
];
const DOCUMENTS = [
  'Keputusan KPU tentang', 'Laporan', 'Berita Acara', 'Rekapitulasi', 'Surat Edaran tentang', 'Rencana Kerja',
  'Pengumuman', 'Petunjuk Teknis', 'Salinan Dokumen', 'Data', 'Notulen Rapat Pleno', 'Daftar', 'Jadwal', 'Laporan Realisasi',
];
const SUBJECTS = [
  'Penetapan Daftar Pemilih Tetap', 'Pemutakhiran Data Pemilih Berkelanjutan', 'Rekapitulasi Hasil Penghitungan Suara',
  'Pengadaan Logistik Pemungutan Suara', 'Distribusi Logistik dan Surat Suara', 'Penetapan Pasangan Calon', 'Tahapan Kampanye',
  'Laporan Dana Kampanye Peserta', 'Tahapan, Program dan Jadwal', 'Anggaran Hibah Penyelenggaraan', 'Pertanggungjawaban Anggaran',
  'Pembentukan PPK, PPS dan KPPS', 'Rekrutmen Badan Ad Hoc', 'Sosialisasi dan Pendidikan Pemilih', 'Penetapan Lokasi TPS',
  'Verifikasi Faktual Partai Politik', 'Pencalonan Anggota DPRD', 'Penanganan Pengaduan Masyarakat', 'Pelayanan Informasi Publik',
  'Inventarisasi Barang Milik Negara', 'Daftar Calon Tetap', 'Penetapan Calon Terpilih', 'Penggantian Antarwaktu',
  'Pendataan Pemilih Penyandang Disabilitas', 'Pengelolaan Arsip Pemilihan', 'Evaluasi Penyelenggaraan', 'Pemungutan Suara Ulang',
];
const ELECTIONS = [
  'Pemilu 2024', 'Pemilu 2024', 'Pemilihan Gubernur dan Wakil Gubernur 2024', 'Pemilihan Bupati dan Wakil Bupati 2024',
  'Pemilihan Wali Kota dan Wakil Wali Kota 2024', 'Pemilu 2019', 'Pemilihan Serentak 2020', '', '', '',
];
const DETAILS = [
  'jumlah pemilih per TPS', 'rincian anggaran per kegiatan', 'jadwal setiap tahapan', 'berita acara rapat pleno terbuka',
  'daftar penerima logistik', 'hasil verifikasi dokumen', 'tanggapan dan masukan masyarakat', 'laporan pertanggungjawaban keuangan',
  'salinan surat keputusan', 'rekapitulasi per kecamatan dan desa', 'nama dan alamat badan penyelenggara ad hoc',
  'rencana kebutuhan surat suara', 'hasil pencocokan dan penelitian', 'dokumentasi kegiatan sosialisasi', 'keberatan saksi peserta',
];
const HOLDERS = [
  'Subbagian Perencanaan, Data dan Informasi', 'Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Partisipasi Masyarakat',
  'Subbagian Keuangan, Umum dan Logistik', 'Subbagian Hukum dan Sumber Daya Manusia',
];
const RETENTION = ['5 tahun setelah tahapan selesai', '10 tahun', 'Permanen (arsip statis)', '2 tahun aktif, 3 tahun inaktif'];

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface OfficeRow {
  readonly id: number;
  readonly parentId: number | null;
  readonly level: 'ri' | 'province' | 'regency';
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly city: string;
}

/** KPU RI, the provinces, then the regencies/cities dealt round the provinces: ids 1..OFFICES. */
function officeTree(count: number): OfficeRow[] {
  const provinces = Math.max(1, Math.min(PROVINCES.length, Math.round(((count - 1) * PROVINCES.length) / 552), count - 2));
  const out: OfficeRow[] = [{ id: 1, parentId: null, level: 'ri', code: '00', slug: 'ri', name: 'KPU Republik Indonesia', city: 'Jakarta Pusat' }];
  for (let p = 0; p < provinces; p++) {
    const name = PROVINCES[p]!;
    out.push({ id: 2 + p, parentId: 1, level: 'province', code: `P${String(p + 1).padStart(2, '0')}`, slug: `prov-${slugify(name)}`, name: `KPU Provinsi ${name}`, city: name });
  }
  for (let r = 0; r < count - 1 - provinces; r++) {
    const root = `${REGENCY_ROOTS[r % REGENCY_ROOTS.length]!}${COMPASS[Math.floor(r / REGENCY_ROOTS.length) % COMPASS.length]!}`;
    const suffix = r >= REGENCY_ROOTS.length * COMPASS.length ? ` ${Math.floor(r / (REGENCY_ROOTS.length * COMPASS.length)) + 1}` : '';
    const city = r % 7 === 6;
    const name = `${root}${suffix}`;
    out.push({
      id: 2 + provinces + r,
      parentId: 2 + (r % provinces),
      level: 'regency',
      code: `K${String(r + 1).padStart(3, '0')}`,
      slug: `${city ? 'kota' : 'kab'}-${slugify(name)}`,
      name: `KPU ${city ? 'Kota' : 'Kabupaten'} ${name}`,
      city: name,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly count: number;
  readonly errors: number;
  /** Median latency of each query of the rotation. */
  readonly perQuery: ReadonlyMap<string, number>;
}

const percentile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** As many requests as CONCURRENCY clients send in SECONDS, each the next of the rotating queries. */
async function measure(url: (q: string) => string): Promise<Figures> {
  const latencies: number[] = [];
  const byQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  let errors = 0;
  let next = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const q = QUERIES[next++ % QUERIES.length]!;
      const t0 = performance.now();
      try {
        const response = await fetch(url(q), { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      const ms = performance.now() - t0;
      latencies.push(ms);
      byQuery.get(q)!.push(ms);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const perQuery = new Map([...byQuery].map(([q, list]) => [q, percentile(list.sort((a, b) => a - b), 0.5)]));
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), count: latencies.length, errors, perQuery };
}

const line = (name: string, f: Figures, base?: Figures) =>
  `${name.padEnd(44)} ${f.rps.toFixed(1).padStart(8)} req/s  p50 ${f.p50.toFixed(1).padStart(7)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms` +
  (base ? `  throughput ×${(f.rps / base.rps).toFixed(4)}  p50 ×${(f.p50 / base.p50).toFixed(0)}  p99 ×${(f.p99 / base.p99).toFixed(0)}` : '') +
  `  (${f.count} requests${f.errors ? `, ${f.errors} failed or over ${REQUEST_TIMEOUT_MS / 1000} s` : ''})`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------------
// The database: the one given, or a fresh one made for this run and dropped after it

const database = await benchDatabase('lentera_bench_dip');
const freshDb = database.fresh;
const databaseUrl = database.url;

/** Runs `tasks` on `width` connections of their own, each set up by `setup`. */
async function onConnections(width: number, setup: string[], tasks: (() => string | [string, unknown[]])[], label?: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (const statement of setup) await client.query(statement).catch(() => undefined);
        for (let i = next++; i < tasks.length; i = next++) {
          const task = tasks[i]!();
          await (typeof task === 'string' ? client.query(task) : client.query(task[0], task[1]));
          label?.(++done);
        }
      } finally {
        await client.end();
      }
    }),
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'lentera-bench-'));
// The per-client rate limit would answer 429 to a benchmark from one address: lift it for the run.
const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS: 'off', RATE_LIMIT_PER_MINUTE: '100000000' });
const running = await start(config, { logger: false });
const baseline = Fastify();
const direct = Fastify();
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();
try {
  const [{ n }] = (await sql.query<{ n: string }>('SELECT count(*) AS n FROM offices')).rows as [{ n: string }];
  if (Number(n) > 0) throw new Error('the database already has offices: give an empty one (the bench makes its own data)');
  const tree = officeTree(OFFICES);
  const province = tree.find((o) => o.slug === 'prov-kepulauan-riau') ?? tree.find((o) => o.level === 'province')!;
  const regency = tree.find((o) => o.slug === 'kab-bintan' && o.parentId === province.id) ?? tree.find((o) => o.parentId === province.id)!;
  const regencyCount = tree.filter((o) => o.level === 'regency').length;
  console.log(
    `engine: ${running.database.engine}${freshDb ? ` (fresh database ${freshDb}, dropped after)` : ''}; node ${process.version}; ` +
      `PostgreSQL ${(await sql.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v}`,
  );
  console.log(`data: ${ENTRIES.toLocaleString('en')} published entries across ${tree.length} offices (1 national, ${tree.length - 1 - regencyCount} provinces, ${regencyCount} regencies/cities)`);

  // ---- the data set ------------------------------------------------------------------------------
  const t0 = performance.now();
  await sql.query(
    `INSERT INTO offices (id, parent_id, level, code, slug, name, city)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [tree.map((o) => o.id), tree.map((o) => o.parentId), tree.map((o) => o.level), tree.map((o) => o.code), tree.map((o) => o.slug), tree.map((o) => o.name), tree.map((o) => o.city)],
  );
  await sql.query(`INSERT INTO units (id, office_id, name) SELECT id, id, 'Subbagian Perencanaan, Data dan Informasi' FROM offices`);
  await sql.query(
    `INSERT INTO dip_editions (id, office_id, number, status, sk_number, sk_date, ordered_at, reviewed_at, submitted_at)
     SELECT id, id, 1, 'ordered', id || '/PPID/' || code || '/I/2026', '2026-01-15', now(), now(), now() FROM offices`,
  );
  for (const table of ['offices', 'units', 'dip_editions']) await sql.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);

  // The secondary indexes of the two big tables go, to be built in bulk after the load, GIN first (primary keys stay: foreign keys need them).
  const { rows: indexes } = await sql.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid IN ('dip_items'::regclass, 'dip_edition_entries'::regclass) AND NOT i.indisprimary
       ORDER BY pg_get_indexdef(i.indexrelid) ILIKE '%USING gin%' DESC`,
  );
  for (const index of indexes) await sql.query(`DROP INDEX ${index.name}`);

  const pick = (list: string, k: number) => `(${list})[1 + abs(hashint8(i * 16 + ${k})::bigint) % cardinality(${list})]`;
  const generate = `
    WITH r AS MATERIALIZED (
      SELECT i + 1 AS item_id, 1 + i / $9 AS office_id, i % $9 + 1 AS position, o.name AS office_name,
        ${pick('$1::text[]', 1)} AS doc, ${pick('$2::text[]', 2)} AS subject, ${pick('$3::text[]', 3)} AS election,
        ${pick('$4::text[]', 4)} AS kecamatan, ${pick('$5::text[]', 5)} AS d1, ${pick('$5::text[]', 6)} AS d2, ${pick('$5::text[]', 7)} AS d3,
        ${pick('$6::text[]', 8)} AS holder, ${pick('$7::text[]', 9)} AS retention,
        (ARRAY['berkala', 'berkala', 'setiap_saat', 'setiap_saat', 'setiap_saat', 'serta_merta'])[1 + abs(hashint8(i * 16 + 10)::bigint) % 6] AS category,
        2019 + abs(hashint8(i * 16 + 11)::bigint) % 7 AS year, abs(hashint8(i * 16 + 12)::bigint) % 2 = 0 AS office_wide,
        20 + abs(hashint8(i * 16 + 13)::bigint) % 180 AS villages
      FROM generate_series($10::bigint, $11::bigint - 1) i JOIN offices o ON o.id = 1 + i / $9
    ), t AS MATERIALIZED (
      SELECT r.*,
        doc || ' ' || subject || CASE WHEN election = '' THEN ' Tahun ' || year ELSE ' ' || election END
          || CASE WHEN office_wide THEN '' ELSE ' di Kecamatan ' || kecamatan END AS title,
        'Memuat ' || lower(subject) || CASE WHEN election = '' THEN '' ELSE ' ' || election END || ' di ' || office_name
          || ': ' || d1 || ', ' || d2 || ' dan ' || d3 || ' untuk ' || villages || ' desa/kelurahan di Kecamatan ' || kecamatan || '.' AS summary
      FROM r
    ), items AS (
      INSERT INTO dip_items (id, office_id, unit_id, title, summary, holder, responsible, produced_when, produced_where,
          has_softcopy, has_hardcopy, archive_location, retention, category, update_months, status, documentation_checked, classified_at)
      SELECT item_id, office_id, office_id, title, summary, holder, 'Kepala ' || holder, year::text, office_name,
          true, true, 'Ruang arsip ' || office_name, retention, category, CASE WHEN category = 'berkala' THEN 6 END, 'classified', true, now()
      FROM t
    )
    INSERT INTO dip_edition_entries (edition_id, item_id, office_id, position, snapshot)
    SELECT office_id, item_id, office_id, position, jsonb_build_object(
        'title', title, 'summary', summary, 'holder', holder, 'responsible', 'Kepala ' || holder, 'producedWhen', year::text,
        'producedWhere', office_name, 'hasSoftcopy', true, 'hasHardcopy', true, 'onlineLink', '', 'archiveLocation', 'Ruang arsip ' || office_name,
        'retention', retention, 'category', category, 'unit', $8::text, 'updateMonths', CASE WHEN category = 'berkala' THEN 6 END, 'files', '[]'::jsonb)
    FROM t`;
  // An office's entries lie together, as establishEdition writes an edition's entries in one go.
  const perOffice = Math.ceil(ENTRIES / tree.length);
  const lists = [DOCUMENTS, SUBJECTS, ELECTIONS, KECAMATAN, DETAILS, HOLDERS, RETENTION, 'Subbagian Perencanaan, Data dan Informasi', perOffice];
  const CHUNK = 100_000;
  const chunks = Array.from({ length: Math.ceil(ENTRIES / CHUNK) }, (_, c) => (): [string, unknown[]] => [generate, [...lists, c * CHUNK, Math.min(ENTRIES, (c + 1) * CHUNK)]]);
  // Foreign keys hold by construction; skipping their per-row checks (superuser only) saves a lookup per row.
  const loadSetup = ['SET synchronous_commit = off', 'SET session_replication_role = replica'];
  await onConnections(2, loadSetup, chunks, (done) => process.stdout.write(`\r  loading: ${Math.min(ENTRIES, done * CHUNK).toLocaleString('en')} entries, ${seconds(performance.now() - t0)}   `));
  await sql.query(`SELECT setval(pg_get_serial_sequence('dip_items', 'id'), $1)`, [ENTRIES]);
  const loaded = performance.now();
  process.stdout.write('\n');
  await onConnections(2, ["SET maintenance_work_mem = '1GB'"], indexes.map((index) => () => index.definition));
  const indexed = performance.now();
  await onConnections(2, [], [() => 'VACUUM (ANALYZE) dip_edition_entries', () => 'VACUUM (ANALYZE) dip_items', () => 'ANALYZE offices, units, dip_editions']);
  const analysed = performance.now();
  const size = async (what: string) => (await sql.query<{ s: string }>(`SELECT pg_size_pretty(${what}) AS s`)).rows[0]!.s;
  console.log(
    `generated in ${seconds(analysed - t0)}: rows ${seconds(loaded - t0)} (set-based INSERT … SELECT generate_series, 2 connections, secondary indexes dropped), ` +
      `${indexes.length} indexes built after the load ${seconds(indexed - loaded)}, VACUUM ANALYZE ${seconds(analysed - indexed)}`,
  );
  console.log(
    `database size ${await size('pg_database_size(current_database())')}: dip_edition_entries ${await size("pg_table_size('dip_edition_entries')")} ` +
      `+ indexes ${await size("pg_indexes_size('dip_edition_entries')")} (full-text GIN ${await size("pg_relation_size('dip_edition_entries_search_idx')")}, ` +
      `title trigram GIN ${await size("pg_relation_size('dip_edition_entries_title_trgm_idx')")}), dip_items ${await size("pg_total_relation_size('dip_items')")}`,
  );

  // ---- the routes --------------------------------------------------------------------------------
  const db = running.database.db;
  const probe = await fetch(`${running.url}/${regency.slug}/dip/cari?q=pemilih`);
  await probe.arrayBuffer();
  let searchUrl: (slug: string) => (q: string) => string;
  let how: string;
  if (probe.status !== 404) {
    searchUrl = (slug) => (q) => `${running.url}/${slug}/dip/cari?q=${encodeURIComponent(q)}`;
    how = `the portal's own route GET /{slug}/dip/cari (first answer ${probe.status}), full HTML page`;
  } else {
    // What the portal route does: the office by its slug, the offices below it, searchPublished.
    direct.get<{ Params: { slug: string }; Querystring: { q?: string } }>('/:slug/dip/cari', async (request, reply) => {
      const office = await officeBySlug(db, request.params.slug);
      if (!office) return reply.code(404).send({ hits: [] });
      const hits = await searchPublished(db, await officeAndDescendants(db, office.id), request.query.q ?? '');
      return { hits: hits.map((h) => ({ office: h.officeSlug, itemId: h.itemId, title: h.titleMarked, summary: h.summaryMarked })) };
    });
    await direct.listen({ port: 0, host: '127.0.0.1' });
    const directUrl = `http://127.0.0.1:${(direct.server.address() as { port: number }).port}`;
    searchUrl = (slug) => (q) => `${directUrl}/${slug}/dip/cari?q=${encodeURIComponent(q)}`;
    how = "GET /{slug}/dip/cari is not registered in the portal: a tiny Fastify route in this process calls searchPublished (src/dip/public.ts) on the program's pool, JSON";
  }
  baseline.get('/', async () => 'ok');
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/`;

  // What the queries find in the regency: stems and typos at work (a province or KPU RI finds 50 of nearly every one).
  const found: string[] = [];
  for (const q of QUERIES) found.push(`${q} ${(await searchPublished(db, [regency.id], q)).length}`);
  console.log(`hits in ${regency.slug} (at most 50): ${found.join(', ')}`);

  /**
   * Requests a client gave up on leave their query running in PostgreSQL; the next route is measured
   * once those are done (cancelled after two minutes), so it does not pay for them.
   */
  const settle = async (): Promise<string> => {
    const t = performance.now();
    const busy = async () =>
      Number((await sql.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()")).rows[0]!.n);
    while ((await busy()) > 0 && performance.now() - t < 120_000) await new Promise((r) => setTimeout(r, 500));
    const left = await busy();
    if (left > 0) await sql.query("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()");
    const waited = performance.now() - t;
    return waited > 1000 ? `  [then ${seconds(waited)} until the abandoned queries ended${left ? `, ${left} cancelled` : ''}]` : '';
  };

  // ---- under load ----------------------------------------------------------------------------------
  console.log(`\n${how}`);
  console.log(`${SECONDS} s per route, ${CONCURRENCY} concurrent clients, ${QUERIES.length} queries in rotation, node fetch; ratios are to the baseline`);
  for (let i = 0; i < 200; i++) await (await fetch(baselineUrl)).arrayBuffer();
  for (const scope of [regency, province]) for (const q of QUERIES.slice(0, 3)) await (await fetch(searchUrl(scope.slug)(q))).arrayBuffer();
  const base = await measure(() => `${baselineUrl}?q=x`);
  console.log(line('(d) minimal Fastify route (baseline)', base));
  const results: [string, Figures][] = [];
  for (const [name, slug] of [[`(a) regency /${regency.slug}`, regency.slug], [`(b) province /${province.slug}`, province.slug], ['(c) national /ri', 'ri']] as const) {
    const figures = await measure(searchUrl(slug));
    results.push([name.slice(4), figures]);
    console.log(line(name, figures, base) + (await settle()));
  }
  console.log(`\np50 per query under that load (ms)`);
  console.log(`${'query'.padEnd(40)}${results.map(([name]) => name.padStart(32)).join('')}`);
  for (const q of QUERIES) console.log(`${JSON.stringify(q).padEnd(40)}${results.map(([, f]) => (f.perQuery.get(q) ?? 0).toFixed(1).padStart(32)).join('')}`);
} finally {
  await sql.end();
  await baseline.close();
  await direct.close();
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
