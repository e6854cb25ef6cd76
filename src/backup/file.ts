import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { backupFileError, parseHeader, RowChecker, type BackupHeader } from './format.ts';

/** Passes bytes through unchanged while hashing them: the SHA-256 of a file as `sha256sum` prints it. */
export function hashingTap(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** A row line too long for this limit is not a row we wrote: it protects memory from a foreign file. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

async function* splitLines(stream: Readable): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    rest += chunk;
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
    if (rest.length > MAX_LINE_CHARS) throw backupFileError(text('Berkas ini bukan cadangan Lentera.', 'This file is not a Lentera backup.'));
  }
  if (rest.length > 0) yield rest;
}

/** Turns what fs and zlib throw into one sentence about the file; our own AppErrors pass unchanged. */
function describeReadError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return backupFileError(text(`Berkas cadangan ${path} tidak ditemukan.`, `Backup file ${path} not found.`));
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') {
    return backupFileError(text(`Berkas cadangan ${path} tidak dapat dibaca (${code}).`, `Backup file ${path} cannot be read (${code}).`));
  }
  if (code === 'Z_BUF_ERROR') {
    return backupFileError(
      text(`Berkas cadangan ${path} terpotong (tidak lengkap); gunakan salinan lain.`, `Backup file ${path} is truncated; use another copy.`),
    );
  }
  return backupFileError(
    text(
      `Berkas ${path} bukan cadangan Lentera atau rusak (${(error as Error).message}).`,
      `${path} is not a Lentera backup or is damaged (${(error as Error).message}).`,
    ),
  );
}

export interface BackupRow {
  readonly table: string;
  /** The line exactly as stored, handed to PostgreSQL as is: JavaScript never re-encodes a number. */
  readonly line: string;
}

export interface BackupFile {
  readonly header: BackupHeader;
  /**
   * Every row, in file order, each checked against the header; finishing also checks the gzip
   * checksum and every table's row count. Any problem is an AppError naming it in one sentence.
   */
  rows(): AsyncGenerator<BackupRow>;
  /** SHA-256 of the file's bytes, once rows() has run to the end. */
  sha256(): string;
  /** Stops reading early. */
  close(): void;
}

/** Opens a backup and reads its header; the rows follow, one pass, in constant memory. */
export async function openBackupFile(path: string): Promise<BackupFile> {
  const hash = createHash('sha256');
  // pipeline() destroys every stage with the first error, so it surfaces from the line iterator.
  const gunzip = pipeline(createReadStream(path), hashingTap(hash), createGunzip(), () => undefined);
  gunzip.setEncoding('utf8');
  const lines = splitLines(gunzip);
  const read = async () => {
    try {
      return await lines.next();
    } catch (error) {
      throw describeReadError(error, path);
    }
  };
  const first = await read();
  if (first.done) {
    throw backupFileError(text(`Berkas cadangan ${path} kosong.`, `Backup file ${path} is empty.`));
  }
  let header: BackupHeader;
  try {
    header = parseHeader(first.value);
  } catch (error) {
    gunzip.destroy();
    throw error;
  }
  let digest: string | undefined;
  return {
    header,
    async *rows() {
      const checker = new RowChecker(header);
      for (let lineNumber = 2; ; lineNumber++) {
        const next = await read();
        if (next.done) break;
        yield { table: checker.check(next.value, lineNumber), line: next.value };
      }
      checker.finish();
      digest = hash.digest('hex');
    },
    sha256() {
      if (digest === undefined) throw new Error('sha256() before the rows were read to the end');
      return digest;
    },
    close: () => gunzip.destroy(),
  };
}

export interface ScanResult {
  readonly header: BackupHeader;
  readonly sha256: string;
}

/**
 * Reads a whole backup without touching any database: the check before a restore and after a backup.
 * `checkHeader` runs before the rows are read, so a refusal based on the header alone comes at once.
 */
export async function scanBackupFile(path: string, checkHeader: (header: BackupHeader) => void = () => undefined): Promise<ScanResult> {
  const file = await openBackupFile(path);
  try {
    checkHeader(file.header);
    for await (const _row of file.rows()) {
      // Reading is the check: rows(), then its end, throw on the first problem.
    }
  } finally {
    file.close();
  }
  return { header: file.header, sha256: file.sha256() };
}
