ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk";
--> statement-breakpoint
DROP INDEX "survey_responses_invitation_key";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "invitation_id";