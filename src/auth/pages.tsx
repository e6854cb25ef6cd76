import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../kernel/errors.ts';
import { formatMoment, text, type Text } from '../kernel/i18n.ts';
import { PUBLIC, SIGNED_IN } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, redirectWithNotice, sendHtml } from '../web/context.ts';
import { CsrfField, EMPTY_FORM, ErrorSummary, formBody, str, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say } from '../web/layout.tsx';
import { officeById } from '../offices/store.ts';
import { changePassword, disableTotp, enableTotp, isTotpSecret, revokeOtherSessions, type Own } from './account.ts';
import { SESSION } from './rules.ts';
import {
  activeSessionsOf,
  completePasswordReset,
  completeSecondFactor,
  requestPasswordReset,
  resetTokenValid,
  signIn,
  signOut,
} from './service.ts';
import { newTotpSecret, totpUri } from './totp.ts';
import QRCode from 'qrcode';

const LABELS: Record<string, Text> = {
  email: text('Surel', 'E-mail'),
  password: text('Kata sandi', 'Password'),
  password_confirm: text('Ulangi kata sandi', 'Repeat the password'),
  current_password: text('Kata sandi sekarang', 'Current password'),
  code: text('Kode verifikasi', 'Verification code'),
};

const NOTICES: Record<string, Text> = {
  reset_sent: text(
    'Jika alamat itu terdaftar, tautan untuk mengatur ulang kata sandi sudah dikirim. Periksa kotak surel Anda.',
    'If that address has an account, a link to reset the password has been sent. Check your inbox.',
  ),
  password_set: text('Kata sandi baru sudah disimpan. Silakan masuk.', 'Your new password is saved. Please sign in.'),
  signed_out: text('Anda sudah keluar.', 'You have signed out.'),
  totp_enabled: text('Verifikasi dua langkah aktif.', 'Two-step verification is on.'),
  totp_disabled: text('Verifikasi dua langkah dimatikan.', 'Two-step verification is off.'),
  sessions_revoked: text('Sesi lain sudah diakhiri.', 'Your other sessions have ended.'),
  password_changed: text('Kata sandi sudah diganti.', 'Your password has been changed.'),
};

