import { text, type Text } from '../kernel/i18n.ts';

/**
 * A request's steps as people read them, from its audit events (src/requests/store.ts eventsOf).
 * `public` steps are shown to the applicant on the tracking page; the rest only to staff.
 */
export interface StepLabel {
  readonly label: Text;
  readonly public: boolean;
}

export const STEP_LABELS: Readonly<Record<string, StepLabel>> = {
  'request.received': { label: text('Permohonan diterima dan didaftarkan', 'Request received and registered'), public: true },
  'request.handed_over': { label: text('Informasi diserahkan langsung di desk', 'Information handed over at the desk'), public: true },
  'request.exempt_explained': { label: text('Dijelaskan sebagai informasi dikecualikan', 'Explained as exempt information'), public: true },
  'request.completed': { label: text('Kelengkapan permohonan dilengkapi', 'Missing documents supplied'), public: false },
  'request.escalated': { label: text('Diteruskan ke PPID (nota dinas)', 'Escalated to the PPID (memo)'), public: true },
  'request.disposed': { label: text('Didisposisikan ke unit pemilik informasi', 'Assigned to the units that hold the information'), public: true },
  'request.disposition_answered': { label: text('Unit menjawab disposisi', 'A unit answered its assignment'), public: false },
  'request.files_attached': { label: text('Berkas jawaban dilampirkan', 'Answer files attached'), public: false },
  'request.file_released': { label: text('Berkas diperiksa dan disetujui untuk diberikan', 'File checked and released'), public: false },
  'request.file_withheld': { label: text('Berkas tidak diberikan', 'File withheld'), public: false },
  'request.extended': { label: text('Jangka waktu diperpanjang', 'Deadline extended'), public: true },
  'request.decided': { label: text('Pemberitahuan tertulis terbit', 'Written notice issued'), public: true },
  'request.objected': { label: text('Keberatan diajukan kepada atasan PPID', 'Objection filed with the Atasan PPID'), public: true },
  'request.objection_decided': { label: text('Keberatan ditanggapi Atasan PPID', 'The Atasan PPID decided an objection'), public: true },
  'request.disputed': { label: text('Sengketa informasi diajukan ke Komisi Informasi', 'Taken to the Information Commission'), public: true },
  'request.reopened': { label: text('Dibuka kembali oleh putusan keberatan; PPID wajib memberikan informasi', 'Reopened by an objection decision; the PPID must give the information'), public: true },
  'request.delivered': { label: text('Informasi diserahkan / dikirim', 'Information delivered'), public: true },
  'request.file_downloaded': { label: text('Berkas diunduh pemohon', 'File downloaded by the applicant'), public: false },
  'request.receipt_printed': { label: text('Tanda bukti dicetak ulang petugas', 'Receipt reprinted by staff'), public: false },
  'request.identity_viewed': { label: text('Dokumen identitas dibuka petugas', 'Identity document opened by staff'), public: false },
};

export interface TimelineEvent {
  readonly at: Date;
  readonly action: string;
  readonly actorLabel: string;
  readonly after: unknown;
}

/** The steps to show: all known ones for staff, the public ones for the applicant. */
export function timelineSteps(events: readonly TimelineEvent[], audience: 'staff' | 'applicant'): { at: Date; label: Text; actor: string }[] {
  const out: { at: Date; label: Text; actor: string }[] = [];
  for (const e of events) {
    const step = STEP_LABELS[e.action];
    if (!step || (audience === 'applicant' && !step.public)) continue;
    out.push({ at: e.at, label: step.label, actor: audience === 'staff' ? e.actorLabel : '' });
  }
  return out;
}
