import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { checkFile } from './index.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal but real DOCX: content types, package and document relationships, and the given parts. */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const overrides = Object.keys(extra)
    .map((name) => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${name.includes('comments') ? 'comments' : 'footer'}+xml"/>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([name, xml]) => [name, strToU8(xml)])),
  });
}

/** Every paragraph carries a hidden paragraph mark: harmless, and it must not be reported as hidden text. */
const p = (runs: string) => `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${runs}</w:p>`;
const r = (content: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${content}</w:t></w:r>`;
const at = (findings: { kind: string; location: string }[]) => findings.map((f) => `${f.kind}@${f.location}`);

describe('DOCX checker', () => {
  it('finds tracked changes, comments, hidden text and personal data, by paragraph', async () => {
    const bytes = docx(
      p(r('Jawaban atas permohonan informasi.')) +
        p(`${r('Anggaran ')}<w:ins w:id="1" w:author="A"><w:r><w:t>naik </w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>turun</w:delText></w:r></w:del>`) +
        p(`${r('Dihubungi di ')}${r('0812-3456-7890')}${r(' sebelumnya.')}`) +
        p(`${r('Catatan: ')}${r('NIK 3201011203900001', '<w:vanish/>')}`) +
        p(`${r('Ini tidak tersembunyi', '<w:vanish w:val="0"/>')}`),
      {
        'word/comments.xml': `<w:comments ${W}><w:comment w:id="0" w:author="Budi"><w:p>${r('Cek lagi dengan bagian hukum')}</w:p></w:comment></w:comments>`,
        'word/footer1.xml': `<w:ftr ${W}><w:p>${r('Kontak: humas@example.go.id')}</w:p></w:ftr>`,
      },
    );
    const report = await checkFile(bytes, 'jawaban.docx');
    assert.equal(report.type, 'docx');
    assert.deepEqual(at(report.findings), [
      'tracked_change@document.xml ¶2',
      'tracked_change@document.xml ¶2',
      'phone@document.xml ¶3',
      'hidden_text@document.xml ¶4',
      'nik@document.xml ¶4',
      'comment@comments.xml #0',
      'email@footer1.xml ¶1',
    ]);
    const [ins, del] = report.findings;
    assert.equal(ins?.excerpt, 'ins: naik');
    assert.equal(del?.excerpt, 'del: turun');
    assert.equal(report.findings.find((f) => f.kind === 'hidden_text')?.excerpt, 'NIK 3201********0001');
    assert.equal(report.findings.find((f) => f.kind === 'comment')?.excerpt, 'Cek lagi dengan bagian hukum');
  });

  it('finds nothing in a clean document with comments part, footer and formatting', async () => {
    const bytes = docx(p(r('Jawaban atas permohonan informasi.')) + p(r('Anggaran naik', '<w:b/>')) + p(r('Hubungi PPID pada jam kerja.')), {
      'word/comments.xml': `<w:comments ${W}/>`,
      'word/footer1.xml': `<w:ftr ${W}><w:p>${r('Halaman 1')}</w:p></w:ftr>`,
    });
    assert.deepEqual((await checkFile(bytes, 'jawaban.docx')).findings, []);
  });
});
