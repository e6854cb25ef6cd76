import { text, type Text } from './i18n.ts';

/**
 * An error a person can act on. Pages show `message` and the per-field messages; the API answers with
 * RFC 9457 problem JSON. Anything that is not an AppError is a bug and is logged, never shown.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly fields: Readonly<Record<string, Text>> = {},
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const notFound = (what: Text = text('Halaman atau data tidak ditemukan.', 'Page or record not found.')) =>
  new AppError(404, 'not_found', what);

export const forbidden = (why: Text = text('Anda tidak berwenang melakukan ini.', 'You are not allowed to do this.')) =>
  new AppError(403, 'forbidden', why);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', text('Silakan masuk terlebih dahulu.', 'Please sign in first.'));

export const invalid = (fields: Record<string, Text>, summary: Text = text('Periksa kembali isian yang ditandai.', 'Please check the marked fields.')) =>
  new AppError(422, 'invalid', summary, fields);

export const conflict = (why: Text) => new AppError(409, 'conflict', why);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
