import { t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { checkMonth, monthBounds, monthLabel } from '../reports/rules.ts';

/**
 * Survei Kepuasan Masyarakat (PermenPANRB 14/2017) as pure functions: the nine elements (unsur) and
 * their questions, the check of one answer, and the index and grade of a set of answers. No storage,
 * no HTTP.
 */

// ---------------------------------------------------------------------------------------------------
// The questionnaire

/** The nine elements in the regulation's order (Lampiran, unsur a–i). */
export const ELEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type Element = (typeof ELEMENTS)[number];

export const ELEMENT_LABELS: Readonly<Record<Element, Text>> = {
  U1: text('Persyaratan', 'Requirements'),
  U2: text('Sistem, mekanisme, dan prosedur', 'System, mechanism and procedure'),
  U3: text('Waktu penyelesaian', 'Time to complete'),
  U4: text('Biaya/tarif', 'Cost/fee'),
  U5: text('Produk spesifikasi jenis pelayanan', 'Service product'),
  U6: text('Kompetensi pelaksana', 'Competence of the staff'),
  U7: text('Perilaku pelaksana', 'Conduct of the staff'),
  U8: text('Penanganan pengaduan, saran dan masukan', 'Handling of complaints, suggestions and input'),
  U9: text('Sarana dan prasarana', 'Facilities'),
};

/** Names short enough to stand beside a chart's bar. */
export const SHORT_ELEMENT_LABELS: Readonly<Record<Element, Text>> = {
  U1: text('Persyaratan', 'Requirements'),
  U2: text('Prosedur', 'Procedure'),
  U3: text('Waktu', 'Time'),
  U4: text('Biaya', 'Cost'),
  U5: text('Produk layanan', 'Service product'),
  U6: text('Kompetensi', 'Competence'),
  U7: text('Perilaku', 'Conduct'),
  U8: text('Pengaduan', 'Complaints'),
  U9: text('Sarana', 'Facilities'),
};

export const ELEMENT_QUESTIONS: Readonly<Record<Element, Text>> = {
  U1: text('Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', 'How well did the requirements fit the service you asked for?'),
  U2: text('Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', 'How easy was the procedure of this service?'),
  U3: text('Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', 'How quickly was the service given?'),
  U4: text('Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', 'How fair was the cost of the service?'),
  U5: text(
    'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    'How well did what you received match what the service standard promises?',
  ),
  U6: text('Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', 'How competent were the staff who served you?'),
  U7: text('Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', 'How courteous and friendly were the staff?'),
  U8: text('Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', 'How are the complaints of service users handled?'),
  U9: text('Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', 'How good are the facilities?'),
};

/** Scores 1–4 in order: the regulation's answers a–d for each element. */
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

const answers = (a: Text, b: Text, c: Text, d: Text): readonly [Text, Text, Text, Text] => [a, b, c, d];
const FITTING = answers(text('Tidak sesuai', 'Does not fit'), text('Kurang sesuai', 'Fits poorly'), text('Sesuai', 'Fits'), text('Sangat sesuai', 'Fits very well'));

export const ANSWER_LABELS: Readonly<Record<Element, readonly [Text, Text, Text, Text]>> = {
  U1: FITTING,
  U2: answers(text('Tidak mudah', 'Not easy'), text('Kurang mudah', 'Rather difficult'), text('Mudah', 'Easy'), text('Sangat mudah', 'Very easy')),
  U3: answers(text('Tidak cepat', 'Not quick'), text('Kurang cepat', 'Rather slow'), text('Cepat', 'Quick'), text('Sangat cepat', 'Very quick')),
  U4: answers(text('Sangat mahal', 'Very expensive'), text('Cukup mahal', 'Fairly expensive'), text('Murah', 'Cheap'), text('Gratis', 'Free')),
  U5: FITTING,
  U6: answers(text('Tidak kompeten', 'Not competent'), text('Kurang kompeten', 'Barely competent'), text('Kompeten', 'Competent'), text('Sangat kompeten', 'Very competent')),
  U7: answers(text('Tidak sopan dan ramah', 'Not courteous or friendly'), text('Kurang sopan dan ramah', 'Barely courteous and friendly'), text('Sopan dan ramah', 'Courteous and friendly'), text('Sangat sopan dan ramah', 'Very courteous and friendly')),
  U8: answers(text('Tidak ada', 'There is no handling'), text('Ada tetapi tidak berfungsi', 'There is, but it does not work'), text('Berfungsi kurang maksimal', 'It works, not fully'), text('Dikelola dengan baik', 'It is well run')),
  U9: answers(text('Buruk', 'Poor'), text('Cukup', 'Adequate'), text('Baik', 'Good'), text('Sangat baik', 'Very good')),
};

/** The form's field of an element ('u1'…'u9') and of the free comment. */
export const fieldOf = (element: Element) => element.toLowerCase();
export const COMMENT_FIELD = 'saran';
export const MAX_COMMENT = 2000;

export interface Answer {
  /** U1…U9 in order. */
  readonly scores: readonly Score[];
  readonly comment: string;
}

export type AnswerCheck = { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly problems: Record<string, Text> };

/** One questionnaire as sent: every element answered 1–4, the comment optional and bounded. */
export function checkAnswers(form: Readonly<Record<string, string>>): AnswerCheck {
  const problems: Record<string, Text> = {};
  const scores: Score[] = [];
  for (const element of ELEMENTS) {
    const raw = (form[fieldOf(element)] ?? '').trim();
    const score = SCORES.find((s) => String(s) === raw);
    if (score === undefined) {
      problems[fieldOf(element)] = text(`Pilih satu jawaban untuk unsur ${element} (${ELEMENT_LABELS[element].id}).`, `Choose one answer for element ${element} (${ELEMENT_LABELS[element].en}).`);
    } else scores.push(score);
  }
  // Control characters (a NUL above all) cannot be stored and mean nothing in a comment; line breaks and tabs stay.
  const comment = (form[COMMENT_FIELD] ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (comment.length > MAX_COMMENT) problems[COMMENT_FIELD] = text(`Saran paling panjang ${MAX_COMMENT} karakter; kini ${comment.length}.`, `A suggestion has at most ${MAX_COMMENT} characters; this one has ${comment.length}.`);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, answer: { scores, comment } };
}

// ---------------------------------------------------------------------------------------------------
// Index and grade

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Readonly<Record<Grade, Text>> = {
  A: text('Sangat Baik', 'Very good'),
  B: text('Baik', 'Good'),
  C: text('Kurang Baik', 'Less than good'),
  D: text('Tidak Baik', 'Not good'),
};

/** The lowest index of each grade, in hundredths (DOMAIN.md §10: A 88.31, B 76.61, C 65.00, D 25.00). */
const GRADE_FLOORS: readonly (readonly [Grade, number])[] = [
  ['A', 8831],
  ['B', 7661],
  ['C', 6500],
];

/**
 * The grade of an index. The bounds are written to two decimals with gaps between them (88.30 | 88.31),
 * so the index is first rounded to two decimals, as it is published: 76.608 is 76.61, grade B.
 */
export function gradeOf(index: number): Grade {
  const hundredths = Math.round(index * 100);
  return GRADE_FLOORS.find(([, floor]) => hundredths >= floor)?.[0] ?? 'D';
}

/** What the database adds up for a set of answers: how many, and the sum of each element's scores. */
export interface SkmTally {
  readonly responses: number;
  /** U1…U9 in order. */
  readonly sums: readonly number[];
}

export interface ElementResult {
  readonly element: Element;
  /** Nilai rata-rata (NRR): the element's mean score, 1–4. */
  readonly mean: number;
  /** The mean × 25, rounded to two decimals. */
  readonly index: number;
  readonly grade: Grade;
}

export interface SkmResult {
  readonly responses: number;
  readonly elements: readonly ElementResult[];
  /** The mean of the element means, 1–4. */
  readonly mean: number;
  /** IKM: the mean of the element means × 25, rounded to two decimals. */
  readonly index: number;
  readonly grade: Grade;
}

/**
 * Integers all the way to the rounding: an element's index is 25 × sum / n, the overall one
 * 25 × (Σ sums / n) / 9, so each is one division rounded to hundredths, with no float drift near a
 * grade's bound.
 */
function hundredthsOf(numerator: number, denominator: number): number {
  return Math.round((2500 * numerator) / denominator);
}

/** The index and grade of a tally; null when nobody answered (no index is measured, not zero). */
export function skmResult(tally: SkmTally): SkmResult | null {
  const n = tally.responses;
  if (n <= 0) return null;
  const elements = ELEMENTS.map((element, i): ElementResult => {
    const sum = tally.sums[i] ?? 0;
    const index = hundredthsOf(sum, n) / 100;
    return { element, mean: sum / n, index, grade: gradeOf(index) };
  });
  const total = ELEMENTS.reduce((s, _, i) => s + (tally.sums[i] ?? 0), 0);
  const index = hundredthsOf(total, n * ELEMENTS.length) / 100;
  return { responses: n, elements, mean: total / (n * ELEMENTS.length), index, grade: gradeOf(index) };
}

/** "3,25" / "3.25": two decimals always, as indices are published. */
export function twoDecimals(lang: Lang, value: number): string {
  return value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function gradeText(lang: Lang, grade: Grade): string {
  return `${grade} (${t(lang, GRADE_LABELS[grade])})`;
}

// ---------------------------------------------------------------------------------------------------
// The desk's period: whole months, from one to another

export interface SkmPeriod {
  readonly fromMonth: string;
  readonly toMonth: string;
  /** Local days, both inclusive; `to` is today while the last month is still running. */
  readonly from: string;
  readonly to: string;
  readonly inProgress: boolean;
}

export const PERIOD_FIELDS = ['dari', 'sampai'] as const;

export type PeriodCheck = { readonly ok: true; readonly period: SkmPeriod } | { readonly ok: false; readonly problems: Record<string, Text> };

/** The months as asked for; empty means January of this year to this month (the year so far). */
export function checkPeriod(form: Readonly<Partial<Record<(typeof PERIOD_FIELDS)[number], string>>>, today: string): PeriodCheck {
  const fromRaw = (form.dari ?? '').trim() || `${today.slice(0, 4)}-01`;
  const toRaw = (form.sampai ?? '').trim() || today.slice(0, 7);
  const from = checkMonth(fromRaw, today);
  const to = checkMonth(toRaw, today);
  const problems: Record<string, Text> = {};
  if (!from.ok) problems.dari = from.problem;
  if (!to.ok) problems.sampai = to.problem;
  if (from.ok && to.ok && from.period.month > to.period.month) {
    problems.sampai = text(
      `Bulan akhir (${monthLabel('id', to.period.month)}) tidak boleh sebelum bulan awal (${monthLabel('id', from.period.month)}).`,
      `The last month (${monthLabel('en', to.period.month)}) cannot be before the first (${monthLabel('en', from.period.month)}).`,
    );
  }
  if (!from.ok || !to.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  const last = monthBounds(to.period.month).to;
  return {
    ok: true,
    period: { fromMonth: from.period.month, toMonth: to.period.month, from: from.period.from, to: last < today ? last : today, inProgress: to.period.inProgress },
  };
}

/** "Januari 2026 – Oktober 2026", or one month alone. */
export function periodLabel(lang: Lang, period: Pick<SkmPeriod, 'fromMonth' | 'toMonth'>): string {
  return period.fromMonth === period.toMonth ? monthLabel(lang, period.fromMonth) : `${monthLabel(lang, period.fromMonth)} – ${monthLabel(lang, period.toMonth)}`;
}
