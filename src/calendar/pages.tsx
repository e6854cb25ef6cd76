import Html from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, notFound } from '../kernel/errors.ts';
import { formatDay, text, type Text } from '../kernel/i18n.ts';
import { officeById } from '../offices/store.ts';
import { todayIn } from '../offices/portal.tsx';
import { roles, SIGNED_IN } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, redirectWithNotice, scopeFor, sendHtml } from '../web/context.ts';
import { CsrfField, EMPTY_FORM, ErrorSummary, formBody, RemoveButton, SelectField, str, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say } from '../web/layout.tsx';
import { explainDeadline, HOLIDAY_KINDS, KIND_LABELS, MAX_WORKING_DAYS, type DeadlineResult, type HolidayKind } from './rules.ts';
import { addHoliday, computeDeadlineForOffice, removeHoliday } from './service.ts';
import { addRulePeriod, periodsOfOffice, removeRulePeriod } from './periods.ts';
import { isProfileName, PROFILE_NAMES, PROFILES } from './profiles.ts';
import { holidayById, listHolidays } from './store.ts';

const NOTICES: Record<string, Text> = {
  added: text('Hari libur ditambahkan; tenggat yang berjalan sudah dihitung ulang.', 'Holiday added; running deadlines have been recomputed.'),
  removed: text('Hari libur dihapus; tenggat yang berjalan sudah dihitung ulang.', 'Holiday removed; running deadlines have been recomputed.'),
  period_added: text('Masa profil khusus dicatat; permohonan yang masuk dalam masa itu memakai profil tersebut.', 'Period recorded; requests arriving within it use that profile.'),
  period_removed: text('Masa profil khusus dihapus.', 'Period removed.'),
};

const PERIOD_LABELS: Record<string, Text> = {
  profile: text('Profil aturan', 'Rule profile'),
  starts_on: text('Mulai', 'From'),
  ends_on: text('Selesai', 'Until'),
  note: text('Keterangan', 'Note'),
};

const LABELS: Record<string, Text> = {
  day: text('Tanggal', 'Date'),
  kind: text('Jenis', 'Kind'),
  name: text('Keterangan', 'Description'),
  decree: text('Dasar penetapan (SKB/Keputusan)', 'Decree'),
  scope: text('Berlaku untuk', 'Applies to'),
  received: text('Diterima (waktu setempat kantor)', 'Received (office local time)'),
  days: text('Jumlah hari kerja', 'Working days'),
};

/** The fixed UTC offsets of Indonesia's zones (no daylight saving), to read a local date-time typed in a form. */
const ZONE_OFFSETS: Readonly<Record<string, string>> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

function yearFrom(query: Record<string, unknown>, today: string): number {
  const text = String(query.year ?? '');
  return /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100 ? Number(text) : Number(today.slice(0, 4));
}

