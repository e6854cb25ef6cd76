import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkYear, ITEM_IDS, ITEMS, judge, NO_EVIDENCE, readinessOf, readinessSentence, type Evidence, type ItemId, type Status } from './rules.ts';

/** The judgement of each item from plain evidence, the year asked for, and the readiness figure. */

const statusOf = (evidence: Partial<Evidence>, year = 2026) => Object.fromEntries(judge({ ...NO_EVIDENCE, ...evidence }, year).map((r) => [r.item.id, r.status])) as Record<ItemId, Status>;
const resultOf = (id: ItemId, evidence: Partial<Evidence>, year = 2026) => judge({ ...NO_EVIDENCE, ...evidence }, year).find((r) => r.item.id === id)!;

describe('the monev year', () => {
  test('empty is this year; malformed, too early and future years are refused with why', () => {
    assert.deepEqual(checkYear('', '2026-03-05'), { ok: true, year: 2026 });
    assert.deepEqual(checkYear(' 2024 ', '2026-03-05'), { ok: true, year: 2024 });
    for (const [raw, words] of [
      ['26', 'empat angka'],
      ['2026-01', 'empat angka'],
      ['２０２６', 'empat angka'],
      ['2009', 'sejak 2010'],
      ['2027', 'belum tiba'],
    ] as const) {
      const checked = checkYear(raw, '2026-03-05');
      assert.ok(!checked.ok && checked.problem.id.includes(words), raw);
    }
  });
});

describe('judging the items', () => {
  test('every item is defined once, with its aspect, labels and somewhere to look', () => {
    assert.deepEqual(
      ITEMS.map((i) => i.id),
      [...ITEM_IDS],
    );
    for (const item of ITEMS) {
      assert.ok(item.label.id && item.label.en && item.judged.id && item.judged.en, item.id);
      assert.ok(item.deskPath !== null || item.publicPath !== null, item.id);
      assert.equal(item.deskPath === null, item.deskRoles.length === 0, item.id);
    }
  });

  test('pages: the profile needs both the profile and the hours and costs page', () => {
    assert.equal(statusOf({ pages: { profile: '2026-02-01' } }).profile, 'partial');
    assert.equal(statusOf({ pages: { service: '2026-02-01' } }).profile, 'partial');
    assert.match(resultOf('profile', { pages: { service: '2026-02-01' } }).missing!.id, /^Halaman profil PPID belum diisi\./);
    assert.equal(statusOf({ pages: { profile: '2026-02-01', service: '2026-02-02' } }).profile, 'present');
    assert.equal(statusOf({ pages: { profile: '2026-02-01', service: '2026-02-02' } }).charter, 'missing', 'the charter is its own item');
  });

  test('the DIP: ordered in the monev year with its decree number and file', () => {
    const dip = { edition: 3, orderedOn: '2026-02-10', skNumber: '3/PPID/21.01/2026', skDate: '2026-02-09', hasSkPdf: true };
    assert.equal(statusOf({ dip }).dip, 'present');
    assert.equal(resultOf('dip', { dip }).found.id, 'Edisi 3 diperintahkan unggah 10 Februari 2026; SK 3/PPID/21.01/2026 tanggal 9 Februari 2026; berkas SK terunggah.');
    const stale = resultOf('dip', { dip: { ...dip, orderedOn: '2025-11-30' } });
    assert.equal(stale.status, 'partial');
    assert.equal(stale.missing!.id, 'DIP belum dimutakhirkan pada tahun 2026: tetapkan edisi pemutakhiran.');
    const noFile = resultOf('dip', { dip: { ...dip, hasSkPdf: false, skNumber: '' } });
    assert.equal(noFile.status, 'partial');
    assert.ok(noFile.missing!.id.includes('nomor SK') && noFile.missing!.id.includes('Berkas PDF SK'));
  });

  test('the DIK, periodic items and the annual report have a partial state', () => {
    assert.equal(statusOf({ dik: { inForce: 3, untested: 0 } }).dik, 'present');
    assert.equal(statusOf({ dik: { inForce: 3, untested: 2 } }).dik, 'partial');
    assert.equal(statusOf({ berkala: { items: 4, overdue: 0, firstOverdue: null } }).berkala, 'present');
    assert.equal(statusOf({ berkala: { items: 4, overdue: 1, firstOverdue: '2026-01-31' } }).berkala, 'partial');
    assert.equal(statusOf({ annual: { status: 'draft', version: 1, submittedOn: null } }).annual_report, 'partial');
    const submitted = resultOf('annual_report', { annual: { status: 'submitted', version: 2, submittedOn: '2026-03-20' } });
    assert.equal(submitted.status, 'present');
    assert.equal(submitted.found.en, 'The 2025 report, version 2, submitted 20 March 2026.');
  });

  test('the registers count the monev year; the summary follows the requests', () => {
    const withRequests = statusOf({ requests: 1 });
    assert.equal(withRequests.request_register, 'present');
    assert.equal(withRequests.ringkasan, 'present');
    assert.equal(withRequests.objection_register, 'missing');
    assert.equal(resultOf('request_register', { requests: 1234 }).found.id, '1.234 permohonan diterima pada tahun 2026.');
    assert.ok(resultOf('objection_register', {}, 2025).missing!.id.includes('tahun 2025'));
  });

  test('readiness is the share of items present; partial items do not count', () => {
    const results = judge({ ...NO_EVIDENCE, requests: 5, pages: { charter: '2026-01-02', profile: '2026-01-02' } }, 2026);
    const r = readinessOf(results);
    assert.deepEqual(r, { present: 3, partial: 1, missing: 8, total: 12, percent: 25 });
    assert.equal(readinessSentence('id', r), 'Kesiapan bukti: 3 dari 12 butir ada (25,0%); 1 sebagian, 8 belum ada.');
    assert.equal(readinessSentence('en', r), 'Evidence readiness: 3 of 12 items present (25.0%); 1 partial, 8 missing.');
    assert.equal(readinessOf([]).percent, 0);
  });
});
