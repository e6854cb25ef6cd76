import { and, desc, eq, lt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.ts';
import { officeById } from '../../offices/store.ts';
import { formatMoment, text } from '../i18n.ts';
import { roles } from '../../web/access.ts';
import type { App, AppDeps } from '../../web/app.ts';
import { scopeFor, sendHtml } from '../../web/context.ts';
import { DataTable, Layout, pageContext, say } from '../../web/layout.tsx';

const PAGE_SIZE = 50;

/** The office's own audit trail, newest first; another office's events are never in the query. */
export async function auditRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;
  app.get('/desk/audit', { config: { access: roles('ppid', 'atasan_ppid', 'office_admin') }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const scope = scopeFor(request);
    const zone = (await officeById(db, scope.officeId))?.timeZone ?? 'Asia/Jakarta';
    const beforeText = String((request.query as Record<string, unknown>).before ?? '');
    const before = /^\d{1,9}$/.test(beforeText) ? Number(beforeText) : undefined;
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, scope.officeId), before === undefined ? undefined : lt(auditEvents.seq, before)))
      .orderBy(desc(auditEvents.seq))
      .limit(PAGE_SIZE);
    const last = rows.at(-1);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Log audit kantor', 'Office audit log')}>
        <p>
          {say(
            ctx.lang,
            text(
              'Setiap perubahan dicatat di sini dan dirantai dengan hash; perintah "audit verify" memeriksa bahwa tidak ada yang diubah atau dihapus.',
              'Every change is recorded here and hash-chained; the "audit verify" command checks that nothing was edited or deleted.',
            ),
          )}
        </p>
        <DataTable lang={ctx.lang} id="audit" caption={text('Log audit', 'Audit log')}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{say(ctx.lang, text('Waktu', 'Time'))}</th>
              <th scope="col">{say(ctx.lang, text('Pelaku', 'Actor'))}</th>
              <th scope="col">{say(ctx.lang, text('Tindakan', 'Action'))}</th>
              <th scope="col">{say(ctx.lang, text('Objek', 'Subject'))}</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr>
                <td>{e.seq}</td>
                <td safe>{formatMoment(ctx.lang, e.at, zone)}</td>
                <td safe>{e.actorLabel}</td>
                <td safe>{e.action}</td>
                <td safe>{`${e.subjectType} ${e.subjectId}`}</td>
                <td safe>{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {last && rows.length === PAGE_SIZE && last.seq > 1 ? (
          <p>
            <a href={`/desk/audit?before=${last.seq}`}>{say(ctx.lang, text('Lebih lama', 'Older'))}</a>
          </p>
        ) : (
          ''
        )}
      </Layout>,
    );
  });
}
