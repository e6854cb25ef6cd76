import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkObjectionTransition, mayBeSettled, suggestGrounds } from './rules.ts';

describe('objection rules', () => {
  test('a request past its deadline without a notice suggests c and g, counted from the missed due date', () => {
    assert.deepEqual(suggestGrounds({ outcome: null, due: '2026-04-01', decidedDay: null, cost: 0 }, '2026-04-02'), [
      { ground: 'c', since: '2026-04-01' },
      { ground: 'g', since: '2026-04-01' },
    ]);
    assert.deepEqual(suggestGrounds({ outcome: null, due: '2026-04-01', decidedDay: null, cost: 0 }, '2026-04-01'), [], 'not before the deadline has passed');
  });

  test('a refusal suggests a; a notice with costs suggests f; a late notice suggests g', () => {
    assert.deepEqual(suggestGrounds({ outcome: 'refused', due: '2026-04-01', decidedDay: '2026-03-30', cost: 0 }, '2026-04-02'), [{ ground: 'a', since: '2026-03-30' }]);
    assert.deepEqual(suggestGrounds({ outcome: 'granted_full', due: '2026-04-01', decidedDay: '2026-04-03', cost: 15000 }, '2026-04-06'), [
      { ground: 'f', since: '2026-04-03' },
      { ground: 'g', since: '2026-04-03' },
    ]);
  });

  test('grounds b–g may be settled by agreement, a refusal may not', () => {
    assert.equal(mayBeSettled(['c', 'g']), true);
    assert.equal(mayBeSettled(['a', 'f']), false);
    assert.equal(mayBeSettled([]), false);
    const refused = checkObjectionTransition('settle', 'filed', ['atasan_ppid'], ['a']);
    assert.ok(!refused.ok && refused.status === 409);
  });

  test('only the Atasan PPID decides, and only once', () => {
    assert.deepEqual(checkObjectionTransition('overturn', 'filed', ['atasan_ppid'], ['c']), { ok: true, to: 'overturned' });
    assert.equal((checkObjectionTransition('uphold', 'filed', ['ppid'], ['a']) as { status: number }).status, 403);
    assert.equal((checkObjectionTransition('uphold', 'upheld', ['atasan_ppid'], ['a']) as { status: number }).status, 409);
  });
});
