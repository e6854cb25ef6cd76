import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staff } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Actor } from '../kernel/audit/store.ts';
import type { Role } from './roles.ts';
import { createStaff, createUnit, importOffices, type ImportResult } from './service.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from './store.ts';

/** The demo hierarchy: KPU RI, two provinces, one regency under each (the SOPs' own offices). */
const DEMO_OFFICES_CSV = `slug,code,name,level,parent,address,city,phone,email,website,time_zone,hours_start,hours_end,letterhead
ri,00,Komisi Pemilihan Umum Republik Indonesia,ri,,Jl. Imam Bonjol No. 29 Menteng,Jakarta Pusat,021-31937223,ppid@kpu.go.id,https://ppid.kpu.go.id,Asia/Jakarta,08:00,16:00,KOMISI PEMILIHAN UMUM|REPUBLIK INDONESIA
prov-kepri,21,Komisi Pemilihan Umum Provinsi Kepulauan Riau,province,ri,Jl. Ahmad Yani Km. 5 Batu IX,Tanjungpinang,0771-7447016,ppid@kepri.kpu.go.id,https://ppid.kpu.go.id/kepri,Asia/Jakarta,08:00,16:00,KOMISI PEMILIHAN UMUM|PROVINSI KEPULAUAN RIAU
kab-bintan,21.01,Komisi Pemilihan Umum Kabupaten Bintan,regency,prov-kepri,Jl. Raya Tanjung Uban Km. 42,Bintan,0771-8048006,ppid@bintankab.kpu.go.id,https://ppid.kpu.go.id/bintan,Asia/Jakarta,08:00,16:00,KOMISI PEMILIHAN UMUM|KABUPATEN BINTAN
prov-babel,19,Komisi Pemilihan Umum Provinsi Kepulauan Bangka Belitung,province,ri,Jl. Pulau Bangka Kompleks Perkantoran Gubernur,Pangkalpinang,0717-4262017,ppid@babel.kpu.go.id,https://ppid.kpu.go.id/babel,Asia/Jakarta,08:00,16:00,KOMISI PEMILIHAN UMUM|PROVINSI KEPULAUAN BANGKA BELITUNG
kab-belitung-timur,19.06,Komisi Pemilihan Umum Kabupaten Belitung Timur,regency,prov-babel,"Komplek Perkantoran Terpadu Manggarawan, Jl. Raya Manggar Gantung",Belitung Timur,0719-91660,ppid@belitungtimurkab.kpu.go.id,https://ppid.kpu.go.id/beltim,Asia/Jakarta,08:00,16:00,KOMISI PEMILIHAN UMUM|KABUPATEN BELITUNG TIMUR
`;

export const DEMO_OFFICE_SLUGS = ['ri', 'prov-kepri', 'kab-bintan', 'prov-babel', 'kab-belitung-timur'] as const;

/** Every demo account signs in with this password; the README lists the accounts. */
export const DEMO_PASSWORD = 'lentera-demo-2026';

const DEMO_UNITS = ['Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat', 'Subbagian Perencanaan, Data dan Informasi', 'Subbagian Keuangan, Umum dan Logistik', 'Subbagian Hukum dan Sumber Daya Manusia'];

const DEMO_ROLES: readonly { key: string; role: Role; name: string; position: string }[] = [
  { key: 'desk', role: 'desk_officer', name: 'Rina Petugas', position: 'Pelaksana Desk Layanan Informasi' },
  { key: 'ppid', role: 'ppid', name: 'Budi Santoso', position: 'Kepala Subbagian (PPID)' },
  { key: 'atasan', role: 'atasan_ppid', name: 'Siti Rahmawati', position: 'Sekretaris (Atasan PPID)' },
  { key: 'unit', role: 'information_provider', name: 'Andi Wijaya', position: 'Staf Subbagian Teknis (PPID Pelaksana)' },
  { key: 'admin', role: 'office_admin', name: 'Dewi Lestari', position: 'Pengelola Sistem Informasi' },
];

export function demoEmail(key: string, slug: string): string {
  return `${key}.${slug}@demo.lentera.id`;
}

export const DEMO_SYSTEM_ADMIN = 'sysadmin@demo.lentera.id';

export interface SeedResult {
  readonly offices: ImportResult;
  readonly unitsCreated: number;
  readonly staffCreated: number;
}

/**
 * Idempotent: a second run creates nothing new. Refused on a database that has real accounts, since the
 * demo accounts share a published password.
 */
export async function seedDemo(db: Db, actor: Actor, baseUrl: string): Promise<SeedResult> {
  const [real] = await db.select({ id: staff.id }).from(staff).where(eq(staff.demo, false)).limit(1);
  if (real) {
    throw new AppError(
      409,
      'real_accounts',
      text(
        'Basis data ini sudah memiliki akun sungguhan; data demo (dengan kata sandi yang diumumkan) tidak dimuat. Pakai DATA_DIR atau DATABASE_URL lain untuk demo.',
        'This database already has real accounts; demo data (with a published password) is not loaded. Use another DATA_DIR or DATABASE_URL for the demo.',
      ),
    );
  }
  const officeResult = await importOffices(db, actor, DEMO_OFFICES_CSV);
  let unitsCreated = 0;
  let staffCreated = 0;
  for (const slug of DEMO_OFFICE_SLUGS) {
    const office = (await officeBySlug(db, slug))!;
    const scope = { officeId: office.id };
    const existingUnits = await unitsOfOffice(db, scope);
    for (const name of DEMO_UNITS) {
      if (existingUnits.some((u) => u.name === name)) continue;
      await createUnit(db, actor, scope, name);
      unitsCreated++;
    }
    const unit = (await unitsOfOffice(db, scope)).find((u) => u.name === DEMO_UNITS[0])!;
    const accounts = DEMO_ROLES.map((r) => ({ ...r, email: demoEmail(r.key, slug) }));
    if (slug === 'ri') accounts.push({ key: 'sysadmin', role: 'system_admin', name: 'Admin Sistem Lentera', position: 'Administrator Sistem', email: DEMO_SYSTEM_ADMIN });
    for (const account of accounts) {
      if (await staffByEmail(db, account.email)) continue;
      await createStaff(
        db,
        actor,
        scope,
        {
          name: account.name,
          email: account.email,
          position: account.position,
          roles: [account.role],
          unitId: account.role === 'information_provider' ? unit.id : null,
          password: DEMO_PASSWORD,
          demo: true,
        },
        { mayGrantSystemAdmin: true, baseUrl },
      );
      staffCreated++;
    }
  }
  return { offices: officeResult, unitsCreated, staffCreated };
}
