import { readFileSync } from 'node:fs';
import { defineCommand, UsageError } from '../cli/command.ts';
import { cliActor } from '../kernel/audit/store.ts';
import { formatDay, weekdayName } from '../kernel/i18n.ts';
import { requireOffice } from '../offices/service.ts';
import { explainDeadline, MAX_WORKING_DAYS, parseInstant } from './rules.ts';
import { computeDeadlineForOffice, importHolidaysCsv } from './service.ts';
import { listHolidays } from './store.ts';

export const holidaysImportCommand = defineCommand({
  name: 'holidays import',
  summary: 'Impor hari libur dari CSV / import holidays from CSV',
  help: [
    'npm run cli -- holidays import <file.csv>',
    '',
    'Columns: date (YYYY-MM-DD), kind, name, decree, and optionally office (an office slug; empty = national).',
    'Kinds: libur_nasional, cuti_bersama, pemilu (national); lokal, pemilu (an office\'s own).',
    'All or nothing: one bad row and nothing is saved; every problem is listed with its row number.',
    'A day that already has a holiday of the same scope is updated. Open deadlines are recomputed and',
    'every moved due date is recorded in the audit log.',
  ].join('\n'),
  options: {},
  async run(_values, positionals, { database, out }) {
    const path = positionals[0];
    if (!path) throw new UsageError('Sebutkan berkas CSV / name the CSV file.');
    let csv: string;
    try {
      csv = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`Berkas ${path} tidak dapat dibaca / cannot read ${path}.`);
    }
    const result = await importHolidaysCsv(database.db, cliActor('holidays import'), csv);
    out(`Hari libur / holidays: ${result.added} baru/new, ${result.updated} diperbarui/updated, ${result.unchanged} tetap/unchanged`);
    out(`Tenggat terbuka yang bergeser / open deadlines moved: ${result.recomputed}`);
  },
});

export const holidaysListCommand = defineCommand({
  name: 'holidays list',
  summary: 'Daftar hari libur setahun / list a year\'s holidays',
  help: [
    'npm run cli -- holidays list --year YYYY [--office <slug>]',
    '',
    '  --year     the year to list (required)',
    '  --office   add that office\'s own holidays to the national ones',
    '',
    'One line per holiday: date, weekday, kind, scope (nasional or the office slug), name and decree.',
  ].join('\n'),
  options: { year: { type: 'string' }, office: { type: 'string' } },
  async run(values, _positionals, { database, out }) {
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year wajib berupa tahun empat angka, mis. 2026 / --year must be a four-digit year, e.g. 2026.');
    const year = Number(values.year);
    const office = values.office === undefined ? undefined : await requireOffice(database.db, values.office);
    const rows = await listHolidays(database.db, { year, officeId: office?.id });
    for (const row of rows) {
      const weekday = weekdayName('id', new Date(`${row.day}T00:00:00Z`).getUTCDay());
      const scope = row.officeId === null ? 'nasional' : (office?.slug ?? String(row.officeId));
      out(`${row.day}  ${weekday.padEnd(6)}  ${row.kind.padEnd(14)}  ${scope.padEnd(10)}  ${row.name}${row.decree ? ` (${row.decree})` : ''}`);
    }
    out(`${rows.length} hari libur / holidays in ${year}${office ? ` (nasional + ${office.slug})` : ' (nasional / national)'}`);
    if (!rows.some((r) => r.officeId === null)) {
      out(`Perhatian: libur nasional ${year} belum dimasukkan / warning: no national holidays entered for ${year}.`);
    }
  },
});

export const deadlineCommand = defineCommand({
  name: 'deadline',
  summary: 'Hitung tenggat hari kerja untuk satu kantor / compute a working-day deadline for an office',
  help: [
    'npm run cli -- deadline --office <slug> --received <date-time with offset> [--working-days N] [--json]',
    '',
    '  --office         the office slug; its time zone, office hours and holidays apply',
    '  --received       when the request arrived, ISO 8601 with its UTC offset: 2026-03-17T10:00+07:00',
    '                   (WIB +07:00, WITA +08:00, WIT +09:00, or Z for UTC)',
    `  --working-days   0 to ${MAX_WORKING_DAYS}; default: the request-notice period of the office's rule profile`,
    '                   on the day of receipt (10 normally, 3 during an election stage)',
    '  --json           print the whole result as JSON (due, dayZero, counted, skipped, …)',
    '',
    'Prints the due date and how it was counted. Nothing is stored.',
  ].join('\n'),
  options: {
    office: { type: 'string' },
    received: { type: 'string' },
    'working-days': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, { database, out }) {
    if (!values.office) throw new UsageError('--office wajib / --office is required.');
    if (!values.received) throw new UsageError('--received wajib, mis. 2026-03-17T10:00+07:00 / --received is required, e.g. 2026-03-17T10:00+07:00.');
    const receivedAt = parseReceived(values.received);
    const workingDays = values['working-days'] === undefined ? undefined : parseWorkingDays(values['working-days']);
    const { office, profile, result } = await computeDeadlineForOffice(database.db, values.office, receivedAt, workingDays);
    const explanation = { id: explainDeadline(result, 'id'), en: explainDeadline(result, 'en') };
    if (values.json) {
      out(JSON.stringify({ office: office.slug, profile: profile?.name ?? null, ...result, explanation }, null, 2));
      return;
    }
    out(`Kantor / office: ${office.name} (${office.slug})`);
    out(
      profile
        ? `Profil / profile: ${profile.label.id} / ${profile.label.en}, ${result.workingDays} hari kerja / working days`
        : `Jangka waktu / period: ${result.workingDays} hari kerja / working days (--working-days)`,
    );
    out(`Jatuh tempo / due: ${result.due} (${formatDay('id', result.due)})`);
    out('');
    explanation.id.forEach((sentence) => out(sentence));
    out('');
    explanation.en.forEach((sentence) => out(sentence));
  },
});

function parseReceived(value: string): Date {
  const instant = parseInstant(value);
  if (!instant) {
    throw new UsageError(
      `--received "${value}" harus tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-03-17T10:00+07:00 / --received must be an ISO 8601 date-time with its offset, e.g. 2026-03-17T10:00+07:00.`,
    );
  }
  return instant;
}

function parseWorkingDays(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > MAX_WORKING_DAYS) {
    throw new UsageError(`--working-days harus bilangan bulat 0 sampai ${MAX_WORKING_DAYS} / --working-days must be a whole number from 0 to ${MAX_WORKING_DAYS}.`);
  }
  return Number(value);
}
