import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../db/client.ts';
import { requests } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { renderPdf } from '../letters/render.ts';
import { demoEmail } from '../offices/seed.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { seedDemoObjections } from '../objections/seed.ts';
import type { DecisionForm, IntakeForm } from './rules.ts';
import { answerDisposition, decide, deliver, dispose, escalate, extend, handOver, newSubmissionKey, setFileRelease, submitRequest } from './service.ts';
import { filesOf } from './store.ts';

/** Offices whose demo desk shows requests in every state of the SOP. */
const OFFICES = ['kab-belitung-timur', 'kab-bintan'] as const;

const APPLICANT: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Ahmad Fauzi',
  nik: '1906010101900001',
  legalNumber: '',
  address: 'Jl. Jenderal Sudirman No. 10, Manggar',
  phone: '081277001122',
  email: 'ahmad.fauzi@contoh.id',
  occupation: 'Mahasiswa',
  proxyName: '',
  information: 'Rekapitulasi jumlah pemilih tetap per kecamatan pada Pemilu 2024',
  purpose: 'Bahan penelitian skripsi',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

async function recapWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DPT per kecamatan');
  sheet.addRows([
    ['Kecamatan', 'Laki-laki', 'Perempuan', 'Jumlah'],
    ['Manggar', 14210, 14105, 28315],
    ['Gantung', 9120, 8987, 18107],
    ['Kelapa Kampit', 6012, 5890, 11902],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Demo requests in every state, made through the same service calls the desk uses, so the demo's
 * register, letters and audit log are real. Skipped for an office that already has requests.
 */
export async function seedDemoRequests(db: Db, baseUrl: string): Promise<number> {
  const ctx = { baseUrl };
  const anonymous: Actor = { staffId: null, label: 'demo-applicant', ip: '', requestId: 'demo' };
  let created = 0;
  for (const slug of OFFICES) {
    const office = await officeBySlug(db, slug);
    if (!office) continue;
    const [existing] = await db.select({ id: requests.id }).from(requests).where(eq(requests.officeId, office.id)).limit(1);
    if (existing) continue;
    const actor = async (key: string): Promise<Actor> => {
      const member = await staffByEmail(db, demoEmail(key, slug));
      if (!member) throw new Error(`demo account ${key} of ${slug} is missing; run the office seed first`);
      return { staffId: member.id, label: member.email, ip: '', requestId: 'demo' };
    };
    const [desk, ppid, unit] = [await actor('desk'), await actor('ppid'), await actor('unit')];
    const unitId = (await staffByEmail(db, demoEmail('unit', slug)))!.unitId!;
    const scope = { officeId: office.id };
    const submit = (form: Partial<IntakeForm>, by: Actor = anonymous, receivedAt?: Date, files: { role: string; name: string; bytes: Buffer; mediaType: string }[] = []) =>
      submitRequest(db, by, { officeId: office.id, form: { ...APPLICANT, ...form }, submissionKey: newSubmissionKey(), files, ...(receivedAt ? { receivedAt } : {}) }, ctx);
    const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);

    // Received online, waiting for the desk.
    await submit({});
    // A walk-in answered at once.
    const walkIn = await submit({ channel: 'walk_in', consent: '', name: 'Sri Wahyuni', nik: '1906015502850002', email: '', deliveryMethod: 'collect', information: 'Jadwal tahapan Pilkada 2024' }, desk);
    await handOver(db, desk, scope, walkIn.request.id, { items: ['Salinan jadwal tahapan Pilkada 2024 (2 halaman)'], note: '' }, ctx);
    // A letter escalated and assigned to a unit, not yet answered.
    const letter = await submit({ channel: 'letter', consent: '', name: 'LSM Pemantau Pemilu', applicantType: 'legal_entity', nik: '', legalNumber: 'AHU-0012345.AH.01.07.2019', information: 'Daftar nama anggota PPK dan PPS se-kabupaten', deliveryMethod: 'post' }, desk, daysAgo(6), [
      { role: 'legal_deed', name: 'sk-pengesahan.pdf', bytes: await renderPdf({ content: ['SK Pengesahan Badan Hukum AHU-0012345.AH.01.07.2019 (contoh demo)'] }), mediaType: 'application/pdf' },
    ]);
    await escalate(db, desk, scope, letter.request.id, { note: 'Informasi dikuasai Subbagian Teknis; mohon arahan.' }, ctx);
    await dispose(db, ppid, scope, letter.request.id, { unitIds: [unitId], instruction: 'Siapkan daftar anggota PPK dan PPS tanpa NIK dan alamat.', dueOn: todayIn(office.timeZone) }, ctx);
    // Granted in full, delivered by e-mail.
    const granted = await submit({ information: 'Rekapitulasi DPT per kecamatan Pemilu 2024' });
    await escalate(db, desk, scope, granted.request.id, { note: 'Mohon ditindaklanjuti.' }, ctx);
    const [dispositionId] = await dispose(db, ppid, scope, granted.request.id, { unitIds: [unitId], instruction: 'Kirim rekap DPT per kecamatan.', dueOn: todayIn(office.timeZone) }, ctx);
    await answerDisposition(db, unit, scope, dispositionId!, { answer: 'provided', note: '', holder: '', expectedOn: '', files: [{ role: 'files', name: 'rekap-dpt-2024.xlsx', bytes: await recapWorkbook() }] }, ctx);
    for (const file of await filesOf(db, granted.request.id)) if (file.role === 'answer') await setFileRelease(db, ppid, scope, file.id, { release: true, reason: '' });
    await decide(db, ppid, scope, granted.request.id, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', timeToProvide: 'Saat pemberitahuan ini diterima' }, ctx);
    await deliver(db, desk, scope, granted.request.id, { mode: 'email', note: '' }, ctx);
    // Refused on Pasal 17 h.
    const refused = await submit({ name: 'Rudi Hartono', information: 'Salinan KTP seluruh anggota KPPS', purpose: 'Verifikasi pribadi' });
    await escalate(db, desk, scope, refused.request.id, { note: 'Memuat data pribadi.' }, ctx);
    await decide(db, ppid, scope, refused.request.id, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi (NIK, alamat) anggota KPPS yang dilindungi UU 27/2022.' }, ctx);
    // Extended once, still open.
    const extended = await submit({ name: 'Maria Ulfa', information: 'Laporan pertanggungjawaban dana hibah Pilkada 2024' });
    await escalate(db, desk, scope, extended.request.id, { note: 'Data di beberapa subbagian.' }, ctx);
    await extend(db, ppid, scope, extended.request.id, { reason: 'Informasi perlu dihimpun dari tiga subbagian dan diperiksa kelengkapannya.' }, ctx);
    created += 6;
  }
  await seedDemoObjections(db, baseUrl);
  return created;
}
