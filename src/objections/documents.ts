import type { Content } from 'pdfmake/interfaces.js';
import { formatDay, formatMoment } from '../kernel/i18n.ts';
import { letterhead, qrDataUrl, renderPdf, type LetterBlock } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import type { RequestRow } from '../requests/store.ts';
import { GROUND_LABELS, isGround, type GroundWindow, type ObjectionDecision } from './rules.ts';
import type { ObjectionRow } from './store.ts';

/**
 * The words of the documents an objection produces: its receipt and the Atasan PPID's decision letter.
 * Official Indonesian documents, so their fixed words are Indonesian. Pure: the service issues them.
 */

export function groundLines(grounds: readonly string[]): string[] {
  return grounds.map((g) => (isGround(g) ? GROUND_LABELS[g].id : g));
}

/** Who objects: the applicant, and the proxy when one files. */
export function objectorOf(request: RequestRow, objection: ObjectionRow): string {
  return objection.proxyName ? `${request.name} (melalui kuasa: ${objection.proxyName})` : request.name;
}

export function objectionFacts(request: RequestRow, objection: ObjectionRow, timeZone: string): [string, string][] {
  return [
    ['Nomor keberatan', objection.number],
    ['Tanggal diterima', formatMoment('id', objection.receivedAt, timeZone)],
    ['Pemohon', objectorOf(request, objection)],
    ...(objection.proxyName ? ([['Alamat kuasa', objection.proxyAddress]] as [string, string][]) : []),
    ['Nomor pendaftaran permohonan', request.number],
    ['Informasi yang diminta', request.information],
    ['Tujuan penggunaan informasi', request.purpose],
    ['Alasan keberatan', groundLines(objection.grounds).join('; ')],
    ['Uraian keberatan', objection.description],
  ];
}

/** The window per ground as printed: when it arose and until when an objection could be filed. */
export function windowLines(windows: readonly GroundWindow[]): string[] {
  return windows.map((w) => `Alasan ${w.ground}: muncul ${formatDay('id', w.since)}, jangka waktu keberatan sampai ${formatDay('id', w.due)}${w.open ? '' : ' (diajukan setelah jangka waktu lewat)'}`);
}

export async function renderObjectionReceiptPdf(office: OfficeRow, request: RequestRow, objection: ObjectionRow, answerDue: string, trackingUrl: string): Promise<Buffer> {
  const windows = objection.windows as GroundWindow[];
  const rows: [string, string][] = [...objectionFacts(request, objection, office.timeZone), ['Jangka waktu', windowLines(windows).join('\n')], ['Tanggapan atasan PPID paling lambat', formatDay('id', answerDue)]];
  if (objection.late) rows.push(['Alasan keterlambatan', objection.lateReason]);
  const lines = office.letterheadLines.length > 0 ? office.letterheadLines : [office.name];
  const content: Content[] = [
    ...letterhead({ ...office, letterheadLines: lines }),
    { text: 'TANDA BUKTI PENERIMAAN KEBERATAN INFORMASI PUBLIK', bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
    { table: { widths: [150, '*'], body: rows.map(([label, value]) => [label, `: ${value}`]) }, layout: 'noBorders', margin: [0, 0, 0, 12] },
    {
      text: `Atasan PPID memberikan tanggapan tertulis paling lambat ${formatDay('id', answerDue)}. Ikuti keberatan ini di halaman pelacakan permohonan ${request.number} dengan kode pelacakan permohonan Anda.`,
      margin: [0, 0, 0, 12],
      alignment: 'justify',
    },
    { columns: [{ image: await qrDataUrl(trackingUrl), width: 90 }, { width: '*', stack: [{ text: 'Lacak permohonan dan keberatan:', fontSize: 8 }, { text: trackingUrl, fontSize: 8 }], margin: [10, 0, 0, 0] }] },
  ];
  return renderPdf({ pageSize: 'A4', pageMargins: [60, 50, 60, 50], info: { title: `Tanda bukti keberatan ${objection.number}`, creator: 'Lentera' }, content });
}

const DECISION_TEXT: Readonly<Record<ObjectionDecision['action'], string>> = {
  uphold: 'Menolak keberatan dan menguatkan keputusan PPID atas permohonan tersebut.',
  overturn: 'Menerima keberatan dan membatalkan keputusan PPID; PPID wajib memberikan informasi sebagaimana diperintahkan di bawah ini.',
  settle: 'Keberatan diselesaikan dengan kesepakatan para pihak sebagaimana diuraikan di bawah ini.',
};

/** Tanggapan atas keberatan: the grounds, the Atasan's consideration, the decision, and the right to go to the commission. */
export function decisionBlocks(request: RequestRow, objection: ObjectionRow, decision: ObjectionDecision, timeZone: string, reopenDue: string | undefined, disputeDue: string): LetterBlock[] {
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: 'Menindaklanjuti keberatan atas permohonan informasi publik yang Saudara ajukan, dengan ini Atasan PPID memberikan tanggapan tertulis sebagai berikut.' },
    { kind: 'facts', rows: objectionFacts(request, objection, timeZone).filter(([label]) => label !== 'Uraian keberatan') },
    { kind: 'paragraph', text: `Pertimbangan: ${decision.reasons}` },
    // An unanswered request (ground c) has no PPID decision to uphold: the objection is simply dismissed.
    { kind: 'paragraph', text: `Keputusan: ${decision.action === 'uphold' && !request.decidedAt ? 'Menolak keberatan.' : DECISION_TEXT[decision.action]}` },
  ];
  if (decision.action === 'overturn') {
    blocks.push({ kind: 'facts', rows: [['Informasi yang wajib diberikan', decision.order], ...(reopenDue ? ([['Paling lambat', formatDay('id', reopenDue)]] as [string, string][]) : [])] });
  }
  if (decision.action === 'settle') blocks.push({ kind: 'facts', rows: [['Isi kesepakatan', decision.terms]] });
  blocks.push({
    kind: 'paragraph',
    text: `Apabila Saudara tidak puas atas tanggapan ini, Saudara dapat mengajukan penyelesaian sengketa informasi publik kepada Komisi Informasi paling lambat 14 (empat belas) hari kerja sejak tanggapan ini diterima, yaitu sampai ${formatDay('id', disputeDue)} (Pasal 37 UU Nomor 14 Tahun 2008).`,
  });
  return blocks;
}
