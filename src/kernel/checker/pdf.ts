import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Findings, shorten, type Finding } from './finding.ts';
import { maskPersonal, scanPersonal } from './personal.ts';

/**
 * Limits, so a hostile PDF cannot hold the server: pages are read up to 300, and no new page is
 * started after 30 s; on each page at most 300,000 drawing operations and 200,000 characters are
 * looked at. pdfjs runs in this thread (no worker in Node), so one pathological page can still take
 * its own time; the limits bound how many such pages there are.
 */
const MAX_PAGES = 300;
const MAX_MILLIS = 30_000;
const MAX_OPS_PER_PAGE = 300_000;
const MAX_GLYPHS_PER_PAGE = 200_000;

/** A fill at or below this brightness (0 black … 1 white) counts as a box meant to hide what is under it. */
const DARK = 0.35;
/** Smaller fills are rules, underlines and table borders, not boxes over text. */
const MIN_BOX_SIDE = 4;

const FILL_OPS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention: apply m first, then n. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdfjs passes matrices as plain arrays or typed arrays. */
function toMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object' || !('length' in value) || value.length !== 6) return undefined;
  const m = Array.from(value as ArrayLike<unknown>, Number);
  return m.every(Number.isFinite) ? (m as Matrix) : undefined;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const inside = (b: Box, x: number, y: number) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** A character as drawn: where its middle lands in page space, and when (operator index). */
interface Glyph {
  readonly op: number;
  readonly x: number;
  readonly y: number;
  readonly char: string;
}

/** What one page draws, from its operator list. */
interface PageDrawing {
  readonly glyphs: Glyph[];
  /** Dark filled rectangles, with the operator index that painted them. */
  readonly boxes: { readonly op: number; readonly box: Box }[];
  /** Text drawn while an optional content group that is off by default was in force, by group id. */
  readonly hiddenText: Map<string, string>;
  readonly truncated: boolean;
}

interface OptionalContent {
  isVisible(group: unknown): boolean;
}

function brightness(hex: unknown): number {
  const m = typeof hex === 'string' ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) : null;
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** The group ids of an optional-content marker: one for an OCG, several for a membership dictionary. */
function groupIds(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const { id, ids } = data as { id?: unknown; ids?: unknown };
  if (typeof id === 'string') return [id];
  return Array.isArray(ids) ? ids.filter((i): i is string => typeof i === 'string') : [];
}

/**
 * Follows the graphics and text state through the operator list far enough to know where each
 * character lands, which fills are dark rectangles, and which content sits in a hidden layer.
 * Character positions come from the glyph widths; kerning inside a TJ array is applied, rise and
 * vertical writing are not (a box covers a whole line, so the middle of each character is enough).
 */
function walkOperators(fnArray: number[], argsArray: unknown[][], layers: OptionalContent): PageDrawing {
  const glyphs: Glyph[] = [];
  const boxes: { op: number; box: Box }[] = [];
  const hiddenText = new Map<string, string>();
  let graphics = { ctm: IDENTITY, dark: true };
  const graphicsStack: (typeof graphics)[] = [];
  let tm = IDENTITY;
  let tlm = IDENTITY;
  let fontSize = 0;
  let leading = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  /** One entry per open marked-content section: the hidden group ids it puts in force, if any. */
  const marked: string[][] = [];
  const moveText = (x: number, y: number) => {
    tlm = multiply([1, 0, 0, 1, x, y], tlm);
    tm = tlm;
  };

  const count = Math.min(fnArray.length, MAX_OPS_PER_PAGE);
  for (let i = 0; i < count; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        graphicsStack.push(graphics);
        break;
      case OPS.restore:
        graphics = graphicsStack.pop() ?? graphics;
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) graphics = { ...graphics, ctm: multiply(m, graphics.ctm) };
        break;
      }
      case OPS.paintFormXObjectBegin: {
        graphicsStack.push(graphics);
        const m = toMatrix(args[0]);
        if (m) graphics = { ...graphics, ctm: multiply(m, graphics.ctm) };
        break;
      }
      case OPS.paintFormXObjectEnd:
        graphics = graphicsStack.pop() ?? graphics;
        break;
      case OPS.setFillRGBColor:
        graphics = { ...graphics, dark: brightness(args[0]) <= DARK };
        break;
      case OPS.setFillTransparent:
      case OPS.setFillColorN:
        graphics = { ...graphics, dark: false };
        break;
      case OPS.beginText:
        tm = tlm = IDENTITY;
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(args.length === 1 ? args[0] : args);
        if (m) tm = tlm = m;
        break;
      }
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        leading = -(Number(args[1]) || 0);
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.nextLine:
        moveText(0, -leading);
        break;
      case OPS.setLeading:
        leading = Number(args[0]) || 0;
        break;
      case OPS.setFont:
        fontSize = Number(args[1]) || 0;
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.beginMarkedContent:
        marked.push([]);
        break;
      case OPS.beginMarkedContentProps:
        marked.push(args[0] === 'OC' && !layers.isVisible(args[1]) ? groupIds(args[1]) : []);
        break;
      case OPS.endMarkedContent:
        marked.pop();
        break;
      case OPS.showText: {
        const toPage = multiply(tm, graphics.ctm);
        const hiddenGroups = marked.flat();
        let x = 0;
        let drawn = '';
        for (const item of Array.isArray(args[0]) ? args[0] : []) {
          if (typeof item === 'number') {
            x -= (item * fontSize * hScale) / 1000;
            continue;
          }
          const glyph = item as { unicode?: unknown; width?: unknown; isSpace?: unknown };
          const width = ((Number(glyph.width) || 0) * fontSize) / 1000;
          const advance = (width + charSpacing + (glyph.isSpace ? wordSpacing : 0)) * hScale;
          const char = typeof glyph.unicode === 'string' ? glyph.unicode : '';
          if (glyphs.length < MAX_GLYPHS_PER_PAGE) {
            const [gx, gy] = apply(toPage, x + (width * hScale) / 2, fontSize * 0.35);
            glyphs.push({ op: i, x: gx, y: gy, char });
          }
          drawn += char;
          x += advance;
        }
        for (const id of hiddenGroups) hiddenText.set(id, (hiddenText.get(id) ?? '') + drawn + ' ');
        tm = multiply([1, 0, 0, 1, x, 0], tm);
        break;
      }
      case OPS.constructPath: {
        const [paint, paths, minMax] = args as [unknown, unknown, unknown];
        if (!graphics.dark || typeof paint !== 'number' || !FILL_OPS.has(paint)) break;
        const path = Array.isArray(paths) ? (paths[0] as ArrayLike<number> | null) : null;
        const bounds = toBounds(minMax);
        if (!path || !bounds || hasCurve(path)) break;
        const box = boxOf(graphics.ctm, ...bounds);
        if (box.x1 - box.x0 >= MIN_BOX_SIDE && box.y1 - box.y0 >= MIN_BOX_SIDE) boxes.push({ op: i, box });
        break;
      }
    }
  }
  return { glyphs, boxes, hiddenText, truncated: fnArray.length > MAX_OPS_PER_PAGE || glyphs.length >= MAX_GLYPHS_PER_PAGE };
}