export async function calendarPageRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  async function HolidaysPage(props: {
    request: FastifyRequest;
    reply: FastifyReply;
    form: FormState;
    calc?: { form: FormState; result?: DeadlineResult };
    periodForm?: FormState;
  }): Promise<string> {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    const lang = ctx.lang;
    const me = currentStaff(props.request);
    const office = (await officeById(db, me.officeId))!;
    const today = todayIn(office.timeZone);
    const year = yearFrom(props.request.query as Record<string, unknown>, today);
    const rows = await listHolidays(db, { year, officeId: office.id });
    const isSystem = me.roles.includes('system_admin');
    const isAdmin = hasRole(me, 'office_admin');
    const mayEdit = (officeId: number | null) => isSystem || (officeId === office.id && isAdmin);
    const hasNational = rows.some((r) => r.officeId === null);
    const kinds: readonly HolidayKind[] = isSystem ? HOLIDAY_KINDS : ['lokal', 'pemilu'];
    const calc = props.calc ?? { form: { values: { received: `${today}T09:00`, days: '' }, errors: {} } };
    const periods = await periodsOfOffice(db, { officeId: office.id });
    const mayDeclare = isSystem || isAdmin || hasRole(me, 'ppid');
    const periodForm = props.periodForm ?? { values: { profile: 'election' }, errors: {} };
    return (
      <Layout ctx={ctx} title={text(`Hari kerja dan hari libur ${year}`, `Working days and holidays ${year}`)} officeName={office.name}>
        <form method="get" action="/desk/holidays" class="row">
          <label for="year">{say(lang, text('Tahun', 'Year'))}</label>
          <input id="year" name="year" type="number" min="2000" max="2100" value={String(year)} />
          <button type="submit" class="secondary">
            {say(lang, text('Tampilkan', 'Show'))}
          </button>
        </form>
        {hasNational ? (
          ''
        ) : (
          <p class="warning" role="note">
            {say(
              lang,
              text(
                `Belum ada hari libur nasional untuk ${year}. Tenggat yang jatuh pada tahun ini hanya melewati akhir pekan sampai admin sistem memasukkannya.`,
                `No national holidays entered for ${year}. Deadlines in this year skip only weekends until a system administrator enters them.`,
              ),
            )}
          </p>
        )}
        <DataTable lang={lang} id="holidays" captionVisible caption={text(`Hari tidak bekerja ${year} (selain Sabtu dan Minggu)`, `Non-working days ${year} (besides Saturdays and Sundays)`)}>
          <thead>
            <tr>
              <th scope="col">{say(lang, LABELS.day!)}</th>
              <th scope="col">{say(lang, LABELS.kind!)}</th>
              <th scope="col">{say(lang, LABELS.name!)}</th>
              <th scope="col">{say(lang, LABELS.decree!)}</th>
              <th scope="col">{say(lang, LABELS.scope!)}</th>
              <th scope="col">{say(lang, text('Tindakan', 'Action'))}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr>
                <td>{Html.escapeHtml(formatDay(lang, h.day))}</td>
                <td>{say(lang, KIND_LABELS[h.kind as HolidayKind] ?? text(h.kind, h.kind))}</td>
                <td safe>{h.name}</td>
                <td safe>{h.decree || '—'}</td>
                <td>{say(lang, h.officeId === null ? text('Nasional', 'National') : text('Kantor ini', 'This office'))}</td>
                <td>
                  {mayEdit(h.officeId) ? (
                    <RemoveButton lang={lang} action={`/desk/holidays/${h.id}/remove`} csrfToken={ctx.csrfToken} what={`${h.day} ${h.name}`} />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>

        {isSystem || isAdmin ? (
          <section>
            <h2>{say(lang, text('Tambah hari libur', 'Add a holiday'))}</h2>
            <p class="hint">
              {say(
                lang,
                isSystem
                  ? text('Libur nasional dan cuti bersama berlaku untuk semua kantor. Tenggat yang sedang berjalan dihitung ulang dan perubahannya dicatat.', 'National holidays and cuti bersama apply to every office. Running deadlines are recomputed and the change is logged.')
                  : text('Hari libur kantor ini (mis. libur daerah atau hari pemungutan suara pilkada). Tenggat kantor ini dihitung ulang.', "This office's own days off (e.g. a regional holiday or a local election day). Its running deadlines are recomputed."),
              )}
            </p>
            <ErrorSummary lang={lang} form={props.form} labels={LABELS} />
            <form method="post" action="/desk/holidays" class="narrow" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField lang={lang} form={props.form} name="day" type="date" label={LABELS.day!} required />
              <SelectField lang={lang} form={props.form} name="kind" label={LABELS.kind!} required options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
              <TextField lang={lang} form={props.form} name="name" label={LABELS.name!} required />
              <TextField lang={lang} form={props.form} name="decree" label={LABELS.decree!} />
              {isSystem ? (
                <SelectField
                  lang={lang}
                  form={props.form}
                  name="scope"
                  label={LABELS.scope!}
                  required
                  options={[
                    { value: 'national', label: text('Nasional (semua kantor)', 'National (every office)') },
                    { value: 'office', label: text(`Hanya ${office.name}`, `Only ${office.name}`) },
                  ]}
                />
              ) : (
                ''
              )}
              <button type="submit">{say(lang, text('Tambah', 'Add'))}</button>
            </form>
          </section>
        ) : (
          ''
        )}

        <section>
          <h2>{say(lang, text('Profil aturan: masa tahapan pemilu', 'Rule profile: election stage'))}</h2>
          <p class="hint">
            {say(
              lang,
              text(
                `Di luar masa yang tercatat berlaku layanan biasa (${PROFILES.normal.workingDays.request_notice} + ${PROFILES.normal.workingDays.request_extension} hari kerja). Selama masa tahapan pemilu berlaku ${PROFILES.election.workingDays.request_notice} + ${PROFILES.election.workingDays.request_extension} hari kerja (${PROFILES.election.basis.id}) untuk permohonan yang masuk dalam masa itu.`,
                `Outside the periods listed, normal service applies (${PROFILES.normal.workingDays.request_notice} + ${PROFILES.normal.workingDays.request_extension} working days). During an election stage, ${PROFILES.election.workingDays.request_notice} + ${PROFILES.election.workingDays.request_extension} working days apply (${PROFILES.election.basis.en}) to requests that arrive within it.`,
              ),
            )}
          </p>
          {periods.length ? (
            <DataTable lang={lang} id="periods" caption={text('Masa dengan profil khusus', 'Periods with a special profile')}>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('Profil', 'Profile'))}</th>
                  <th scope="col">{say(lang, text('Mulai', 'From'))}</th>
                  <th scope="col">{say(lang, text('Selesai', 'Until'))}</th>
                  <th scope="col">{say(lang, text('Keterangan', 'Note'))}</th>
                  <th scope="col">{say(lang, text('Tindakan', 'Action'))}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr>
                    <td>{say(lang, isProfileName(p.profile) ? PROFILES[p.profile].label : text(p.profile, p.profile))}</td>
                    <td>{Html.escapeHtml(formatDay(lang, p.startsOn))}</td>
                    <td>{Html.escapeHtml(formatDay(lang, p.endsOn))}</td>
                    <td safe>{p.note || '—'}</td>
                    <td>
                      {mayDeclare ? (
                        <RemoveButton lang={lang} action={`/desk/rule-periods/${p.id}/remove`} csrfToken={ctx.csrfToken} what={`${p.startsOn}–${p.endsOn}`} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : (
            <p>{say(lang, text('Belum ada masa tahapan pemilu yang dicatat untuk kantor ini.', 'No election stage has been recorded for this office.'))}</p>
          )}
          {mayDeclare ? (
            <>
              <ErrorSummary lang={lang} form={periodForm} labels={PERIOD_LABELS} />
              <form method="post" action="/desk/rule-periods" class="narrow" novalidate>
                <CsrfField token={ctx.csrfToken} />
                <SelectField
                  lang={lang}
                  form={periodForm}
                  name="profile"
                  label={PERIOD_LABELS.profile!}
                  required
                  options={PROFILE_NAMES.filter((n) => n !== 'normal').map((n) => ({ value: n, label: PROFILES[n].label }))}
                />
                <TextField lang={lang} form={periodForm} name="starts_on" type="date" label={PERIOD_LABELS.starts_on!} required />
                <TextField lang={lang} form={periodForm} name="ends_on" type="date" label={PERIOD_LABELS.ends_on!} required />
                <TextField lang={lang} form={periodForm} name="note" label={PERIOD_LABELS.note!} hint={text('Mis. nomor keputusan tahapan.', 'E.g. the number of the stage decree.')} />
                <button type="submit">{say(lang, text('Catat masa', 'Record the period'))}</button>
              </form>
            </>
          ) : (
            ''
          )}
        </section>

        <section>
          <h2>{say(lang, text('Hitung tenggat', 'Compute a deadline'))}</h2>
          <p class="hint">
            {say(
              lang,
              text(
                'Tanpa jumlah hari, dipakai jangka pemberitahuan tertulis menurut profil aturan kantor (10 hari kerja pada masa biasa).',
                'Without a number of days, the written-notice period of the office rule profile is used (10 working days in normal times).',
              ),
            )}
          </p>
          <ErrorSummary lang={lang} form={calc.form} labels={LABELS} />
          <form method="get" action="/desk/holidays" class="narrow" novalidate>
            <input type="hidden" name="year" value={String(year)} />
            <TextField lang={lang} form={calc.form} name="received" type="datetime-local" label={LABELS.received!} required />
            <TextField lang={lang} form={calc.form} name="days" type="number" label={LABELS.days!} />
            <button type="submit" name="calc" value="1">
              {say(lang, text('Hitung', 'Compute'))}
            </button>
          </form>
          {calc.result ? (
            <div class="card" aria-live="polite">
              <p>
                <strong>{say(lang, text(`Jatuh tempo: ${formatDay('id', calc.result.due)}`, `Due: ${formatDay('en', calc.result.due)}`))}</strong>
              </p>
              <ol class="explain">
                {explainDeadline(calc.result, lang).map((sentence) => (
                  <li safe>{sentence}</li>
                ))}
              </ol>
            </div>
          ) : (
            ''
          )}
        </section>
      </Layout>
    );
  }

  app.get('/desk/holidays', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.calc === undefined) return sendHtml(reply, HolidaysPage({ request, reply, form: EMPTY_FORM }));
    const received = String(query.received ?? '');
    const daysText = String(query.days ?? '').trim();
    const values = { received, days: daysText };
    const errors: Record<string, Text> = {};
    const office = (await officeById(db, currentStaff(request).officeId))!;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(received) || Number.isNaN(new Date(`${received}:00${ZONE_OFFSETS[office.timeZone] ?? '+07:00'}`).getTime())) {
      errors.received = text('Isi tanggal dan jam diterima.', 'Enter the date and time received.');
    }
    if (daysText && (!/^\d{1,3}$/.test(daysText) || Number(daysText) > MAX_WORKING_DAYS)) {
      errors.days = text(`Jumlah hari kerja 0–${MAX_WORKING_DAYS}.`, `Working days must be 0–${MAX_WORKING_DAYS}.`);
    }
    if (Object.keys(errors).length) return sendHtml(reply, HolidaysPage({ request, reply, form: EMPTY_FORM, calc: { form: { values, errors } } }), 422);
    const at = new Date(`${received}:00${ZONE_OFFSETS[office.timeZone] ?? '+07:00'}`);
    const { result } = await computeDeadlineForOffice(db, office.slug, at, daysText ? Number(daysText) : undefined);
    return sendHtml(reply, HolidaysPage({ request, reply, form: EMPTY_FORM, calc: { form: { values, errors: {} }, result } }));
  });

  app.post('/desk/holidays', { config: { access: roles('office_admin') }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const me = currentStaff(request);
    const values = { day: str(body, 'day'), kind: str(body, 'kind'), name: str(body, 'name'), decree: str(body, 'decree'), scope: str(body, 'scope') };
    const national = me.roles.includes('system_admin') && values.scope !== 'office';
    try {
      await addHoliday(db, actorOf(request), { officeId: national ? null : me.officeId, day: values.day, kind: values.kind, name: values.name, decree: values.decree });
      return redirectWithNotice(reply, `/desk/holidays?year=${values.day.slice(0, 4)}`, 'added');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, HolidaysPage({ request, reply, form: { values, errors: error.fields, summary: error.text } }), error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/holidays/:id/remove', { config: { access: roles('office_admin') }, schema: { hide: true } }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound();
    const holiday = await holidayById(db, id);
    const me = currentStaff(request);
    // Another office's local holiday is reported as absent, not as forbidden: its existence is not ours to know.
    if (!holiday || (holiday.officeId !== null && holiday.officeId !== me.officeId && !me.roles.includes('system_admin'))) throw notFound();
    await removeHoliday(db, actorOf(request), id);
    return redirectWithNotice(reply, `/desk/holidays?year=${holiday.day.slice(0, 4)}`, 'removed');
  });

  const DECLARERS = roles('office_admin', 'ppid');

  app.post('/desk/rule-periods', { config: { access: DECLARERS }, schema: { hide: true } }, async (request, reply) => {
    const body = formBody(request.body);
    const values = { profile: str(body, 'profile'), starts_on: str(body, 'starts_on'), ends_on: str(body, 'ends_on'), note: str(body, 'note') };
    try {
      await addRulePeriod(db, actorOf(request), scopeFor(request), { profile: values.profile, startsOn: values.starts_on, endsOn: values.ends_on, note: values.note });
      return redirectWithNotice(reply, `/desk/holidays?year=${values.starts_on.slice(0, 4)}`, 'period_added');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, HolidaysPage({ request, reply, form: EMPTY_FORM, periodForm: { values, errors: error.fields, summary: error.text } }), error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/rule-periods/:id/remove', { config: { access: DECLARERS }, schema: { hide: true } }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound();
    await removeRulePeriod(db, actorOf(request), scopeFor(request), id);
    return redirectWithNotice(reply, '/desk/holidays', 'period_removed');
  });
}
