import Html, { type Children } from '@kitajs/html';
import { and, asc, count, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvents, deadlines, disputes, holidays, objections, requests, staff, units } from '../db/schema.ts';
import { workingDaysBetween } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { outboxStats } from '../kernel/outbox/store.ts';
import { DISPUTE_STAGE_LABELS, isDisputeStage } from '../objections/rules.ts';
import { ROLE_LABELS, type Role } from '../offices/roles.ts';
import { officeById, allOffices } from '../offices/store.ts';
import { todayIn } from '../offices/portal.tsx';
import { annualDeadlineCard } from '../reports/annual-pages.tsx';
import { SIGNED_IN } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { currentStaff, sendHtml } from '../web/context.ts';
import { DataTable, Layout, pageContext, say } from '../web/layout.tsx';

/** What each role does in the two SOPs, shown on its home so a new officer knows their part. */
const ROLE_DUTIES: Readonly<Record<Role, Text>> = {
  desk_officer: text(
    'Menerima permohonan di semua saluran (langsung, surat, surel, telepon, faksimile, daring), mengisi formulir untuk saluran jarak jauh, menjawab di desk, menyerahkan informasi dengan tanda terima, dan memperbarui register.',
    'Takes requests on every channel (walk-in, letter, e-mail, phone, fax, online), fills the form for remote channels, answers at the desk, hands over information against a receipt, and keeps the register.',
  ),
  ppid: text(
    'Memutuskan permohonan, mendisposisikan ke unit, menandatangani pemberitahuan tertulis, mengklasifikasi dan menetapkan DIP, mengawasi layanan harian, dan melapor bulanan kepada Sekretaris.',
    'Decides requests, dispositions work to units, signs written notices, classifies and establishes the DIP, supervises the daily service and reports monthly to the Secretary.',
  ),
  atasan_ppid: text(
    'Menerima laporan bulanan PPID, memerintahkan pengunggahan DIP, dan memutus keberatan.',
    "Receives the PPID's monthly report, orders the DIP upload and decides objections (keberatan).",
  ),
  information_provider: text(
    'Menyediakan informasi yang dikuasai unit kepada PPID atas disposisi dan untuk DIP, serta menyusun kajian awal informasi yang dikecualikan.',
    "Supplies the unit's information to the PPID on disposition and for the DIP, and drafts the first study of information to exempt.",
  ),
  office_admin: text('Mengelola akun staf, unit, dan data kantor (alamat, kop surat, jam layanan, hari libur lokal).', 'Manages staff accounts, units and office details (address, letterhead, hours, local holidays).'),
  system_admin: text('Mengelola hierarki kantor, hari libur nasional, dan kesehatan sistem untuk seluruh instalasi.', 'Manages the office hierarchy, national holidays and system health for the whole installation.'),
};

async function openDeadlines(exec: Executor, officeId: number, today: string) {
  const [row] = await exec
    .select({
      open: count(),
      overdue: sql<number>`count(*) filter (where ${deadlines.due} < ${today})::int`,
      nearest: sql<string | null>`min(${deadlines.due})::text`,
    })
    .from(deadlines)
    .where(and(eq(deadlines.officeId, officeId), isNull(deadlines.closedAt)));
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), nearest: row?.nearest ?? null };
}

/** Years from this one to next for which no national holiday has been entered: deadlines there would be wrong. */
async function yearsWithoutHolidays(exec: Executor, today: string): Promise<number[]> {
  const year = Number(today.slice(0, 4));
  const rows = await exec
    .select({ year: sql<number>`extract(year from ${holidays.day})::int` })
    .from(holidays)
    .where(and(isNull(holidays.officeId), sql`extract(year from ${holidays.day}) between ${year} and ${year + 1}`))
    .groupBy(sql`1`);
  const present = new Set(rows.map((r) => Number(r.year)));
  return [year, year + 1].filter((y) => !present.has(y));
}

/** Rows a home card lists; the full lists are a link away. */
const CASE_LIMIT = 20;

