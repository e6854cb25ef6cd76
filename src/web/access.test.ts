import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAccess, PUBLIC, roles, SIGNED_IN } from './access.ts';

test('public routes are open to everyone', () => {
  assert.equal(decideAccess(PUBLIC, undefined), 'allow');
  assert.equal(decideAccess(PUBLIC, { roles: ['desk_officer'] }), 'allow');
});

test('signed-in routes need a principal, whatever its roles', () => {
  assert.equal(decideAccess(SIGNED_IN, undefined), 'unauthenticated');
  assert.equal(decideAccess(SIGNED_IN, { roles: ['information_provider'] }), 'allow');
});

test('role routes admit only the listed roles, and the system admin', () => {
  const adminOnly = roles('office_admin');
  assert.equal(decideAccess(adminOnly, undefined), 'unauthenticated');
  assert.equal(decideAccess(adminOnly, { roles: ['desk_officer', 'ppid'] }), 'forbidden');
  assert.equal(decideAccess(adminOnly, { roles: ['ppid', 'office_admin'] }), 'allow');
  assert.equal(decideAccess(adminOnly, { roles: ['system_admin'] }), 'allow');
  assert.equal(decideAccess(roles('ppid', 'atasan_ppid'), { roles: ['atasan_ppid'] }), 'allow');
  assert.equal(decideAccess(roles('ppid'), { roles: [] }), 'forbidden');
});
