import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../src/cli.ts';
import { ENGINE, freshLocation, type TestLocation } from './support/db.ts';

/** The real program as a user starts it: `node --import tsx src/main.ts` (what `npm start` runs). */
const ROOT = join(import.meta.dirname, '..');

const locations: TestLocation[] = [];
after(async () => {
  for (const l of locations) await l.cleanup();
});

function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...base, LOG_LEVEL: 'error', JOBS: 'off', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** stderr without Node's own warnings: what the person reads. */
function problemLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() && !l.includes('Warning') && !l.startsWith('(Use `node'));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the server exited early');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not come up');
}

async function location(): Promise<{ env: Record<string, string>; dataDir: string }> {
  const l = await freshLocation();
  locations.push(l);
  return { dataDir: l.dataDir, env: { DATA_DIR: l.dataDir, ...(l.url ? { DATABASE_URL: l.url } : {}) } };
}

describe('bad configuration stops with one line saying what to fix', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL bukan URL yang sah/],
    ['a DATABASE_URL for another database kind', { DATABASE_URL: 'mysql://root@127.0.0.1/x' }, /harus diawali postgres/],
    ['a PostgreSQL server that does not answer', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, /Tidak dapat terhubung ke DATABASE_URL/],
    ['an unwritable DATA_DIR', { DATA_DIR: '/proc/lentera-cannot-write' }, /DATA_DIR .* tidak dapat dibuat atau ditulisi/],
    ['a PORT that is not a number', { PORT: 'eighty' }, /PORT "eighty" bukan nomor port/],
  ];
  for (const [name, env, message] of cases) {
    test(name, async () => {
      const { env: base } = await location();
      const result = await finished(run('src/main.ts', [], { ...base, ...env }));
      assert.equal(result.code, 1);
      const lines = problemLines(result.stderr);
      assert.equal(lines.length, 1, `one line, got:\n${result.stderr}`);
      assert.match(lines[0]!, message);
    });
  }

  test('a port already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { env } = await location();
      const result = await finished(run('src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' }));
      assert.equal(result.code, 1);
      const lines = problemLines(result.stderr);
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, new RegExp(`Port ${port} sudah dipakai`));
    } finally {
      blocker.close();
    }
  });
});

describe('running and stopping', () => {
  test('SIGTERM lets a request in flight finish, then closes the database cleanly', async () => {
    const { env, dataDir } = await location();
    const port = await freePort();
    const server = run('src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    const done = finished(server);
    await waitForHealth(port, server);

    // A request whose body is still arriving when the signal comes.
    const head = 'email=someone%40example.org&_csrf=';
    const tail = 'not-a-token';
    const answer = new Promise<number>((resolve, reject) => {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(head + tail)) };
      const req = httpRequest({ host: '127.0.0.1', port, path: '/lupa-sandi', method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(head);
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => req.end(tail), 500);
      }, 300);
    });
    const status = await answer;
    assert.ok(status >= 200 && status < 500, `the request got its answer (${status})`);
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    if (ENGINE === 'pglite') assert.equal(existsSync(join(dataDir, 'lentera.lock')), false, 'the data directory lock is released');
  });

  test('a second process on the same embedded data directory gets one sentence and the first keeps running', { skip: ENGINE !== 'pglite' && 'PGlite only' }, async () => {
    const { env } = await location();
    const port = await freePort();
    const first = run('src/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    const firstDone = finished(first);
    await waitForHealth(port, first);
    const second = await finished(run('src/main.ts', [], { ...env, PORT: String(await freePort()), HOST: '127.0.0.1' }));
    assert.equal(second.code, 1);
    const lines = problemLines(second.stderr);
    assert.equal(lines.length, 1, second.stderr);
    assert.match(lines[0]!, /sedang dipakai oleh proses Lentera lain/);
    assert.ok((await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'the first process still serves');
    first.kill('SIGINT');
    assert.equal((await firstDone).code, 0);
  });
});

describe('command line', () => {
  const commands = ['migrate', 'seed', 'user create', 'offices import', 'holidays import', 'holidays list', 'deadline', 'audit verify', 'backup', 'restore', 'worker'];

  /** In-process, as `npm run cli` would run it; the spawned test below covers the real process once. */
  async function cli(env: Record<string, string>, ...args: string[]) {
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, { DATA_DIR: env.DATA_DIR });
    if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
    else delete process.env.DATABASE_URL;
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  test('every command answers --help without touching a database', async () => {
    for (const command of commands) {
      const result = await cli({ DATA_DIR: '/proc/not-needed-for-help' }, ...command.split(' '), '--help');
      assert.equal(result.code, 0, `${command}: ${result.stderr}`);
      assert.match(result.stdout, /npm run cli --/, command);
    }
    const overview = await cli({ DATA_DIR: '/proc/not-needed' }, '--help');
    for (const command of commands) assert.match(overview.stdout, new RegExp(`  ${command} `), `${command} listed`);
  });

  test('seed, user create, offices import, deadline and audit verify work end to end', async () => {
    const { env, dataDir } = await location();
    assert.equal((await cli(env, 'seed', '--demo')).code, 0);
    assert.match((await cli(env, 'seed', '--demo')).stdout, /0 baru\/new/);

    const csv = join(dataDir, 'offices.csv');
    writeFileSync(csv, 'slug,code,name,level,parent\nkab-karimun,21.02,Komisi Pemilihan Umum Kabupaten Karimun,regency,prov-kepri\nbad slug,x,?,regency,nowhere\n');
    const refused = await cli(env, 'offices', 'import', csv);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /baris 3/);
    writeFileSync(csv, 'slug,code,name,level,parent\nkab-karimun,21.02,Komisi Pemilihan Umum Kabupaten Karimun,regency,prov-kepri\n');
    assert.match((await cli(env, 'offices', 'import', csv)).stdout, /1 baru\/new/);

    const user = await cli(env, 'user', 'create', '--office', 'kab-karimun', '--email', 'ppid@karimun.example', '--name', 'Rudi Hartono', '--role', 'ppid', '--password', 'karimun-rahasia-1');
    assert.equal(user.code, 0, user.stderr);
    assert.equal((await cli(env, 'user', 'create', '--office', 'kab-karimun', '--email', 'x@karimun.example', '--name', 'X', '--role', 'boss')).code, 2);

    const verify = await cli(env, 'audit', 'verify');
    assert.equal(verify.code, 0);
    assert.match(verify.stdout, /utuh \/ audit log intact/);

    // Once as a real process, the way a person types it.
    const deadline = await finished(run('src/cli.ts', ['deadline', '--office', 'kab-bintan', '--received', '2026-03-17T09:30:00+07:00', '--json'], env));
    assert.equal(deadline.code, 0, deadline.stderr);
    const parsed = JSON.parse(deadline.stdout.slice(deadline.stdout.indexOf('{'))) as { due: string; skipped: { day: string }[] };
    assert.equal(parsed.due, '2026-04-08');
    assert.ok(parsed.skipped.some((s) => s.day === '2026-03-20'));
    const noOffset = await cli(env, 'deadline', '--office', 'kab-bintan', '--received', '2026-03-17T09:30:00');
    assert.equal(noOffset.code, 2);
    assert.equal(noOffset.stderr.split('\n').length, 1, noOffset.stderr);
  });
});
