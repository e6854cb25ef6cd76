import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { detectFileType, fileTypeProblem, RELEASE_TYPES } from './detect.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const MB = 1024 * 1024;
const officeZip = (mainType: string) =>
  zipSync({ '[Content_Types].xml': strToU8(`<Types><Override PartName="/x.xml" ContentType="application/vnd.openxmlformats-officedocument.${mainType}"/></Types>`) });

describe('detectFileType', () => {
  it('tells the types apart by content', () => {
    assert.equal(detectFileType(strToU8('%PDF-1.7\n...')), 'pdf');
    assert.equal(detectFileType(PNG), 'png');
    assert.equal(detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(detectFileType(strToU8('GIF89a....')), 'gif');
    assert.equal(detectFileType(strToU8('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
    assert.equal(detectFileType(officeZip('wordprocessingml.document.main+xml')), 'docx');
    assert.equal(detectFileType(officeZip('spreadsheetml.sheet.main+xml')), 'xlsx');
    assert.equal(detectFileType(officeZip('presentationml.presentation.main+xml')), 'pptx');
    assert.equal(detectFileType(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') })), 'odt');
    assert.equal(detectFileType(zipSync({ 'a.txt': strToU8('hello') })), 'zip');
    assert.equal(detectFileType(strToU8('nama;nik\nBudi;—\n')), 'text');
    assert.equal(detectFileType(new Uint8Array([0x68, 0x69, 0x00, 0x01])), 'unknown');
    assert.equal(detectFileType(new Uint8Array([0xc3, 0x28])), 'unknown'); // not UTF-8
  });
});

describe('fileTypeProblem', () => {
  it('refuses a ZIP named .pdf, saying what it is in both languages', () => {
    const problem = fileTypeProblem(zipSync({ 'a.txt': strToU8('x') }), 'jawaban.pdf', 20 * MB);
    assert.match(problem?.id ?? '', /arsip ZIP/);
    assert.match(problem?.en ?? '', /a ZIP archive/);
  });

  it('refuses a file over the limit and an allowed type under the wrong name', () => {
    assert.match(fileTypeProblem(new Uint8Array(2 * MB).fill(0x61), 'a.txt', MB)?.en ?? '', /too large \(2 MB\); the limit is 1 MB/);
    assert.match(fileTypeProblem(strToU8('%PDF-1.4'), 'laporan.docx', MB)?.id ?? '', /tidak sesuai isinya/);
    assert.ok(fileTypeProblem(new Uint8Array(0), 'kosong.pdf', MB));
  });

  it('accepts a PNG when images are allowed, and not when they are not', () => {
    assert.equal(fileTypeProblem(PNG, 'Scan.PNG', MB), undefined);
    assert.ok(fileTypeProblem(PNG, 'scan.png', MB, RELEASE_TYPES.filter((t) => t !== 'png' && t !== 'jpeg')));
  });
});
