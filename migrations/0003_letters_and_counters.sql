CREATE TABLE "counters" (
	"office_id" integer NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"subject" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"sha256" text NOT NULL,
	"verify_code" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counters_office_series_year_key" ON "counters" USING btree ("office_id","series","year");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_office_number_key" ON "letters" USING btree ("office_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_verify_code_key" ON "letters" USING btree ("verify_code");--> statement-breakpoint
CREATE INDEX "letters_subject_idx" ON "letters" USING btree ("subject_type","subject_id");