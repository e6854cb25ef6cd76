import ExcelJS from 'exceljs';
import { Findings, shorten, type Finding } from './finding.ts';
import { maskPersonal, scanPersonal } from './personal.ts';
import { TooLargeToCheck, attr, readXmlParts, xmlText, zipDirectory } from './zip.ts';

/**
 * Limits, so a hostile workbook cannot exhaust the server: exceljs holds the whole workbook in
 * memory, so the inflated size is checked first (100 MB of XML is already a few hundred MB of
 * objects); cells are scanned up to one million, then the report says the check stopped.
 */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_CELLS = 1_000_000;

export async function checkXlsx(bytes: Uint8Array): Promise<Finding[]> {
  let unzipped = 0;
  for (const size of zipDirectory(bytes).values()) unzipped += size;
  if (unzipped > MAX_UNZIPPED_BYTES) throw new TooLargeToCheck(unzipped);

  const workbook = new ExcelJS.Workbook();
  // exceljs's Buffer type is the older, non-generic one; the bytes are the same.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const out = new Findings();
  let cells = 0;
  let stoppedAt: string | undefined;

  for (const sheet of workbook.worksheets) {
    const name = sheetRef(sheet.name);
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') out.add('hidden_sheet', sheet.name, sheet.state);

    const hiddenColumns: number[] = [];
    (sheet.columns ?? []).forEach((column, i) => {
      if (column.hidden) hiddenColumns.push(i + 1);
    });
    for (const [from, to] of runs(hiddenColumns)) out.add('hidden_column', `${name}!${columnLetters(from)}:${columnLetters(to)}`, '');

    const hiddenRows: number[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (row.hidden) hiddenRows.push(number);
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (stoppedAt || out.full) return;
        if (++cells > MAX_CELLS) {
          stoppedAt = `${name}!${cell.address}`;
          return;
        }
        for (const hit of scanPersonal(cell.text)) out.add(hit.kind, `${name}!${cell.address}`, hit.excerpt);
      });
    });
    for (const [from, to] of runs(hiddenRows)) out.add('hidden_row', from === to ? `${name}!${from}` : `${name}!${from}:${to}`, '');
  }

  for (const comment of readComments(bytes)) {
    const location = `${sheetRef(comment.sheet)}!${comment.ref}`;
    out.add('comment', location, shorten(maskPersonal(comment.text)));
    for (const hit of scanPersonal(comment.text)) out.add(hit.kind, location, hit.excerpt);
  }
  return out.done(stoppedAt);
}

/** Excel's own notation: a sheet name with spaces or punctuation is quoted, `'Data Warga'!B4`. */
function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 3 → C, 28 → AB. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Sorted numbers as runs: [2,3,4,7] → [[2,4],[7,7]], so a thousand hidden rows make one finding. */
function runs(numbers: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

interface SheetComment {
  readonly sheet: string;
  readonly ref: string;
  readonly text: string;
}

/** Comment parts are small XML; this bounds them apart from the workbook limit above. */
const MAX_COMMENT_BYTES = 20 * 1024 * 1024;

/**
 * Cell comments (notes), read from the parts themselves: exceljs attaches a note only to a cell that
 * has a value, and a note on an empty cell is still in the file. Threaded comments keep such a note
 * as their fallback, so they are found too. Path: workbook.xml names the sheets → its rels give each
 * sheet's part → the sheet's rels give its comments part.
 */
function readComments(bytes: Uint8Array): SheetComment[] {
  const parts = readXmlParts(
    bytes,
    (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(n) || /^xl\/[^/]*comments[^/]*\.xml$/i.test(n),
    MAX_COMMENT_BYTES,
  );
  const workbookRels = relationships(parts.get('xl/_rels/workbook.xml.rels') ?? '', 'xl/');
  const found: SheetComment[] = [];
  for (const tag of (parts.get('xl/workbook.xml') ?? '').match(/<sheet\s[^>]*>/g) ?? []) {
    const sheetPart = workbookRels.get(attr(tag, 'r:id') ?? '')?.target;
    if (!sheetPart) continue;
    const slash = sheetPart.lastIndexOf('/');
    const sheetRels = relationships(parts.get(`${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`) ?? '', sheetPart.slice(0, slash + 1));
    for (const rel of sheetRels.values()) {
      if (!rel.type.endsWith('/comments')) continue;
      for (const m of (parts.get(rel.target) ?? '').matchAll(/<comment\s([^>]*)>([\s\S]*?)<\/comment>/g)) {
        const commentText = [...m[2]!.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => xmlText(t[1]!)).join('');
        found.push({ sheet: attr(tag, 'name') ?? '', ref: attr(` ${m[1]}`, 'ref') ?? '', text: commentText });
      }
    }
  }
  return found;
}

/** A .rels part as Id → { type, target }, with targets resolved to part names from `baseDir`. */
function relationships(xml: string, baseDir: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const tag of xml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target && attr(tag, 'TargetMode') !== 'External') map.set(id, { type: attr(tag, 'Type') ?? '', target: resolvePart(baseDir, target) });
  }
  return map;
}

/** `../comments1.xml` from `xl/worksheets/` → `xl/comments1.xml`; `/xl/x.xml` → `xl/x.xml`. */
function resolvePart(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}
