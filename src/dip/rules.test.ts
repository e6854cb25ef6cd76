import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkClassification, checkDik, checkEditionTransition, checkItem, diffEditions, dikInForce, nextUpdateOn, searchTerms, type ItemForm, type Snapshot } from './rules.ts';

const ITEM: ItemForm = {
  title: 'Rencana kerja 2026',
  summary: 'Rencana kerja dan anggaran.',
  holder: 'Subbagian Perencanaan',
  responsible: 'Kasubag Perencanaan',
  producedWhen: 'Januari 2026',
  producedWhere: 'Bintan',
  hasSoftcopy: true,
  hasHardcopy: true,
  onlineLink: '',
  archiveLocation: '',
  retention: '5 tahun',
};

describe('DIP rules', () => {
  test('every missing field of an item is named; softcopy needs a link or a file, hardcopy its location', () => {
    const blank = checkItem({ ...ITEM, title: ' ', responsible: '', hasSoftcopy: false, hasHardcopy: false });
    assert.ok(!blank.ok && ['title', 'responsible', 'hasSoftcopy'].every((f) => f in blank.problems));
    const forms = checkItem(ITEM);
    assert.ok(!forms.ok && 'onlineLink' in forms.problems && 'archiveLocation' in forms.problems);
    assert.ok(checkItem({ ...ITEM, archiveLocation: 'Lemari 1' }, 1).ok, 'an uploaded file stands for the softcopy');
    const badLink = checkItem({ ...ITEM, onlineLink: 'javascript:alert(1)', archiveLocation: 'Lemari 1' });
    assert.ok(!badLink.ok && 'onlineLink' in badLink.problems);
  });

  test('berkala needs an update period of at most six months; dikecualikan needs a DIK entry', () => {
    assert.ok(!checkClassification({ category: 'berkala', updateMonths: '7', dikEntryId: '' }).ok);
    assert.deepEqual(checkClassification({ category: 'berkala', updateMonths: '6', dikEntryId: '' }), { ok: true, value: { category: 'berkala', updateMonths: 6, dikEntryId: null } });
    assert.ok(!checkClassification({ category: 'dikecualikan', updateMonths: '', dikEntryId: 'x' }).ok);
    assert.ok(!checkClassification({ category: 'rahasia', updateMonths: '', dikEntryId: '' }).ok);
  });

  test('the next update is the same day months later, clamped to the end of a shorter month', () => {
    assert.equal(nextUpdateOn('2026-08-31', 6), '2027-02-28');
    assert.equal(nextUpdateOn('2026-01-15', 1), '2026-02-15');
  });

  test('a consequence test needs its ground, harm, weighing, period and a date not in the future; letter j names the law', () => {
    const form = { title: 'x', pasal17: 'j', otherLaw: '', harm: 'h', publicInterest: 'p', periodText: 'selamanya', periodEndsOn: '', decidedBy: 'Tim', decidedOn: '2026-12-01' };
    const result = checkDik(form, '2026-11-21');
    assert.ok(!result.ok && 'otherLaw' in result.problems && 'decidedOn' in result.problems);
    const entries = [
      { id: 1, officeId: 1, status: 'in_force', periodEndsOn: null },
      { id: 2, officeId: 2, status: 'proposed', periodEndsOn: null },
      { id: 3, officeId: 3, status: 'in_force', periodEndsOn: '2026-01-01' },
      { id: 4, officeId: 9, status: 'in_force', periodEndsOn: null },
    ];
    assert.deepEqual(dikInForce(entries, [3, 2, 1], '2026-11-21').map((e) => e.id), [1], 'inherited from above; proposals, lapsed and other offices out');
  });

  test('only the Secretary orders an edition, and only a submitted one', () => {
    assert.deepEqual(checkEditionTransition('order', 'submitted', ['atasan_ppid']), { ok: true, to: 'ordered' });
    assert.equal((checkEditionTransition('order', 'submitted', ['ppid']) as { status: number }).status, 403);
    assert.equal((checkEditionTransition('order', 'draft', ['atasan_ppid']) as { status: number }).status, 409);
    assert.equal((checkEditionTransition('establish', 'ordered', ['ppid']) as { status: number }).status, 409);
  });

  test('the difference between editions: added, withdrawn and the changed fields', () => {
    const base = { ...ITEM, category: 'setiap_saat', unit: 'A', updateMonths: null, files: [] } as Snapshot;
    const before = new Map([[1, base], [2, base]]);
    const after = new Map([[1, { ...base, summary: 'baru' }], [3, base]]);
    const diff = diffEditions(before, after);
    assert.deepEqual(diff.added, [3]);
    assert.deepEqual(diff.withdrawn, [2]);
    assert.deepEqual([...diff.changed], [[1, ['summary']]]);
  });

  test('search terms keep letters, digits, quotes and minus only', () => {
    assert.equal(searchTerms(' <b>Pemilih</b> & "DPT" -2024; '), 'b Pemilih b "DPT" -2024');
    assert.equal(searchTerms('\u0000\u0001'), '');
  });
});
