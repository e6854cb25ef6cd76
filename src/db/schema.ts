import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** KPU RI → provinces → regencies/cities. Each office is its own public body. */
export const offices = pgTable(
  'offices',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => offices.id),
    level: text('level').notNull(), // 'ri' | 'province' | 'regency'
    code: text('code').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    city: text('city').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    letterheadLines: jsonb('letterhead_lines').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
    hoursStart: text('hours_start').notNull().default('08:00'),
    hoursEnd: text('hours_end').notNull().default('16:00'),
    afterHoursRule: text('after_hours_rule').notNull().default('next_working_day'),
    /** Registration numbers of requests (src/kernel/numbering/rules.ts). */
    requestNumberPattern: text('request_number_pattern').notNull().default('{seq:4}/REG-PPID/{code}/{year}'),
    /** Outgoing letters: notices, refusals, receipts. */
    letterNumberPattern: text('letter_number_pattern').notNull().default('{seq}/PPID/{code}/{romanMonth}/{year}'),
    /** Working days before a deadline on which staff are reminded. */
    reminderDays: integer('reminder_days').array().notNull().default(sql`'{3,1}'::integer[]`),
    /** How long an applicant's download link stays valid. */
    downloadLinkDays: integer('download_link_days').notNull().default(14),
    /** Working days an applicant is given to complete an incomplete request (office practice). */
    completionDays: integer('completion_days').notNull().default(3),
    /** Objection numbers (src/kernel/numbering/rules.ts). */
    objectionNumberPattern: text('objection_number_pattern').notNull().default('{seq:4}/KEB-PPID/{code}/{year}'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('offices_slug_key').on(t.slug), uniqueIndex('offices_code_key').on(t.code), index('offices_parent_idx').on(t.parentId)],
);

/** Units that hold information (PPID Pelaksana / penyedia informasi). */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_office_name_key').on(t.officeId, t.name)],
);

export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    unitId: integer('unit_id').references(() => units.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    active: boolean('active').notNull().default(true),
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_email_key').on(sql`lower(${t.email})`), index('staff_office_idx').on(t.officeId)],
);

/** Server-side sessions: the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenHash: text('token_hash').notNull(),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.tokenHash), index('sessions_staff_idx').on(t.staffId)],
);

/** Failed sign-ins per e-mail and per IP, for rate limiting and temporary lockout across processes. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_resets_token_key').on(t.tokenHash)],
);

/** Non-working days. office_id null = national (libur nasional, cuti bersama, election days). */
export const holidays = pgTable(
  'holidays',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').references(() => offices.id),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(), // 'libur_nasional' | 'cuti_bersama' | 'pemilu' | 'lokal'
    name: text('name').notNull(),
    decree: text('decree').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('holidays_scope_day_key').on(sql`coalesce(${t.officeId}, 0)`, t.day), index('holidays_day_idx').on(t.day)],
);

/** Periods in which an office serves under a rule profile other than 'normal' (the election regime). */
export const rulePeriods = pgTable(
  'rule_periods',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    profile: text('profile').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('rule_periods_office_idx').on(t.officeId, t.startsOn)],
);

/**
 * Every running legal clock (request notice, extension, objection answer…) lives here, so that a
 * holiday added later can recompute every open one in the same way.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    purpose: text('purpose').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    workingDays: integer('working_days').notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    explanation: jsonb('explanation').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('deadlines_open_idx').on(t.officeId, t.due), index('deadlines_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Append-only, hash-chained per office (office 0 = system-wide chain). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: integer('chain').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    officeId: integer('office_id'),
    actorId: integer('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip').notNull().default(''),
    requestId: text('request_id').notNull().default(''),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_chain_seq_key').on(t.chain, t.seq),
    index('audit_office_at_idx').on(t.officeId, t.at),
    // A request's timeline (tracking page, desk) is read from its events.
    index('audit_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** The last event of each chain, written with it: a deleted tail of the chain is then detectable too. */
export const auditHeads = pgTable('audit_heads', {
  chain: integer('chain').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
});

/** Messages to send after a transaction commits: mail and other jobs. Never deleted on failure. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    officeId: integer('office_id'),
    payload: jsonb('payload').notNull(),
    dedupeKey: text('dedupe_key'),
    status: text('status').notNull().default('pending'), // pending | running | done
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.runAfter), uniqueIndex('outbox_dedupe_key').on(t.dedupeKey)],
);

/** Raw bytes. PGlite reads bytea as Uint8Array and pg as Buffer; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Number counters (letters, later request registrations): one row per office, series and year. A
 * number is taken by incrementing the row inside the transaction that uses it, so a rollback returns it.
 */
