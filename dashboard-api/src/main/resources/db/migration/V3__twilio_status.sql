-- Twilio's own word on each call, from CallStatusReported (the gateway's record of Twilio's status callback):
-- its final CallStatus and CallDuration, the duration Twilio bills. Owned by that event type and guarded by
-- its seq, like every other event's columns, so arrival order and replays do not matter.
ALTER TABLE dashboard.call_logs
    ADD COLUMN twilio_status           text,
    ADD COLUMN twilio_duration_seconds bigint,
    ADD COLUMN twilio_status_seq       bigint;
