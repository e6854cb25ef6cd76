ALTER TABLE "offices" ADD COLUMN "completion_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "missing" jsonb DEFAULT '[]'::jsonb NOT NULL;