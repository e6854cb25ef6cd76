import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { objections } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { demoEmail } from '../offices/seed.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm as NoticeForm, IntakeForm } from '../requests/rules.ts';
import { decide, escalate, handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import type { ObjectionForm } from './rules.ts';
import { advanceDispute, decideObjection, fileObjection, recordDispute, recordResponse } from './service.ts';

/** The offices whose demo requests (src/requests/seed.ts) also show objections. */
const OFFICES = ['kab-belitung-timur', 'kab-bintan'] as const;

const APPLICANT: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: '',
  nik: '',
  legalNumber: '',
  address: '',
  phone: '081377002233',
  email: '',
  occupation: 'Wiraswasta',
  proxyName: '',
  information: '',
  purpose: 'Bahan pemantauan pemilihan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

const NO_NOTICE: NoticeForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

const objectionForm = (grounds: string[], description: string): ObjectionForm => ({ grounds: '', groundList: grounds, description, proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' });

/**
 * Demo objections in every state, each against a request of its own made for it, through the same
 * service calls the desk and the tracking page use: one filed and waiting for the Atasan PPID (a letter
 * left unanswered past its deadline), one upheld and not accepted, taken to the Komisi Informasi and in
 * mediation, one overturned (its request reopened), and one settled and accepted. Every window is
 * counted from real dates, so all of it happens now, but the unanswered letter, received a month ago.
 * Skipped for an office that already has objections; returns how many were made.
 */
export async function seedDemoObjections(db: Db, baseUrl: string): Promise<number> {
  const ctx = { baseUrl };
  const applicant: Actor = { staffId: null, label: 'demo-applicant', ip: '', requestId: 'demo' };
  let created = 0;
  for (const slug of OFFICES) {
    const office = await officeBySlug(db, slug);
    if (!office) continue;
    const [existing] = await db.select({ id: objections.id }).from(objections).where(eq(objections.officeId, office.id)).limit(1);
    if (existing) continue;
    const actor = async (key: string): Promise<Actor> => {
      const member = await staffByEmail(db, demoEmail(key, slug));
      if (!member) throw new Error(`demo account ${key} of ${slug} is missing; run the office seed first`);
      return { staffId: member.id, label: member.email, ip: '', requestId: 'demo' };
    };
    const [desk, ppid, atasan] = [await actor('desk'), await actor('ppid'), await actor('atasan')];
    const scope = { officeId: office.id };
    const today = todayIn(office.timeZone);
    const submit = async (form: Partial<IntakeForm>, by: Actor = applicant, receivedAt?: Date) =>
      (await submitRequest(db, by, { officeId: office.id, form: { ...APPLICANT, address: `Jl. Sudirman No. 5, ${office.city}`, ...form }, submissionKey: newSubmissionKey(), files: [], ...(receivedAt ? { receivedAt } : {}) }, ctx)).request;
    const object = async (requestId: number, by: Actor, form: ObjectionForm) => (await fileObjection(db, by, { officeId: office.id, requestId, form, submissionKey: newSubmissionKey(), files: [] }, ctx)).objection;

    // Filed and waiting: a letter received a month ago was never answered (ground c).
    const unanswered = await submit(
      { channel: 'letter', consent: '', name: 'Yusuf Maulana', nik: '1906011203880003', email: 'yusuf.maulana@contoh.id', deliveryMethod: 'post', information: 'Salinan formulir hasil rekapitulasi tingkat kecamatan Pilkada 2024 seluruh kecamatan' },
      desk,
      new Date(Date.now() - 30 * 24 * 3600 * 1000),
    );
    await object(unanswered.id, applicant, objectionForm(['c'], 'Surat permohonan saya sudah lebih dari sepuluh hari kerja tidak mendapat pemberitahuan tertulis.'));

    // Upheld, not accepted, and in mediation at the Komisi Informasi (ground e).
    const notDocumented = await submit({ name: 'Lina Marlina', nik: '1906014405910004', email: 'lina.marlina@contoh.id', information: 'Notulen rapat pleno penetapan daerah pemilihan Pemilu 2024' });
    await escalate(db, desk, scope, notDocumented.id, { note: 'Notulen disimpan Subbagian Hukum; mohon arahan.' }, ctx);
    await decide(db, ppid, scope, notDocumented.id, { ...NO_NOTICE, outcome: 'not_documented', documentedBy: 'Akhir triwulan ini, setelah arsip rapat dipindai.' }, ctx);
    const disputed = await object(notDocumented.id, applicant, objectionForm(['e'], 'Notulen rapat pleno semestinya sudah didokumentasikan; saya membutuhkannya sekarang.'));
    await decideObjection(db, atasan, scope, disputed.id, { action: 'uphold', reasons: 'Notulen sedang dipindai dan akan diumumkan setelah selesai; keputusan PPID sudah tepat.', terms: '', order: '' }, ctx);
    await recordResponse(db, applicant, scope, disputed.id, { response: 'not_accepted', note: 'Saya akan mengajukan sengketa ke Komisi Informasi.', requestId: notDocumented.id });
    const dispute = await recordDispute(db, ppid, scope, disputed.id, { commission: `Komisi Informasi Provinsi ${slug === 'kab-bintan' ? 'Kepulauan Riau' : 'Kepulauan Bangka Belitung'}`, registerNumber: '', filedOn: today, note: 'Pemberitahuan registrasi diterima dari kepaniteraan komisi.' }, []);
    await advanceDispute(db, ppid, scope, dispute.id, { stage: 'mediation', on: today, note: 'Sidang mediasi pertama dijadwalkan komisi.', outcome: '', outcomeNote: '' }, []);

    // Overturned: a refusal on Pasal 17 h the Atasan PPID finds too wide; the request reopens (ground a).
    const refused = await submit({ name: 'Hendra Gunawan', nik: '1906011508870005', email: 'hendra.gunawan@contoh.id', information: 'Daftar honorarium badan adhoc PPK dan PPS Pilkada 2024' });
    await escalate(db, desk, scope, refused.id, { note: 'Memuat data keuangan perorangan.' }, ctx);
    await decide(db, ppid, scope, refused.id, { ...NO_NOTICE, outcome: 'refused', pasal17: 'h', consequence: 'Membuka besaran penghasilan perorangan anggota badan adhoc.' }, ctx);
    const overturned = await object(refused.id, desk, objectionForm(['a'], 'Besaran honorarium badan adhoc diatur keputusan dan dibayar dari anggaran negara; itu bukan rahasia pribadi.'));
    await decideObjection(db, atasan, scope, overturned.id, { action: 'overturn', reasons: 'Besaran honorarium per jabatan ditetapkan keputusan KPU dan bukan rahasia pribadi; nama dan nomor rekening tetap dihitamkan.', terms: '', order: 'Daftar honorarium per jabatan PPK dan PPS, tanpa nomor rekening.' }, ctx);

    // Settled by agreement and accepted (ground d).
    const handedOver = await submit({ channel: 'walk_in', consent: '', name: 'Nurul Hidayah', nik: '1906016702930006', email: '', deliveryMethod: 'collect', information: `Peta lokasi TPS se-Kabupaten ${office.city} Pilkada 2024` }, desk);
    await handOver(db, desk, scope, handedOver.id, { items: [`Daftar alamat TPS se-Kabupaten ${office.city} (12 halaman)`], note: '' }, ctx);
    const settled = await object(handedOver.id, desk, objectionForm(['d'], 'Saya meminta peta lokasi TPS, yang diberikan hanya daftar alamat.'));
    await decideObjection(db, atasan, scope, settled.id, { action: 'settle', reasons: 'Peta lokasi TPS tersedia dalam berkas digital Subbagian Teknis.', terms: 'PPID menyerahkan cetakan peta lokasi TPS di desk dalam tiga hari kerja.', order: '' }, ctx);
    await recordResponse(db, desk, scope, settled.id, { response: 'accepted', note: 'Pemohon menerima di desk.' });

    created += 4;
  }
  return created;
}
