import Html from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, notFound } from '../kernel/errors.ts';
import { t, text, type Text } from '../kernel/i18n.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, pathId, redirectWithNotice, scopeFor, sendHtml } from '../web/context.ts';
import { CheckboxGroup, CsrfField, EMPTY_FORM, ErrorSummary, fieldValue, formBody, list, SelectField, str, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say } from '../web/layout.tsx';
import { OFFICE_ROLES, ROLE_LABELS, ROLES, type Role } from './roles.ts';
import { TIME_ZONES } from './rules.ts';
import { createStaff, createUnit, revokeStaffSessions, updateOfficeDetails, updateStaff, updateUnit } from './service.ts';
import { officeById, staffInScope, staffOfOffice, unitInScope, unitsOfOffice, type StaffRow } from './store.ts';

const NOTICES: Record<string, Text> = {
  staff_created: text('Akun staf dibuat; pemiliknya menerima surel untuk mengatur kata sandi.', 'Staff account created; its owner got an e-mail to set a password.'),
  staff_saved: text('Perubahan akun staf disimpan.', 'Staff account saved.'),
  sessions_revoked: text('Semua sesi akun itu diakhiri.', 'All sessions of that account have ended.'),
  unit_created: text('Unit ditambahkan.', 'Unit added.'),
  unit_saved: text('Unit disimpan.', 'Unit saved.'),
  office_saved: text('Data kantor disimpan.', 'Office details saved.'),
};

const STAFF_LABELS: Record<string, Text> = {
  name: text('Nama lengkap', 'Full name'),
  email: text('Surel', 'E-mail'),
  position: text('Jabatan', 'Position'),
  roles: text('Peran', 'Roles'),
  unit: text('Unit (untuk penyedia informasi)', 'Unit (for information providers)'),
  active: text('Status', 'Status'),
};

const ADMIN = roles('office_admin');

/** The form-state key (and, prefixed with f-, the input id) of one unit's rename field in the units table. */
const unitRowKey = (id: number) => `unit-${id}`;
const page = { hide: true };

function roleOptions(me: StaffRow) {
  const grantable = me.roles.includes('system_admin') ? ROLES : OFFICE_ROLES;
  return grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}

function staffValues(row: StaffRow) {
  return { name: row.name, email: row.email, position: row.position, roles: row.roles, unit: row.unitId ? String(row.unitId) : '', active: row.active ? 'active' : 'inactive' };
}

function readStaffForm(body: Record<string, string | string[]>) {
  const unitText = str(body, 'unit');
  return {
    values: { name: str(body, 'name'), email: str(body, 'email'), position: str(body, 'position'), roles: list(body, 'roles'), unit: unitText, active: str(body, 'active') },
    input: {
      name: str(body, 'name'),
      email: str(body, 'email'),
      position: str(body, 'position'),
      roles: list(body, 'roles'),
      unitId: /^\d{1,9}$/.test(unitText) ? Number(unitText) : null,
    },
  };
}

