import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { checkFile } from './index.ts';

describe('checkFile', () => {
  it('scans plain text and CSV for personal data, by line', async () => {
    const report = await checkFile(strToU8('nama;nik;telepon\nBudi;3201011203900001;+62 812 3456 7890\nRina;-;-\n'), 'data.pdf');
    assert.equal(report.type, 'text');
    assert.deepEqual(
      report.findings.map((f) => `${f.kind}@${f.location}:${f.excerpt}`),
      ['nik@L2:3201********0001', 'phone@L2:0812******90'],
    );
    assert.deepEqual((await checkFile(strToU8('nama;jabatan\nBudi;Kepala Bagian\n'), 'data.csv')).findings, []);
  });

  it('gives one unreadable finding for a broken Office file instead of throwing', async () => {
    const broken = zipSync({
      '[Content_Types].xml': strToU8('<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet'),
    });
    const report = await checkFile(broken, 'rusak.xlsx');
    assert.equal(report.type, 'xlsx');
    assert.deepEqual(report.findings.map((f) => [f.kind, f.location]), [['unreadable', 'rusak.xlsx']]);
    assert.match(report.findings[0]?.message.en ?? '', /could not read the file.*check its content yourself/i);
    const truncated = await checkFile(zipSync({ '[Content_Types].xml': strToU8('wordprocessingml.document.main+xml') }).subarray(0, 40), 'rusak.docx');
    assert.deepEqual(truncated.findings.map((f) => f.kind), ['unreadable']);
  });

  it('has nothing to say about an image, and says it did not look into other types', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    assert.deepEqual(await checkFile(png, 'scan.png'), { type: 'png', findings: [] });
    const pptx = await checkFile(zipSync({ '[Content_Types].xml': strToU8('presentationml.presentation.main+xml') }), 'slide.pptx');
    assert.deepEqual(pptx.findings.map((f) => f.kind), ['unreadable']);
  });
});
