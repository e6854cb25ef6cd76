import { text, type Text } from '../kernel/i18n.ts';
import { OFFICE_ROLES, isRole, type Role } from './roles.ts';

export const LEVELS = ['ri', 'province', 'regency'] as const;
export type Level = (typeof LEVELS)[number];

/** Indonesia's three zones: WIB, WITA, WIT. */
export const TIME_ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB (UTC+7)' },
  { zone: 'Asia/Makassar', label: 'WITA (UTC+8)' },
  { zone: 'Asia/Jayapura', label: 'WIT (UTC+9)' },
] as const;

/** Top-level paths the portal uses itself; an office slug may not take them. */
export const RESERVED_SLUGS = new Set(['api', 'desk', 'static', 'masuk', 'keluar', 'lupa-sandi', 'atur-sandi', 'healthz', 'readyz', 'verifikasi', 'unduh', 'survei', 'statistik', 'statistik.csv', 'statistik.json', 'favicon.ico', 'robots.txt']);

export const LEVEL_LABELS: Readonly<Record<Level, Text>> = {
  ri: text('KPU RI', 'KPU RI (national)'),
  province: text('KPU Provinsi', 'Provincial KPU'),
  regency: text('KPU Kabupaten/Kota', 'Regency/city KPU'),
};

/** What a parent office's level must be for each level. */
export function parentLevelFor(level: Level): Level | undefined {
  return level === 'ri' ? undefined : level === 'province' ? 'ri' : 'province';
}

export interface OfficeInput {
  readonly slug: string;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentSlug: string;
  readonly address: string;
  readonly city: string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
  readonly timeZone: string;
  readonly hoursStart: string;
  readonly hoursEnd: string;
  readonly letterheadLines: readonly string[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

/** Pure validation of one office; field names match the CSV columns and the form. */
export function officeProblems(input: OfficeInput): Record<string, Text> {
  const problems: Record<string, Text> = {};
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug) || input.slug.length > 60) {
    problems.slug = text('Slug hanya huruf kecil, angka dan tanda hubung (maks. 60).', 'The slug takes lower-case letters, digits and hyphens (max. 60).');
  } else if (RESERVED_SLUGS.has(input.slug)) {
    problems.slug = text(`Slug "${input.slug}" dipakai oleh sistem; pilih yang lain.`, `The slug "${input.slug}" is reserved; choose another.`);
  }
  if (!/^[0-9A-Za-z.\-]{1,20}$/.test(input.code)) {
    problems.code = text('Kode kantor 1–20 karakter: angka, huruf, titik atau tanda hubung.', 'The office code has 1–20 letters, digits, dots or hyphens.');
  }
  if (input.name.trim().length < 3 || input.name.length > 200) problems.name = text('Nama kantor 3–200 karakter.', 'The office name needs 3–200 characters.');
  if (!(LEVELS as readonly string[]).includes(input.level)) {
    problems.level = text('Tingkat harus ri, province atau regency.', 'The level must be ri, province or regency.');
  } else if (input.level === 'ri' && input.parentSlug) {
    problems.parent = text('KPU RI tidak memiliki kantor induk.', 'KPU RI has no parent office.');
  } else if (input.level !== 'ri' && !input.parentSlug) {
    problems.parent = text('Kantor provinsi dan kabupaten/kota harus punya kantor induk.', 'Provincial and regency offices need a parent office.');
  }
  if (!TIME_ZONES.some((z) => z.zone === input.timeZone)) {
    problems.time_zone = text('Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).', 'The time zone must be Asia/Jakarta, Asia/Makassar or Asia/Jayapura.');
  }
  if (!HHMM.test(input.hoursStart)) problems.hours_start = text('Jam buka berformat JJ:MM, mis. 08:00.', 'Opening time must be HH:MM, e.g. 08:00.');
  if (!HHMM.test(input.hoursEnd)) problems.hours_end = text('Jam tutup berformat JJ:MM, mis. 16:00.', 'Closing time must be HH:MM, e.g. 16:00.');
  else if (HHMM.test(input.hoursStart) && input.hoursEnd <= input.hoursStart) {
    problems.hours_end = text('Jam tutup harus setelah jam buka.', 'Closing time must be after opening time.');
  }
  if (input.email && !EMAIL.test(input.email)) problems.email = text('Alamat surel tidak sah.', 'The e-mail address is not valid.');
  if (input.website && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(input.website)) {
    problems.website = text('Situs harus alamat lengkap yang diawali https:// atau http://.', 'The website must be a full address starting with https:// or http://.');
  }
  for (const [key, max] of [['address', 500], ['city', 100], ['phone', 60], ['website', 300]] as const) {
    if (input[key].length > max) problems[key] = text(`Paling panjang ${max} karakter.`, `At most ${max} characters.`);
  }
  if (input.letterheadLines.length > 6 || input.letterheadLines.some((l) => l.length > 200)) {
    problems.letterhead = text('Kop surat paling banyak 6 baris, masing-masing 200 karakter.', 'The letterhead has at most 6 lines of 200 characters.');
  }
  return problems;
}

export interface StaffInput {
  readonly name: string;
  readonly email: string;
  readonly position: string;
  readonly roles: readonly string[];
  readonly unitId: number | null;
}

/** Pure validation of a staff account as an office admin (or system admin) edits it. */
export function staffProblems(input: StaffInput, options: { mayGrantSystemAdmin: boolean; unitIds: readonly number[] }): Record<string, Text> {
  const problems: Record<string, Text> = {};
  if (input.name.trim().length < 2 || input.name.length > 150) problems.name = text('Nama 2–150 karakter.', 'The name needs 2–150 characters.');
  if (!EMAIL.test(input.email.trim())) problems.email = text('Alamat surel tidak sah.', 'The e-mail address is not valid.');
  if (input.position.length > 150) problems.position = text('Jabatan paling panjang 150 karakter.', 'The position has at most 150 characters.');
  if (input.roles.length === 0) problems.roles = text('Pilih sedikitnya satu peran.', 'Choose at least one role.');
  else if (input.roles.some((r) => !isRole(r))) problems.roles = text('Ada peran yang tidak dikenal.', 'A role is not known.');
  else if (!options.mayGrantSystemAdmin && input.roles.some((r) => !OFFICE_ROLES.includes(r as Role))) {
    problems.roles = text('Hanya admin sistem yang dapat memberi peran admin sistem.', 'Only a system administrator can grant the system administrator role.');
  }
  if (input.roles.includes('information_provider') && input.unitId === null) {
    problems.unit = text('Penyedia informasi harus terikat pada satu unit.', 'An information provider must belong to a unit.');
  } else if (input.unitId !== null && !options.unitIds.includes(input.unitId)) {
    problems.unit = text('Unit tidak ditemukan di kantor ini.', 'The unit is not in this office.');
  }
  return problems;
}

export function unitNameProblem(name: string): Text | undefined {
  if (name.trim().length < 2 || name.length > 150) return text('Nama unit 2–150 karakter.', 'The unit name needs 2–150 characters.');
  return undefined;
}
