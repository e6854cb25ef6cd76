import { CATEGORIES, CATEGORY_LABELS } from '../dip/rules.ts';
import { formatDay, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, DISPUTE_STAGE_LABELS, DISPUTE_STAGES, GROUND_LABELS, GROUNDS, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES } from '../objections/rules.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNELS, OUTCOME_LABELS, OUTCOMES, PASAL17, PASAL17_LABELS, unprintableProblem } from '../requests/rules.ts';
import { ELEMENT_LABELS, GRADES, gradeText, SHORT_ELEMENT_LABELS, twoDecimals, type Grade, type SkmResult } from '../survey/rules.ts';
import { ANSWER_BUCKETS, answerBuckets, BUCKET_LABELS, decidedCount, medianAnswerDays, type OfficeFigures } from './figures.ts';
import { barChart, decimal, outcomesOf, REGISTER_DECISION_LABELS, REGISTER_DECISIONS, SHORT_DECISION_LABELS, type ChartGeometry } from './rules.ts';

/**
 * The annual report on public information service (Laporan Layanan Informasi Publik, Perki 1/2021
 * Pasal 56) as pure functions: which year may be reported, the sections staff write, the tables every
 * figure is printed in (the page, the PDF and the XLSX all read them from here), and what changed
 * between two submitted versions. No storage, no HTTP.
 */

// ---------------------------------------------------------------------------------------------------
// Years and the deadline

/** UU 14/2008 came into force on 30 April 2010: no office reported public information service before. */
export const FIRST_YEAR = 2010;

export type YearCheck = { readonly ok: true; readonly year: number; readonly inProgress: boolean } | { readonly ok: false; readonly problem: Text };

/** The report year from a URL or a form: four digits, not before FIRST_YEAR, not after this year (which is a draft only). */
export function checkYear(raw: string, today: string): YearCheck {
  const value = raw.trim();
  if (!/^\d{4}$/.test(value)) return { ok: false, problem: text('Tulis tahun dengan empat angka, misalnya 2025.', 'Write the year as four digits, for example 2025.') };
  const year = Number(value);
  const current = Number(today.slice(0, 4));
  if (year < FIRST_YEAR) {
    return { ok: false, problem: text(`Laporan tahunan tersedia sejak tahun ${FIRST_YEAR}, tahun UU 14/2008 mulai berlaku.`, `Annual reports exist from ${FIRST_YEAR}, the year Law 14/2008 came into force.`) };
  }
  if (year > current) {
    return {
      ok: false,
      problem: text(
        `Tahun ${year} belum tiba: laporan tahunan hanya dapat disusun untuk tahun yang sudah berjalan atau sudah selesai.`,
        `The year ${year} has not come yet: an annual report can only be drawn up for a year that has begun or ended.`,
      ),
    };
  }
  return { ok: true, year, inProgress: year === current };
}

/** Local days of the report: the whole year, or up to today while it runs. */
export function yearPeriod(year: number, today: string): { from: string; to: string } {
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: end < today ? end : today };
}

/** Perki 1/2021 Pasal 56: ready within three months after the year, by 31 March. */
export function submissionDue(year: number): string {
  return `${year + 1}-03-31`;
}

/** A report is submitted once its year has ended; the running year can only be drafted. */
export function submitProblem(year: number, today: string): Text | undefined {
  if (year < Number(today.slice(0, 4))) return undefined;
  return text(
    `Tahun ${year} belum berakhir: laporannya dapat disusun sebagai draf dan disampaikan mulai 1 Januari ${year + 1} (paling lambat ${formatDay('id', submissionDue(year), false)}).`,
    `The year ${year} has not ended: its report can be drafted now and submitted from 1 January ${year + 1} (by ${formatDay('en', submissionDue(year), false)}).`,
  );
}

function daysFrom(a: string, b: string): number {
  const at = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((at(b) - at(a)) / 86_400_000);
}

