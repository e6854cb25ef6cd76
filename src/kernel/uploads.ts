/** Per file: the upload limit of every form (the multipart parser cuts a file here and flags it). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** One file of a multipart form, as src/web/app.ts reads it before the handler runs. */
export interface UploadedFile {
  /** The form field it came in. */
  readonly role: string;
  readonly name: string;
  readonly bytes: Buffer;
  /** The upload was cut at MAX_FILE_BYTES by the form parser. */
  readonly truncated?: boolean;
}
