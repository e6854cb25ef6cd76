import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDay, formatMoment, pickLang } from './i18n.ts';

test('a moment is shown in the office zone, not the server’s', () => {
  const at = new Date('2026-03-16T23:30:00Z');
  assert.equal(formatMoment('id', at, 'Asia/Jakarta'), '17 Maret 2026 06.30 WIB');
  assert.equal(formatMoment('en', at, 'Asia/Jayapura'), '17 March 2026 08:30 WIT');
  assert.equal(formatMoment('id', new Date('2026-12-31T16:00:00Z'), 'Asia/Makassar'), '1 Januari 2027 00.00 WITA');
});

test('days carry their weekday; languages default to Indonesian', () => {
  assert.equal(formatDay('id', '2026-03-23'), 'Senin, 23 Maret 2026');
  assert.equal(formatDay('en', '2026-03-23'), 'Monday, 23 March 2026');
  assert.equal(pickLang(undefined, undefined), 'id');
  assert.equal(pickLang(undefined, 'en-US,en;q=0.9'), 'en');
  assert.equal(pickLang('id', 'en-US'), 'id');
});
