import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAnswers, checkPeriod, ELEMENTS, gradeOf, skmResult, twoDecimals } from './rules.ts';

/** The questionnaire check, the index and its grade, and the desk's period, as pure functions. */

const ALL = (score: string) => Object.fromEntries(ELEMENTS.map((e) => [e.toLowerCase(), score]));

describe('checkAnswers', () => {
  test('every element needs one answer 1–4; each missing or odd one gets its own message', () => {
    const { u3: _, ...missingU3 } = ALL('4');
    const checked = checkAnswers({ ...missingU3, u7: '5', u9: 'x' });
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.deepEqual(Object.keys(checked.problems).sort(), ['u3', 'u7', 'u9']);
    assert.equal(checked.problems.u3!.id, 'Pilih satu jawaban untuk unsur U3 (Waktu penyelesaian).');
    assert.equal(checked.problems.u7!.en, 'Choose one answer for element U7 (Conduct of the staff).');
  });

  test('a complete answer keeps the scores in order and the comment without control characters', () => {
    const checked = checkAnswers({ ...ALL('3'), u1: '1', u9: '4', saran: '  Antre\u0000 lama.\nTerima kasih.  ' });
    assert.ok(checked.ok);
    assert.deepEqual(checked.answer.scores, [1, 3, 3, 3, 3, 3, 3, 3, 4]);
    assert.equal(checked.answer.comment, 'Antre lama.\nTerima kasih.');
  });

  test('the comment is optional but bounded', () => {
    assert.ok(checkAnswers(ALL('2')).ok);
    const long = checkAnswers({ ...ALL('2'), saran: 'a'.repeat(2001) });
    assert.ok(!long.ok && Object.keys(long.problems).join() === 'saran');
  });
});

describe('index and grade (PermenPANRB 14/2017)', () => {
  test('grade bounds at two decimals: 88.31 A, 88.30 B, 76.61 B, 76.60 C, 65.00 C, 64.99 D', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [88.31, 'A'],
      [88.3, 'B'],
      [76.61, 'B'],
      [76.6, 'C'],
      [65, 'C'],
      [64.99, 'D'],
      [25, 'D'],
      // Between the published bounds: rounded to two decimals first, as the index is published.
      [88.306, 'A'],
      [76.6049, 'C'],
    ];
    for (const [index, grade] of cases) assert.equal(gradeOf(index), grade, String(index));
  });

  test('a hand-computed tally: element means, their indices, and the index as the mean of the means × 25', () => {
    // Four answers: U1 4,4,3,3 (mean 3.5); U2 2,2,2,2 (2); U3 1,2,3,4 (2.5); U4–U9 all 3.
    const answers = [
      [4, 2, 1, 3, 3, 3, 3, 3, 3],
      [4, 2, 2, 3, 3, 3, 3, 3, 3],
      [3, 2, 3, 3, 3, 3, 3, 3, 3],
      [3, 2, 4, 3, 3, 3, 3, 3, 3],
    ];
    const sums = ELEMENTS.map((_, i) => answers.reduce((s, a) => s + a[i]!, 0));
    const result = skmResult({ responses: 4, sums })!;
    assert.equal(result.responses, 4);
    assert.deepEqual(
      result.elements.slice(0, 4).map((e) => [e.element, e.mean, e.index, e.grade]),
      [
        ['U1', 3.5, 87.5, 'B'],
        ['U2', 2, 50, 'D'],
        ['U3', 2.5, 62.5, 'D'],
        ['U4', 3, 75, 'C'],
      ],
    );
    // (3.5 + 2 + 2.5 + 6 × 3) / 9 = 26 / 9 = 2.8889; × 25 = 72.2222 → 72.22, grade C.
    assert.equal(result.mean, 26 / 9);
    assert.equal(result.index, 72.22);
    assert.equal(result.grade, 'C');
  });

  test('no answers is no index, not zero', () => {
    assert.equal(skmResult({ responses: 0, sums: ELEMENTS.map(() => 0) }), null);
    assert.equal(skmResult({ responses: 3, sums: ELEMENTS.map(() => 9) })!.index, 75);
  });

  test('indices are written with two decimals in the reader’s convention', () => {
    assert.equal(twoDecimals('id', 88.31), '88,31');
    assert.equal(twoDecimals('en', 65), '65.00');
  });
});

describe('checkPeriod', () => {
  const today = '2026-10-15';

  test('empty is the year so far; a whole past run of months ends on its last day', () => {
    const open = checkPeriod({}, today);
    assert.ok(open.ok);
    assert.deepEqual(open.period, { fromMonth: '2026-01', toMonth: '2026-10', from: '2026-01-01', to: '2026-10-15', inProgress: true });
    const past = checkPeriod({ dari: '2025-11', sampai: '2026-02' }, today);
    assert.ok(past.ok);
    assert.deepEqual(past.period, { fromMonth: '2025-11', toMonth: '2026-02', from: '2025-11-01', to: '2026-02-28', inProgress: false });
  });

  test('malformed, future or reversed months are refused with a message on the field', () => {
    const bad = checkPeriod({ dari: '2026-13', sampai: '2026-11' }, today);
    assert.ok(!bad.ok);
    assert.match(bad.problems.dari!.id, /TTTT-BB/);
    assert.match(bad.problems.sampai!.id, /November 2026 belum tiba/);
    const reversed = checkPeriod({ dari: '2026-05', sampai: '2026-02' }, today);
    assert.ok(!reversed.ok && /tidak boleh sebelum/.test(reversed.problems.sampai!.id));
  });
});
