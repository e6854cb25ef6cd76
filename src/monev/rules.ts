import { formatDay, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { Role } from '../offices/roles.ts';

/**
 * Readiness for the Komisi Informasi's yearly monitoring and evaluation (monev, Perki 1/2022): the
 * items of its self-assessment questionnaire (SAQ) that records already in Lentera can evidence, and
 * how each is judged from those records. Pure: the evidence comes from src/monev/service.ts.
 *
 * The share of items present is the office's readiness to answer the questionnaire with evidence. It
 * is not the commission's score: the commission grades (Informatif ≥ 90 … Tidak Informatif < 40) on
 * the whole questionnaire, its verification and the presentation, most of which is outside Lentera.
 */

export const ASPECTS = ['commitment', 'service', 'periodic', 'available', 'exempt'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const ASPECT_LABELS: Readonly<Record<Aspect, Text>> = {
  commitment: text('Komitmen organisasi', 'Organisational commitment'),
  service: text('Pelayanan informasi publik', 'Public information service'),
  periodic: text('Informasi yang wajib diumumkan secara berkala', 'Information to be announced periodically'),
  available: text('Informasi yang wajib tersedia setiap saat', 'Information to be available at all times'),
  exempt: text('Informasi yang dikecualikan', 'Exempt information'),
};

export const ITEM_IDS = ['sk_ppid', 'profile', 'charter', 'sop', 'request_register', 'objection_register', 'skm', 'berkala', 'ringkasan', 'annual_report', 'dip', 'dik'] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export interface MonevItem {
  readonly id: ItemId;
  readonly aspect: Aspect;
  readonly label: Text;
  /** What counts as evidence, in words: the page shows it beside the result. */
  readonly judged: Text;
  /** Where the evidence is kept, for the office's own staff; null when it lives on the public site only. */
  readonly deskPath: string | null;
  /** Who may open that desk page (its route's roles), so nobody is shown a link that refuses them. */
  readonly deskRoles: readonly Role[];
  /** Where the public sees it on the office's PPID website, after the office's slug. */
  readonly publicPath: string | null;
}

export const ITEMS: readonly MonevItem[] = [
  {
    id: 'sk_ppid',
    aspect: 'commitment',
    label: text('SK penetapan PPID', 'Decree appointing the PPID'),
    judged: text('SK PPID terbit sebagai dokumen di halaman profil PPID.', 'The SK PPID is published as a document on the PPID profile page.'),
    deskPath: '/desk/halaman-publik',
    deskRoles: ['office_admin'],
    publicPath: '/profil',
  },
  {
    id: 'profile',
    aspect: 'commitment',
    label: text('Profil PPID serta jam dan biaya layanan', 'PPID profile, service hours and costs'),
    judged: text('Halaman profil PPID dan halaman jam dan biaya layanan sudah diisi.', 'The PPID profile page and the service hours and costs page are written.'),
    deskPath: '/desk/halaman-publik',
    deskRoles: ['office_admin'],
    publicPath: '/profil',
  },
  {
    id: 'charter',
    aspect: 'service',
    label: text('Maklumat pelayanan informasi publik', 'Service charter'),
    judged: text('Halaman maklumat pelayanan sudah diisi.', 'The service charter page is written.'),
    deskPath: '/desk/halaman-publik',
    deskRoles: ['office_admin'],
    publicPath: '/maklumat',
  },
  {
    id: 'sop',
    aspect: 'service',
    label: text('SOP layanan informasi publik', 'Standard operating procedures (SOP)'),
    judged: text('Paling sedikit satu dokumen SOP terbit di halaman prosedur.', 'At least one SOP document is published on the procedures page.'),
    deskPath: '/desk/halaman-publik',
    deskRoles: ['office_admin'],
    publicPath: '/prosedur',
  },
  {
    id: 'request_register',
    aspect: 'service',
    label: text('Register permohonan informasi', 'Register of requests'),
    judged: text('Register berisi permohonan yang diterima pada tahun monev.', 'The register holds requests received in the monev year.'),
    deskPath: '/desk/register',
    deskRoles: ['desk_officer', 'ppid', 'atasan_ppid'],
    publicPath: null,
  },
  {
    id: 'objection_register',
    aspect: 'service',
    label: text('Register keberatan', 'Register of objections'),
    judged: text('Register keberatan berisi keberatan yang diterima pada tahun monev.', 'The register of objections holds objections received in the monev year.'),
    deskPath: '/desk/keberatan',
    deskRoles: ['desk_officer', 'ppid', 'atasan_ppid'],
    publicPath: null,
  },
  {
    id: 'skm',
    aspect: 'service',
    label: text('Survei kepuasan masyarakat (SKM)', 'Satisfaction survey (SKM)'),
    judged: text('Ada jawaban SKM pada tahun monev.', 'The survey was answered in the monev year.'),
    deskPath: '/desk/skm',
    deskRoles: ['ppid', 'atasan_ppid'],
    publicPath: null,
  },
  {
    id: 'berkala',
    aspect: 'periodic',
    label: text('Informasi berkala yang mutakhir', 'Periodic information kept up to date'),
    judged: text('Ada informasi berkala dalam DIP dan tidak satu pun lewat jadwal pemutakhirannya hari ini.', 'The DIP holds periodic information and none of it is past its update date today.'),
    deskPath: '/desk/dip',
    deskRoles: ['ppid', 'information_provider'],
    publicPath: '/dip',
  },
  {
    id: 'ringkasan',
    aspect: 'periodic',
    label: text('Ringkasan akses informasi publik', 'Summary of access to public information'),
    judged: text('Ringkasan terbit sendiri di portal dari register; ia berisi angka bila ada permohonan pada tahun monev.', 'The summary publishes itself on the portal from the register; it holds figures once there are requests in the monev year.'),
    deskPath: null,
    deskRoles: [],
    publicPath: '/ringkasan-akses',
  },
  {
    id: 'annual_report',
    aspect: 'periodic',
    label: text('Laporan layanan informasi publik tahun sebelumnya', "The previous year's public information service report"),
    judged: text('Laporan tahunan untuk tahun sebelum tahun monev sudah disampaikan.', 'The annual report for the year before the monev year has been submitted.'),
    deskPath: '/desk/laporan-tahunan',
    deskRoles: ['ppid', 'atasan_ppid'],
    publicPath: '/laporan-tahunan',
  },
  {
    id: 'dip',
    aspect: 'available',
    label: text('Daftar Informasi Publik yang ditetapkan dengan SK', 'Public information list established by decree'),
    judged: text('Edisi DIP terakhir diperintahkan unggah pada tahun monev, dengan nomor SK dan berkas SK-nya.', 'The latest DIP edition was ordered published in the monev year, with its decree number and decree file.'),
    deskPath: '/desk/dip/edisi',
    deskRoles: ['ppid', 'atasan_ppid'],
    publicPath: '/dip',
  },
  {
    id: 'dik',
    aspect: 'exempt',
    label: text('Daftar informasi yang dikecualikan dengan uji konsekuensi', 'Exempt information list with consequence tests'),
    judged: text('Ada entri DIK yang berlaku bagi kantor ini, dan setiap entri memuat akibat dan pertimbangan kepentingan publik dari uji konsekuensinya.', "Entries of the exempt list are in force for this office, each with the harm and the public-interest reasoning of its consequence test."),
    deskPath: '/desk/dik',
    deskRoles: ['ppid', 'atasan_ppid', 'information_provider'],
    publicPath: '/dik',
  },
];

// ---------------------------------------------------------------------------------------------------
// The monev year

export type YearCheck = { readonly ok: true; readonly year: number } | { readonly ok: false; readonly problem: Text };

/** The year from `?tahun=`: empty means this year; a future or malformed year is refused with why. */
export function checkYear(raw: string, today: string): YearCheck {
  const value = raw.trim() || today.slice(0, 4);
  if (!/^\d{4}$/.test(value)) return { ok: false, problem: text('Tulis tahun dengan empat angka, misalnya 2026.', 'Write the year as four digits, for example 2026.') };
  if (value < '2010') return { ok: false, problem: text('Monev keterbukaan informasi dinilai untuk tahun sejak 2010.', 'The openness monev covers years from 2010.') };
  if (value > today.slice(0, 4)) {
    return { ok: false, problem: text(`Tahun ${value} belum tiba: kesiapan dinilai untuk tahun yang sudah berjalan atau sudah selesai.`, `The year ${value} has not come yet: readiness is judged for a year that has begun or ended.`) };
  }
  return { ok: true, year: Number(value) };
}

// ---------------------------------------------------------------------------------------------------
// Evidence and judgement

/** Documents of one kind an office publishes: how many, and the local day of the latest. */
export interface DocumentEvidence {
  readonly count: number;
  readonly latestOn: string | null;
}

export interface DipEvidence {
  readonly edition: number;
  /** The local day the Secretary ordered it published. */
  readonly orderedOn: string;
  readonly skNumber: string;
  readonly skDate: string | null;
  readonly hasSkPdf: boolean;
}

export interface AnnualEvidence {
  readonly status: 'submitted' | 'draft';
  readonly version: number;
  /** The local day of the submission; null for a draft. */
  readonly submittedOn: string | null;
}

/** What Lentera holds for one office, as service.ts reads it; plain data. */
export interface Evidence {
  readonly decrees: DocumentEvidence;
  readonly procedures: DocumentEvidence;
  /** The local day each written page was last changed; a page never written or emptied is absent. */
  readonly pages: Readonly<Partial<Record<'profile' | 'charter' | 'service', string>>>;
  /** The latest ordered edition up to the end of the monev year; null when none. */
  readonly dip: DipEvidence | null;
  /** DIK entries in force for the office (its own and those of the offices above it), and those with a test part empty. */
  readonly dik: { readonly inForce: number; readonly untested: number };
  /** Classified periodic items, those past their update day, and the earliest such day. */
  readonly berkala: { readonly items: number; readonly overdue: number; readonly firstOverdue: string | null };
  readonly requests: number;
  readonly objections: number;
  readonly skmResponses: number;
  /** The annual report of the year before: its submitted version when there is one, else its draft. */
  readonly annual: AnnualEvidence | null;
}

export const NO_EVIDENCE: Evidence = {
  decrees: { count: 0, latestOn: null },
  procedures: { count: 0, latestOn: null },
  pages: {},
  dip: null,
  dik: { inForce: 0, untested: 0 },
  berkala: { items: 0, overdue: 0, firstOverdue: null },
  requests: 0,
  objections: 0,
  skmResponses: 0,
  annual: null,
};

export const STATUSES = ['present', 'partial', 'missing'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<Status, Text>> = {
  present: text('Ada', 'Present'),
  partial: text('Sebagian', 'Partial'),
  missing: text('Belum ada', 'Missing'),
};

export interface ItemResult {
  readonly item: MonevItem;
  readonly status: Status;
  /** The evidence found (counts, days), or that nothing was found. */
  readonly found: Text;
  /** What is missing and how to supply it; null when the item is present. */
  readonly missing: Text | null;
}

const day = (lang: Lang, iso: string) => formatDay(lang, iso, false);
const both = (make: (lang: Lang) => string): Text => text(make('id'), make('en'));
const count = (lang: Lang, n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en');

/** Each item judged against the office's evidence for the monev year (today's state for what has no history). */
export function judge(evidence: Evidence, year: number): ItemResult[] {
  return ITEMS.map((item) => ({ item, ...judgeItem(item.id, evidence, year) }));
}

function judgeItem(id: ItemId, e: Evidence, year: number): Omit<ItemResult, 'item'> {
  const none = text('Tidak ada bukti di Lentera.', 'No evidence in Lentera.');
  switch (id) {
    case 'sk_ppid':
      return e.decrees.count > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `${count(l, e.decrees.count)} dokumen SK PPID, terakhir ${day(l, e.decrees.latestOn!)}.` : `${count(l, e.decrees.count)} SK PPID document(s), latest ${day(l, e.decrees.latestOn!)}.`)), missing: null }
        : {
            status: 'missing',
            found: none,
            missing: text('SK PPID belum terbit. Admin Kantor mengunggahnya sebagai dokumen berjenis "SK PPID" di Halaman publik.', 'The SK PPID is not published. The office admin uploads it as a document of the kind "PPID decree" on the Public pages.'),
          };
    case 'profile': {
      const profile = e.pages.profile;
      const service = e.pages.service;
      const found = [profile ? both((l) => (l === 'id' ? `Profil PPID diperbarui ${day(l, profile)}.` : `PPID profile updated ${day(l, profile)}.`)) : null, service ? both((l) => (l === 'id' ? `Jam dan biaya layanan diperbarui ${day(l, service)}.` : `Service hours and costs updated ${day(l, service)}.`)) : null].filter((x): x is Text => x !== null);
      const foundText = found.length > 0 ? text(found.map((f) => f.id).join(' '), found.map((f) => f.en).join(' ')) : none;
      if (profile && service) return { status: 'present', found: foundText, missing: null };
      const lacking = !profile && !service ? text('Halaman profil PPID dan halaman jam dan biaya layanan belum diisi.', 'The PPID profile page and the service hours and costs page are not written.') : !profile ? text('Halaman profil PPID belum diisi.', 'The PPID profile page is not written.') : text('Halaman jam dan biaya layanan belum diisi.', 'The service hours and costs page is not written.');
      return { status: profile || service ? 'partial' : 'missing', found: foundText, missing: text(`${lacking.id} Admin Kantor mengisinya di Halaman publik.`, `${lacking.en} The office admin writes it on the Public pages.`) };
    }
    case 'charter':
      return e.pages.charter
        ? { status: 'present', found: both((l) => (l === 'id' ? `Maklumat diperbarui ${day(l, e.pages.charter!)}.` : `Charter updated ${day(l, e.pages.charter!)}.`)), missing: null }
        : { status: 'missing', found: none, missing: text('Halaman maklumat pelayanan belum diisi. Admin Kantor mengisinya di Halaman publik.', 'The service charter page is not written. The office admin writes it on the Public pages.') };
    case 'sop':
      return e.procedures.count > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `${count(l, e.procedures.count)} dokumen SOP, terakhir ${day(l, e.procedures.latestOn!)}.` : `${count(l, e.procedures.count)} SOP document(s), latest ${day(l, e.procedures.latestOn!)}.`)), missing: null }
        : { status: 'missing', found: none, missing: text('Belum ada dokumen SOP yang terbit. Admin Kantor mengunggahnya sebagai dokumen berjenis "Prosedur (SOP)" di Halaman publik.', 'No SOP document is published. The office admin uploads it as a document of the kind "Procedure (SOP)" on the Public pages.') };
    case 'request_register':
      return e.requests > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `${count(l, e.requests)} permohonan diterima pada tahun ${year}.` : `${count(l, e.requests)} request(s) received in ${year}.`)), missing: null }
        : {
            status: 'missing',
            found: none,
            missing: text(`Register tidak berisi permohonan yang diterima pada tahun ${year}. Catat setiap permohonan, termasuk yang datang langsung atau lewat surat, di Lentera.`, `The register holds no request received in ${year}. Record every request in Lentera, walk-in and letters included.`),
          };
    case 'objection_register':
      return e.objections > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `${count(l, e.objections)} keberatan diterima pada tahun ${year}.` : `${count(l, e.objections)} objection(s) received in ${year}.`)), missing: null }
        : {
            status: 'missing',
            found: none,
            missing: text(
              `Register keberatan tidak berisi keberatan yang diterima pada tahun ${year}. Catat setiap keberatan di Lentera; bila memang tidak ada keberatan, nyatakan itu pada kuesioner dengan register yang kosong.`,
              `The register of objections holds no objection received in ${year}. Record every objection in Lentera; if there truly were none, say so in the questionnaire with the empty register.`,
            ),
          };
    case 'skm':
      return e.skmResponses > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `${count(l, e.skmResponses)} jawaban SKM pada tahun ${year}.` : `${count(l, e.skmResponses)} survey answer(s) in ${year}.`)), missing: null }
        : {
            status: 'missing',
            found: none,
            missing: text(`Belum ada jawaban SKM pada tahun ${year}. Pemohon yang memberi alamat e-mail diundang saat permohonannya selesai.`, `No survey answer in ${year}. Applicants who give an e-mail address are invited when their request closes.`),
          };
    case 'berkala': {
      const b = e.berkala;
      if (b.items === 0) return { status: 'missing', found: none, missing: text('DIP belum memuat informasi berkala. PPID mengklasifikasikan informasi sebagai berkala dengan jadwal pemutakhirannya.', 'The DIP holds no periodic information. The PPID classifies items as periodic with their update schedule.') };
      const found = both((l) => (l === 'id' ? `${count(l, b.items)} informasi berkala; ${count(l, b.overdue)} lewat jadwal pemutakhiran.` : `${count(l, b.items)} periodic item(s); ${count(l, b.overdue)} past their update date.`));
      if (b.overdue === 0) return { status: 'present', found, missing: null };
      return {
        status: 'partial',
        found,
        missing: both((l) =>
          l === 'id'
            ? `${count(l, b.overdue)} informasi berkala belum dimutakhirkan (jadwal paling lama ${day(l, b.firstOverdue!)}). Mutakhirkan lalu tetapkan edisi DIP baru.`
            : `${count(l, b.overdue)} periodic item(s) not updated (the oldest due ${day(l, b.firstOverdue!)}). Update them and establish a new DIP edition.`,
        ),
      };
    }
    case 'ringkasan':
      return e.requests > 0
        ? { status: 'present', found: both((l) => (l === 'id' ? `Terbit otomatis dari ${count(l, e.requests)} permohonan tahun ${year}.` : `Published automatically from ${count(l, e.requests)} request(s) of ${year}.`)), missing: null }
        : {
            status: 'missing',
            found: none,
            missing: text(`Ringkasan tidak memuat angka untuk tahun ${year} karena register tidak berisi permohonan tahun itu; ia terisi sendiri begitu permohonan dicatat.`, `The summary has no figures for ${year} because the register holds no request of that year; it fills itself once requests are recorded.`),
          };
    case 'annual_report': {
      const a = e.annual;
      const of = year - 1;
      if (a?.status === 'submitted') return { status: 'present', found: both((l) => (l === 'id' ? `Laporan tahun ${of} versi ${a.version} disampaikan ${day(l, a.submittedOn!)}.` : `The ${of} report, version ${a.version}, submitted ${day(l, a.submittedOn!)}.`)), missing: null };
      if (a) return { status: 'partial', found: text(`Konsep laporan tahun ${of} ada, belum disampaikan.`, `A draft of the ${of} report exists, not submitted.`), missing: text(`PPID menyampaikan laporan tahun ${of} (batas 31 Maret ${year}).`, `The PPID submits the ${of} report (due 31 March ${year}).`) };
      return { status: 'missing', found: none, missing: text(`Laporan layanan informasi publik tahun ${of} belum dibuat. PPID menyusun dan menyampaikannya di Laporan tahunan.`, `The ${of} public information service report has not been made. The PPID drafts and submits it under Annual report.`) };
    }
    case 'dip': {
      const d = e.dip;
      if (!d) return { status: 'missing', found: none, missing: text('Belum ada edisi DIP yang diperintahkan unggah. PPID menetapkan edisi dengan SK, lalu Sekretaris memerintahkan unggah.', 'No DIP edition has been ordered published. The PPID establishes an edition by decree, then the Secretary orders it published.') };
      const found = both((l) =>
        l === 'id'
          ? `Edisi ${d.edition} diperintahkan unggah ${day(l, d.orderedOn)}${d.skNumber ? `; SK ${d.skNumber}${d.skDate ? ` tanggal ${day(l, d.skDate)}` : ''}` : ''}${d.hasSkPdf ? '; berkas SK terunggah' : ''}.`
          : `Edition ${d.edition} ordered published ${day(l, d.orderedOn)}${d.skNumber ? `; decree ${d.skNumber}${d.skDate ? ` of ${day(l, d.skDate)}` : ''}` : ''}${d.hasSkPdf ? '; decree file uploaded' : ''}.`,
      );
      const lacking: Text[] = [];
      if (d.orderedOn.slice(0, 4) !== String(year)) lacking.push(text(`DIP belum dimutakhirkan pada tahun ${year}: tetapkan edisi pemutakhiran.`, `The DIP was not updated in ${year}: establish an updated edition.`));
      if (!d.skNumber) lacking.push(text('Edisi ini tidak mencatat nomor SK penetapannya.', 'This edition records no decree number.'));
      if (!d.hasSkPdf) lacking.push(text('Berkas PDF SK penetapan DIP belum diunggah pada edisi ini.', "The decree's PDF is not uploaded with this edition."));
      if (lacking.length === 0) return { status: 'present', found, missing: null };
      return { status: 'partial', found, missing: text(lacking.map((x) => x.id).join(' '), lacking.map((x) => x.en).join(' ')) };
    }
    case 'dik': {
      const k = e.dik;
      if (k.inForce === 0) return { status: 'missing', found: none, missing: text('Tidak ada entri DIK yang berlaku bagi kantor ini. Tetapkan (atau usulkan kepada kantor atasan) informasi yang dikecualikan dengan uji konsekuensinya.', 'No exempt-list entry is in force for this office. Set (or propose to the office above) the exempt information with its consequence test.') };
      const found = both((l) => (l === 'id' ? `${count(l, k.inForce)} entri DIK berlaku; ${count(l, k.untested)} tanpa uji konsekuensi lengkap.` : `${count(l, k.inForce)} exempt-list entr${k.inForce === 1 ? 'y' : 'ies'} in force; ${count(l, k.untested)} without a complete consequence test.`));
      if (k.untested === 0) return { status: 'present', found, missing: null };
      return { status: 'partial', found, missing: text(`${k.untested} entri DIK belum memuat akibat atau pertimbangan kepentingan publik dari uji konsekuensi.`, `${k.untested} exempt-list entr${k.untested === 1 ? 'y lacks' : 'ies lack'} the harm or the public-interest reasoning of the consequence test.`) };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Readiness

export interface Readiness {
  readonly present: number;
  readonly partial: number;
  readonly missing: number;
  readonly total: number;
  /** Items present as a percentage of all items, one decimal. */
  readonly percent: number;
}

export function readinessOf(results: readonly Pick<ItemResult, 'status'>[]): Readiness {
  const n = (s: Status) => results.filter((r) => r.status === s).length;
  const total = results.length;
  return { present: n('present'), partial: n('partial'), missing: n('missing'), total, percent: total === 0 ? 0 : Math.round((n('present') / total) * 1000) / 10 };
}

export function percentText(lang: Lang, value: number): string {
  return `${value.toLocaleString(lang === 'id' ? 'id-ID' : 'en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** The readiness in one sentence, saying what it is not. */
export function readinessSentence(lang: Lang, r: Readiness): string {
  return t(
    lang,
    text(
      `Kesiapan bukti: ${r.present} dari ${r.total} butir ada (${percentText('id', r.percent)}); ${r.partial} sebagian, ${r.missing} belum ada.`,
      `Evidence readiness: ${r.present} of ${r.total} items present (${percentText('en', r.percent)}); ${r.partial} partial, ${r.missing} missing.`,
    ),
  );
}

export const NOT_A_GRADE = text(
  'Angka kesiapan ini hanya menghitung butir kuesioner monev yang buktinya sudah ada di Lentera. Ini bukan nilai atau kualifikasi Komisi Informasi (Informatif, Menuju Informatif, Cukup Informatif, Kurang Informatif, Tidak Informatif): nilai itu diberikan Komisi atas seluruh kuesioner, verifikasi dan presentasi.',
  "This readiness counts only the monev questionnaire items whose evidence is already in Lentera. It is not the Komisi Informasi's score or grade (Informatif, Menuju Informatif, Cukup, Kurang, Tidak Informatif): the commission gives that on the whole questionnaire, its verification and the presentation.",
);

export const STATE_NOTE = text(
  'Permohonan, keberatan, SKM dan edisi DIP dihitung untuk tahun monev; laporan tahunan untuk tahun sebelumnya. Dokumen, halaman publik, DIK dan jadwal informasi berkala dinilai menurut keadaannya hari ini.',
  'Requests, objections, survey answers and DIP editions are counted for the monev year; the annual report for the year before. Documents, public pages, the exempt list and the periodic schedule are judged as they stand today.',
);
