import type { Content } from 'pdfmake/interfaces.js';
import { isProfileName, PROFILES } from '../calendar/profiles.ts';
import { formatDay, formatMoment } from '../kernel/i18n.ts';
import { maskNik } from '../kernel/checker/personal.ts';
import { letterhead, qrDataUrl, renderPdf, type LetterBlock } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  costTotal,
  DELIVERY_LABELS,
  missingText,
  OBTAIN_LABELS,
  OUTCOME_LABELS,
  PASAL17_LABELS,
  rupiah,
  type Decision,
  type Pasal17,
} from './rules.ts';
import type { RequestRow } from './store.ts';

/**
 * The words of every document a request produces. Letters are official Indonesian documents, so
 * their fixed words are Indonesian (as in src/letters/render.ts). Pure: the service issues them.
 */

export function addresseeOf(request: RequestRow): string[] {
  return [request.proxyName ? `${request.name} (melalui kuasa: ${request.proxyName})` : request.name, ...request.address.split(/\r?\n/).filter(Boolean)];
}

function requestFacts(request: RequestRow, timeZone: string): LetterBlock {
  return {
    kind: 'facts',
    rows: [
      ['Nomor pendaftaran', request.number],
      ['Tanggal permohonan', formatMoment('id', request.receivedAt, timeZone)],
      ['Nama pemohon', request.name],
      ['Informasi yang diminta', request.information],
    ],
  };
}

const OBJECTION_RIGHT =
  'Apabila Saudara tidak puas atas keputusan ini, Saudara berhak mengajukan keberatan secara tertulis kepada Atasan PPID paling lambat 30 (tiga puluh) hari kerja sejak pemberitahuan ini diterima (Pasal 35 dan 36 UU Nomor 14 Tahun 2008).';

function pasalText(pasal: Pasal17 | '', otherLaw: string): string {
  if (!pasal) return '';
  const label = PASAL17_LABELS[pasal].id.replace(/^[a-j]\. /, '');
  return pasal === 'j' ? `Pasal 17 huruf j UU 14/2008 jo. ${otherLaw}` : `Pasal 17 huruf ${pasal} UU 14/2008 (${label})`;
}

/** Pemberitahuan tertulis (DOMAIN.md §5): every statement the notice must make for its outcome. */
export function noticeBlocks(request: RequestRow, decision: Decision, timeZone: string): LetterBlock[] {
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: 'Menindaklanjuti permohonan informasi publik Saudara, dengan ini kami sampaikan pemberitahuan tertulis sebagai berikut.' },
    requestFacts(request, timeZone),
  ];
  const rows: [string, string][] = [['Keputusan', OUTCOME_LABELS[decision.outcome].id]];
  if (decision.outcome === 'not_held') {
    rows.push(['Penguasaan informasi', 'Informasi tidak dikuasai oleh badan publik ini']);
    rows.push(['Dikuasai oleh', decision.holder || 'Tidak diketahui']);
  } else {
    rows.push(['Penguasaan informasi', 'Informasi dikuasai oleh badan publik ini']);
  }
  if (decision.outcome === 'granted_full' || decision.outcome === 'granted_part') {
    rows.push(['Bentuk informasi', decision.form === 'soft' ? 'Softcopy' : decision.form === 'hard' ? 'Hardcopy' : 'Softcopy dan hardcopy']);
    rows.push(['Cara memperoleh', `${OBTAIN_LABELS[request.obtainMethod as keyof typeof OBTAIN_LABELS]?.id ?? request.obtainMethod}; ${DELIVERY_LABELS[request.deliveryMethod as keyof typeof DELIVERY_LABELS]?.id ?? request.deliveryMethod}`]);
    rows.push(['Biaya penyalinan', `${rupiah(decision.costs.perPage)} x ${decision.costs.pages} halaman = ${rupiah(decision.costs.perPage * decision.costs.pages)}`]);
    rows.push(['Biaya pengiriman', rupiah(decision.costs.delivery)]);
    rows.push(['Biaya lain-lain', rupiah(decision.costs.other)]);
    rows.push(['Jumlah biaya', rupiah(costTotal(decision.costs))]);
    rows.push(['Waktu penyediaan', decision.timeToProvide]);
  }
  if (decision.outcome === 'granted_part') rows.push(['Bagian yang dihitamkan / tidak diberikan', decision.withheld]);
  if (decision.outcome === 'refused') rows.push(['Dasar penolakan', pasalText(decision.pasal17, decision.otherLaw)]);
  if (decision.outcome === 'not_documented') rows.push(['Akan didokumentasikan', decision.documentedBy]);
  blocks.push({ kind: 'facts', rows });
  if (decision.outcome === 'refused') blocks.push({ kind: 'paragraph', text: 'Keputusan penolakan beserta alasannya dituangkan dalam Surat Keputusan Penolakan yang menyertai pemberitahuan ini.' });
  if (decision.note) blocks.push({ kind: 'paragraph', text: decision.note });
  if (decision.outcome !== 'granted_full') blocks.push({ kind: 'paragraph', text: OBJECTION_RIGHT });
  blocks.push({ kind: 'paragraph', text: 'Layanan informasi publik tidak dipungut biaya; pemohon hanya menanggung biaya nyata penyalinan dan pengiriman.' });
  return blocks;
}

