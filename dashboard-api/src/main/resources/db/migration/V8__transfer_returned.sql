-- Issue 14: a transfer that did not connect (no-answer, busy, failed) gives the caller back to the agent, which takes
-- a message. transfer_outcome keeps the newest CallTransferred outcome; this says whether the caller went back to the
-- agent (null: not recorded, e.g. events written before issue 14).
ALTER TABLE dashboard.call_logs ADD COLUMN transfer_returned_to_agent boolean;
