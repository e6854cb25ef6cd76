import { defineCommand } from '../../cli/command.ts';
import { verifyAuditLog } from './store.ts';

export const auditVerifyCommand = defineCommand({
  name: 'audit verify',
  summary: 'Periksa keutuhan log audit / verify the audit log hash chains',
  help: 'npm run cli -- audit verify\n\nRecomputes every hash chain. Exit code 0 when intact, 1 when an event was edited or deleted.',
  options: {},
  async run(_values, _positionals, { database, out }) {
    const result = await verifyAuditLog(database.db);
    if (result.problems.length === 0) {
      out(`Log audit utuh / audit log intact: ${result.events} peristiwa/events dalam/in ${result.chains} rantai/chains.`);
      return 0;
    }
    out(`Log audit RUSAK / audit log TAMPERED: ${result.problems.length} masalah/problems in ${result.events} events.`);
    const words = { edited: 'diubah / edited', missing: 'hilang / missing', broken_link: 'rantai putus / broken link', head_mismatch: 'ujung rantai tidak cocok (baris terakhir dihapus?) / chain head mismatch (last row deleted?)' };
    for (const p of result.problems.slice(0, 50)) out(`  rantai/chain ${p.chain} #${p.seq}: ${words[p.problem]}`);
    return 1;
  },
});
