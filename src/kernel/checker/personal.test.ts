import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNikLike, maskPersonal, normalisePhone, scanPersonal } from './personal.ts';

const kinds = (value: string) => scanPersonal(value).map((h) => `${h.kind}:${h.excerpt}`);

describe('NIK-like numbers', () => {
  it('finds a NIK plain, in groups, with dots, and never shows it whole', () => {
    assert.deepEqual(kinds('NIK: 3201011203900001.'), ['nik:3201********0001']);
    assert.deepEqual(kinds('NIK 3201 0112 0390 0001'), ['nik:3201********0001']);
    assert.deepEqual(kinds('3201.01.120390.0001'), ['nik:3201********0001']);
  });

  it('accepts the day plus 40 for women and refuses impossible forms', () => {
    assert.equal(isNikLike('3201015203900002'), true); // 12 March, woman
    assert.equal(isNikLike('3201017203900002'), false); // day 32
    assert.equal(isNikLike('3201013102900002'), false); // 31 February
    assert.equal(isNikLike('3201011213900002'), false); // month 13
    assert.equal(isNikLike('0901011203900001'), false); // province 09
    assert.equal(isNikLike('9901011203900001'), false); // province 99
    assert.equal(isNikLike('5555555555555555'), false);
  });

  it('ignores longer digit runs and other 16-digit numbers', () => {
    assert.deepEqual(kinds('rekening 32010112039000011'), []);
    assert.deepEqual(kinds('nomor 1234567890123456'), []); // month 78
  });
});

describe('phone numbers', () => {
  it('finds mobile and landline numbers in the usual notations', () => {
    for (const raw of ['0812-3456-7890', '+62 812 3456 7890', '62812.3456.7890', '(021) 3456789', '0274 512345', '+62-21-5551234']) {
      assert.equal(scanPersonal(`Hubungi ${raw} segera`).filter((h) => h.kind === 'phone').length, 1, raw);
    }
    assert.deepEqual(kinds('HP 0812-3456-7890'), ['phone:0812******90']);
  });

  it('does not take dates, amounts or a NIK in groups for a phone number', () => {
    assert.deepEqual(kinds('Tanggal 2024-08-12, jumlah 1.250.000'), []);
    // "081290 0001" alone would pass as a mobile number.
    assert.deepEqual(kinds('NIK 320101 081290 0001').map((k) => k.split(':')[0]), ['nik']);
    assert.equal(normalisePhone('0123456789'), undefined);
    assert.equal(normalisePhone('0812345'), undefined);
  });
});

describe('e-mail addresses and masking', () => {
  it('finds an address and masks the local part', () => {
    assert.deepEqual(kinds('kirim ke budi.santoso@example.go.id ya'), ['email:b***@example.go.id']);
  });

  it('masks every hit inside a longer text', () => {
    assert.equal(maskPersonal('Budi, 3201011203900001, 0812-3456-7890'), 'Budi, 3201********0001, 0812******90');
  });
});
