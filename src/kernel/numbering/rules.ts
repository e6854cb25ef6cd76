import { text, type Text } from '../i18n.ts';

/**
 * An office's number pattern, e.g. `{seq}/PPID/{code}/{romanMonth}/{year}` or `{seq:3}/{year}`.
 * Text outside braces is copied as written; each `{token}` is replaced when a number is issued.
 */
type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'seq'; readonly width: number }
  | { readonly kind: 'year' | 'month' | 'romanMonth' | 'code' | 'series' };

export interface NumberValues {
  /** The counter value for this office, series and year (1, 2, …). */
  readonly seq: number;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** The office code, e.g. "21.02". */
  readonly code: string;
  /** The counter series, e.g. "letter" or "request". */
  readonly series: string;
}

const TOKENS = ['seq', 'year', 'month', 'romanMonth', 'code', 'series'] as const;
const MAX_PATTERN_LENGTH = 120;
const MAX_SEQ_WIDTH = 9;
/** Literal text is printable ASCII: numbers are typed by people, sorted, and printed with the PDF standard fonts. */
const LITERAL = /^[\x20-\x7e]*$/;
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

type Parsed = { readonly segments: Segment[] } | { readonly problem: Text };

function parse(pattern: string): Parsed {
  if (pattern.length === 0) return { problem: text('Pola nomor wajib diisi.', 'The number pattern is required.') };
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { problem: text(`Pola nomor paling panjang ${MAX_PATTERN_LENGTH} karakter.`, `The number pattern has at most ${MAX_PATTERN_LENGTH} characters.`) };
  }
  const segments: Segment[] = [];
  // Tokens are `{name}` or `{name:width}`; anything else with a brace is reported, never copied.
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m.index > last) segments.push({ kind: 'literal', text: pattern.slice(last, m.index) });
    const [name, width, ...rest] = (m[1] ?? '').split(':');
    if (!(TOKENS as readonly string[]).includes(name ?? '') || rest.length > 0) {
      return {
        problem: text(
          `Penanda {${m[1]}} tidak dikenal; yang dikenal: ${TOKENS.map((t) => `{${t}}`).join(', ')}.`,
          `Unknown token {${m[1]}}; known tokens: ${TOKENS.map((t) => `{${t}}`).join(', ')}.`,
        ),
      };
    }
    if (width !== undefined && name !== 'seq') {
      return { problem: text(`Lebar angka hanya berlaku untuk {seq}, bukan {${m[1]}}.`, `A width applies only to {seq}, not {${m[1]}}.`) };
    }
    if (name === 'seq') {
      if (width !== undefined && !new RegExp(`^[1-${MAX_SEQ_WIDTH}]$`).test(width)) {
        return { problem: text(`Lebar {seq:…} harus angka 1–${MAX_SEQ_WIDTH}.`, `The width in {seq:…} must be a digit 1–${MAX_SEQ_WIDTH}.`) };
      }
      segments.push({ kind: 'seq', width: width === undefined ? 1 : Number(width) });
    } else {
      segments.push({ kind: name as 'year' | 'month' | 'romanMonth' | 'code' | 'series' });
    }
    last = re.lastIndex;
  }
  if (last < pattern.length) segments.push({ kind: 'literal', text: pattern.slice(last) });
  for (const s of segments) {
    if (s.kind !== 'literal') continue;
    if (/[{}]/.test(s.text)) return { problem: text('Pola nomor memuat kurung kurawal yang tidak berpasangan.', 'The number pattern has an unmatched brace.') };
    if (!LITERAL.test(s.text)) {
      return { problem: text('Di luar penanda, pola nomor hanya boleh memuat huruf, angka, spasi dan tanda baca biasa.', 'Outside tokens, the number pattern may hold only letters, digits, spaces and plain punctuation.') };
    }
  }
  const seqCount = segments.filter((s) => s.kind === 'seq').length;
  if (seqCount !== 1) {
    return { problem: text('Pola nomor harus memuat {seq} tepat satu kali.', 'The number pattern must contain {seq} exactly once.') };
  }
  // Counters restart every year, so a pattern without the year would repeat last year's numbers.
  if (!segments.some((s) => s.kind === 'year')) {
    return { problem: text('Pola nomor harus memuat {year}, karena urutan dimulai lagi setiap tahun.', 'The number pattern must contain {year}, because the sequence restarts every year.') };
  }
  return { segments };
}

/** What is wrong with a pattern, in both languages, or undefined when it can be used. */
export function patternProblem(pattern: string): Text | undefined {
  const parsed = parse(pattern);
  return 'problem' in parsed ? parsed.problem : undefined;
}

export function romanMonth(month: number): string {
  const roman = ROMAN_MONTHS[month - 1];
  if (!roman) throw new RangeError(`month out of range: ${month}`);
  return roman;
}

/** The number for these values. The pattern must have passed `patternProblem`; a bad one is a bug here. */
export function formatNumber(pattern: string, values: NumberValues): string {
  const parsed = parse(pattern);
  if ('problem' in parsed) throw new Error(`invalid number pattern: ${parsed.problem.en}`);
  if (!Number.isSafeInteger(values.seq) || values.seq < 1) throw new RangeError(`seq out of range: ${values.seq}`);
  return parsed.segments
    .map((s) => {
      switch (s.kind) {
        case 'literal':
          return s.text;
        case 'seq':
          return String(values.seq).padStart(s.width, '0');
        case 'year':
          return String(values.year);
        case 'month':
          return String(values.month).padStart(2, '0');
        case 'romanMonth':
          return romanMonth(values.month);
        case 'code':
          return values.code;
        case 'series':
          return values.series;
      }
    })
    .join('');
}
