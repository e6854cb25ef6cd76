import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unprintableCharacter } from './charset.ts';
import { groupedCode, letterDocument, renderLetterPdf, type LetterModel } from './render.ts';
import { readPdf } from './test-pdf.ts';

const MODEL: LetterModel = {
  office: {
    letterheadLines: ['KOMISI PEMILIHAN UMUM', 'KABUPATEN BINTAN'],
    address: 'Jl. Raja Haji Fisabilillah No. 1',
    city: 'Bintan',
    phone: '(0771) 123456',
    email: 'ppid@kab-bintan.kpu.go.id',
  },
  number: '007/PPID/21.01/XI/2026',
  issuedOn: '2026-11-21',
  subject: 'Pemberitahuan Tertulis atas Permohonan Informasi',
  addressee: ['Sdr. Budi Santoso', 'Jl. Merdeka No. 5, Tanjungpinang'],
  blocks: [
    { kind: 'paragraph', text: 'Menanggapi permohonan informasi Saudara, bersama ini kami sampaikan hal berikut.' },
    { kind: 'facts', rows: [['Nomor pendaftaran', '12/REG/2026'], ['Informasi yang diminta', 'Daftar pemilih tetap']] },
    { kind: 'list', items: ['Informasi tersedia dalam bentuk salinan elektronik.', 'Biaya salinan: tidak ada.'] },
  ],
  signer: { name: 'Siti Aminah, S.H.', position: 'PPID KPU Kabupaten Bintan' },
  verification: { url: 'https://lentera.example/verifikasi/ABCDEFGHJKMNPQRS', code: 'ABCDEFGHJKMNPQRS' },
};

describe('letter PDF', () => {
  test('read back, it holds every required part and the QR image', async (t) => {
    const started = performance.now();
    const pdf = await renderLetterPdf(MODEL);
    const ms = performance.now() - started;
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const read = await readPdf(pdf);
    assert.equal(read.pages, 1);
    for (const expected of [
      'KOMISI PEMILIHAN UMUM',
      'KABUPATEN BINTAN',
      'Jl. Raja Haji Fisabilillah No. 1, Bintan',
      '(0771) 123456',
      'ppid@kab-bintan.kpu.go.id',
      '007/PPID/21.01/XI/2026',
      'Bintan, 21 November 2026',
      'Pemberitahuan Tertulis atas Permohonan Informasi',
      'Sdr. Budi Santoso',
      'Menanggapi permohonan informasi Saudara',
      'Daftar pemilih tetap',
      'Biaya salinan: tidak ada.',
      'PPID KPU Kabupaten Bintan',
      'Siti Aminah, S.H.',
      'https://lentera.example/verifikasi/ABCDEFGHJKMNPQRS',
      'Kode: ABCD-EFGH-JKMN-PQRS',
    ]) {
      assert.ok(read.text.includes(expected), `missing ${JSON.stringify(expected)} in:\n${read.text}`);
    }
    assert.equal(read.images, 1, 'the QR code is one embedded image');
    t.diagnostic(`first render (cold): ${ms.toFixed(0)} ms, ${pdf.length} bytes`);
  });

  test('a long letter flows onto more pages and ends with the signature and the code', async () => {
    const long: LetterModel = { ...MODEL, blocks: Array.from({ length: 40 }, (_, i) => ({ kind: 'paragraph', text: `Paragraf ${i + 1}. ${'Isi surat. '.repeat(20)}` })) };
    const read = await readPdf(await renderLetterPdf(long));
    assert.ok(read.pages >= 2);
    assert.ok(read.text.includes('Siti Aminah, S.H.') && read.text.includes('Kode: ABCD-EFGH-JKMN-PQRS'));
  });

  test('the document reads nothing from outside the model', async () => {
    // A model string is text, never a resource; a document that names a file or URL is refused.
    const doc = letterDocument(MODEL, 'data:image/png;base64,');
    const images = JSON.stringify(doc.content).match(/"image":"[^"]*"/g) ?? [];
    assert.deepEqual(images, ['"image":"data:image/png;base64,"']);
    const pdfmake = (await import('pdfmake')).default;
    await renderLetterPdf(MODEL); // installs this module's policies on the shared instance
    await assert.rejects(pdfmake.createPdf({ content: [{ image: '/etc/hostname' }], defaultStyle: { font: 'Helvetica' } }).getBuffer(), /denied/);
    await assert.rejects(pdfmake.createPdf({ content: [{ image: 'http://127.0.0.1:9/x.png' }], defaultStyle: { font: 'Helvetica' } }).getBuffer(), /denied/);
  });

  test('only what the standard fonts can print passes', () => {
    assert.equal(unprintableCharacter('Jl. Merdeka No. 5 — “Ä” é ñ € Š\nbaris dua'), undefined);
    assert.equal(unprintableCharacter('Nguyễn'), 'ễ');
    assert.equal(unprintableCharacter('KPU 日本'), '日');
    assert.equal(unprintableCharacter('tab\there'), '\t');
    assert.equal(unprintableCharacter('😀'), '😀');
  });

  test('codes are printed in groups of four', () => {
    assert.equal(groupedCode('ABCDEFGHJKMNPQRS'), 'ABCD-EFGH-JKMN-PQRS');
  });
});