/** Objections waiting for the Atasan PPID, the nearest (so the overdue) answer due date first. */
async function waitingObjections(exec: Executor, officeId: number) {
  return exec
    .select({ id: objections.id, number: objections.number, requestNumber: requests.number, due: deadlines.due })
    .from(objections)
    .innerJoin(deadlines, eq(deadlines.id, objections.deadlineId))
    .innerJoin(requests, eq(requests.id, objections.requestId))
    .where(and(eq(objections.officeId, officeId), eq(objections.status, 'filed'), isNull(deadlines.closedAt)))
    .orderBy(asc(deadlines.due), asc(objections.id))
    .limit(CASE_LIMIT);
}

/** Disputes still before the Komisi Informasi, with the nearest of the commission's running clocks. */
async function runningDisputes(exec: Executor, officeId: number) {
  return exec
    .select({ id: disputes.id, objectionNumber: objections.number, commission: disputes.commission, stage: disputes.stage, filedOn: disputes.filedOn, due: sql<string | null>`min(${deadlines.due})::text` })
    .from(disputes)
    .innerJoin(objections, eq(objections.id, disputes.objectionId))
    .leftJoin(deadlines, and(or(eq(deadlines.id, disputes.startDeadlineId), eq(deadlines.id, disputes.finishDeadlineId)), isNull(deadlines.closedAt)))
    .where(and(eq(disputes.officeId, officeId), ne(disputes.stage, 'closed')))
    .groupBy(disputes.id, objections.number)
    .orderBy(asc(disputes.filedOn), asc(disputes.id))
    .limit(CASE_LIMIT);
}

/** "3 hari kerja lagi", "hari ini" or "lewat 2 hari kerja": `days` working days to or past the due date. */
function dueText(overdue: boolean, days: number): Text {
  if (overdue) return days > 0 ? text(`lewat ${days} hari kerja`, `${days} working day${days === 1 ? '' : 's'} overdue`) : text('lewat batas waktu', 'overdue');
  if (days === 0) return text('hari ini', 'today');
  return text(`${days} hari kerja lagi`, `${days} working day${days === 1 ? '' : 's'} left`);
}

function Card(props: { title: Text; lang: Lang; children?: Children }): JSX.Element {
  return (
    <section class="card">
      <h2>{say(props.lang, props.title)}</h2>
      {props.children}
    </section>
  );
}

