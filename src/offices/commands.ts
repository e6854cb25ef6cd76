import { readFileSync } from 'node:fs';
import { cliActor } from '../kernel/audit/store.ts';
import { defineCommand, UsageError } from '../cli/command.ts';
import { isRole } from './roles.ts';
import { seedDemo } from './seed.ts';
import { createStaff, importOffices, requireOffice } from './service.ts';
import { unitsOfOffice } from './store.ts';
import { seedDemoRequests } from '../requests/seed.ts';
import { seedDemoDip } from '../dip/seed.ts';

function readInput(path: string | undefined): string {
  if (!path) throw new UsageError('Sebutkan berkas CSV / name the CSV file.');
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Berkas ${path} tidak dapat dibaca / cannot read ${path}.`);
  }
}

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Isi data demo: kantor, unit dan staf / load demo offices, units and staff',
  help: 'npm run cli -- seed --demo\n\n  --demo   load the demo hierarchy (KPU RI, Kepri, Bintan, Babel, Belitung Timur) with one account per role, and demo requests\n           in every state at Belitung Timur and Bintan. Safe to run twice.',
  options: { demo: { type: 'boolean' } },
  async run(values, _positionals, { config, database, out }) {
    if (!values.demo) throw new UsageError('Hanya --demo yang tersedia / only --demo is available.');
    const result = await seedDemo(database.db, cliActor('seed'), config.baseUrl);
    out(`Kantor / offices: ${result.offices.created} baru/new, ${result.offices.updated} diperbarui/updated, ${result.offices.unchanged} tetap/unchanged`);
    out(`Unit baru / new units: ${result.unitsCreated}; staf baru / new staff: ${result.staffCreated}`);
    out(`Permohonan contoh / demo requests: ${await seedDemoRequests(database.db, config.baseUrl)}`);
    out(`DIP terbit / published DIPs: ${await seedDemoDip(database.db, config.baseUrl)}`);
  },
});

export const officesImportCommand = defineCommand({
  name: 'offices import',
  summary: 'Impor hierarki kantor dari CSV / import offices from CSV',
  help: [
    'npm run cli -- offices import <file.csv>',
    '',
    'Columns: slug, code, name, level (ri|province|regency), parent (slug of the parent office),',
    'optional: address, city, phone, email, website, time_zone (Asia/Jakarta|Asia/Makassar|Asia/Jayapura),',
    'hours_start, hours_end (HH:MM), letterhead (lines separated by |).',
    'All or nothing: one bad row and nothing is saved. Re-importing updates offices by slug.',
  ].join('\n'),
  options: {},
  async run(_values, positionals, { database, out }) {
    const result = await importOffices(database.db, cliActor('offices import'), readInput(positionals[0]));
    out(`Kantor / offices: ${result.created} baru/new, ${result.updated} diperbarui/updated, ${result.unchanged} tetap/unchanged`);
  },
});

export const userCreateCommand = defineCommand({
  name: 'user create',
  summary: 'Buat akun staf / create a staff account',
  help: [
    'npm run cli -- user create --office <slug> --email <e-mail> --name <name> --role <role> [--role <role>…]',
    '                           [--position <text>] [--unit <unit name>] [--password <password>]',
    '',
    'Roles: desk_officer, ppid, atasan_ppid, information_provider (needs --unit), office_admin, system_admin.',
    'Without --password the account gets a random one and its owner an e-mail to set their own.',
  ].join('\n'),
  options: {
    office: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    position: { type: 'string' },
    unit: { type: 'string' },
    password: { type: 'string' },
  },
  async run(values, _positionals, { config, database, out }) {
    if (!values.office || !values.email || !values.name || !values.role?.length) {
      throw new UsageError('--office, --email, --name dan --role wajib / --office, --email, --name and --role are required.');
    }
    const unknown = values.role.filter((r) => !isRole(r));
    if (unknown.length) throw new UsageError(`Peran tidak dikenal / unknown role: ${unknown.join(', ')}.`);
    const office = await requireOffice(database.db, values.office);
    const scope = { officeId: office.id };
    let unitId: number | null = null;
    if (values.unit) {
      const unit = (await unitsOfOffice(database.db, scope)).find((u) => u.name.toLowerCase() === values.unit!.toLowerCase());
      if (!unit) throw new UsageError(`Unit "${values.unit}" tidak ada di ${office.slug} / no such unit.`);
      unitId = unit.id;
    }
    const row = await createStaff(
      database.db,
      cliActor('user create'),
      scope,
      { name: values.name, email: values.email, position: values.position ?? '', roles: values.role, unitId, ...(values.password === undefined ? {} : { password: values.password }) },
      { mayGrantSystemAdmin: true, baseUrl: config.baseUrl },
    );
    out(`Akun dibuat / account created: #${row.id} ${row.email} (${row.roles.join(', ')}) di/at ${office.slug}`);
  },
});
