import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../cli.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { fillEveryTable, tempDir } from './test-fixtures.ts';

/** A database the CLI opens from its environment: a DATA_DIR, plus a DATABASE_URL in the postgres run. */
interface Place {
  readonly env: { readonly DATA_DIR: string; readonly DATABASE_URL?: string };
  cleanup(): Promise<void>;
}

const places: Place[] = [];

async function newPlace(): Promise<Place> {
  const dataDir = tempDir('cli');
  let server: TestDatabase | undefined;
  if (ENGINE === 'postgres') {
    server = await freshDatabase({ migrated: false });
    await server.database.close();
  }
  const place: Place = {
    env: server ? { DATA_DIR: dataDir, DATABASE_URL: server.url! } : { DATA_DIR: dataDir },
    async cleanup() {
      await server?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  places.push(place);
  return place;
}

async function cli(place: Place | undefined, ...args: string[]) {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, place?.env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('npm run cli -- backup / restore', () => {
  let source: Place;
  let target: Place;
  let file: string;

  before(async () => {
    source = await newPlace();
    target = await newPlace();
    const database = await openDatabase({ databaseUrl: source.env.DATABASE_URL, dataDir: source.env.DATA_DIR });
    try {
      await migrate(database);
      await fillEveryTable(database);
    } finally {
      await database.close();
    }
  });

  after(async () => {
    for (const place of places) await place.cleanup();
  });

  test('both commands explain themselves with --help', async () => {
    const backup = await cli(undefined, 'backup', '--help');
    assert.equal(backup.code, 0);
    assert.match(backup.out, /npm run cli -- backup \[--out <file>\]/);
    const restore = await cli(undefined, 'restore', '--help');
    assert.equal(restore.code, 0);
    assert.match(restore.out, /npm run cli -- restore <file> \[--force\]/);
  });

  test('backup prints the path, size, SHA-256 and rows per table', async () => {
    const result = await cli(source, 'backup');
    assert.equal(result.code, 0, result.err.join('\n'));
    file = /backup written: (\S+)/.exec(result.out)![1]!;
    assert.ok(file.startsWith(join(source.env.DATA_DIR, 'backups')));
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    assert.match(result.out, new RegExp(`SHA-256: ${sha256}`));
    assert.match(result.out, /^ {2}offices +3$/m);
    assert.match(result.out, /^ {2}holidays +54$/m);
  });

  test('restore fills an empty database and prints rows per table', async () => {
    const result = await cli(target, 'restore', file);
    assert.equal(result.code, 0, result.err.join('\n'));
    assert.match(result.out, /^ {2}staff +3$/m);
    assert.match(result.out, /migrations applied after restore: tidak ada \/ none/);
  });

  test('restore onto data is refused, Indonesian first, with a non-zero exit code; --force replaces it', async () => {
    const refused = await cli(target, 'restore', file);
    assert.equal(refused.code, 1);
    assert.equal(refused.err.length, 1);
    assert.match(refused.err[0]!, /^Basis data tujuan sudah berisi data .* \/ The target database already holds data .*--force/);
    const forced = await cli(target, 'restore', file, '--force');
    assert.equal(forced.code, 0, forced.err.join('\n'));
  });

  test('a file that is not a backup gets one sentence, no stack trace', async () => {
    const junk = join(target.env.DATA_DIR, 'junk.lentera-backup.gz');
    writeFileSync(junk, 'not a backup');
    const result = await cli(target, 'restore', junk, '--force');
    assert.equal(result.code, 1);
    assert.equal(result.err.length, 1);
    assert.match(result.err[0]!, /^Berkas .* bukan cadangan Lentera atau rusak .* \/ .* is not a Lentera backup or is damaged/);
    assert.doesNotMatch(result.err[0]!, /\n|\s+at /);
  });

  test('restore needs exactly one file', async () => {
    const result = await cli(target, 'restore');
    assert.equal(result.code, 2);
    assert.match(result.err[0]!, /Sebutkan satu berkas cadangan/);
  });
});
