import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCKOUT, lockedUntil, SESSION, sessionExpired } from './rules.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 17, 2, 0) + minutes * 60_000);

test('an account locks on the fifth failure inside the window, for the lock period after the last one', () => {
  const failures = [0, 1, 2, 3].map(at);
  assert.equal(lockedUntil(failures, LOCKOUT.perAccount, at(4)), undefined);
  const five = [...failures, at(4)];
  assert.deepEqual(lockedUntil(five, LOCKOUT.perAccount, at(5)), new Date(at(4).getTime() + LOCKOUT.lockMs));
  assert.equal(lockedUntil(five, LOCKOUT.perAccount, at(4 + 15)), undefined);
});

test('failures older than the window do not count', () => {
  const failures = [0, 1, 2, 3, 20].map(at);
  assert.equal(lockedUntil(failures, LOCKOUT.perAccount, at(21)), undefined);
});

test('a session ends when revoked, expired or idle too long', () => {
  const base = { createdAt: at(0), lastSeenAt: at(0), revokedAt: null, expiresAt: at(7 * 24 * 60) };
  assert.equal(sessionExpired(base, at(60)), false);
  assert.equal(sessionExpired({ ...base, revokedAt: at(1) }, at(2)), true);
  assert.equal(sessionExpired(base, new Date(at(0).getTime() + SESSION.idleMs + 1)), true);
  assert.equal(sessionExpired({ ...base, lastSeenAt: at(7 * 24 * 60 - 1) }, at(7 * 24 * 60)), true);
});
