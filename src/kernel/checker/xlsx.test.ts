import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { checkFile } from './index.ts';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const at = (findings: { kind: string; location: string }[]) => findings.map((f) => `${f.kind}@${f.location}`);

describe('XLSX checker', () => {
  it('finds hidden sheets, rows, columns, comments and a NIK, with their cells', async () => {
    const bytes = await workbook((wb) => {
      const data = wb.addWorksheet('Data');
      data.getCell('A1').value = 'Nama';
      data.getCell('B4').value = 'NIK 3201011203900001';
      data.getCell('A3').value = 'baris tersembunyi';
      data.getRow(3).hidden = true;
      data.getColumn('C').hidden = true;
      data.getColumn('D').hidden = true;
      data.getCell('C1').value = 'kolom tersembunyi';
      data.getCell('A2').note = 'hubungi 0812-3456-7890';
      wb.addWorksheet('Rahasia', { state: 'hidden' }).getCell('A1').value = 'x';
      wb.addWorksheet('Sangat Rahasia', { state: 'veryHidden' }).getCell('E9').value = 'rina@example.com';
    });
    const report = await checkFile(bytes, 'data.xlsx');
    assert.equal(report.type, 'xlsx');
    assert.deepEqual(at(report.findings).sort(), [
      "comment@Data!A2",
      'email@\'Sangat Rahasia\'!E9',
      'hidden_column@Data!C:D',
      'hidden_row@Data!3',
      'hidden_sheet@Rahasia',
      'hidden_sheet@Sangat Rahasia',
      'nik@Data!B4',
      "phone@Data!A2",
    ]);
    const nik = report.findings.find((f) => f.kind === 'nik');
    assert.equal(nik?.excerpt, '3201********0001');
    assert.doesNotMatch(JSON.stringify(report), /3201011203900001|081234567890|0812-3456-7890/);
    assert.match(nik?.message.id ?? '', /^Nomor yang mirip NIK \(Data!B4\): 3201\*+0001\. Hapus/);
  });

  it('finds nothing in a clean workbook with the same shape', async () => {
    const bytes = await workbook((wb) => {
      const data = wb.addWorksheet('Data');
      data.getCell('A1').value = 'Nama';
      data.getCell('B4').value = 'Anggaran 2026: Rp 1.250.000.000';
      data.getCell('A3').value = 'baris biasa';
      data.getCell('C1').value = 'kolom biasa';
      wb.addWorksheet('Rekap').getCell('A1').value = 'x';
    });
    assert.deepEqual((await checkFile(bytes, 'data.xlsx')).findings, []);
  });
});
