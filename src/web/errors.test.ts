import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toAppError } from './errors.tsx';

test('a unique-index violation is a 409 with a sentence, whether the driver error is wrapped or not', () => {
  const driver = Object.assign(new Error('duplicate key value violates unique constraint "units_office_name_key"'), { code: '23505' });
  const wrapped = new Error('Failed query: insert into "units" …', { cause: driver });
  for (const error of [driver, wrapped]) {
    const mapped = toAppError(error);
    assert.equal(mapped.status, 409);
    assert.match(mapped.text.id, /muat ulang/);
  }
});

test('an unknown error is a 500 whose text says nothing of its cause', () => {
  const mapped = toAppError(new Error('secret internal detail at /src/x.ts:1'));
  assert.equal(mapped.status, 500);
  assert.doesNotMatch(mapped.text.id + mapped.text.en, /secret|\/src\//);
});