/** Only local paths, so a crafted link cannot send a person elsewhere after signing in. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500 ? value : '/desk';
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION.cookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION.absoluteMs / 1000 });
}

function formError(error: unknown, values: Record<string, string>): FormState {
  if (!isAppError(error)) throw error;
  return { values, errors: error.fields, summary: error.text };
}

function SignInPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState; next: string }): JSX.Element {
  const ctx = pageContext(props.request, props.reply, NOTICES);
  return (
    <Layout ctx={ctx} title={text('Masuk untuk staf', 'Staff sign-in')}>
      <ErrorSummary lang={ctx.lang} form={props.form} labels={LABELS} />
      <form method="post" action="/masuk" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextField lang={ctx.lang} form={props.form} name="email" type="email" label={LABELS.email!} autocomplete="username" required />
        <TextField lang={ctx.lang} form={props.form} name="password" type="password" label={LABELS.password!} autocomplete="current-password" required />
        <button type="submit">{say(ctx.lang, text('Masuk', 'Sign in'))}</button>
      </form>
      <p>
        <a href="/lupa-sandi">{say(ctx.lang, text('Lupa kata sandi?', 'Forgot your password?'))}</a>
      </p>
      <p class="hint">
        {say(
          ctx.lang,
          text(
            'Pemohon informasi tidak perlu akun: permohonan diajukan dan dilacak di portal kantor.',
            'Applicants need no account: requests are made and tracked on the office portal.',
          ),
        )}
      </p>
    </Layout>
  );
}

export async function authRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;

  app.get('/masuk', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    if (request.session && !request.session.secondFactorPending) return reply.redirect('/desk', 303);
    const next = safeNext((request.query as Record<string, unknown>).next);
    return sendHtml(reply, <SignInPage request={request} reply={reply} form={EMPTY_FORM} next={next} />);
  });

  app.post('/masuk', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const email = str(body, 'email');
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(str(body, 'next'));
    const errors: Record<string, Text> = {};
    if (!email) errors.email = text('Isi alamat surel.', 'Enter your e-mail address.');
    if (!password) errors.password = text('Isi kata sandi.', 'Enter your password.');
    if (email.length > 254 || password.length > 200) errors.email = text('Surel atau kata sandi terlalu panjang.', 'E-mail or password too long.');
    if (Object.keys(errors).length) {
      return sendHtml(reply, <SignInPage request={request} reply={reply} form={{ values: { email }, errors }} next={next} />, 422);
    }
    try {
      const result = await signIn(db, { email, password, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), requestId: String(request.id) });
      setSessionCookie(reply, result.token, config.secureCookies);
      return reply.redirect(result.secondFactorPending ? `/masuk/verifikasi?next=${encodeURIComponent(next)}` : next, 303);
    } catch (error) {
      const form = formError(error, { email });
      const status = isAppError(error) ? error.status : 400;
      return sendHtml(reply, <SignInPage request={request} reply={reply} form={form} next={next} />, status);
    }
  });

  function VerifyPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState; next: string }): JSX.Element {
    const ctx = pageContext(props.request, props.reply);
    return (
      <Layout ctx={ctx} title={text('Verifikasi dua langkah', 'Two-step verification')}>
        <ErrorSummary lang={ctx.lang} form={props.form} labels={LABELS} />
        <p>{say(ctx.lang, text('Masukkan kode 6 angka dari aplikasi autentikator Anda.', 'Enter the 6-digit code from your authenticator app.'))}</p>
        <form method="post" action="/masuk/verifikasi" class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <TextField lang={ctx.lang} form={props.form} name="code" label={LABELS.code!} inputmode="numeric" autocomplete="one-time-code" required />
          <button type="submit">{say(ctx.lang, text('Verifikasi', 'Verify'))}</button>
        </form>
      </Layout>
    );
  }

  const pendingOnly = { access: PUBLIC, allowPendingSecondFactor: true };
  app.get('/masuk/verifikasi', { config: pendingOnly, schema: { hide: true } }, async (request, reply) => {
    if (!request.session?.secondFactorPending) return reply.redirect(request.session ? '/desk' : '/masuk', 303);
    return sendHtml(reply, <VerifyPage request={request} reply={reply} form={EMPTY_FORM} next={safeNext((request.query as Record<string, unknown>).next)} />);
  });

  app.post('/masuk/verifikasi', { config: pendingOnly, schema: { hide: true } }, async (request, reply) => {
    const session = request.session;
    if (!session?.secondFactorPending) return reply.redirect(session ? '/desk' : '/masuk', 303);
    const body = formBody(request.body);
    const next = safeNext(str(body, 'next'));
    try {
      await completeSecondFactor(db, session, str(body, 'code'), actorOf(request));
      return reply.redirect(next, 303);
    } catch (error) {
      return sendHtml(reply, <VerifyPage request={request} reply={reply} form={formError(error, {})} next={next} />, 422);
    }
  });

  app.post('/keluar', { config: pendingOnly, schema: { hide: true } }, async (request, reply) => {
    if (request.session) await signOut(db, request.session.id, actorOf(request), request.session.staff.officeId);
    reply.clearCookie(SESSION.cookie, { path: '/' });
    return redirectWithNotice(reply, '/masuk', 'signed_out');
  });

  function ForgotPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState }): JSX.Element {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    return (
      <Layout ctx={ctx} title={text('Lupa kata sandi', 'Forgotten password')}>
        <ErrorSummary lang={ctx.lang} form={props.form} labels={LABELS} />
        <p>{say(ctx.lang, text('Kami akan mengirim tautan untuk mengatur kata sandi baru ke surel akun Anda.', 'We will send a link to set a new password to your account e-mail.'))}</p>
        <form method="post" action="/lupa-sandi" class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField lang={ctx.lang} form={props.form} name="email" type="email" label={LABELS.email!} autocomplete="username" required />
          <button type="submit">{say(ctx.lang, text('Kirim tautan', 'Send the link'))}</button>
        </form>
      </Layout>
    );
  }

  app.get('/lupa-sandi', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, <ForgotPage request={request} reply={reply} form={EMPTY_FORM} />),
  );

  app.post('/lupa-sandi', { config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '15 minutes' } }, schema: { hide: true } }, async (request, reply) => {
    const email = str(formBody(request.body), 'email');
    if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email)) {
      return sendHtml(reply, <ForgotPage request={request} reply={reply} form={{ values: { email }, errors: { email: text('Isi alamat surel yang sah.', 'Enter a valid e-mail address.') } }} />, 422);
    }
    await requestPasswordReset(db, email, config.baseUrl, actorOf(request));
    return redirectWithNotice(reply, '/lupa-sandi', 'reset_sent');
  });

  function ResetPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState; token: string; valid: boolean }): JSX.Element {
    const ctx = pageContext(props.request, props.reply);
    return (
      <Layout ctx={ctx} title={text('Atur kata sandi baru', 'Set a new password')}>
        <ErrorSummary lang={ctx.lang} form={props.form} labels={LABELS} />
        {props.valid ? (
          <form method="post" action="/atur-sandi" class="narrow" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="token" value={props.token} />
            <TextField lang={ctx.lang} form={props.form} name="password" type="password" label={LABELS.password!} autocomplete="new-password" hint={text('Minimal 10 karakter.', 'At least 10 characters.')} required />
            <TextField lang={ctx.lang} form={props.form} name="password_confirm" type="password" label={LABELS.password_confirm!} autocomplete="new-password" required />
            <button type="submit">{say(ctx.lang, text('Simpan kata sandi', 'Save the password'))}</button>
          </form>
        ) : (
          <p>
            {say(ctx.lang, text('Tautan ini tidak berlaku atau sudah kedaluwarsa.', 'This link is invalid or has expired.'))}{' '}
            <a href="/lupa-sandi">{say(ctx.lang, text('Minta tautan baru', 'Ask for a new link'))}</a>
          </p>
        )}
      </Layout>
    );
  }

  app.get('/atur-sandi', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? '');
    const valid = token.length > 0 && token.length < 200 && (await resetTokenValid(db, token));
    return sendHtml(reply, <ResetPage request={request} reply={reply} form={EMPTY_FORM} token={token} valid={valid} />, valid ? 200 : 400);
  });

  app.post('/atur-sandi', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const token = str(body, 'token').slice(0, 200);
    const password = typeof body.password === 'string' ? body.password : '';
    if (password !== body.password_confirm) {
      const form = { values: {}, errors: { password_confirm: text('Kedua kata sandi tidak sama.', 'The two passwords differ.') } };
      return sendHtml(reply, <ResetPage request={request} reply={reply} form={form} token={token} valid={await resetTokenValid(db, token)} />, 422);
    }
    try {
      await completePasswordReset(db, token, password, actorOf(request));
      reply.clearCookie(SESSION.cookie, { path: '/' });
      return redirectWithNotice(reply, '/masuk', 'password_set');
    } catch (error) {
      const form = formError(error, {});
      return sendHtml(reply, <ResetPage request={request} reply={reply} form={form} token={token} valid={await resetTokenValid(db, token)} />, 422);
    }
  });

  async function AccountPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState; enrolSecret?: string }): Promise<string> {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    const me = currentStaff(props.request);
    const zone = (await officeById(db, me.officeId))?.timeZone ?? 'Asia/Jakarta';
    const sessions = await activeSessionsOf(db, me.id);
    const qr = props.enrolSecret ? await QRCode.toString(totpUri(props.enrolSecret, me.email), { type: 'svg', margin: 1, width: 200 }) : '';
    return (
      <Layout ctx={ctx} title={text('Akun saya', 'My account')}>
        <ErrorSummary lang={ctx.lang} form={props.form} labels={LABELS} />
        <dl class="facts">
          <dt>{say(ctx.lang, text('Nama', 'Name'))}</dt>
          <dd safe>{me.name}</dd>
          <dt>{say(ctx.lang, LABELS.email!)}</dt>
          <dd safe>{me.email}</dd>
          <dt>{say(ctx.lang, text('Jabatan', 'Position'))}</dt>
          <dd safe>{me.position || '—'}</dd>
        </dl>

        <h2>{say(ctx.lang, text('Ganti kata sandi', 'Change password'))}</h2>
        <form method="post" action="/desk/account/password" class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField lang={ctx.lang} form={props.form} name="current_password" type="password" label={LABELS.current_password!} autocomplete="current-password" required />
          <TextField lang={ctx.lang} form={props.form} name="password" type="password" label={text('Kata sandi baru', 'New password')} autocomplete="new-password" hint={text('Minimal 10 karakter.', 'At least 10 characters.')} required />
          <button type="submit">{say(ctx.lang, text('Ganti kata sandi', 'Change password'))}</button>
        </form>

        <h2>{say(ctx.lang, text('Verifikasi dua langkah (TOTP)', 'Two-step verification (TOTP)'))}</h2>
        {me.totpEnabled ? (
          <form method="post" action="/desk/account/totp/disable" class="narrow" novalidate>
            <p>{say(ctx.lang, text('Aktif. Untuk mematikannya, masukkan kode dari aplikasi Anda.', 'On. To turn it off, enter a code from your app.'))}</p>
            <CsrfField token={ctx.csrfToken} />
            <TextField lang={ctx.lang} form={props.form} name="code" label={LABELS.code!} inputmode="numeric" autocomplete="one-time-code" required />
            <button type="submit" class="secondary">{say(ctx.lang, text('Matikan', 'Turn off'))}</button>
          </form>
        ) : props.enrolSecret ? (
          <form method="post" action="/desk/account/totp/enable" class="narrow" novalidate>
            <p>{say(ctx.lang, text('Pindai kode QR ini dengan aplikasi autentikator, lalu masukkan kode yang muncul.', 'Scan this QR code with an authenticator app, then enter the code it shows.'))}</p>
            <figure class="qr">
              {qr as 'safe'}
              <figcaption>
                {say(ctx.lang, text('Atau ketik kunci ini:', 'Or type this key:'))} <code safe>{props.enrolSecret}</code>
              </figcaption>
            </figure>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="secret" value={props.enrolSecret} />
            <TextField lang={ctx.lang} form={props.form} name="code" label={LABELS.code!} inputmode="numeric" autocomplete="one-time-code" required />
            <button type="submit">{say(ctx.lang, text('Aktifkan', 'Turn on'))}</button>
          </form>
        ) : (
          <p>
            <a class="button" href="/desk/account?totp=setup">
              {say(ctx.lang, text('Siapkan verifikasi dua langkah', 'Set up two-step verification'))}
            </a>
          </p>
        )}

        <h2>{say(ctx.lang, text('Sesi aktif', 'Active sessions'))}</h2>
        <DataTable lang={ctx.lang} id="sessions" caption={text('Sesi aktif', 'Active sessions')}>
          <thead>
            <tr>
              <th scope="col">{say(ctx.lang, text('Mulai', 'Started'))}</th>
              <th scope="col">{say(ctx.lang, text('Terakhir aktif', 'Last active'))}</th>
              <th scope="col">IP</th>
              <th scope="col">{say(ctx.lang, text('Peramban', 'Browser'))}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td safe>{formatMoment(ctx.lang, s.createdAt, zone)}</td>
                <td safe>{formatMoment(ctx.lang, s.lastSeenAt, zone)}</td>
                <td safe>{s.ip}</td>
                <td safe>{s.userAgent.slice(0, 80)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <form method="post" action="/desk/account/sessions/revoke" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="secondary">{say(ctx.lang, text('Akhiri semua sesi lain', 'End all other sessions'))}</button>
        </form>
      </Layout>
    );
  }

  app.get('/desk/account', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    const setup = (request.query as Record<string, unknown>).totp === 'setup' && !currentStaff(request).totpEnabled;
    return sendHtml(reply, AccountPage({ request, reply, form: EMPTY_FORM, ...(setup ? { enrolSecret: newTotpSecret() } : {}) }));
  });

  function own(request: FastifyRequest): Own {
    return { staff: currentStaff(request), sessionId: request.session!.id, actor: actorOf(request) };
  }

  app.post('/desk/account/password', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const current = typeof body.current_password === 'string' ? body.current_password : '';
    const next = typeof body.password === 'string' ? body.password : '';
    try {
      await changePassword(db, own(request), current, next);
    } catch (error) {
      return sendHtml(reply, AccountPage({ request, reply, form: formError(error, {}) }), 422);
    }
    return redirectWithNotice(reply, '/desk/account', 'password_changed');
  });

  app.post('/desk/account/totp/enable', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const secret = str(body, 'secret');
    try {
      await enableTotp(db, own(request), secret, str(body, 'code'));
    } catch (error) {
      // The same secret stays on screen, so the person can type the next code from the entry just made.
      return sendHtml(reply, AccountPage({ request, reply, form: formError(error, {}), enrolSecret: isTotpSecret(secret) ? secret : newTotpSecret() }), 422);
    }
    return redirectWithNotice(reply, '/desk/account', 'totp_enabled');
  });

  app.post('/desk/account/totp/disable', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    try {
      await disableTotp(db, own(request), str(formBody(request.body), 'code'));
    } catch (error) {
      return sendHtml(reply, AccountPage({ request, reply, form: formError(error, {}) }), 422);
    }
    return redirectWithNotice(reply, '/desk/account', 'totp_disabled');
  });

  app.post('/desk/account/sessions/revoke', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    await revokeOtherSessions(db, own(request));
    return redirectWithNotice(reply, '/desk/account', 'sessions_revoked');
  });
}
