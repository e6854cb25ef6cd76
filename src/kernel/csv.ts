/**
 * RFC 4180 CSV: quoted fields with commas, quotes and line breaks, CRLF or LF, a UTF-8 BOM, and the
 * semicolon separator that Excel writes on Indonesian-locale machines (detected from the header line).
 */
export interface CsvTable {
  readonly header: string[];
  /** Data rows with their line number in the file (1-based, header is line 1), for error messages. */
  readonly rows: { readonly line: number; readonly cells: Record<string, string> }[];
}

export function parseCsv(input: string): string[][] {
  const textIn = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const firstLine = textIn.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const c = textIn[i]!;
    if (quoted) {
      if (c === '"' && textIn[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && textIn[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Rows keyed by the (trimmed, lower-cased) header names. */
export function parseCsvTable(input: string): CsvTable {
  const all = parseCsv(input);
  const header = (all[0] ?? []).map((h) => h.trim().toLowerCase());
  let line = 1;
  const rows = all.slice(1).map((cells) => {
    line++;
    return { line, cells: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])) };
  });
  return { header, rows };
}
