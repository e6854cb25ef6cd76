import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../kernel/errors.ts';
import { t, text, type Text } from '../kernel/i18n.ts';
import { Layout, pageContext, say, type PageContext } from './layout.tsx';

/** Fastify's own error codes that are the client's mistake, with the words a person needs. */
const CLIENT_ERRORS: Record<string, { status: number; text: Text }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, text: text('Data atau berkas yang dikirim terlalu besar.', 'The data or file sent is too large.') },
  FST_REQ_FILE_TOO_LARGE: { status: 413, text: text('Berkas yang dikirim terlalu besar.', 'The file sent is too large.') },
  FST_FILES_LIMIT: { status: 413, text: text('Terlalu banyak berkas dalam satu kiriman.', 'Too many files in one submission.') },
  FST_PARTS_LIMIT: { status: 413, text: text('Terlalu banyak isian dalam satu kiriman.', 'Too many fields in one submission.') },
  FST_FIELDS_LIMIT: { status: 413, text: text('Terlalu banyak isian dalam satu kiriman.', 'Too many fields in one submission.') },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, text: text('Jenis isi kiriman tidak didukung.', 'The content type of the request is not supported.') },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, text: text('Panjang kiriman tidak sesuai.', 'The request length is wrong.') },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, text: text('Kiriman JSON kosong.', 'The JSON body is empty.') },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, text: text('Kiriman JSON tidak sah.', 'The JSON body is malformed.') },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, text: text('Formulir harus dikirim sebagai multipart.', 'The form must be sent as multipart.') },
  FST_CSRF_MISSING_SECRET: {
    status: 403,
    text: text('Sesi formulir tidak ditemukan. Muat ulang halaman lalu kirim lagi.', 'The form session is missing. Reload the page and submit again.'),
  },
  FST_CSRF_INVALID_TOKEN: {
    status: 403,
    text: text('Formulir sudah kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi.', 'The form has expired or is invalid. Reload the page and submit again.'),
  },
  FST_ERR_BAD_URL: { status: 400, text: text('Alamat halaman tidak sah.', 'The address is malformed.') },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, text: text('Alamat halaman terlalu panjang.', 'The address is too long.') },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, text: text('Permintaan tidak sah.', 'The request is invalid.') },
  FST_ERR_QSP_NOT_FN: { status: 400, text: text('Permintaan tidak sah.', 'The request is invalid.') },
};

const SERVER_ERROR = text(
  'Maaf, terjadi kesalahan di server. Kejadian ini sudah dicatat; coba lagi sebentar lagi.',
  'Sorry, something went wrong on the server. It has been logged; please try again shortly.',
);

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Turns any error into an AppError: known client mistakes keep their meaning, the rest is a 500. */
export function toAppError(error: FastifyError | Error): AppError {
  if (isAppError(error)) return error;
  const fe = error as FastifyError & { validation?: { instancePath?: string; params?: Record<string, unknown>; message?: string }[] };
  if (fe.validation) {
    const fields: Record<string, Text> = {};
    for (const v of fe.validation) {
      const name = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || String(v.params?.missingProperty ?? 'body');
      fields[name] = text(`Isian tidak sah (${v.message ?? 'tidak valid'}).`, `Invalid value (${v.message ?? 'invalid'}).`);
    }
    return new AppError(400, 'invalid', text('Permintaan tidak sesuai skema.', 'The request does not match the schema.'), fields);
  }
  const known = fe.code ? CLIENT_ERRORS[fe.code] : undefined;
  if (known) return new AppError(known.status, fe.code.toLowerCase(), known.text);
  // A unique index caught what a check before the transaction could not (two submissions at once).
  // Drizzle wraps the driver's error; the SQLSTATE is on it or on its cause.
  const sqlState = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (sqlState === '23505') {
    return new AppError(409, 'conflict', text('Data yang sama baru saja disimpan oleh permintaan lain; muat ulang halaman.', 'The same record was just saved by another request; reload the page.'));
  }
  if (error instanceof SyntaxError || fe.statusCode === 400) return new AppError(400, 'bad_request', text('Permintaan tidak sah.', 'The request is malformed.'));
  if (fe.statusCode === 429) return new AppError(429, 'rate_limited', text('Terlalu banyak permintaan; coba lagi sebentar lagi.', 'Too many requests; try again shortly.'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'client_error', text('Permintaan tidak dapat diproses.', 'The request cannot be processed.'));
  }
  return new AppError(500, 'server_error', SERVER_ERROR);
}

/** RFC 9457 problem details, in the request's language with the other language beside it. */
export function problemJson(request: FastifyRequest, error: AppError) {
  return {
    type: `urn:lentera:problem:${error.code}`,
    title: t(request.lang, error.text),
    status: error.status,
    detail: t(request.lang, error.text),
    detail_id: error.text.id,
    detail_en: error.text.en,
    instance: request.url.split('?')[0],
    errors: Object.entries(error.fields).map(([field, message]) => ({ field, message: t(request.lang, message), message_id: message.id, message_en: message.en })),
  };
}

export function ErrorPage(props: { request: FastifyRequest; reply: FastifyReply; error: AppError; ctx?: PageContext | undefined }): JSX.Element {
  const ctx = props.ctx ?? pageContext(props.request, props.reply);
  const title =
    props.error.status === 404
      ? text('Tidak ditemukan', 'Not found')
      : props.error.status === 403
        ? text('Tidak diizinkan', 'Not allowed')
        : props.error.status >= 500
          ? text('Terjadi kesalahan', 'Something went wrong')
          : text('Permintaan tidak dapat diproses', 'The request cannot be processed');
  return (
    <Layout ctx={ctx} title={title}>
      <p>{say(ctx.lang, props.error.text)}</p>
      {Object.keys(props.error.fields).length > 0 ? (
        <ul>
          {Object.entries(props.error.fields).map(([field, message]) => (
            <li safe>{`${field}: ${t(ctx.lang, message)}`}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>
        <a href={ctx.staff ? '/desk' : '/'}>{say(ctx.lang, text('Kembali ke beranda', 'Back to the home page'))}</a>
      </p>
    </Layout>
  );
}
