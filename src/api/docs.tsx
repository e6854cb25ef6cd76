import { text } from '../kernel/i18n.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendHtml } from '../web/context.ts';
import { Layout, pageContext, say } from '../web/layout.tsx';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

type Spec = { paths?: Record<string, Record<string, Operation>> };

/** The OpenAPI 3.1 document and a readable page drawn from it on the server (no script needed). */
export async function apiDocsRoutes(app: App, _deps: AppDeps): Promise<void> {
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const spec = app.swagger() as Spec;
    const operations = Object.entries(spec.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Dokumentasi API', 'API documentation')}>
        <p>
          {say(
            ctx.lang,
            text(
              'API JSON di /api/v1 memakai layanan dan pemeriksaan izin yang sama dengan meja kerja. Kesalahan dijawab sebagai RFC 9457 problem JSON dalam bahasa Indonesia dan Inggris. Permintaan yang mengubah data memerlukan sesi masuk dan tajuk x-csrf-token.',
              'The JSON API at /api/v1 uses the same services and permission checks as the desk. Errors are RFC 9457 problem JSON in Indonesian and English. Requests that change data need a signed-in session and an x-csrf-token header.',
            ),
          )}
        </p>
        <p>
          <a href="/api/openapi.json">{say(ctx.lang, text('Dokumen OpenAPI 3.1 (JSON)', 'OpenAPI 3.1 document (JSON)'))}</a>
        </p>
        {operations.map(({ path, method, op }) => (
          <section class="operation">
            <h2>
              <code safe>{`${method} ${path}`}</code>
            </h2>
            <p safe>{op.summary ?? ''}</p>
            {op.security?.length ? <p class="hint">{say(ctx.lang, text('Perlu masuk sebagai staf.', 'Requires a staff session.'))}</p> : ''}
            {op.parameters?.length ? (
              <>
                <h3>{say(ctx.lang, text('Parameter', 'Parameters'))}</h3>
                <ul>
                  {op.parameters.map((p) => (
                    <li>
                      <code safe>{p.name}</code> <span safe>{`(${p.in}${p.required ? ', wajib/required' : ''}) ${p.description ?? ''}`}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            {op.requestBody?.content ? (
              <>
                <h3>{say(ctx.lang, text('Isi permintaan', 'Request body'))}</h3>
                <pre safe>{JSON.stringify(Object.values(op.requestBody.content)[0]?.schema ?? {}, null, 2)}</pre>
              </>
            ) : (
              ''
            )}
            <h3>{say(ctx.lang, text('Jawaban', 'Responses'))}</h3>
            <ul>
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <li safe>{`${status}: ${r.description ?? ''}`}</li>
              ))}
            </ul>
          </section>
        ))}
      </Layout>,
    );
  });
}
