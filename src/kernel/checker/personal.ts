/**
 * Pure scanners for personal data in plain text (DOMAIN.md §9): NIK-like numbers, Indonesian phone
 * numbers and e-mail addresses. They return masked excerpts only, so a report never repeats the data
 * it warns about.
 */
export type PersonalKind = 'nik' | 'phone' | 'email';

export interface PersonalHit {
  readonly kind: PersonalKind;
  /** Masked: `3201********0001`, `0812******89`, `b***@example.go.id`. */
  readonly excerpt: string;
  /** Offset of the first character in the scanned text, and the length of the match. */
  readonly index: number;
  readonly length: number;
}

/** Separators people put inside a NIK: spaces (also no-break) and dots, one at a time. */
const NIK_CANDIDATE = /(?<!\d)\d(?:[ .\u00a0]?\d){15}(?!\d)/g;

/**
 * Starts with +62, 62 or 0, then digits with the usual separators. Digits are counted after
 * normalising, so the pattern only has to find the stretch; `(?![ .-]?\d)` keeps it from stopping
 * inside a longer number.
 */
const PHONE_CANDIDATE = /(?<![\w+])(?:\+62|62|\(0|0)(?:[ .\-()\u00a0]{0,2}\d){7,13}(?![ .-]?\d)/g;

/** Mobile numbers are 08 plus 8–11 digits (10–13 in all). */
const MOBILE = /^08[1-9]\d{7,10}$/;
/** Landlines: 0, an area code of 2–3 digits not starting with 0, 1 or 8, and 5–8 digits (9–12 in all). */
const LANDLINE = /^0[2-79]\d{7,10}$/;

const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w-])/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A NIK's form (DOMAIN.md §9): province 11–94, then regency and district, then birth date DDMMYY
 * with 40 added to the day for women, then a serial. All one digit repeated is a placeholder, not a NIK.
 * February 29 is accepted in any year because YY does not say the century.
 */
export function isNikLike(digits: string): boolean {
  if (!/^\d{16}$/.test(digits) || /^(\d)\1{15}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  if (province < 11 || province > 94) return false;
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const max = DAYS_IN_MONTH[month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

export function maskNik(digits: string): string {
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** `+62 812-3456-7890` → `081234567890`; undefined when it is not a plausible Indonesian number. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/\D/g, '');
  const national = digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
  return MOBILE.test(national) || LANDLINE.test(national) ? national : undefined;
}

export function maskPhone(national: string): string {
  return `${national.slice(0, 4)}${'*'.repeat(national.length - 6)}${national.slice(-2)}`;
}

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/**
 * Every NIK-like number, phone number and e-mail address in `value`, in order of position. A phone
 * candidate inside a NIK (a NIK written in groups can contain "0812 …") is not reported twice.
 */
export function scanPersonal(value: string): PersonalHit[] {
  const hits: PersonalHit[] = [];
  const nikSpans: [number, number][] = [];
  for (const m of value.matchAll(NIK_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (!isNikLike(digits)) continue;
    hits.push({ kind: 'nik', excerpt: maskNik(digits), index: m.index, length: m[0].length });
    nikSpans.push([m.index, m.index + m[0].length]);
  }
  for (const m of value.matchAll(PHONE_CANDIDATE)) {
    const end = m.index + m[0].length;
    if (nikSpans.some(([from, to]) => m.index < to && end > from)) continue;
    const national = normalisePhone(m[0]);
    if (national) hits.push({ kind: 'phone', excerpt: maskPhone(national), index: m.index, length: m[0].length });
  }
  for (const m of value.matchAll(EMAIL)) hits.push({ kind: 'email', excerpt: maskEmail(m[0]), index: m.index, length: m[0].length });
  return hits.sort((a, b) => a.index - b.index);
}

/** The text with every personal-data hit replaced by its masked form, for excerpts of comments and hidden text. */
export function maskPersonal(value: string): string {
  let out = '';
  let from = 0;
  for (const hit of scanPersonal(value)) {
    if (hit.index < from) continue;
    out += value.slice(from, hit.index) + hit.excerpt;
    from = hit.index + hit.length;
  }
  return out + value.slice(from);
}
