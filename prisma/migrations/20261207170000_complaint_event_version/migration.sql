-- Timeline events remember the complaint version of the change that wrote them (claimVersion sets the
-- transaction-local skyline.complaint_version), so a conflict can name what changed after the version a user saw.
-- AlterTable
ALTER TABLE "complaint_events" ADD COLUMN     "version" INTEGER DEFAULT (NULLIF(current_setting('skyline.complaint_version'::text, true), ''::text))::integer;

