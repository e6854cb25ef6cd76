import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { t } from '../kernel/i18n.ts';
import {
  annualWords,
  checkPeriod,
  checkSort,
  nextSort,
  overseenOffices,
  oversightLevel,
  periodKey,
  periodQuery,
  provinceOf,
  provinceTotals,
  sortRows,
  totalOf,
  type OfficeNode,
  type OverviewFigures,
  type OverviewRow,
  type PeriodForm,
} from './rules.ts';

const node = (id: number, level: string, parentId: number | null, code: string, name = `Kantor ${id}`): OfficeNode => ({ id, level, parentId, code, slug: `k${id}`, name, timeZone: 'Asia/Jakarta' });

// KPU RI, two provinces with two regencies each, and a regency listed before its province.
const RI = node(1, 'ri', null, '00', 'KPU RI');
const KEPRI = node(2, 'province', 1, '21', 'KPU Provinsi Kepri');
const BABEL = node(3, 'province', 1, '19', 'KPU Provinsi Babel');
const BINTAN = node(4, 'regency', 2, '21.01', 'KPU Bintan');
const KARIMUN = node(5, 'regency', 2, '21.02', 'KPU Karimun');
const BELTIM = node(6, 'regency', 3, '19.06', 'KPU Belitung Timur');
const BANGKA = node(7, 'regency', 3, '19.01', 'KPU Bangka');
const ALL = [BELTIM, RI, KEPRI, BINTAN, BABEL, KARIMUN, BANGKA];

const form = (values: Partial<PeriodForm>): PeriodForm => ({ tahun: '', dari: '', sampai: '', ...values });
const TODAY = '2026-05-20';

describe('who oversees whom', () => {
  test('KPU RI oversees every office, its own first; a province itself and its regencies; a regency no one', () => {
    // By code: 19 Babel, 19.01 Bangka, 19.06 Belitung Timur, 21 Kepri, 21.01 Bintan, 21.02 Karimun.
    assert.deepEqual(overseenOffices(RI, ALL).map((o) => o.id), [1, 3, 7, 6, 2, 4, 5]);
    assert.deepEqual(overseenOffices(KEPRI, ALL).map((o) => o.id), [2, 4, 5]);
    assert.deepEqual(overseenOffices(BABEL, ALL).map((o) => o.id), [3, 7, 6]);
    assert.deepEqual(overseenOffices(BINTAN, ALL), []);
    assert.equal(oversightLevel(BINTAN), null);
    assert.equal(oversightLevel(KEPRI), 'province');
    assert.equal(oversightLevel(RI), 'ri');
  });

  test('the province of an office is found upwards; KPU RI has none', () => {
    const byId = new Map(ALL.map((o) => [o.id, o]));
    assert.equal(provinceOf(BINTAN, byId)?.id, KEPRI.id);
    assert.equal(provinceOf(KEPRI, byId)?.id, KEPRI.id);
    assert.equal(provinceOf(RI, byId), null);
    // A broken loop of parents ends instead of spinning.
    const a = node(10, 'regency', 11, '90');
    const b = node(11, 'regency', 10, '91');
    assert.equal(provinceOf(a, new Map([a, b].map((o) => [o.id, o]))), null);
  });
});

describe('the period', () => {
  test('nothing asked is this year so far; a past year is whole', () => {
    const now = checkPeriod(form({}), TODAY);
    assert.deepEqual(now, { ok: true, period: { kind: 'year', from: '2026-01-01', to: '2026-12-31', inProgress: true } });
    const past = checkPeriod(form({ tahun: ' 2025 ' }), TODAY);
    assert.deepEqual(past, { ok: true, period: { kind: 'year', from: '2025-01-01', to: '2025-12-31', inProgress: false } });
    assert.ok(past.ok && periodQuery(past.period) === 'tahun=2025' && periodKey(past.period) === '2025');
  });

  test('a range of months, or one month when the end is left empty', () => {
    const range = checkPeriod(form({ dari: '2025-11', sampai: '2026-02' }), TODAY);
    assert.deepEqual(range, { ok: true, period: { kind: 'months', from: '2025-11-01', to: '2026-02-28', inProgress: false } });
    assert.ok(range.ok && periodQuery(range.period) === 'dari=2025-11&sampai=2026-02' && periodKey(range.period) === '2025-11_2026-02');
    assert.deepEqual(checkPeriod(form({ dari: '2026-05' }), TODAY), { ok: true, period: { kind: 'months', from: '2026-05-01', to: '2026-05-31', inProgress: true } });
  });

  test('future, malformed, reversed or mixed periods are refused with a message on the field', () => {
    const problem = (values: Partial<PeriodForm>) => {
      const checked = checkPeriod(form(values), TODAY);
      assert.equal(checked.ok, false, JSON.stringify(values));
      return checked.ok ? {} : Object.fromEntries(Object.entries(checked.problems).map(([k, v]) => [k, t('id', v!)]));
    };
    assert.match(problem({ tahun: '2027' }).tahun!, /belum tiba/);
    assert.match(problem({ tahun: '25' }).tahun!, /empat angka/);
    assert.match(problem({ tahun: '2025-01' }).tahun!, /empat angka/);
    assert.match(problem({ tahun: '1999' }).tahun!, /sejak 2000/);
    assert.match(problem({ tahun: '2025', dari: '2025-01' }).tahun!, /tidak keduanya/);
    assert.match(problem({ sampai: '2025-03' }).dari!, /bulan awal/);
    assert.match(problem({ dari: '2025-13' }).dari!, /TTTT-BB/);
    assert.match(problem({ dari: '2026-01', sampai: '2026-07' }).sampai!, /belum tiba/);
    assert.match(problem({ dari: '2026-03', sampai: '2026-01' }).sampai!, /sebelum bulan awal/);
  });
});

