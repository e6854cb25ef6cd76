/** Indonesian is the default language; every text a person reads exists in both. */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** A text in both languages, written where it is used rather than in a central catalogue. */
export interface Text {
  readonly id: string;
  readonly en: string;
}

export function text(id: string, en: string): Text {
  return { id, en };
}

export function t(lang: Lang, value: Text): string {
  return value[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** Picks the language from an explicit choice, else Accept-Language, else Indonesian. */
export function pickLang(explicit: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(explicit)) return explicit;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en';
  return 'id';
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Senin, 23 Maret 2026" from a calendar date "2026-03-23" (no time zone involved). */
export function formatDay(lang: Lang, isoDay: string, withWeekday = true): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const months = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  const day = `${d} ${months[m - 1]} ${y}`;
  if (!withWeekday) return day;
  return `${(lang === 'id' ? WEEKDAYS_ID : WEEKDAYS_EN)[weekday]}, ${day}`;
}

export function weekdayName(lang: Lang, weekday: number): string {
  return (lang === 'id' ? WEEKDAYS_ID : WEEKDAYS_EN)[weekday] ?? '';
}

const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** A moment as an office reads it: "17 Maret 2026 09.30 WIB", in the office's own zone. */
export function formatMoment(lang: Lang, at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const time = lang === 'id' ? `${parts.hour}.${parts.minute}` : `${parts.hour}:${parts.minute}`;
  return `${formatDay(lang, `${parts.year}-${parts.month}-${parts.day}`, false)} ${time} ${ZONE_ABBREVIATIONS[timeZone] ?? timeZone}`;
}
