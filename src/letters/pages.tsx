import { notFound } from '../kernel/errors.ts';
import { formatDay, text, type Lang } from '../kernel/i18n.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendHtml } from '../web/context.ts';
import { EMPTY_FORM, ErrorSummary, TextField, type FormState } from '../web/forms.tsx';
import { Layout, pageContext, say } from '../web/layout.tsx';
import { groupedCode } from './render.ts';
import { letterByVerifyCode, normaliseVerifyCode, type LetterFacts } from './service.ts';

const CODE_LABEL = text('Kode verifikasi', 'Verification code');

function CodeForm(props: { lang: Lang; form: FormState }): JSX.Element {
  // GET, not POST: looking a code up changes nothing, and the answer is a page one can link to.
  return (
    <form method="get" action="/verifikasi" novalidate>
      <ErrorSummary lang={props.lang} form={props.form} labels={{ kode: CODE_LABEL }} />
      <TextField
        lang={props.lang}
        form={props.form}
        name="kode"
        label={CODE_LABEL}
        hint={text('Kode 16 karakter yang tercetak di bawah kode QR surat, misalnya ABCD-EFGH-JKMN-PQRS.', 'The 16-character code printed under the letter’s QR code, e.g. ABCD-EFGH-JKMN-PQRS.')}
        autocomplete="off"
        required
      />
      <button type="submit">{say(props.lang, text('Periksa', 'Check'))}</button>
    </form>
  );
}

function LetterFactsList(props: { lang: Lang; letter: LetterFacts }): JSX.Element {
  const { lang, letter } = props;
  return (
    <dl class="facts">
      <dt>{say(lang, text('Nomor surat', 'Letter number'))}</dt>
      <dd safe>{letter.number}</dd>
      <dt>{say(lang, text('Tanggal', 'Date'))}</dt>
      <dd safe>{formatDay(lang, letter.issuedOn)}</dd>
      <dt>{say(lang, text('Kantor', 'Office'))}</dt>
      <dd>
        <a href={`/${letter.officeSlug}`} safe>
          {letter.officeName}
        </a>
      </dd>
      <dt>{say(lang, text('Perihal', 'Subject'))}</dt>
      <dd safe>{letter.subject}</dd>
      <dt>{say(lang, text('Penanda tangan', 'Signed by'))}</dt>
      <dd safe>{`${letter.signerName}, ${letter.signerPosition}`}</dd>
      <dt>{say(lang, text('Sidik SHA-256 berkas PDF', 'SHA-256 of the PDF file'))}</dt>
      <dd>
        <code class="hash" safe>
          {letter.sha256}
        </code>
      </dd>
    </dl>
  );
}

export async function letterRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  app.get<{ Querystring: { kode?: unknown } }>('/verifikasi', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const typed = typeof request.query.kode === 'string' ? request.query.kode : undefined;
    let form = EMPTY_FORM;
    if (typed !== undefined) {
      const code = normaliseVerifyCode(typed);
      if (code) return reply.redirect(`/verifikasi/${code}`, 303);
      form = { values: { kode: typed }, errors: { kode: text('Kode terdiri atas 16 huruf dan angka.', 'The code has 16 letters and digits.') } };
    }
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Periksa keaslian surat', 'Check that a letter is genuine')}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Setiap surat PPID yang dibuat di Lentera memuat kode QR dan kode verifikasi. Pindai kode QR, atau ketik kodenya di sini.',
              'Every PPID letter made in Lentera carries a QR code and a verification code. Scan the QR code, or type the code here.',
            ),
          )}
        </p>
        <CodeForm lang={ctx.lang} form={form} />
      </Layout>,
      form === EMPTY_FORM ? 200 : 422,
    );
  });

  app.get<{ Params: { code: string } }>('/verifikasi/:code', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const code = normaliseVerifyCode(request.params.code);
    const letter = code ? await letterByVerifyCode(db, code) : undefined;
    if (!code || !letter) {
      throw notFound(
        text(
          'Tidak ada surat dengan kode verifikasi ini. Periksa kembali kode yang tercetak di bawah kode QR; bila sudah sesuai, surat itu tidak dibuat di Lentera dan sebaiknya ditanyakan ke kantor pengirimnya.',
          'No letter has this verification code. Check the code printed under the QR code again; if it matches, the letter was not made in Lentera, and you should ask the office that sent it.',
        ),
      );
    }
    const ctx = pageContext(request, reply);
    // The page is for whoever holds the letter; search engines have no reason to list it.
    reply.header('x-robots-tag', 'noindex');
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Surat ini asli', 'This letter is genuine')} officeName={letter.officeName}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              `Surat dengan kode verifikasi ${groupedCode(code)} diterbitkan oleh kantor di bawah ini melalui Lentera.`,
              `The letter with verification code ${groupedCode(code)} was issued by the office below through Lentera.`,
            ),
          )}
        </p>
        <LetterFactsList lang={ctx.lang} letter={letter} />
        <section>
          <h2>{say(ctx.lang, text('Memastikan berkas PDF tidak diubah', 'Making sure the PDF file was not changed'))}</h2>
          <p>
            {say(
              ctx.lang,
              text(
                'Isi surat di kertas harus sama dengan data di atas. Bila Anda menerima berkas PDF, hitung sidik SHA-256 berkas itu dan bandingkan dengan sidik di atas; bila berbeda satu karakter saja, berkas itu bukan berkas yang diterbitkan.',
                'The letter on paper must match the details above. If you received the PDF file, compute its SHA-256 and compare it with the one above; if a single character differs, the file is not the one that was issued.',
              ),
            )}
          </p>
          <ul>
            <li>
              {say(ctx.lang, text('Linux: ', 'Linux: '))}
              <code>sha256sum surat.pdf</code>
            </li>
            <li>
              {say(ctx.lang, text('macOS: ', 'macOS: '))}
              <code>shasum -a 256 surat.pdf</code>
            </li>
            <li>
              {say(ctx.lang, text('Windows: ', 'Windows: '))}
              <code>certutil -hashfile surat.pdf SHA256</code>
            </li>
          </ul>
        </section>
        <p>
          <a href="/verifikasi">{say(ctx.lang, text('Periksa surat lain', 'Check another letter'))}</a>
        </p>
      </Layout>,
    );
  });
}
