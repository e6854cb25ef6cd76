CREATE TABLE "case_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"objection_id" bigint,
	"dispute_id" bigint,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_stages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"dispute_id" bigint NOT NULL,
	"stage" text NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"objection_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"commission" text NOT NULL,
	"register_number" text DEFAULT '' NOT NULL,
	"filed_on" date NOT NULL,
	"window" jsonb NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"stage" text NOT NULL,
	"outcome" text,
	"outcome_note" text DEFAULT '' NOT NULL,
	"start_deadline_id" bigint,
	"finish_deadline_id" bigint,
	"closed_at" timestamp (3) with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"request_id" bigint NOT NULL,
	"number" text NOT NULL,
	"submission_key" text NOT NULL,
	"channel" text NOT NULL,
	"grounds" text[] NOT NULL,
	"description" text NOT NULL,
	"proxy_name" text DEFAULT '' NOT NULL,
	"proxy_address" text DEFAULT '' NOT NULL,
	"proxy_phone" text DEFAULT '' NOT NULL,
	"windows" jsonb NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"late_reason" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"deadline_id" bigint,
	"decision" jsonb,
	"decided_at" timestamp (3) with time zone,
	"decided_by" integer,
	"response" text,
	"response_note" text DEFAULT '' NOT NULL,
	"responded_at" timestamp (3) with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "objection_number_pattern" text DEFAULT '{seq:4}/KEB-PPID/{code}/{year}' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "reopen_deadline_id" bigint;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_stages" ADD CONSTRAINT "dispute_stages_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_stages" ADD CONSTRAINT "dispute_stages_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_stages" ADD CONSTRAINT "dispute_stages_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_start_deadline_id_deadlines_id_fk" FOREIGN KEY ("start_deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_finish_deadline_id_deadlines_id_fk" FOREIGN KEY ("finish_deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_deadline_id_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_files_objection_idx" ON "case_files" USING btree ("objection_id");--> statement-breakpoint
CREATE INDEX "case_files_dispute_idx" ON "case_files" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_stages_dispute_idx" ON "dispute_stages" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_objection_key" ON "disputes" USING btree ("objection_id");--> statement-breakpoint
CREATE INDEX "disputes_office_filed_idx" ON "disputes" USING btree ("office_id","filed_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_office_number_key" ON "objections" USING btree ("office_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_office_submission_key" ON "objections" USING btree ("office_id","submission_key");--> statement-breakpoint
CREATE INDEX "objections_request_idx" ON "objections" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "objections_office_received_idx" ON "objections" USING btree ("office_id","received_at","id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_reopen_deadline_id_deadlines_id_fk" FOREIGN KEY ("reopen_deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;