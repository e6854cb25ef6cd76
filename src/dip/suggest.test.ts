import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { todayIn } from '../offices/portal.tsx';
import { demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../offices/store.ts';
import type { ItemForm } from './rules.ts';
import { classifyItem, createEdition, establishEdition, orderEdition, submitEdition, submitItem } from './service.ts';
import { MAX_SUGGESTIONS, type Suggestion } from './suggest.ts';

let app: TestApp;
const published: Record<string, number[]> = {};
let unpublished: number[];

async function actor(db: Db, key: string, slug: string): Promise<Actor> {
  const member = (await staffByEmail(db, demoEmail(key, slug)))!;
  return { staffId: member.id, label: member.email, ip: '', requestId: 'suggest' };
}

function form(title: string): ItemForm {
  return {
    title,
    summary: `Dokumen ${title.toLowerCase()} yang dikuasai KPU.`,
    holder: 'Subbagian Perencanaan, Data dan Informasi',
    responsible: 'Kepala Subbagian',
    producedWhen: '2026',
    producedWhere: 'Kantor KPU',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Ruang arsip',
    retention: '5 tahun',
  };
}

/** Items entered and classified by the PPID; with `order`, an edition holding them is published. */
async function enter(db: Db, slug: string, titles: readonly string[], order: boolean): Promise<number[]> {
  const office = (await officeBySlug(db, slug))!;
  const scope = { officeId: office.id };
  const ppid = await actor(db, 'ppid', slug);
  const unitId = (await unitsOfOffice(db, scope))[0]!.id;
  const ctx = { baseUrl: app.url };
  const ids: number[] = [];
  for (const title of titles) {
    const id = await submitItem(db, ppid, scope, { callId: null, unitId, form: form(title), files: [] });
    await classifyItem(db, ppid, scope, id, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: true }, ctx);
    ids.push(id);
  }
  const edition = await createEdition(db, ppid, scope);
  await establishEdition(db, ppid, scope, edition, { skNumber: `${ids[0]}/PPID/2026`, skDate: todayIn(office.timeZone), skPdf: undefined }, ctx);
  await submitEdition(db, ppid, scope, edition, ctx);
  if (order) await orderEdition(db, await actor(db, 'atasan', slug), scope, edition);
  return ids;
}

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  published['kab-bintan'] = await enter(
    db,
    'kab-bintan',
    ['Daftar Pemilih Tetap Pemilu 2024', 'Rekapitulasi pemilih disabilitas <b>2024</b>', 'Jumlah pemilih pemula per kecamatan', 'Daftar pemilih tambahan', 'Data pemilih berkelanjutan semester I', 'Peta sebaran pemilih', 'Laporan keuangan tahunan'],
    true,
  );
  published['kab-belitung-timur'] = await enter(db, 'kab-belitung-timur', ['Daftar pemilih Belitung Timur'], true);
  // Established and submitted, not ordered: the Secretary has not said so, so nobody outside sees it.
  unpublished = await enter(db, 'kab-bintan', ['Notulen rapat pleno tertutup pemilih'], false);
});
after(async () => app?.close());

async function suggest(slug: string, query: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await fetch(`${app.url}/${slug}/dip/saran${query}`);
  const type = response.headers.get('content-type');
  return { status: response.status, type, body: type?.startsWith('application/json') ? await response.json() : await response.text() };
}

const q = (value: string) => `?q=${encodeURIComponent(value)}`;

