import { Type } from 'typebox';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { officeBySlug } from '../offices/store.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { Problem } from '../api/schemas.ts';
import { explainDeadline, MAX_WORKING_DAYS, parseInstant } from './rules.ts';
import { computeDeadlineForOffice } from './service.ts';
import { listHolidays } from './store.ts';

const Holiday = Type.Object({
  day: Type.String({ format: 'date' }),
  kind: Type.String({ description: 'libur_nasional | cuti_bersama | pemilu | lokal' }),
  name: Type.String(),
  decree: Type.String(),
  office: Type.Union([Type.String(), Type.Null()], { description: 'office slug for a local holiday, null for national' }),
});

const Skipped = Type.Object({ day: Type.String(), kind: Type.String(), name: Type.String() });

/** A moment with its offset, e.g. 2026-03-17T09:30:00+07:00; anything else is a 400 with a sentence. */
function parseReceived(value: string): Date {
  const at = parseInstant(value);
  if (!at) {
    throw new AppError(
      400,
      'invalid',
      text(
        'Waktu diterima harus ISO 8601 lengkap dengan zona, mis. 2026-03-17T09:30:00+07:00.',
        'The received time must be ISO 8601 with an offset, e.g. 2026-03-17T09:30:00+07:00.',
      ),
      { received: text('Format waktu tidak sah.', 'Invalid date-time.') },
    );
  }
  return at;
}

export async function calendarApiRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  app.get(
    '/api/v1/holidays',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['calendar'],
        summary: 'Non-working days of a year: national, plus an office’s own when office is given',
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), office: Type.Optional(Type.String({ maxLength: 60 })) }),
        response: { 200: Type.Object({ year: Type.Integer(), holidays: Type.Array(Holiday) }), 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { year, office: slug } = request.query;
      const office = slug ? await officeBySlug(db, slug) : undefined;
      if (slug && !office) throw new AppError(404, 'not_found', text(`Kantor "${slug}" tidak ditemukan.`, `Office "${slug}" not found.`));
      const rows = await listHolidays(db, { year, officeId: office?.id });
      return {
        year,
        holidays: rows.map((h) => ({ day: h.day, kind: h.kind, name: h.name, decree: h.decree, office: h.officeId === null ? null : (office?.slug ?? null) })),
      };
    },
  );

  app.get(
    '/api/v1/deadline',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['calendar'],
        summary: 'The due date for something received at an office, with how it was counted',
        querystring: Type.Object({
          office: Type.String({ maxLength: 60 }),
          received: Type.String({ maxLength: 40, description: 'ISO 8601 with offset, e.g. 2026-03-17T09:30:00+07:00' }),
          workingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS, description: 'default: the request-notice period of the office’s rule profile' })),
        }),
        response: {
          200: Type.Object({
            office: Type.String(),
            due: Type.String({ format: 'date' }),
            dayZero: Type.String(),
            workingDays: Type.Integer(),
            profile: Type.Union([Type.String(), Type.Null()]),
            counted: Type.Array(Type.String()),
            skipped: Type.Array(Skipped),
            yearsWithoutHolidays: Type.Array(Type.Integer()),
            explanation: Type.Object({ id: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
          }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const { office, received, workingDays } = request.query;
      const { result, profile } = await computeDeadlineForOffice(db, office, parseReceived(received), workingDays);
      return {
        office,
        due: result.due,
        dayZero: result.dayZero,
        workingDays: result.workingDays,
        profile: profile?.name ?? null,
        counted: result.counted,
        skipped: result.skipped.map((s) => ({ day: s.day, kind: s.kind, name: s.name })),
        yearsWithoutHolidays: result.yearsWithoutHolidays,
        explanation: { id: explainDeadline(result, 'id'), en: explainDeadline(result, 'en') },
      };
    },
  );
}