export async function deskHomeRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  app.get('/desk', { config: { access: SIGNED_IN }, schema: { hide: true } }, async (request, reply) => {
    const me = currentStaff(request);
    const ctx = pageContext(request, reply);
    const lang = ctx.lang;
    const office = (await officeById(db, me.officeId))!;
    const today = todayIn(office.timeZone);
    const roles = me.roles as Role[];
    const has = (r: Role) => roles.includes(r) || roles.includes('system_admin');
    const seesCases = has('ppid') || has('atasan_ppid');
    const [deadlineSummary, missingYears, nextClosures, recent, staffCount, unitCount, outbox, officeCount, objectionRows, disputeRows] = await Promise.all([
      openDeadlines(db, office.id, today),
      yearsWithoutHolidays(db, today),
      db
        .select()
        .from(holidays)
        .where(and(sql`${holidays.day} >= ${today}`, sql`(${holidays.officeId} is null or ${holidays.officeId} = ${office.id})`))
        .orderBy(asc(holidays.day))
        .limit(3),
      has('ppid') || has('atasan_ppid') || has('office_admin')
        ? db.select().from(auditEvents).where(eq(auditEvents.officeId, office.id)).orderBy(desc(auditEvents.seq)).limit(5)
        : Promise.resolve([]),
      db.select({ n: count() }).from(staff).where(and(eq(staff.officeId, office.id), eq(staff.active, true))),
      db.select({ n: count() }).from(units).where(and(eq(units.officeId, office.id), eq(units.active, true))),
      roles.includes('system_admin') ? outboxStats(db) : Promise.resolve(undefined),
      roles.includes('system_admin') ? allOffices(db).then((o) => o.length) : Promise.resolve(0),
      seesCases ? waitingObjections(db, office.id) : Promise.resolve([]),
      seesCases ? runningDisputes(db, office.id) : Promise.resolve([]),
    ]);
    const calendar = objectionRows.length > 0 ? await loadOfficeCalendar(db, office.id) : undefined;
    const waiting = calendar
      ? objectionRows.map((o) => {
          const overdue = today > o.due;
          return { ...o, overdue, when: dueText(overdue, overdue ? workingDaysBetween(o.due, today, calendar) : workingDaysBetween(today, o.due, calendar)) };
        })
      : [];
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text(`Selamat datang, ${me.name}`, `Welcome, ${me.name}`)} officeName={office.name}>
        <p class="lead" safe>
          {`${office.name} · ${formatDay(lang, today)}`}
        </p>
        {missingYears.length ? (
          <p class="warning" role="note">
            {Html.escapeHtml(
              t(
                lang,
                text(
                  `Hari libur nasional tahun ${missingYears.join(' dan ')} belum dimasukkan: tenggat yang jatuh pada tahun itu hanya melewati akhir pekan.`,
                  `National holidays for ${missingYears.join(' and ')} have not been entered: deadlines in that year skip only weekends.`,
                ),
              ),
            )}{' '}
            <a href="/desk/holidays">{say(lang, text('Kelola hari libur', 'Manage holidays'))}</a>
          </p>
        ) : (
          ''
        )}
        <div class="cards">
          <Card lang={lang} title={text('Peran Anda', 'Your roles')}>
            <ul>
              {roles.map((r) => (
                <li>
                  <strong>{say(lang, ROLE_LABELS[r])}</strong>: {say(lang, ROLE_DUTIES[r])}
                </li>
              ))}
            </ul>
          </Card>
          <Card lang={lang} title={text('Tenggat berjalan', 'Running deadlines')}>
            <p>
              {deadlineSummary.open === 0
                ? t(lang, text('Tidak ada tenggat yang sedang berjalan di kantor ini.', 'No deadline is running in this office.'))
                : Html.escapeHtml(
                    t(
                      lang,
                      text(
                        `${deadlineSummary.open} tenggat berjalan, ${deadlineSummary.overdue} lewat waktu; yang terdekat ${formatDay('id', deadlineSummary.nearest!)}.`,
                        `${deadlineSummary.open} running, ${deadlineSummary.overdue} overdue; the nearest is ${formatDay('en', deadlineSummary.nearest!)}.`,
                      ),
                    ),
                  )}
            </p>
          </Card>
          <Card lang={lang} title={text('Hari libur berikutnya', 'Next closures')}>
            <ul>
              {nextClosures.map((h) => (
                <li safe>{`${formatDay(lang, h.day)} — ${h.name}`}</li>
              ))}
            </ul>
            <p>
              <a href="/desk/holidays">{say(lang, text('Kalender hari kerja', 'Working-day calendar'))}</a>
            </p>
          </Card>
          {has('ppid') ? await annualDeadlineCard(db, office, today, lang) : ''}
          {seesCases ? (
            <Card lang={lang} title={text('Keberatan menunggu tanggapan', 'Objections awaiting an answer')}>
              {waiting.length === 0 ? (
                <p>{say(lang, text('Tidak ada keberatan yang menunggu tanggapan Atasan PPID.', 'No objection is waiting for the Atasan PPID.'))}</p>
              ) : (
                <DataTable lang={lang} id="home-objections" caption={text('Keberatan menunggu tanggapan, yang lewat batas waktu lebih dahulu', 'Objections awaiting an answer, overdue first')}>
                  <thead>
                    <tr>
                      <th scope="col">{say(lang, text('Keberatan', 'Objection'))}</th>
                      <th scope="col">{say(lang, text('Permohonan', 'Request'))}</th>
                      <th scope="col">{say(lang, text('Tanggapan paling lambat', 'Answer due'))}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {waiting.map((o) => (
                      <tr>
                        <td>
                          <a href={`/desk/keberatan/${o.id}`} safe>
                            {o.number}
                          </a>
                        </td>
                        <td safe>{o.requestNumber}</td>
                        <td>
                          {Html.escapeHtml(formatDay(lang, o.due))}{' '}
                          {o.overdue ? <strong>({say(lang, o.when)})</strong> : <>({say(lang, o.when)})</>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )}
              <p>
                <a href="/desk/keberatan">{say(lang, text('Register keberatan', 'Objection register'))}</a>
              </p>
            </Card>
          ) : (
            ''
          )}
          {seesCases ? (
            <Card lang={lang} title={text('Sengketa berjalan', 'Disputes in progress')}>
              {disputeRows.length === 0 ? (
                <p>{say(lang, text('Tidak ada sengketa yang sedang berjalan di Komisi Informasi.', 'No dispute is in progress at the Information Commission.'))}</p>
              ) : (
                <DataTable lang={lang} id="home-disputes" caption={text('Sengketa berjalan di Komisi Informasi', 'Disputes in progress at the Information Commission')}>
                  <thead>
                    <tr>
                      <th scope="col">{say(lang, text('Keberatan', 'Objection'))}</th>
                      <th scope="col">{say(lang, text('Tahap', 'Stage'))}</th>
                      <th scope="col">{say(lang, text('Batas komisi berikutnya', "The commission's next deadline"))}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {disputeRows.map((d) => (
                      <tr>
                        <td>
                          <a href={`/desk/sengketa/${d.id}`} safe>
                            {d.objectionNumber}
                          </a>
                          <br />
                          <span class="hint">
                            {Html.escapeHtml(t(lang, text(`${d.commission}, diterima ${formatDay('id', d.filedOn)}`, `${d.commission}, received ${formatDay('en', d.filedOn)}`)))}
                          </span>
                        </td>
                        <td>{isDisputeStage(d.stage) ? say(lang, DISPUTE_STAGE_LABELS[d.stage]) : Html.escapeHtml(d.stage)}</td>
                        <td>{d.due ? Html.escapeHtml(formatDay(lang, d.due)) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )}
              <p>
                <a href="/desk/sengketa">{say(lang, text('Daftar sengketa', 'Dispute list'))}</a>
              </p>
            </Card>
          ) : (
            ''
          )}
          {has('office_admin') ? (
            <Card lang={lang} title={text('Kantor Anda', 'Your office')}>
              <p>
                {say(lang, text(`${staffCount[0]?.n ?? 0} staf aktif, ${unitCount[0]?.n ?? 0} unit.`, `${staffCount[0]?.n ?? 0} active staff, ${unitCount[0]?.n ?? 0} units.`))}
              </p>
              <p>
                <a href="/desk/staff">{say(lang, text('Kelola staf', 'Manage staff'))}</a> · <a href="/desk/units">{say(lang, text('Kelola unit', 'Manage units'))}</a> ·{' '}
                <a href="/desk/office">{say(lang, text('Data kantor', 'Office details'))}</a>
              </p>
            </Card>
          ) : (
            ''
          )}
          {outbox ? (
            <Card lang={lang} title={text('Kesehatan sistem', 'System health')}>
              <p>
                {say(
                  lang,
                  text(
                    `${officeCount} kantor · mesin basis data: ${database.engine} · antrean surel: ${outbox.pending} menunggu, ${outbox.failing} sedang diulang.`,
                    `${officeCount} offices · database engine: ${database.engine} · mail queue: ${outbox.pending} waiting, ${outbox.failing} retrying.`,
                  ),
                )}
              </p>
            </Card>
          ) : (
            ''
          )}
          {recent.length ? (
            <Card lang={lang} title={text('Kegiatan terakhir', 'Recent activity')}>
              <ul>
                {recent.map((e) => (
                  <li safe>{`${formatMoment(lang, e.at, office.timeZone)} · ${e.actorLabel} · ${e.action}`}</li>
                ))}
              </ul>
              <p>
                <a href="/desk/audit">{say(lang, text('Log audit lengkap', 'Full audit log'))}</a>
              </p>
            </Card>
          ) : (
            ''
          )}
        </div>
      </Layout>,
    );
  });
}