describe(`DIP suggestions for the request form (${ENGINE})`, () => {
  test('matching published entries of that office only, at most five, as title, link and summary without the marks', async () => {
    const { status, type, body } = await suggest('kab-bintan', q('pemilihan'));
    assert.equal(status, 200);
    assert.match(type!, /^application\/json/);
    const hits = body as Suggestion[];
    assert.equal(hits.length, MAX_SUGGESTIONS);
    for (const hit of hits) {
      assert.deepEqual(Object.keys(hit).sort(), ['summary', 'title', 'url']);
      const id = Number(/^\/kab-bintan\/dip\/(\d+)$/.exec(hit.url)?.[1]);
      assert.ok(published['kab-bintan']!.includes(id), `${hit.url} is a published entry of kab-bintan`);
      assert.doesNotMatch(hit.title + hit.summary, /[\u0001\u0002]/, 'the match marks are stripped');
      assert.match(hit.title, /pemilih/i);
    }
    assert.ok(!hits.some((h) => h.title.includes('Laporan keuangan')));

    const tagged = (await suggest('kab-bintan', q('disabilitas'))).body as Suggestion[];
    assert.deepEqual(tagged.map((h) => h.title), ['Rekapitulasi pemilih disabilitas <b>2024</b>'], 'text as published: the script puts it in as text, never as HTML');

    assert.deepEqual((await suggest('kab-bintan', q('notulen pleno tertutup'))).body, [], 'an edition the Secretary has not ordered is never suggested');
    assert.ok(!((await suggest('kab-bintan', q('pemilih tertutup'))).body as Suggestion[]).some((h) => unpublished.some((id) => h.url.endsWith(`/${id}`))));

    const beltim = (await suggest('kab-belitung-timur', q('pemilih'))).body as Suggestion[];
    assert.deepEqual(beltim.map((h) => h.url), [`/kab-belitung-timur/dip/${published['kab-belitung-timur']![0]}`], "the office's own entries only");
    assert.deepEqual((await suggest('prov-kepri', q('pemilih'))).body, [], 'a province suggests its own DIP, not its regencies');
  });

  test('fewer than three letters suggest nothing', async () => {
    for (const query of ['', q('pe'), q('  p e  '), q('a"-b'), q('!!??**'), '?other=pemilih']) {
      const { status, body } = await suggest('kab-bintan', query);
      assert.equal(status, 200, query);
      assert.deepEqual(body, [], query);
    }
    assert.ok(((await suggest('kab-bintan', q('pemilih'))).body as Suggestion[]).length > 0, 'three letters or more do');
  });

  test('junk input is an answer, never an error', async () => {
    for (const query of [q('<script>alert(1)</script>'), q('" OR 1=1 --'), q("pemilih' ; DROP TABLE dip_items; --"), q('pemilih'.repeat(900)), q('\u0001pemilih\u0002'), q('😀 pemilih 😀'), '?q=pemilih&q=keuangan', '?q[a]=pemilih', '?q=%E0%A4%A', q('pemilih:* & !x | (y')]) {
      const { status, body } = await suggest('kab-bintan', query);
      assert.ok(status === 200 || status === 400, `${query.slice(0, 60)}: ${status}`);
      if (status === 200) assert.ok(Array.isArray(body) && body.length <= MAX_SUGGESTIONS, query.slice(0, 60));
    }
    assert.equal((await suggest('kab-bintan', '?q=pemi%00lih')).status, 400, 'NUL is refused by the app');
    assert.equal((await suggest('tidak-ada-kantor', q('pemilih'))).status, 404);
  });

  test('the request form carries the box, its no-script link and the script, which is small and served from our origin', async () => {
    const html = await (await fetch(`${app.url}/kab-bintan/permohonan`)).text();
    assert.match(html, /<textarea id="f-information"[^]*?<\/textarea><\/div><div class="dip-suggest" data-dip-suggest-for="f-information" data-endpoint="\/kab-bintan\/dip\/saran"/, 'right after the information field');
    assert.match(html, /<a href="\/kab-bintan\/dip\/cari">Periksa dulu Daftar Informasi Publik<\/a>/);
    assert.match(html, /<div aria-live="polite"><\/div>/);
    assert.match(html, /<script src="\/static\/dip-suggest.js" defer><\/script>/);
    const script = await fetch(`${app.url}/static/dip-suggest.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type')!, /javascript/);
    assert.ok((await script.arrayBuffer()).byteLength < 3 * 1024, 'under 3 KB');
  });
});