export async function officeDeskRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;

  async function StaffForm(props: { request: FastifyRequest; reply: FastifyReply; form: FormState; editing?: StaffRow }): Promise<string> {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    const me = currentStaff(props.request);
    const unitList = (await unitsOfOffice(db, scopeFor(props.request))).filter((u) => u.active || u.id === props.editing?.unitId);
    const action = props.editing ? `/desk/staff/${props.editing.id}` : '/desk/staff';
    return (
      <Layout ctx={ctx} title={props.editing ? text(`Ubah akun: ${props.editing.name}`, `Edit account: ${props.editing.name}`) : text('Tambah staf', 'Add staff')}>
        <ErrorSummary lang={ctx.lang} form={props.form} labels={STAFF_LABELS} />
        <form method="post" action={action} class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField lang={ctx.lang} form={props.form} name="name" label={STAFF_LABELS.name!} autocomplete="off" required />
          <TextField lang={ctx.lang} form={props.form} name="email" type="email" label={STAFF_LABELS.email!} autocomplete="off" required />
          <TextField lang={ctx.lang} form={props.form} name="position" label={STAFF_LABELS.position!} />
          <CheckboxGroup lang={ctx.lang} form={props.form} name="roles" label={STAFF_LABELS.roles!} options={roleOptions(me)} required />
          <SelectField
            lang={ctx.lang}
            form={props.form}
            name="unit"
            label={STAFF_LABELS.unit!}
            options={[{ value: '', label: text('— tanpa unit —', '— no unit —') }, ...unitList.map((u) => ({ value: String(u.id), label: u.name }))]}
          />
          {props.editing ? (
            <SelectField
              lang={ctx.lang}
              form={props.form}
              name="active"
              label={STAFF_LABELS.active!}
              required
              options={[
                { value: 'active', label: text('Aktif', 'Active') },
                { value: 'inactive', label: text('Nonaktif (tidak dapat masuk)', 'Inactive (cannot sign in)') },
              ]}
            />
          ) : (
            ''
          )}
          <button type="submit">{say(ctx.lang, text('Simpan', 'Save'))}</button>
        </form>
        {props.editing ? (
          <form method="post" action={`/desk/staff/${props.editing.id}/revoke-sessions`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="secondary">{say(ctx.lang, text('Akhiri semua sesi akun ini', "End all of this account's sessions"))}</button>
          </form>
        ) : (
          ''
        )}
      </Layout>
    );
  }

  app.get('/desk/staff', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply, NOTICES);
    const scope = scopeFor(request);
    const [people, unitList] = await Promise.all([staffOfOffice(db, scope), unitsOfOffice(db, scope)]);
    const unitName = new Map(unitList.map((u) => [u.id, u.name]));
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Staf kantor', 'Office staff')}>
        <p>
          <a class="button" href="/desk/staff/new">
            {say(ctx.lang, text('Tambah staf', 'Add staff'))}
          </a>
        </p>
        <DataTable lang={ctx.lang} id="staff" caption={text('Staf kantor', 'Office staff')}>
          <thead>
            <tr>
              <th scope="col">{say(ctx.lang, STAFF_LABELS.name!)}</th>
              <th scope="col">{say(ctx.lang, STAFF_LABELS.email!)}</th>
              <th scope="col">{say(ctx.lang, STAFF_LABELS.roles!)}</th>
              <th scope="col">Unit</th>
              <th scope="col">{say(ctx.lang, STAFF_LABELS.active!)}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td>
                  <a href={`/desk/staff/${p.id}`} safe>
                    {p.name}
                  </a>
                </td>
                <td safe>{p.email}</td>
                <td safe>{p.roles.map((r) => t(ctx.lang, ROLE_LABELS[r as Role] ?? text(r, r))).join(', ')}</td>
                <td>{Html.escapeHtml(p.unitId ? (unitName.get(p.unitId) ?? '') : '—')}</td>
                <td>{say(ctx.lang, p.active ? text('Aktif', 'Active') : text('Nonaktif', 'Inactive'))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Layout>,
    );
  });

  app.get('/desk/staff/new', { config: { access: ADMIN }, schema: page }, async (request, reply) => sendHtml(reply, StaffForm({ request, reply, form: EMPTY_FORM })));

  app.post('/desk/staff', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const { values, input } = readStaffForm(formBody(request.body));
    const me = currentStaff(request);
    try {
      await createStaff(db, actorOf(request), scopeFor(request), input, { mayGrantSystemAdmin: me.roles.includes('system_admin'), baseUrl: config.baseUrl });
      return redirectWithNotice(reply, '/desk/staff', 'staff_created');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, StaffForm({ request, reply, form: { values, errors: error.fields, summary: error.text } }), error.status);
    }
  });

  app.get<{ Params: { id: string } }>('/desk/staff/:id', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const row = await staffInScope(db, scopeFor(request), pathId(request.params.id));
    if (!row) throw notFound();
    return sendHtml(reply, StaffForm({ request, reply, form: { values: staffValues(row), errors: {} }, editing: row }));
  });

  app.post<{ Params: { id: string } }>('/desk/staff/:id', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    const scope = scopeFor(request);
    const editing = await staffInScope(db, scope, id);
    if (!editing) throw notFound();
    const body = formBody(request.body);
    const { values, input } = readStaffForm(body);
    const me = currentStaff(request);
    try {
      await updateStaff(db, actorOf(request), scope, id, { ...input, active: str(body, 'active') !== 'inactive' }, { mayGrantSystemAdmin: me.roles.includes('system_admin'), selfId: me.id });
      return redirectWithNotice(reply, '/desk/staff', 'staff_saved');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, StaffForm({ request, reply, form: { values, errors: error.fields, summary: error.text }, editing }), error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/staff/:id/revoke-sessions', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    await revokeStaffSessions(db, actorOf(request), scopeFor(request), id);
    return redirectWithNotice(reply, `/desk/staff/${id}`, 'sessions_revoked');
  });

  async function UnitsPage(props: { request: FastifyRequest; reply: FastifyReply; form: FormState }): Promise<string> {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    const unitList = await unitsOfOffice(db, scopeFor(props.request));
    return (
      <Layout ctx={ctx} title={text('Unit pengelola informasi', 'Information-holding units')}>
        <p>
          {say(
            ctx.lang,
            text('Unit adalah PPID Pelaksana yang menguasai informasi; penyedia informasi terikat pada satu unit.', 'Units are the PPID Pelaksana that hold information; each information provider belongs to one unit.'),
          )}
        </p>
        <ErrorSummary
          lang={ctx.lang}
          form={props.form}
          labels={{ name: text('Nama unit', 'Unit name'), ...Object.fromEntries(unitList.map((u) => [unitRowKey(u.id), text(`Nama unit ${u.name}`, `Unit name ${u.name}`)])) }}
        />
        <DataTable lang={ctx.lang} id="units" caption={text('Unit', 'Units')}>
          <thead>
            <tr>
              <th scope="col">{say(ctx.lang, text('Nama unit', 'Unit name'))}</th>
              <th scope="col">{say(ctx.lang, text('Status dan ubah', 'Status and edit'))}</th>
            </tr>
          </thead>
          <tbody>
            {unitList.map((u) => {
              // Each row names its own unit, so a screen reader hears which unit a field or button is for.
              const key = unitRowKey(u.id);
              const rowError = props.form.errors[key];
              return (
                <tr>
                  <td safe>{u.name}</td>
                  <td>
                    <form method="post" action={`/desk/units/${u.id}`} class="row" novalidate>
                      <CsrfField token={ctx.csrfToken} />
                      <label for={`f-${key}`} class="visually-hidden">
                        {Html.escapeHtml(t(ctx.lang, text(`Nama unit ${u.name}`, `Unit name ${u.name}`)))}
                      </label>
                      {rowError ? (
                        <p class="error" id={`f-${key}-error`}>
                          {say(ctx.lang, rowError)}
                        </p>
                      ) : (
                        ''
                      )}
                      <input
                        id={`f-${key}`}
                        name="name"
                        value={props.form.values[key] !== undefined ? fieldValue(props.form, key) : u.name}
                        required
                        aria-invalid={rowError ? 'true' : undefined}
                        aria-describedby={rowError ? `f-${key}-error` : undefined}
                      />
                      <label for={`unit-${u.id}-active`} class="visually-hidden">
                        {Html.escapeHtml(t(ctx.lang, text(`Status ${u.name}`, `Status of ${u.name}`)))}
                      </label>
                      <select id={`unit-${u.id}-active`} name="active">
                        <option value="active" selected={u.active}>
                          {say(ctx.lang, text('Aktif', 'Active'))}
                        </option>
                        <option value="inactive" selected={!u.active}>
                          {say(ctx.lang, text('Nonaktif', 'Inactive'))}
                        </option>
                      </select>
                      <button type="submit" class="secondary">
                        {say(ctx.lang, text('Simpan', 'Save'))}
                        <span class="visually-hidden" safe>{` ${u.name}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
        <h2>{say(ctx.lang, text('Tambah unit', 'Add a unit'))}</h2>
        <form method="post" action="/desk/units" class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField lang={ctx.lang} form={props.form} name="name" label={text('Nama unit', 'Unit name')} required />
          <button type="submit">{say(ctx.lang, text('Tambah', 'Add'))}</button>
        </form>
      </Layout>
    );
  }

  app.get('/desk/units', { config: { access: ADMIN }, schema: page }, async (request, reply) => sendHtml(reply, UnitsPage({ request, reply, form: EMPTY_FORM })));

  app.post('/desk/units', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const name = str(formBody(request.body), 'name');
    try {
      await createUnit(db, actorOf(request), scopeFor(request), name);
      return redirectWithNotice(reply, '/desk/units', 'unit_created');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, UnitsPage({ request, reply, form: { values: { name }, errors: error.fields, summary: error.text } }), error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/units/:id', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    if (!(await unitInScope(db, scopeFor(request), id))) throw notFound();
    const body = formBody(request.body);
    try {
      await updateUnit(db, actorOf(request), scopeFor(request), id, { name: str(body, 'name'), active: str(body, 'active') !== 'inactive' });
      return redirectWithNotice(reply, '/desk/units', 'unit_saved');
    } catch (error) {
      if (!isAppError(error)) throw error;
      // The problem belongs to that unit's row, not to the "add a unit" field below the table.
      const key = unitRowKey(id);
      const { name: nameError, ...otherErrors } = error.fields;
      const errors = nameError ? { ...otherErrors, [key]: nameError } : error.fields;
      return sendHtml(reply, UnitsPage({ request, reply, form: { values: { [key]: str(body, 'name') }, errors, summary: error.text } }), error.status);
    }
  });

  const OFFICE_LABELS: Record<string, Text> = {
    address: text('Alamat', 'Address'),
    city: text('Kota/kabupaten', 'City/regency'),
    phone: text('Telepon', 'Phone'),
    email: text('Surel layanan informasi', 'Information service e-mail'),
    website: text('Situs PPID', 'PPID website'),
    time_zone: text('Zona waktu', 'Time zone'),
    hours_start: text('Jam buka layanan', 'Service opens'),
    hours_end: text('Jam tutup layanan', 'Service closes'),
    after_hours_rule: text('Permohonan setelah jam tutup dihitung', 'Requests after closing time count'),
    letterhead: text('Kop surat (satu baris per baris)', 'Letterhead (one line per line)'),
    reminder_days: text('Pengingat tenggat (hari kerja sebelumnya)', 'Deadline reminders (working days before)'),
    request_number_pattern: text('Pola nomor pendaftaran permohonan', 'Request registration number pattern'),
    letter_number_pattern: text('Pola nomor surat PPID', "PPID letter number pattern"),
    download_link_days: text('Masa berlaku tautan unduhan (hari)', 'Download links valid for (days)'),
    completion_days: text('Waktu melengkapi permohonan yang belum lengkap (hari kerja)', 'Time to complete an incomplete request (working days)'),
  };

  const PATTERN_HINT = text(
    'Penanda: {seq} atau {seq:4} (urutan per tahun), {year}, {month}, {romanMonth}, {code} (kode kantor). Wajib memuat {seq} dan {year}. Contoh: {seq:4}/REG-PPID/{code}/{year}.',
    'Tokens: {seq} or {seq:4} (yearly sequence), {year}, {month}, {romanMonth}, {code} (office code). Must contain {seq} and {year}. Example: {seq:4}/REG-PPID/{code}/{year}.',
  );

  async function OfficePage(props: { request: FastifyRequest; reply: FastifyReply; form?: FormState }): Promise<string> {
    const ctx = pageContext(props.request, props.reply, NOTICES);
    const office = (await officeById(db, scopeFor(props.request).officeId))!;
    const form: FormState = props.form ?? {
      values: {
        address: office.address,
        city: office.city,
        phone: office.phone,
        email: office.email,
        website: office.website,
        time_zone: office.timeZone,
        hours_start: office.hoursStart,
        hours_end: office.hoursEnd,
        after_hours_rule: office.afterHoursRule,
        letterhead: office.letterheadLines.join('\n'),
        reminder_days: office.reminderDays.join(', '),
        request_number_pattern: office.requestNumberPattern,
        letter_number_pattern: office.letterNumberPattern,
        download_link_days: String(office.downloadLinkDays),
        completion_days: String(office.completionDays),
      },
      errors: {},
    };
    return (
      <Layout ctx={ctx} title={text('Data kantor', 'Office details')} officeName={office.name}>
        <ErrorSummary lang={ctx.lang} form={form} labels={OFFICE_LABELS} />
        <form method="post" action="/desk/office" class="narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextArea lang={ctx.lang} form={form} name="address" label={OFFICE_LABELS.address!} rows={2} />
          <TextField lang={ctx.lang} form={form} name="city" label={OFFICE_LABELS.city!} />
          <TextField lang={ctx.lang} form={form} name="phone" type="tel" label={OFFICE_LABELS.phone!} />
          <TextField lang={ctx.lang} form={form} name="email" type="email" label={OFFICE_LABELS.email!} />
          <TextField lang={ctx.lang} form={form} name="website" label={OFFICE_LABELS.website!} />
          <SelectField lang={ctx.lang} form={form} name="time_zone" label={OFFICE_LABELS.time_zone!} required options={TIME_ZONES.map((z) => ({ value: z.zone, label: z.label }))} />
          <TextField lang={ctx.lang} form={form} name="hours_start" type="time" label={OFFICE_LABELS.hours_start!} required />
          <TextField lang={ctx.lang} form={form} name="hours_end" type="time" label={OFFICE_LABELS.hours_end!} required />
          <SelectField
            lang={ctx.lang}
            form={form}
            name="after_hours_rule"
            label={OFFICE_LABELS.after_hours_rule!}
            required
            options={[
              { value: 'next_working_day', label: text('mulai hari kerja berikutnya', 'from the next working day') },
              { value: 'same_day', label: text('pada hari diterima (bila hari kerja)', 'on the day received (if a working day)') },
            ]}
          />
          <TextArea lang={ctx.lang} form={form} name="letterhead" label={OFFICE_LABELS.letterhead!} rows={3} />
          <TextField
            lang={ctx.lang}
            form={form}
            name="reminder_days"
            label={OFFICE_LABELS.reminder_days!}
            inputmode="numeric"
            hint={text('Sampai tiga angka 1–10 dipisah koma, mis. 3, 1; kosongkan bila tidak perlu pengingat.', 'Up to three numbers 1–10 separated by commas, e.g. 3, 1; leave empty for no reminders.')}
          />
          <TextField lang={ctx.lang} form={form} name="request_number_pattern" label={OFFICE_LABELS.request_number_pattern!} required hint={PATTERN_HINT} />
          <TextField lang={ctx.lang} form={form} name="letter_number_pattern" label={OFFICE_LABELS.letter_number_pattern!} required hint={PATTERN_HINT} />
          <TextField lang={ctx.lang} form={form} name="download_link_days" label={OFFICE_LABELS.download_link_days!} inputmode="numeric" required hint={text('1 sampai 90 hari.', '1 to 90 days.')} />
          <TextField
            lang={ctx.lang}
            form={form}
            name="completion_days"
            label={OFFICE_LABELS.completion_days!}
            inputmode="numeric"
            required
            hint={text(
              '1 sampai 10 hari kerja sejak permohonan diterima, menurut kalender kantor; pemohon diberi tahu tanggalnya. Batas waktu pemberitahuan tertulis tetap berjalan.',
              "1 to 10 working days from receipt, on the office calendar; the applicant is told the date. The written notice's deadline keeps running.",
            )}
          />
          <button type="submit">{say(ctx.lang, text('Simpan', 'Save'))}</button>
        </form>
      </Layout>
    );
  }

  app.get('/desk/office', { config: { access: ADMIN }, schema: page }, async (request, reply) => sendHtml(reply, OfficePage({ request, reply })));

  app.post('/desk/office', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const values = Object.fromEntries(Object.keys(OFFICE_LABELS).map((k) => [k, str(body, k)]));
    try {
      await updateOfficeDetails(db, actorOf(request), scopeFor(request), {
        address: values.address!,
        city: values.city!,
        phone: values.phone!,
        email: values.email!,
        website: values.website!,
        timeZone: values.time_zone!,
        hoursStart: values.hours_start!,
        hoursEnd: values.hours_end!,
        afterHoursRule: values.after_hours_rule!,
        letterheadLines: values.letterhead!.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
        reminderDays: values.reminder_days!.split(/[\s,;]+/).filter(Boolean).map((d) => (/^\d{1,2}$/.test(d) ? Number(d) : Number.NaN)),
        requestNumberPattern: values.request_number_pattern!,
        letterNumberPattern: values.letter_number_pattern!,
        downloadLinkDays: /^\d{1,3}$/.test(values.download_link_days!) ? Number(values.download_link_days) : Number.NaN,
        completionDays: /^\d{1,2}$/.test(values.completion_days!) ? Number(values.completion_days) : Number.NaN,
      });
      return redirectWithNotice(reply, '/desk/office', 'office_saved');
    } catch (error) {
      if (!isAppError(error)) throw error;
      return sendHtml(reply, OfficePage({ request, reply, form: { values, errors: error.fields, summary: error.text } }), error.status);
    }
  });

}
