CREATE TABLE "dispositions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"request_id" bigint NOT NULL,
	"target" text NOT NULL,
	"unit_id" integer,
	"instruction" text NOT NULL,
	"due_on" date NOT NULL,
	"from_staff_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answer_note" text DEFAULT '' NOT NULL,
	"holder" text DEFAULT '' NOT NULL,
	"expected_on" date,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "download_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"request_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"request_id" bigint NOT NULL,
	"disposition_id" bigint,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"check" jsonb,
	"release" text DEFAULT 'pending' NOT NULL,
	"release_note" text DEFAULT '' NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" integer,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"number" text NOT NULL,
	"submission_key" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_type" text NOT NULL,
	"name" text NOT NULL,
	"nik" text DEFAULT '' NOT NULL,
	"legal_number" text DEFAULT '' NOT NULL,
	"address" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"proxy_name" text DEFAULT '' NOT NULL,
	"information" text NOT NULL,
	"purpose" text NOT NULL,
	"obtain_method" text NOT NULL,
	"delivery_method" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"profile" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"intake_seconds" integer,
	"created_by" integer,
	"deadline_id" bigint,
	"extension_deadline_id" bigint,
	"extension_reason" text,
	"decision" jsonb,
	"decided_at" timestamp (3) with time zone,
	"decided_by" integer,
	"delivered_at" timestamp (3) with time zone,
	"delivery_mode" text,
	"closed_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staged_uploads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"office_id" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "request_number_pattern" text DEFAULT '{seq:4}/REG-PPID/{code}/{year}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "letter_number_pattern" text DEFAULT '{seq}/PPID/{code}/{romanMonth}/{year}' NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "reminder_days" integer[] DEFAULT '{3,1}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "download_link_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_from_staff_id_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "download_links" ADD CONSTRAINT "download_links_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "download_links" ADD CONSTRAINT "download_links_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_released_by_staff_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_deadline_id_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_extension_deadline_id_deadlines_id_fk" FOREIGN KEY ("extension_deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staged_uploads" ADD CONSTRAINT "staged_uploads_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispositions_request_idx" ON "dispositions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "dispositions_office_open_idx" ON "dispositions" USING btree ("office_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "download_links_token_key" ON "download_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "download_links_request_idx" ON "download_links" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_files_request_idx" ON "request_files" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_office_number_key" ON "requests" USING btree ("office_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_office_submission_key" ON "requests" USING btree ("office_id","submission_key");--> statement-breakpoint
CREATE INDEX "requests_office_received_idx" ON "requests" USING btree ("office_id","received_at","id");--> statement-breakpoint
CREATE INDEX "requests_office_status_idx" ON "requests" USING btree ("office_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "staged_uploads_token_key" ON "staged_uploads" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staged_uploads_created_idx" ON "staged_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id");