import { detectFileType } from './detect.ts';
import { checkDocx } from './docx.ts';
import { Findings, finding, type CheckReport, type Finding } from './finding.ts';
import { checkPdf } from './pdf.ts';
import { scanPersonal } from './personal.ts';
import { checkXlsx } from './xlsx.ts';
import { TooLargeToCheck } from './zip.ts';

export { detectFileType, fileTypeProblem, RELEASE_TYPES, typeLabel, type DetectedType } from './detect.ts';
export type { CheckReport, Finding, FindingKind } from './finding.ts';
export { maskPersonal, scanPersonal, type PersonalHit } from './personal.ts';

/** Plain text is scanned up to 20 MB of characters (the upload limit); more is reported as not checked. */
const MAX_TEXT_CHARS = 20 * 1024 * 1024;

/**
 * The one checker every file passes before it reaches an applicant (request answers now, the DIP
 * later). It shows what it found; the staff decide. It never throws: a file it cannot read gives a
 * single `unreadable` finding, because "nothing found" would wrongly say the file is clean.
 * `filename` is only for the report: the type comes from the bytes.
 */
export async function checkFile(bytes: Uint8Array, filename: string): Promise<CheckReport> {
  const type = detectFileType(bytes);
  try {
    switch (type) {
      case 'pdf':
        return { type, findings: await checkPdf(bytes) };
      case 'docx':
        return { type, findings: checkDocx(bytes) };
      case 'xlsx':
        return { type, findings: await checkXlsx(bytes) };
      case 'text':
        return { type, findings: checkText(bytes) };
      case 'png':
      case 'jpeg':
      case 'gif':
      case 'webp':
        // An image has no hidden sheets, layers or text to read; the staff see what it shows.
        return { type, findings: [] };
      default:
        // Anything else was not looked into, and an empty report would read as "clean".
        return { type, findings: [finding('unreadable', filename, '')] };
    }
  } catch (error) {
    const why = error instanceof TooLargeToCheck ? `> ${Math.round(error.unzippedBytes / (1024 * 1024))} MB` : '';
    return { type, findings: [finding('unreadable', filename, why)] };
  }
}

function checkText(bytes: Uint8Array): Finding[] {
  const out = new Findings();
  const whole = new TextDecoder().decode(bytes);
  const content = whole.slice(0, MAX_TEXT_CHARS);
  const lineStarts = [0];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (const hit of scanPersonal(content)) {
    if (out.full) break;
    out.add(hit.kind, `L${lineOf(lineStarts, hit.index)}`, hit.excerpt);
  }
  return out.done(whole.length > MAX_TEXT_CHARS ? `L${lineStarts.length}` : undefined);
}

/** 1-based line of a character offset, by binary search over the line starts. */
function lineOf(lineStarts: readonly number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
