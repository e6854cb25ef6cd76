CREATE TABLE "dik_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"title" text NOT NULL,
	"pasal17" text NOT NULL,
	"other_law" text DEFAULT '' NOT NULL,
	"harm" text NOT NULL,
	"public_interest" text NOT NULL,
	"period_text" text NOT NULL,
	"period_ends_on" date,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"proposed_by_office_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dip_call_units" (
	"call_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"office_id" integer NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	CONSTRAINT "dip_call_units_call_id_unit_id_pk" PRIMARY KEY("call_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "dip_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"title" text NOT NULL,
	"instruction" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dip_edition_entries" (
	"edition_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"office_id" integer NOT NULL,
	"position" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', coalesce(snapshot->>'title', '')), 'A') || setweight(to_tsvector('indonesian', coalesce(snapshot->>'summary', '') || ' ' || coalesce(snapshot->>'holder', '')), 'B')) STORED,
	CONSTRAINT "dip_edition_entries_edition_id_item_id_pk" PRIMARY KEY("edition_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "dip_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sk_number" text DEFAULT '' NOT NULL,
	"sk_date" date,
	"sk_pdf" "bytea",
	"review_note" text DEFAULT '' NOT NULL,
	"established_by" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"ordered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dip_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"status" text DEFAULT 'staged' NOT NULL,
	"file_name" text NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"report" jsonb,
	"done" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dip_item_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"check" jsonb,
	"review" text DEFAULT 'pending' NOT NULL,
	"override_reason" text DEFAULT '' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dip_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"unit_id" integer,
	"call_id" integer,
	"request_file_id" bigint,
	"import_key" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"holder" text NOT NULL,
	"responsible" text NOT NULL,
	"produced_when" text NOT NULL,
	"produced_where" text NOT NULL,
	"has_softcopy" boolean DEFAULT false NOT NULL,
	"has_hardcopy" boolean DEFAULT false NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	"archive_location" text DEFAULT '' NOT NULL,
	"retention" text NOT NULL,
	"category" text,
	"update_months" integer,
	"next_update_on" date,
	"dik_entry_id" integer,
	"status" text DEFAULT 'submitted' NOT NULL,
	"documentation_checked" boolean DEFAULT false NOT NULL,
	"submitted_by" integer,
	"classified_by" integer,
	"classified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_pages" (
	"office_id" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_pages_office_id_kind_pk" PRIMARY KEY("office_id","kind")
);
--> statement-breakpoint
ALTER TABLE "dik_entries" ADD CONSTRAINT "dik_entries_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dik_entries" ADD CONSTRAINT "dik_entries_proposed_by_office_id_offices_id_fk" FOREIGN KEY ("proposed_by_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dik_entries" ADD CONSTRAINT "dik_entries_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_call_units" ADD CONSTRAINT "dip_call_units_call_id_dip_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."dip_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_call_units" ADD CONSTRAINT "dip_call_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_call_units" ADD CONSTRAINT "dip_call_units_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_call_units" ADD CONSTRAINT "dip_call_units_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_calls" ADD CONSTRAINT "dip_calls_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_calls" ADD CONSTRAINT "dip_calls_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_edition_entries" ADD CONSTRAINT "dip_edition_entries_edition_id_dip_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."dip_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_edition_entries" ADD CONSTRAINT "dip_edition_entries_item_id_dip_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."dip_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_edition_entries" ADD CONSTRAINT "dip_edition_entries_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_editions" ADD CONSTRAINT "dip_editions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_editions" ADD CONSTRAINT "dip_editions_established_by_staff_id_fk" FOREIGN KEY ("established_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_editions" ADD CONSTRAINT "dip_editions_reviewed_by_staff_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_imports" ADD CONSTRAINT "dip_imports_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_imports" ADD CONSTRAINT "dip_imports_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_item_files" ADD CONSTRAINT "dip_item_files_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_item_files" ADD CONSTRAINT "dip_item_files_item_id_dip_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."dip_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_item_files" ADD CONSTRAINT "dip_item_files_reviewed_by_staff_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_item_files" ADD CONSTRAINT "dip_item_files_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_call_id_dip_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."dip_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_request_file_id_request_files_id_fk" FOREIGN KEY ("request_file_id") REFERENCES "public"."request_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_dik_entry_id_dik_entries_id_fk" FOREIGN KEY ("dik_entry_id") REFERENCES "public"."dik_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_submitted_by_staff_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dip_items" ADD CONSTRAINT "dip_items_classified_by_staff_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_documents" ADD CONSTRAINT "office_documents_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_documents" ADD CONSTRAINT "office_documents_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_pages" ADD CONSTRAINT "office_pages_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_pages" ADD CONSTRAINT "office_pages_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dik_entries_office_idx" ON "dik_entries" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "dip_calls_office_idx" ON "dip_calls" USING btree ("office_id","due_on");--> statement-breakpoint
CREATE INDEX "dip_edition_entries_search_idx" ON "dip_edition_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "dip_edition_entries_office_idx" ON "dip_edition_entries" USING btree ("office_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dip_editions_office_number_key" ON "dip_editions" USING btree ("office_id","number");--> statement-breakpoint
CREATE INDEX "dip_editions_office_status_idx" ON "dip_editions" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "dip_imports_office_idx" ON "dip_imports" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "dip_item_files_item_idx" ON "dip_item_files" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "dip_items_office_idx" ON "dip_items" USING btree ("office_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "dip_items_import_key" ON "dip_items" USING btree ("office_id","import_key");--> statement-breakpoint
CREATE INDEX "office_documents_office_idx" ON "office_documents" USING btree ("office_id","kind");