-- The outbox holds the events of every municipality, so the application role may append to it in any transaction
-- but read, mark and remove rows only as the relay and the cleanup (their subjects, set per transaction like every
-- caller context). A tenant's session sees none of it, whatever its query forgets.
ALTER TABLE platform.outbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.outbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY any_transaction_appends ON platform.outbox_messages FOR INSERT WITH CHECK (true);
CREATE POLICY relay_and_cleanup_read ON platform.outbox_messages FOR SELECT
    USING (platform.current_subject() IN ('system:outbox-relay', 'system:outbox-cleanup'));
CREATE POLICY relay_marks_delivery ON platform.outbox_messages FOR UPDATE
    USING (platform.current_subject() = 'system:outbox-relay');
CREATE POLICY cleanup_removes ON platform.outbox_messages FOR DELETE
    USING (platform.current_subject() = 'system:outbox-cleanup');

-- A consumer records a message id once (INSERT ... ON CONFLICT DO NOTHING needs no read); only the cleanup reads.
ALTER TABLE platform.inbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.inbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY consumers_record ON platform.inbox_messages FOR INSERT WITH CHECK (true);
CREATE POLICY cleanup_reads ON platform.inbox_messages FOR SELECT
    USING (platform.current_subject() = 'system:outbox-cleanup');
CREATE POLICY cleanup_removes ON platform.inbox_messages FOR DELETE
    USING (platform.current_subject() = 'system:outbox-cleanup');