function toBounds(value: unknown): [number, number, number, number] | undefined {
  if (!value || typeof value !== 'object' || !('length' in value) || value.length !== 4) return undefined;
  const b = Array.from(value as ArrayLike<unknown>, Number);
  return b.every(Number.isFinite) ? (b as [number, number, number, number]) : undefined;
}

/** pdfjs's path codes inside constructPath and how many coordinates follow each (its DrawOPS, not exported). */
const COORDINATES_AFTER: readonly number[] = [2, 2, 6, 4, 0]; // moveTo, lineTo, curveTo, quadraticCurveTo, closePath
const DRAW_CURVE_TO = 2;
const DRAW_QUADRATIC_CURVE_TO = 3;

/** A path with curves is a shape (a logo, a rounded badge), not a box drawn over text. */
function hasCurve(path: ArrayLike<number>): boolean {
  for (let k = 0; k < path.length; ) {
    const code = path[k]!;
    const after = COORDINATES_AFTER[code];
    if (after === undefined || code === DRAW_CURVE_TO || code === DRAW_QUADRATIC_CURVE_TO) return true;
    k += 1 + after;
  }
  return false;
}

interface OptionalContentGroups extends OptionalContent, Iterable<[string, { name: string | null; visible: boolean }]> {}

export async function checkPdf(bytes: Uint8Array): Promise<Finding[]> {
  const out = new Findings();
  // pdfjs takes ownership of the buffer it is given, so it gets a copy; a plain Uint8Array, because
  // it refuses a Node Buffer (uploads are Buffers, and Buffer#slice would be one too).
  const loading = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const document = await loading.promise;
    const layers = (await document.getOptionalContentConfig()) as unknown as OptionalContentGroups;
    const hiddenLayerText = new Map<string, string>();
    const started = Date.now();
    let stoppedAt: string | undefined;
    for (let n = 1; n <= document.numPages && !out.full; n++) {
      if (n > MAX_PAGES || Date.now() - started > MAX_MILLIS) {
        stoppedAt = `p. ${n}`;
        break;
      }
      const page = await document.getPage(n);
      const where = `p. ${n}`;
      const content = await page.getTextContent();
      const pageText = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      for (const hit of scanPersonal(pageText.slice(0, MAX_GLYPHS_PER_PAGE))) out.add(hit.kind, where, hit.excerpt);

      const operators = await page.getOperatorList();
      const drawing = walkOperators(operators.fnArray, operators.argsArray as unknown[][], layers);
      for (const { op, box } of drawing.boxes) {
        const covered = textIn(drawing.glyphs.filter((g) => g.op < op), box);
        if (covered) out.add('text_under_box', where, shorten(maskPersonal(covered)));
      }
      for (const [id, drawn] of drawing.hiddenText) hiddenLayerText.set(id, (hiddenLayerText.get(id) ?? '') + drawn);

      for (const annotation of (await page.getAnnotations()) as { subtype?: unknown; rect?: unknown }[]) {
        if (annotation.subtype !== 'Redact') continue;
        const bounds = toBounds(annotation.rect);
        const covered = bounds ? textIn(drawing.glyphs, boxOf(IDENTITY, ...bounds)) : '';
        out.add('unapplied_redaction', where, shorten(maskPersonal(covered)));
      }
      if (drawing.truncated) stoppedAt ??= where;
      page.cleanup();
    }
    for (const [id, group] of layers) {
      if (!group.visible) out.add('hidden_layer', group.name ?? id, shorten(maskPersonal(hiddenLayerText.get(id) ?? '')));
    }
    return out.done(stoppedAt);
  } finally {
    await loading.destroy();
  }
}

/** The characters whose middle lies in the box, in drawing order; empty when only spaces are there. */
function textIn(glyphs: readonly Glyph[], box: Box): string {
  const chars = glyphs.filter((g) => inside(box, g.x, g.y)).map((g) => g.char);
  return chars.join('').trim();
}