/** SK Penolakan: the Pasal 17 letter (or other law), the consequence found by the test, the right to object. */
export function refusalBlocks(request: RequestRow, decision: Decision, timeZone: string): LetterBlock[] {
  return [
    { kind: 'paragraph', text: 'Pejabat Pengelola Informasi dan Dokumentasi (PPID), setelah melakukan uji konsekuensi atas informasi yang dimohon, MEMUTUSKAN menolak permohonan informasi berikut.' },
    requestFacts(request, timeZone),
    {
      kind: 'facts',
      rows: [
        ['Informasi dikecualikan berdasarkan', pasalText(decision.pasal17, decision.otherLaw)],
        ['Konsekuensi bila dibuka', decision.consequence],
      ],
    },
    { kind: 'paragraph', text: OBJECTION_RIGHT },
  ];
}

export function exemptExplanationBlocks(request: RequestRow, pasal17: Pasal17, dikReference: string, explanation: string, timeZone: string): LetterBlock[] {
  return [
    { kind: 'paragraph', text: 'Informasi yang Saudara mohon termasuk informasi yang dikecualikan, sebagaimana telah dijelaskan petugas desk layanan informasi.' },
    requestFacts(request, timeZone),
    {
      kind: 'facts',
      rows: [
        ['Dasar pengecualian', pasalText(pasal17, '')],
        ['Daftar Informasi yang Dikecualikan', dikReference],
        ['Penjelasan', explanation],
      ],
    },
    { kind: 'paragraph', text: OBJECTION_RIGHT },
  ];
}

export function extensionBlocks(request: RequestRow, reason: string, newDue: string, timeZone: string, workingDays: number): LetterBlock[] {
  return [
    { kind: 'paragraph', text: `Berdasarkan Pasal 22 ayat (8) UU Nomor 14 Tahun 2008, jangka waktu pemberitahuan tertulis atas permohonan berikut kami perpanjang paling lama ${workingDays} hari kerja.` },
    requestFacts(request, timeZone),
    { kind: 'facts', rows: [['Alasan perpanjangan', reason], ['Batas waktu baru', formatDay('id', newDue)]] },
  ];
}

/** Tanda terima: what was handed over, and to whom. */
export function handoverBlocks(request: RequestRow, items: readonly string[], note: string, timeZone: string): LetterBlock[] {
  return [
    { kind: 'paragraph', text: 'Telah diserahkan kepada pemohon informasi publik:' },
    requestFacts(request, timeZone),
    { kind: 'list', items: items.length > 0 ? items : ['Informasi sebagaimana diminta'] },
    ...(note ? [{ kind: 'paragraph' as const, text: note }] : []),
    { kind: 'paragraph', text: 'Pemohon menyatakan telah menerima informasi tersebut.' },
  ];
}