export type DeadlineState =
  | { readonly kind: 'submitted'; readonly on: string; readonly late: boolean }
  | { readonly kind: 'open'; readonly due: string; readonly daysLeft: number }
  | { readonly kind: 'overdue'; readonly due: string; readonly daysOver: number };

/** Where the report of `year` stands against its deadline on `today` (calendar days: the deadline is a date, not a clock). */
export function deadlineState(year: number, today: string, submittedOn: string | null): DeadlineState {
  const due = submissionDue(year);
  if (submittedOn) return { kind: 'submitted', on: submittedOn, late: submittedOn > due };
  return today <= due ? { kind: 'open', due, daysLeft: daysFrom(today, due) } : { kind: 'overdue', due, daysOver: daysFrom(due, today) };
}

export function deadlineText(year: number, state: DeadlineState): Text {
  const due = submissionDue(year);
  const dueId = formatDay('id', due, false);
  const dueEn = formatDay('en', due, false);
  switch (state.kind) {
    case 'submitted':
      return state.late
        ? text(`Disampaikan ${formatDay('id', state.on, false)}, melewati batas ${dueId}.`, `Submitted on ${formatDay('en', state.on, false)}, after the ${dueEn} deadline.`)
        : text(`Disampaikan ${formatDay('id', state.on, false)}, sebelum batas ${dueId}.`, `Submitted on ${formatDay('en', state.on, false)}, before the ${dueEn} deadline.`);
    case 'open':
      return state.daysLeft === 0
        ? text(`Batas penyampaian hari ini, ${dueId}.`, `The deadline is today, ${dueEn}.`)
        : text(`Belum disampaikan; ${state.daysLeft} hari lagi sampai batas ${dueId}.`, `Not submitted yet; ${state.daysLeft} day${state.daysLeft === 1 ? '' : 's'} left until the ${dueEn} deadline.`);
    case 'overdue':
      return text(`Belum disampaikan; lewat ${state.daysOver} hari dari batas ${dueId}.`, `Not submitted; ${state.daysOver} day${state.daysOver === 1 ? '' : 's'} past the ${dueEn} deadline.`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The sections staff write (Pasal 56: policy; facilities, staff and budget; obstacles; recommendations)

export const NARRATIVE_KEYS = ['policy', 'facilities', 'staff', 'budget', 'obstacles', 'recommendations'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Readonly<Record<NarrativeKey, string>>;

export const NARRATIVE_LABELS: Readonly<Record<NarrativeKey, Text>> = {
  policy: text('Gambaran umum kebijakan pelayanan informasi publik', 'Overview of the public information service policy'),
  facilities: text('Sarana dan prasarana pelayanan informasi', 'Facilities for the information service'),
  staff: text('Sumber daya manusia PPID', "The PPID's staff"),
  budget: text('Anggaran pelayanan informasi', 'Budget of the information service'),
  obstacles: text('Kendala internal dan eksternal', 'Internal and external obstacles'),
  recommendations: text('Rekomendasi dan rencana tindak lanjut', 'Recommendations and follow-up plan'),
};

export const NARRATIVE_HINTS: Readonly<Record<NarrativeKey, Text>> = {
  policy: text('SK PPID, SOP, standar layanan dan kebijakan lain yang berlaku pada tahun ini.', 'The PPID decree, SOPs, service standard and other policies in force this year.'),
  facilities: text('Ruang layanan, meja informasi, situs web, dan sarana bagi penyandang disabilitas.', 'Service room, information desk, website, and facilities for people with disabilities.'),
  staff: text('Jumlah dan kualifikasi petugas, pelatihan yang diikuti.', 'Number and qualifications of staff, training attended.'),
  budget: text('Anggaran yang dialokasikan dan realisasinya.', 'The budget allocated and what was spent.'),
  obstacles: text('Hambatan dari dalam kantor dan dari luar.', 'Hindrances from inside and outside the office.'),
  recommendations: text('Usulan perbaikan dan langkah untuk tahun berikutnya.', 'Proposed improvements and steps for next year.'),
};

export const MAX_NARRATIVE = 20_000;

export function emptyNarrative(): Narrative {
  return Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, ''])) as Narrative;
}

/** The stored jsonb as sections; anything that is not a section's text is ignored. */
export function narrativeOf(stored: unknown): Narrative {
  const record = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, typeof record[k] === 'string' ? record[k] : ''])) as Narrative;
}

