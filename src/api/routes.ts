import { Type, type Static } from 'typebox';
import { notFound } from '../kernel/errors.ts';
import { officeById, officeBySlug, allOffices, staffOfOffice, unitsOfOffice, type OfficeRow, type StaffRow } from '../offices/store.ts';
import { createStaff, createUnit } from '../offices/service.ts';
import { PUBLIC, roles, SIGNED_IN } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, scopeFor } from '../web/context.ts';
import { apiDocsRoutes } from './docs.tsx';
import { Problem } from './schemas.ts';
import { calendarApiRoutes } from '../calendar/api.ts';

const Office = Type.Object({
  slug: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('ri'), Type.Literal('province'), Type.Literal('regency')]),
  parent: Type.Union([Type.String(), Type.Null()], { description: 'slug of the parent office' }),
  address: Type.String(),
  city: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  website: Type.String(),
  timeZone: Type.String({ description: 'IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)' }),
  hoursStart: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  hoursEnd: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
});

const Staff = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  position: Type.String(),
  roles: Type.Array(Type.String()),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
  totpEnabled: Type.Boolean(),
});

const Unit = Type.Object({ id: Type.Integer(), name: Type.String(), active: Type.Boolean() });

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 60 }) });

const StaffCreate = Type.Object(
  {
    name: Type.String({ maxLength: 150 }),
    email: Type.String({ maxLength: 254 }),
    position: Type.Optional(Type.String({ maxLength: 150 })),
    roles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 6 }),
    unitId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const UnitCreate = Type.Object({ name: Type.String({ maxLength: 150 }) }, { additionalProperties: false });

function officeJson(office: OfficeRow, bySlug: Map<number, string>): Static<typeof Office> {
  return {
    slug: office.slug,
    code: office.code,
    name: office.name,
    level: office.level as 'ri' | 'province' | 'regency',
    parent: office.parentId ? (bySlug.get(office.parentId) ?? null) : null,
    address: office.address,
    city: office.city,
    phone: office.phone,
    email: office.email,
    website: office.website,
    timeZone: office.timeZone,
    hoursStart: office.hoursStart,
    hoursEnd: office.hoursEnd,
  };
}

function staffJson(row: StaffRow): Static<typeof Staff> {
  return { id: row.id, name: row.name, email: row.email, position: row.position, roles: row.roles, unitId: row.unitId, active: row.active, totpEnabled: row.totpEnabled };
}

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

/** /api/v1: the same services as the desk, the same permission check, JSON in and out. */
export async function apiRoutes(app: App, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  await apiDocsRoutes(app, deps);

  app.get(
    '/api/v1/offices',
    {
      config: { access: PUBLIC },
      schema: { tags: ['offices'], summary: 'All offices (KPU RI → provinces → regencies/cities)', response: { 200: Type.Object({ offices: Type.Array(Office) }) } },
    },
    async () => {
      const rows = await allOffices(db);
      const bySlug = new Map(rows.map((o) => [o.id, o.slug]));
      return { offices: rows.map((o) => officeJson(o, bySlug)) };
    },
  );

  app.get(
    '/api/v1/offices/:slug',
    { config: { access: PUBLIC }, schema: { tags: ['offices'], summary: 'One office', params: SlugParams, response: { 200: Office, ...problems } } },
    async (request) => {
      const office = await officeBySlug(db, request.params.slug);
      if (!office) throw notFound();
      const parent = office.parentId ? await officeById(db, office.parentId) : undefined;
      return officeJson(office, new Map(parent ? [[parent.id, parent.slug]] : []));
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: SIGNED_IN },
      schema: { tags: ['staff'], summary: 'The signed-in staff member', security: [{ session: [] }], response: { 200: Type.Object({ staff: Staff, office: Type.String() }), ...problems } },
    },
    async (request) => {
      const me = currentStaff(request);
      const office = (await officeById(db, me.officeId))!;
      return { staff: staffJson(me), office: office.slug };
    },
  );

  app.get(
    '/api/v1/staff',
    {
      config: { access: roles('office_admin') },
      schema: { tags: ['staff'], summary: "The office's staff accounts", security: [{ session: [] }], response: { 200: Type.Object({ staff: Type.Array(Staff) }), ...problems } },
    },
    async (request) => ({ staff: (await staffOfOffice(db, scopeFor(request))).map(staffJson) }),
  );

  app.post(
    '/api/v1/staff',
    {
      config: { access: roles('office_admin') },
      schema: {
        tags: ['staff'],
        summary: 'Create a staff account in the caller’s office; its owner is e-mailed to set a password',
        security: [{ session: [] }],
        body: StaffCreate,
        response: { 201: Staff, ...problems, 409: Problem },
      },
    },
    async (request, reply) => {
      const me = currentStaff(request);
      const body = request.body;
      const row = await createStaff(
        db,
        actorOf(request),
        scopeFor(request),
        { name: body.name, email: body.email, position: body.position ?? '', roles: body.roles, unitId: body.unitId ?? null },
        { mayGrantSystemAdmin: me.roles.includes('system_admin'), baseUrl: deps.config.baseUrl },
      );
      return reply.status(201).send(staffJson(row));
    },
  );

  app.get(
    '/api/v1/units',
    {
      config: { access: SIGNED_IN },
      schema: { tags: ['units'], summary: "The office's units", security: [{ session: [] }], response: { 200: Type.Object({ units: Type.Array(Unit) }), ...problems } },
    },
    async (request) => ({ units: (await unitsOfOffice(db, scopeFor(request))).map((u) => ({ id: u.id, name: u.name, active: u.active })) }),
  );

  app.post(
    '/api/v1/units',
    {
      config: { access: roles('office_admin') },
      schema: { tags: ['units'], summary: 'Add a unit to the caller’s office', security: [{ session: [] }], body: UnitCreate, response: { 201: Unit, ...problems } },
    },
    async (request, reply) => {
      const unit = await createUnit(db, actorOf(request), scopeFor(request), request.body.name);
      return reply.status(201).send({ id: unit.id, name: unit.name, active: unit.active });
    },
  );

  await calendarApiRoutes(app, deps);
}