/**
 * The receipt (tanda bukti pendaftaran): the registration number and the tracking code, with a QR
 * code that opens the tracking page. It is rendered when asked for, never stored, since it holds
 * the code that opens the request's tracking page. A request registered without some documents lists
 * them, with `completeBy`, the day the applicant was asked to bring them by.
 */
export async function renderReceiptPdf(office: OfficeRow, request: RequestRow, secret: string, trackingUrl: string, completeBy?: string): Promise<Buffer> {
  // The periods of the rule profile the request came in under (3 + 2 in an election stage).
  const days = (isProfileName(request.profile) ? PROFILES[request.profile] : PROFILES.normal).workingDays;
  const rows: [string, string][] = [
    ['Nomor pendaftaran', request.number],
    ['Kode pelacakan', secret],
    ['Diterima', formatMoment('id', request.receivedAt, office.timeZone)],
    ['Saluran', CHANNEL_LABELS[request.channel as keyof typeof CHANNEL_LABELS]?.id ?? request.channel],
    ['Jenis pemohon', APPLICANT_TYPE_LABELS[request.applicantType as keyof typeof APPLICANT_TYPE_LABELS]?.id ?? request.applicantType],
    ['Nama', request.name],
    ...(request.nik ? ([['NIK', maskNik(request.nik)]] as [string, string][]) : []),
    ...(request.legalNumber ? ([['Akta / SK pengesahan', request.legalNumber]] as [string, string][]) : []),
    ['Informasi yang diminta', request.information],
    ['Tujuan penggunaan', request.purpose],
    ['Cara memperoleh', OBTAIN_LABELS[request.obtainMethod as keyof typeof OBTAIN_LABELS]?.id ?? request.obtainMethod],
    ['Cara mendapatkan salinan', DELIVERY_LABELS[request.deliveryMethod as keyof typeof DELIVERY_LABELS]?.id ?? request.deliveryMethod],
  ];
  const missing = missingText('id', request.missing);
  if (missing) {
    rows.push(['Kelengkapan belum ada', missing]);
    if (completeBy) rows.push(['Dilengkapi paling lambat', formatDay('id', completeBy)]);
  }
  const lines = office.letterheadLines.length > 0 ? office.letterheadLines : [office.name];
  const content: Content[] = [
    ...letterhead({ ...office, letterheadLines: lines }),
    { text: 'TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK', bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
    { table: { widths: [150, '*'], body: rows.map(([label, value]) => [label, `: ${value}`]) }, layout: 'noBorders', margin: [0, 0, 0, 12] },
    {
      text: `Simpan nomor pendaftaran dan kode pelacakan ini. Dengan keduanya Anda dapat mengikuti permohonan di portal tanpa akun. Pemberitahuan tertulis akan diberikan paling lambat ${days.request_notice} hari kerja sejak permohonan diterima, dan dapat diperpanjang paling lama ${days.request_extension} hari kerja.${missing ? ' Permohonan tetap diproses; serahkan kelengkapan yang belum ada kepada petugas layanan informasi' + (completeBy ? ` paling lambat ${formatDay('id', completeBy)}.` : '.') : ''}`,
      margin: [0, 0, 0, 12],
      alignment: 'justify',
    },
    { columns: [{ image: await qrDataUrl(trackingUrl), width: 90 }, { width: '*', stack: [{ text: 'Lacak permohonan:', fontSize: 8 }, { text: trackingUrl, fontSize: 8 }], margin: [10, 0, 0, 0] }] },
  ];
  return renderPdf({ pageSize: 'A4', pageMargins: [60, 50, 60, 50], info: { title: `Tanda bukti ${request.number}`, creator: 'Lentera' }, content });
}