const figures = (requests: number, late: number, days: Record<number, number> = {}): OverviewFigures => ({ requests, late, overdueOpen: 0, objections: 1, objectionsLate: 0, disputes: 0, answerDays: days });
const row = (office: OfficeNode, f: OverviewFigures | null, submittedOn: string | null = null): OverviewRow => ({ office, figures: f, dip: null, annual: { year: 2025, submittedOn } });

describe('the overview table', () => {
  const rows = [row(RI, null), row(KEPRI, figures(10, 5, { 2: 10 })), row(BINTAN, figures(40, 4, { 1: 20, 9: 20 })), row(KARIMUN, figures(20, 10, { 3: 1 }), '2026-03-01'), row(BABEL, null, '2026-02-10')];

  test('sorted by a figure, offices without data go last in both directions', () => {
    const ids = (column: string, arah: string) => sortRows(rows, checkSort(column, arah)).map((r) => r.office.id);
    assert.deepEqual(ids('permohonan', 'turun'), [4, 5, 2, 1, 3]);
    assert.deepEqual(ids('permohonan', 'naik'), [2, 5, 4, 1, 3]);
    // Late shares: Kepri 50 %, Bintan 10 %, Karimun 50 % (a tie: by code).
    assert.deepEqual(ids('keterlambatan', 'turun'), [2, 5, 4, 1, 3]);
    // Medians: Kepri 2, Karimun 3, Bintan (1 + 9) / 2 = 5.
    assert.deepEqual(ids('median', 'naik'), [2, 5, 4, 1, 3]);
    assert.deepEqual(ids('laporan-tahunan', 'naik'), [3, 5, 1, 2, 4]);
    assert.deepEqual(ids('kantor', 'naik'), [4, 5, 3, 2, 1]);
    assert.deepEqual(ids('nonsense', 'turun'), ids('kantor', 'naik'));
  });

  test('a heading links to the other direction of its column, a new column starts with the largest', () => {
    assert.deepEqual(nextSort({ column: 'requests', direction: 'desc' }, 'requests'), { column: 'requests', direction: 'asc' });
    assert.deepEqual(nextSort({ column: 'requests', direction: 'desc' }, 'disputes'), { column: 'disputes', direction: 'desc' });
    assert.deepEqual(nextSort({ column: 'requests', direction: 'desc' }, 'office'), { column: 'office', direction: 'asc' });
  });

  test('totals add the offices with data; none at all is no data, not zeros', () => {
    assert.deepEqual(totalOf(rows), { requests: 70, late: 19, overdueOpen: 0, objections: 3, objectionsLate: 0, disputes: 0, answerDays: { 1: 20, 2: 10, 3: 1, 9: 20 } });
    assert.equal(totalOf([row(RI, null)]), null);
  });

  test('KPU RI groups the offices by province, its own group first', () => {
    const groups = provinceTotals(rows);
    assert.deepEqual(
      groups.map((g) => [g.province?.id ?? null, g.offices, g.withData, g.figures?.requests ?? null, g.annualSubmitted]),
      [
        [null, 1, 0, null, 0],
        [3, 1, 0, null, 1],
        [2, 3, 3, 70, 1],
      ],
    );
  });

  test('the annual report column says submitted, due or late', () => {
    assert.match(annualWords('id', { year: 2025, submittedOn: '2026-03-02' }, TODAY), /^Disampaikan 2 Maret 2026$/);
    assert.match(annualWords('id', { year: 2025, submittedOn: null }, '2026-03-31'), /^Belum; batas 31 Maret 2026$/);
    assert.match(annualWords('en', { year: 2025, submittedOn: null }, '2026-04-01'), /past the 31 March 2026 deadline/);
  });
});