export type NarrativeCheck = { readonly ok: true; readonly narrative: Narrative } | { readonly ok: false; readonly problems: Record<string, Text> };

/** The sections as typed: bounded, and printable on the PDF (a character the PDF cannot print is refused, not turned into "?"). */
export function checkNarrative(form: Readonly<Record<string, string>>): NarrativeCheck {
  const problems: Record<string, Text> = {};
  const narrative: Record<string, string> = {};
  for (const key of NARRATIVE_KEYS) {
    // Control characters mean nothing in a report and a NUL cannot be stored; a tab is a space on paper; line breaks stay.
    const value = (form[key] ?? '').replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
    narrative[key] = value;
    if (value.length > MAX_NARRATIVE) problems[key] = text(`Paling panjang ${MAX_NARRATIVE} karakter; kini ${value.length}.`, `At most ${MAX_NARRATIVE} characters; this has ${value.length}.`);
    else {
      const unprintable = unprintableProblem(value);
      if (unprintable) problems[key] = unprintable;
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, narrative: narrative as Narrative };
}

/** Pasal 56 asks for every section: a report is not submitted with one left empty. */
export function missingSections(narrative: Narrative): Record<string, Text> {
  return Object.fromEntries(
    NARRATIVE_KEYS.filter((k) => narrative[k].trim() === '').map((k) => [k, text('Isi bagian ini sebelum laporan disampaikan.', 'Fill in this section before the report is submitted.')]),
  );
}

// ---------------------------------------------------------------------------------------------------
// Figures and their tables

/** What a version holds: frozen into annual_reports.figures at submission, live for a draft. */
export interface AnnualFigures {
  readonly year: number;
  readonly from: string;
  readonly to: string;
  /** The day lateness was judged on: the day of submission, or today for a draft. */
  readonly asOf: string;
  /** null: nothing was received, filed or decided in the year; the report says so instead of zeros. */
  readonly requests: OfficeFigures | null;
  /** null: no applicant answered the satisfaction survey in the year. */
  readonly skm: SkmResult | null;
  /**
   * A submitted version's tables as they were printed (labels and values), stored with it: the
   * report reads these, so a later change to how lines are worked out cannot change what was submitted.
   */
  readonly printed?: Readonly<Record<FigureChapter, ChapterTables>>;
}

/** The chapters whose tables come from figures (the rest are written sections). */
export type FigureChapter = 'requests' | 'cases' | 'skm';
export interface ChapterTables {
  readonly tables: readonly ReportTable[];
  /** Said instead of a table of zeros when the chapter has no data. */
  readonly empty: Text | null;
}

/** The stored jsonb of a submitted version, read back. */
export function frozenFigures(stored: unknown): AnnualFigures | null {
  if (!stored || typeof stored !== 'object') return null;
  const f = stored as Partial<AnnualFigures>;
  if (typeof f.year !== 'number' || typeof f.from !== 'string' || typeof f.to !== 'string' || typeof f.asOf !== 'string') return null;
  if (!f.printed || typeof f.printed !== 'object') return null;
  return { year: f.year, from: f.from, to: f.to, asOf: f.asOf, requests: f.requests ?? null, skm: f.skm ?? null, printed: f.printed };
}

/** The figures as they are submitted: with every chapter's tables printed into them. */
export function freeze(f: AnnualFigures): AnnualFigures {
  const chapters: FigureChapter[] = ['requests', 'cases', 'skm'];
  return { ...f, printed: Object.fromEntries(chapters.map((c) => [c, chapterTables(f, c)])) as Record<FigureChapter, ChapterTables> };
}

export type LineUnit = 'count' | 'days' | 'index' | 'grade';
export type LineValue = number | string | null;

export interface ReportLine {
  /** Stable across versions and languages: changes are found by it, and the XLSX prints it as a code. */
  readonly key: string;
  readonly label: Text;
  /** A count, working days or an index; a grade letter; null when there is nothing to take it of. */
  readonly value: LineValue;
  readonly unit: LineUnit;
}

export interface ReportTable {
  readonly id: string;
  readonly title: Text;
  /** The XLSX sheet's name: short (a sheet name holds at most 31 characters). */
  readonly sheet: Text;
  readonly lines: readonly ReportLine[];
}

const count = (key: string, label: Text, value: number): ReportLine => ({ key, label, value, unit: 'count' });

/** Register decisions from the outcome counts: given in full, in part, refused, not given, pending. */
function decisionCounts(f: OfficeFigures): Record<(typeof REGISTER_DECISIONS)[number], number> {
  return Object.fromEntries(REGISTER_DECISIONS.map((d) => [d, outcomesOf(d).reduce((sum, o) => sum + (f.byOutcome[o ?? 'pending'] ?? 0), 0)])) as Record<(typeof REGISTER_DECISIONS)[number], number>;
}

/** A Pasal 17 label without its "a. " (the letter is said before it). */
const strip = (label: string) => label.replace(/^[a-j]\. /, '');

/** Section C of Pasal 56: the requests, how long they took and how they ended. */
export function requestTables(f: OfficeFigures): ReportTable[] {
  const buckets = answerBuckets(f);
  const decisions = decisionCounts(f);
  return [
    {
      id: 'requests',
      sheet: text('Saluran', 'Channels'),
      title: text('Permohonan informasi yang diterima menurut saluran', 'Requests for information received, by channel'),
      lines: [...CHANNELS.map((c) => count(`channel.${c}`, CHANNEL_LABELS[c], f.byChannel[c] ?? 0)), count('requests.total', text('Jumlah permohonan', 'Total requests'), f.requests)],
    },
    {
      id: 'applicants',
      sheet: text('Jenis pemohon', 'Applicants'),
      title: text('Permohonan menurut jenis pemohon', 'Requests by type of applicant'),
      lines: APPLICANT_TYPES.map((a) => count(`applicant.${a}`, APPLICANT_TYPE_LABELS[a], f.byApplicantType[a] ?? 0)),
    },
    {
      id: 'categories',
      sheet: text('Kategori', 'Categories'),
      title: text('Permohonan menurut kategori informasi', 'Requests by category of information'),
      lines: [
        ...CATEGORIES.map((c) => count(`category.${c}`, CATEGORY_LABELS[c], f.byCategory[c] ?? 0)),
        count('category.unclassified', text('Belum dikategorikan (tidak ditentukan PPID atau belum diputus)', 'Not classified (none given by the PPID, or not decided yet)'), f.byCategory.unclassified ?? 0),
      ],
    },
    {
      id: 'time',
      sheet: text('Waktu jawab', 'Time to answer'),
      title: text('Waktu yang diperlukan untuk memenuhi permohonan', 'Time taken to answer the requests'),
      lines: [
        count('time.decided', text('Permohonan yang sudah diputus', 'Requests decided'), decidedCount(f)),
        ...ANSWER_BUCKETS.map((b) => count(`time.${b.key}`, BUCKET_LABELS[b.key], buckets[b.key])),
        { key: 'time.median', label: text('Median hari kerja sampai keputusan', 'Median working days to the decision'), value: medianAnswerDays(f), unit: 'days' },
        count('time.late', text('Diputus melewati batas waktu, atau belum diputus dan sudah lewat', 'Decided after the deadline, or undecided and past it'), f.late),
        count('time.overdue_open', text('Belum diputus dan sudah lewat batas waktu', 'Not decided and past the deadline'), f.overdueOpen),
      ],
    },
    {
      id: 'decisions',
      sheet: text('Keputusan', 'Decisions'),
      title: text('Permohonan dikabulkan seluruhnya, sebagian, dan ditolak', 'Requests granted in full, in part, and refused'),
      lines: REGISTER_DECISIONS.map((d) => count(`decision.${d}`, REGISTER_DECISION_LABELS[d], decisions[d])),
    },
    {
      id: 'outcomes',
      sheet: text('Penyelesaian', 'Outcomes'),
      title: text('Rincian penyelesaian permohonan', 'How the requests ended'),
      lines: [...OUTCOMES.map((o) => count(`outcome.${o}`, OUTCOME_LABELS[o], f.byOutcome[o] ?? 0)), count('outcome.pending', text('Belum diputus', 'Not decided yet'), f.byOutcome.pending ?? 0)],
    },
    {
      id: 'refusals',
      sheet: text('Pasal 17', 'Article 17'),
      title: text('Permohonan ditolak atau dijelaskan dikecualikan, menurut alasan Pasal 17 UU 14/2008', 'Requests refused or explained as exempt, by the ground of article 17 of Law 14/2008'),
      lines: [
        ...PASAL17.map((p) => count(`pasal17.${p}`, text(`Pasal 17 huruf ${p}: ${strip(PASAL17_LABELS[p].id)}`, `Article 17(${p}): ${strip(PASAL17_LABELS[p].en)}`), f.refusedByPasal17[p] ?? 0)),
        count('pasal17.unknown', text('Alasan tidak tercatat', 'No ground recorded'), f.refusedByPasal17.unknown ?? 0),
      ],
    },
  ];
}

/** Section D of Pasal 56: objections and their answers, disputes and their outcomes. */
export function caseTables(f: OfficeFigures): ReportTable[] {
  return [
    {
      id: 'objections',
      sheet: text('Keberatan', 'Objections'),
      title: text('Keberatan yang diterima dan tanggapannya', 'Objections received and how they were answered'),
      lines: [
        count('objections.total', text('Jumlah keberatan', 'Total objections'), f.objections),
        ...OBJECTION_STATUSES.map((s) => count(`objections.status.${s}`, OBJECTION_STATUS_LABELS[s], f.objectionsByStatus[s] ?? 0)),
        count('objections.late', text('Ditanggapi melewati 30 hari kerja, atau belum dan sudah lewat', 'Answered after the 30 working days, or unanswered and past them'), f.objectionsLate),
      ],
    },
    {
      id: 'grounds',
      sheet: text('Alasan keberatan', 'Objection grounds'),
      title: text('Keberatan menurut alasan (Pasal 35 UU 14/2008; satu keberatan dapat beralasan lebih dari satu)', 'Objections by ground (article 35 of Law 14/2008; one objection may have several)'),
      lines: GROUNDS.map((g) => count(`objections.ground.${g}`, GROUND_LABELS[g], f.objectionsByGround[g] ?? 0)),
    },
    {
      id: 'disputes',
      sheet: text('Sengketa', 'Disputes'),
      title: text('Sengketa informasi di Komisi Informasi dan hasilnya', 'Information disputes at the Information Commission and their outcomes'),
      lines: [
        count('disputes.total', text('Jumlah sengketa', 'Total disputes'), f.disputes),
        ...DISPUTE_STAGES.map((s) => count(`disputes.stage.${s}`, text(`Tahap: ${DISPUTE_STAGE_LABELS[s].id}`, `Stage: ${DISPUTE_STAGE_LABELS[s].en}`), f.disputesByStage[s] ?? 0)),
        ...DISPUTE_OUTCOMES.map((o) => count(`disputes.outcome.${o}`, text(`Hasil: ${DISPUTE_OUTCOME_LABELS[o].id}`, `Outcome: ${DISPUTE_OUTCOME_LABELS[o].en}`), f.disputesByOutcome[o] ?? 0)),
      ],
    },
  ];
}

/** The satisfaction survey (PermenPANRB 14/2017): the index, its grade, and each element's index. */
export function skmTable(s: SkmResult): ReportTable {
  return {
    id: 'skm',
    sheet: text('SKM', 'Survey'),
    title: text('Survei Kepuasan Masyarakat atas layanan informasi', 'Satisfaction survey of the information service'),
    lines: [
      count('skm.responses', text('Jumlah responden', 'Respondents'), s.responses),
      { key: 'skm.index', label: text('Indeks Kepuasan Masyarakat (IKM)', 'Satisfaction index (IKM)'), value: s.index, unit: 'index' },
      { key: 'skm.grade', label: text('Mutu pelayanan', 'Service grade'), value: s.grade, unit: 'grade' },
      ...s.elements.map((e): ReportLine => ({ key: `skm.${e.element}`, label: text(`${e.element} ${ELEMENT_LABELS[e.element].id}`, `${e.element} ${ELEMENT_LABELS[e.element].en}`), value: e.index, unit: 'index' })),
    ],
  };
}

/** Every table of a version, in the report's order; empty when the year has neither figures nor survey answers. */
export function reportTables(f: AnnualFigures): ReportTable[] {
  if (f.printed) return [...f.printed.requests.tables, ...f.printed.cases.tables, ...f.printed.skm.tables];
  return [...(f.requests ? [...requestTables(f.requests), ...caseTables(f.requests)] : []), ...(f.skm ? [skmTable(f.skm)] : [])];
}

const isGrade = (value: unknown): value is Grade => (GRADES as readonly unknown[]).includes(value);

/** A figure as words: counts as they are, working days with one decimal, indices with two, a grade with its name. */
export function lineText(lang: Lang, unit: LineUnit, value: LineValue): string {
  if (value === null) return unit === 'days' ? '—' : t(lang, text('tidak ada data', 'no data'));
  if (unit === 'grade') return isGrade(value) ? gradeText(lang, value) : String(value);
  if (typeof value !== 'number') return String(value);
  if (unit === 'days') return decimal(lang, value);
  if (unit === 'index') return twoDecimals(lang, value);
  return String(value);
}

export function noFiguresText(year: number): Text {
  return text(
    `Tidak ada permohonan informasi, keberatan, atau sengketa yang tercatat pada tahun ${year}. Tidak ada angka yang dapat diukur untuk tahun ini.`,
    `No request for information, objection or dispute was recorded in ${year}. There are no figures to measure for this year.`,
  );
}

export function noCasesText(year: number): Text {
  return text(`Tidak ada keberatan yang diterima dan tidak ada sengketa informasi yang diajukan pada tahun ${year}.`, `No objection was received and no information dispute was filed in ${year}.`);
}

export function noSurveyText(year: number): Text {
  return text(`Tidak ada pemohon yang mengisi survei kepuasan pada tahun ${year}; indeks kepuasan tidak dapat diukur.`, `No applicant answered the satisfaction survey in ${year}; no satisfaction index can be measured.`);
}

/** The report's chapters in Pasal 56's order: written sections, or figures of one kind. */
export type Chapter = { readonly letter: string; readonly title: Text } & (
  | { readonly kind: 'narrative'; readonly sections: readonly NarrativeKey[] }
  | { readonly kind: 'requests' | 'cases' | 'skm' }
);

export const CHAPTERS: readonly Chapter[] = [
  { letter: 'A', title: NARRATIVE_LABELS.policy, kind: 'narrative', sections: ['policy'] },
  { letter: 'B', title: text('Gambaran umum pelaksanaan pelayanan informasi publik', 'Overview of how the information service was run'), kind: 'narrative', sections: ['facilities', 'staff', 'budget'] },
  { letter: 'C', title: text('Rincian pelayanan informasi publik', 'Details of the public information service'), kind: 'requests' },
  { letter: 'D', title: text('Rincian penyelesaian keberatan dan sengketa informasi', 'Details of objections and information disputes'), kind: 'cases' },
  { letter: 'E', title: text('Survei kepuasan masyarakat', 'Satisfaction survey'), kind: 'skm' },
  { letter: 'F', title: NARRATIVE_LABELS.obstacles, kind: 'narrative', sections: ['obstacles'] },
  { letter: 'G', title: NARRATIVE_LABELS.recommendations, kind: 'narrative', sections: ['recommendations'] },
];

/**
 * A figures chapter's tables, or the sentence that says there is nothing to measure: never a table of
 * zeros for a year with no data, nor for objections and disputes when there were none.
 */
export function chapterTables(f: AnnualFigures, kind: FigureChapter): ChapterTables {
  if (f.printed) return f.printed[kind];
  if (kind === 'skm') return f.skm ? { tables: [skmTable(f.skm)], empty: null } : { tables: [], empty: noSurveyText(f.year) };
  if (!f.requests) return { tables: [], empty: kind === 'requests' ? noFiguresText(f.year) : noCasesText(f.year) };
  if (kind === 'requests') return { tables: requestTables(f.requests), empty: null };
  return f.requests.objections + f.requests.disputes > 0 ? { tables: caseTables(f.requests), empty: null } : { tables: [], empty: noCasesText(f.year) };
}

/** Where the figures come from and up to when, one sentence. */
export function sourceText(lang: Lang, f: AnnualFigures, frozen: boolean): string {
  const range = `${formatDay(lang, f.from, false)} – ${formatDay(lang, f.to, false)}`;
  return t(
    lang,
    frozen
      ? text(
          `Angka dihitung dari register permohonan, register keberatan, daftar sengketa dan jawaban survei kepuasan untuk ${range}, dan dibekukan saat laporan disampaikan (keterlambatan dinilai pada ${formatDay('id', f.asOf, false)}). Perubahan data sesudahnya tidak mengubah versi ini.`,
          `Figures are counted from the register of requests, the register of objections, the list of disputes and the satisfaction survey answers for ${range}, and were frozen when the report was submitted (lateness judged on ${formatDay('en', f.asOf, false)}). Later changes to the data do not change this version.`,
        )
      : text(
          `Angka dihitung langsung dari register permohonan, register keberatan, daftar sengketa dan jawaban survei kepuasan untuk ${range} (keterlambatan dinilai hari ini). Angka draf mengikuti register sampai laporan disampaikan.`,
          `Figures are counted live from the register of requests, the register of objections, the list of disputes and the satisfaction survey answers for ${range} (lateness judged today). A draft's figures follow the registers until the report is submitted.`,
        ),
  );
}

// ---------------------------------------------------------------------------------------------------
// Charts (the page draws them as SVG, the PDF as an SVG node)

export interface AnnualChart {
  readonly id: string;
  readonly title: Text;
  readonly geometry: ChartGeometry;
}

export function annualCharts(f: OfficeFigures, lang: Lang): AnnualChart[] {
  const buckets = answerBuckets(f);
  const decisions = decisionCounts(f);
  return [
    { id: 'chart-channel', title: text('Permohonan menurut saluran', 'Requests by channel'), geometry: barChart(CHANNELS.map((c) => ({ label: t(lang, CHANNEL_LABELS[c]), value: f.byChannel[c] ?? 0 }))) },
    { id: 'chart-time', title: text('Waktu sampai keputusan', 'Time to the decision'), geometry: barChart(ANSWER_BUCKETS.map((b) => ({ label: t(lang, BUCKET_LABELS[b.key]).replace(/ \(.*\)$/, ''), value: buckets[b.key] }))) },
    { id: 'chart-decision', title: text('Keputusan atas permohonan', 'Decisions on the requests'), geometry: barChart(REGISTER_DECISIONS.map((d) => ({ label: t(lang, SHORT_DECISION_LABELS[d]), value: decisions[d] }))) },
  ];
}

export function skmChart(s: SkmResult, lang: Lang): AnnualChart {
  return { id: 'chart-skm', title: text('Indeks per unsur pelayanan', 'Index per service element'), geometry: barChart(s.elements.map((e) => ({ label: `${e.element} ${t(lang, SHORT_ELEMENT_LABELS[e.element])}`, value: e.index }))) };
}

// ---------------------------------------------------------------------------------------------------
// What changed between two submitted versions

export interface FigureChange {
  readonly key: string;
  readonly table: Text;
  readonly label: Text;
  readonly unit: LineUnit;
  /** null: the figure was not measured in that version (no data). */
  readonly before: LineValue;
  readonly after: LineValue;
}

export interface ReportChanges {
  readonly previousVersion: number;
  readonly figures: readonly FigureChange[];
  /** The written sections whose text differs. */
  readonly sections: readonly NarrativeKey[];
}

export interface VersionContent {
  readonly version: number;
  readonly figures: AnnualFigures;
  readonly narrative: Narrative;
}

function linesOf(f: AnnualFigures): Map<string, { table: Text; line: ReportLine }> {
  return new Map(reportTables(f).flatMap((table) => table.lines.map((line) => [line.key, { table: table.title, line }] as const)));
}

/** Every figure and written section of `next` that differs from `previous`, in the report's order. */
export function changesBetween(previous: VersionContent, next: VersionContent): ReportChanges {
  const before = linesOf(previous.figures);
  const after = linesOf(next.figures);
  const figures: FigureChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (b?.line.value !== a.line.value) figures.push({ key, table: a.table, label: a.line.label, unit: a.line.unit, before: b?.line.value ?? null, after: a.line.value });
  }
  for (const [key, b] of before) {
    if (!after.has(key)) figures.push({ key, table: b.table, label: b.line.label, unit: b.line.unit, before: b.line.value, after: null });
  }
  return { previousVersion: previous.version, figures, sections: NARRATIVE_KEYS.filter((k) => previous.narrative[k] !== next.narrative[k]) };
}

