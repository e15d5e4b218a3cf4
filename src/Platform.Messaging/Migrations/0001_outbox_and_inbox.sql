-- Events leave through the outbox: written in the same transaction as the state change,
-- then delivered to the broker by the relay until the broker confirms them.
CREATE TABLE platform.outbox_messages (
    sequence      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid        NOT NULL UNIQUE,
    message_type  text        NOT NULL,
    body          jsonb       NOT NULL,
    trace_parent  text,
    trace_state   text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);

CREATE INDEX outbox_messages_pending ON platform.outbox_messages (sequence) WHERE sent_at IS NULL;
CREATE INDEX outbox_messages_sent ON platform.outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

-- A consumer applies a message once: its id is recorded in the same transaction as the effect.
CREATE TABLE platform.inbox_messages (
    message_id    uuid        NOT NULL,
    consumer      text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);

CREATE INDEX inbox_messages_processed ON platform.inbox_messages (processed_at);