export const counters = pgTable(
  'counters',
  {
    officeId: integer('office_id').notNull().references(() => offices.id),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [uniqueIndex('counters_office_series_year_key').on(t.officeId, t.series, t.year)],
);

/** Every letter an office issued: the exact PDF, its hash, and the code its QR verification page uses. */
export const letters = pgTable(
  'letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull(),
    sha256: text('sha256').notNull(),
    verifyCode: text('verify_code').notNull(),
    pdf: bytea('pdf').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('letters_office_number_key').on(t.officeId, t.number),
    uniqueIndex('letters_verify_code_key').on(t.verifyCode),
    index('letters_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** Installation-wide values generated once (cookie secret) and shared by every process. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A request for information (permohonan, DOMAIN.md §5). The register and the reports are read from
 * these rows; nothing in them is typed twice. The applicant's NIK is personal data: pages and exports
 * show it masked except to the roles that need it.
 */
export const requests = pgTable(
  'requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    number: text('number').notNull(),
    /** The form's one-time key: a resubmitted form finds the request it already made. */
    submissionKey: text('submission_key').notNull(),
    channel: text('channel').notNull(),
    applicantType: text('applicant_type').notNull(),
    name: text('name').notNull(),
    nik: text('nik').notNull().default(''),
    /** Legal entities: the deed or SK pengesahan number. */
    legalNumber: text('legal_number').notNull().default(''),
    address: text('address').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    /** Filed through a proxy (kuasa): the proxy's name; the power of attorney is among the files. */
    proxyName: text('proxy_name').notNull().default(''),
    information: text('information').notNull(),
    purpose: text('purpose').notNull(),
    obtainMethod: text('obtain_method').notNull(),
    deliveryMethod: text('delivery_method').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    profile: text('profile').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Desk intake: how long the form took, against the SOP's 10 minutes. */
    intakeSeconds: integer('intake_seconds'),
    createdBy: integer('created_by').references(() => staff.id),
    deadlineId: bigint('deadline_id', { mode: 'number' }).references(() => deadlines.id),
    extensionDeadlineId: bigint('extension_deadline_id', { mode: 'number' }).references(() => deadlines.id),
    extensionReason: text('extension_reason'),
    /** An objection overturned the decision: the new clock to deliver (src/objections/service.ts). */
    reopenDeadlineId: bigint('reopen_deadline_id', { mode: 'number' }).references(() => deadlines.id),
    /** What was decided and the notice's contents (held by whom, withheld parts, costs…): see requests/rules.ts. */
    decision: jsonb('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    decidedBy: integer('decided_by').references(() => staff.id),
    /**
     * Working days from day zero to the decision, counted when it was made (like a deadline, it is not
     * recounted when holidays change later): the annual report's time-to-answer figures sum this column.
     */
    answerWorkingDays: integer('answer_working_days'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
    deliveryMode: text('delivery_mode'),
    /** How the applicant paid the costs of the notice ('cash', 'transfer'); null when nothing was due. */
    paymentMethod: text('payment_method'),
    /**
     * What a desk-recorded request still lacks (NIK, power of attorney, deed…): an incomplete request is
     * registered, not refused (DOMAIN.md §5), and the applicant is told what to complete.
     */
    missing: jsonb('missing').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('requests_office_number_key').on(t.officeId, t.number),
    uniqueIndex('requests_office_submission_key').on(t.officeId, t.submissionKey),
    index('requests_office_received_idx').on(t.officeId, t.receivedAt, t.id),
    index('requests_office_status_idx').on(t.officeId, t.status),
  ],
);

/**
 * Files of a request: the applicant's identity documents (private, never released), the scanned
 * letter of a remote channel, and answers from units and the PPID with the checker's report.
 */
export const requestFiles = pgTable(
  'request_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    dispositionId: bigint('disposition_id', { mode: 'number' }),
    role: text('role').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    check: jsonb('check'),
    /** 'pending' until the PPID releases it (findings resolved or overridden) or withholds it. */
    release: text('release').notNull().default('pending'),
    releaseNote: text('release_note').notNull().default(''),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: integer('released_by').references(() => staff.id),
    uploadedBy: integer('uploaded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('request_files_request_idx').on(t.requestId)],
);

/** A nota dinas / disposisi: the desk to the PPID, or the PPID to a unit, each with its own internal deadline. */
export const dispositions = pgTable(
  'dispositions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    target: text('target').notNull(), // 'ppid' | 'unit'
    unitId: integer('unit_id').references(() => units.id),
    instruction: text('instruction').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    fromStaffId: integer('from_staff_id').references(() => staff.id),
    status: text('status').notNull().default('open'), // open | answered | closed
    answer: text('answer'), // provided | not_held | not_documented
    answerNote: text('answer_note').notNull().default(''),
    holder: text('holder').notNull().default(''),
    expectedOn: date('expected_on', { mode: 'string' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('dispositions_request_idx').on(t.requestId), index('dispositions_office_open_idx').on(t.officeId, t.status, t.dueOn)],
);

/** A download link sent to an applicant: the token's hash, the files it opens, and when it stops working. */
export const downloadLinks = pgTable(
  'download_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    downloads: integer('downloads').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('download_links_token_key').on(t.tokenHash), index('download_links_request_idx').on(t.requestId)],
);

/**
 * Files sent with a form that came back with errors, kept so that the person need not choose them
 * again. The form carries the token; the row goes when the form is sent successfully or after a day.
 */
export const stagedUploads = pgTable(
  'staged_uploads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenHash: text('token_hash').notNull(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staged_uploads_token_key').on(t.tokenHash), index('staged_uploads_created_idx').on(t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------
// The Daftar Informasi Publik (SOP 000, DOMAIN.md §3–4)

/** A PPID's call to the units for their information (SOP step 1: five days by default). */
export const dipCalls = pgTable(
  'dip_calls',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    title: text('title').notNull(),
    instruction: text('instruction').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('dip_calls_office_idx').on(t.officeId, t.dueOn)],
);

/** Which units a call asks, and when each said it had handed over everything. */
export const dipCallUnits = pgTable(
  'dip_call_units',
  {
    callId: integer('call_id').notNull().references(() => dipCalls.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
    officeId: integer('office_id').notNull().references(() => offices.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.callId, t.unitId] })],
);

/**
 * One piece of information an office holds, as a unit submitted it and the PPID classified it. The
 * public never reads these rows: the portal reads an edition's snapshot (dip_edition_entries).
 */
export const dipItems = pgTable(
  'dip_items',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    unitId: integer('unit_id').references(() => units.id),
    callId: integer('call_id').references(() => dipCalls.id),
    /** Promoted from a file released to an applicant. */
    requestFileId: bigint('request_file_id', { mode: 'number' }).references(() => requestFiles.id),
    /** The number the office gave it in its own spreadsheet: re-importing updates, never duplicates. */
    importKey: text('import_key'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Pejabat / unit yang menguasai informasi. */
    holder: text('holder').notNull(),
    /** Penanggung jawab pembuatan informasi. */
    responsible: text('responsible').notNull(),
    producedWhen: text('produced_when').notNull(),
    producedWhere: text('produced_where').notNull(),
    hasSoftcopy: boolean('has_softcopy').notNull().default(false),
    hasHardcopy: boolean('has_hardcopy').notNull().default(false),
    onlineLink: text('online_link').notNull().default(''),
    archiveLocation: text('archive_location').notNull().default(''),
    /** Jangka waktu penyimpanan (the archive retention schedule, PKPU 17/2023). */
    retention: text('retention').notNull(),
    /** berkala | serta_merta | setiap_saat | dikecualikan; null until the PPID classifies it. */
    category: text('category'),
    /** Berkala items: months between updates, and when the next is due. */
    updateMonths: integer('update_months'),
    nextUpdateOn: date('next_update_on', { mode: 'string' }),
    dikEntryId: integer('dik_entry_id').references((): AnyPgColumn => dikEntries.id),
    status: text('status').notNull().default('submitted'), // submitted | classified | withdrawn
    documentationChecked: boolean('documentation_checked').notNull().default(false),
    submittedBy: integer('submitted_by').references(() => staff.id),
    classifiedBy: integer('classified_by').references(() => staff.id),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dip_items_office_idx').on(t.officeId, t.status),
    uniqueIndex('dip_items_import_key').on(t.officeId, t.importKey),
  ],
);

/** Softcopies of a DIP item, each checked before it may be published. */
export const dipItemFiles = pgTable(
  'dip_item_files',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    itemId: integer('item_id').notNull().references(() => dipItems.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    check: jsonb('check'),
    /** pending | clear | overridden: publishable once clear, or overridden by the PPID with a reason. */
    review: text('review').notNull().default('pending'),
    overrideReason: text('override_reason').notNull().default(''),
    reviewedBy: integer('reviewed_by').references(() => staff.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    uploadedBy: integer('uploaded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('dip_item_files_item_idx').on(t.itemId)],
);

/**
 * The list of exempt information (DIK), each entry with its consequence test. KPU RI's entries apply
 * to every office below it; a lower office's proposal waits for the office above to accept it.
 */
export const dikEntries = pgTable(
  'dik_entries',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    title: text('title').notNull(),
    pasal17: text('pasal17').notNull(),
    otherLaw: text('other_law').notNull().default(''),
    /** The consequence of disclosure found by the test (uji konsekuensi). */
    harm: text('harm').notNull(),
    /** Why keeping it closed serves the public interest more than opening it. */
    publicInterest: text('public_interest').notNull(),
    /** Often a condition ("until the investigation ends") rather than a date. */
    periodText: text('period_text').notNull(),
    periodEndsOn: date('period_ends_on', { mode: 'string' }),
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('in_force'), // in_force | proposed | rejected | revoked
    /** A proposal from a lower office (set on entries filed at the office above). */
    proposedByOfficeId: integer('proposed_by_office_id').references(() => offices.id),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('dik_entries_office_idx').on(t.officeId, t.status)],
);

/** An established DIP (penetapan by SK PPID); each update (pemutakhiran) is a new edition. */
export const dipEditions = pgTable(
  'dip_editions',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    number: integer('number').notNull(),
    status: text('status').notNull().default('draft'), // draft | submitted | returned | ordered
    skNumber: text('sk_number').notNull().default(''),
    skDate: date('sk_date', { mode: 'string' }),
    skPdf: bytea('sk_pdf'),
    reviewNote: text('review_note').notNull().default(''),
    establishedBy: integer('established_by').references(() => staff.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => staff.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The Secretary's order to upload: the edition is public from this moment. */
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dip_editions_office_number_key').on(t.officeId, t.number), index('dip_editions_office_status_idx').on(t.officeId, t.status)],
);

/** PostgreSQL's full-text vector, for the generated search column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * An item as an edition established it. The portal and its search read only these, and only for
 * ordered editions, so nothing unpublished can be reached by any URL.
 */
export const dipEditionEntries = pgTable(
  'dip_edition_entries',
  {
    editionId: integer('edition_id').notNull().references(() => dipEditions.id),
    itemId: integer('item_id').notNull().references(() => dipItems.id),
    officeId: integer('office_id').notNull().references(() => offices.id),
    /** The item's number in this edition's table. */
    position: integer('position').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('indonesian', coalesce(snapshot->>'title', '')), 'A') || setweight(to_tsvector('indonesian', coalesce(snapshot->>'summary', '') || ' ' || coalesce(snapshot->>'holder', '')), 'B')`,
    ),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.itemId] }), index('dip_edition_entries_search_idx').using('gin', t.search), index('dip_edition_entries_office_idx').on(t.officeId)],
);

/** The office's public pages that its admin writes: PPID profile, maklumat pelayanan, hours and costs… */
export const officePages = pgTable(
  'office_pages',
  {
    officeId: integer('office_id').notNull().references(() => offices.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    updatedBy: integer('updated_by').references(() => staff.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.kind] })],
);

/** Documents an office publishes beside its pages: the SOPs, regulations, the SK PPID. */
export const officeDocuments = pgTable(
  'office_documents',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    kind: text('kind').notNull(), // procedure | regulation | decree
    title: text('title').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('office_documents_office_idx').on(t.officeId, t.kind)],
);

/** A DIP spreadsheet import: parsed rows wait here for the column mapping and the user's choice. */
export const dipImports = pgTable(
  'dip_imports',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    status: text('status').notNull().default('staged'), // staged | running | done | cancelled | failed
    fileName: text('file_name').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    report: jsonb('report'),
    done: integer('done').notNull().default(0),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('dip_imports_office_idx').on(t.officeId)],
);

/**
 * Objections (keberatan, DOMAIN.md §6): a case of its own against one request, with its own number,
 * clock (objection_answer), decision by the Atasan PPID and letters.
 */
export const objections = pgTable(
  'objections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    number: text('number').notNull(),
    /** The form's one-time key: a resubmitted form finds the objection it already made. */
    submissionKey: text('submission_key').notNull(),
    /** 'online' (tracking page) or 'desk' (staff filled the form). */
    channel: text('channel').notNull(),
    grounds: text('grounds').array().notNull(),
    description: text('description').notNull(),
    /** Filed by a proxy (kuasa): the power of attorney is among the objection's files. */
    proxyName: text('proxy_name').notNull().default(''),
    proxyAddress: text('proxy_address').notNull().default(''),
    proxyPhone: text('proxy_phone').notNull().default(''),
    /** Each ground's 30-working-day window as counted at filing (src/objections/rules.ts checkWindows). */
    windows: jsonb('windows').notNull(),
    /** Filed after a window closed: kept, explained, and the applicant's reason recorded. */
    late: boolean('late').notNull().default(false),
    lateReason: text('late_reason').notNull().default(''),
    status: text('status').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    deadlineId: bigint('deadline_id', { mode: 'number' }).references(() => deadlines.id),
    decision: jsonb('decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    decidedBy: integer('decided_by').references(() => staff.id),
    /** The applicant's reaction to the decision: 'accepted' or 'not_accepted'. */
    response: text('response'),
    responseNote: text('response_note').notNull().default(''),
    respondedAt: timestamp('responded_at', { withTimezone: true, precision: 3 }),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('objections_office_number_key').on(t.officeId, t.number),
    uniqueIndex('objections_office_submission_key').on(t.officeId, t.submissionKey),
    index('objections_request_idx').on(t.requestId),
    index('objections_office_received_idx').on(t.officeId, t.receivedAt, t.id),
  ],
);

/** Disputes (sengketa) at the Komisi Informasi, one per objection. */
export const disputes = pgTable(
  'disputes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    objectionId: bigint('objection_id', { mode: 'number' }).notNull().references(() => objections.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    commission: text('commission').notNull(),
    /** The commission's register number, once it gives one. */
    registerNumber: text('register_number').notNull().default(''),
    /** The day the commission received the application. */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** The 14-working-day filing window as counted when recorded (src/objections/rules.ts). */
    window: jsonb('window').notNull(),
    late: boolean('late').notNull().default(false),
    stage: text('stage').notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note').notNull().default(''),
    startDeadlineId: bigint('start_deadline_id', { mode: 'number' }).references(() => deadlines.id),
    finishDeadlineId: bigint('finish_deadline_id', { mode: 'number' }).references(() => deadlines.id),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('disputes_objection_key').on(t.objectionId), index('disputes_office_filed_idx').on(t.officeId, t.filedOn, t.id)],
);

/** A dispute's stages as they happened (mediation, adjudication, decision, court). */
export const disputeStages = pgTable(
  'dispute_stages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    disputeId: bigint('dispute_id', { mode: 'number' }).notNull().references(() => disputes.id),
    stage: text('stage').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('dispute_stages_dispute_idx').on(t.disputeId)],
);

/** Files of objections (power of attorney) and disputes (the commission's summons, minutes, rulings). */
export const caseFiles = pgTable(
  'case_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    objectionId: bigint('objection_id', { mode: 'number' }).references(() => objections.id),
    disputeId: bigint('dispute_id', { mode: 'number' }).references(() => disputes.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_files_objection_idx').on(t.objectionId), index('case_files_dispute_idx').on(t.disputeId)],
);

/**
 * The annual report (Laporan Layanan Informasi Publik, Perki 1/2021 Pasal 56): one row per version. A
 * draft shows live figures; submitting freezes them in `figures`, and a later version records what
 * changed against the one before (`changes`).
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: serial('id').primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(), // draft | submitted
    /** The sections staff write: policy, facilities, staff, budget, obstacles, recommendations. */
    narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Why a new version was made (versions after the first). */
    revisionReason: text('revision_reason').notNull().default(''),
    figures: jsonb('figures'),
    changes: jsonb('changes'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by').references(() => staff.id),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_reports_office_year_version_key').on(t.officeId, t.year, t.version)],
);

/** Survei Kepuasan Masyarakat (PermenPANRB 14/2017): one invitation per closed request, answered once. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull().references(() => requests.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_invitations_request_key').on(t.requestId), uniqueIndex('survey_invitations_token_key').on(t.tokenHash)],
);

/**
 * An SKM answer: the nine elements (U1–U9) scored 1–4. Nothing links it to its invitation (and so to
 * the request and the applicant): "answered once" is kept on the invitation (src/survey/service.ts).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    scores: integer('scores').array().notNull(),
    comment: text('comment').notNull().default(''),
    /** The office's local day of the answer: periods are counted on it. */
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('survey_responses_office_day_idx').on(t.officeId, t.answeredOn)],
);

export const schema = {
  offices,
  units,
  staff,
  sessions,
  signInAttempts,
  passwordResets,
  holidays,
  rulePeriods,
  deadlines,
  auditEvents,
  auditHeads,
  outbox,
  settings,
  counters,
  letters,
  requests,
  requestFiles,
  dispositions,
  downloadLinks,
  stagedUploads,
  dipCalls,
  dipCallUnits,
  dipItems,
  dipItemFiles,
  dikEntries,
  dipEditions,
  dipEditionEntries,
  officePages,
  officeDocuments,
  dipImports,
  objections,
  disputes,
  disputeStages,
  caseFiles,
  annualReports,
  surveyInvitations,
  surveyResponses,
};
