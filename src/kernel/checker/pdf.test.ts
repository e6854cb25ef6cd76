import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces.js';
import { checkFile } from './index.ts';

pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
// The test documents use only the built-in Helvetica (which pdfmake asks for as a "local file") and no images.
pdfmake.setLocalAccessPolicy((path) => path.startsWith('Helvetica'));
pdfmake.setUrlAccessPolicy(() => false);

async function pdfmakePdf(content: Content[]): Promise<Uint8Array> {
  return new Uint8Array(await pdfmake.createPdf({ defaultStyle: { font: 'Helvetica' }, content }).getBuffer());
}

const line = (text: string, y: number, color = 'black'): Content => ({ text, absolutePosition: { x: 72, y }, fontSize: 12, color });
const box = (x: number, y: number, w: number, h: number, color = 'black'): Content => ({ canvas: [{ type: 'rect', x: 0, y: 0, w, h, color }], absolutePosition: { x, y } });

/**
 * A hand-written PDF: `objects[i]` becomes object i + 1; a `stream` entry gets its /Length. The
 * xref table holds each object's byte offset, as readers expect of a well-formed file.
 */
function handPdf(objects: (string | { dict: string; stream: string })[]): Uint8Array {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    const content = typeof object === 'string' ? object : `<< ${object.dict} /Length ${object.stream.length} >>\nstream\n${object.stream}\nendstream`;
    body += `${i + 1} 0 obj\n${content}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** One page with a visible line and, inside an optional content group, a second line. */
function layeredPdf({ layerOff, redactAnnotation }: { layerOff: boolean; redactAnnotation: boolean }): Uint8Array {
  const ocDefault = layerOff ? '/OFF [5 0 R]' : '/ON [5 0 R]';
  return handPdf([
    `<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R] /D << /Order [5 0 R] ${ocDefault} >> >> >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /Properties << /L1 5 0 R >> >> /Contents 6 0 R ${redactAnnotation ? '/Annots [7 0 R]' : ''} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /OCG /Name (Catatan internal) >>',
    { dict: '', stream: 'BT /F1 12 Tf 72 720 Td (Laporan tahunan PPID) Tj ET\n/OC /L1 BDC BT /F1 12 Tf 72 700 Td (Pegawai: 0812-3456-7890) Tj ET EMC' },
    '<< /Type /Annot /Subtype /Redact /Rect [70 715 230 735] >>',
  ]);
}

const kinds = (findings: { kind: string }[]) => findings.map((f) => f.kind);

describe('PDF checker', () => {
  it('finds a NIK still under a black box drawn over it', async () => {
    const report = await checkFile(await pdfmakePdf([line('NIK 3201011203900001 tercatat', 100), box(94, 96, 110, 20)]), 'surat.pdf');
    assert.equal(report.type, 'pdf');
    assert.deepEqual(kinds(report.findings), ['nik', 'text_under_box']);
    const covered = report.findings[1];
    assert.equal(covered?.location, 'p. 1');
    assert.equal(covered?.excerpt, '3201********0001');
  });

  it('finds no covered text when the box is elsewhere or drawn under white text', async () => {
    const elsewhere = await checkFile(await pdfmakePdf([line('Nomor surat 800/123/2026', 100), box(98, 300, 125, 20)]), 'surat.pdf');
    assert.deepEqual(elsewhere.findings, []);
    // A dark heading band with white text on it is painted before the text: nothing is hidden.
    const heading = await checkFile(await pdfmakePdf([box(70, 96, 300, 20), line('Laporan Layanan Informasi 2026', 100, 'white')]), 'surat.pdf');
    assert.deepEqual(heading.findings, []);
  });

  it('finds a layer that is off by default, with the text inside it', async () => {
    const report = await checkFile(layeredPdf({ layerOff: true, redactAnnotation: false }), 'laporan.pdf');
    assert.deepEqual(kinds(report.findings), ['phone', 'hidden_layer']);
    const layer = report.findings[1];
    assert.equal(layer?.location, 'Catatan internal');
    assert.equal(layer?.excerpt, 'Pegawai: 0812******90');
  });

  it('does not report a layer that is on', async () => {
    assert.deepEqual(kinds((await checkFile(layeredPdf({ layerOff: false, redactAnnotation: false }), 'laporan.pdf')).findings), ['phone']);
  });

  it('finds a redaction mark that was never applied, with the text under it', async () => {
    const report = await checkFile(layeredPdf({ layerOff: false, redactAnnotation: true }), 'laporan.pdf');
    const redaction = report.findings.find((f) => f.kind === 'unapplied_redaction');
    assert.equal(redaction?.location, 'p. 1');
    assert.equal(redaction?.excerpt, 'Laporan tahunan PPID');
  });

  it('reports a damaged PDF as unreadable instead of throwing', async () => {
    const report = await checkFile(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'), 'rusak.pdf');
    assert.deepEqual(kinds(report.findings), ['unreadable']);
    assert.match(report.findings[0]?.message.id ?? '', /tidak dapat dibaca/);
  });
});