/** The stored jsonb of a version's changes, read back. */
export function storedChanges(stored: unknown): ReportChanges | null {
  if (!stored || typeof stored !== 'object') return null;
  const c = stored as Partial<ReportChanges>;
  if (typeof c.previousVersion !== 'number' || !Array.isArray(c.figures) || !Array.isArray(c.sections)) return null;
  return { previousVersion: c.previousVersion, figures: c.figures, sections: c.sections.filter((s): s is NarrativeKey => (NARRATIVE_KEYS as readonly unknown[]).includes(s)) };
}

/** In words rather than an arrow: the PDF's fonts have no arrow. */
export function changeText(lang: Lang, change: FigureChange): string {
  const [before, after] = [lineText(lang, change.unit, change.before), lineText(lang, change.unit, change.after)];
  return `${t(lang, change.label)}: ${t(lang, text(`dari ${before} menjadi ${after}`, `from ${before} to ${after}`))}`;
}

/** The reason for a new version: the public reads it beside what changed. */
export function checkReason(raw: string): { ok: true; reason: string } | { ok: false; problem: Text } {
  const reason = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (reason.length < 10 || reason.length > 2000) {
    return { ok: false, problem: text('Tulis mengapa versi baru dibuat (10–2000 karakter); alasan ini ikut diterbitkan.', 'Say why a new version is made (10–2000 characters); the reason is published with it.') };
  }
  const unprintable = unprintableProblem(reason);
  return unprintable ? { ok: false, problem: unprintable } : { ok: true, reason };
}

/** "Laporan Layanan Informasi Publik Tahun 2025". */
const REPORT_TITLE = text('Laporan Layanan Informasi Publik', 'Public Information Service Report');

export function reportTitle(lang: Lang, year: number): string {
  return t(lang, text(`${REPORT_TITLE.id} Tahun ${year}`, `${REPORT_TITLE.en} ${year}`));
}

/** Which version a page or file shows: a stored version, or the live preview before any draft exists. */
export function versionLabel(lang: Lang, version: number | null, status: 'draft' | 'submitted' | 'preview'): string {
  if (status === 'preview' || version === null) return t(lang, text('Pratinjau (belum ada draf)', 'Preview (no draft yet)'));
  return t(lang, status === 'draft' ? text(`Versi ${version} (draf)`, `Version ${version} (draft)`) : text(`Versi ${version}`, `Version ${version}`));
}
