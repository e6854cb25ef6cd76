import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNumber, patternProblem, romanMonth } from './rules.ts';

const values = { seq: 7, year: 2026, month: 11, code: '21.01', series: 'letter' };

describe('number patterns', () => {
  test('valid patterns format every token', () => {
    assert.equal(patternProblem('{seq}/PPID/{code}/{romanMonth}/{year}'), undefined);
    assert.equal(formatNumber('{seq}/PPID/{code}/{romanMonth}/{year}', values), '7/PPID/21.01/XI/2026');
    assert.equal(formatNumber('{seq:3}/{year}', values), '007/2026');
    assert.equal(formatNumber('{series}-{year}.{month}-{seq:4}', values), 'letter-2026.11-0007');
  });

  test('padding never cuts a longer number', () => {
    assert.equal(formatNumber('{seq:3}/{year}', { ...values, seq: 12345 }), '12345/2026');
    assert.equal(formatNumber('{seq:1}/{year}', { ...values, seq: 5 }), '5/2026');
  });

  test('roman months I to XII', () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => romanMonth(i + 1)),
      ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'],
    );
    assert.throws(() => romanMonth(13), RangeError);
    assert.equal(formatNumber('{seq}/{romanMonth}/{year}', { ...values, month: 4 }), '7/IV/2026');
  });

  test('each invalid pattern is refused with a message in both languages', () => {
    const cases: [string, RegExp][] = [
      ['', /required/],
      ['PPID/{year}', /\{seq\} exactly once/],
      ['{seq}/{seq}/{year}', /\{seq\} exactly once/],
      ['{seq}/PPID', /must contain \{year\}/],
      ['{seq}/{nomor}/{year}', /Unknown token \{nomor\}/],
      ['{seq}/{Year}', /Unknown token \{Year\}/],
      ['{seq:0}/{year}', /width/],
      ['{seq:10}/{year}', /width/],
      ['{seq}/{year:4}', /only to \{seq\}/],
      ['{seq:3:1}/{year}', /Unknown token/],
      ['{seq}/{year', /unmatched brace/],
      ['{seq}}/{year}', /unmatched brace/],
      ['{seq}/Surat—{year}', /plain punctuation/],
      ['{seq}/\n{year}', /plain punctuation/],
      [`{seq}/${'X'.repeat(120)}/{year}`, /at most 120/],
    ];
    for (const [pattern, message] of cases) {
      const problem = patternProblem(pattern);
      assert.ok(problem, `accepted: ${JSON.stringify(pattern)}`);
      assert.match(problem.en, message, pattern);
      assert.ok(problem.id.length > 0 && problem.id !== problem.en, pattern);
    }
    assert.match(patternProblem('{seq}/{nomor}/{year}')!.id, /\{nomor\} tidak dikenal/);
  });

  test('formatting an invalid pattern or a bad value is a bug, not a number', () => {
    assert.throws(() => formatNumber('{seq}', values), /invalid number pattern/);
    assert.throws(() => formatNumber('{seq}/{year}', { ...values, seq: 0 }), RangeError);
  });
});
