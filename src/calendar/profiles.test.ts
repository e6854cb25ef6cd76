import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROFILES, PURPOSES, profileFor } from './profiles.ts';

test('the normal regime: UU 14/2008 periods', () => {
  assert.deepEqual(PROFILES.normal.workingDays, { request_notice: 10, request_extension: 7, objection_filing: 30, objection_answer: 30, objection_reopen: 10, dispute_filing: 14, dispute_start: 14, dispute_finish: 100 });
  assert.deepEqual(PROFILES.normal.unverified, ['objection_reopen']);
});

test('the election regime: Perki 1/2019 periods, with the unread filing windows marked unverified', () => {
  const { workingDays, unverified } = PROFILES.election;
  assert.equal(workingDays.request_notice, 3);
  assert.equal(workingDays.request_extension, 2);
  assert.equal(workingDays.objection_answer, 3);
  assert.deepEqual([...unverified].sort(), ['dispute_filing', 'dispute_finish', 'dispute_start', 'objection_filing']);
  for (const purpose of unverified) assert.equal(workingDays[purpose], PROFILES.normal.workingDays[purpose], 'an unverified window keeps the normal length');
  for (const purpose of PURPOSES) assert.ok(Number.isInteger(workingDays[purpose]));
});

test('profileFor picks the period covering the day, both ends included, else normal', () => {
  const periods = [{ profile: 'election', startsOn: '2026-02-01', endsOn: '2026-03-31' }];
  assert.equal(profileFor([], '2026-03-01').name, 'normal');
  assert.equal(profileFor(periods, '2026-01-31').name, 'normal');
  assert.equal(profileFor(periods, '2026-02-01').name, 'election');
  assert.equal(profileFor(periods, '2026-03-31').name, 'election');
  assert.equal(profileFor(periods, '2026-04-01').name, 'normal');
});

test('where periods overlap, the one that started last wins', () => {
  const periods = [
    { profile: 'election', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    { profile: 'normal', startsOn: '2026-06-01', endsOn: '2026-06-30' },
  ];
  assert.equal(profileFor(periods, '2026-06-15').name, 'normal');
  assert.equal(profileFor(periods, '2026-07-01').name, 'election');
});

test('a period naming an unknown profile is an error, not a silent normal', () => {
  assert.throws(() => profileFor([{ profile: 'pilkada', startsOn: '2026-01-01', endsOn: '2026-12-31' }], '2026-05-05'), /unknown profile "pilkada"/);
});
