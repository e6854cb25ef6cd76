import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dipEditions } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { todayIn } from '../offices/portal.tsx';
import { savePages } from './office-pages-service.ts';
import type { ItemForm } from './rules.ts';
import { addDikEntry, classifyItem, createCall, createEdition, establishEdition, orderEdition, submitEdition, submitItem } from './service.ts';

/** Offices whose demo portal shows a published DIP (the SOPs' own offices). */
const OFFICES = ['kab-bintan', 'kab-belitung-timur'] as const;

interface DemoItem {
  readonly form: Partial<ItemForm>;
  readonly category: 'berkala' | 'serta_merta' | 'setiap_saat';
  readonly months?: number;
}

const ITEMS: readonly DemoItem[] = [
  { form: { title: 'Profil KPU Kabupaten', summary: 'Struktur organisasi, tugas dan fungsi, serta alamat dan kontak kantor.' }, category: 'berkala', months: 6 },
  { form: { title: 'Rekapitulasi daftar pemilih tetap Pemilu 2024 per kecamatan', summary: 'Jumlah pemilih tetap laki-laki dan perempuan di setiap kecamatan pada Pemilu 2024.' }, category: 'setiap_saat' },
  { form: { title: 'Laporan realisasi anggaran semester I', summary: 'Realisasi belanja pegawai, barang dan modal sampai dengan 30 Juni.' }, category: 'berkala', months: 6 },
  { form: { title: 'Keputusan penetapan pasangan calon Pilkada 2024', summary: 'Surat keputusan KPU Kabupaten tentang penetapan pasangan calon bupati dan wakil bupati.' }, category: 'setiap_saat' },
  { form: { title: 'Jadwal dan tahapan Pilkada 2024', summary: 'Tahapan, program dan jadwal penyelenggaraan pemilihan bupati dan wakil bupati.' }, category: 'berkala', months: 3 },
  { form: { title: 'Pengumuman perubahan lokasi TPS akibat banjir', summary: 'Informasi serta merta tentang pemindahan tempat pemungutan suara yang terdampak bencana.' }, category: 'serta_merta' },
];

const BASE: ItemForm = {
  title: '',
  summary: '',
  holder: 'Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat',
  responsible: 'Kepala Subbagian Teknis',
  producedWhen: '2024',
  producedWhere: '',
  hasSoftcopy: false,
  hasHardcopy: true,
  onlineLink: '',
  archiveLocation: 'Ruang arsip, lemari 2',
  retention: '10 tahun (JRA PKPU 17/2023)',
};

/**
 * A published DIP at two offices, and KPU RI's DIK entry that they inherit, made through the same
 * service calls the desk uses, so the demo's recap book and audit log are real. Skipped for an office
 * that already has an edition.
 */
export async function seedDemoDip(db: Db, baseUrl: string): Promise<number> {
  const ctx = { baseUrl };
  const actor = async (key: string, slug: string): Promise<Actor> => {
    const member = await staffByEmail(db, demoEmail(key, slug));
    if (!member) throw new Error(`demo account ${key} of ${slug} is missing; run the office seed first`);
    return { staffId: member.id, label: member.email, ip: '', requestId: 'demo' };
  };
  const ri = await officeBySlug(db, 'ri');
  let published = 0;
  for (const slug of OFFICES) {
    const office = await officeBySlug(db, slug);
    if (!office || !ri) continue;
    const [existing] = await db.select({ id: dipEditions.id }).from(dipEditions).where(eq(dipEditions.officeId, office.id)).limit(1);
    if (existing) continue;
    if (published === 0) {
      await addDikEntry(db, await actor('ppid', 'ri'), { officeId: ri.id }, {
        title: 'Data pribadi pemilih dan penyelenggara (NIK, nomor KK, alamat lengkap)',
        pasal17: 'h',
        otherLaw: '',
        harm: 'Membuka data pribadi yang dilindungi UU 27/2022 dan dapat disalahgunakan.',
        publicInterest: 'Perlindungan data pribadi lebih besar daripada manfaat membukanya; rekap tanpa data pribadi tetap terbuka.',
        periodText: 'Selama data tersebut melekat pada orang yang bersangkutan',
        periodEndsOn: '',
        decidedBy: 'Tim uji konsekuensi KPU RI',
        decidedOn: '2026-01-15',
      }, ctx);
    }
    const scope = { officeId: office.id };
    const ppid = await actor('ppid', slug);
    const unit = await actor('unit', slug);
    const unitId = (await staffByEmail(db, demoEmail('unit', slug)))!.unitId!;
    const callId = await createCall(db, ppid, scope, { title: 'Pemutakhiran Daftar Informasi Publik', instruction: 'Serahkan informasi publik yang dikuasai unit beserta lokasi arsipnya.', unitIds: [unitId], dueOn: '' }, ctx);
    for (const demo of ITEMS) {
      const itemId = await submitItem(db, unit, scope, { callId, form: { ...BASE, producedWhere: office.city, ...demo.form }, files: [] });
      await classifyItem(db, ppid, scope, itemId, { category: demo.category, updateMonths: demo.months ? String(demo.months) : '', dikEntryId: '', documentationChecked: true }, ctx);
    }
    const editionId = await createEdition(db, ppid, scope);
    await establishEdition(db, ppid, scope, editionId, { skNumber: `1/PPID/${office.code}/${todayIn(office.timeZone).slice(0, 4)}`, skDate: todayIn(office.timeZone), skPdf: undefined }, ctx);
    await submitEdition(db, ppid, scope, editionId, ctx);
    await orderEdition(db, await actor('atasan', slug), scope, editionId);
    await savePages(db, await actor('admin', slug), scope, {
      profile: `PPID ${office.name} mengelola dan melayani informasi publik sesuai UU 14/2008.\n\nPPID: Kepala Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat. Atasan PPID: Sekretaris.`,
      charter: 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
      service: `Senin–Jumat ${office.hoursStart}–${office.hoursEnd}. Layanan tidak dipungut biaya; pemohon hanya menanggung biaya nyata penyalinan dan pengiriman.`,
    });
    published++;
  }
  return published;
}
